"""The rule registry: every author-facing rule is a function `rule(project)` that yields
`Problem`s, registered with the area it belongs to and a sentence for AUTHORING.md."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from steadyground.core.problems import Problem
from steadyground.core.project import Project

Check = Callable[[Project], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    name: str
    area: str
    check: Check


RULES: dict[str, Rule] = {}


def rule(name: str, area: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        if name in RULES:
            raise ValueError(f"two rules named {name}")
        RULES[name] = Rule(name, area, check)
        return check
    return register


def at(path: str, line: int, message: str, rule_name: str, col: int = 1) -> Problem:
    return Problem(path, max(line, 1), max(col, 1), message, rule_name)


def at_place(path: str, place: tuple[int, int], message: str, rule_name: str) -> Problem:
    line, col = place
    return at(path, line, message, rule_name, col)


def from_message(text: str, rule_name: str) -> Problem:
    """A page-check message ("path:line:col: message", "path:line: message" or "path: message") as a Problem."""
    path, _, rest = text.partition(": ")
    numbers: list[int] = []
    while ":" in path and len(numbers) < 2 and path.rpartition(":")[2].isdigit():
        path, _, number = path.rpartition(":")
        numbers.insert(0, int(number))
    line, col = (numbers + [1, 1])[:2]
    return at(path, line, rest, rule_name, col)


def run(project: Project, names: Iterable[str] | None = None, areas: Iterable[str] | None = None) -> list[Problem]:
    """Every problem the chosen rules find, sorted and de-duplicated. A rule that crashes is a
    bug in the rule, reported as a problem of its own, never a traceback for the author."""
    chosen = [r for r in RULES.values()
              if (names is None or r.name in set(names)) and (areas is None or r.area in set(areas))]
    found: set[Problem] = set()
    for r in chosen:
        try:
            found.update(r.check(project))
        except Exception as error:  # noqa: BLE001 - an author must never see a traceback
            found.add(at(_source_being_read(error), 1, f"the check itself failed on this file ({type(error).__name__}: "
                         f"{error}); please tell the maintainers", r.name))
    return sorted(found)


def _source_being_read(error: Exception) -> str:
    """The source file a crashed rule was reading: the innermost frame holding a page or a
    quiz (anything with a `shown` path), so the author knows which file set it off."""
    traceback, shown = error.__traceback__, "references.yml or a config"
    while traceback is not None:
        for value in traceback.tb_frame.f_locals.values():
            path = getattr(value, "shown", None)
            if isinstance(path, str):
                shown = path
        traceback = traceback.tb_next
    return shown
