"""Static scan of every built HTML and CSS file: nothing that makes a browser fetch from
another host (PRIV-3). Plain <a href> links are navigations, not requests, and allowed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from harness.pages import html_files

ABSOLUTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
FETCHING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "preconnect", "dns-prefetch",
                      "manifest", "apple-touch-icon", "prefetch", "prerender"}
FETCHING_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "iframe": ("src",), "embed": ("src",), "object": ("data",), "track": ("src",),
    "image": ("href", "xlink:href"), "use": ("href", "xlink:href"), "input": ("src",),
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.I)


class _FetchingUrls(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        names = FETCHING_ATTRS.get(tag, ())
        if tag == "link" and FETCHING_LINK_RELS & set((values.get("rel") or "").lower().split()):
            names = ("href",)
        for name in names:
            for url in re.split(r",\s*", values.get(name) or ""):
                if ABSOLUTE.match(url):
                    self.found.append(f"<{tag} {name}={url.strip()}>")
        if values.get("style") and CSS_URL.search(values["style"]):
            self.found.append(f"<{tag} style=...url()>")


def fetching_urls_in_html(html: str) -> list[str]:
    parser = _FetchingUrls()
    parser.feed(html)
    return parser.found


def absolute_urls_in_css(css: str) -> list[str]:
    urls = [a or b for a, b in CSS_URL.findall(css)]
    return [url for url in urls if ABSOLUTE.match(url)]


def test_scanner_catches_what_it_must():
    bad = ('<link rel="stylesheet" href="https://fonts.googleapis.com/css"><img src="//cdn.example/x.png">'
           '<script src="https://cdn.example/a.js"></script><a href="https://ok.example/">ok</a>')
    assert len(fetching_urls_in_html(bad)) == 3
    assert absolute_urls_in_css("a{background:url(https://x.example/i.png)}@import '//x.example/a.css';") == [
        "https://x.example/i.png", "//x.example/a.css"]


def test_no_html_page_fetches_from_another_host(site):
    offenders = {}
    for path in html_files(site.root):
        found = fetching_urls_in_html(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(site.root))] = found
    assert offenders == {}


def test_no_stylesheet_fetches_from_another_host(site):
    offenders = {}
    for path in sorted(site.root.rglob("*.css")):
        found = absolute_urls_in_css(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(site.root))] = found
    assert offenders == {}
