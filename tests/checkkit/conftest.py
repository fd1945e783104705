"""Shared by the checkkit tests: a copy of the real sources to plant one mistake in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from steadyground.core.project import ROOT, Project


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    """A copy of the real sources (clean), to add one mistake to."""
    for folder in ("docs", "includes", "quizzes", "plans"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    for name in ("references.yml", "mkdocs.yml", "mkdocs.es.yml"):  # the configs name the plan's page
        shutil.copy(ROOT / name, tmp_path / name)
    return Project(tmp_path)
