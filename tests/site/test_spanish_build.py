"""The Spanish pages build on their own (mkdocs.es.yml, strict): every docs/es/ page becomes a
page in Spanish, links and snippets resolve, help numbers dial. Not the full Spanish site yet:
the interface strings, hreflang and the language link are the next step (README)."""

from __future__ import annotations

import re

import pytest

from harness.build import REPO, build_site

ES_DOCS = REPO / "docs" / "es"


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory):
    dest = tmp_path_factory.mktemp("spanish-site")
    result = build_site(dest, "http://127.0.0.1:8000/es/", config=REPO / "mkdocs.es.yml")
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict -f mkdocs.es.yml failed:\n{result.output}", pytrace=False)
    return dest


def _built(source) -> str:
    relative = source.relative_to(ES_DOCS).with_suffix("")
    return "index.html" if relative.name == "index" else f"{relative.as_posix()}/index.html"


def test_every_spanish_page_is_built_in_spanish(spanish_site):
    sources = sorted(ES_DOCS.rglob("*.md"))
    assert len(sources) >= 11
    for source in sources:
        html = (spanish_site / _built(source)).read_text(encoding="utf-8")
        assert re.search(r'<html lang="es"', html), f"{_built(source)}: not lang=es"


def test_no_english_pages_in_the_spanish_build(spanish_site):
    assert not (spanish_site / "quizzes").exists()
    assert not (spanish_site / "articles").exists()


def test_safety_callout_renders_in_every_article(spanish_site):
    for html_path in sorted((spanish_site / "articulos").glob("*/index.html")):
        html = html_path.read_text(encoding="utf-8")
        assert "admonition safety" in html and 'href="../../ayuda/"' in html, html_path.parent.name


def test_help_numbers_dial(spanish_site):
    html = (spanish_site / "ayuda" / "index.html").read_text(encoding="utf-8")
    numbers = set(re.findall(r'href="tel:([^"]+)"', html))
    assert {"911", "112", "016", "079", "144", "155", "123", "1455", "133", "100", "988"} <= numbers
