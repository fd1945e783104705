"""check_quizzes.py: every problem sorted, both formats, exit codes 0/1/2, never a
traceback for an author's mistake. Also `python scripts/steadyground/quizzes/` and `python -m quizkit`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "check_quizzes.py"
FIXTURES = REPO / "tests" / "fixtures" / "quizzes"


def run(*args: str, cwd: Path = REPO, module: list[str] | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, *(module or [str(SCRIPT)]), *args]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)


def test_clean_files_exit_zero():
    done = run(str(FIXTURES / "valid"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    assert "2 quiz files checked: no problems." in done.stderr


def test_default_is_the_repository_quizzes():
    done = run()
    assert done.returncode in (0, 1)
    count = len(list((REPO / "quizzes").glob("*.yml"))) + len(list((REPO / "quizzes").glob("*/*.yml")))  # with es/
    if done.returncode == 0:
        assert f"{count} quiz file" in done.stderr
    else:
        assert all(line.startswith("quizzes/") for line in done.stdout.splitlines())


def test_problems_exit_one_in_standard_format_sorted():
    done = run("tests/fixtures/quizzes/invalid/bands.yml", "tests/fixtures/quizzes/invalid/BadName.yml")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "tests/fixtures/quizzes/invalid/BadName.yml:1:1: the file name \"BadName\" becomes the page address; "
        "use lower-case letters, digits and single hyphens, like \"badname.yml\" (id-format)"
    )
    assert lines[1:] == (FIXTURES / "invalid" / "bands.expected").read_text().replace(
        "bands.yml", "tests/fixtures/quizzes/invalid/bands.yml").splitlines()
    assert "5 problems in 2 of 2 quiz files." in done.stderr


def test_github_format_annotates_lines():
    done = run("--format", "github", "tests/fixtures/quizzes/invalid/syntax-colon.yml")
    assert done.returncode == 1
    assert done.stdout == (
        "::error file=tests/fixtures/quizzes/invalid/syntax-colon.yml,line=6,col=15,title=syntax::"
        "YAML syntax error: mapping values are not allowed here (is there a ': ' inside unquoted text? "
        "Put the text in quotes)\n"
    )


def test_github_format_escapes_properties_and_newlines():
    from steadyground.core.problems import Problem, format_github
    line = format_github(Problem("a,b:c.yml", 1, 2, "50% done\nnext", "rule"))
    assert line == "::error file=a%2Cb%3Ac.yml,line=1,col=2,title=rule::50%25 done%0Anext"


@pytest.mark.parametrize("path", sorted((FIXTURES / "invalid").glob("*.yml")), ids=lambda p: p.stem)
def test_no_traceback_for_any_invalid_fixture(path):
    done = run(str(path))
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.strip()


def test_usage_errors_exit_two():
    for args in (("--format", "xml"), ("no-such-file.yml",), ("--nope",)):
        done = run(*args)
        assert done.returncode == 2, args
        assert "usage:" in done.stderr and "Traceback" not in done.stderr


def test_folder_paths_from_another_directory(tmp_path):
    done = run(str(FIXTURES / "invalid"), cwd=tmp_path)
    assert done.returncode == 1
    assert str(FIXTURES / "invalid" / "bands.yml") + ":17:11:" in done.stdout


def test_runs_as_a_folder_and_as_a_module():
    folder = run(str(FIXTURES / "valid" / "minimal.yml"), module=[str(REPO / "scripts" / "steadyground" / "quizzes")])
    module = run(str(FIXTURES / "valid" / "minimal.yml"), module=["-m", "steadyground.quizzes"], cwd=REPO / "scripts")
    assert folder.returncode == module.returncode == 0, folder.stderr + module.stderr
