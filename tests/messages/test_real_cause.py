"""Messages that name the real cause at the line the author changed (issue 20, item 5).

Each test plants mistakes an author makes in a copy of the whole project, then runs every
door as `make` runs it: `make check` (scripts/check_site.py), the MkDocs build
(scripts/build_site.py) and the Zensical build (scripts/build_zensical.py), one build per
generator for several mistakes. Every door must print the same `path:LINE:COL: message`,
exit non-zero and show no traceback; a byte order mark is accepted by every door alike."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from harness.project import copy_project

REPO = Path(__file__).resolve().parents[2]
ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"

CURLY = ("the text starts with a curly quote \u201c, which YAML does not read as a quote, so a ': ' inside it "
         "breaks the line; use straight quotes: {fix} (text without ': ' or ' #' is fine without quotes)")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", environments=(".venv", ".venv-zensical"))


def plant(root: Path, name: str, old: str, new: str, *, prefix: str = "") -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}: the test no longer matches the sources"
    path.write_text(prefix + text.replace(old, new, 1), encoding="utf-8")


def _run(root: Path, *command: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, *command], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"})
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


def check(root: Path) -> tuple[int, list[str]]:
    """make check: its exit code and its problem lines."""
    done = _run(root, "scripts/check_site.py")
    return done.returncode, [line for line in done.stdout.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]


def build(root: Path, generator: str) -> tuple[int, list[str]]:
    """make build (GENERATOR=mkdocs or zensical): its exit code and its output lines."""
    site = root.parent / f"site-{generator}"
    if generator == "mkdocs":
        done = _run(root, "scripts/build_site.py", str(site))
    else:
        done = _run(root, "scripts/build_zensical.py", "build", "--site-dir", str(site), "--zensical", str(ZENSICAL))
    if done.returncode == 0:
        done = _run(root, "scripts/verify_site.py", str(site))
    return done.returncode, (done.stdout + done.stderr).splitlines()


GENERATORS = ("mkdocs", "zensical")


def test_curly_quotes_in_front_matter_are_named_at_the_quote(project):
    plant(project, "docs/articles/strong-attachment.md", "title: What a trauma bond is",
          "title: \u201cWhy: it hurts\u201d")
    plant(project, "docs/es/articulos/lazos-fuertes.md", "title: Qué es un vínculo traumático",
          "title: \u201cPor qué: duele\u201d")
    english = "docs/articles/strong-attachment.md:2:8: " + CURLY.format(fix='"Why: it hurts"')
    spanish = "docs/es/articulos/lazos-fuertes.md:2:8: " + CURLY.format(fix='"Por qué: duele"')
    code, lines = check(project)
    assert (code, lines) == (1, [f"{english} (front-matter-yaml)", f"{spanish} (front-matter-yaml)"])
    for generator in GENERATORS:
        code, lines = build(project, generator)
        assert code != 0 and english in lines and spanish in lines, (generator, lines)


def test_quiz_mistakes_are_named_where_they_were_made(project):
    # A curly-quoted title with a colon, and a point changed in a shared scale of a translation
    # (both Spanish: the English build would stop at an English quiz before the Spanish build).
    path = project / "quizzes/es/seguridad.yml"
    text = path.read_text(encoding="utf-8")
    title = re.search(r"^title: .*$", text, re.M)
    path.write_text(text[: title.start()] + "title: \u201cTu seguridad: un repaso\u201d" + text[title.end():],
                    encoding="utf-8")
    curly_line = text.count("\n", 0, title.start()) + 1
    plant(project, "quizzes/es/preparacion.yml", '    - {label: "De acuerdo", points: 3}',
          '    - {label: "De acuerdo", points: 2}')
    curly = f"quizzes/es/seguridad.yml:{curly_line}:8: " + CURLY.format(fix='"Tu seguridad: un repaso"') + " (syntax)"
    points = ('quizzes/es/preparacion.yml:22:37: answer 4 ("De acuerdo") has 2 points; in its source '
              "quizzes/readiness.yml the answer in the same place has 3 (a translation changes words only) "
              "(translation)")
    code, lines = check(project)
    assert code == 1 and curly in lines and points in lines, lines
    # One line per change: not the example totals and bands the changed point throws out.
    assert [line for line in lines if line.startswith("quizzes/es/preparacion.yml")] == [points]
    for generator in GENERATORS:
        code, lines = build(project, generator)
        assert code != 0 and curly in lines and points in lines, (generator, lines)


def test_a_misspelt_translation_of_and_a_telling_fallback_title_stop_every_door(project):
    plant(project, "docs/es/articulos/sanar-poco-a-poco.md", "translation_of: articles/healing.md",
          "translation_of: articles/heling.md")
    plant(project, "docs/articles/strong-attachment.md", "tab_title: Strong attachments\n", "")
    twin = ("docs/es/articulos/sanar-poco-a-poco.md:{line}:17: translation_of names docs/articles/heling.md, which "
            "is no English page; did you mean articles/healing.md? (the language link would quietly lead to the "
            "English home page instead) (translation-of)")
    text = (project / "docs/es/articulos/sanar-poco-a-poco.md").read_text(encoding="utf-8")
    twin = twin.format(line=text[: text.index("translation_of:")].count("\n") + 1)
    tab = ("docs/articles/strong-attachment.md:2:1: the browser tab and history will show 'What a trauma bond "
           "is', which names the topic ('trauma'): add a calm, everyday tab_title; without one the tab shows the "
           "title (PRIV-13) (discreet-history)")
    code, lines = check(project)
    assert code == 1 and twin in lines and tab in lines, lines
    for generator in GENERATORS:
        code, lines = build(project, generator)
        assert code != 0 and twin in lines and tab in lines, (generator, lines)


def test_a_byte_order_mark_is_accepted_by_every_door(project):
    for name in ("docs/articles/strong-attachment.md", "docs/es/articulos/lazos-fuertes.md",
                 "quizzes/readiness.yml", "quizzes/es/preparacion.yml"):
        plant(project, name, "---" if name.endswith(".md") else "title:", "---" if name.endswith(".md") else "title:",
              prefix="\ufeff")
    assert check(project) == (0, [])
    for generator in GENERATORS:
        code, lines = build(project, generator)
        assert code == 0, (generator, lines)
        site = project.parent / f"site-{generator}"
        english = (site / "articles/strong-attachment/index.html").read_text(encoding="utf-8")
        spanish = (site / "es/articulos/lazos-fuertes/index.html").read_text(encoding="utf-8")
        assert "<title>Strong attachments - Steady Ground</title>" in english, generator
        # The Spanish page's translation_of was read: its language link leads to its English twin.
        assert re.search(r'<a href="[^"]*/articles/strong-attachment/" hreflang="en"', spanish), generator


def test_a_spanish_page_is_named_by_its_own_path_in_the_mkdocs_build(project):
    """The Spanish build's docs_dir is docs/es: its page problems name docs/es/..., the file the
    author opens. (Zensical's page checks still name docs/...: steadyground/build/zensical.py, to do.)"""
    path = project / "docs/es/articulos/lazos-fuertes.md"
    path.write_text(path.read_text(encoding="utf-8") + '\n--8<-- "missing.md"\n', encoding="utf-8")
    line = path.read_text(encoding="utf-8").count("\n")
    code, lines = build(project, "mkdocs")
    assert code != 0 and (f'docs/es/articulos/lazos-fuertes.md:{line}: the snippet "missing.md" was not found in '
                          "includes/ (there: abbreviations.md, safety-callout.md)") in lines, lines
