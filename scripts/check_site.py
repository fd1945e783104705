#!/usr/bin/env python3
"""Check everything an author writes: `check_site.py [--format standard|github] [--area AREA ...]`.

Articles, pages, quizzes, embedded quizzes, references, links and wording, from the sources
(no build), in seconds. Prints every problem, sorted by file, as `path:LINE:COL: message (rule)`;
exits 0 when clean, 1 on problems, 2 on a usage error. Each rule is described in AUTHORING.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from steadyground import check  # noqa: E402
from steadyground.core.paths import REPO  # noqa: E402
from steadyground.core.problems import FORMATS, format_problems  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    areas = sorted({r.area for r in check.RULES.values()})
    parser = argparse.ArgumentParser(prog="check_site.py", description=__doc__.split("\n")[0])
    parser.add_argument("--format", choices=FORMATS, default="standard")
    parser.add_argument("--area", action="append", choices=areas, help="only these areas (repeatable)")
    parser.add_argument("--root", type=Path, default=REPO, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    problems = check.run(check.Project(args.root.resolve()), areas=args.area)
    for line in format_problems(problems, args.format):
        print(line)
    if problems:
        files = len({p.path for p in problems})
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} file{'s' if files != 1 else ''}. "
              "AUTHORING.md explains each rule.", file=sys.stderr)
        return 1
    chosen = [r for r in check.RULES.values() if not args.area or r.area in args.area]
    print(f"{len(chosen)} rules checked: no problems.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
