"""Translations (docs/<code>/): each page names its English twin in `translation_of:`, no English
page is translated twice, and a translated article cites the same sources as its twin."""

from __future__ import annotations

import difflib
import re
from typing import Iterator

from steadyground.core.project import Page, Project
from steadyground.core.rules import Problem, at, rule
from steadyground.core.words import LANGUAGES
from steadyground.references import bibliography


def _twin_name(page: Page) -> str | None:
    value = page.meta.get("translation_of")
    return value if isinstance(value, str) and value.strip() else None


@rule("translation-of", "translations")
def translation_of(project: Project) -> Iterator[Problem]:
    """Every translated page and quiz names the English page or quiz it translates
    (`translation_of:`), and each is translated at most once per language."""
    for language in LANGUAGES.values():
        if not language.is_translation:
            continue
        seen: dict[str, str] = {}
        for page in project.pages_in(language.code):
            if page.meta_is_invalid:
                continue
            twin = _twin_name(page)
            line = page.key_line("translation_of")
            if twin is None:
                continue  # rule translation-names-its-twin
            elif not project.has_page(twin) and twin not in project.plan_pages:
                yield _missing(project, page, twin)
            elif twin in seen:
                yield at(page.shown, line, f"translation_of: {twin} is already translated by {seen[twin]}; "
                         "translate each English page once", "translation-of")
            else:
                seen[twin] = page.shown
        yield from _quiz_twins(project, language.code)


@rule("translation-names-its-twin", "translations")
def translation_names_its_twin(project: Project) -> Iterator[Problem]:
    """Every translated page and quiz says which English page or quiz it translates
    (`translation_of:`), so the language link and the checks can pair them."""
    for language in LANGUAGES.values():
        if not language.is_translation:
            continue
        for page in project.pages_in(language.code):
            if not page.meta_is_invalid and _twin_name(page) is None:
                yield at(page.shown, 1, "the front matter has no translation_of: name the English page this page "
                         "translates, e.g. translation_of: articles/planning-ahead.md", "translation-names-its-twin")
        for quiz in project.quizzes_in(language.code):
            twin = quiz.data.get("translation_of")
            if not (isinstance(twin, str) and twin.strip()):
                yield at(quiz.shown, 1, "the quiz has no translation_of: name the English quiz it translates by its "
                         "file name without .yml, e.g. translation_of: readiness", "translation-names-its-twin")


def _quiz_twins(project: Project, code: str) -> Iterator[Problem]:
    """The same for a translation's quizzes (quizzes/<code>/), whose twin is an English quiz's slug."""
    seen: dict[str, str] = {}
    for quiz in project.quizzes_in(code):
        twin = quiz.data.get("translation_of")
        text = quiz.path.read_text(encoding="utf-8")
        line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("translation_of:")), 1)
        if not (isinstance(twin, str) and twin.strip()):
            continue  # rule translation-names-its-twin
        elif twin not in project.quiz_slugs:
            yield at(quiz.shown, line, f"translation_of: {twin} names no English quiz (quizzes/{twin}.yml)",
                     "translation-of")
        elif twin in seen:
            yield at(quiz.shown, line, f"translation_of: {twin} is already translated by {seen[twin]}; translate each "
                     "English quiz once", "translation-of")
        else:
            seen[twin] = quiz.shown


def _keys(page: Page) -> dict[str, int]:
    """Reference key -> its line in the page."""
    return {cite.key: page.body_line_offset + cite.line for cite in bibliography.citations(page.body)}


@rule("same-references-as-twin", "translations")
def same_references_as_twin(project: Project) -> Iterator[Problem]:
    """A translated article lists the same reference keys as its English twin: a translation
    says what the English page says, from the same studies."""
    for language in LANGUAGES.values():
        if not language.is_translation:
            continue
        for page in project.articles_in(language):
            twin = _twin_name(page)
            if twin is None or not project.has_page(twin):
                continue  # translation-of names it
            mine, theirs = _keys(page), _keys(project.page(twin))
            for key in sorted(set(theirs) - set(mine)):
                yield at(page.shown, page.references_line, f"the English twin docs/{twin} cites {key}, this page does "
                         f"not; add it under {language.references_heading}", "same-references-as-twin")
            for key in sorted(set(mine) - set(theirs)):
                yield at(page.shown, mine[key], f"{key} is not cited by the English twin docs/{twin}; a translation "
                         "cites the same sources (add it to the English page too, or remove it)", "same-references-as-twin")


def _missing(project: Project, page: Page, twin: str) -> Problem:
    line = page.key_line("translation_of")
    row = page.text.splitlines()[line - 1] if line <= len(page.text.splitlines()) else ""
    value = re.match(r"translation_of[ \t]*:[ \t]*['\"]?", row)
    pages = sorted(p.name for p in project.pages) + sorted(project.plan_pages)
    nearest = difflib.get_close_matches(twin, pages, n=1, cutoff=0.6)
    hint = f"did you mean {nearest[0]}?" if nearest else "name it by its path inside docs/, e.g. articles/healing.md"
    return at(page.shown, line, f"translation_of names docs/{twin}, which is no English page; {hint} (the "
              "language link would quietly lead to the English home page instead)", "translation-of",
              value.end() + 1 if value else 1)
