"""Build scaling: the same text as generated quiz pages and as plain Markdown pages.

Each comparison writes two projects (projects.scenario_project) and times
`mkdocs build --strict` of each, alternating A B B A ... so slow spells on a noisy machine
hit both sides alike. A figure is the median of the runs."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from steadyground.bench import projects
from steadyground.bench.common import build, log, median


@dataclass
class Pair:
    label: str
    quiz: float  # median wall-clock seconds, quiz side
    plain: float  # median wall-clock seconds, plain side
    quiz_cpu: float  # median CPU seconds (user + system) of the build process
    plain_cpu: float
    quiz_runs: list[float]
    plain_runs: list[float]

    @property
    def ratio(self) -> float:
        return self.quiz / self.plain

    @property
    def cpu_ratio(self) -> float:
        return self.quiz_cpu / self.plain_cpu


def alternate(builders: dict[str, callable], runs: int) -> dict[str, list]:
    """Run each builder `runs` times, alternating the order every round (A B, B A, ...);
    returns each builder's results in run order."""
    names, results = list(builders), {name: [] for name in builders}
    for round_ in range(runs):
        for name in (names if round_ % 2 == 0 else names[::-1]):
            results[name].append(builders[name]())
    return results


def compare(label: str, *, articles: int, quizzes: int, runs: int, workdir: Path) -> Pair:
    """`quizzes` generated quiz pages vs the same number of plain twins, each with `articles` articles."""
    log(f"scaling: {label} ({runs} run(s) each)")
    sides, configs = {}, []
    for name, as_quiz in (("quiz", True), ("plain", False)):
        project = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=workdir))
        config = projects.scenario_project(project, articles=articles, quizzes=quizzes, as_quiz=as_quiz)
        configs.append(config)
        sides[name] = (lambda config=config, out=project / "site": build(config, out))
    builds = alternate(sides, runs)
    for folder in {config.parent for config in configs}:
        shutil.rmtree(folder, ignore_errors=True)  # up to ~0.5 GB per comparison
    wall = {name: [b.seconds for b in results] for name, results in builds.items()}
    cpu = {name: median([b.cpu_seconds for b in results]) for name, results in builds.items()}
    return Pair(label, median(wall["quiz"]), median(wall["plain"]), cpu["quiz"], cpu["plain"],
                wall["quiz"], wall["plain"])
