"""Shared parsing for the content tests: the Markdown pages under docs/ and the quiz YAML,
read as source (no build). The parsing lives in scripts/steadyground/core/project.py (the same code
`make check` uses); this module names the real project's pages for the tests."""

from __future__ import annotations

import re

from steadyground.core.project import (  # noqa: F401 (re-exported for the content tests)
    ROOT,
    TRANSLATION_FOLDERS,
    Page,
    Project,
    Quiz,
    iso_date,
    markdown_link_targets,
    myth_marker_problems,
    normalise,
    resolve,
    without_link_targets,
    without_myths,
)

PROJECT = Project(ROOT)
DOCS = PROJECT.docs
ARTICLES = DOCS / "articles"
QUIZZES = PROJECT.quiz_dir
INCLUDES = PROJECT.includes


def all_pages() -> tuple[Page, ...]:
    return PROJECT.pages


def page(name: str) -> Page:
    return PROJECT.page(name)


def articles() -> tuple[Page, ...]:
    return PROJECT.articles


def article_slugs() -> set[str]:
    return PROJECT.article_slugs


def quizzes() -> tuple[Quiz, ...]:
    return PROJECT.quizzes


def quiz_slugs() -> set[str]:
    return PROJECT.quiz_slugs


def tables(markdown: str) -> list[tuple[list[str], list[tuple[int, list[str]]]]]:
    """Pipe tables: (header cells, [(line number, cells)]) for each table in the text."""
    found, lines, i = [], markdown.splitlines(), 0
    split = lambda row: [c.strip() for c in row.strip().strip("|").split("|")]  # noqa: E731
    while i < len(lines) - 1:
        if lines[i].lstrip().startswith("|") and re.match(r"^\s*\|?\s*:?-{3,}", lines[i + 1]):
            header, rows, j = split(lines[i]), [], i + 2
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                rows.append((j + 1, split(lines[j])))
                j += 1
            found.append((header, rows))
            i = j
        else:
            i += 1
    return found
