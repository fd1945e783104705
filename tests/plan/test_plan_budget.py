"""The plan's own code has a budget of its own (the 4 KB of tests/site/test_budgets.py is
the quiz and quick-exit code, safety.md; the plan's JS and CSS are not part of it). They
ship in the site's one bundle, so every page carries them and every page's transfer budget
(tests/site/test_budgets.py) counts them; this keeps that share small."""

from __future__ import annotations

import gzip

from harness.config import REPO
from steadyground.assets.bundles import CSS_BUNDLE, JS_BUNDLE
from steadyground.assets.minify import bundle

PLAN_CODE_BUDGET = 1536  # bytes, gzip -9 of plan.js and plan.css, each minified as the bundle does
SOURCES = {"js": "assets/javascripts/plan.js", "css": "assets/stylesheets/plan.css"}


def _gzip(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def test_the_plan_code_is_in_the_bundles():
    assert SOURCES["js"] in JS_BUNDLE[1] and SOURCES["css"] in CSS_BUNDLE[1]


def test_the_plan_code_is_at_most_1_5_kb_gzip():
    sizes = {kind: _gzip(bundle([(REPO / "overrides" / uri).read_text(encoding="utf-8")], kind=kind))
             for kind, uri in SOURCES.items()}
    assert sum(sizes.values()) <= PLAN_CODE_BUDGET, sizes
