"""ruff over scripts/ and tests/ (the rules are in pyproject.toml): unused and missing names,
syntax, sorted imports. A planted mistake shows the check can fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"


def ruff(*paths: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([RUFF, "check", "--no-cache", "--config", str(REPO / "pyproject.toml"), *paths],
                          cwd=cwd, capture_output=True, text=True)


def test_scripts_and_tests_pass_ruff():
    done = ruff("scripts", "tests")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_planted_unused_import_fails(tmp_path):
    (tmp_path / "planted.py").write_text("import os\n", encoding="utf-8")
    done = ruff(str(tmp_path / "planted.py"))
    assert done.returncode == 1 and "F401" in done.stdout, done.stdout + done.stderr
