"""The layers of scripts/ (ARCHITECTURE.md): every import in scripts/ goes to its own layer
or one below it, never back up, and nothing in scripts/ imports the tests.

The layers are read from ARCHITECTURE.md's table, so the document and the code cannot
drift apart: a new folder that the table does not place fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "scripts"
PACKAGE = SCRIPTS / "steadyground"
TEST_MODULES = {"harness", "conftest"} | {p.name for p in (REPO / "tests").iterdir() if p.is_dir()}
_ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|", re.M)


def layers(architecture: str) -> dict[str, int]:
    """{folder: layer} from the rows `| layer | folder, folder | ... |` of ARCHITECTURE.md."""
    found = {}
    for number, folders in _ROW.findall(architecture):
        for folder in re.findall(r"`([\w/.]+)`", folders):
            found[folder.rstrip("/")] = int(number)
    return found


LAYERS = layers((REPO / "ARCHITECTURE.md").read_text(encoding="utf-8"))


def part_of(path: Path) -> str:
    """The folder of steadyground a module belongs to, or "entry" for scripts/*.py."""
    relative = path.relative_to(SCRIPTS)
    if relative.parts[0] != "steadyground":
        return "entry"
    return relative.parts[1] if len(relative.parts) > 2 else "steadyground"


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in a file, inside functions too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.lineno, node.module)]
            if node.module == "steadyground":
                found += [(node.lineno, f"steadyground.{alias.name}") for alias in node.names]
    return found


def upward_imports(files: list[Path], place=None) -> list[str]:
    """Every import of the files that runs up the layers or into the tests. `place` says which
    folder a file counts as (default: where it is)."""
    problems = []
    for path in files:
        here = (place or part_of)(path)
        for line, module in imports(path):
            shown = f"{path.name if place else path.relative_to(REPO)}:{line}"
            parts = module.split(".")
            if parts[0] in TEST_MODULES:
                problems.append(f"{shown}: imports the tests ({module})")
            if parts[0] != "steadyground" or len(parts) < 2:
                continue
            there = parts[1]
            if there not in LAYERS:
                problems.append(f"{shown}: {module} is in no layer of ARCHITECTURE.md")
            elif here != "entry" and LAYERS[there] > LAYERS[here]:
                problems.append(f"{shown}: {here} (layer {LAYERS[here]}) imports {there} (layer {LAYERS[there]})")
    return problems


def test_every_folder_has_a_layer():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(LAYERS), f"in ARCHITECTURE.md only: {set(LAYERS) - folders}; in scripts only: " \
                                   f"{folders - set(LAYERS)}"


def test_no_import_runs_back_up_and_nothing_imports_the_tests():
    assert upward_imports(sorted(SCRIPTS.rglob("*.py"))) == []


@pytest.mark.parametrize("planted, expected", [
    ("from steadyground.build import zensical\n", "core (layer 0) imports build"),
    ("def late():\n    from harness.html import parse\n", "imports the tests (harness.html)"),
    ("import steadyground.quizzes.render\n", "core (layer 0) imports quizzes"),
    ("from steadyground import pages\n", "core (layer 0) imports pages"),
])
def test_a_planted_upward_import_is_named(tmp_path, planted, expected):
    planted_file = tmp_path / "planted.py"  # checked as if it sat in core/; the sources are not touched
    planted_file.write_text(planted, encoding="utf-8")
    problems = upward_imports([planted_file], place=lambda _: "core")
    assert any(expected in problem for problem in problems), problems
