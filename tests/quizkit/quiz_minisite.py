"""A throwaway MkDocs project built like the real site: the repo's mkdocs.yml settings,
theme overrides, hooks and includes (by absolute path), with quizzes from any folder (the
hook's `extra.quiz.dir`) and small docs from tests/fixtures/site/docs."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import yaml

from harness.build import BuildResult, build_site
from harness.config import site_config

REPO = Path(__file__).resolve().parents[2]
FIXTURE_DOCS = REPO / "tests" / "fixtures" / "site" / "docs"
VALID_QUIZZES = REPO / "tests" / "fixtures" / "quizzes" / "valid"
NAV = [
    {"Home": "index.md"},
    {"Get help now": "help.md"},
    {"Use this site safely": "safe-use.md"},
    {"Self-checks": "quizzes/index.md"},
    {"Articles": ["articles/sample.md", "articles/embedded.md"]},
]


def make_project(dest: Path, *, quiz_dir: Path, site_url: str = "http://127.0.0.1:9/steady-ground/",
                 docs: dict[str, str] | None = None, nav: list | None = None) -> Path:
    """Write the project into `dest` and return its mkdocs.yml. `docs` adds or replaces pages."""
    shutil.copytree(FIXTURE_DOCS, dest / "docs", dirs_exist_ok=True)
    for name, text in (docs or {}).items():
        (dest / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / "docs" / name).write_text(text, encoding="utf-8")
    config = copy.deepcopy(site_config())
    config.pop("watch", None)
    config["site_url"] = site_url
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["hooks"] = [str(REPO / "scripts" / Path(h).name) for h in config["hooks"]]
    config["nav"] = nav if nav is not None else NAV
    config["extra"]["quiz"] = {"dir": str(quiz_dir)}
    config["extra"].pop("plan", None)  # no private plan in the quiz fixture site (scripts/plan_hook.py)
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            extension["pymdownx.snippets"]["base_path"] = [str(REPO / "includes")]
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build(project: Path, out: Path, site_url: str = "http://127.0.0.1:9/steady-ground/") -> BuildResult:
    return build_site(out, site_url, config=project)
