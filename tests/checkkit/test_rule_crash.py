"""A rule that crashes is a bug in the rule: the author sees one problem naming the file it
was reading when it failed, and every other rule still reports, never a traceback."""

from __future__ import annotations

from steadyground import check
from steadyground.core.paths import REPO
from steadyground.core.rules import Rule


def test_a_crashing_rule_names_the_file_it_was_reading(monkeypatch):
    def crashes_on_the_second_page(project):
        for page in project.pages[:2]:
            if page is project.pages[1]:
                raise KeyError("boom")
            yield from ()

    monkeypatch.setitem(check.RULES, "planted-crash", Rule("planted-crash", "pages", crashes_on_the_second_page))

    project = check.Project(REPO)
    problems = check.run(project, names=["planted-crash", "link-target"])
    crashed = [p for p in problems if p.rule == "planted-crash"]
    assert [(p.path, p.line) for p in crashed] == [(project.pages[1].shown, 1)], crashed
    assert "the check itself failed on this file (KeyError: 'boom')" in crashed[0].message
