"""Problems: the one thing every check produces.

Owns the `Problem` record (a file position, a message for the author and the name of the
rule that found it), its sort order and the two output formats, `standard`
(`path:line:col: message (rule)`, the format MkDocs prints too) and `github` (workflow
commands that become inline annotations on pull requests). Lines and columns are 1-based,
as in editors; PyYAML's 0-based marks are converted where they are read, never here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

FORMATS = ("standard", "github")


@dataclass(frozen=True, order=True)
class Problem:
    # Field order is the sort order: by file, then position.
    path: str
    line: int
    col: int
    message: str
    rule: str

    def __str__(self) -> str:
        return format_standard(self)


def format_standard(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}:{problem.col}: {problem.message} ({problem.rule})"


def format_github(problem: Problem) -> str:
    # https://docs.github.com/actions/reference/workflow-commands-for-github-actions
    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    return (
        f"::error file={prop(problem.path)},line={problem.line},col={problem.col},"
        f"title={prop(problem.rule)}::{data(problem.message)}"
    )


def format_problems(problems: Iterable[Problem], fmt: str = "standard") -> list[str]:
    """Sorted, de-duplicated output lines in the requested format."""
    formatter = {"standard": format_standard, "github": format_github}[fmt]
    return [formatter(problem) for problem in sorted(set(problems))]
