"""A translated quiz may change words only (scripts/steadyground/quizzes/translation.py): a translation of
the readiness quiz made by swapping its answer labels passes; any change to ids, points, reverse
keys, subscales, band ranges or flag triggers is reported at the translation's file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from steadyground.core.yaml_loader import load_text
from steadyground.quizzes import check_file, check_text
from steadyground.quizzes.model import build_quiz
from steadyground.quizzes.translation import check_translation

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


ORIGIN = "its source quizzes/readiness.yml"


# Each change is named once, at the value the author changed (`place`: where in `new` it starts),
# saying what the source has; the examples it throws out are not reported on top of it.
@pytest.mark.parametrize("old, new, place, message", [
    ('{label: "De acuerdo", points: 3}', '{label: "De acuerdo", points: 2}', "2}",
     f'answer 4 ("De acuerdo") has 2 points; in {ORIGIN} the answer in the same place has 3 '
     "(a translation changes words only)"),
    ("    reverse: true\n    subscale: support", "    subscale: support", None,
     f'question "shared-circle": type, subscale, reverse and danger must stay as in {ORIGIN} '
     "(single, support, reverse True, danger False)"),
    ('{label: "No, nunca", points: 0, safe: true}\n    - {label: "No estoy segura", points: 0}',
     '{label: "No, nunca", points: 0, safe: false}\n    - {label: "No estoy segura", points: 0}', "false}",
     f'answer 1 ("No, nunca") must be marked "safe: true", as the answer in the same place in {ORIGIN}'),
    ('flags: {safety: ["No estoy segura", "Sí", "Prefiero no decirlo"]}', 'flags: {safety: ["Sí"]}', "{safety",
     f'question "afraid": the answers that raise each flag must be those in the same places as in {ORIGIN}: '
     "safety by answers 2, 3, 4 (found safety by answers 3)"),
    ("      - min: 0\n        max: 3\n        title: \"Safety:", "      - min: 0\n        max: 2\n        title: \"Safety:",
     "2\n", f'the band "Safety: more planning could help" of subscale "safety" ends at 2; in {ORIGIN} the band in the '
     "same place ends at 3 (a translation changes words only)"),
])
def test_a_scoring_change_is_reported_once_at_the_changed_value(old, new, place, message):
    text = _translated()
    assert old in text
    changed = text.replace(old, new, 1)
    if place is None:  # a removed key: named at its question
        offset = changed.index("id: shared-circle")
    else:
        offset = changed.index(new) + new.index(place)
    line, col = changed.count("\n", 0, offset) + 1, offset - changed.rfind("\n", 0, offset)
    assert _differences(changed) == [f"quizzes/es/readiness.yml:{line}:{col}: {message} (translation)"]


def test_a_renamed_question_id_is_reported():
    text = _translated().replace("id: safety-plan", "id: plan-seguridad")
    text = text.replace("safety-plan:", "plan-seguridad:")  # its examples follow
    problems = _differences(text)
    assert len(problems) == 1 and "the questions must be those of its source quizzes/readiness.yml" in problems[0]


# In files: a translation in quizzes/<language>/ names its source by slug, one folder up ------


def _project(tmp_path: Path, translation: str, source: str | None = None) -> Path:
    (tmp_path / "quizzes" / "es").mkdir(parents=True)
    (tmp_path / "quizzes" / "readiness.yml").write_text(source or SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "quizzes" / "es" / "preparacion.yml"
    path.write_text(translation, encoding="utf-8")
    return path


def _named(text: str, slug: str = "readiness") -> str:
    return text.replace("tab_title:", f"translation_of: {slug}\ntab_title:", 1)


def _file_problems(path: Path) -> list[str]:
    quiz, problems = check_file(path, "quizzes/es/preparacion.yml")
    assert (quiz is None) == bool(problems)
    return [str(p) for p in problems]


def test_a_translation_file_is_compared_with_its_source(tmp_path):
    assert _file_problems(_project(tmp_path, _named(_translated()))) == []
    changed = _named(_translated()).replace('{label: "De acuerdo", points: 3}', '{label: "De acuerdo", points: 2}', 1)
    problems = _file_problems(_project(tmp_path / "b", changed))
    offset = changed.index('"De acuerdo", points: 2}') + len('"De acuerdo", points: ')
    line, col = changed.count("\n", 0, offset) + 1, offset - changed.rfind("\n", 0, offset)
    # One line, at the changed value: not the example totals and bands it throws out.
    assert problems == [f'quizzes/es/preparacion.yml:{line}:{col}: answer 4 ("De acuerdo") has 2 points; in '
                        f"{ORIGIN} the answer in the same place has 3 (a translation changes words only) "
                        "(translation)"]


def test_a_missing_source_is_named_at_translation_of(tmp_path):
    text = _named(_translated(), "readines")
    problems = _file_problems(_project(tmp_path, text))
    line = _line_of(text, "translation_of:")
    assert problems == [f"quizzes/es/preparacion.yml:{line}:17: there is no quizzes/readines.yml to translate: "
                        "translation_of names a quiz in the folder above this one, by file name without .yml "
                        "(translation)"]


def test_a_broken_source_is_reported_once(tmp_path):
    broken = SOURCE.read_text(encoding="utf-8").replace("title: Am I ready for no contact?\n", "", 1)
    problems = _file_problems(_project(tmp_path, _named(_translated()), source=broken))
    assert len(problems) == 1 and "its source quizzes/readiness.yml has problems of its own" in problems[0]


def test_examples_must_choose_the_same_answers(tmp_path):
    text = _named(_translated())
    examples = text[text.index("examples:"):]
    # Swap two examples: each still passes its own rules, but no longer matches the source's.
    items = examples.split("\n  - ")
    assert len(items) >= 3
    items[1], items[2] = items[2], items[1]
    swapped = text[: text.index("examples:")] + "\n  - ".join(items)
    problems = _file_problems(_project(tmp_path, swapped))
    assert problems and all("must choose the same answers as example" in p for p in problems), problems


@pytest.mark.parametrize("old, new, place, message", [
    # A band's end moved: the subscale's bands now have a gap (band-gap), caused by this value.
    ("      - min: 0\n        max: 3\n        title: \"Safety:", "      - min: 0\n        max: 2\n        title: \"Safety:",
     "2\n", 'the band "Safety: more planning could help" of subscale "safety" ends at 2; in '
     f"{ORIGIN} the band in the same place ends at 3 (a translation changes words only)"),
    # A point raised above the scale's top: the bands no longer reach the highest total (band-bounds).
    ('{label: "Muy de acuerdo", points: 4}', '{label: "Muy de acuerdo", points: 6}', "6}",
     f'answer 5 ("Muy de acuerdo") has 6 points; in {ORIGIN} the answer in the same place has 4 '
     "(a translation changes words only)"),
])
def test_a_change_that_breaks_the_translations_own_bands_is_named_at_the_change(tmp_path, old, new, place, message):
    text = _named(_translated())
    assert old in text
    changed = text.replace(old, new, 1)
    offset = changed.index(new) + new.index(place)
    line, col = changed.count("\n", 0, offset) + 1, offset - changed.rfind("\n", 0, offset)
    own = check_text(changed, "quizzes/es/preparacion.yml", "preparacion")[1]
    assert own and all(p.rule.startswith(("band-", "example-")) for p in own)  # what it used to say instead
    assert _file_problems(_project(tmp_path, changed)) == [
        f"quizzes/es/preparacion.yml:{line}:{col}: {message} (translation)"]
