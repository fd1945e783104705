"""The first step of every build, the same for both generators: every problem in a language's
sources, found before the generator reads a page, and reported all at once, sorted.

1. `shared_problems`: the source folders (symbolic links, odd files, each page's size and
   front matter, each include), make check's build rules (check.BUILD_RULES), references,
   the config's printed strings, the quiz files and the plan file.
2. `page_problems`: every page of the language after the hooks' Markdown steps (References
   list, quizzes put in), rendered with the config's Markdown extensions, through the same
   per-page checks as `make check` (pages/page_checks.py). Run only when step 1 found nothing
   that makes a page unsafe to parse (over the limits, unreadable front matter).

The Zensical build (build/zensical.py) runs both on every build and reuses what they read for
staging; the MkDocs hooks (scripts/site_hook.py) run step 1 in on_config, and step 2 there
too when step 1 stops the build, so the author sees every page's problems in the same list
(otherwise MkDocs' own rendering of each page is checked by the same functions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from steadyground import check
from steadyground.core import front_matter
from steadyground.core.errors import BuildError
from steadyground.core.problems import format_problems
from steadyground.pages import author_checks, page_checks
from steadyground.pages import build as pages
from steadyground.pages import render as page_render
from steadyground.plans.build import PlanBuild
from steadyground.quizzes.build import QuizBuild
from steadyground.references import bibliography as references


@dataclass
class Checked:
    """What the checks read, for a build to reuse."""
    problems: list[str] = field(default_factory=list)
    unsafe_to_parse: bool = False  # a page or include over the limits, or front matter that does not read
    quizzes: QuizBuild | None = None  # None when the config does not run the quiz hook
    bibliography: references.Bibliography | None = None  # None without the references hook
    embedded: dict[str, str] = field(default_factory=dict)  # src_uri -> its Markdown after the hooks' steps


def runs_hook(config: dict, name: str) -> bool:
    """Whether the config names a hook (scripts/<name>); its steps run only then, so a language
    without the quiz hook gets no quiz pages, with either generator."""
    return any(Path(str(hook)).name == name for hook in config.get("hooks") or [])


def includes_dir(config: dict, project: Path) -> Path:
    for extension in config.get("markdown_extensions", []):
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            base = (extension["pymdownx.snippets"] or {}).get("base_path", ["includes"])
            first = base[0] if isinstance(base, list) and base else base or "includes"
            return (project / first).resolve()
    return (project / "includes").resolve()


def shared_problems(config: dict, project: Path, config_name: str) -> Checked:
    docs_dir = project / config.get("docs_dir", "docs")
    includes = includes_dir(config, project)
    quiz_dir = project / str((config.get("extra") or {}).get("quiz", {}).get("dir", "quizzes"))
    checked = Checked()
    checked.problems = pages.source_problems(root=project, docs_dir=docs_dir, includes=includes, quiz_dir=quiz_dir)
    checked.unsafe_to_parse = bool(checked.problems)
    if checked.unsafe_to_parse:
        return checked  # nothing else may read a page that is over the limits
    checked.problems += check.for_build(project)
    reference_problems = format_problems(references.problems(project)) if runs_hook(config, "references_hook.py") else []
    checked.problems += reference_problems
    if runs_hook(config, "references_hook.py") and not reference_problems:
        checked.bibliography = references.load(project)
    checked.problems += front_matter.config_problems(config, config_name)  # site_description and the like
    if runs_hook(config, "quiz_hook.py"):
        try:
            checked.quizzes = QuizBuild.from_extra(config.get("extra") or {}, project)
            checked.quizzes.load(project)
        except BuildError as error:
            checked.problems += str(error).splitlines()[1:] or [str(error)]
            checked.quizzes = None
    if runs_hook(config, "plan_hook.py"):
        try:
            plans = PlanBuild.from_config(config, project)
            if plans is not None:
                plans.load(docs_dir)
        except BuildError as error:
            checked.problems += str(error).splitlines()[1:] or [str(error)]
    return checked


def page_problems(config: dict, project: Path, checked: Checked) -> list[str]:
    """Every page's problems, as the per-page checks of every door name them; fills
    checked.embedded with each page's Markdown after the hooks' steps."""
    includes = includes_dir(config, project)
    site_path = pages.site_scope(config.get("site_url"))
    renderer = page_render.PageRenderer(config, project, includes)
    problems: list[str] = []
    for src_uri, path in page_render.own_pages(config, project).items():
        text = path.read_text(encoding="utf-8-sig")
        source = author_checks.display_path(path, project)
        try:
            checked.embedded[src_uri] = before_markdown(text, src_uri, checked.bibliography, checked.quizzes)
        except BuildError as error:  # a quiz marker that would show nothing, at its line
            problems += str(error).splitlines()
            continue
        try:
            html = renderer.render(checked.embedded[src_uri], source)
        except Exception as error:  # noqa: BLE001 - an extension's failure is the author's message, not a traceback
            problems.append(f"{source}: the page could not be rendered ({type(error).__name__}: {error})")
            continue
        problems += page_checks.page_problems(text, source=source, html=html, includes=includes, root=project,
                                              page_dir=page_render.source_dir(src_uri, site_path), site_path=site_path)
    return problems


def every_problem(config: dict, project: Path, config_name: str, *, pages_too: bool) -> Checked:
    """Step 1, then step 2 when it is safe and wanted (always with `pages_too`, else only when
    step 1 already stops the build); checked.problems sorted, without repeats."""
    checked = shared_problems(config, project, config_name)
    if not checked.unsafe_to_parse and (pages_too or checked.problems):
        checked.problems += page_problems(config, project, checked)
    checked.problems = page_checks.in_order(list(dict.fromkeys(checked.problems)))
    return checked


def before_markdown(text: str, src_uri: str, bibliography: references.Bibliography | None,
                    quizzes: QuizBuild | None) -> str:
    """A page's Markdown after the MkDocs hooks' steps on it: the References list, the quizzes."""
    embedded = references.render_page(text, bibliography) if bibliography is not None else text
    return quizzes.embed(embedded, page_uri=src_uri) if quizzes else embedded
