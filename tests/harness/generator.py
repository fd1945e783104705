"""Which generator builds the site under test: one setting, the environment variable
SITE_GENERATOR ("mkdocs", the default, or "zensical"; `make test` runs both).

ZENSICAL_SUITE lists the tests that also run on a Zensical build (marked `zensical` by
tests/conftest.py, run with `SITE_GENERATOR=zensical pytest -m zensical`): the safety
promises a reader relies on. Where Zensical behaves differently, those tests assert the
difference through `is_zensical()`; they never skip.
"""

from __future__ import annotations

import os

GENERATORS = ("mkdocs", "zensical")

ZENSICAL_SUITE = (
    "tests/browser/test_quick_exit.py",
    "tests/browser/test_csp_runtime.py",
    "tests/browser/test_storage.py",
    "tests/browser/test_every_page.py",  # axe and other-host checks on every page
    "tests/browser/test_quiz_examples.py",  # every quiz's examples replayed in Chromium
    "tests/safety/test_static_policy.py",  # the CSP and the other static safety checks
    "tests/safety/test_gate.py",  # the gate on this build and on tampered copies of it (round 1)
    "tests/safety/test_identity.py",  # every script and stylesheet known by its bytes (round 2)
    "tests/safety/test_round2.py",  # round 2: the gate's reading, and the author checks with source lines
    "tests/safety/test_limits.py",  # round 2: each limit case stops the build at its line, no hang, no traceback
    "tests/safety/test_author_input.py",  # rounds 1 and 2: every payload an author can write, named at its line
    "tests/site/test_static_scan.py",
    "tests/site/test_build.py",  # strict: broken links, anchors, other-host images fail; sources untouched
    "tests/site/test_spanish_build.py",  # Spanish in es/: interface, index, hreflang, the language link
    "tests/browser/test_language_link.py",  # English to Spanish and back, nothing stored
    "tests/site/test_third_language.py",  # French added by configuration and words only, built and gated
    "tests/zensical/",
    "tests/plan/test_plan_browser.py",  # the private plan's promises: nothing kept, sent or shown after leaving
    "tests/plan/test_plan_gate.py",
)


def generator() -> str:
    name = os.environ.get("SITE_GENERATOR", "mkdocs").strip().lower() or "mkdocs"
    if name not in GENERATORS:
        raise ValueError(f"SITE_GENERATOR must be one of {', '.join(GENERATORS)}, not {name!r}")
    return name


def is_zensical() -> bool:
    return generator() == "zensical"


def in_zensical_suite(relative_path: str) -> bool:
    return any(relative_path.startswith(entry) if entry.endswith("/") else relative_path == entry
               for entry in ZENSICAL_SUITE)
