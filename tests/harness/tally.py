"""What a test run cost, for the report at its end (tests/conftest.py): each part's time,
and how many site builds, axe runs and Nu checker runs it made. Counted here, in each
process (an xdist worker sends its counts to the controller when it finishes); never asserted."""

from __future__ import annotations

import sys
from collections import Counter

COUNTS: Counter = Counter()


def count(what: str, n: int = 1) -> None:
    COUNTS[what] += n


def _kind(args) -> str | None:
    """The kind of build or checker a new process runs, from its command line."""
    words = [str(arg) for arg in args] if isinstance(args, (list, tuple)) else str(args).split()
    line = " ".join(words)
    if "build_zensical.py" in line and " build" in line:
        return "Zensical site builds (build_zensical.py build)"
    if "mkdocs" in line and " build" in line and "build_zensical.py" not in line:
        return "MkDocs builds (one config each)"
    if any(word.endswith("zensical") for word in words[:1]) and "build" in words:
        return "zensical processes"
    if any(word.endswith("vnu.jar") for word in words):
        return "Nu checker runs"
    return None


def _audit(event: str, args) -> None:
    if event == "subprocess.Popen":
        kind = _kind(args[1])
        if kind:
            COUNTS[kind] += 1


def start() -> None:
    """Count the builds and checker runs every process of this run starts."""
    if not getattr(sys.modules[__name__], "_started", False):
        sys.addaudithook(_audit)
        globals()["_started"] = True
