"""The Pages workflow tests both generators, builds with Zensical from a clean clone, and
uses the newest majors of GitHub's actions (Node 20 actions are being retired)."""

from __future__ import annotations

import re

import yaml

from harness.build import REPO

WORKFLOW = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text(encoding="utf-8"))
NEWEST_MAJORS = {  # read from each action's tags, 2026-12
    "actions/checkout": 7, "actions/setup-python": 7, "actions/configure-pages": 5,
    "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5,
}


def _steps():
    return [step for job in WORKFLOW["jobs"].values() for step in job["steps"]]


def test_every_action_is_at_its_newest_major():
    used = [step["uses"] for step in _steps() if "uses" in step]
    assert used
    for uses in used:
        name, _, version = uses.partition("@")
        assert version == f"v{NEWEST_MAJORS[name]}", uses


def test_make_test_runs_both_generators():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "SITE_GENERATOR=zensical" in recipe and "-m zensical" in recipe
    assert [s["run"] for s in WORKFLOW["jobs"]["test"]["steps"] if "run" in s] == ["make test"]


def test_zensical_build_job_uses_make_build():
    runs = [s["run"] for s in WORKFLOW["jobs"]["build-zensical"]["steps"] if "run" in s]
    assert runs == ["make build GENERATOR=zensical SITE_DIR=site-zensical"]
