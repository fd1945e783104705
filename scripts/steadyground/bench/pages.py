"""What a built page costs, read statically from the built files (no browser).

- `references(page, root)`: the same-site CSS and JS the HTML itself asks for:
  `<link rel="stylesheet" href>` and `<script src>`. Material's bundle then fetches the
  search worker, the search index and (with instant navigation) sitemap.xml on its own;
  those are not referenced by the page, are the same for any theme settings, and are left
  out here (the bench's browser measurement includes them).
- `page_weight(page, root)`: gzip -9 bytes of the HTML plus each of those files.
- `text_words(html)` and `extra_text(ours, stock)`: the words a page shows that a stock
    page of the same Markdown does not (see `extra_text`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from steadyground.bench.common import gzip_size
from steadyground.bench.html_tree import Element, parse
from steadyground.core.paths import REPO

# Attributes whose values are words for people (screen readers, tooltips, UI strings
# that JavaScript shows later). Everything else in a tag is markup.
PEOPLE_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}
SKIPPED_ELEMENTS = {"script", "style", "template"}

# What a page may transfer beyond a stock Material page of the same text (plus its own
# extra words). It was 5 KB (issue 5); issue 13 then added what readers on phones and
# keyboards need and Material lacks: real buttons for Material's label controls
# (header-controls.js, about 1.9 KB gzip), sidebar and tooltip repairs (0.6 KB), the calm
# look and callout icon (1.2 KB), the footer's 24/7 helplines and no-JS page list, the help
# page cards and home page paths; and quiz pages gained the safety callout before question
# 1, Start again and Print after the results and flag-aware results. Measured: articles
# 7.9-8.3 KB over stock, the largest quiz page 9.4 KB. 10 KB keeps every page under a
# ceiling that still fails on any new heavy addition.
PAGE_ALLOWANCE = 10 * 1024


@dataclass
class PageWeight:
    html: int  # gzip -9 bytes of the page itself
    files: dict[str, int] = field(default_factory=dict)  # site path -> gzip -9 bytes

    @property
    def total(self) -> int:
        return self.html + sum(self.files.values())


def _local_target(url: str, page: Path, root: Path, base_path: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # another site (none expected: the build fails on external assets)
    path = unquote(parts.path)
    if path.startswith("/"):  # 404.html links from the site's root path (site_url)
        if not path.startswith(base_path):
            return None
        target = (root / path[len(base_path):]).resolve()
    else:
        target = (page.parent / path).resolve()
    return target if target.is_relative_to(root.resolve()) else None


def references(page: Path, root: Path, base_path: str = "/") -> list[Path]:
    """`base_path` is the path of site_url ("/steady-ground/"), for root-relative links."""
    tree = parse(page.read_text(encoding="utf-8"))
    urls = [link.attrs.get("href", "") for link in tree.iter("link")
            if "stylesheet" in (link.attrs.get("rel") or "").split()]
    urls += [script.attrs["src"] for script in tree.iter("script") if script.attrs.get("src")]
    found = []
    for url in urls:
        target = _local_target(url, page, root, base_path)
        if target is not None and target not in found:
            found.append(target)
    return found


def page_weight(page: Path, root: Path, base_path: str = "/") -> PageWeight:
    weight = PageWeight(gzip_size(page.read_bytes()))
    for target in references(page, root, base_path):
        name = target.relative_to(root.resolve()).as_posix()
        weight.files[name] = gzip_size(target.read_bytes()) if target.is_file() else 0
    return weight


def _words(element: Element, out: list[str]) -> None:
    if element.tag in SKIPPED_ELEMENTS:
        return
    for name, value in element.attrs.items():
        if value and (name in PEOPLE_ATTRIBUTES or name.startswith("data-i18n")):
            out.extend(value.split())
    if element.tag == "meta" and element.attrs.get("name") == "description":
        out.extend((element.attrs.get("content") or "").split())
    out.extend(element.text.split())
    for child in element.children:
        _words(child, out)


def text_words(html: str) -> list[str]:
    """Every word of text a page carries for people: text nodes outside <script>, <style>
    and <template>, the alt/title/aria-label/placeholder attributes, data-i18n-* UI
    strings and the meta description. Hidden text counts too: it is transferred."""
    words: list[str] = []
    _words(parse(html), words)
    return words


def extra_text(ours_html: str, stock_html: str) -> str:
    """The words `ours` has beyond `stock`, as a multiset difference (a word the stock
    page has 3 times and ours 5 times counts twice), in a stable order. For a page built
    from the same Markdown this is what the site adds for readers: the safety bar, the
    footer's help numbers, "Last reviewed", content notes, and on quiz pages the form's
    instructions, the "score it yourself" key and the next steps. Words keep ours' reading
    order, so the gzip size is that of real text, not of a sorted word list."""
    left = Counter(text_words(stock_html))
    extra = []
    for word in text_words(ours_html):
        if left[word] > 0:
            left[word] -= 1
        else:
            extra.append(word)
    return " ".join(extra)


def extra_text_bytes(ours_html: str, stock_html: str) -> int:
    text = extra_text(ours_html, stock_html)
    return gzip_size(text) if text else 0


@dataclass
class PageBudget:
    """One built page against its stock Material counterpart (tests/site/test_budgets.py)."""
    page: str  # the built file, relative to the site folder: "es/ayuda/index.html"
    ours: PageWeight
    stock: PageWeight
    extra_text: str  # the words ours carries beyond stock (`extra_text`)

    @property
    def extra(self) -> int:
        return gzip_size(self.extra_text) if self.extra_text else 0

    @property
    def allowed(self) -> int:
        return self.stock.total + PAGE_ALLOWANCE + self.extra

    @property
    def over_stock(self) -> int:
        return self.ours.total - self.stock.total

    @property
    def within(self) -> bool:
        return self.ours.total <= self.allowed


def page_budget(page: str, ours_root: Path, stock_root: Path, base_path: str = "/") -> PageBudget:
    """`page` in both sites, built for the same site_url (whose path is `base_path`)."""
    ours_file, stock_file = ours_root / page, stock_root / page
    ours, stock = page_weight(ours_file, ours_root, base_path), page_weight(stock_file, stock_root, base_path)
    words = extra_text(ours_file.read_text(encoding="utf-8"), stock_file.read_text(encoding="utf-8"))
    return PageBudget(page, ours, stock, words)


def page_path(url_path: str) -> str:
    """A site path like "articles/x/" as its file, "articles/x/index.html"."""
    path = re.sub(r"^/+", "", url_path)
    return path + "index.html" if path == "" or path.endswith("/") else path


# Our own code ------------------------------------------------------------------------


@dataclass
class OwnCode:
    """Our quiz and quick-exit JS and CSS as built (scripts/steadyground/assets/bundles.py bundles and minifies
    the readable sources in overrides/assets/ into site.min.js and site.min.css; the CSS
    bundle ends with dark colours generated from Material's palette)."""

    budgeted: int  # gzip -9 of the BUDGETED_SOURCES, bundled and minified as the hook does
    shipped: int  # gzip -9 of both bundles as readers download them
    dark: int  # what the generated dark colours add to the CSS bundle, gzip -9
    parts: dict[str, int]  # each source, minified alone, gzip -9 (for messages)


# The budget's scope (safety.md: quiz + quick exit <= 4 KB gzip): the four files,
# now quick-exit.js, quiz.js, quick-exit.css, quiz.css and content.css. Other sources in
# the bundles (e.g. keyboard access to Material's menu) count in every page's weight.
BUDGETED_SOURCES = {"quick-exit.js", "quiz.js", "quick-exit.css", "quiz.css", "content.css"}


def own_code(root: Path) -> OwnCode:
    from steadyground.assets.bundles import CSS_BUNDLE, JS_BUNDLE  # the bundles' contents, in order
    from steadyground.assets.minify import bundle

    sources = {kind: [(uri, (REPO / "overrides" / uri).read_text(encoding="utf-8")) for uri in uris]
               for kind, (_, uris) in (("js", JS_BUNDLE), ("css", CSS_BUNDLE))}
    js, css = ((root / uri).read_text(encoding="utf-8") for uri, _ in (JS_BUNDLE, CSS_BUNDLE))
    ours_js = bundle([text for _, text in sources["js"]], kind="js")
    ours_css = bundle([text for _, text in sources["css"]], kind="css").rstrip("\n")
    if js != ours_js or not css.startswith(ours_css):
        raise ValueError(f"{JS_BUNDLE[0]} or {CSS_BUNDLE[0]} is not built from {JS_BUNDLE[1] + CSS_BUNDLE[1]} any more")
    parts = {Path(uri).name: gzip_size(bundle([text], kind=kind)) for kind in ("js", "css") for uri, text in sources[kind]}
    in_scope = {kind: [text for uri, text in sources[kind] if Path(uri).name in BUDGETED_SOURCES] for kind in sources}
    budgeted = gzip_size(bundle(in_scope["js"], kind="js")) + gzip_size(bundle(in_scope["css"], kind="css").rstrip("\n"))
    shipped = gzip_size(js) + gzip_size(css)
    dark = shipped - gzip_size(js) - gzip_size(ours_css)
    return OwnCode(budgeted, shipped, dark, parts)
