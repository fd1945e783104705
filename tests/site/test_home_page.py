"""The home page as built (issue 12): every article and every self-check is one tap away
(a link in the page itself, not behind the navigation drawer), and the three reader paths
are links to their own sections. Static checks on site/index.html."""

from __future__ import annotations

import html
import re
from urllib.parse import urldefrag, urljoin

import pytest

from harness.build import REPO
from steadyground.bench.html_tree import parse

# The three ways readers arrive (docs/index.md), each a card that jumps to its section.
READER_PATHS = ["Thinking about no contact", "You went no contact and it is hard", "You cannot cut contact"]


def content_links(page_html: str) -> set[str]:
    """Site paths ("articles/x/", "quizzes/") linked from the page content: the <article>,
    which is what a reader sees and taps without opening a menu."""
    article = next((e for e in parse(page_html).iter("article") if "md-content__inner" in e.classes()), None)
    if article is None:
        return set()
    paths = set()
    for link in article.iter("a"):
        href = urldefrag(link.attrs.get("href", "")).url
        if href and "://" not in href and not href.startswith(("mailto:", "tel:")):
            paths.add(urljoin("/", href).lstrip("/"))
    return paths


def test_content_links_counts_only_links_in_the_page_itself():
    html = ('<nav><a href="articles/in-menu/">menu</a></nav>'
            '<article class="md-content__inner md-typeset"><a href="articles/a/">A</a>'
            '<a href="quizzes/q/#x">Q</a><a href="https://example.org/">out</a></article>')
    assert content_links(html) == {"articles/a/", "quizzes/q/"}
    assert content_links("<p>no article</p>") == set()


@pytest.fixture(scope="module")
def home(site):
    return (site.root / "index.html").read_text(encoding="utf-8")


def _article_slugs() -> list[str]:
    return sorted(p.stem for p in (REPO / "docs" / "articles").glob("*.md"))


def _quiz_slugs() -> list[str]:
    return sorted(p.stem for p in (REPO / "quizzes").glob("*.yml"))


def test_the_articles_and_quizzes_are_found():
    assert len(_article_slugs()) >= 16 and len(_quiz_slugs()) >= 5


@pytest.mark.parametrize("slug", _article_slugs())
def test_every_article_is_one_tap_from_home(site, home, slug):
    path = f"articles/{slug}/"
    assert path in content_links(home), f"the home page does not link {path}"
    assert (site.root / path / "index.html").is_file()


@pytest.mark.parametrize("path", ["quizzes/"] + [f"quizzes/{slug}/" for slug in _quiz_slugs()])
def test_every_quiz_and_the_self_checks_page_are_linked_from_home(site, home, path):
    assert path in content_links(home), f"the home page does not link {path}"
    assert (site.root / path / "index.html").is_file()


def _spanish_slugs(folder: str, pattern: str) -> list[str]:
    return sorted(p.stem for p in (REPO / folder).glob(pattern))


@pytest.mark.parametrize("path", [f"articulos/{slug}/" for slug in _spanish_slugs("docs/es/articulos", "*.md")]
                         + ["quizzes/"] + [f"quizzes/{slug}/" for slug in _spanish_slugs("quizzes/es", "*.yml")])
def test_every_spanish_article_and_quiz_is_one_tap_from_the_spanish_home(site, path):
    """The same promise on the Spanish home page, for the Spanish pages and quizzes."""
    spanish_home = (site.root / "es" / "index.html").read_text(encoding="utf-8")
    linked = {link.removeprefix(urljoin("/", "es/").lstrip("/")) for link in content_links(spanish_home)}
    assert path in linked, f"the Spanish home page does not link es/{path}"
    assert (site.root / "es" / path / "index.html").is_file()


def _text(fragment: str) -> str:
    """Reading-order text of an HTML fragment (harness.html keeps text per element only)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_reader_paths_are_cards_that_jump_to_their_sections(home):
    boxes = re.findall(r'<div class="home-paths">(.*?)</div>', home, re.S)
    assert len(boxes) == 1, 'one <div class="home-paths"> on the home page'
    cards = re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', boxes[0], re.S)
    assert len(cards) == len(READER_PATHS), f"{len(cards)} cards, expected {len(READER_PATHS)}"
    sections = {anchor: _text(inner) for anchor, inner in re.findall(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', home, re.S)}
    for (href, inner), title in zip(cards, READER_PATHS):
        card_title = re.search(r'<span class="home-paths__title">(.*?)</span>', inner, re.S)
        assert card_title and _text(card_title.group(1)) == title, f"card {href}: not '{title}'"
        assert href.startswith("#"), f"{title}: {href!r} is not a link to a section of the home page"
        assert sections.get(href[1:]) == title, f"{title}: {href} is not the section '{title}'"


def test_home_stylesheet_is_in_the_bundle(site):
    bundle = (site.root / "assets" / "stylesheets" / "site.min.css").read_text(encoding="utf-8")
    assert ".home-paths" in bundle
    assert not (site.root / "assets" / "stylesheets" / "home.css").exists(), "home.css ships only in the bundle"
