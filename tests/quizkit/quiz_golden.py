"""Golden files: expected output kept next to the fixtures, compared with a unified diff.
Regenerate them all with `UPDATE_GOLDENS=1 pytest tests/quizkit`, then review the diff."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


def check_golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"{path} does not exist; create it with UPDATE_GOLDENS=1", pytrace=False)
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"{path.name} (expected)", tofile=f"{path.name} (actual)",
        )
        pytest.fail(f"output differs from {path} (UPDATE_GOLDENS=1 rewrites it):\n" + "".join(diff), pytrace=False)
