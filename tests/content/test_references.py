"""References as data (issue 14): references.yml, the References lists pages write as keys,
the APA lines the build renders from them (scripts/steadyground/references/bibliography.py), and the checks
the build and `make check` run: unknown key, unused entry, NOT VERIFIED source, bad entry."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from steadyground.core.problems import Problem
from steadyground.core.project import ROOT
from steadyground.references import bibliography as references

BIBLIOGRAPHY = references.load(ROOT)


def _project(tmp_path, bibliography: str, pages: dict[str, str]):
    (tmp_path / "references.yml").write_text(bibliography, encoding="utf-8")
    for name, text in pages.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    return tmp_path


ENTRY = """{key}:
  authors:
  - {surname}, A.
  year: {year}
  title: A study
  venue: Journal
  status: {status}
  evidence: evidence.md §1.1
"""


def _entry(key, surname="Stark", year=2007, status="V"):
    return ENTRY.format(key=key, surname=surname, year=year, status=status)


# ---- the project's own references ----------------------------------------------------------

def test_the_project_has_no_reference_problems():
    """The same check the build runs (scripts/references_hook.py) and `make check` calls."""
    assert [str(p) for p in references.problems(ROOT)] == []


def test_no_page_writes_a_reference_by_hand():
    """Every item under a References heading is a key: the lines readers see come from the data."""
    for path in references.source_pages(ROOT):
        for cite in references.citations(path.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[a-z0-9-]+", cite.key), f"{path}:{cite.line}: {cite.key[:60]}"


# ---- rendering ----------------------------------------------------------------------------------

def test_an_article_renders_as_an_apa_line():
    entry = BIBLIOGRAPHY.entries["dutton-painter-1993-emotional"]
    assert references.render_entry(entry) == (
        "Dutton, D. G., & Painter, S. (1993). Emotional attachments in abusive relationships: A test of "
        "traumatic bonding theory. *Violence and Victims, 8*(2), 105–120. https://doi.org/10.1891/0886-6708.8.2.105")


def test_a_page_gets_its_list_sorted_with_year_letters_only_where_two_works_share_authors_and_year():
    both = references.render_list(["dutton-painter-1993-emotional", "stark-2007", "dutton-painter-1993-battered"],
                                  BIBLIOGRAPHY, "en")
    assert [line[:36] for line in both] == ["Dutton, D. G., & Painter, S. (1993a)", "Dutton, D. G., & Painter, S. (1993b)",
                                            "Stark, E. (2007). *Coercive control:"]
    assert "The battered woman" in both[0]
    one = references.render_list(["dutton-painter-1993-emotional"], BIBLIOGRAPHY, "en")
    assert one[0].startswith("Dutton, D. G., & Painter, S. (1993). Emotional")


def test_spanish_pages_keep_titles_and_get_spanish_notes():
    entry = BIBLIOGRAPHY.entries["marshall-2012"]
    english, spanish = references.render_entry(entry), references.render_entry(entry, language="es")
    assert "(pages not confirmed)" in english and "(páginas sin comprobar)" in spanish
    assert "Facebook surveillance of former romantic partners" in spanish


def test_render_page_replaces_only_the_list_of_keys():
    page = "# T\n\nText (Stark, 2007).\n\n## References\n\n- stark-2007\n\n## After\n\nMore.\n"
    rendered = references.render_page(page, BIBLIOGRAPHY)
    assert rendered.startswith("# T\n\nText (Stark, 2007).\n\n## References\n\n- Stark, E. (2007). *Coercive control")
    assert rendered.endswith("Oxford University Press.\n\n## After\n\nMore.\n")
    assert references.render_page("# No references\n\n- a list\n", BIBLIOGRAPHY) == "# No references\n\n- a list\n"


def test_a_detail_marked_unchecked_is_printed_as_unchecked():
    entry = {"authors": ["Woo, C.-W."], "year": 2014, "title": "T", "venue": "Nature Communications",
             "unchecked": {"en": "volume not confirmed", "es": "volumen sin comprobar"}}
    assert references.render_entry(entry) == "Woo, C.-W. (2014). T. *Nature Communications* (volume not confirmed)."


# ---- checks: file:line:col, all at once ---------------------------------------------------------

def test_every_problem_is_named_with_its_file_line_and_column(tmp_path):
    root = _project(tmp_path, _entry("stark-2007") + _entry("nobody-2001", "Nobody", 2001)
                    + _entry("rumour-2020", "Rumour", 2020, "NOT VERIFIED"),
                    {"a.md": "# A\n\n## References\n\n- stark-2007\n- strak-2007\n- rumour-2020\n",
                     "es/b.md": "# B\n\n## Referencias\n\n  * Stark, E. (2007). Coercive control.\n"})
    found = references.problems(root)
    assert found == sorted(found)
    assert [(p.path, p.line, p.col, p.rule) for p in found] == [
        ("docs/a.md", 6, 3, "reference-key"),
        ("docs/a.md", 7, 3, "reference-not-verified"),
        ("docs/es/b.md", 5, 5, "reference-key"),
        ("references.yml", 9, 1, "reference-unused"),
    ]
    messages = [p.message for p in found]
    assert "unknown reference key 'strak-2007'; did you mean 'stark-2007'?" == messages[0]
    assert "NOT VERIFIED" in messages[1]
    assert "is not a bibliography key" in messages[2]
    assert "'nobody-2001' is cited by no page" in messages[3]


def test_a_bad_entry_is_named_at_its_line(tmp_path):
    root = _project(tmp_path, _entry("stark-2007") + "bad-entry:\n  author: Someone\n  year: soon\n",
                    {"a.md": "## References\n\n- stark-2007\n- bad-entry\n"})
    found = [p for p in references.problems(root) if p.rule == "bibliography"]
    assert {(p.path, p.line) for p in found} == {("references.yml", 9)}
    text = " ".join(p.message for p in found)
    assert "unknown field(s) author" in text and "`year:` is a year" in text and "needs `title:`" in text


def test_broken_yaml_is_a_problem_with_a_line_not_a_traceback(tmp_path):
    root = _project(tmp_path, "stark-2007:\n  title: [unclosed\n", {})
    [problem] = references.problems(root)
    assert problem.path == "references.yml" and problem.line >= 2 and problem.rule == "bibliography"


def test_the_mkdocs_build_stops_listing_every_reference_problem(tmp_path):
    import references_hook

    root = _project(tmp_path, _entry("stark-2007"), {"a.md": "## References\n\n- one-1999\n- two-1999\n"})
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(PluginError) as error:
        references_hook.on_config(SimpleNamespace(config_file_path=str(root / "mkdocs.yml")))
    message = str(error.value)
    assert "References have 3 problems" in message
    assert "docs/a.md:3:3: unknown reference key 'one-1999'" in message
    assert "docs/a.md:4:3: unknown reference key 'two-1999'" in message
    assert "references.yml:1:1: 'stark-2007' is cited by no page" in message


def test_problems_are_quizkit_problems():
    assert all(isinstance(p, Problem) for p in references.page_problems("## References\n\n- x-1\n", "a.md", BIBLIOGRAPHY))
