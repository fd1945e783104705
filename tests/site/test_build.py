"""The strict build passes, and fails on what would hurt readers: a broken internal link
or an image from another host (PRIV-2). The build never writes into docs/ or quizzes/."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from harness.build import build_site
from harness.project import PROJECT_PARTS, copy_project


def _copy_project(dest: Path) -> Path:
    """The project with its English config only (mkdocs.es.yml left out: one language to build)."""
    parts = tuple(part for part in PROJECT_PARTS if part != "mkdocs.es.yml")
    return copy_project(dest, parts) / "mkdocs.yml"


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_strict_build_passes(site):
    assert (site.root / "index.html").is_file()
    assert (site.root / "404.html").is_file()
    assert (site.root / "sitemap.xml").is_file()


def test_build_writes_nothing_into_sources(tmp_path):
    config = _copy_project(tmp_path / "project")
    watched = [tmp_path / "project" / name for name in ("docs", "quizzes")]
    before = [_tree_digest(folder) for folder in watched]
    result = build_site(tmp_path / "out", "http://127.0.0.1:9/steady-ground/", config=config)
    assert result.returncode == 0, result.output
    assert [_tree_digest(folder) for folder in watched] == before


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[a missing page](no-such-page.md)", "no-such-page.md"),
        ("[a missing heading](index.md#no-such-heading)", "no-such-heading"),
        ("![a tracking pixel](https://example.com/pixel.png)", "example.com/pixel.png"),
    ],
    ids=["broken-link", "broken-anchor", "external-image"],
)
def test_strict_build_fails_on_bad_page(tmp_path, markdown, expected):
    config = _copy_project(tmp_path / "project")
    (tmp_path / "project/docs/bad.md").write_text(f"# Bad page\n\n{markdown}\n", encoding="utf-8")
    nav = config.read_text(encoding="utf-8").replace("\nnav:\n", "\nnav:\n  - Bad: bad.md\n", 1)
    config.write_text(nav, encoding="utf-8")
    result = build_site(tmp_path / "out", "http://127.0.0.1:9/steady-ground/", config=config)
    assert result.returncode != 0, "the strict build should have failed"
    assert expected in result.output
