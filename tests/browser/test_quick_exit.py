"""The quick exit in a real Chromium (safety.md QE-1..QE-13). The exit destination is
fulfilled by the page guard with a stub page, so no request leaves the machine."""

from __future__ import annotations

import re
import time

import pytest

from harness.languages import ENGLISH, SPANISH
from harness.search import open_search, wait_until_closed, wait_until_open

ARTICLE = "articles/strong-attachment/"
STATUS = ".qe-status"
# The tests marked with it run on an English and a Spanish page.
ARTICLES = {"en": ARTICLE, "es": "es/articulos/lazos-fuertes/"}
LANGUAGE = pytest.mark.parametrize("language", [ENGLISH, SPANISH],
                                   ids=lambda language: language.code)


def _exit_button(page, language=ENGLISH):
    return page.get_by_role("button", name=re.compile(language.quick_exit["exit"]))


def _wait_for_exit(page, site, language=ENGLISH):
    page.wait_for_url(language.exit_url + "*")
    assert page.title() == "Weather"


@LANGUAGE
def test_exit_button_is_found_by_its_accessible_name(open_page, language):
    page = open_page(ARTICLES[language.code])
    button = _exit_button(page, language)
    assert button.count() == 1
    assert button.inner_text().strip().endswith(language.quick_exit["exit"])


