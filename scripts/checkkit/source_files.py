"""Source files: snippets, abbreviations, symbolic links and odd names, front matter markup
(sitekit.author_checks, the same functions the build runs)."""

from __future__ import annotations

from typing import Iterator

import yaml

from sitekit import author_checks

from .registry import Problem, at, from_message, rule
from .sources import Project


@rule("source-files", "sources")
def source_files(project: Project) -> Iterator[Problem]:
    folders = [f for f in (project.docs, project.includes, project.quiz_dir) if f.exists() or f.is_symlink()]
    for text in author_checks.symlinks(folders, project.root):
        yield from_message(text, "source-files")


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
        if not page.text.startswith("---\n") or "\n---" not in page.text[4:]:
            continue
        try:
            meta = yaml.safe_load(page.text[4:page.text.index("\n---", 4)]) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            yield at(page.shown, line, f"the front matter is not valid YAML ({getattr(error, 'problem', error)}); "
                     "put text holding ': ' in quotes", "front-matter-yaml")
            continue
        if isinstance(meta, dict):
            for text in author_checks.front_matter_problems(meta, page.text, page.shown):
                yield from_message(text, "front-matter-markup")
