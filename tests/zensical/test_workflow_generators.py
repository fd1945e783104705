"""The Pages workflow tests both generators, builds with Zensical from a clean clone, and
uses only actions whose release we read and found running on Node 24 (GitHub retired Node
20 for actions on 2026-06-02)."""

from __future__ import annotations

import re

import yaml

from harness.build import REPO

WORKFLOW = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text(encoding="utf-8"))
# What each action's action.yml declares at the release the workflow uses (`runs.using`), as
# read on 2026-12-07. A composite action runs the actions it names: upload-pages-artifact v5
# wraps upload-artifact v7 (node24). This table cannot see a release made after that day:
# .github/dependabot.yml does, and proposes it as a pull request that must pass this test.
REVIEWED_RUNTIMES = {
    "actions/checkout@v7": "node24", "actions/setup-python@v7": "node24",
    "actions/configure-pages@v6": "node24", "actions/upload-pages-artifact@v5": "composite",
    "actions/deploy-pages@v5": "node24",
}
SUPPORTED_RUNTIMES = {"node24", "composite"}


def _steps():
    return [step for job in WORKFLOW["jobs"].values() for step in job["steps"]]


def test_every_action_is_a_reviewed_release_on_a_supported_runtime():
    used = [step["uses"] for step in _steps() if "uses" in step]
    assert used
    for uses in used:
        assert uses in REVIEWED_RUNTIMES, f"{uses}: read its action.yml and add its runtime here"
        assert REVIEWED_RUNTIMES[uses] in SUPPORTED_RUNTIMES, uses


def test_dependabot_watches_the_actions_and_the_pins():
    config = yaml.safe_load((REPO / ".github/dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update["directory"] for update in config["updates"]}
    assert ecosystems == {"github-actions": "/", "pip": "/requirements"}


def test_make_test_runs_both_generators():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "SITE_GENERATOR=zensical" in recipe and "-m zensical" in recipe
    assert [s["run"] for s in WORKFLOW["jobs"]["test"]["steps"] if "run" in s] == ["make test"]


def test_zensical_build_job_uses_make_build():
    runs = [s["run"] for s in WORKFLOW["jobs"]["build-zensical"]["steps"] if "run" in s]
    assert runs == ["make build GENERATOR=zensical"]
