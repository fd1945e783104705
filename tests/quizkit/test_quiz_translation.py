"""A translated quiz may change words only (scripts/quizkit/translation.py): a translation of
the readiness quiz made by swapping its answer labels passes; any change to ids, points, reverse
keys, subscales, band ranges or flag triggers is reported at the translation's file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizkit import check_text
from quizkit.loader import load_text
from quizkit.model import build_quiz
from quizkit.translation import check_translation

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "quizzes" / "readiness.yml"
# Whole quoted labels, so every place a label is used (scales, flags, examples) changes alike.
LABELS = {'"Strongly disagree"': '"Muy en desacuerdo"', '"Disagree"': '"En desacuerdo"',
          '"Not sure"': '"No estoy segura"', '"Strongly agree"': '"Muy de acuerdo"', '"Agree"': '"De acuerdo"',
          '"No"': '"No, nunca"', '"Yes"': '"Sí"', '"Prefer not to say"': '"Prefiero no decirlo"'}


def _quiz(text: str, name: str = "quizzes/es/readiness.yml"):
    quiz, problems = check_text(text, name, "readiness")
    assert problems == [], [str(p) for p in problems]
    return quiz


def _translated() -> str:
    text = SOURCE.read_text(encoding="utf-8")
    for english, spanish in LABELS.items():
        text = text.replace(english, spanish)
    return text.replace("title: Am I ready for no contact?", "title: ¿Estoy lista para cortar el contacto?")


def _differences(text: str) -> list[str]:
    """The translation is read without its own checks: an edit that breaks its examples or
    bands must still be reported as a scoring difference."""
    source = _quiz(SOURCE.read_text(encoding="utf-8"), "quizzes/readiness.yml")
    loaded = load_text(text, "quizzes/es/readiness.yml")
    translation = build_quiz(loaded.data, slug="readiness", source=loaded.path)
    return [str(p) for p in check_translation(source, translation, loaded)]


def test_a_translation_that_changes_only_words_passes():
    text = _translated()
    assert '"Muy de acuerdo"' in text and "¿Estoy lista" in text
    _quiz(text)  # the translation passes every rule and replays its examples in Spanish
    assert _differences(text) == []


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("old, new, at, message", [
    ('{label: "De acuerdo", points: 3}', '{label: "De acuerdo", points: 2}', "- id: safety-plan",
     'question "safety-plan": each answer must keep its points'),
    ("    reverse: true\n    subscale: safety\n    flags: {safety: [\"De acuerdo\", \"Muy de acuerdo\"]}",
     "    subscale: safety\n    flags: {safety: [\"De acuerdo\", \"Muy de acuerdo\"]}", "- id: afraid",
     'question "afraid": type, subscale and reverse must stay'),
    ('flags: {safety: ["Sí", "No estoy segura", "Prefiero no decirlo"]}', 'flags: {safety: ["Sí"]}',
     "- id: threats", 'question "threats": each answer must keep its points, "exclusive" and flags'),
    ("      - min: 0\n        max: 5\n        title: \"Safety:", "      - min: 0\n        max: 4\n        title: \"Safety:",
     "      - min: 0\n        max: 4\n        title: \"Safety:", 'the bands of subscale "safety" must keep the ranges'),
])
def test_a_scoring_change_is_reported_at_its_line(old, new, at, message):
    text = _translated()
    assert old in text
    changed = text.replace(old, new, 1)
    problems = _differences(changed)
    line = _line_of(changed, at)
    assert any(message in p and p.startswith(f"quizzes/es/readiness.yml:{line}:") for p in problems), problems
    assert all(p.endswith("(translation)") for p in problems)


def test_a_renamed_question_id_is_reported():
    text = _translated().replace("id: safety-plan", "id: plan-seguridad")
    text = text.replace("safety-plan:", "plan-seguridad:")  # its examples follow
    problems = _differences(text)
    assert len(problems) == 1 and "the questions must be those of its source quizzes/readiness.yml" in problems[0]
