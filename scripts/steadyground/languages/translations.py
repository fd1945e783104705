"""Translated pages (docs/es/): their front matter, read as the builds read it, and the English
page each names in `translation_of:`. A misspelt name would otherwise fail silently: the
language link would lead to the other language's home page instead of the page's twin.

The builds run this same rule before they read a page (steadyground/pages/build.py source_problems)."""

from __future__ import annotations

import difflib
import re
from typing import Iterator

from steadyground.core.project import TRANSLATION_FOLDERS, Page, Project
from steadyground.core.rules import Problem, at, from_message, rule


@rule("translation-of", "pages")
def translation_of(project: Project) -> Iterator[Problem]:
    for folder in TRANSLATION_FOLDERS:
        root = project.docs / folder
        for path in sorted(root.rglob("*.md")) if root.is_dir() else []:
            page = Page(path, path.read_text(encoding="utf-8-sig"), project.docs)
            read = page.front_matter
            # English pages' front matter is the front-matter rules' (project.pages holds English only).
            for text in read.problems:
                yield from_message(text, "front-matter-markup" if read.readable else "front-matter-yaml")
            twin = page.meta.get("translation_of")
            if isinstance(twin, str) and not _exists(project, twin):
                yield _missing(project, page, twin)


def _exists(project: Project, name: str) -> bool:
    """Whether the English site has a page `name` (relative to docs/): a Markdown page, or one
    the build generates (a quiz's page, the private plan)."""
    if name.split("/", 1)[0] in TRANSLATION_FOLDERS:
        return False
    if name.startswith("quizzes/") and name.endswith(".md"):
        return name.removeprefix("quizzes/").removesuffix(".md") in project.quiz_slugs | {"index"}
    return project.has_page(name) or name in project.plan_pages


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
