"""Source files: snippets, abbreviations, symbolic links and odd names, front matter markup
(sitekit.author_checks, the same functions the build runs)."""

from __future__ import annotations

from typing import Iterator

from sitekit import author_checks, limits

from .registry import Problem, from_message, rule
from .sources import Project


@rule("source-files", "sources")
def source_files(project: Project) -> Iterator[Problem]:
    """No symbolic links and no invisible characters in file names under docs/, includes/ and quizzes/."""
    folders = [f for f in (project.docs, project.includes, project.quiz_dir) if f.exists() or f.is_symlink()]
    for text in author_checks.symlinks(folders, project.root):
        yield from_message(text, "source-files")


@rule("limits", "sources")
def size_and_depth_limits(project: Project) -> Iterator[Problem]:
    """Pages and includes within the build's limits (sitekit/limits.py); a page over them is
    left out of the other page rules."""
    for folder, max_bytes in ((project.docs, limits.MAX_PAGE_BYTES), (project.includes, limits.MAX_INCLUDE_BYTES)):
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            for text in limits.source_problems(path, author_checks.display_path(path, project.root),
                                               max_bytes=max_bytes):
                yield from_message(text, "limits")


@rule("snippets", "sources")
def snippets(project: Project) -> Iterator[Problem]:
    """Every `--8<--` snippet a page or snippet includes is a file in includes/, and glossary
    definitions hold no markup."""
    if not project.includes.is_dir():
        return
    for page in project.pages:
        for text in author_checks.snippet_problems(page.text, page.shown, project.includes):
            yield from_message(text, "snippets")
    for name, text in project.snippets.items():
        for found in author_checks.snippet_problems(text, name, project.includes):
            yield from_message(found, "snippets")
        for found in author_checks.abbreviation_problems(text, name):
            yield from_message(found, "abbreviations")


@rule("front-matter-markup", "sources")
def front_matter_markup(project: Project) -> Iterator[Problem]:
    """Front matter is valid YAML without anchors, aliases or tags, and each key has its type
    (sitekit/front_matter.py)."""
    for page in project.pages:
        read = page.front_matter  # sitekit/front_matter.py: the build's own reader
        for text in read.problems:
            yield from_message(text, "front-matter-markup" if read.readable else "front-matter-yaml")
        if read.readable and not read.problems:
            for text in author_checks.front_matter_problems(read.meta, page.text, page.shown):
                yield from_message(text, "front-matter-markup")
