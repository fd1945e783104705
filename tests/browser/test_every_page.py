"""Every page at phone and desktop size, light and dark: no requests to other hosts, no
console errors, no CSP violations (the open_page guard), and no axe violations: the full rule
set in light, and in dark the colour rules plus proof that nothing else differs from light
(harness/axe.py check_schemes; test_axe_variants.py shows that no finding is lost)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.axe import check_schemes, format_violations
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


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", _page_paths())
def test_page_is_clean(open_page, path, viewport):
    """Light and dark, each loaded afresh: the guard watches both loads."""
    width, height = VIEWPORTS[viewport]
    checks = check_schemes(open_page, path, width=width, height=height)
    assert [(check.scheme, check.dark_media) for check in checks] == [("light", False), ("dark", True)]
    found = {check.scheme: format_violations(check.violations) for check in checks if check.violations}
    assert found == {}, "\n".join(f"{scheme}: {text}" for scheme, text in found.items())
