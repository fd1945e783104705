"""MkDocs hook for self-scoring quizzes: a thin adapter over scripts/steadyground/quizzes/build.py.

Every build step lives in scripts/steadyground/quizzes/; only this file knows MkDocs (the Zensical
build, scripts/build_zensical.py, calls the same steps).

- on_config: settings and UI strings from `extra.quiz` (steadyground/quizzes/config.py).
- on_files: load and validate every quizzes/*.yml; any problem fails the build with one
  error listing them all as `quizzes/<file>.yml:LINE:COL: message (rule)`. Otherwise add a
  generated page per quiz (quizzes/<slug>.md, not in the nav, edit link to the YAML) and
  the "Self-checks" index (quizzes/index.md) unless docs/ has its own.
- on_page_markdown: replace `<!-- quiz: <slug> -->` lines in pages with that quiz's form.
- on_post_page: put each quiz's markup in place, with its rendered Markdown fields.
Nothing is written to docs/ or quizzes/: generated pages live in memory.
While previewing (`make serve`), a problem is recorded for the page that lists them
(steadyground/build/preview.py) and the build goes on with the quizzes that are valid.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from steadyground.build import preview as serve_report

# Top level: the hook's folder is on sys.path only while this module loads.
from steadyground.core.errors import BuildError
from steadyground.quizzes.build import MARKER, QuizBuild, nav_paths  # noqa: F401 (MARKER: used by tests)

_state: dict = {"build": None}


# Hooks -------------------------------------------------------------------------------


def on_config(config):
    build = _call(QuizBuild.from_extra, config.extra, _project(config))
    _state["build"] = build
    if str(build.quiz_dir) not in map(str, config.watch):
        config.watch.append(str(build.quiz_dir))  # `mkdocs serve` rebuilds when a quiz changes
    return config


def on_files(files, *, config):
    build: QuizBuild = _state["build"]
    _call(build.load, _project(config), docs_dir=Path(config.docs_dir), keep_valid=serve_report.active())
    has_index = files.get_file_from_path("quizzes/index.md") is not None
    for generated in build.pages(has_index=has_index, nav_paths=nav_paths(config.nav)):
        if files.get_file_from_path(generated.uri) is not None:
            _stop(f"docs/{generated.uri} already exists, but a quiz generates that page; rename one of them")
            continue
        inclusion = InclusionLevel.UNDEFINED if generated.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, generated.uri, content=generated.markdown, inclusion=inclusion)
        if generated.source is not None:
            file.edit_uri = Path(os.path.relpath(generated.source, config.docs_dir)).as_posix()
        files.append(file)
    return files


@event_priority(50)  # before other Markdown rewriters
def on_page_markdown(markdown, *, page, config, files):
    # No shortcut on the marker's text here: QuizBuild.embed has its own, and a narrower one
    # skipped pages whose only marker was miswritten (`<!-- Quiz: ... -->`).
    if page.file.generated_by:
        return markdown
    return _call(_state["build"].embed, markdown, page_uri=page.file.src_uri, source=page.file.content_string,
                 fallback=markdown)


def on_post_page(output, *, page, config):
    # On the finished page, not on_page_content: the search index then reads the quiz's
    # words without parsing the whole form (build time stays close to a plain page).
    return _call(_state["build"].assemble, output, source=f"docs/{page.file.src_uri}", fallback=output)


# Helpers -----------------------------------------------------------------------------


def _call(step, *args, fallback=None, **kwargs):
    try:
        return step(*args, **kwargs)
    except BuildError as error:
        _stop(str(error))
        return fallback


def _stop(message: str) -> None:
    """Stop the build; while previewing, record the problem for the browser instead."""
    if serve_report.active():
        serve_report.record_problem(message)
        return
    raise PluginError(message)


def _project(config) -> Path:
    return Path(config.config_file_path).parent
