"""bench: the measurements behind `make bench` (scripts/bench.py) and the size budgets
(tests/site/test_budgets.py). One module per concern:

- common: paths, medians, gzip sizes, timed builds.
- twins: a quiz's text as plain Markdown (the "same text" baseline) and as mkdocs-quiz.
- projects: synthetic projects in temp dirs (real settings, stock Material, neutral).
- pages: what a built page references and its visible text (static, no browser).
- scaling / peer / transfer / lighthouse: one measurement each.
- report: the table, goals, Markdown output.
- static_server, html_tree, chromium: the static server (like GitHub Pages), a plain HTML
  tree and Debian's Chromium, shared with the tests' harness (tests import these, never
  the other way round).
"""
