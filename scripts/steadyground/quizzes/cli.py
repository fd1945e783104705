"""The command line: check quiz files and print every problem, sorted.

    check_quizzes.py [--format standard|github] [paths...]

Paths are quiz files or folders of them (default: the repository's quizzes/ and its language
folders, such as quizzes/es/). Exit status:
0 when every file is clean, 1 when there are problems, 2 for a usage error. Author mistakes
are problems, never tracebacks.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from steadyground.core.paths import REPO
from steadyground.core.problems import FORMATS, format_problems
from steadyground.quizzes import check_paths, language_dirs, quiz_files

DEFAULT_DIR = REPO / "quizzes"


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else Path(relative).as_posix()


def main(argv: list[str] | None = None, prog: str = "check_quizzes.py") -> int:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Check self-check quiz files and list every problem as file:line:col: message (rule).",
    )
    parser.add_argument("--format", choices=FORMATS, default="standard",
                        help="standard (default) or github (annotations in pull requests)")
    parser.add_argument("paths", nargs="*", type=Path, help=f"quiz files or folders (default: {_shown(DEFAULT_DIR)}/)")
    args = parser.parse_args(argv)  # exits with status 2 on a usage error

    files: list[Path] = []
    for path in args.paths or [DEFAULT_DIR, *language_dirs(DEFAULT_DIR)]:
        if path.is_dir():
            files += quiz_files(path)
        elif path.is_file():
            files.append(path)
        else:
            parser.print_usage(sys.stderr)
            print(f"{prog}: error: no such file or folder: {path}", file=sys.stderr)
            return 2
    quizzes, problems = check_paths((path, _shown(path)) for path in files)
    for line in format_problems(problems, args.format):
        print(line)
    count = len(set(problems))
    if count:
        print(f"{count} problem{'s' if count != 1 else ''} in {len({p.path for p in problems})} of {len(files)} quiz files.", file=sys.stderr)
        return 1
    print(f"{len(files)} quiz file{'s' if len(files) != 1 else ''} checked: no problems.", file=sys.stderr)
    return 0
