"""The Spanish pages keep to one variety of Spanish (steadyground/languages/spanish_words.py): a word said
mainly in Spain is named at its file:line:col in a page, a snippet and a quiz string, and not
in a link target, a YAML comment or the accepted pair "refugio o casa de acogida"."""

from __future__ import annotations

from steadyground import check as checkkit
from steadyground.core.project import ROOT, Project
from steadyground.languages.spanish_words import SPAIN_ONLY, findings


def _found(project: Project) -> list[str]:
    return [str(p) for p in checkkit.run(Project(project.root), names=["spanish-vocabulary"])]


def test_the_sources_are_clean():
    assert _found(Project(ROOT)) == []


def test_every_entry_catches_its_word_and_the_suggestion_is_not_flagged():
    samples = ["un ordenador", "tu móvil", "el coche", "lo echas de menos", "tres de media",
               "una casa de acogida", "Vale, lo sé."]
    assert len(samples) == len(SPAIN_ONLY)
    for sample, regional in zip(samples, SPAIN_ONLY):
        assert [r for _, r, _ in findings(sample)] == [regional], sample
    assert not list(findings("un refugio o casa de acogida, en promedio, en la computadora; vale la pena"))


def test_a_word_is_named_at_its_line_and_column_in_pages_snippets_and_quizzes(project):
    before = set(_found(project))
    page = project.root / "docs/es/privacidad.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nSi usas [el ordenador](../ordenador.md) de casa, ten cuidado.\n", encoding="utf-8")
    page_line = text.count("\n") + 2
    snippet = project.root / "includes/es/abbreviations.md"
    snippet.write_text("*[móvil]: Un teléfono.\n" + snippet.read_text(encoding="utf-8"), encoding="utf-8")
    quiz = project.root / "quizzes/es/impulsos.yml"
    quiz_text = quiz.read_text(encoding="utf-8")
    quiz.write_text("# un coche en un comentario no cuenta\n"
                    + quiz_text.replace("title: ", "title: Lo echas de menos y ", 1), encoding="utf-8")
    quiz_line = quiz_text[:quiz_text.index("title: ")].count("\n") + 2
    found = [f for f in _found(project) if f not in before]
    assert any(f.startswith(f"docs/es/privacidad.md:{page_line}:13: 'ordenador'") for f in found), found
    assert any(f.startswith("includes/es/abbreviations.md:1:3: 'móvil'") for f in found), found
    assert any(f.startswith(f"quizzes/es/impulsos.yml:{quiz_line}:") and "'echas de menos'" in f for f in found), found
    assert not any("'coche'" in f for f in found), found
    assert len(found) == 3, found
