"""Build the site with the same command as `make build` (strict), for a given site_url."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass
class BuildResult:
    returncode: int
    output: str
    seconds: float


def build_site(dest: Path, site_url: str, config: Path = REPO / "mkdocs.yml") -> BuildResult:
    # Never --quiet: it filters warnings out before --strict can count them.
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
        cwd=config.parent, env=env, capture_output=True, text=True,
    )
    return BuildResult(done.returncode, done.stdout + done.stderr, time.perf_counter() - started)
