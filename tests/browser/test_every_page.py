"""Every page at phone and desktop size, light and dark: no requests to other hosts, no
console errors, no CSP violations (the open_page guard), and no axe violations."""

from __future__ import annotations

import pytest

from pathlib import Path

from harness.axe import axe_violations, format_violations
from harness.build import REPO
from harness.languages import LANGUAGES
from harness.pages import sitemap_urls

VIEWPORTS = {"phone": (375, 740), "desktop": (1280, 900)}


def _page_paths():
    """Pages from the source tree (articles, generated quiz pages and the Spanish pages under
    es/), so the parametrised ids exist before the build runs; test_page_list_matches_sitemap
    keeps it honest."""
    paths = []
    for source in sorted((REPO / "docs").rglob("*.md")):
        relative = source.relative_to(REPO / "docs")
        folder = "" if relative.parent == Path(".") else relative.parent.as_posix() + "/"
        paths.append(folder if relative.name == "index.md" else folder + relative.stem + "/")
    for language in LANGUAGES:
        quizzes = language.quiz_files
        if quizzes:
            paths += [f"{language.folder}quizzes/"] + [f"{language.folder}quizzes/{quiz.stem}/" for quiz in quizzes]
        plan = language.extra.get("plan")  # the private plan's generated page (scripts/plan_hook.py)
        if plan:
            paths.append(language.folder + plan["page"].removesuffix(".md") + "/")
    return paths + ["404.html", "es/404.html"]


def test_page_list_matches_sitemap(site):
    built = {url[len(site.base_url):] for url in sitemap_urls(site.root)}
    assert set(_page_paths()) - {"404.html", "es/404.html"} == built


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", _page_paths())
def test_page_is_clean(open_page, path, viewport, scheme):
    width, height = VIEWPORTS[viewport]
    page = open_page(path, width=width, height=height, color_scheme=scheme)
    page.wait_for_load_state("networkidle")
    expected_dark = scheme == "dark"
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") is expected_dark
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)
