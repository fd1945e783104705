"""The Pages workflow builds and tests with the same commands (and so the same pinned
dependencies) as a developer's machine."""

from __future__ import annotations

import re

import yaml

from harness.build import REPO

WORKFLOW = REPO / ".github/workflows/site.yml"


def _recipe(target: str) -> list[str]:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert match, f"no `{target}` target in the Makefile"
    return [line.strip() for line in match.group(1).splitlines()]


def _run_steps(job: str) -> list[str]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [step["run"].strip() for step in workflow["jobs"][job]["steps"] if "run" in step]


def test_workflow_builds_with_make_build():
    assert _run_steps("build") == ["make build", "make verify SITE_DIR=site"]
    # every language, each `mkdocs build --strict` (scripts/build_site.py -> buildkit/languages.py)
    assert any("scripts/build_site.py" in line for line in _recipe("build"))
    assert '"build", "--strict"' in (REPO / "scripts/buildkit/languages.py").read_text(encoding="utf-8")
    assert "scripts/verify_site.py" in _recipe("build")[-1], "make build must end with the safety gate"
    assert not any("--quiet" in line or " -q" in line for line in _recipe("build"))


def test_workflow_tests_with_make_test():
    assert _run_steps("test") == ["make test"]


def test_workflow_deploys_the_built_site_with_the_official_pages_actions():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build_uses = [step.get("uses", "") for step in workflow["jobs"]["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in build_uses)
    upload = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    steps = workflow["jobs"]["build"]["steps"]
    gate = next(i for i, s in enumerate(steps) if s.get("run", "").startswith("make verify"))
    assert gate < steps.index(upload), "the safety gate runs before the upload"
    deploy_uses = [step.get("uses", "") for step in workflow["jobs"]["deploy"]["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in deploy_uses)
    assert workflow["jobs"]["build"]["if"] == "github.ref == 'refs/heads/main'"


def test_ci_script_runs_make_test():
    assert "make test" in (REPO / ".ci/run").read_text(encoding="utf-8")
