"""The plan's promises in Chromium (issue 25, items 3 and 4), in both languages: nothing
typed is stored, sent, put in the title, URL or history, or kept after the page is left; the
form cannot submit; the quick exit works from a text field; the print view shows only the
plan, after a warning."""

from __future__ import annotations

import pytest
from plan_browser import MARKER, PLAN_PAGES, fill, nothing_typed, typed

from harness.storage import is_empty, storage_snapshot

pytestmark = pytest.mark.browser
LANGS = pytest.mark.parametrize("plan_page", PLAN_PAGES, ids=lambda p: p.code)

_STUB_PRINT = """() => {
  window.__printed = [];
  window.print = () => {
    dispatchEvent(new Event('beforeprint'));
    window.__printed.push(document.title);
    dispatchEvent(new Event('afterprint'));
  };
}"""


def _own_static(url: str, site) -> bool:
    inside = url.startswith(site.base_url) and "?" not in url and "#" not in url
    return inside and ("/assets/" in url or url.endswith("favicon.png"))


@LANGS
def test_filling_submitting_and_printing_send_store_and_show_nothing(open_page, page_guard, site, plan_page):
    page = open_page(plan_page.path)
    page.wait_for_load_state("networkidle")
    requests = []
    page.context.on("request", lambda request: requests.append((request.method, request.url, request.post_data)))
    page.evaluate(_STUB_PRINT)
    before = (page.url, page.evaluate("history.length"), page.title())

    fill(page)
    page.locator("#plan input[type=text]").first.press("Enter")  # implicit submission
    page.evaluate("() => document.querySelector('#plan form').requestSubmit()")
    page.click("#plan-print")
    page.click("#plan-print-now")
    page.wait_for_timeout(300)

    # Nothing is sent: no request but the page's own late static loads (Zensical fetches
    # its search worker and the favicon after load), each a GET without a body or the text.
    sent = [r for r in requests if r[0] != "GET" or r[2] or MARKER in r[1] or not _own_static(r[1], site)]
    assert sent == []
    assert (page.url, page.evaluate("history.length"), page.title()) == before
    assert page.evaluate("window.__printed") == [plan_page.plan.print_title]
    assert page.title() == before[2] and MARKER not in page.url
    assert is_empty(storage_snapshot(page))
    assert page_guard.foreign_requests == []
    assert len(typed(page)["text"]) == len(page.locator("#plan input[type=text]").all())  # still on screen


@LANGS
def test_the_browser_is_told_to_keep_nothing(open_page, plan_page):
    page = open_page(plan_page.path)
    form = page.locator("#plan form")
    assert form.get_attribute("autocomplete") == "off" and form.get_attribute("method") == "dialog"
    assert form.get_attribute("action") is None
    for field in page.locator("#plan input[type=text]").all():
        assert field.get_attribute("autocomplete") == "off" and field.get_attribute("spellcheck") == "false"


@LANGS
@pytest.mark.parametrize("how", ["link", "full-load"])
def test_nothing_typed_is_there_after_leaving_and_coming_back(open_page, site, plan_page, how):
    page = open_page(plan_page.path)
    page.wait_for_load_state("networkidle")
    fill(page)
    if how == "link":  # Material's instant navigation
        page.locator("article a[href$='/help/'], article a[href$='/ayuda/']").first.click()
        page.wait_for_url("**/help/" if plan_page.code == "en" else "**/ayuda/")
        page.locator("#plan").wait_for(state="detached")  # the other page is shown
    else:  # a full page load: the back-forward cache may keep this page
        page.goto(site.url(plan_page.path.replace("my-plan/", "").replace("mi-plan/", "")))
    page.go_back()
    page.wait_for_url(f"**/{plan_page.path}")
    assert nothing_typed(page), typed(page)


@LANGS
def test_leaving_the_page_clears_every_field_at_once(open_page, plan_page):
    """pagehide, which fires before the back-forward cache keeps a page, empties the form."""
    page = open_page(plan_page.path)
    fill(page)
    page.evaluate("() => dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}))")
    assert nothing_typed(page)


@LANGS
def test_shift_three_times_in_a_text_field_exits_and_back_shows_nothing(open_page, site, page_guard, plan_page):
    home = site.url(plan_page.path.replace("my-plan/", "").replace("mi-plan/", ""))
    page = open_page(home)
    page.goto(site.url(plan_page.path))
    field = page.locator("#plan input[type=text]").first
    field.click()
    page.keyboard.type(MARKER)
    for _ in range(3):
        page.keyboard.press("Shift")
    exit_url = site.exit_url if plan_page.code == "en" else site.spanish_exit_url
    page.wait_for_url(exit_url + "*")
    assert len(page_guard.exit_requests) == 1
    page.go_back()
    page.wait_for_load_state()
    assert page.url == home  # the plan left the tab's history (replace)
    assert MARKER not in page.content()
    page.goto(site.url(plan_page.path))
    assert nothing_typed(page)


@LANGS
def test_the_print_view_shows_only_the_plan(open_page, plan_page):
    page = open_page(plan_page.path)
    fill(page)
    page.emulate_media(media="print")
    assert page.locator("#plan form").is_visible()
    assert page.locator(".plan__paper-title").inner_text() == plan_page.plan.print_title
    hidden = [".safety-bar", ".md-header", "article > h1", ".language-link", ".md-footer", ".plan__print",
              "#plan-print", "article > ul", ".md-sidebar--primary", ".plan__links", ".plan__hint"]
    shown = [selector for selector in hidden if page.locator(selector).first.is_visible()]
    assert shown == []
    assert MARKER in page.locator("#plan input[type=text]").first.input_value()


@LANGS
def test_a_warning_comes_before_printing_with_the_choice_to_copy_by_hand(open_page, plan_page):
    page = open_page(plan_page.path)
    page.evaluate(_STUB_PRINT)
    assert not page.locator("#plan-check").is_visible()
    page.click("#plan-print")
    check = page.locator("#plan-check")
    assert check.is_visible() and "PDF" in check.inner_text()
    assert page.evaluate("document.activeElement.id") == "plan-check"
    page.click("#plan-copy")
    assert not check.is_visible()
    assert page.evaluate("document.activeElement.id") == "plan-print"
    assert page.evaluate("window.__printed") == []
    # Said on the page too, for readers who print with the browser's own command.
    assert plan_page.plan.words["print_warning"] in page.locator(".plan__print").inner_text()


@LANGS
def test_clear_everything_asks_first_and_announces_it(open_page, plan_page):
    page = open_page(plan_page.path)
    fill(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#plan-clear")
    assert typed(page)["checked"] > 0
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#plan-clear")
    assert nothing_typed(page)
    assert page.locator("#plan-status").inner_text() == plan_page.plan.words["cleared"]


@LANGS
def test_the_page_says_what_the_site_cannot_hide(open_page, plan_page):
    page = open_page(plan_page.path)
    text = page.locator("article").inner_text()
    assert ("browser's history" in text or "historial de tu navegador" in text)
    assert ("printer" in text or "impresora" in text)
