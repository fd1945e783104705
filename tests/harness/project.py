"""A copy of the real project in a temporary folder, for the tests that plant a mistake in it
and run a door on it (the real docs/ and quizzes/ are never touched)."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# What every door needs: the sources, the code the hooks load, and each language's config.
PROJECT_PARTS = ("docs", "includes", "overrides", "quizzes", "plans", "scripts", "references.yml", "mkdocs.yml",
                 "mkdocs.es.yml")


def copy_project(dest: Path, parts: tuple[str, ...] = PROJECT_PARTS, *, environments: tuple[str, ...] = ()) -> Path:
    """Copy `parts` of the repository into `dest` and link the named environments (`.venv`,
    `.venv-zensical`: the gate knows the theme's files from their installs). Returns `dest`."""
    for part in parts:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / part)
    for environment in environments:
        if (REPO / environment).exists():
            (dest / environment).symlink_to((REPO / environment).resolve())
    return dest
