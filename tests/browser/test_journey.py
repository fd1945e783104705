"""A reader's whole visit (issue "Safety layer", safety.md PRIV-1, PRIV-5..10, QE-9):
home, an article, search, a quiz answered and scored, print preview, back and forward.
Afterwards: no cookies, storage, caches or service workers, no answers in any URL, and
no answers restored."""

from __future__ import annotations

from urllib.parse import urlsplit

from harness.storage import is_empty, storage_snapshot

QUIZ = "quizzes/urge-check/"
_FOLLOW = """url => { const a = document.createElement('a'); a.href = url;
  document.querySelector('main').append(a); a.click(); }"""


def _answer_everything(page):
    for fieldset in page.locator("[data-quiz] fieldset").all():
        fieldset.locator("input").first.check()


def test_full_journey_leaves_no_trace(site, open_page, page_guard):
    page = open_page("")
    visited = [page.url]
    page.get_by_role("link", name="What a trauma bond is").first.click()
    page.wait_for_url("**/articles/strong-attachment/")
    page.wait_for_load_state("networkidle")  # Material has re-bound its components
    page.locator("input.md-search__input").click()  # opens Material's search dialog
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.locator("input.md-search__input").press_sequentially("grief", delay=20)
    page.locator(".md-search-result__article").first.click()  # the <a> itself has no box
    page.wait_for_load_state("networkidle")
    visited.append(page.url)
    page.evaluate(_FOLLOW, site.url(QUIZ))
    page.wait_for_url(site.url(QUIZ))
    page.locator("[data-quiz-actions]").wait_for()  # the quiz runtime has mounted
    before = {"url": page.url, "history": page.evaluate("history.length")}

    _answer_everything(page)
    page.locator("[data-quiz-show]").click()
    page.locator("[data-quiz-heading]").wait_for()
    assert page.evaluate("document.activeElement.matches('[data-quiz-heading]')")
    page.emulate_media(media="print")
    assert not page.locator(".safety-bar").is_visible()
    page.emulate_media(media="screen")
    assert {"url": page.url, "history": page.evaluate("history.length")} == before  # PRIV-7

    page.go_back()  # instant navigation: the URL changes at once, the content a moment later
    page.wait_for_function("() => !document.querySelector('[data-quiz]')")
    page.go_forward()
    page.wait_for_url(site.url(QUIZ))
    page.locator("[data-quiz-actions]").wait_for()
    assert page.locator("[data-quiz] input:checked").count() == 0  # PRIV-9: nothing restored
    assert not page.locator("[data-quiz-heading]").is_visible()

    for url in visited + [page.url]:
        assert urlsplit(url).query == "" and urlsplit(url).fragment == "", url
    snapshot = storage_snapshot(page)
    assert is_empty(snapshot), snapshot
    assert page_guard.foreign_requests == [] and page_guard.exit_requests == []


def test_back_forward_cache_restore_clears_answers_and_overlay(site, open_page):
    page = open_page(QUIZ)
    _answer_everything(page)
    page.locator("[data-quiz-show]").click()
    page.locator("[data-quiz-heading]").wait_for()
    page.route(site.exit_url + "*", lambda route: None)  # hold the destination
    state = page.evaluate("""() => {
        document.querySelector('.qe-button').click();
        window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
        const heading = document.querySelector('[data-quiz-heading]');
        return {overlay: document.querySelectorAll('.qe-overlay').length,
                checked: document.querySelectorAll('[data-quiz] input:checked').length,
                results: heading.checkVisibility()};
    }""")
    assert state == {"overlay": 0, "checked": 0, "results": False}
