"""`make check` reads every string a quiz shows a reader from the quiz schema, so a mistake
in a flagged result or a tab title is named at its .yml line (the hand list it replaced
missed `flagged` and `content_note`; the strict build found such a link later, in the
generated page)."""

from __future__ import annotations

from steadyground import check as checkkit
from steadyground.core.project import Project
from steadyground.quizzes import fields


def test_a_broken_link_in_a_flagged_result_is_named_at_its_yml_line(project):
    path = project.root / "quizzes/safety-check.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\nflagged:")
    body = text.index("body: |", start)
    end = text.index("\n", body + len("body: |") + 1)
    planted = text[:end] + " See [this](../articles/no-such-page.md)." + text[end:]
    path.write_text(planted, encoding="utf-8")
    line = planted[:planted.index("no-such-page")].count("\n") + 1
    found = [str(p) for p in checkkit.run(Project(project.root), names=["quiz-link-target"])]
    assert any(f.startswith(f"quizzes/safety-check.yml:{line}:") and "no-such-page" in f for f in found), found


def test_reader_text_covers_every_text_field_and_skips_test_data():
    data = {
        "title": "T", "tab_title": "Notes", "description": "D", "content_note": "Note", "intro": "I",
        "questions": [{"id": "q1", "text": "Q", "hint": "H", "options": [{"label": "A", "points": 0}],
                       "flags": {"f": ["A"]}}],
        "bands": [{"min": 0, "max": 0, "title": "B", "body": "BB", "flagged": {"flags": ["f"], "title": "BF", "body": "BFB"}}],
        "flags": {"f": {"title": "F", "body": "FB"}},
        "flagged": {"flags": ["f"], "title": "QF", "body": "QFB"},
        "examples": [{"name": "test data", "answers": {"q1": "A"}, "total": 0, "band": "B", "flags": []}],
    }
    found = {where: text for where, _, text in fields.reader_text_paths(data)}
    assert found == {
        "title": "T", "tab_title": "Notes", "description": "D", "content_note": "Note", "intro": "I",
        "questions.q1.text": "Q", "questions.q1.hint": "H", "questions.q1.options[0]": "A",
        "bands[0].title": "B", "bands[0].body": "BB", "bands[0].flagged.title": "BF", "bands[0].flagged.body": "BFB",
        "flags.f.title": "F", "flags.f.body": "FB", "flagged.title": "QF", "flagged.body": "QFB",
    }
