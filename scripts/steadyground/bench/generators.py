"""MkDocs + Material vs Zensical: the same project built with each, in one run.

Whole pipeline on both sides: `mkdocs build --strict` (hooks included), and
scripts/build_zensical.py (staging the docs with quiz pages and bundles, `zensical build
--strict --clean`, the HTML steps, moving the site into place). Builds alternate
(A B, B A, ...) like the other comparisons; figures are medians."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from steadyground.bench import projects
from steadyground.bench.common import Build, BuildFailed, _children_cpu, _tail, build, log, median
from steadyground.bench.scaling import Pair, alternate
from steadyground.core.paths import REPO

ZENSICAL = os.environ.get("ZENSICAL", str(REPO / ".venv-zensical" / "bin" / "zensical"))


def build_zensical(config: Path, dest: Path, site_url: str | None = None) -> Build:
    """Time one Zensical build of the whole pipeline (a fresh output folder)."""
    shutil.rmtree(dest, ignore_errors=True)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    command = [sys.executable, str(REPO / "scripts" / "build_zensical.py"), "build", "-f", str(config),
               "-d", str(dest), "--zensical", ZENSICAL]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    result = Build(time.perf_counter() - started, _children_cpu() - cpu_before, done.returncode,
                   done.stdout + done.stderr)
    if done.returncode != 0:
        raise BuildFailed(f"Zensical build of {config} failed:\n{_tail(result.output)}")
    return result


def compare(label: str, config: Path, runs: int, workdir: Path) -> Pair:
    """Pair.quiz holds Zensical's figures, Pair.plain MkDocs' (ratio: Zensical / MkDocs)."""
    log(f"generators: {label} ({runs} run(s) each)")
    out = Path(tempfile.mkdtemp(prefix="generators-", dir=workdir))
    sides = {"zensical": lambda: build_zensical(config, out / "zensical"),
             "mkdocs": lambda: build(config, out / "mkdocs")}
    builds = alternate(sides, runs)
    shutil.rmtree(out, ignore_errors=True)
    wall = {name: [b.seconds for b in results] for name, results in builds.items()}
    cpu = {name: median([b.cpu_seconds for b in results]) for name, results in builds.items()}
    return Pair(label, median(wall["zensical"]), median(wall["mkdocs"]), cpu["zensical"], cpu["mkdocs"],
                wall["zensical"], wall["mkdocs"])


def measure(runs: int, workdir: Path, *, quick: bool = False) -> list[Pair]:
    """The real site, then the 1,000 + 200 scaling project (--quick: 500 + 100)."""
    pairs = [compare("the site", REPO / "mkdocs.yml", runs, workdir)]
    articles, quizzes = (500, 100) if quick else (1000, 200)
    project = Path(tempfile.mkdtemp(prefix="generators-scaling-", dir=workdir))
    config = projects.scenario_project(project, articles=articles, quizzes=quizzes, as_quiz=True)
    pairs.append(compare(f"{articles:,} articles + {quizzes} quizzes", config, runs, workdir))
    shutil.rmtree(project, ignore_errors=True)
    return pairs
