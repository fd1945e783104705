"""The plan feature's rules: every mistake in a plan file is named as path:LINE:COL (rule), never a
traceback; the fixtures in tests/plan/fixtures/bad/ are replayed (the first line of each says
where its problem must be reported), and a translation is locked to its source's ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness.config import REPO
from steadyground import check as checkkit
from steadyground import plans as plankit

FIXTURES = Path(__file__).parent / "fixtures"
BAD = sorted((FIXTURES / "bad").glob("*.yml"))
GOOD = FIXTURES / "good" / "plan.yml"


def _pages(*names):
    return lambda name: name in names


def test_the_good_fixture_and_its_translation_pass():
    assert plankit.check_file(GOOD, page_exists=_pages("help.md"))[1] == []
    assert plankit.check_file(FIXTURES / "good" / "es" / "plan.yml", page_exists=_pages("ayuda.md"))[1] == []


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_each_mistake_is_reported_at_its_line_and_column(path):
    where, rule = re.match(r"# expect: (\d+:\d+) ([a-z-]+)", path.read_text(encoding="utf-8")).groups()
    plan, problems = plankit.check_file(path, f"plans/{path.name}", page_exists=_pages("help.md"))
    assert plan is None
    lines = plankit.format_problems(problems)
    assert f"plans/{path.name}:{where}: " in "\n".join(lines) and any(line.endswith(f"({rule})") for line in lines), lines
    assert all(re.match(rf"plans/{re.escape(path.name)}:\d+:\d+: .+ \([a-z-]+\)$", line) for line in lines)


def test_the_real_plans_pass_in_both_languages():
    assert plankit.check_file(REPO / "plans/plan.yml", page_exists=lambda n: (REPO / "docs" / n).is_file())[1] == []
    assert plankit.check_file(REPO / "plans/es/plan.yml",
                              page_exists=lambda n: (REPO / "docs/es" / n).is_file())[1] == []


@pytest.mark.parametrize("garbage", [b"", b"\xff\xfe\x00", b"- [", b"title: [unclosed", b"::\n\t-", b"[]", b"42",
                                     b"sections: 3\nwords: []", b"a: &x [*x]"])
def test_garbage_gives_problems_never_a_traceback(tmp_path, garbage):
    path = tmp_path / "plan.yml"
    path.write_bytes(garbage)
    plan, problems = plankit.check_file(path)
    assert plan is None and problems


def _translation(tmp_path, edit) -> list[str]:
    (tmp_path / "es").mkdir()
    (tmp_path / "plan.yml").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    text = (FIXTURES / "good" / "es" / "plan.yml").read_text(encoding="utf-8")
    (tmp_path / "es" / "plan.yml").write_text(edit(text), encoding="utf-8")
    _, problems = plankit.check_file(tmp_path / "es" / "plan.yml", "plans/es/plan.yml", page_exists=lambda n: True)
    return plankit.format_problems(problems)


@pytest.mark.parametrize("edit, expected", [
    (lambda t: t.replace("- id: tick\n        check: Una casilla", "- id: tick\n        text: Una casilla"),
     'plans/es/plan.yml:14:9: section "one", item 1: expected "tick" (check) as in plans/plan.yml, found "tick" (text)'),
    (lambda t: t.replace("lines: 3", "lines: 2"),
     'section "one", item 2: expected "write" (text, 3 lines)'),
    (lambda t: t.replace("- id: one", "- id: uno"), 'section 1 must be "one", as in plans/plan.yml'),
    (lambda t: t.replace("../plan.yml", "../nada.yml"), "translation_of: the file ../nada.yml was not found"),
    (lambda t: t + "references:\n  - glass-2017\n", "references must be those of plans/plan.yml"),
], ids=["kind", "lines", "section-id", "missing-source", "references"])
def test_a_translation_keeps_its_sources_ids_kinds_and_lines(tmp_path, edit, expected):
    lines = _translation(tmp_path, edit)
    assert any(expected in line and line.endswith("(translation)") for line in lines), lines


def test_make_check_reports_a_plan_mistake_in_a_project(tmp_path):
    """The plan-file rule of `make check` on a made-up project."""
    (tmp_path / "docs" / "es").mkdir(parents=True)
    (tmp_path / "docs" / "help.md").write_text("# Help\n", encoding="utf-8")
    (tmp_path / "plans" / "es").mkdir(parents=True)
    (tmp_path / "plans" / "plan.yml").write_text(GOOD.read_text(encoding="utf-8").replace("lines: 3", "lines: 0"),
                                                 encoding="utf-8")
    (tmp_path / "plans" / "es" / "notes.yaml").write_text("title: x\n", encoding="utf-8")
    problems = [str(p) for p in checkkit.run(checkkit.Project(tmp_path), names=["plan-file"])]
    assert problems == [
        "plans/es/notes.yaml:1:1: a plan file must be named plan.yml (plans/plan.yml, or plans/<language>/plan.yml "
        "for a translation) (plan-file)",
        "plans/plan.yml:20:16: section 1, item 2: lines must be a whole number from 1 to 4 (lines-range)",
    ]
