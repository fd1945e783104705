"""`python scripts/steadyground/quizzes/ [--format ...] [paths...]` (or `python -m steadyground.quizzes` with scripts/
on the path) checks quizzes like scripts/check_quizzes.py. Two maintenance commands print
generated text: `schema` (quizzes/schema.json) and `reference` (the README field table)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

if not __package__:  # run as a folder: make `import steadyground` work
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from steadyground.quizzes.cli import main  # noqa: E402
from steadyground.quizzes.fields import json_schema, reference_table  # noqa: E402

if __name__ == "__main__":
    command = sys.argv[1:2]
    if command == ["schema"]:
        print(json.dumps(json_schema(), indent=2))
    elif command == ["reference"]:
        print(reference_table(), end="")
    else:
        sys.exit(main(sys.argv[1:], prog="steadyground.quizzes"))
