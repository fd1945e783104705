"""Bytes a page really transfers, measured in Chromium (Playwright, Debian's Chromium).

The page is opened in a fresh context (empty cache) and left until the network is idle,
so Material's own follow-up requests (search worker, search index, sitemap.xml for
instant navigation, favicon) are included. Each response body is gzipped at level 9
here and the sizes summed, so the figure does not depend on the server's compression."""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import sync_playwright

from steadyground.bench.chromium import CHROMIUM_FLAGS
from steadyground.bench.common import gzip_size

CRITICAL_TYPES = {"document", "stylesheet", "script"}
# Material's search worker is a "script" to Chromium, but the bundle starts it after load.
LAZY_PATHS = ("/assets/javascripts/workers/",)


@dataclass
class Transfer:
    responses: dict[str, tuple[str, int]] = field(default_factory=dict)  # url -> (type, gzip bytes)

    @property
    def total(self) -> int:
        return sum(size for _, size in self.responses.values())

    @property
    def critical(self) -> int:
        """HTML, CSS and JS the page itself loads (not the search worker)."""
        return sum(size for url, (kind, size) in self.responses.items()
                   if kind in CRITICAL_TYPES and not any(lazy in url for lazy in LAZY_PATHS))


def _record(transfer: Transfer, response) -> None:
    if response.status >= 300 or response.request.method != "GET":
        return
    try:
        body = response.body()
    except Exception:  # a body the browser discarded (e.g. a cancelled prefetch)
        return
    transfer.responses[response.url] = (response.request.resource_type, gzip_size(body))


def measure(chromium: str, urls: dict[str, str]) -> dict[str, Transfer]:
    """{name: url} -> {name: Transfer}, one fresh browser context per page."""
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            for name, url in urls.items():
                context = browser.new_context(viewport={"width": 412, "height": 823})
                transfer = Transfer()
                context.on("response", lambda response, t=transfer: _record(t, response))
                page = context.new_page()
                page.goto(url, wait_until="networkidle")
                page.wait_for_timeout(500)
                context.close()
                results[name] = transfer
        finally:
            browser.close()
    return results
