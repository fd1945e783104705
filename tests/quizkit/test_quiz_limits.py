"""A quiz file nested absurdly deep or far too large is refused with one message at its
place, before YAML builds anything: 1000-deep brackets used to end in a RecursionError
traceback (issue 22, Limits)."""

from __future__ import annotations

import subprocess
import sys

from harness.build import REPO
from steadyground.core.yaml_loader import MAX_BYTES, MAX_DEPTH, load_text, nesting_beyond


def test_a_thousand_deep_brackets_are_one_problem_not_a_traceback(tmp_path):
    path = tmp_path / "deep.yml"
    path.write_text("title: " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(REPO / "scripts/check_quizzes.py"), str(path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    assert f"deep.yml:1:1: lists and mappings are nested more than {MAX_DEPTH} deep" in result.stdout


def test_nesting_is_found_at_its_line_and_column_by_brackets_or_indentation():
    brackets = "title: x\nquestions: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    line, col = nesting_beyond(brackets, MAX_DEPTH)
    assert line == 2 and 12 + MAX_DEPTH // 2 <= col <= 12 + MAX_DEPTH + 1  # inside the run of brackets
    indented = "".join(f"{'  ' * level}- \n" for level in range(MAX_DEPTH + 2))
    line, _ = nesting_beyond(indented, MAX_DEPTH)
    assert line == MAX_DEPTH + 1
    assert nesting_beyond("a: [[1]]\n", MAX_DEPTH) is None


def test_a_file_past_the_size_limit_is_refused_before_parsing():
    loaded = load_text("a: " + "x" * MAX_BYTES + "\n", "big.yml")
    assert loaded.data is None and "bytes" in loaded.problems[0].message
