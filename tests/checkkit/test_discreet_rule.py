"""make check's discreet-history rule (steadyground/pages/discreet.py) names, in every language, a tab
title or an address that would tell a watcher the topic, at the line to change, including a
page whose missing tab_title would fall back to a telling title."""

from __future__ import annotations

from steadyground import check as checkkit
from steadyground.core.project import ROOT, Project

FRONT = "---\ntitle: {title}\n{tab}description: D.\nreviewed: 2026-01-01\n---\n\n# {title}\n"


def _found(project: Project) -> list[str]:
    return [str(p) for p in checkkit.run(Project(project.root), names=["discreet-history"])]


def _write(project: Project, name: str, text: str) -> None:
    (project.root / name).write_text(text, encoding="utf-8")


def test_the_sources_are_clean():
    assert _found(Project(ROOT)) == []


def test_each_telling_place_is_named_at_its_line_in_every_language(project):
    _write(project, "docs/es/articulos/calma.md", FRONT.format(title="Calma", tab="tab_title: Salir del maltrato\n"))
    _write(project, "docs/articles/steps.md", FRONT.format(title="Going no contact", tab=""))
    _write(project, "docs/articles/abuse-signs.md", FRONT.format(title="Signs", tab="tab_title: Notes\n"))
    quiz = project.root / "quizzes/es/impulsos.yml"
    text = quiz.read_text(encoding="utf-8")
    assert "\ntab_title:" in text
    quiz.write_text(text.replace("\ntab_title:", "\ntab_title: Acoso y", 1), encoding="utf-8")
    quiz_line = text[:text.index("\ntab_title:")].count("\n") + 2
    found = _found(project)
    assert any(f.startswith("docs/es/articulos/calma.md:3:1:") and "'maltrato'" in f for f in found), found
    assert any(f.startswith("docs/articles/steps.md:2:1:") and "add a calm, everyday tab_title" in f
               and "'no contact'" in f for f in found), found
    assert any(f.startswith("docs/articles/abuse-signs.md:1:1:") and "address" in f for f in found), found
    assert any(f.startswith(f"quizzes/es/impulsos.yml:{quiz_line}:1:") and "'acoso'" in f for f in found), found
    assert len(found) == 4, found
