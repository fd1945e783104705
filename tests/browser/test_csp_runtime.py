"""Every page reached by instant navigation, after using search, under the first page's
Content-Security-Policy: no violations, no console errors (SEC-2; the open_page guard
fails the test on either). Direct loads are covered by test_every_page.py."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from harness.search import search, wait_until_closed

_FOLLOW = """url => { const a = document.createElement('a'); a.href = url;
  document.querySelector('main').append(a); a.click(); }"""


@pytest.mark.parametrize("folder", ["", "es/"])
def test_every_page_by_instant_navigation_after_search(site, open_page, page_guard, folder):
    # Within one language: each language is its own build (own search index and policy), and
    # the language link loads a full page on purpose (test_language_link.py).
    page = open_page(folder)
    search(page, "contact")  # Material's search, or Zensical's own search dialog ("contacto" in Spanish)
    page.keyboard.press("Escape")
    wait_until_closed(page)
    page.evaluate("window.__noReload = true")
    spanish = site.url("es/")
    for url in site.page_urls():
        if url.endswith("404.html") or url.startswith(spanish) != (folder == "es/"):
            continue
        page.evaluate(_FOLLOW, url)
        page.wait_for_url(url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__noReload") is True, f"{url} was a full reload, not instant navigation"
        assert urlsplit(page.url).query == ""
    assert page_guard.csp_violations == []
