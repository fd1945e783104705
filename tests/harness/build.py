"""Build the site with the same command as `make build` (strict), for a given site_url,
with the generator chosen by SITE_GENERATOR (harness/generator.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from harness.generator import generator
from steadyground.languages import sites as languages

REPO = Path(__file__).resolve().parents[2]
ZENSICAL = Path(os.environ.get("ZENSICAL", REPO / ".venv-zensical" / "bin" / "zensical"))


@dataclass
class BuildResult:
    returncode: int
    output: str
    seconds: float


def build_command(dest: Path, config: Path | None) -> list[str]:
    """`make build`'s command; a config given builds that one config only."""
    if generator() == "zensical":  # every language unless a config is given
        one = ["-f", str(config)] if config is not None else []
        return [sys.executable, str(REPO / "scripts" / "build_zensical.py"), "build", *one, "-d", str(dest),
                "--zensical", str(ZENSICAL)]
    # Never --quiet: it filters warnings out before --strict can count them.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config or REPO / "mkdocs.yml"),
            "-d", str(dest)]


def build_site(dest: Path, site_url: str, config: Path | None = None) -> BuildResult:
    """The site as `make build` makes it: every language (on MkDocs, scripts/build_site.py's
    function; on Zensical, scripts/build_zensical.py); a given config builds that one only."""
    if config is None and generator() == "mkdocs":
        built = languages.build_all(dest, site_url)
        return BuildResult(built.returncode, built.output, built.seconds)
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    done = subprocess.run(build_command(dest, config), cwd=REPO if config is None else config.parent, env=env,
                          capture_output=True, text=True)
    return BuildResult(done.returncode, done.stdout + done.stderr, time.perf_counter() - started)
