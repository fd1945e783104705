"""The loader: plain data, 1-based line:col for every value and key, and author mistakes
(syntax errors, duplicate keys, unreadable files) as problems, never exceptions."""

from __future__ import annotations

import datetime

from steadyground.core.yaml_loader import load_file, load_text

SOURCE = """\
title: A check
questions:
  - id: ready
    text: "Quoted"
    options:
      - {label: "No", points: 0}
      - label: 'Yes'
        points: 1
no: kept as text
"""


def test_data_is_plain_python():
    loaded = load_text(SOURCE, "q.yml")
    assert loaded.problems == []
    assert loaded.data["questions"][0]["options"][1] == {"label": "Yes", "points": 1}
    assert loaded.data["no"] == "kept as text"  # keys are the text as written, not False


def test_value_positions_are_one_based():
    pos = load_text(SOURCE, "q.yml").positions
    assert (pos.of(("title",)).line, pos.of(("title",)).col) == (1, 8)
    assert (pos.of(("questions", 0)).line, pos.of(("questions", 0)).col) == (3, 5)
    assert (pos.of(("questions", 0, "text")).line, pos.of(("questions", 0, "text")).col) == (4, 11)
    flow = pos.of(("questions", 0, "options", 0, "points"))
    assert (flow.line, flow.col) == (6, 31)
    block = pos.of(("questions", 0, "options", 1, "points"))
    assert (block.line, block.col) == (8, 17)


def test_key_positions_and_missing_paths():
    pos = load_text(SOURCE, "q.yml").positions
    key = pos.key_of(("questions", 0, "options"))
    assert (key.line, key.col) == (5, 5)
    # A path that does not exist falls back to its nearest ancestor (for "missing" messages).
    missing = pos.of(("questions", 0, "hint"))
    assert (missing.line, missing.col) == (3, 5)


def test_duplicate_keys_are_problems_with_the_second_position():
    loaded = load_text("title: One\ndescription: x\ntitle: Two\n", "q.yml")
    [problem] = loaded.problems
    assert (problem.line, problem.col, problem.rule) == (3, 1, "duplicate-key")
    assert "first used on line 1" in problem.message
    assert loaded.data["title"] == "Two"  # what YAML would have kept


def test_nested_duplicate_key_in_flow_mapping():
    loaded = load_text("a:\n  - {label: x, label: y}\n", "q.yml")
    assert [(p.line, p.col, p.rule) for p in loaded.problems] == [(2, 16, "duplicate-key")]


def test_syntax_error_position_and_hint():
    loaded = load_text("title: A\ntext: Note: colon\n", "q.yml")
    [problem] = loaded.problems
    assert (problem.line, problem.col, problem.rule) == (2, 11, "syntax")
    assert "quotes" in problem.message
    assert loaded.data is None


def test_unclosed_quote_names_where_it_started():
    [problem] = load_text('title: "A\nb: c\n', "q.yml").problems
    assert problem.rule == "syntax"
    assert "starts on line 1, column 8" in problem.message


def test_tab_indentation():
    [problem] = load_text("a:\n\t- b\n", "q.yml").problems
    assert (problem.line, problem.col) == (2, 1)
    assert "tabs" in problem.message


def test_control_character_is_a_problem():
    [problem] = load_text("title: A\nb: \x07\n", "q.yml").problems
    assert (problem.line, problem.rule) == (2, "syntax")


def test_empty_file():
    [problem] = load_text("# nothing\n", "q.yml").problems
    assert (problem.line, problem.col) == (1, 1)
    assert "empty" in problem.message


def test_impossible_date_is_a_problem_not_an_exception():
    loaded = load_text("reviewed: 2026-02-30\n", "q.yml")
    [problem] = loaded.problems
    assert (problem.line, problem.col, problem.rule) == (1, 11, "type")


def test_dates_and_booleans_are_typed_like_yaml():
    data = load_text("reviewed: 2026-11-20\nlabel: No\n", "q.yml").data
    assert data == {"reviewed": datetime.date(2026, 11, 20), "label": False}


def test_merge_keys_are_rejected():
    loaded = load_text("base: {x: 1}\nother:\n  <<: {x: 2}\n", "q.yml")
    assert [(p.line, p.rule) for p in loaded.problems] == [(3, "syntax")]


def test_anchors_and_aliases_are_refused_before_anything_is_expanded():
    loaded = load_text("a: &x [1, 2]\nb: *x\n", "q.yml")
    assert loaded.data is None
    assert [(p.line, p.col, p.rule) for p in loaded.problems] == [(1, 4, "syntax"), (2, 4, "syntax")]
    assert 'the anchor "&x"' in loaded.problems[0].message and 'the alias "*x"' in loaded.problems[1].message


def test_files_not_utf8_and_missing(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_bytes(b"title: caf\xe9\n")
    [problem] = load_file(bad, "bad.yml").problems
    assert (problem.path, problem.rule) == ("bad.yml", "syntax")
    assert "UTF-8" in problem.message
    [problem] = load_file(tmp_path / "gone.yml", "gone.yml").problems
    assert "cannot read" in problem.message


def test_byte_order_mark_is_ignored(tmp_path):
    path = tmp_path / "bom.yml"
    path.write_bytes("\ufefftitle: A\n".encode("utf-8"))
    loaded = load_file(path)
    assert loaded.problems == [] and loaded.data == {"title": "A"}
    assert loaded.positions.of(("title",)).line == 1
