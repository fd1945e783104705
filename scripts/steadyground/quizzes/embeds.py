"""Embedded quizzes: `<!-- quiz: slug -->` on a line of its own puts a quiz in a page. A line
that looks meant as a marker but is not one (wrong case, indented, inside a sentence, other
brackets, extra words) would build silently with no quiz, so it is an error here. Markers in
fenced code blocks are examples, left alone (steadyground.quizzes.build skips them too)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from steadyground.core.project import Project
from steadyground.core.rules import Problem, at, rule

# The one form the build replaces: `<!-- quiz: slug -->`, optionally with options after the
# name (steadyground.quizzes.build.MARKER is the same pattern over a whole page).
MARKER_PATTERN = r"^ {0,3}<!--[ \t]*quiz:[ \t]*([^\s>]*?)((?:[ \t]+[^\s>]+?)*)[ \t]*-->[ \t]*$"
EXACT = re.compile(MARKER_PATTERN)
# What a marker may say after the quiz's name. By default an embedded quiz shows its title
# (as a heading) and its intro, as on its own page.
OPTIONS = {"no-title": "leave out the quiz's title", "no-intro": "leave out the quiz's intro"}
# Anything that looks like an attempt: "quiz" in an HTML comment or in template brackets.
# Each attempt is looked for within 300 characters: unbounded, a 195 KB line of "<!--quiz"
# took a minute (every start scanned to the end of the line).
NEAR = re.compile(r"<!--\s*(?i:quiz)\b[^>]{0,300}?-->|\{\{-?\s*(?i:quiz)\b.{0,300}?\}\}"
                  r"|\{%-?\s*(?i:quiz)\b.{0,300}?%\}|\[\[\s*(?i:quiz)\b.{0,300}?\]\]")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Marker:
    line: int
    col: int
    slug: str
    options: tuple[str, ...] = ()

    @property
    def unknown_options(self) -> list[str]:
        return [o for o in self.options if o not in OPTIONS]


def fenced_lines(text: str) -> set[int]:
    """1-based numbers of the lines inside fenced code blocks (fences included)."""
    inside, opener, lines = False, "", set()
    for number, line in enumerate(text.split("\n"), 1):
        match = FENCE.match(line)
        if not inside and match:
            inside, opener = True, match.group(1)
            lines.add(number)
        elif inside:
            lines.add(number)
            if match and match.group(1)[0] == opener[0] and len(match.group(1)) >= len(opener) \
                    and not line.strip()[len(match.group(1)):].strip():
                inside = False
    return lines


def markers(text: str) -> list[Marker]:
    """Every real marker outside code blocks."""
    fenced = fenced_lines(text)
    return [Marker(n, 1, m.group(1), tuple(m.group(2).split())) for n, line in enumerate(text.split("\n"), 1)
            if n not in fenced and (m := EXACT.match(line))]


def near_misses(text: str) -> list[tuple[int, int, str]]:
    """(line, column, what is wrong) for each line that looks like a marker but is not one."""
    fenced, found = fenced_lines(text), []
    for number, line in enumerate(text.split("\n"), 1):
        if number in fenced or EXACT.match(line):
            continue
        for m in NEAR.finditer(line):
            written = m.group(0)
            found.append((number, m.start() + 1, _why(line, m, written)))
    return found


def _why(line: str, match: re.Match, written: str) -> str:
    slug = re.search(r"quiz\s*:?\s*([\w-]*)", written, re.I)
    slug_text = slug.group(1) if slug and slug.group(1) else "slug"
    right = f"<!-- quiz: {slug_text} -->"
    if not written.startswith("<!--"):
        reason = "uses other brackets"
    elif re.match(r"<!--\s*quiz\b", written) is None:
        reason = "must be written in lower case ('quiz:')"
    elif ":" not in written:
        reason = "needs a colon after 'quiz'"
    elif line.strip() == written and line.rstrip() != written:
        reason = "is indented; a marker starts at the beginning of its line"
    elif line.strip() != written:
        reason = "shares its line with other text; put it on a line of its own"
    else:
        reason = "is not a marker the build understands"
    return f"this quiz marker {reason}, so no quiz would show; write {right} on a line of its own"


@rule("quiz-marker", "embeds")
def quiz_marker(project: Project) -> Iterator[Problem]:
    """Every `<!-- quiz: slug -->` marker is one the build understands, names a quiz and appears once
    per page; a near miss is an error."""
    for page in project.pages:
        for line, col, message in near_misses(page.text):
            yield at(page.shown, line, message, "quiz-marker", col)
        seen: set[str] = set()
        for marker in markers(page.text):
            for option in marker.unknown_options:
                yield at(page.shown, marker.line, f'unknown option "{option}" in the quiz marker; '
                         f"a marker may add {' or '.join(OPTIONS)} after the quiz's name", "quiz-marker")
            if marker.slug not in project.quiz_slugs:
                known = ", ".join(sorted(project.quiz_slugs)) or "none"
                yield at(page.shown, marker.line, f'unknown quiz "{marker.slug}" (quizzes: {known})', "quiz-marker")
            elif marker.slug in seen:
                yield at(page.shown, marker.line, f'quiz "{marker.slug}" is already embedded in this page; embed it once',
                         "quiz-marker")
            seen.add(marker.slug)
