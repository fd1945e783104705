"""Crawl from the home page under the subpath: every internal link resolves (no 404)."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in ("a", "link") and values.get("href"):
            self.hrefs.append(values["href"])
        if tag in ("script", "img") and values.get("src"):
            self.hrefs.append(values["src"])


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
            kind = response.headers.get_content_type()
            return response.status, body.decode("utf-8", "replace") if kind == "text/html" else ""
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_every_internal_link_resolves(site):
    seen, queue, broken = set(), [site.base_url], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, html = _fetch(url)
        if status != 200:
            broken.append(f"{url} -> {status}")
            continue
        parser = _Links()
        parser.feed(html)
        for href in parser.hrefs:
            target = urldefrag(urljoin(url, href)).url
            if target.startswith(site.base_url) and target not in seen:
                queue.append(target)
    assert broken == []
    assert len(seen) >= len(site.page_urls()) - 1  # every sitemap page is reachable from home
