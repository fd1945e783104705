"""Quiz wording (CONT-1, CONT-2): results never label the reader or the other person and never
tell the reader what they must do; intros say it is not a diagnosis and link safe-use, once,
without exit keys (they are not for paper); every result links an article and the help page.
Safety (issue 11): no reassuring result beside a raised flag (flag-aware results), danger
questions are flag-only and flag "Not sure" and "Prefer not to say" too, no outcome promises.
Over quizzes/*.yml as written (no build), and through quizkit for the model. The wording rules
(labels, commands, intro, hints, promises, result links, safety flags) live in
scripts/steadyground/quizzes/checks.py and run on the sources in tests/checkkit/test_site_rules.py, as
`make check` runs them; their self-tests are here."""

from __future__ import annotations

import re

import pytest
from markdown_pages import ROOT, quizzes

from steadyground import quizzes as quizkit
from steadyground.quizzes.checks import PROMISES, result_problems

QUIZZES = quizzes()

@pytest.mark.parametrize("sentence", [
    "You are trauma bonded.", "You have a trauma bond.", "You probably have PTSD.",
    "This suggests a diagnosis.", "Your partner is a narcissist.", "The abuser is in control.",
    "You must leave now.", "You need to block them.",
    "You should talk to someone.", "You are codependent.", "Your ex is a manipulator.",
    "Researchers call this pattern traumatic bonding.",  # close to labelling the relationship
])
def test_result_checker_catches(sentence):
    assert result_problems(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "It is not a diagnosis.", "You have some people to lean on.", "You have some safety steps in place.",
    "You do not have to work it out alone.", "You do not have to explain everything.",
    "Some researchers use the term traumatic bonding for this kind of attachment.",
])
def test_result_checker_allows(sentence):
    assert result_problems(sentence) == [], sentence


def test_the_intro_is_the_only_note_before_the_questions():
    """Issue 13: one short intro before question 1, never repeated. The template adds only the
    one-line safety callout (with the exit keys, left off paper) before the questions, and
    repeats "not a diagnosis" with the results (CONT-1)."""
    template = (ROOT / "overrides/partials/quiz.html").read_text(encoding="utf-8")
    before = template[:template.index("{% for q in quiz.questions %}{{ question(")]
    assert 't("not_diagnosis")' not in before and "stays_on_device" not in before and "quiz__notes" not in before
    assert 'md(quiz.intro)' in before and 't("callout")' in before
    results = template[template.index("{% macro results("):]
    assert 't("not_diagnosis")' in results and 't("next_steps")' in results


@pytest.mark.parametrize("sentence", ["This one can pass even if it does not feel like it.",
                                      "Urges often peak and then ease.", "You will feel better soon."])
def test_promise_checker_catches(sentence):
    assert PROMISES.search(sentence)


def _model(quiz):
    model, problems = quizkit.check_file(quiz.path)
    assert problems == [], "\n".join(map(str, problems))
    return model


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_no_result_reassures_beside_a_raised_flag(quiz):
    """Every flag is a safety message. While it is raised, every band (of the total and of
    every subscale) reads differently or is hidden: by the quiz's own `flagged:` or the band's."""
    model = _model(quiz)
    uncovered = []
    for flag in model.flags:
        if model.flagged and flag.id in model.flagged.flags:
            continue
        bands = [("total", b) for b in model.bands] + [(s.id, b) for s in model.subscales for b in s.bands]
        uncovered += [f'flag "{flag.id}" beside {where} band "{b.title}"' for where, b in bands
                      if not (b.flagged and flag.id in b.flagged.flags)]
    assert uncovered == [], f"quizzes/{quiz.slug}.yml: add flagged: (quizzes/README.md) for\n" + "\n".join(uncovered)


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_examples_assert_what_a_flagged_reader_sees(quiz):
    """At least one example raises a flag and says (shows:) what the reader sees then."""
    model = _model(quiz)
    if not model.flags:
        return
    assert [e for e in model.examples if e.flags and e.shows], \
        f"quizzes/{quiz.slug}.yml: no example with flags says what shows (shows: {{total: ...}})"


# Flags about danger to the reader (not, say, a phone that may not be private).
DANGER_FLAGS = {"danger", "safety", "crisis"}


def _danger_questions(model):
    """Yes/no questions that raise a danger flag: threats, harm, weapons and the like."""
    return [q for q in model.questions if any(o.label == "Yes" and DANGER_FLAGS & set(o.flags) for o in q.options)]


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_danger_questions_are_flag_only_and_flag_doubt_too(quiz):
    """No total acts as a home-made risk score (evidence.md 4b): a danger question scores 0
    for every answer; "Not sure" and "Prefer not to say" raise its flag like "Yes"."""
    problems = []
    for q in _danger_questions(_model(quiz)):
        if any(o.points for o in q.options):
            problems.append(f'"{q.id}" scores points: {[(o.label, o.points) for o in q.options]}')
        flags = {f for o in q.options if o.label == "Yes" for f in o.flags}
        quiet = [o.label for o in q.options if o.label in ("Not sure", "Prefer not to say") and not flags <= set(o.flags)]
        if quiet:
            problems.append(f'"{q.id}": {quiet} raise no flag')
    assert problems == [], f"quizzes/{quiz.slug}.yml:\n" + "\n".join(problems)


def test_threat_questions_agree_across_quizzes():
    threats = [(quiz.slug, q) for quiz in QUIZZES for q in _model(quiz).questions if re.search(r"threat|said they would hurt", q.text, re.I)]
    assert len(threats) >= 3
    answers = {(slug, q.id): tuple(sorted(o.label for o in q.options if o.flags)) for slug, q in threats}
    assert set(answers.values()) == {("Not sure", "Prefer not to say", "Yes")}, answers


def test_safety_check_asks_about_strangulation_control_and_forced_sex():
    """Flag-only, in our own words (never a published instrument's items, peers.md 5)."""
    model = _model(next(q for q in QUIZZES if q.slug == "safety-check"))
    danger = {q.id: q.text.lower() for q in _danger_questions(model)}
    assert any("neck" in text and "breath" in text for text in danger.values())
    assert any("sexual" in text for text in danger.values())
    assert any("day to day" in text or "daily" in text for text in danger.values())
