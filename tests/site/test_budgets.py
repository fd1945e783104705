"""Size budgets (bytes are deterministic, so these are tests; speed figures live in
`make bench`, never in tests).

(a) Our own quiz and quick-exit code, as built into the site, is at most 4 KB gzip -9
    together. The issue's four files (quick-exit.js, quiz.js, site.css, quiz.css) are now
    sources that scripts/site_hook.py minifies into two bundles; site.css became
    quick-exit.css + content.css. Counted: all of site.min.js (quick-exit.js + quiz.js) and
    site.min.css up to the dark colours the hook generates from Material's palette (they were
    dark-scheme.css, outside the budget); the message also gives the bundles as shipped.
(b) No page transfers more than a stock Material page of the same text, plus 10 KB
    (benchkit.pages.PAGE_ALLOWANCE says why it is no longer 5 KB), plus
    its own extra text. For each page:
      ours    = gzip -9 of the page's HTML + each same-site CSS/JS file the HTML references
                (<link rel=stylesheet>, <script src>); see benchkit/pages.py. Material's
                bundle fetches the search worker, index and sitemap.xml by itself; they are
                not referenced by the page and are the same for both sites.
      stock   = the same, for the page at the same path of a stock site built once per
                session from the same Markdown (`theme: material`, `font: false`, the real
                Markdown extensions so the text is the same; no overrides, hooks, extra CSS
                or JS; quiz pages as their plain Markdown twins, benchkit/twins.py).
      extra   = gzip -9 of the words our page carries for people that the stock page does
                not (a multiset difference of words from text nodes, alt/title/aria-label/
                placeholder, data-i18n-* strings and the meta description, in our reading
                order; benchkit.pages.extra_text): the safety bar, footer help numbers,
                "Last reviewed", and on quiz pages the form's instructions and scoring key.
      allowed = stock + PAGE_ALLOWANCE + extra.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchkit.common import REPO, build
from benchkit.pages import PAGE_ALLOWANCE, extra_text, extra_text_bytes, own_code, page_weight
from benchkit.projects import stock_project, templates
from harness.pages import html_files

OWN_CODE_BUDGET = 4 * 1024


def _built_path(uri: str) -> str:
    """docs/<uri>.md as its built file (use_directory_urls): "a/b" -> "a/b/index.html"."""
    if uri == "index" or uri.endswith("/index"):
        return uri[: -len("index")] + "index.html"
    return f"{uri}/index.html"


def _expected_pages() -> list[str]:
    """Every page the site should have, from the sources (so each page is its own test)."""
    uris = [p.relative_to(REPO / "docs").with_suffix("").as_posix() for p in (REPO / "docs").rglob("*.md")
            if p.relative_to(REPO / "docs").parts[0] != "es"]  # the Spanish site (es/) is not budgeted yet
    uris += [f"quizzes/{p.stem}" for p in (REPO / "quizzes").glob("*.yml")] + ["quizzes/index"]
    return sorted({"404.html", *map(_built_path, uris)})


PAGES = _expected_pages()


@pytest.fixture(scope="session")
def stock_site(site, tmp_path_factory) -> Path:
    """A stock Material build of the same Markdown, at the same site_url as `site`."""
    if len(templates()) != len(list((REPO / "quizzes").glob("*.yml"))):
        pytest.fail("some quizzes/*.yml fail their checks, so no stock twin can be written", pytrace=False)
    project = tmp_path_factory.mktemp("stock-project")
    out = tmp_path_factory.mktemp("stock-site")
    result = build(stock_project(project, site_url=site.base_url), out, strict=False, check=False)
    if result.returncode != 0:
        pytest.fail(f"stock Material build failed:\n{result.output}", pytrace=False)
    return out


def test_own_quiz_and_quick_exit_code_is_at_most_4_kb_gzip(site):
    try:
        code = own_code(site.root)
    except (ImportError, ValueError, OSError) as error:
        pytest.fail(f"cannot find our built JS and CSS: {error}", pytrace=False)
    detail = ", ".join(f"{name} {size:,}" for name, size in code.parts.items())
    assert code.budgeted <= OWN_CODE_BUDGET, (
        f"our quiz + quick-exit JS and CSS is {code.budgeted:,} B gzip -9 as built, over the "
        f"{OWN_CODE_BUDGET:,} B budget by {code.budgeted - OWN_CODE_BUDGET:,} B (each source minified alone: "
        f"{detail}; the bundles as shipped, with {code.dark:,} B of generated dark colours: {code.shipped:,} B)"
    )


def test_every_built_page_has_a_budget(site):
    # English pages only: the Spanish site (es/) has no stock twin to compare with yet (README).
    built = sorted(name for name in (path.relative_to(site.root).as_posix() for path in html_files(site.root))
                   if not name.startswith("es/"))
    assert built == PAGES, (
        f"pages built but not budgeted: {sorted(set(built) - set(PAGES))}; "
        f"budgeted but not built: {sorted(set(PAGES) - set(built))}"
    )


@pytest.mark.parametrize("page", PAGES)
def test_page_transfers_at_most_stock_plus_5_kb_plus_own_text(site, stock_site, page):
    ours_file, stock_file = site.root / page, stock_site / page
    assert ours_file.is_file(), f"{page} was not built"
    assert stock_file.is_file(), f"{page} has no counterpart in the stock Material build"
    base_path = urlsplit(site.base_url).path  # both sites are built for the same site_url
    ours, stock = page_weight(ours_file, site.root, base_path), page_weight(stock_file, stock_site, base_path)
    ours_html, stock_html = ours_file.read_text(encoding="utf-8"), stock_file.read_text(encoding="utf-8")
    extra = extra_text_bytes(ours_html, stock_html)
    allowed = stock.total + PAGE_ALLOWANCE + extra
    files = ", ".join(f"{name} {size:,}" for name, size in ours.files.items())
    assert ours.total <= allowed, (
        f"{page}: transfers {ours.total:,} B gzip -9 (HTML {ours.html:,} + {files}), allowed {allowed:,} B "
        f"= stock Material {stock.total:,} (HTML {stock.html:,}) + {PAGE_ALLOWANCE:,} + own extra text {extra:,} "
        f"({len(extra_text(ours_html, stock_html).split())} words); over by {ours.total - allowed:,} B"
    )
