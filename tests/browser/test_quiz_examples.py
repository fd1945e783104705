"""Every quiz's `examples:` replayed on the real page in Chromium: tick the answers by their
labels, press "Show my results", and read the total, band, subscale bands and flags shown.
The same examples pass through the Python scorer (tests/quizkit/test_quiz_scoring.py), so
the page, the runtime and the reference scorer cannot drift apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from quiz_browser import check_example

from harness.languages import real_quizzes
from steadyground import quizzes as quizkit

REPO = Path(__file__).resolve().parents[2]


def _examples(folder: Path, pattern: str = "*.yml"):
    for path in sorted(folder.glob(pattern)):
        quiz, problems = quizkit.check_file(path)
        assert problems == [], "\n".join(map(str, problems))
        for index, example in enumerate(quiz.examples):
            yield pytest.param(quiz, example, id=f"{quiz.slug}-{index + 1}")


def _real_examples():
    """Each language's quizzes (quizzes/, quizzes/es/): a translation replays its own examples,
    which quizkit keeps to the same answers as its source's."""
    for language, path in real_quizzes():
        for param in _examples(path.parent, path.name):
            yield pytest.param(language, *param.values, id=f"{language.code}-{param.id}")


@pytest.mark.parametrize(("language", "quiz", "example"), list(_real_examples()))
def test_real_quiz_examples_in_the_browser(open_page, language, quiz, example):
    page = open_page(f"{language.folder}quizzes/{quiz.slug}/", width=375, height=740)
    check_example(page, quiz, example, language.quiz_settings)


@pytest.mark.parametrize(("quiz", "example"), list(_examples(REPO / "tests" / "fixtures" / "quizzes" / "valid")))
def test_fixture_quiz_examples_in_the_browser(open_quiz_page, quiz, example):
    page = open_quiz_page(f"quizzes/{quiz.slug}/")
    check_example(page, quiz, example)


def test_embedded_quiz_scores_like_its_page(open_quiz_page):
    quiz, _ = quizkit.check_file(REPO / "tests" / "fixtures" / "quizzes" / "valid" / "everything.yml")
    page = open_quiz_page("articles/embedded/")
    check_example(page, quiz, quiz.examples[1])
