"""Fixtures for the quiz engine's browser tests: a mini site built like the real one from
the fixture quizzes (tests/fixtures/quizzes/valid: every capability), served statically
under the same subpath, and pages guarded exactly like the lead's `open_page`."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from harness import sitecache
from harness.browser import GuardedPages, PageGuard
from harness.config import exit_url

_SPEC = importlib.util.spec_from_file_location(
    "quiz_minisite", Path(__file__).resolve().parents[1] / "quizkit" / "quiz_minisite.py")
quiz_minisite = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(quiz_minisite)


class QuizSite:
    def __init__(self, served):
        self.root, self.base_url, self.origin = served.root, served.base_url, served.origin

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


@pytest.fixture(scope="session")
def quiz_site(request):
    """Built once per source state and fixture set, like the `site` (harness/sitecache.py)."""
    slot = sitecache.slot(request.config, "quiz-site")
    result = sitecache.built(slot)
    if result.returncode != 0:
        pytest.fail(f"strict build of the quiz fixture site failed:\n{result.output}", pytrace=False)
    return QuizSite(slot)


@pytest.fixture
def quiz_guard(quiz_site):
    return PageGuard(site_origin=quiz_site.origin, exit_url=exit_url())


@pytest.fixture
def open_quiz_page(quiz_site, browser, quiz_guard):
    """Like open_page, on the fixture site: open_quiz_page(path, width=, height=, ...)."""
    pages = GuardedPages(browser, quiz_guard, quiz_site.base_url)
    yield pages.open
    problems = pages.close()
    if problems:
        pytest.fail("the browser did something a reader's browser must never do:\n" + "\n".join(problems), pytrace=False)