@pytest.mark.parametrize("width,height", [(320, 640), (375, 740), (1280, 900)])
def test_exit_button_stays_visible_and_on_top_after_scrolling(open_page, width, height):
    page = open_page("articles/research-summary/", width=width, height=height)
    page.mouse.wheel(0, 100000)
    page.wait_for_function("() => window.scrollY > 0")
    box = _exit_button(page).bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= height
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["width"] >= 44 and box["height"] >= 44  # QE-3
    on_top = page.evaluate(
        "([x, y]) => !!document.elementFromPoint(x, y).closest('.qe-button')",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top


def test_exit_is_within_the_first_two_tab_stops(open_page):
    page = open_page(ARTICLE)
    reached = []
    for _ in range(2):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.className"))
    assert any("qe-skiplink" in name or "qe-button" in name for name in reached), reached


@LANGUAGE
def test_click_blanks_the_page_at_once_then_replaces_the_history_entry(site, open_page, page_guard, language):
    page = open_page(language.folder)
    safe_use = {"en": "Use this site safely", "es": "Usar este sitio con seguridad"}[language.code]
    page.get_by_role("link", name=safe_use).first.click()
    page.wait_for_url("**/" + language.quick_exit["safe_use_page"])
    held = []
    page.route(language.exit_url + "*", lambda route: held.append(route))  # the destination is slow
    length = page.evaluate("history.length")
    # Click and look in one step, while the destination is still loading.
    state = page.evaluate("""() => {
        const started = performance.now();
        document.querySelector('.qe-button').click();
        const overlay = document.querySelector('.qe-overlay');
        return {elapsed: performance.now() - started,
                overlayShown: !!overlay && getComputedStyle(overlay).display !== 'none',
                main: getComputedStyle(document.querySelector('main')).display,
                text: overlay && overlay.textContent, role: overlay && overlay.getAttribute('role')};
    }""")
    assert state["elapsed"] < 100, state
    assert {k: state[k] for k in ("overlayShown", "main", "text", "role")} == {
        "overlayShown": True, "main": "none", "text": language.quick_exit["loading"], "role": "alert"}
    deadline = time.time() + 5
    while not held and time.time() < deadline:
        page.wait_for_timeout(50)
    held[0].fulfill(status=200, content_type="text/html", body="<!doctype html><title>Weather</title>")
    _wait_for_exit(page, site, language)
    assert page.evaluate("history.length") == length  # replaced, not pushed
    page.go_back()
    assert page.url == site.url(language.folder)  # Back skips the exited page


@LANGUAGE
def test_shift_three_times_exits(site, open_page, page_guard, language):
    page = open_page(ARTICLES[language.code])
    for _ in range(3):
        page.keyboard.press("Shift")
    _wait_for_exit(page, site, language)
    assert len(page_guard.exit_requests) == 1


def test_shift_as_a_modifier_or_another_key_does_not_count(open_page, page_guard):
    page = open_page(ARTICLE)
    page.keyboard.press("Shift")
    page.keyboard.type("a")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page_guard.exit_requests == []
    assert "/articles/" in page.url


@LANGUAGE
def test_status_messages_after_each_press_and_on_expiry(open_page, page_guard, language):
    words = language.quick_exit
    page = open_page(ARTICLES[language.code])
    page.keyboard.press("Shift")
    assert page.inner_text(STATUS) == words["press_two"]
    page.keyboard.press("Shift")
    assert page.inner_text(STATUS) == words["press_one"]
    page.wait_for_function(
        "(expired) => document.querySelector('.qe-status').textContent === expired", arg=words["expired"],
        timeout=6500)
    page.keyboard.press("Shift")
    page.wait_for_timeout(200)
    assert page_guard.exit_requests == []  # the count restarted after expiry


def test_escape_is_not_the_shortcut_and_still_closes_search(open_page, page_guard):
    page = open_page(ARTICLE)
    page.wait_for_load_state("networkidle")  # Material's keyboard shortcuts are bound by then
    for _ in range(3):
        page.keyboard.press("Escape")
    assert page_guard.exit_requests == []
    open_search(page)  # Material's results, or Zensical's search dialog
    wait_until_open(page)
    page.keyboard.press("Escape")
    wait_until_closed(page)
    assert page_guard.exit_requests == []


def test_skip_link_exits_with_the_keyboard(site, open_page):
    page = open_page(ARTICLE)
    for _ in range(2):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('qe-skiplink')"):
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "Exit this page"
    length = page.evaluate("history.length")
    page.keyboard.press("Enter")
    _wait_for_exit(page, site)
    assert page.evaluate("history.length") == length


def _keyup_listeners(page) -> int:
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("Runtime.evaluate", {"expression": "document"})["result"]["objectId"]
    listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": document})["listeners"]
    return len([item for item in listeners if item["type"] == "keyup"])


def test_works_after_three_instant_navigations_with_one_listener(site, open_page, page_guard):
    page = open_page("")
    page.evaluate("window.__noReload = true")
    listeners = _keyup_listeners(page)
    for path in (ARTICLE, "articles/keeping-your-distance/", "help/"):
        page.evaluate("url => { const a = document.createElement('a'); a.href = url;"
                      " document.querySelector('article').append(a); a.click(); }", site.url(path))
        page.wait_for_url(site.url(path))
    assert page.evaluate("window.__noReload") is True  # instant navigation, not a reload
    assert page.evaluate("document.body.dataset.qeBound") == "1"
    assert _keyup_listeners(page) == listeners
    for _ in range(3):
        page.keyboard.press("Shift")
    _wait_for_exit(page, site)
    assert len(page_guard.exit_requests) == 1


def test_pageshow_from_back_forward_cache_removes_the_overlay(site, open_page):
    page = open_page(ARTICLE)
    page.route(site.exit_url + "*", lambda route: None)  # hold the destination: stay on this page
    state = page.evaluate("""() => {
        document.querySelector('.qe-button').click();
        const before = document.querySelectorAll('.qe-overlay').length;
        window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
        return {before, after: document.querySelectorAll('.qe-overlay').length,
                hidden: document.body.classList.contains('qe-hide-content'),
                main: getComputedStyle(document.querySelector('main')).display};
    }""")
    assert state == {"before": 1, "after": 0, "hidden": False, "main": "block"}


@pytest.mark.parametrize("how", ["click", "skiplink", "shift"])
def test_destination_gets_no_referrer(site, open_page, page_guard, how):
    page = open_page(ARTICLE)
    if how == "click":
        _exit_button(page).click()
    elif how == "skiplink":
        page.locator(".qe-skiplink").focus()
        page.keyboard.press("Enter")
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    _wait_for_exit(page, site)
    headers = page_guard.exit_requests[0]["headers"]
    assert "referer" not in {name.lower() for name in headers}


def test_exit_controls_are_not_printed(open_page):
    page = open_page(ARTICLE)
    page.emulate_media(media="print")
    assert not page.locator(".qe-button").is_visible()
    assert not page.locator(".safety-bar").is_visible()
    page.locator(".qe-skiplink").focus()
    assert not page.locator(".qe-skiplink").is_visible()


def test_works_without_javascript(site, open_page):
    page = open_page(ARTICLE, javascript=False)
    page.locator(".qe-button").click()
    _wait_for_exit(page, site)
