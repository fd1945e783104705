"""benchkit: the measurements behind `make bench` (scripts/bench.py) and the size budgets
(tests/site/test_budgets.py). One module per concern:

- common: paths, the test harness on sys.path, medians, gzip sizes, timed builds.
- twins: a quiz's text as plain Markdown (the "same text" baseline) and as mkdocs-quiz.
- projects: synthetic projects in temp dirs (real settings, stock Material, neutral).
- pages: what a built page references and its visible text (static, no browser).
- scaling / peer / transfer / lighthouse: one measurement each.
- report: the table, goals, Markdown output.
"""

import sys
from pathlib import Path

# quizkit, quiz_hook (scripts/) and the test harness (tests/harness) for every module here.
for _path in (Path(__file__).resolve().parents[2], Path(__file__).resolve().parents[3] / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
