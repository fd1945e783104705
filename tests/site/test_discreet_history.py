"""Discreet history (PRIV-13): a watcher who opens the browser's history, tabs or new-tab
tiles reads each page's <title> and URL path. Neither may name the topic; headings, text
and search keep the topic words so readers still find what they need."""

from __future__ import annotations

import json

import pytest

from harness.pages import html_files
from steadyground.bench.html_tree import parse
from steadyground.pages.discreet import telling as _telling

# The telling words are checkkit's (the authors' rule, discreet-history, names them at their
# front matter line in every language); these tests hold the built output to the same list.

# Topic words a reader types into search, and the page that must come up for each.
TOPICS = {
    "trauma bond": "articles/strong-attachment/",
    "no contact": "articles/keeping-your-distance/",
    "abuse": "articles/planning-ahead/",
}


def test_the_word_check_catches_telling_words():
    assert _telling("Am I ready for no contact? - Steady Ground") == ["no contact"]
    assert _telling("articles/what-is-a-trauma-bond/") == ["trauma"]
    assert _telling("Planning ahead - Steady Ground") == []
    assert _telling("es/articulos/salir-del-maltrato/") == ["maltrato"]
    assert _telling("¿Lista para el contacto cero? - Steady Ground") == ["contacto cero"]


def test_no_title_names_the_topic(site):
    found = {}
    for path in html_files(site.root):
        title = next(parse(path.read_text(encoding="utf-8")).iter("title")).all_text()
        if words := _telling(title):
            found[path.relative_to(site.root).as_posix()] = (title.strip(), words)
    assert not found, f"<title>s that name the topic: {found}"


def test_no_url_path_names_the_topic(site):
    paths = [p.relative_to(site.root).as_posix() for p in site.root.rglob("*")]
    assert [p for p in paths if _telling(p)] == []


@pytest.mark.parametrize("words, location", TOPICS.items())
def test_search_still_finds_pages_by_topic_words(site, words, location):
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = {doc["location"].split("#")[0] for doc in index["docs"]
             if words in (doc["title"] + " " + doc["text"]).lower().replace("-", " ")}
    assert location in found
