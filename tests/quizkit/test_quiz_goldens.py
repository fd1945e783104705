"""Golden tests: every invalid fixture gives exactly its expected problems (one per rule at
least), every valid fixture is clean and renders exactly its expected page Markdown and
quiz markup (tests/fixtures/quizzes/rendered/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from quiz_golden import check_golden

from steadyground import quizzes as quizkit
from steadyground.quizzes import render
from steadyground.quizzes.rules import RULE_NAMES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes"
BLOCK_START = r"(?=<(?:/?(?:div|section|form|ul)|fieldset|legend|label|li|p|h\d|button)\b)"
INVALID = sorted((FIXTURES / "invalid").glob("*.yml"))
VALID = sorted((FIXTURES / "valid").glob("*.yml"))


def problems_of(path: Path) -> list[str]:
    quiz, problems = quizkit.check_file(path, path.name)
    assert quiz is None if problems else quiz is not None
    return quizkit.format_problems(problems)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_problems(path):
    lines = problems_of(path)
    assert lines, f"{path.name} should have problems"
    check_golden(path.with_suffix(".expected"), "\n".join(lines) + "\n")


def test_every_rule_has_a_golden_case():
    found = set()
    for path in INVALID:
        _, problems = quizkit.check_file(path, path.name)
        found.update(p.rule for p in problems)
    assert found <= set(RULE_NAMES), found - set(RULE_NAMES)
    assert set(RULE_NAMES) - found == set(), "rules without an invalid fixture"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_is_clean_and_renders(path):
    assert problems_of(path) == []
    quiz, _ = quizkit.check_file(path)
    page = render.quiz_page(quiz, quizkit.Settings.from_extra({"help": {"emergency": "999"}}))
    check_golden(FIXTURES / "rendered" / f"{path.stem}.md", page.markdown)
    # The markup is one line (lean); a line per block element keeps golden diffs readable.
    check_golden(FIXTURES / "rendered" / f"{path.stem}.html", re.sub(BLOCK_START, "\n", page.markup) + "\n")
