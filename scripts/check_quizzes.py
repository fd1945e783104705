#!/usr/bin/env python3
"""Check the self-check quizzes: `check_quizzes.py [--format standard|github] [paths...]`.

Prints every problem of every quiz file, sorted, as `file:line:col: message (rule)`; exits
0 when clean, 1 on problems, 2 on a usage error. See quizzes/README.md.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from steadyground.quizzes.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
