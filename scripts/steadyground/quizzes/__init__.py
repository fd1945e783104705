"""quizzes: self-scoring quizzes from YAML, for the Steady Ground site.

Public API (everything else is internal):

- `check_file(path)`, `check_paths(paths)`, `check_text(text, ...)`: load and validate,
  returning quizzes and every `Problem` (author mistakes never raise).
- `format_problems(problems, "standard" | "github")`: sorted output lines.
- `Settings.from_extra(config.extra)`: UI strings and options, defaults in config.py.
- `render.quiz_page(quiz, settings)`, `render.render_quiz(quiz, settings, page_uri=...)`,
  `render.index_page(quizzes, settings)`, `render.assemble(html, markups)`: the Markdown
  MkDocs turns into pages, and the step that puts the quiz markup into the finished page.
- `score(quiz, answers)`: the reference scorer (the same algorithm as quiz.js).

The stages, one module each: loader -> fields/rules -> model -> scoring -> render.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from steadyground.core.problems import Problem, format_problems
from steadyground.core.yaml_loader import Loaded, load_file, load_text
from steadyground.quizzes import translation
from steadyground.quizzes.config import Settings
from steadyground.quizzes.model import Quiz, build_quiz
from steadyground.quizzes.rules import check, example_results
from steadyground.quizzes.scoring import Result, score

__all__ = [
    "Problem", "Quiz", "Result", "Settings", "check_file", "check_paths", "check_text", "format_problems",
    "language_dirs", "quiz_files", "score",
]


def check_file(path: str | Path, display: str | None = None) -> tuple[Quiz | None, list[Problem]]:
    """Load and validate one quiz file. The quiz is None whenever there are problems. A
    translation (`translation_of:`) is also compared with its source (translation.py)."""
    path = Path(path)
    return check_loaded(load_file(path, display or str(path)), path.stem, path=path)


def check_text(text: str, display: str, slug: str) -> tuple[Quiz | None, list[Problem]]:
    return check_loaded(load_text(text, display), slug)


# What a changed score throws out in a translation's own rules: bands that no longer meet or
# reach the total, examples that no longer add up. The changed value is the cause to name.
_FOLLOW_FROM_SCORES = {"band-gap", "band-overlap", "band-range", "band-bounds", "example-total", "example-band",
                       "example-subscale", "example-flags", "example-shows"}


def check_loaded(loaded: Loaded, slug: str, *, path: Path | None = None) -> tuple[Quiz | None, list[Problem]]:
    problems = check(loaded, slug)
    if problems and path is not None and all(p.rule in _FOLLOW_FROM_SCORES for p in problems):
        differences = _scoring_changes(loaded, slug, path)
        if differences:
            return None, differences
    if problems:
        return None, problems
    quiz = build_quiz(loaded.data, slug=slug, source=loaded.path)
    problems = list(example_results(quiz, loaded))
    if quiz.translation_of is not None and path is not None:
        # A changed point is named where it was changed; the examples it throws out (totals and
        # bands that no longer add up) follow from it and would only bury that line.
        differences, compared = _translation_problems(quiz, path, loaded)
        problems = differences if compared and differences else problems + differences
    return (None, sorted(problems)) if problems else (quiz, [])


def _scoring_changes(loaded: Loaded, slug: str, path: Path) -> list[Problem]:
    """A translation's scoring differences from its source, for a file whose own rules failed
    only on bands and examples (its shape is sound, so it builds); [] for any other file."""
    if not (isinstance(loaded.data, dict) and isinstance(loaded.data.get("translation_of"), str)):
        return []
    try:
        quiz = build_quiz(loaded.data, slug=slug, source=loaded.path)
    except (KeyError, TypeError, ValueError, AttributeError):  # not sound after all: its own problems stand
        return []
    differences, compared = _translation_problems(quiz, path, loaded)
    return differences if compared else []


def _translation_problems(quiz: Quiz, path: Path, loaded: Loaded) -> tuple[list[Problem], bool]:
    """(problems, whether the scoring was compared with the source's)."""
    source_file = translation.source_path(path, quiz.translation_of)
    shown = translation.source_path(Path(loaded.path), quiz.translation_of).as_posix()
    if not source_file.is_file():
        return [translation.missing_source(loaded, shown)], False
    source, problems = check_file(source_file, shown)
    if source is None:
        return [translation.broken_source(loaded, shown)], False
    return translation.check_translation(source, quiz, loaded), True


def quiz_files(directory: str | Path) -> list[Path]:
    # .yaml too, so a misnamed file is reported (rule file-name), never silently skipped
    return sorted(p for pattern in ("*.yml", "*.yaml") for p in Path(directory).glob(pattern) if p.is_file())


def language_dirs(directory: str | Path) -> list[Path]:
    """The folders of translated quizzes inside a quiz folder (quizzes/es/, ...)."""
    return sorted(p for p in Path(directory).iterdir() if p.is_dir() and quiz_files(p)) if Path(directory).is_dir() else []


def check_paths(paths: Iterable[tuple[Path, str]]) -> tuple[list[Quiz], list[Problem]]:
    """Validate several files, given as (path, display name) pairs; all problems at once."""
    quizzes, problems = [], []
    for path, display in paths:
        quiz, found = check_file(path, display)
        problems.extend(found)
        if quiz is not None:
            quizzes.append(quiz)
    return quizzes, sorted(problems)
