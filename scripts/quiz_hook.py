"""MkDocs hook for self-scoring quizzes: a thin adapter over scripts/quizkit.

Everything a generator needs lives in quizkit; only this file knows MkDocs, so moving to
another generator means rewriting this file alone.

- on_config: settings and UI strings from `extra.quiz` (quizkit/config.py).
- on_files: load and validate every quizzes/*.yml; any problem fails the build with one
  error listing them all as `quizzes/<file>.yml:LINE:COL: message (rule)`. Otherwise add a
  generated page per quiz (quizzes/<slug>.md, not in the nav, edit link to the YAML) and
  the "Self-checks" index (quizzes/index.md) unless docs/ has its own.
- on_page_markdown: replace `<!-- quiz: <slug> -->` lines in pages with that quiz's form.
- on_post_page: put each quiz's markup in place, with its rendered Markdown fields.
Nothing is written to docs/ or quizzes/: generated pages live in memory.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

import quizkit  # top level: the hook's folder is on sys.path only while this module loads
from quizkit import render

MARKER = re.compile(r"^ {0,3}<!--\s*quiz:\s*(\S*?)\s*-->[ \t]*$", re.M)
_state: dict = {"settings": None, "dir": None, "quizzes": {}, "markup": {}}


# Hooks -------------------------------------------------------------------------------


def on_config(config):
    try:
        settings = quizkit.Settings.from_extra(config.extra)
    except ValueError as error:
        raise PluginError(str(error)) from None
    _state["settings"] = settings
    _state["dir"] = (Path(config.config_file_path).parent / settings.dir).resolve()
    if str(_state["dir"]) not in map(str, config.watch):
        config.watch.append(str(_state["dir"]))  # `mkdocs serve` rebuilds when a quiz changes
    return config


def on_files(files, *, config):
    settings, root = _state["settings"], Path(config.config_file_path).parent.resolve()
    paths = [(path, _shown(path, root)) for path in quizkit.quiz_files(_state["dir"])]
    quizzes, problems = quizkit.check_paths(paths)
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise PluginError(f"Quiz files have {count}:\n" + "\n".join(quizkit.format_problems(problems)))
    _state["markup"] = {}
    for quiz in quizzes:
        rendered = render.quiz_page(quiz, settings)
        _state["markup"][quiz.slug] = rendered.markup
        page = _generated(files, config, render.page_uri(quiz), rendered.markdown, InclusionLevel.NOT_IN_NAV)
        page.edit_uri = Path(os.path.relpath(_state["dir"] / f"{quiz.slug}.yml", config.docs_dir)).as_posix()
    if files.get_file_from_path("quizzes/index.md") is None:
        # In the nav when mkdocs.yml lists it; otherwise reachable by link only.
        listed = "quizzes/index.md" in _nav_paths(config.nav)
        inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
        _generated(files, config, "quizzes/index.md", render.index_page(quizzes, settings), inclusion)
    _state["quizzes"] = {quiz.slug: quiz for quiz in quizzes}
    return files


@event_priority(50)  # before other Markdown rewriters
def on_page_markdown(markdown, *, page, config, files):
    if "quiz:" not in markdown or page.file.generated_by:
        return markdown
    seen: set[str] = set()

    def embed(match: re.Match) -> str:
        slug, where = match.group(1), f"docs/{page.file.src_uri}:{_line(page, markdown, match)}"
        quiz = _state["quizzes"].get(slug)
        if quiz is None:
            known = ", ".join(sorted(_state["quizzes"])) or "none"
            raise PluginError(f'{where}: unknown quiz "{slug}" in <!-- quiz: ... --> (known quizzes: {known})')
        if slug in seen:
            raise PluginError(f'{where}: quiz "{slug}" is already embedded in this page; embed it once')
        seen.add(slug)
        return render.render_quiz(quiz, _state["settings"], page_uri=page.file.src_uri).markdown

    return MARKER.sub(embed, markdown)


def on_post_page(output, *, page, config):
    # On the finished page, not on_page_content: the search index then reads the quiz's
    # words without parsing the whole form (build time stays close to a plain page).
    if "<!--quiz-markup:" not in output:
        return output
    try:
        return render.assemble(output, _state["markup"])
    except ValueError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None


# Helpers -----------------------------------------------------------------------------


def _generated(files, config, uri: str, content: str, inclusion) -> File:
    if files.get_file_from_path(uri) is not None:
        raise PluginError(f"docs/{uri} already exists, but a quiz generates that page; rename one of them")
    file = File.generated(config, uri, content=content, inclusion=inclusion)
    files.append(file)
    return file


def _nav_paths(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    items = nav.values() if isinstance(nav, dict) else nav or []
    return [path for item in items for path in _nav_paths(item)]


def _shown(path: Path, root: Path) -> str:
    """quizzes/<file>.yml relative to mkdocs.yml, as editors and CI annotations expect."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _line(page, markdown: str, match: re.Match) -> int:
    """The marker's line in the source file (the Markdown here has lost its front matter)."""
    nth = len(MARKER.findall(markdown, 0, match.start()))
    source = page.file.content_string
    found = list(MARKER.finditer(source))
    offset = found[nth].start() if nth < len(found) else 0
    return source.count("\n", 0, offset) + 1
