"""Accessibility of quiz pages (safety.md A11Y-1..10): axe finds nothing before answering,
in the error state and after answering, in light and dark; 44px answer rows; visible focus;
no sideways scrolling at 320px; no motion."""

from __future__ import annotations

from pathlib import Path

import pytest
from quiz_browser import answer, show_results

from harness.axe import axe_violations, format_violations
from harness.languages import real_quizzes
from steadyground import quizzes as quizkit

REPO = Path(__file__).resolve().parents[2]
SLUG = "everything"
FIXTURE = REPO / "tests" / "fixtures" / "quizzes" / "valid" / "everything.yml"
REAL = real_quizzes()  # English and Spanish


def axe_at_top(page) -> list[dict]:
    # At the top of the page nothing sits under the sticky bars: further down, axe counts
    # any answer half under them as a too-small target (an artifact of scrolling, not a state).
    page.evaluate("window.scrollTo(0, 0)")
    return axe_violations(page)


def check_states(page, quiz):
    """axe in the three states a reader sees: empty, error summary, results. The contexts
    ask for reduced motion, so axe never measures a colour halfway through a fade."""
    found = {}
    found["before answering"] = axe_at_top(page)
    show_results(page, quiz.slug)
    found["error state"] = axe_at_top(page)
    answer(page, quiz.slug, quiz.examples[0].answers)
    show_results(page, quiz.slug)
    found["results"] = axe_at_top(page)
    problems = {state: format_violations(v) for state, v in found.items() if v}
    assert problems == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_the_fixture_quiz(open_quiz_page, scheme):
    quiz, _ = quizkit.check_file(FIXTURE)
    check_states(open_quiz_page(f"quizzes/{SLUG}/", width=375, height=740, color_scheme=scheme, reduced_motion="reduce"), quiz)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("language", "path"), REAL, ids=[f"{lang.code}-{path.stem}" for lang, path in REAL])
def test_axe_on_the_real_quizzes(open_page, language, path, scheme):
    quiz, problems = quizkit.check_file(path)
    assert problems == []
    page = open_page(f"{language.folder}quizzes/{quiz.slug}/", width=375, height=740, color_scheme=scheme,
                     reduced_motion="reduce")
    check_states(page, quiz)


def test_answer_rows_are_44px_and_inputs_24px(open_quiz_page):
    page = open_quiz_page(f"quizzes/{SLUG}/", width=375, height=740)
    sizes = page.locator(f"#quiz-{SLUG} fieldset label").evaluate_all("""labels => labels.map(label => {
        const row = label.getBoundingClientRect(), input = label.control.getBoundingClientRect();
        return [row.height, input.width, input.height]; })""")
    assert sizes and all(label >= 44 and width >= 24 and height >= 24 for label, width, height in sizes), sizes


def test_focus_on_answers_is_visible(open_quiz_page):
    page = open_quiz_page(f"quizzes/{SLUG}/")
    page.locator(f"#quiz-{SLUG} input").first.focus()
    page.keyboard.press("ArrowDown")
    style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()")
    assert style[0] != "none" and float(style[1].rstrip("px")) >= 2


@pytest.mark.parametrize("javascript", [True, False])
def test_no_sideways_scrolling_at_320px(open_quiz_page, javascript):
    quiz, _ = quizkit.check_file(FIXTURE)
    page = open_quiz_page(f"quizzes/{SLUG}/", width=320, height=640, javascript=javascript)
    if javascript:
        answer(page, SLUG, quiz.examples[0].answers)
        show_results(page, SLUG)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320


def test_no_motion_when_asked(open_quiz_page):
    quiz, _ = quizkit.check_file(FIXTURE)
    page = open_quiz_page(f"quizzes/{SLUG}/", reduced_motion="reduce")
    show_results(page, SLUG)
    answer(page, SLUG, quiz.examples[0].answers)
    show_results(page, SLUG)
    assert page.evaluate("document.getAnimations().length") == 0
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") != "smooth"
