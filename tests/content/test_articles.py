"""Articles and core pages as Markdown source (issue "Content"): reading level and length,
front matter (CONT-5), headings (A11Y-11), references and in-text citations, quiz links."""

from __future__ import annotations

import datetime
import re

import pytest

from markdown_pages import (
    all_pages, article_slugs, articles, iso_date, normalise, page, quiz_slugs,
)
from sitekit import readability

MAX_GRADE = 8.0
WORDS = (700, 1500)
CORE_PAGES = ["index.md", "about.md", "help.md", "safe-use.md", "privacy.md"]
MAX_DESCRIPTION = 160
MAX_CONTENT_NOTE = 200

ARTICLES = {p.name: p for p in articles()}
ALL_PAGES = {p.name: p for p in all_pages()}


def test_the_articles_are_found():
    assert len(ARTICLES) >= 10, sorted(ARTICLES)


# ---- reading level and length ------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(ARTICLES) + CORE_PAGES)
def test_reading_level_is_grade_8_or_below(name):
    measured = readability.grade(page(name).text)
    assert measured <= MAX_GRADE, f"{name}: Flesch-Kincaid grade {measured:.1f} > {MAX_GRADE}"


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_length_is_700_to_1500_words(name):
    words = readability.word_count(page(name).text)
    low, high = WORDS
    assert low <= words <= high, f"{name}: {words} words, expected {low}-{high}"


# ---- front matter (CONT-5) -----------------------------------------------------------------

# Material's own page keys are fine; anything else is probably a typo ("content-note") that would
# silently skip a check.
KNOWN_KEYS = {"title", "tab_title", "description", "reviewed", "content_note",
              "hide", "icon", "status", "search", "subtitle"}


@pytest.mark.parametrize("name", sorted(ARTICLES) + CORE_PAGES)
def test_front_matter(name):
    meta = page(name).meta
    problems = []
    if not (isinstance(meta.get("title"), str) and meta["title"].strip()):
        problems.append("no title")
    if not (isinstance(meta.get("tab_title"), str) and meta["tab_title"].strip()):
        problems.append("no tab_title (an everyday name for the browser tab and history)")
    description = meta.get("description")
    if not (isinstance(description, str) and description.strip()):
        problems.append("no description")
    elif len(description) > MAX_DESCRIPTION:
        problems.append(f"description is {len(description)} characters (max {MAX_DESCRIPTION})")
    reviewed = iso_date(meta.get("reviewed"))
    if reviewed is None:
        problems.append(f"reviewed {meta.get('reviewed')!r} is not an ISO date (YYYY-MM-DD)")
    elif reviewed > datetime.date.today() + datetime.timedelta(days=1):  # a day's slack for time zones
        problems.append(f"reviewed {reviewed} is in the future")
    unknown = set(meta) - KNOWN_KEYS
    if unknown:
        problems.append(f"unknown front matter keys {sorted(unknown)}")
    assert not problems, f"{name}: " + "; ".join(problems)


@pytest.mark.parametrize("name", sorted(ALL_PAGES))
def test_content_note_is_short_and_factual(name):
    note = page(name).meta.get("content_note")
    if note is None:
        return
    assert isinstance(note, str) and note.strip(), f"{name}: content_note must be text"
    assert len(note) < MAX_CONTENT_NOTE, f"{name}: content_note is {len(note)} characters"
    # CONT-5: warnings add anticipation without reducing distress; no "trigger warning" styling.
    styled = re.search(r"trigger|\bTW\b|\bCW\b|content warning|^\W*warning\b", note, re.I)
    assert not styled, f"{name}: content_note {note!r} uses warning wording"


# ---- headings (A11Y-11) ------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(ALL_PAGES))
def test_one_h1_first_and_no_skipped_heading_levels(name):
    headings = page(name).headings()
    h1s = [h for h in headings if h[0] == 1]
    assert len(h1s) == 1, f"{name}: {len(h1s)} h1 headings {[(t, line) for _, t, line in h1s]}"
    assert headings[0][0] == 1, f"{name}: first heading is h{headings[0][0]} on line {headings[0][2]}"
    for (before, _, _), (level, text, line) in zip(headings, headings[1:]):
        assert level <= before + 1, f"{name}:{line}: h{level} '{text}' follows h{before}"


# ---- references and citations ----------------------------------------------------------------

_YEAR_IN_PARENS = re.compile(r"\((?:1[89]|20)\d\d[a-z]?\)|\(n\.d\.\)")
_SOURCE = re.compile(r"https?://|\bdoi\b|\*[^*]+\*|ISBN|Press|Publisher|Routledge|Erlbaum", re.I)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_references_section_has_at_least_three_citations(name):
    items = page(name).reference_items()
    assert items, f"{name}: no '## References' section with a list"
    good = [i for i in items if _YEAR_IN_PARENS.search(i) and _SOURCE.search(i)]
    assert len(good) >= 3, f"{name}: {len(good)} well-formed references (year in parentheses and a source)"


