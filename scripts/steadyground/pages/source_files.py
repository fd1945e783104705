"""Source files: snippets, abbreviations, symbolic links and odd names, front matter markup,
and each page's rendered Markdown held to the content allowlist. Every page's checks are the
builds' own (steadyground/pages/page_checks.py), on every page of every language (docs/ and docs/es/),
rendered as the builds render it (steadyground/pages/render.py)."""

from __future__ import annotations

import re
from typing import Iterator

from steadyground.core import languages, limits
from steadyground.core.config import load_config
from steadyground.core.project import ROOT, Project
from steadyground.core.rules import Problem, at, from_message, rule
from steadyground.pages import author_checks, page_checks
from steadyground.pages import build as pages
from steadyground.pages import render as page_render
from steadyground.references import bibliography


@rule("source-files", "sources")
def source_files(project: Project) -> Iterator[Problem]:
    """No symbolic links and no invisible characters in file names under docs/, includes/ and quizzes/."""
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
    """Every `--8<--` snippet a page or snippet includes is a file in includes/, and glossary
    definitions hold no markup."""
    if not project.includes.is_dir():
        return
    yield from _page_checks(project, "snippets")
    for name, text in project.snippets.items():
        for found in author_checks.snippet_problems(text, name, project.includes):
            yield from_message(found, "snippets")
        for found in author_checks.abbreviation_problems(text, name):
            yield from_message(found, "abbreviations")


@rule("front-matter-markup", "sources")
def front_matter_markup(project: Project) -> Iterator[Problem]:
    """Front matter is valid YAML without anchors, aliases or tags, and each key has its type
    (core/front_matter.py)."""
    # steadyground/core/front_matter.py: the build's own reader; front-matter-yaml when it is not YAML
    yield from _page_checks(project, "front-matter-markup")
    yield from _page_checks(project, "front-matter-yaml")


@rule("page-content", "sources")
def page_content(project: Project) -> Iterator[Problem]:
    """Each page's HTML inside the allowlist, as the builds check it (steadyground/safety/allowlist.py)."""
    yield from _page_checks(project, "page-content")


def _page_checks(project: Project, rule_name: str) -> Iterator[Problem]:
    for name, message in _all_page_findings(project):
        if name == rule_name:
            yield _problem(message, name)


def _all_page_findings(project: Project) -> list[tuple[str, str]]:
    """pages/page_checks.py on every page of every language, once per Project for the three
    rules (kept on the instance, as its cached_property values are)."""
    if "_page_findings" not in project.__dict__:
        project.__dict__["_page_findings"] = _every_page_findings(project)
    return project.__dict__["_page_findings"]


def _every_page_findings(project: Project) -> list[tuple[str, str]]:
    # A project without configs of its own (a test's copy of docs/) is read with the real ones.
    root = project.root if (project.root / "mkdocs.yml").is_file() else ROOT
    urls = languages.site_urls(repo=root)
    found: list[tuple[str, str]] = []
    for language in languages.discover(root):
        config = load_config(root / language.config)
        found += _language_findings(project, config, urls[language.code])
    return found


def _language_findings(project: Project, config: dict, site_url: str) -> list[tuple[str, str]]:
    own = page_render.own_pages(config, project.root)
    if not own:
        return []
    includes = project.includes
    renderer = page_render.PageRenderer(config, project.root, includes)
    site_path = pages.site_scope(site_url)
    references = bibliography.load(project.root)
    found = []
    for src_uri, path in own.items():
        shown = author_checks.display_path(path, project.root)
        if limits.source_problems(path, shown):
            continue  # over the limits: rule "limits" says so, and the page is not read
        text = path.read_text(encoding="utf-8")
        try:
            # The build's steps before Markdown: the References list (quizzes are checked as YAML).
            html = renderer.render(bibliography.render_page(text, references), shown)
        except Exception as error:  # noqa: BLE001 - an extension's failure is the author's message
            found.append(("page-content", f"{shown}: the page could not be rendered ({type(error).__name__}: {error})"))
            continue
        found += page_checks.page_findings(text, source=shown, html=html, includes=includes, root=project.root,
                                           page_dir=page_render.source_dir(src_uri, site_path), site_path=site_path)
    return found


def _problem(message: str, rule_name: str) -> Problem:
    """A page check's message at its path:LINE; an include's names the page it is in."""
    path, line = page_checks.place(message)
    rest = message[len(path) + (len(str(line)) + 1 if line else 0):]
    column = re.match(r":(\d+)(?=: )", rest)  # path:LINE:COL, as the front matter reader names a quote
    col = int(column.group(1)) if column else 1
    rest = rest[column.end():] if column else rest
    included, _, text = rest.partition(": ")
    return at(path, line, text + (f" {included.strip()}" if included.strip() else ""), rule_name, col)
