"""After visiting every page of both languages and using each language's search: no cookies,
nothing in any storage."""

from __future__ import annotations

from urllib.parse import urlsplit

from harness.search import search
from harness.storage import is_empty, storage_snapshot


def test_visiting_every_page_and_searching_leaves_nothing(site, open_page):
    page = open_page("")
    for url in site.page_urls():
        page.goto(url)
    page.goto(site.url(""))
    search(page, "safely").click()  # Material's search, or Zensical's own search dialog
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).query == ""
    if site.url("es/") in site.page_urls():
        page.goto(site.url("es/"))
        search(page, "seguridad").click()  # the Spanish site's own search index
        page.wait_for_load_state("networkidle")
        assert urlsplit(page.url).query == ""
    snapshot = storage_snapshot(page)
    assert is_empty(snapshot), snapshot
