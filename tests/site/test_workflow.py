"""The Pages workflow builds and tests with the same commands (and so the same pinned
dependencies) as a developer's machine, and CI (.ci/run) runs every one of them first."""

from __future__ import annotations

import re
import sys

import yaml

from harness.build import REPO

WORKFLOW = REPO / ".github/workflows/site.yml"
CI_SCRIPT = REPO / ".ci/run"
# The README's doors in the order a newcomer meets them: preview, check, build (and the gate
# the deploy runs again), the second generator, every test.
NEWCOMERS_ORDER = ["make serve", "make check", "make build", "make verify", "make build GENERATOR=zensical",
                   "make test"]


def ci_commands() -> list[str]:
    """The doors .ci/run walks, in order: each `door ...` line; `door serve_answers` is
    `make serve` (started, asked for two pages, stopped)."""
    doors = re.findall(r"^door (.+)$", CI_SCRIPT.read_text(encoding="utf-8"), re.M)
    return ["make serve" if door.strip() == "serve_answers" else door.strip() for door in doors]


def workflow_commands() -> dict[str, list[str]]:
    """Every `run:` command of every job of every workflow, by workflow file and job."""
    found = {}
    for path in sorted((REPO / ".github/workflows").glob("*.y*ml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, job in workflow["jobs"].items():
            found[f"{path.name}:{name}"] = [step["run"].strip() for step in job["steps"] if "run" in step]
    return found


def _recipe(target: str) -> list[str]:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert match, f"no `{target}` target in the Makefile"
    return [line.strip() for line in match.group(1).splitlines()]


def _run_steps(job: str) -> list[str]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [step["run"].strip() for step in workflow["jobs"][job]["steps"] if "run" in step]


def test_workflow_builds_with_make_build():
    assert _run_steps("build") == ["make build", "make verify"]
    # every language, each `mkdocs build --strict` (scripts/build_site.py -> steadyground/languages/sites.py)
    assert any("scripts/build_site.py" in line for line in _recipe("build"))
    assert '"build", "--strict"' in (REPO / "scripts/steadyground/languages/sites.py").read_text(encoding="utf-8")
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


def test_ci_walks_the_readme_doors_in_a_newcomers_order():
    assert ci_commands() == NEWCOMERS_ORDER


def test_every_command_a_workflow_runs_is_run_by_ci_first():
    """So a deploy never runs a command that CI has not run on a clean clone."""
    ci = set(ci_commands())
    found = workflow_commands()
    assert any(found.values()), "no workflow command found"
    for job, commands in found.items():
        for command in commands:
            assert command in ci, f"{job} runs `{command}`, which .ci/run does not"


def test_the_step_check_catches_a_command_ci_does_not_run(tmp_path, monkeypatch):
    """The check above can fail: a workflow with a command of its own is caught."""
    workflows = tmp_path / ".github/workflows"
    workflows.mkdir(parents=True)
    (workflows / "site.yml").write_text(
        "jobs:\n  build:\n    steps:\n      - run: make build SITE_DIR=elsewhere\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    commands = workflow_commands()
    assert commands == {"site.yml:build": ["make build SITE_DIR=elsewhere"]}
    assert not set(commands["site.yml:build"]) <= set(ci_commands())
