"""Quiz answers stay in memory (safety.md PRIV-7, PRIV-8, PRIV-9): answering, scoring,
starting again and printing make no request at all, write no storage or cookies, and leave
the URL and the history length alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from quiz_browser import answer, show_results

from harness.languages import LANGUAGES
from harness.storage import is_empty, storage_snapshot
from steadyground import quizzes as quizkit

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


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang.quiz_files], ids=lambda lang: lang.code)
def test_a_real_quiz_in_each_language_sends_and_stores_nothing(open_page, language):
    """The same promise on a built quiz page of each language (its own words and settings)."""
    quiz, problems = quizkit.check_file(language.quiz_files[0])
    assert problems == []
    page = open_page(f"{language.folder}quizzes/{quiz.slug}/")
    page.wait_for_load_state("networkidle")
    requests = []
    page.context.on("request", lambda request: requests.append(request.url))
    before = (page.url, page.evaluate("history.length"))
    answer(page, quiz.slug, quiz.examples[0].answers)
    show_results(page, quiz.slug)
    assert page.locator(f"#quiz-{quiz.slug} [data-quiz-results]").is_visible()
    page.wait_for_timeout(300)
    assert requests == []
    assert (page.url, page.evaluate("history.length")) == before
    assert is_empty(storage_snapshot(page))
