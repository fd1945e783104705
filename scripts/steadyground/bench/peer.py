"""The same quiz text built with mkdocs-quiz, the best-kept MkDocs quiz plugin.

mkdocs-quiz goes into a throwaway venv in the bench's temp dir, installed with the site's
exact pins (requirements/site.txt), so mkdocs, Material, Markdown and pymdown-extensions
are the same versions as ours. All three sides use projects.neutral_config: Material with
the real theme settings and Markdown extensions but none of our overrides or hooks
(mkdocs-quiz inlines <script>/<style> into every page, which our CSP hook rejects), so
only the quiz engine differs: plain twins, our hook, or mkdocs-quiz."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from steadyground.bench import projects
from steadyground.bench.common import build, log, median
from steadyground.bench.scaling import alternate
from steadyground.core.paths import REPO

ENGINES = ("plain", "ours", "mkdocs-quiz")


@dataclass
class PeerResult:
    version: str | None = None
    error: str | None = None
    # pages -> engine -> median seconds
    times: dict[int, dict[str, float]] = field(default_factory=dict)


def install(workdir: Path) -> tuple[str | None, str, str | None]:
    """(python of the venv, mkdocs-quiz version, None) or (None, "", why it failed)."""
    venv = workdir / "mkdocs-quiz-venv"
    python = venv / "bin" / "python"
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-r", str(REPO / "requirements" / "site.txt"), "mkdocs-quiz"],
    ]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=600)
        except subprocess.TimeoutExpired:
            return None, "", f"`{' '.join(step[:4])} ...` took over 10 minutes"
        if done.returncode != 0:
            errors = [line for line in (done.stderr or done.stdout).splitlines() if "ERROR" in line or "error" in line]
            return None, "", (errors[-1] if errors else (done.stderr or done.stdout).strip()[-300:])
    version = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('mkdocs-quiz'))"],
        capture_output=True, text=True,
    ).stdout.strip()
    return str(python), version, None


def measure(sizes: list[int], runs: int, workdir: Path) -> PeerResult:
    log("mkdocs-quiz: creating a throwaway venv (pip install mkdocs-quiz + the site's pins)")
    python, version, error = install(workdir)
    result = PeerResult(version=version or None, error=error)
    if python is None:
        log(f"mkdocs-quiz: not installed: {error}")
        return result
    for pages in sizes:
        log(f"mkdocs-quiz: {pages} quiz pages, plain / ours / mkdocs-quiz ({runs} run(s) each)")
        builders, folders = {}, []
        for engine in ENGINES:
            project = Path(tempfile.mkdtemp(prefix=f"peer-{engine}-", dir=workdir))
            folders.append(project)
            config = projects.neutral_project(project, quizzes=pages, engine=engine)
            interpreter = python if engine == "mkdocs-quiz" else sys.executable
            builders[engine] = (
                lambda config=config, out=project / "site", py=interpreter: build(config, out, python=py).seconds
            )
        try:
            times = alternate(builders, runs)
        except RuntimeError as failure:
            result.error = str(failure).splitlines()[-1]
            log(f"mkdocs-quiz: build failed: {failure}")
            return result
        finally:
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)
        result.times[pages] = {engine: median(values) for engine, values in times.items()}
    return result
