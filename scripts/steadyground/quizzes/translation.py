"""A translated quiz may change words only: `scoring_differences(source, translation)` lists
every way the translation scores differently from its source, one Problem each, at the
translation's file:line:col (rule "translation").

Compared, in order: question ids, answer types, subscales, reverse keys, danger marks, each
answer's points, "exclusive" and "safe" marks and the flags it raises (by position, since the labels are translated), the
flag ids, the total's and each subscale's band ranges, which flags change or hide a result, and
the examples (the same answers, by position, in the same order). Titles, texts, hints, labels
and bodies may differ. Each language's examples are also checked by the usual rules and
replayed in the browser against its own labels, so both languages test the same cases.

Where the source is: a translation lives in quizzes/<language>/ and names its source by slug
(`translation_of: readiness`), which is quizzes/readiness.yml, one folder up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from steadyground.core.problems import Problem
from steadyground.core.yaml_loader import Loaded, load_file
from steadyground.quizzes.model import Band, Quiz

RULE = "translation"


def check_translation(source: Quiz, translation: Quiz, loaded: Loaded) -> list[Problem]:
    """The scoring differences, placed in the translation's file (`loaded` is its YAML)."""
    found = list(_differences(source, translation))
    return sorted(Problem(loaded.path, *_line_col(loaded, path), message, RULE) for path, message in found)


def check_translation_file(source: Quiz, translation: Quiz, path: str | Path) -> list[Problem]:
    return check_translation(source, translation, load_file(path, translation.source))


def source_path(path: Path, slug: str) -> Path:
    """The file a translation at `path` (quizzes/<language>/x.yml) translates: quizzes/<slug>.yml."""
    return Path(path).parent.parent / f"{slug}.yml"


def missing_source(loaded: Loaded, shown_source: str) -> Problem:
    line, col = _line_col(loaded, ("translation_of",))
    return Problem(loaded.path, line, col, f"there is no {shown_source} to translate: translation_of names a quiz "
                   "in the folder above this one, by file name without .yml", RULE)


def broken_source(loaded: Loaded, shown_source: str) -> Problem:
    line, col = _line_col(loaded, ("translation_of",))
    return Problem(loaded.path, line, col, f"its source {shown_source} has problems of its own; fix those first, "
                   "then this translation is compared with it", RULE)


def _line_col(loaded: Loaded, path: tuple) -> tuple[int, int]:
    place = loaded.positions.of(path)
    return place.line, place.col


def _differences(source: Quiz, translation: Quiz) -> Iterator[tuple[tuple, str]]:
    origin = f"its source {source.source}"
    ids, translated_ids = [q.id for q in source.questions], [q.id for q in translation.questions]
    if ids != translated_ids:
        yield ("questions",), (f"the questions must be those of {origin}, in the same order: "
                               f"{', '.join(ids)} (found {', '.join(translated_ids)})")
        return  # the rest is compared question by question
    for index, (ours, theirs) in enumerate(zip(source.questions, translation.questions)):
        at = ("questions", index)
        if (ours.kind, ours.subscale, ours.reverse, ours.danger) != (theirs.kind, theirs.subscale, theirs.reverse, theirs.danger):
            yield at, (f'question "{theirs.id}": type, subscale, reverse and danger must stay as in {origin} '
                       f"({ours.kind}, {ours.subscale}, reverse {ours.reverse}, danger {ours.danger})")
        shape = [(o.points, o.exclusive, tuple(sorted(o.flags))) for o in ours.options]
        translated = [(o.points, o.exclusive, tuple(sorted(o.flags))) for o in theirs.options]
        if shape != translated:
            yield at, (f'question "{theirs.id}": each answer must keep its points, "exclusive" and flags, in '
                       f"order, as in {origin} ({_shape(shape)}; found {_shape(translated)})")
        safe, translated_safe = _safe(ours), _safe(theirs)
        if safe != translated_safe:
            yield at, (f'question "{theirs.id}": the answer marked "safe: true" must be the one in the same place as in '
                       f"{origin} (answer {safe or 'none'}; found {translated_safe or 'none'})")
    if [f.id for f in source.flags] != [f.id for f in translation.flags]:
        yield ("flags",), f"the flags must be those of {origin}: {', '.join(f.id for f in source.flags)}"
    yield from _bands(source.bands, translation.bands, ("bands",), "the total", origin)
    sub_ids = [s.id for s in source.subscales]
    if sub_ids != [s.id for s in translation.subscales]:
        yield ("subscales",), f"the subscales must be those of {origin}, in order: {', '.join(sub_ids)}"
    else:
        for index, (ours, theirs) in enumerate(zip(source.subscales, translation.subscales)):
            yield from _bands(ours.bands, theirs.bands, ("subscales", index, "bands"), f'subscale "{ours.id}"',
                              origin)
    if _flagged(source.flagged) != _flagged(translation.flagged):
        yield ("flagged",), f"the flags that change the result must be those of {origin}"
    yield from _examples(source, translation, origin)


def _examples(source: Quiz, translation: Quiz, origin: str):
    if len(source.examples) != len(translation.examples):
        yield ("examples",), (f"the examples must be those of {origin} in the same order, with translated labels "
                              f"({len(source.examples)} examples; found {len(translation.examples)})")
        return
    for index, (ours, theirs) in enumerate(zip(source.examples, translation.examples)):
        if _chosen(source, ours) != _chosen(translation, theirs):
            yield ("examples", index), (f"example {index + 1} must choose the same answers as example {index + 1} "
                                        f"of {origin} (the answer in the same place in each question)")


def _chosen(quiz: Quiz, example) -> dict[str, tuple[int, ...]]:
    """An example's answers as positions in each question's answer list."""
    questions = {q.id: q for q in quiz.questions}
    chosen = {}
    for question_id, labels in example.answers.items():
        labels_in_order = [o.label for o in questions[question_id].options]
        chosen[question_id] = tuple(sorted(labels_in_order.index(label) for label in labels))
    return chosen


def _bands(ours: tuple[Band, ...], theirs: tuple[Band, ...], at: tuple, what: str, origin: str):
    ranges = [(b.min, b.max, _flagged(b.flagged)) for b in ours]
    translated = [(b.min, b.max, _flagged(b.flagged)) for b in theirs]
    if ranges != translated:
        shown = ", ".join(f"{low}-{high}" for low, high, _ in ranges)
        yield at, f"the bands of {what} must keep the ranges (and flagged results) of {origin}: {shown}"


def _flagged(flagged) -> tuple | None:
    return None if flagged is None else (tuple(sorted(flagged.flags)), flagged.title is None)


def _shape(shape: list[tuple]) -> str:
    return ", ".join(f"{points}{'x' if exclusive else ''}{'+' + '+'.join(flags) if flags else ''}"
                     for points, exclusive, flags in shape)


def _safe(question) -> str:
    """The places (1-based) of the answers marked safe, as text."""
    return ", ".join(str(i) for i, o in enumerate(question.options, start=1) if o.safe)
