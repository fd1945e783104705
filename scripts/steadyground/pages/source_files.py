"""Source files: snippets, abbreviations, symbolic links and odd names, front matter markup
(steadyground.pages.author_checks, the same functions the build runs)."""

from __future__ import annotations

from typing import Iterator

from steadyground.core import limits
from steadyground.core.project import Project
from steadyground.core.rules import Problem, from_message, rule
from steadyground.pages import author_checks


@rule("source-files", "sources")
def source_files(project: Project) -> Iterator[Problem]:
    folders = [f for f in (project.docs, project.includes, project.quiz_dir) if f.exists() or f.is_symlink()]
    for text in author_checks.symlinks(folders, project.root):
        yield from_message(text, "source-files")


@rule("limits", "sources")
def size_and_depth_limits(project: Project) -> Iterator[Problem]:
    """Pages and includes within the build's limits (steadyground/core/limits.py); a page over them is
    left out of the other page rules."""
    for folder, max_bytes in ((project.docs, limits.MAX_PAGE_BYTES), (project.includes, limits.MAX_INCLUDE_BYTES)):
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            for text in limits.source_problems(path, author_checks.display_path(path, project.root),
                                               max_bytes=max_bytes):
                yield from_message(text, "limits")


@rule("snippets", "sources")
def snippets(project: Project) -> Iterator[Problem]:
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
    for page in project.pages:
        read = page.front_matter  # steadyground/core/front_matter.py: the build's own reader
        for text in read.problems:
            yield from_message(text, "front-matter-markup" if read.readable else "front-matter-yaml")
        if read.readable and not read.problems:
            for text in author_checks.front_matter_problems(read.meta, page.text, page.shown):
                yield from_message(text, "front-matter-markup")
