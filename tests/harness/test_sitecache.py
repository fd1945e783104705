"""The test-site cache (harness/sitecache.py): a build is made once per source state and
address, reused after, never kept when it failed, and any change to what it is built from
or where it is served names another build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from harness import sitecache
from harness.generator import generator


@dataclass
class _Result:
    returncode: int
    output: str = ""
    seconds: float = 0.0


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(sitecache, "CACHE", tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    return tmp_path / "cache"


def _slot(cache: Path, key: str) -> sitecache.Slot:
    return sitecache.Slot(sitecache.SITES["site"], "http://127.0.0.1:20000/steady-ground/",
                          cache / f"site-{generator()}-{key}")


def _builder(calls: list, returncode: int = 0):
    def build(dest: Path):
        calls.append(dest)
        dest.mkdir(parents=True)
        (dest / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
        return _Result(returncode, "built", 1.5)
    return build


def test_a_build_is_made_once_then_reused(cache):
    calls = []
    first = sitecache.ensure_built(_slot(cache, "a"), _builder(calls))
    again = sitecache.ensure_built(_slot(cache, "a"), _builder(calls))
    assert (first.reused, again.reused, len(calls)) == (False, True, 1)
    assert (cache / f"site-{generator()}-a" / "site" / "index.html").is_file()
    assert again.seconds == 1.5 and again.output == "built"


def test_a_failed_build_is_not_kept(cache):
    calls = []
    failed = sitecache.ensure_built(_slot(cache, "b"), _builder(calls, returncode=1))
    assert failed.returncode == 1 and not (cache / f"site-{generator()}-b").exists()
    assert sitecache.ensure_built(_slot(cache, "b"), _builder(calls)).reused is False
    assert len(calls) == 2


def test_only_the_newest_builds_are_kept(cache):
    for key in "cdefg":
        sitecache.ensure_built(_slot(cache, key), _builder([]))
    assert len(list(cache.glob(f"site-{generator()}-*"))) == sitecache.KEEP
    assert (cache / f"site-{generator()}-g").is_dir()


def test_the_address_and_the_generator_name_another_build(monkeypatch):
    spec = sitecache.SITES["site"]
    here = sitecache._entry(spec, "http://127.0.0.1:20000/steady-ground/")
    assert here == sitecache._entry(spec, "http://127.0.0.1:20000/steady-ground/")
    assert here != sitecache._entry(spec, "http://127.0.0.1:20002/steady-ground/")
    monkeypatch.setenv("SITE_GENERATOR", "zensical")
    assert here != sitecache._entry(spec, "http://127.0.0.1:20000/steady-ground/")


def test_the_hash_covers_every_source_file_and_its_content(tmp_path, monkeypatch):
    monkeypatch.setattr(sitecache, "REPO", tmp_path)
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "index.md"
    page.write_text("one", encoding="utf-8")
    (tmp_path / "tests").mkdir()  # not a source of the site
    before = sitecache._digest(list(sitecache._files(tmp_path)))
    (tmp_path / "tests" / "test_x.py").write_text("x", encoding="utf-8")
    assert sitecache._digest(list(sitecache._files(tmp_path))) == before
    page.write_text("two", encoding="utf-8")
    assert sitecache._digest(list(sitecache._files(tmp_path))) != before
    page.write_text("one", encoding="utf-8")
    (tmp_path / "docs" / "new.md").write_text("", encoding="utf-8")
    assert sitecache._digest(list(sitecache._files(tmp_path))) != before
