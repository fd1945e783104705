"""Quiz answers stay in memory (safety.md PRIV-7, PRIV-8, PRIV-9): answering, scoring,
starting again and printing make no request at all, write no storage or cookies, and leave
the URL and the history length alone."""

from __future__ import annotations

from pathlib import Path

import quizkit
from harness.storage import is_empty, storage_snapshot
from quiz_browser import answer, show_results

SLUG = "everything"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes" / "valid" / "everything.yml"


def test_answering_sends_and_stores_nothing(open_quiz_page, quiz_guard):
    quiz, _ = quizkit.check_file(FIXTURE)
    page = open_quiz_page(f"quizzes/{SLUG}/")
    page.wait_for_load_state("networkidle")
    requests = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.evaluate("() => { window.print = () => {}; }")
    before = (page.url, page.evaluate("history.length"))

    show_results(page, SLUG)  # error summary
    page.locator(f"#quiz-{SLUG} [data-quiz-summary] a").first.click()
    answer(page, SLUG, quiz.examples[2].answers)
    show_results(page, SLUG)
    page.locator(f"#quiz-{SLUG} [data-quiz-print]").first.click()
    page.once("dialog", lambda dialog: dialog.accept())  # "Clear all your answers?"
    page.locator(f"#quiz-{SLUG} [data-quiz-reset]").first.click()
    assert page.locator(f"#quiz-{SLUG} input:checked").count() == 0
    page.wait_for_timeout(300)

    assert requests == []
    assert (page.url, page.evaluate("history.length")) == before
    assert is_empty(storage_snapshot(page))
    assert quiz_guard.foreign_requests == []


def test_answers_are_not_restored_after_leaving_and_coming_back(open_quiz_page, quiz_site):
    quiz, _ = quizkit.check_file(FIXTURE)
    page = open_quiz_page(f"quizzes/{SLUG}/")
    answer(page, SLUG, quiz.examples[0].answers)
    show_results(page, SLUG)
    page.goto(quiz_site.url(""))  # a full page load, not instant navigation
    page.go_back()
    page.locator(f"#quiz-{SLUG} [data-quiz-show]").wait_for()
    assert page.locator(f"#quiz-{SLUG} input:checked").count() == 0
    assert not page.locator(f"#quiz-{SLUG} [data-quiz-results]").is_visible()
