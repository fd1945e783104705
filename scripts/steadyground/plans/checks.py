"""The private plan: every rule of the plan feature (shape, ids, kinds, links, the translation lock;
plans/README.md) on plans/plan.yml and its translations plans/<language>/plan.yml, each
problem at its line and column."""

from __future__ import annotations

from typing import Iterator

from steadyground import plans as plankit
from steadyground.core.project import Project
from steadyground.core.rules import Problem, rule


@rule("plan-file", "plans")
def plan_file(project: Project) -> Iterator[Problem]:
    """The plan feature's rules on plans/plan.yml and its translations plans/<language>/plan.yml
    (plans/README.md)."""
    folder = project.root / "plans"
    if not folder.is_dir():
        return
    # A translation's links name pages of its own language's docs/ (plans/es/ -> docs/es/).
    files = [(folder / "plan.yml", project.docs)]
    files += [(path, project.docs / path.parent.name) for path in sorted(folder.glob("*/plan.yml"))]
    for path, docs in files:
        if path.is_file():
            _, problems = plankit.check_file(path, project.shown(path),
                                             page_exists=lambda name, docs=docs: (docs / name).is_file())
            yield from problems
    for path in sorted(folder.rglob("*.y*ml")):
        if path.name != "plan.yml":
            yield Problem(project.shown(path), 1, 1, "a plan file must be named plan.yml "
                          "(plans/plan.yml, or plans/<language>/plan.yml for a translation)", "plan-file")
