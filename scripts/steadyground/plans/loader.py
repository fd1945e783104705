"""Loading a plan file: the core YAML loader (core/yaml_loader.py) (positions for every value, syntax errors, duplicate
keys, no anchors or aliases) behind two limits, so a huge or deeply nested file is refused
with a message before it is parsed into data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from steadyground.core.problems import Problem
from steadyground.core.yaml_loader import Loaded, load_text, nesting_beyond

MAX_BYTES = 64 * 1024  # the English plan is about 7 KB; more means a mistake (a pasted file)
MAX_DEPTH = 6  # plan > sections > section > items > item > value needs 5


def load_file(path: str | Path, display: str) -> Loaded:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return _failed(display, f"the file has {size:,} bytes; a plan may have at most {MAX_BYTES:,}", "size")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _failed(display, f"the file is not UTF-8 text ({error.reason}); save it as UTF-8", "syntax")
    except OSError as error:
        return _failed(display, f"cannot read the file: {error.strerror}", "syntax")
    return load_plan_text(text, display)


def load_plan_text(text: str, display: str) -> Loaded:
    if len(text.encode("utf-8")) > MAX_BYTES:
        return _failed(display, f"the text has more than {MAX_BYTES:,} bytes, the most a plan may have", "size")
    deep = _too_deep(text)
    if deep is not None:
        line, col = deep
        return Loaded(display, text, problems=[Problem(
            display, line, col, f"lists and mappings are nested more than {MAX_DEPTH} deep here; a plan needs "
            "sections > items > item, no deeper (check the indentation)", "depth")])
    loaded = load_text(text, display)
    for index, problem in enumerate(loaded.problems):  # the loader's words name quiz files
        loaded.problems[index] = replace(problem, message=problem.message.replace("in quiz files", "in plan files"))
    if loaded.data is None and not loaded.problems:
        loaded.problems.append(Problem(display, 1, 1, "the file is empty; a plan needs title, sections and words",
                                       "missing-key"))
    return loaded


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where nesting first goes past MAX_DEPTH (the loader's event-stream check, which never
    recurses, unlike building the node tree)."""
    return nesting_beyond(text, MAX_DEPTH)


def _failed(display: str, message: str, rule: str) -> Loaded:
    return Loaded(display, "", problems=[Problem(display, 1, 1, message, rule)])
