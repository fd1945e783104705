"""The reference scorer and the ranges it relies on: reverse-keying, multiple choice with
exclusive options, band edges, flags. Every quiz's examples (the real quizzes and the
fixtures) go through it; the browser tests replay the same examples on the real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from steadyground import quizzes as quizkit
from steadyground.quizzes.model import answer_range, mirrored

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "quizzes" / "valid"
EVERYTHING = FIXTURES / "everything.yml"


@pytest.fixture(scope="module")
def quiz():
    found, problems = quizkit.check_file(EVERYTHING)
    assert problems == []
    return found


def answers(**chosen):
    base = {
        "blocked": "Strongly disagree", "plan": "Strongly disagree", "hopeful": "Strongly agree",
        "miss": "Strongly disagree", "afraid": "No", "supports": ["No one right now"],
        "hurt": "Never", "contact": ["None of these"],
    }
    base.update(chosen)
    return {qid: [a] if isinstance(a, str) else a for qid, a in base.items()}


@pytest.mark.parametrize(
    ("kind", "options", "expected"),
    [
        ("single", [(0, False), (4, False), (2, False)], (0, 4)),
        ("single", [(3, False), (1, False)], (1, 3)),
        # multiple: at least one box; max is the larger of all non-exclusive together and any exclusive alone
        ("multiple", [(1, False), (1, False), (1, False), (0, True)], (0, 3)),
        ("multiple", [(2, False), (2, False), (5, True)], (2, 5)),
        ("multiple", [(2, False), (3, False), (1, True), (0, True)], (0, 5)),
        ("multiple", [(2, False), (3, False)], (2, 5)),
    ],
)
def test_answer_range(kind, options, expected):
    assert answer_range(kind, options) == expected


def test_mirrored_points_stay_within_the_answers():
    assert mirrored([0, 1, 2, 3, 4]) == [4, 3, 2, 1, 0]
    assert mirrored([1, 2, 3]) == [3, 2, 1]
    assert mirrored([2, 0, 1]) == [0, 2, 1]


def test_reverse_keying_is_in_the_model_points(quiz):
    hopeful = next(q for q in quiz.questions if q.id == "hopeful")
    assert [o.points for o in hopeful.options] == [4, 3, 2, 1, 0]
    assert hopeful.range == (0, 4)


def test_quiz_and_subscale_ranges(quiz):
    assert (quiz.min, quiz.max) == (0, 27)
    assert {s.id: (s.min, s.max) for s in quiz.subscales} == {"practical": (0, 8), "emotional": (0, 8), "support": (0, 3)}


def test_lowest_and_highest(quiz):
    low = quizkit.score(quiz, answers())
    assert (low.total, low.max, low.band.title) == (0, 27, "Early days")
    high = quizkit.score(quiz, answers(
        blocked="Strongly agree", plan="Strongly agree", hopeful="Strongly disagree", miss="Strongly agree",
        afraid="Yes", supports=["A friend", "A family member", "A counsellor or helpline"], hurt="Often",
        contact=["Phone calls", "Text messages", "Social media"],
    ))
    assert (high.total, high.band.title) == (27, "Steady")


@pytest.mark.parametrize(("plan", "total", "band"), [("Disagree", 9, "Early days"), ("Not sure", 10, "Preparing")])
def test_band_edges(quiz, plan, total, band):
    # 4 (blocked) + 4 (hopeful, reversed) + plan: the band changes between 9 and 10.
    result = quizkit.score(quiz, answers(blocked="Strongly agree", hopeful="Strongly disagree", plan=plan))
    assert (result.total, result.band.title) == (total, band)


def test_multiple_choice_adds_ticked_points_and_subscales(quiz):
    result = quizkit.score(quiz, answers(supports=["A friend", "A counsellor or helpline"], contact=["Phone calls", "Social media"]))
    assert result.total == 2 + 3
    assert result.subscales["support"].score == 2
    assert result.subscales["support"].band.title == "Some support"
    assert result.subscales["practical"].max == 8


def test_flags_in_declared_order_whatever_the_total(quiz):
    assert quizkit.score(quiz, answers()).flags == ("isolated",)
    result = quizkit.score(quiz, answers(hurt="Often", afraid="Not sure"))
    assert result.flags == ("safety", "isolated", "harm")
    assert result.band.title == "Early days"  # a low total still shows every raised flag


def test_invalid_answers_are_errors(quiz):
    with pytest.raises(ValueError, match="no answer"):
        quizkit.score(quiz, {k: v for k, v in answers().items() if k != "miss"})
    with pytest.raises(ValueError, match="takes one answer"):
        quizkit.score(quiz, answers(plan=["Agree", "Disagree"]))
    with pytest.raises(ValueError, match='no answer "Maybe"'):
        quizkit.score(quiz, answers(plan="Maybe"))


QUIZ_FILES = sorted((REPO / "quizzes").glob("*.yml")) + sorted((REPO / "quizzes" / "es").glob("*.yml")) + sorted(
    FIXTURES.glob("*.yml"))


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_example_scores_as_expected(path):
    quiz, problems = quizkit.check_file(path)
    assert problems == [], "\n".join(map(str, problems))
    assert quiz.examples
    for example in quiz.examples:
        result = quizkit.score(quiz, example.answers)
        assert result.total == example.total, example.name
        assert result.band.title == example.band.strip(), example.name
        assert sorted(result.flags) == sorted(example.flags), example.name
        for sub, title in example.subscales.items():
            assert result.subscales[sub].band.title == title.strip(), example.name


def test_flagged_results_change_what_the_reader_sees(quiz):
    from steadyground.quizzes.scoring import HIDDEN, shown

    plain = quizkit.score(quiz, answers(supports=["A friend"]))
    assert plain.flags == () and shown(quiz, plain)["total"] == "Early days"
    # safety raised on a low total: the band's other words; "isolated" hides a theme band.
    low = quizkit.score(quiz, answers(afraid="Not sure", hopeful="Strongly disagree", miss="Agree"))
    seen = shown(quiz, low)
    assert low.band.title == "Early days" and seen["total"] == "Early days, and your safety first"
    assert low.subscales["emotional"].band.title == "Some distance" and seen["emotional"] == HIDDEN
    # harm raised: the whole result gives way (quiz-level flagged), every theme hidden.
    harmed = shown(quiz, quizkit.score(quiz, answers(hurt="Sometimes")))
    assert harmed == {"total": "Harm comes first", "practical": HIDDEN, "emotional": HIDDEN, "support": HIDDEN}
