"""Spanish vocabulary (issue 24): one variety everywhere. The Spanish site serves readers in
Mexico, Argentina, Colombia, Chile, Peru, Spain and Spanish speakers in the US, so its pages
use the words most of them use and all of them understand (computadora, extrañar, refugio,
en promedio) and avoid words only Spain uses (ordenador, móvil, coche, echar de menos, de media,
casa de acogida alone). "teléfono" needs no choice at all. Over every Spanish page and
snippet (docs/es/, includes/es/) and every reader-facing string of quizzes/es/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, NamedTuple

import yaml

from steadyground.core.project import Page, Project
from steadyground.core.rules import Problem, at, rule
from steadyground.quizzes import fields

FOLDER = "es"


class Regional(NamedTuple):
    pattern: str
    instead: str


SPAIN_ONLY = [
    Regional(r"\bordenador(?:es)?\b", "computadora (or equipo, aparato)"),
    Regional(r"\bm[oó]vil(?:es)?\b", "teléfono (or celular)"),
    Regional(r"\bcoches?\b", "vehículo"),
    Regional(r"\b(?:ech\w+|ech[aá]ndo\w*) de menos\b", "extrañar"),
    Regional(r"\bde media\b", "en promedio"),
    Regional(r"(?<!refugio o )(?<!refugios o )\bcasas? de acogida\b", 'refugio (or "refugio o casa de acogida")'),
    Regional(r"\bvale\b(?=[,.!?])", '"de acuerdo" or "bien"'),
]
_PATTERNS = [(re.compile(r.pattern, re.I), r) for r in SPAIN_ONLY]


def findings(text: str) -> Iterator[tuple[int, Regional, str]]:
    """(index, the regional word's entry, the word as written) for each Spain-only word."""
    for pattern, regional in _PATTERNS:
        for match in pattern.finditer(text):
            yield match.start(), regional, match.group(0)


def _message(word: str, regional: Regional) -> str:
    return (f"'{word}' is said mainly in Spain; the Spanish pages use one variety that every reader "
            f"served knows: write {regional.instead} (AUTHORING.md, Writing in Spanish)")


_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")


def _without_link_targets_in_place(text: str) -> str:
    """Link targets blanked with spaces, so a file name is not read as a word and every other
    character keeps its line and column."""
    return _LINK_TARGET.sub(lambda m: "]" + " " * (len(m.group(0)) - 1), text)


def _text_problems(shown: str, text: str, first_line: int = 1, only: set[str] | None = None) -> Iterator[Problem]:
    """Each Spanish-only word of `text` at its line and column; `only`: just these words."""
    for index, regional, word in findings(_without_link_targets_in_place(text)):
        if only is not None and word.lower() not in only:
            continue
        line = first_line + text.count("\n", 0, index)
        col = index - text.rfind("\n", 0, index)
        yield at(shown, line, _message(word, regional), "spanish-vocabulary", col)


@rule("spanish-vocabulary", "wording")
def spanish_vocabulary(project: Project) -> Iterator[Problem]:
    """The Spanish pages, snippets and quizzes use one variety of Spanish: no words said mainly in
    Spain (ordenador, móvil, coche, ...)."""
    docs = project.docs / FOLDER
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        page = Page(path, path.read_text(encoding="utf-8"), project.docs)
        yield from _text_problems(page.shown, page.body, page.body_line_offset + 1)
    includes = project.includes / FOLDER
    for path in sorted(includes.glob("*.md")) if includes.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        shown = project.shown(path)
        yield from _text_problems(shown, text)
    quizzes = project.quiz_dir / FOLDER
    for path in sorted(quizzes.glob("*.yml")) if quizzes.is_dir() else []:
        yield from _quiz_problems(project, path)


def _quiz_problems(project: Project, path: Path) -> Iterator[Problem]:
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return  # the quiz rules report it
    if not isinstance(data, dict):
        return
    shown = project.shown(path)
    words = {word.lower() for _, _, string in fields.reader_text_paths(data)
             for _, _, word in findings(_without_link_targets_in_place(string))}
    # Reported where the file has them (not in comments or examples' names: only words that a
    # reader-facing string holds), at their own line and column.
    yield from _text_problems(shown, text, only=words)
