"""Quiz files are held to the site's allowlist (issue 9): each payload in each kind of field
(intro, band body, flag body, hint) is an unsafe-html problem at its file:line:col, and
the input limits hold (aliases refused unexpanded, ids matched whole, invisible format
characters refused, .yaml files reported)."""

from __future__ import annotations

import tracemalloc

import pytest

from steadyground import quizzes as quizkit
from steadyground.core.yaml_loader import load_text

BASE = """title: A check
description: One question.
reviewed: 2026-01-31
intro: |
  Welcome.

  INTRO
questions:
  - id: ready
    text: I feel ready.
    hint: "HINT"
    options:
      - {label: "No", points: 0}
      - {label: "Yes", points: 1}
    flags: {unsafe: ["No"]}
flags:
  unsafe:
    title: Your safety comes first
    body: |
      Please read this.

      FLAG
bands:
  - min: 0
    max: 0
    title: Not yet
    body: |
      That is okay.

      BAND
  - {min: 1, max: 1, title: "Ready", body: "Take your time."}
examples:
  - {answers: {ready: "Yes"}, total: 1, band: Ready, flags: []}
"""
FIELDS = {"INTRO": (7, 3), "HINT": (11, 12), "FLAG": (22, 7), "BAND": (30, 7)}

# Each payload, with the text the problem must point at (its column is where that text starts).
PAYLOADS = {
    "attr_list onclick": ('Click\n{: onclick="alert(1)" }', "onclick="),
    "img onerror after >": ('<img src=">" onerror="alert(1)">', "onerror="),
    "tab in javascript:": ('[x](jav&#x09;ascript:alert(1))', "&#x09;"),
    "newline in javascript:": ('<a href="j&#10;avascript:alert(1)">x</a>', "&#10;"),
    "attr_list style": ('Styled\n{: style="position:fixed" }', "style="),
    "video": ('<video src="https://other.example/v.mp4"></video>', "<video"),
    "audio": ('<audio src="https://other.example/a.mp3"></audio>', "<audio"),
    "poster": ('<img alt="" poster="https://other.example/p.png">', "poster="),
    "srcset": ('<img alt="" src="a.png" srcset="https://other.example/p.png 2x">', "srcset="),
    "input image": ('<input type="image" src="https://other.example/p.png">', "<input"),
    "backslash host": ('![x](https:\\\\other.example/p.png)', "https:"),
    "ping": ('<a href="x/" ping="https://other.example/">x</a>', "ping="),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://other.example/">', "<meta"),
    "referrer": ('<meta name="referrer" content="unsafe-url">', "<meta"),
    "script src": ('<script src="../x.js"></script>', "<script"),
    "snippet": ('--8<-- "../mkdocs.yml"', "--8<--"),
}


def _problems(text: str) -> list[tuple[int, int, str]]:
    _, problems = quizkit.check_text(text, "quizzes/check.yml", "check")
    return [(p.line, p.col, p.rule) for p in problems]


def _quiz(field: str, payload: str) -> str:
    """BASE with `payload` in one field and plain words in the others."""
    if field == "HINT":
        text = BASE.replace('"HINT"', "'" + payload.replace("'", "''") + "'")
    else:
        indent = " " * (FIELDS[field][1] - 1)
        text = BASE.replace(field, payload.replace("\n", "\n" + indent))
    for name in FIELDS:
        text = text.replace(f'"{name}"', '"Plain words."').replace(name, "Plain words.")
    return text


def test_the_base_quiz_is_clean():
    assert _problems(_quiz("INTRO", "Plain words.")) == []


@pytest.mark.parametrize("field", ["INTRO", "FLAG", "BAND"])
@pytest.mark.parametrize("payload, points_at", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_each_payload_in_a_markdown_field_is_unsafe_html_at_its_place(field, payload, points_at):
    text = _quiz(field, payload)
    offset = text.index(points_at, text.index(payload.splitlines()[0]))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    assert (line, col, "unsafe-html") in _problems(text), _problems(text)


@pytest.mark.parametrize("payload", ['<img src=">" onerror="alert(1)">', '<a href="x/" ping="https://a.example/">x</a>',
                                     '<meta http-equiv="refresh" content="0">'])
def test_html_in_a_plain_text_hint_is_refused_too(payload):
    problems = _problems(_quiz("HINT", payload))
    assert [rule for _, _, rule in problems] and {rule for _, _, rule in problems} <= {"unsafe-html", "plain-text"}
    assert all(line == 11 for line, _, _ in problems), problems


def test_an_alias_bomb_is_refused_without_being_expanded():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefgh":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 10) + "]")
    bomb = "\n".join(lines) + "\n"  # 10**8 strings once expanded
    tracemalloc.start()
    try:
        loaded = load_text(bomb, "quizzes/bomb.yml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert loaded.data is None
    assert (1, 4, "syntax") == (loaded.problems[0].line, loaded.problems[0].col, loaded.problems[0].rule)
    assert "anchors and aliases are not allowed" in loaded.problems[0].message
    assert peak < 5 * 1024 * 1024, f"{peak} bytes: the aliases were expanded"


@pytest.mark.parametrize("where", ["question id", "flag id", "file name"])
def test_ids_must_match_whole_no_trailing_newline(where):
    if where == "file name":
        _, problems = quizkit.check_text(_quiz("INTRO", "x"), "quizzes/check\n.yml", "check\n")
    elif where == "question id":
        _, problems = quizkit.check_text(_quiz("INTRO", "x").replace("id: ready", 'id: "ready\\n"'), "q.yml", "q")
    else:
        _, problems = quizkit.check_text(_quiz("INTRO", "x").replace("  unsafe:\n", '  "unsafe\\n":\n'), "q.yml", "q")
    assert "id-format" in {p.rule for p in problems}, problems


def test_a_yaml_file_is_reported_not_ignored(tmp_path):
    (tmp_path / "check.yaml").write_text(_quiz("INTRO", "x"), encoding="utf-8")
    paths = quizkit.quiz_files(tmp_path)
    assert paths == [tmp_path / "check.yaml"]
    _, problems = quizkit.check_paths([(paths[0], "quizzes/check.yaml")])
    assert [(p.path, p.line, p.rule) for p in problems] == [("quizzes/check.yaml", 1, "id-format")]
    assert 'rename it to "check.yml"' in problems[0].message


def test_bidi_controls_in_titles_and_labels_are_refused():
    text = _quiz("INTRO", "x").replace("title: Not yet", "title: Safe \u202eesuba\u202c").replace(
        'label: "No"', 'label: "N\u2066o"')
    problems = [p for p in quizkit.check_text(text, "q.yml", "q")[1] if p.rule == "invisible-character"]
    expected = []
    for char in "\u2066\u202e\u202c":
        offset = text.index(char)
        expected.append((text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)))
    assert sorted((p.line, p.col) for p in problems) == sorted(expected)
