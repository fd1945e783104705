"""Helpers for quiz pages in Playwright: answer by label, show results, read what shows."""

from __future__ import annotations

import functools
from pathlib import Path

from steadyground import quizzes as quizkit
from steadyground.quizzes.config import fill
from steadyground.quizzes.scoring import HIDDEN, shown

REPO = Path(__file__).resolve().parents[2]


@functools.cache
def numbers(slug: str) -> dict[str, int]:
    """Question id -> number, from the quiz's YAML (real quizzes, then test fixtures)."""
    for folder in (REPO / "quizzes", REPO / "quizzes" / "es", REPO / "tests" / "fixtures" / "quizzes" / "valid"):
        if (folder / f"{slug}.yml").is_file():
            quiz, problems = quizkit.check_file(folder / f"{slug}.yml")
            assert problems == [], problems
            return {q.id: q.number for q in quiz.questions}
    raise LookupError(slug)


def fieldset_id(slug: str, qid: str) -> str:
    """The page gives each question's fieldset a short id: <slug>-<number>."""
    return f"{slug}-{numbers(slug)[qid]}"


def question(page, slug: str, qid: str):
    return page.locator(f"#{fieldset_id(slug, qid)}")


def answer(page, slug: str, answers: dict) -> None:
    """Tick the answers (question id -> labels) by their visible labels."""
    for qid, labels in answers.items():
        fieldset = question(page, slug, qid)
        for label in labels:
            fieldset.get_by_label(label, exact=True).check()


def show_results(page, slug: str) -> None:
    page.locator(f"#quiz-{slug} [data-quiz-show]").click()


def shown_results(page, slug: str) -> dict:
    """What the reader sees after scoring: score texts, band titles, a result given other
    words by a flag, and flags."""
    return page.evaluate(
        """slug => {
        const root = document.getElementById('quiz-' + slug);
        const visible = el => !!el && el.offsetParent !== null;
        const scored = {};
        for (const section of root.querySelectorAll('[data-score-of]')) {
            const bands = [...section.querySelectorAll('[data-min]')].filter(visible);
            scored[section.dataset.scoreOf] = {
                shown: visible(section),
                score: visible(section) ? section.querySelector('[data-quiz-score]').textContent : null,
                bands: bands.map(b => b.querySelector('h4').textContent.trim()),
            };
        }
        const instead = [...root.querySelectorAll('.quiz__scored[data-if]')].filter(visible)
            .map(s => s.querySelector('h3').textContent.trim());
        const flags = [...root.querySelectorAll('[data-flag]')].filter(visible).map(f => f.dataset.flag);
        return {scored, instead, flags, results: visible(root.querySelector('[data-quiz-results]'))};
    }""",
        slug,
    )


def check_example(page, quiz, example, settings: quizkit.Settings = quizkit.Settings()) -> None:
    """Replay one YAML example on the page and compare with its expected results, and with
    what the reference scorer says the reader sees once flags apply (`settings`: the page
    language's quiz words, for the score line)."""
    answer(page, quiz.slug, example.answers)
    show_results(page, quiz.slug)
    seen = shown_results(page, quiz.slug)
    assert seen["results"], example.name
    assert sorted(seen["flags"]) == sorted(example.flags), example.name
    expected = shown(quiz, quizkit.score(quiz, example.answers))
    assert expected.items() >= example.shows.items(), example.name  # the scorer agrees with the YAML
    for key, heading in expected.items():
        part = seen["scored"]["" if key == "total" else key]
        if key == "total" and part["shown"]:
            assert part["score"] == fill(settings.strings["score"], score=example.total, max=quiz.max), example.name
        if heading == HIDDEN:
            assert part["bands"] == [] and (key != "total" or seen["instead"] == []), (example.name, key)
        elif part["shown"]:
            assert part["bands"] == [heading], (example.name, key)
        else:
            assert key == "total" and seen["instead"] == [heading], (example.name, key)
    if not quiz.flagged or not quiz.flagged.applies(example.flags):
        assert seen["scored"][""]["bands"] and seen["instead"] == [], example.name
