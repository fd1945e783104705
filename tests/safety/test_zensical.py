"""The gate refuses what a plain `zensical build` of this repository makes: Zensical (the
successor of Material for MkDocs) reads mkdocs.yml but runs none of our hooks, so its pages
have no Content-Security-Policy, no hardened links and scripts that were never bundled.
The gate, not the hooks, is what keeps such a build from reaching readers.

Zensical lives in its own venv (.venv-zensical, pinned in requirements/zensical.txt, made
by `make test`). It needs docs_dir and site_dir inside the project, so it builds a copy of
the repository in a temporary folder, never the repository itself."""

from __future__ import annotations

import os
import subprocess

import pytest

from harness.build import REPO
from harness.config import exit_url
from harness.project import copy_project
from steadyground.safety.gate import Expected, Site, verify

ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"
PROJECT_PARTS = ("docs", "overrides", "includes", "quizzes", "scripts", "mkdocs.yml", "references.yml")


def test_the_gate_fails_on_a_plain_zensical_build(tmp_path):
    if not ZENSICAL.exists():
        pytest.fail("Zensical is not installed: run `make test` (it makes .venv-zensical from "
                    "requirements/zensical.txt)", pytrace=False)
    project = tmp_path / "project"
    copy_project(project, PROJECT_PARTS)
    site_url = "https://steady-ground.github.io/steady-ground/"
    env = {**os.environ, "SITE_URL": site_url}
    # Zensical's strict link check stops on the quiz pages only our hook makes, after it has
    # written the rest of the site: that output is what the gate must refuse.
    done = subprocess.run([str(ZENSICAL), "build"], cwd=project, env=env, capture_output=True, text=True,
                          timeout=600)
    site = project / "site"
    assert (site / "index.html").is_file(), done.stdout + done.stderr
    problems = verify(Site(site, "site", project), Expected(site_url=site_url, exit_url=exit_url()))
    assert "site/index.html: expected exactly one Content-Security-Policy <meta>, found 0 (source docs/index.md)" \
        in problems
    assert any(p.startswith("site/assets/javascripts/quick-exit.js: a script or stylesheet the site does not ship")
               for p in problems)
    assert any("an inline <script> whose hash" in p for p in problems)
