"""Quick exit with the keyboard (issue 9, item 5): another key between Shift presses clears
the "press N more times" text from the live region, and the keyboard paragraph of the
safe-use page says what every page does (measured on the home page, an article and a quiz)."""

from __future__ import annotations

import pytest

from harness.build import REPO

pytestmark = pytest.mark.browser
STATUS = ".qe-status"
PAGES = ["", "articles/healing/", "quizzes/readiness/"]


@pytest.mark.parametrize("other_key", ["a", "Tab", "Control"])
def test_another_key_clears_the_press_count_from_the_live_region(open_page, other_key):
    page = open_page("articles/healing/")
    page.keyboard.press("Shift")
    assert page.inner_text(STATUS) == "Shift, press 2 more times to exit."
    page.keyboard.press(other_key)
    assert page.inner_text(STATUS) == ""
    assert page.evaluate("document.querySelectorAll('.qe-indicator span.is-on').length") == 0


@pytest.mark.parametrize("path", PAGES)
def test_the_first_tab_stops_are_what_the_safe_use_page_says(open_page, path):
    page = open_page(path)
    stops = []
    for _ in range(2):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.textContent.trim()"))
    # Material adds "Skip to content" only to pages with headings to skip to.
    has_skip = page.locator("a.md-skip").count() == 1
    assert stops[: 2 if has_skip else 1] == (["Skip to content", "Exit this page"] if has_skip else ["Exit this page"])
    words = " ".join((REPO / "docs/safe-use.md").read_text(encoding="utf-8").split())
    assert ('On most pages the first thing you reach is a "Skip to content" link, and the next is an "Exit this '
            'page" link. On pages without that skip link, "Exit this page" comes first.') in words
