"""MkDocs hook for the private plan: a thin adapter over scripts/steadyground/plans/build.py (the
Zensical build, steadyground/build/zensical.py, runs the same steps).

- on_config: read extra.plan (file: the YAML, page: the page it becomes).
- on_files: check the plan file (every problem as plans/<file>.yml:LINE:COL, the build
  stops) and add its page, generated in memory (nothing is written to docs/ or plans/).
- on_post_page: put the form into the finished page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from steadyground.build import preview as serve_report
from steadyground.core.errors import BuildError
from steadyground.plans.build import PlanBuild
from steadyground.quizzes.build import nav_paths

_state: dict = {"build": None}


def on_config(config):
    project = Path(config.config_file_path).parent
    build = _call(PlanBuild.from_config, dict(config), project)
    _state["build"] = build
    if build is not None and str(build.file.parent) not in map(str, config.watch):
        config.watch.append(str(build.file.parent))
    return config


def on_files(files, *, config):
    build: PlanBuild | None = _state["build"]
    if build is None or _call(build.load, Path(config.docs_dir)) is None:
        return files
    # In the nav when the nav lists it; otherwise reachable by link only (not an "omitted" page).
    listed = build.page in nav_paths(config.nav)
    inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
    files.append(File.generated(config, build.page, content=build.markdown(), inclusion=inclusion))
    return files


def on_post_page(output, *, page, config):
    build: PlanBuild | None = _state["build"]
    if build is None or build.plan is None or page.file.src_uri != build.page:
        return output
    return _call(build.assemble, output, source=f"{build.shown} ({build.page})") or output


def _call(step, *args, **kwargs):
    try:
        return step(*args, **kwargs)
    except BuildError as error:
        if serve_report.active():  # previewing: show the problem in the browser instead
            serve_report.record_problem(str(error))
            return None
        raise PluginError(str(error)) from None
