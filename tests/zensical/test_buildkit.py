"""Unit tests of the generator-neutral build steps (scripts/buildkit) that only the
Zensical path uses on its own: output clean-up, the runtime style hash, staging sync."""

from __future__ import annotations

import base64
import hashlib

import pytest

from buildkit import BuildError
from buildkit.pages import with_style_hashes
from buildkit.zensical import _sync, load_config, plain_messages, runtime_style_hashes


def test_zensical_messages_lose_colour_codes_and_the_traceback_and_name_docs():
    raw = ("Build started\n\x1b[33mWarning:\x1b[0m page does not exist\n   ╭─[ bad.md:3:39 ]\n"
           "Traceback (most recent call last):\n  File \"x\", line 8, in <module>\n    sys.exit(cli())\n"
           "RuntimeError: Aborted because --strict flag is set\n")
    assert plain_messages(raw) == ("Build started\nWarning: page does not exist\n   ╭─[ docs/bad.md:3:39 ]\n"
                                   "Aborted because --strict flag is set\n")


def test_runtime_style_hash_is_read_from_the_bundle(tmp_path):
    css = ".u{text-decoration-style:wavy!important}.l{position:absolute}"
    bundle = tmp_path / "assets" / "javascripts" / "bundle.0.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text(f"var Tc='{css}';o.appendChild(C(\"style\",{{}},Tc.toString()));", encoding="utf-8")
    expected = "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
    assert runtime_style_hashes(tmp_path) == [expected]


def test_an_unrecognised_style_element_fails_the_build(tmp_path):
    bundle = tmp_path / "assets" / "javascripts" / "bundle.0.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text('document.createElement("style")', encoding="utf-8")
    with pytest.raises(BuildError, match="cannot hash"):
        runtime_style_hashes(tmp_path)


def test_style_hashes_join_the_policy_never_unsafe_inline():
    html = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'self\'; img-src \'self\'">'
    out = with_style_hashes(html, ["'sha256-abc='"])
    assert "style-src 'self' 'sha256-abc='; img-src" in out and "unsafe-inline" not in out
    assert with_style_hashes(html, []) == html


def test_sync_touches_only_changed_files(tmp_path):
    source, target = tmp_path / "a", tmp_path / "b"
    (source / "x").mkdir(parents=True)
    (source / "x" / "same.md").write_text("same")
    (source / "new.md").write_text("new")
    (target / "x").mkdir(parents=True)
    (target / "x" / "same.md").write_text("same")
    (target / "gone.md").write_text("gone")
    before = (target / "x" / "same.md").stat().st_mtime_ns
    _sync(source, target)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*.md")) == ["new.md", "x/same.md"]
    assert (target / "x" / "same.md").stat().st_mtime_ns == before


def test_config_env_tags_resolve_like_mkdocs(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV [SITE_URL, 'https://example.org/']\nname: !ENV [NO_SUCH_VARIABLE, x]\n")
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:9/sg/")
    assert load_config(config) == {"site_url": "http://127.0.0.1:9/sg/", "name": "x"}
