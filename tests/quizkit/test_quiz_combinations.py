"""No reachable answer combination gives a reassuring result beside a raised flag.

The site's rule (BRIEF, safety.md): a reader whose answers raise any flag (fear, threats,
harm, control, a phone that may be watched, a crisis) never sees a plain band such as
"Well prepared" or "Few of these patterns": the flag's result replaces it (other words, or
nothing). The examples test a few cases; this test covers every combination.

Enumerating every combination one by one is out of reach (the readiness quiz has about
10^13), but what the reader sees depends only on the scores (the total and each theme) and
the raised flags. `reachable` walks the questions once, keeping each distinct (scores,
flags) state with how many combinations lead to it and one combination that does (its
witness). Every witness then goes through the real scorer (`steadyground.quizzes.scoring.score` and
`shown`, the same algorithm as quiz.js), so every reachable result is checked exactly as a
reader would get it.
"""

from __future__ import annotations

import dataclasses
from itertools import combinations
from pathlib import Path

import pytest

from steadyground import quizzes as quizkit
from steadyground.quizzes.model import Question, Quiz
from steadyground.quizzes.scoring import score, shown

REPO = Path(__file__).resolve().parents[2]
QUIZ_FILES = sorted((REPO / "quizzes").glob("*.yml")) + sorted((REPO / "quizzes").glob("*/*.yml"))


def answer_choices(question: Question) -> list[tuple[str, ...]]:
    """Every answer a reader can give: one label, or for checkboxes any non-empty set of
    the plain answers, or one exclusive answer alone (ticking it unticks the others)."""
    if question.kind == "single":
        return [(o.label,) for o in question.options]
    plain = [o.label for o in question.options if not o.exclusive]
    chosen = [combo for size in range(1, len(plain) + 1) for combo in combinations(plain, size)]
    return chosen + [(o.label,) for o in question.options if o.exclusive]


def reachable(quiz: Quiz) -> dict[tuple, tuple[int, tuple]]:
    """(scores, flags) -> (number of combinations, one witness: the labels per question).
    scores is (total, then each subscale's score in the quiz's order)."""
    subs = [s.id for s in quiz.subscales]
    states: dict[tuple, tuple[int, tuple]] = {((0,) * (1 + len(subs)), frozenset()): (1, ())}
    for question in quiz.questions:
        place = subs.index(question.subscale) + 1 if question.subscale else None
        choices = []
        for labels in answer_choices(question):
            options = [question.option(label) for label in labels]
            choices.append((labels, sum(o.points for o in options), {f for o in options for f in o.flags}))
        following: dict[tuple, tuple[int, tuple]] = {}
        for (scores, flags), (count, witness) in states.items():
            for labels, points, raised in choices:
                new = list(scores)
                new[0] += points
                if place:
                    new[place] += points
                key = (tuple(new), flags | raised)
                if key in following:
                    following[key] = (following[key][0] + count, following[key][1])
                else:
                    following[key] = (count, witness + (labels,))
        states = following
    return states


def reassuring(quiz: Quiz) -> tuple[list[str], dict[str, int]]:
    """Every reachable result that shows a plain band while a flag is raised, and figures."""
    ids = [q.id for q in quiz.questions]
    danger_flags = {f for q in quiz.questions if q.danger for o in q.options for f in o.flags}
    found, figures = [], {"combinations": 0, "states": 0, "flagged": 0, "danger": 0}
    for (scores, flags), (count, witness) in reachable(quiz).items():
        answers = dict(zip(ids, witness))
        result = score(quiz, answers)
        assert (result.total, set(result.flags)) == (scores[0], set(flags)), "the walk and the scorer disagree"
        figures["combinations"] += count
        figures["states"] += 1
        if not flags:
            continue
        figures["flagged"] += count
        figures["danger"] += count if flags & danger_flags else 0
        seen = shown(quiz, result)
        plain = {"total": result.band.title, **{sub: r.band.title for sub, r in result.subscales.items()}}
        for key, title in seen.items():
            if title == plain[key]:
                found.append(f'{quiz.source}: flags {sorted(flags)} with {key} {title!r} shown plainly, '
                             f'e.g. {answers}')
    return found, figures


def load(path: Path) -> Quiz:
    quiz, problems = quizkit.check_file(path)
    assert problems == [], quizkit.format_problems(problems)
    return quiz


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda p: p.relative_to(REPO / "quizzes").as_posix())
def test_no_reachable_result_reassures_a_reader_who_raised_a_flag(path):
    found, figures = reassuring(load(path))
    assert figures["flagged"] > 0, "no combination raises a flag: the walk missed the quiz's flags"
    assert not found, f"{len(found)} reassuring results beside a flag; first: {found[0]}"


def test_every_quiz_with_a_danger_question_is_walked():
    with_danger = [p.name for p in QUIZ_FILES if any(q.danger for q in load(p).questions)]
    assert len(with_danger) == len(QUIZ_FILES), f"quizzes without a danger question: {sorted(set(p.name for p in QUIZ_FILES) - set(with_danger))}"


def test_the_walk_finds_the_audits_case_when_the_flagged_result_is_removed():
    """The test can fail: without its flagged result, the readiness quiz shows "Well
    prepared" to a reader who is not sure whether they are afraid (the 2026-12-07 audit)."""
    quiz = dataclasses.replace(load(REPO / "quizzes" / "readiness.yml"), flagged=None)
    found, _ = reassuring(quiz)
    assert any("total 'Well prepared'" in line for line in found), found[:3]


def test_answer_choices_of_checkboxes_keep_exclusive_answers_alone():
    quiz = load(REPO / "quizzes" / "readiness.yml")
    harm = next(q for q in quiz.questions if q.id == "harm")
    choices = answer_choices(harm)
    assert len(choices) == 2**5 - 1 + 2
    assert ("None of these",) in choices and ("Prefer not to say",) in choices
    assert not any(len(c) > 1 and ("None of these" in c or "Prefer not to say" in c) for c in choices)
