"""Scoring: the reference scorer, the same algorithm as quiz.js.

Owns how answers become a result. For every question, add the points of the chosen
option(s) (reverse-keying is already in the points); the total is the sum over all
questions and a subscale's score the sum over its questions. The band is the one whose
[min, max] holds the score. A flag is raised when any chosen option lists it; flags come
out in the order the quiz declares them. What the reader then sees (`shown`) depends on
the raised flags: a quiz-level `flagged` replaces or hides the whole score result, a
band's own `flagged` replaces or hides that band. The browser does exactly this with the numbers
the page carries in data-* attributes, and the examples of every quiz are replayed
through both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from steadyground.quizzes.model import Band, Quiz

HIDDEN = "hidden"  # what an example's `shows:` says of a result the reader does not see


@dataclass(frozen=True)
class SubscaleResult:
    score: int
    max: int
    band: Band


@dataclass(frozen=True)
class Result:
    total: int
    max: int
    band: Band
    subscales: Mapping[str, SubscaleResult]
    flags: tuple[str, ...]


def band_for(bands: Sequence[Band], score: int) -> Band:
    for band in bands:
        if band.contains(score):
            return band
    raise ValueError(f"no band holds the score {score}")


def score(quiz: Quiz, answers: Mapping[str, Sequence[str]]) -> Result:
    """Score one set of answers: question id -> chosen labels (one for single choice)."""
    by_question: dict[str, int] = {}
    raised: set[str] = set()
    for question in quiz.questions:
        chosen = answers.get(question.id) or ()
        if not chosen:
            raise ValueError(f'question "{question.id}" has no answer')
        if question.kind == "single" and len(chosen) != 1:
            raise ValueError(f'question "{question.id}" takes one answer')
        options = [question.option(label) for label in chosen]
        by_question[question.id] = sum(o.points for o in options)
        for option in options:
            raised.update(option.flags)
    total = sum(by_question.values())
    subscales = {}
    for sub in quiz.subscales:
        value = sum(by_question[q.id] for q in quiz.questions if q.subscale == sub.id)
        subscales[sub.id] = SubscaleResult(value, sub.max, band_for(sub.bands, value))
    return Result(
        total=total,
        max=quiz.max,
        band=band_for(quiz.bands, total),
        subscales=subscales,
        flags=tuple(f.id for f in quiz.flags if f.id in raised),
    )


def shown(quiz: Quiz, result: Result) -> dict[str, str]:
    """The heading the reader sees for the total ("total") and each subscale, once the
    raised flags apply; HIDDEN where nothing is shown."""
    raised = set(result.flags)
    if quiz.flagged and quiz.flagged.applies(raised):
        # One message (or nothing) instead of the total and every theme.
        seen = {"total": quiz.flagged.title or HIDDEN}
        seen.update({sub: HIDDEN for sub in result.subscales})
        return seen

    def heading(band: Band) -> str:
        if band.flagged and band.flagged.applies(raised):
            return band.flagged.title or HIDDEN
        return band.title

    seen = {"total": heading(result.band)}
    seen.update({sub: heading(r.band) for sub, r in result.subscales.items()})
    return seen
