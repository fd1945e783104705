"""Shared helpers: repository paths, the test harness on sys.path, medians, gzip sizes and
timed `mkdocs build --strict` runs (wall clock of the whole subprocess, nothing subtracted)."""

from __future__ import annotations

import gzip
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# Extras the bench installs itself, outside the repository (a fresh clone stays clean).
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "steady-ground-bench"


def gzip_size(data: bytes | str) -> int:
    """Bytes after gzip -9, the figure used for every transfer size."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def median(values: list[float]) -> float:
    return statistics.median(values)


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


class BuildFailed(RuntimeError):
    pass


@dataclass
class Build:
    seconds: float  # wall clock, the figure the goals use
    cpu_seconds: float  # user + system CPU of the build process: far less sensitive to other load
    returncode: int
    output: str


def build(config: Path, dest: Path, *, python: str = sys.executable, strict: bool = True,
          site_url: str | None = None, check: bool = True) -> Build:
    """Time one `mkdocs build` (a fresh output folder, the project folder as cwd)."""
    shutil.rmtree(dest, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    command = [python, "-m", "mkdocs", "build", "-f", str(config), "-d", str(dest)]
    if strict:
        command.insert(4, "--strict")
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    result = Build(seconds, _children_cpu() - cpu_before, done.returncode, done.stdout + done.stderr)
    if check and done.returncode != 0:
        raise BuildFailed(f"mkdocs build of {config} failed:\n{_tail(result.output)}")
    return result


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def log(message: str) -> None:
    """Progress goes to stderr, so stdout holds only the table."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
