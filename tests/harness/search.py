"""Using the site's search as a reader does, on either generator's search dialog.

MkDocs + Material: the search box in the header, results listed under it.
Zensical: a Search button in the header opens Zensical's own search, a modal <dialog> in a
shadow root (Playwright's CSS selectors pierce it), with a combobox and a listbox of
results. Tests call these helpers so they assert the same promises on both.
"""

from __future__ import annotations

from dataclasses import dataclass

from harness.generator import generator


@dataclass(frozen=True)
class SearchUI:
    opener: str  # what a reader clicks to start searching (wide screens; phones: the header icon)
    query: str  # where they type
    result: str  # one result
    result_link: str  # what they click to follow a result
    result_href: str  # the element holding a result's address
    dialog: str | None  # Zensical's modal dialog (None: Material's inline results)


SEARCH_UI = {
    "mkdocs": SearchUI("input.md-search__input", "input.md-search__input", ".md-search-result__item",
                       ".md-search-result__article", ".md-search-result__link", None),  # the <a> itself has no box
    "zensical": SearchUI("button.md-search__button", "dialog[aria-label=Search] input[role=combobox]",
                         "dialog[aria-label=Search] a[role=option]", "dialog[aria-label=Search] a[role=option]",
                         "dialog[aria-label=Search] a[role=option]",
                         "dialog[aria-label=Search]"),
}


def search_ui() -> SearchUI:
    return SEARCH_UI[generator()]


def search(page, words: str):
    """Open search, type `words` like a reader, wait for results; returns the first result."""
    ui = search_ui()
    open_search(page)
    page.locator(ui.query).press_sequentially(words, delay=20)
    page.locator(ui.result).first.wait_for()
    return page.locator(ui.result_link).first


def open_search(page) -> None:
    opener = page.locator(search_ui().opener)
    (opener if opener.is_visible() else page.locator(".md-header__button[for=__search]")).click()


def search_is_open(page) -> bool:
    ui = search_ui()
    if ui.dialog is None:
        return page.locator("#__search").is_checked()
    return page.locator(ui.dialog).evaluate("d => d.open")


def wait_until_closed(page, timeout_ms: int = 5000) -> None:
    for _ in range(timeout_ms // 100):
        if not search_is_open(page):
            return
        page.wait_for_timeout(100)
    raise AssertionError("search did not close")


def wait_until_open(page, timeout_ms: int = 5000) -> None:
    for _ in range(timeout_ms // 100):
        if search_is_open(page):
            return
        page.wait_for_timeout(100)
    raise AssertionError("search did not open")
