"""What differs between a MkDocs and a Zensical build of the site, asserted for the
generator under test (SITE_GENERATOR). Each difference a reader or the policy could
notice is pinned here, so a Zensical upgrade that changes one fails loudly."""

from __future__ import annotations

import json
import re

from harness.build import REPO
from harness.generator import is_zensical
from harness.pages import html_files
from harness.search import open_search, search, search_ui, wait_until_closed, wait_until_open
from steadyground.bench.html_tree import parse
from steadyground.safety.csp import inline_scripts, script_hash

BUNDLE_SOURCES = ("assets/javascripts/quick-exit.js", "assets/javascripts/quiz.js",
                  "assets/stylesheets/quick-exit.css", "assets/stylesheets/quiz.css")


def _csp(html: str) -> dict[str, str]:
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
    return dict(part.strip().split(" ", 1) for part in meta.split(";"))


def test_every_page_loads_our_bundles_and_the_sources_are_not_shipped(site):
    for path in html_files(site.root):
        html = path.read_text(encoding="utf-8")
        assert "assets/javascripts/site.min.js" in html and "assets/stylesheets/site.min.css" in html, path
    assert (site.root / "assets/javascripts/site.min.js").stat().st_size > 500
    assert "prefers-color-scheme:dark" in (site.root / "assets/stylesheets/site.min.css").read_text()
    for uri in BUNDLE_SOURCES:
        assert not (site.root / uri).exists(), uri


def test_inline_scripts_are_the_themes_own_and_hashed(site):
    """Both themes write three inline scripts (the same on every page, hashed into the
    CSP): storage helpers, a reader of a saved palette choice (nothing saves one here),
    and a tab-anchor fix. Zensical's helper differs (it normalises the scope path), so
    its hash differs. None of them writes storage."""
    html = (site.root / "index.html").read_text(encoding="utf-8")
    scripts = inline_scripts(html)
    assert len(scripts) == 3
    assert set(_csp(html)["script-src"].split()) == {f"{site.base_url}assets/javascripts/", *map(script_hash, scripts)}
    assert any('__md_get("__palette")' in text for text in scripts)
    normalises_scope = any('__md_scope.pathname.endsWith("/")' in text for text in scripts)
    assert normalises_scope is is_zensical()
    assert not any("__md_set(" in text.split("__md_set=", 1)[-1] for text in scripts)


def test_style_policy(site):
    """Material needs no inline style. Zensical's search dialog writes one fixed
    stylesheet into a <style> element: allowed by its hash, never 'unsafe-inline'."""
    styles = _csp((site.root / "index.html").read_text(encoding="utf-8"))["style-src"].split()
    assert "'unsafe-inline'" not in styles
    own = f"{site.base_url}assets/stylesheets/"
    if is_zensical():
        assert styles[0] == own and len(styles) == 2 and styles[1].startswith("'sha256-")
    else:
        assert styles == [own]


def test_nothing_that_could_write_storage_is_on_the_page(site):
    """The theme's storage writers (palette toggle, dismissable announcement, consent,
    version warning, repository facts, linked tabs) are all switched off in mkdocs.yml."""
    for path in html_files(site.root):
        document = parse(path.read_text(encoding="utf-8"))
        components = {el.attrs.get("data-md-component") for el in document.iter()}
        assert not components & {"palette", "consent", "outdated", "source"}, path
        config = next(el for el in document.iter("script") if el.attrs.get("id") == "__config")
        features = json.loads(config.all_text())
        assert not set(features["features"]) & {"announce.dismiss", "content.tabs.link"}, path


def test_search_index_has_the_quiz_words_not_its_interface(site):
    """Material: search/search_index.json, read by a worker. Zensical: search.json at the
    site root, read by its own search (different file, same privacy: both local)."""
    index_path = site.root / ("search.json" if is_zensical() else "search/search_index.json")
    other = site.root / ("search/search_index.json" if is_zensical() else "search.json")
    assert index_path.is_file() and not other.exists()
    text = json.dumps(json.loads(index_path.read_text(encoding="utf-8")))
    assert "Show my results" not in text
    assert "quizzes/readiness/" in text


def test_search_dialog(site, open_page):
    """Material lists results under the header box; Zensical opens a modal search dialog
    (in a shadow root) with a live result count. Both find the safety page, and leave the
    address without the search words."""
    page = open_page("")
    search(page, "safely")
    page.wait_for_timeout(300)  # the list fills as the index answers
    hrefs = [link.get_attribute("href") for link in page.locator(search_ui().result_href).all()]
    assert any("safe-use/" in href for href in hrefs), hrefs
    if is_zensical():
        assert page.locator(f"{search_ui().dialog} [role=status]").inner_text().endswith("results")
        assert page.locator(search_ui().dialog).evaluate("d => d.open") is True
    else:
        assert page.locator("#__search").is_checked()
    assert "safely" not in page.url


def test_search_is_in_spanish_on_spanish_pages_with_material_only(site, open_page):
    """Each language has its own index of its own pages (tests/site/test_spanish_build.py).
    Material's search box and result count are in Spanish on es/ pages; Zensical 0.1.2's
    search dialog has its words fixed in English ("Search", "Close search", "Filters",
    "57 results") whatever theme.language says, and no Spanish stemming."""
    page = open_page("es/")
    search(page, "contacto")
    page.wait_for_timeout(300)  # the count follows the index's answer
    if is_zensical():
        dialog = search_ui().dialog
        assert page.locator(f"{dialog} [role=status]").inner_text().endswith(" results")
        assert page.locator(f"{dialog} button[aria-label='Close search']").count() == 1
    else:
        assert page.locator("input.md-search__input").get_attribute("placeholder") == "Búsqueda"
        assert page.locator(".md-search-result__meta").inner_text().endswith("encontrados")


def test_the_build_leaves_its_staging_folder_out_of_git():
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").split()
    assert ".zensical-stage/" in ignored and ".venv-zensical/" in ignored


def _exit_button_on_top(page) -> bool:
    box = page.locator("a.qe-button").bounding_box()
    return page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.qe-button')",
                         [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])


def test_quick_exit_while_searching(site, open_page, page_guard):
    """Material's search leaves the Exit button uncovered. Zensical's search is a modal
    dialog over the whole page, Exit button included (QE-2 is not met while it is open:
    one reason MkDocs stays the default). With either, Escape closes search and the
    Shift-three-times shortcut exits from inside it."""
    page = open_page("articles/healing/", width=375, height=740)
    open_search(page)
    wait_until_open(page)
    assert _exit_button_on_top(page) is not is_zensical()
    page.keyboard.press("Escape")
    wait_until_closed(page)
    assert _exit_button_on_top(page)
    open_search(page)
    wait_until_open(page)
    page.keyboard.type("sleep")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(site.exit_url + "*")
    assert len(page_guard.exit_requests) == 1