# One author-date citation: "Stark, 2007", "Dutton & Painter, 1993a", "Campbell et al., 2003",
# "Sullivan, n.d.", "National Network to End Domestic Violence, n.d.", or a statute,
# "Serious Crime Act 2015, s. 76". Parenthetical groups hold one or more, split by ";".
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)*"
_CITATION = re.compile(
    rf"(?:e\.g\.,?\s+|see\s+(?:also\s+)?)?(?P<authors>{_NAME}(?:,\s+{_NAME})*(?:,?\s+(?:&|and)\s+{_NAME})?)"
    rf"(?P<etal>\s+et\s+al\.)?,\s+(?P<year>(?:1[89]|20)\d\d[a-z]?|n\.d\.)"
)
_STATUTE = re.compile(r"(?P<act>[A-Z][\w ()]*\bAct \d{4})(?:,\s*s\.\s*\d+)?")
_LOOKS_CITED = re.compile(r"\b(?:1[89]|20)\d\d[a-z]?\b|n\.d\.")


def citations(text: str) -> tuple[list[tuple[list[str], str, str]], list[str]]:
    """([(surnames, year, as written)], [parenthetical parts that hold a year but are not a citation])."""
    found, unparsed = [], []
    for group in re.finditer(r"\(([^()]*)\)", normalise(text)):
        for part in group.group(1).split(";"):
            part = part.strip()
            if not _LOOKS_CITED.search(part):
                continue
            if match := _CITATION.fullmatch(part):
                names = re.split(r",\s*(?:&|and)\s+|,\s+|\s+(?:&|and)\s+", match.group("authors"))
                found.append(([n for n in names if n], match.group("year"), part))
            elif match := _STATUTE.fullmatch(part):
                found.append(([match.group("act")], "", part))
            else:
                unparsed.append(part)
    return found, unparsed


def test_citation_parser_self_test():
    found, unparsed = citations(
        "Text (Dutton & Painter, 1993a). More (Campbell et al., 2003; Wilson & Daly,\n1993) and "
        "(National Network to End Domestic Violence, n.d.) and (O'Hara et al., 2020) and "
        "(Serious Crime Act 2015, s. 76) and (Hardesty, Ogolsky, & Khaw, 2017) but (about 2015 or so)."
    )
    assert [(names, year) for names, year, _ in found] == [
        (["Dutton", "Painter"], "1993a"), (["Campbell"], "2003"), (["Wilson", "Daly"], "1993"),
        (["National Network to End Domestic Violence"], "n.d."), (["O'Hara"], "2020"),
        (["Serious Crime Act 2015"], ""), (["Hardesty", "Ogolsky", "Khaw"], "2017"),
    ]
    assert unparsed == ["about 2015 or so"]
    items = ["Stark, E. (2007). *Book*.", "Dutton, D. G., & Painter, S. (1993b). Title. *Journal*."]
    assert _cited_but_missing("(Nobody et al., 2001) (Stark, 2007) (Dutton & Painter, 1993a)", items) == [
        "(Dutton & Painter, 1993a): no reference starts with 'Dutton' with year (1993a)",
        "(Nobody et al., 2001): no reference starts with 'Nobody' with year (2001)",
    ]
    assert _cited_but_missing("(Stark & Evans, 2007)", items) == [
        "(Stark & Evans, 2007): the reference Stark (2007) does not list Evans"
    ]


def _cited_but_missing(prose: str, items: list[str]) -> list[str]:
    found, unparsed = citations(prose)
    problems = [f"unrecognised citation '({part})'" for part in unparsed]
    for names, year, written in found:
        first, label = names[0], f"({written})"
        year_mark = f"({year})" if year else ""
        matches = [i for i in items if normalise(i).startswith(first) and year_mark in i]
        if not matches:
            with_year = f" with year {year_mark}" if year else ""
            problems.append(f"{label}: no reference starts with '{first}'{with_year}")
            continue
        for other in names[1:]:
            if not any(other in normalise(i) for i in matches):
                problems.append(f"{label}: the reference {first} {year_mark} does not list {other}")
    return sorted(set(problems))


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_in_text_citation_is_in_the_references(name):
    article = page(name)
    problems = _cited_but_missing(article.prose, article.reference_items())
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_reference_is_cited_in_the_text(name):
    """A reference nothing cites usually means a claim was cut or a citation mistyped."""
    article = page(name)
    found, _ = citations(article.prose)
    uncited = [item for item in article.reference_items()
               if not any(normalise(item).startswith(names[0]) and (f"({year})" in item if year else True)
                          for names, year, _ in found)]
    assert not uncited, f"{name}: references never cited in the text:\n" + "\n".join(uncited)


# ---- quiz links ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_links_to_a_quiz(name):
    quiz_pages = {f"quizzes/{slug}.md" for slug in quiz_slugs()}
    linked = page(name).link_targets() & quiz_pages
    assert linked, f"{name}: links to none of {sorted(quiz_pages)}"


def test_quiz_links_everywhere_point_at_existing_quizzes():
    # quizzes/index.md is the "Self-checks" list that scripts/quiz_hook.py generates.
    quiz_pages = {f"quizzes/{slug}.md" for slug in quiz_slugs()} | {"quizzes/index.md"}
    bad = [(p.name, t) for p in all_pages() for t in p.link_targets()
           if t.startswith("quizzes/") and t not in quiz_pages]
    assert not bad, f"links to quiz pages with no quizzes/<slug>.yml: {bad}"


def test_article_links_point_at_existing_articles():
    slugs = article_slugs()
    bad = [(p.name, t) for p in all_pages() for t in p.link_targets()
           if t.startswith("articles/") and t.removeprefix("articles/").removesuffix(".md") not in slugs]
    assert not bad, f"links to missing articles: {bad}"
