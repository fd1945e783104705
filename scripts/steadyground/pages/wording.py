"""Language (CONT-6 and evidence.md "Common claims: how well are they supported?"):
no unsupported claims, no clinical labels for the other person, no victim-blaming or
euphemism. Case-insensitive, over docs/**/*.md, includes/*.md (snippets shown on pages)
and every reader-facing string in quizzes/*.yml.

Skipped, on purpose:
- passages between <!-- myth --> and <!-- /myth --> (research-summary.md names myths
  in order to rebut them); the markers must be balanced and each passage must be followed by
  a rebuttal, so a marker cannot simply switch the lint off;
- the "## References" section (titles of cited works are quoted as published);
- link targets (file names and URLs are not wording).
"""

from __future__ import annotations

import re
from typing import Iterator

from steadyground.core.banned import BANNED, COMPILED, REASONS, Banned, compiled, findings  # noqa: F401 (the rules' words)
from steadyground.core.project import (
    Project,
    myth_marker_places,
    without_link_targets,
    without_myths,
)
from steadyground.core.rules import Problem, at, rule
from steadyground.quizzes import fields


def _blank(match: re.Match) -> str:
    return "\n" * match.group(0).count("\n")


def markdown_findings(markdown: str, first_line: int = 1) -> list[str]:
    """markdown_places as readable lines: "line N: 'words' [id] reason"."""
    return [f"line {line}: '{words}' [{bid}] {REASONS[bid]}" for line, bid, words in markdown_places(markdown, first_line)]


def page_sources(project: Project) -> list[tuple[str, str, int]]:
    """(shown path, Markdown body, line of its first body line) of every English page and snippet."""
    out = [(p.shown, p.body, p.body_line_offset + 1) for p in project.pages]
    return out + [(name, text, 1) for name, text in project.snippets.items()]


def sources_by_language(project: Project) -> list[tuple[str, str, int, str]]:
    """(shown path, Markdown body, line of its first body line, language code) of every page and
    snippet in every language (a translation's snippets are in includes/<code>/)."""
    from steadyground.core.words import LANGUAGES
    out = [(p.shown, p.body, p.body_line_offset + 1, p.language) for p in project.every_page]
    for path in sorted(project.includes.rglob("*.md")) if project.includes.is_dir() else []:
        folder = path.relative_to(project.includes).parts[0]
        code = folder if folder in LANGUAGES and path.parent != project.includes else "en"
        out.append((path.relative_to(project.root).as_posix(), path.read_text(encoding="utf-8"), 1, code))
    return out


@rule("banned-wording", "language")
def banned_wording(project: Project) -> Iterator[Problem]:
    """Unsupported claims, labels for the other person, victim-blaming and euphemism, from each
    language's list (English here, Spanish in core/banned_es.py), in pages, snippets, front
    matter and every reader-facing string of the quizzes."""
    from steadyground.core.words import LANGUAGES
    from steadyground.quizzes.checks import quiz_places
    lists = {code: compiled(list(language.banned)) for code, language in LANGUAGES.items()}
    reasons = {code: {b.id: b.reason for b in language.banned} for code, language in LANGUAGES.items()}
    for page in project.every_page:
        for key, value in page.meta.items():
            if key == "translation_of":
                continue  # a file name
            for bid, words in findings(str(value), lists[page.language]):
                yield at(page.shown, page.key_line(str(key)), f"'{words}': {reasons[page.language][bid]}",
                         f"banned-wording:{bid}")
    for shown, body, first, code in sources_by_language(project):
        for line, bid, words in markdown_places(body, first, lists[code]):
            yield at(shown, line, f"'{words}': {reasons[code][bid]}", f"banned-wording:{bid}")
    for code in LANGUAGES:
        for quiz, place in quiz_places(project, code):
            for where, path, text in fields.reader_text_paths(quiz.data):
                for bid, words in findings(without_link_targets(text), lists[code]):
                    line, col = place(path)
                    yield at(quiz.shown, line, f"{where}: '{words}': {reasons[code][bid]}", f"banned-wording:{bid}", col)


_REFERENCES_SECTION = re.compile(r"^##\s+(?:References|Referencias)\s*$.*?(?=^#{1,2}\s|\Z)", re.S | re.M)


def markdown_places(markdown: str, first_line: int = 1,
                    patterns: list[tuple[Banned, re.Pattern]] = COMPILED) -> list[tuple[int, str, str]]:
    """(line, banned id, words) in Markdown, skipping myth passages, References and link targets;
    each reported with the line where its paragraph starts."""
    text = _REFERENCES_SECTION.sub(_blank, without_myths(markdown))
    text = without_link_targets(text)
    out, line = [], first_line
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip():
            start = line + len(block) - len(block.lstrip("\n"))
            out += [(start, bid, words) for bid, words in findings(block, patterns)]
        line += block.count("\n")
    return out


@rule("myth-markers", "language")
def myth_markers(project: Project) -> Iterator[Problem]:
    """Every <!-- myth --> marker is closed by <!-- /myth -->, never nested."""
    for page in project.pages:
        for offset, problem in myth_marker_places(page.text):
            yield at(page.shown, page.text.count("\n", 0, offset) + 1, problem, "myth-markers")


_REBUTTAL = re.compile(r"\([^()]*(?:19|20)\d\d[a-z]?\)|not (?:been )?studied"
                       r"|no (?:study|studies|research|trials)|could not find", re.I)


@rule("myth-rebuttal", "language")
def myth_rebuttal(project: Project) -> Iterator[Problem]:
    """The paragraph after each myth passage must rebut it with a citation or a plain statement
    that there is no research, so a marker cannot be used just to switch the lint off."""
    for page in project.pages:
        for match in re.finditer(r"<!--\s*/myth\s*-->\s*\n\s*\n(?P<next>[^\n]+(?:\n[^\n]+)*)", page.text):
            if not _REBUTTAL.search(match.group("next")):
                line = page.text.count("\n", 0, match.start()) + 1
                yield at(page.shown, line, "the paragraph after this myth passage does not rebut it: cite a study, "
                         "e.g. (Author, 2020), or say there is no research", "myth-rebuttal")
