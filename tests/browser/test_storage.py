"""After visiting every page and using search: no cookies, nothing in any storage."""

from __future__ import annotations

from urllib.parse import urlsplit

from harness.storage import is_empty, storage_snapshot


def test_visiting_every_page_and_searching_leaves_nothing(site, open_page):
    page = open_page("")
    for url in site.page_urls():
        page.goto(url)
    page.goto(site.url(""))
    page.locator("input.md-search__input").click()  # opens Material's search dialog
    page.locator("input.md-search__input").press_sequentially("safely", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.locator(".md-search-result__article").first.click()  # the <a> itself has no box
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).query == ""
    snapshot = storage_snapshot(page)
    assert is_empty(snapshot), snapshot
