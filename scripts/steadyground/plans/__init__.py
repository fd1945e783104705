"""plans: the private safety plan, written in YAML (plans/plan.yml, translations in
plans/<language>/plan.yml), checked with path:LINE:COL problems and rendered as one page.

The stages, one module each: loader (YAML text to data and positions, with size and depth
limits) -> rules (every mistake as a Problem) -> model (typed, read-only) -> render
(the page's Markdown and the form's markup, from overrides/partials/plan.html).

Public API: `check_file(path, display, page_exists=None)` -> (Plan | None, problems),
`render.page_markdown(plan, language)`, `render.markup(plan)`, `render.assemble(html, markup)`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from steadyground.core.problems import Problem, format_problems
from steadyground.plans.loader import load_file
from steadyground.plans.model import Plan, build_plan
from steadyground.plans.rules import check, check_translation

__all__ = ["Plan", "Problem", "check_file", "format_problems"]


def check_file(path: str | Path, display: str | None = None, *,
               page_exists: Callable[[str], bool] | None = None) -> tuple[Plan | None, list[Problem]]:
    """Load and check one plan file; a translation (translation_of) is also held to its source.
    `page_exists(name)` says whether docs/<name> exists, for the plan's links."""
    path = Path(path)
    loaded = load_file(path, display or str(path))
    problems = check(loaded, page_exists)
    source_of = loaded.data.get("translation_of") if isinstance(loaded.data, dict) else None
    if not problems and isinstance(source_of, str):
        source_path = (path.parent / source_of).resolve()
        shown = Path(loaded.path).parent.joinpath(source_of).as_posix()
        source = load_file(source_path, _normal(shown)) if source_path.is_file() else None
        problems = check_translation(loaded, source)
    if problems:
        return None, sorted(problems)
    return build_plan(loaded.data), []


def _normal(shown: str) -> str:
    """plans/es/../plan.yml as plans/plan.yml."""
    parts: list[str] = []
    for part in shown.split("/"):
        if part == ".." and parts and parts[-1] != "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)
