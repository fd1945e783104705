"""Synthetic projects in temp dirs, built from the repository's real content and settings.

Every project starts from the same base: a copy of docs/ (with `<!-- quiz: -->` embeds
removed, so the base never depends on which quizzes a variant has), each valid quiz in
quizzes/ as its plain twin at docs/quizzes/<slug>.md, and one "Self-checks" index
(docs/quizzes/index.md, the hook's own Markdown) listing every quiz of the scenario, so
the index is identical in every variant. On top of the base a scenario adds:

- `articles` copies of the real articles (docs/articles/bench-NNNN-<name>.md, in the nav
  in sections of 50, like the real articles);
- `quizzes` copies of the real quizzes (title numbered, otherwise unchanged), either as
  quiz YAML in quizzes/ for the hook to generate, or as plain twins in docs/quizzes/.
  Quiz pages are out of the nav either way (the hook marks them so; twins match
  `not_in_nav`), at the same URLs.

Configs:
- `real_config`: mkdocs.yml as data, paths made absolute (custom_dir, hooks, snippets),
  `watch` dropped; theme, overrides, hooks, plugins and extensions are the real ones.
- `neutral_config`: Material with the real theme settings and Markdown extensions, but no
  overrides, hooks, privacy detector or extra CSS/JS: a site where only the quiz engine
  differs (plain twins, our hook, or mkdocs-quiz).
- `stock_config`: `theme: material` with `font: false` and nothing else changed, plus the
  real Markdown extensions (they render the same text; without them the snippets and
  abbreviations would be missing and the pages would not hold the same text).

Stock projects exist per language (steadyground/bench/languages.py): a language's own Markdown folder
and quizzes, its interface language, search language and Markdown extensions (Spanish:
mkdocs.es.yml's, with the Spanish glossary appended). The scenario projects are English.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import yaml

from steadyground import plans as plankit
from steadyground import quizzes as quizkit
from steadyground.bench.common import Build, build
from steadyground.bench.languages import SiteLanguage, all_languages
from steadyground.bench.twins import mkdocs_quiz_markdown, plain_markdown
from steadyground.core.config import load_config
from steadyground.core.paths import REPO
from steadyground.languages import sites as languages
from steadyground.plans import render as plankit_render
from steadyground.plans.build import PlanBuild
from steadyground.quizzes import render
from steadyground.quizzes.build import MARKER
from steadyground.references import bibliography as references

ARTICLES_PER_SECTION = 50
TWIN_PATTERN = "/quizzes/*.md\n!/quizzes/index.md"


@dataclasses.dataclass(frozen=True)
class Template:
    path: Path
    quiz: quizkit.Quiz


def english() -> SiteLanguage:
    return all_languages()[0]


@lru_cache(maxsize=None)
def valid_quizzes(language: SiteLanguage) -> tuple[Template, ...]:
    """A language's quizzes that pass every check (none is fine: a language may have none yet)."""
    found = []
    for path in language.quiz_files:
        quiz, problems = quizkit.check_file(path)
        if quiz is not None:
            found.append(Template(path, quiz))
    return tuple(found)


def templates() -> tuple[Template, ...]:
    """The English quizzes that pass every check (the scaling projects copy these)."""
    found = valid_quizzes(english())
    if not found:
        raise RuntimeError("no quiz in quizzes/ passes its checks; run scripts/check_quizzes.py")
    return found


def settings(language: SiteLanguage | None = None) -> quizkit.Settings:
    return (language or english()).settings


def real_articles() -> list[Path]:
    return sorted((REPO / "docs" / "articles").glob("*.md"))


# Configs -----------------------------------------------------------------------------


def _absolute_extensions(extensions: list) -> list:
    result = []
    for ext in copy.deepcopy(extensions):
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            options = ext["pymdownx.snippets"] or {}
            base = options.get("base_path", ["."])
            base = [base] if isinstance(base, str) else base
            options["base_path"] = [str(REPO / p) for p in base]
        result.append(ext)
    return result


def real_config() -> dict:
    config = copy.deepcopy(site_config())
    theme = config["theme"]
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(REPO / theme["custom_dir"])
    config["hooks"] = [str(REPO / hook) for hook in config.get("hooks", [])]
    config["markdown_extensions"] = _absolute_extensions(config.get("markdown_extensions", []))
    config.pop("watch", None)
    config.pop("docs_dir", None)
    config["extra"].pop("plan", None)  # the plan page is in docs/ as its plain twin (write_base)
    return config


def neutral_config(engine: str) -> dict:
    """engine: "plain", "ours" (scripts/quiz_hook.py) or "mkdocs-quiz"."""
    real = site_config()
    theme = {k: v for k, v in real["theme"].items() if k != "custom_dir"}
    config = {
        "site_name": real["site_name"], "site_url": real.get("site_url"),
        "site_description": real.get("site_description"), "strict": True,
        "exclude_docs": real.get("exclude_docs", ""),  # docs/es/ is the Spanish site's
        "validation": copy.deepcopy(real.get("validation", {})), "theme": copy.deepcopy(theme),
        "extra": copy.deepcopy(real.get("extra", {})), "plugins": ["search"],
        "markdown_extensions": _absolute_extensions(real.get("markdown_extensions", [])),
        "nav": copy.deepcopy(real["nav"]),
    }
    if engine == "ours":
        config["hooks"] = [str(REPO / "scripts" / "quiz_hook.py")]
    elif engine == "mkdocs-quiz":
        config["plugins"].append("mkdocs_quiz")
    return config


def stock_config(site_url: str | None = None, language: SiteLanguage | None = None) -> dict:
    """Stock Material in the language's interface and search language, with its Markdown extensions."""
    real = (language or english()).config
    theme = {"name": "material", "font": False}
    if real["theme"].get("language"):
        theme["language"] = real["theme"]["language"]
    search = [plugin for plugin in real.get("plugins", ["search"])
              if plugin == "search" or (isinstance(plugin, dict) and "search" in plugin)]
    return {
        "site_name": real["site_name"], "site_url": site_url or real.get("site_url"),
        "site_description": real.get("site_description"),
        "theme": theme,
        "plugins": copy.deepcopy(search) or ["search"],
        "exclude_docs": real.get("exclude_docs", ""),  # the same pages (English leaves docs/es/ out)
        "markdown_extensions": _absolute_extensions(real.get("markdown_extensions", [])),
        "nav": copy.deepcopy(real["nav"]),
    }


def _with_nav(config: dict, article_paths: list[str], language: SiteLanguage | None = None) -> dict:
    nav = config.setdefault("nav", [])
    if "quizzes/index.md" not in json.dumps(nav):
        nav.append({settings(language).strings["index_title"]: "quizzes/index.md"})
    if article_paths:
        sections = [
            {f"Bench articles {n // ARTICLES_PER_SECTION + 1:02d}": article_paths[n:n + ARTICLES_PER_SECTION]}
            for n in range(0, len(article_paths), ARTICLES_PER_SECTION)
        ]
        nav.append({"Bench articles": sections})
    existing = config.get("not_in_nav")
    config["not_in_nav"] = f"{existing}\n{TWIN_PATTERN}" if existing else TWIN_PATTERN
    return config


def write_config(project: Path, config: dict) -> Path:
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


# Content -----------------------------------------------------------------------------


def bench_quizzes(count: int) -> list[tuple[Template, quizkit.Quiz]]:
    """`count` copies of the real quizzes, round robin, with numbered slugs and titles."""
    result = []
    for n in range(count):
        template = templates()[n % len(templates())]
        quiz = dataclasses.replace(
            template.quiz, slug=f"bench-{n + 1:04d}-{template.quiz.slug}",
            title=f"{template.quiz.title} ({n + 1})",
        )
        result.append((template, quiz))
    return result


def _quiz_yaml(template: Template, title: str) -> str:
    """The template's YAML text with only its title line replaced (comments, quoting and
    `no:`-style keys stay exactly as the author wrote them)."""
    text = template.path.read_text(encoding="utf-8")
    replaced, count = re.subn(r"(?m)^title:.*$", lambda m: "title: " + json.dumps(title), text, count=1)
    if count != 1:
        raise RuntimeError(f"{template.path}: no top-level title line to number")
    return replaced


def write_base(project: Path, extra_quizzes: list[quizkit.Quiz], language: SiteLanguage | None = None) -> None:
    """The language's Markdown folder (English: docs/, with docs/es/ that its config excludes),
    its valid quizzes as plain twins and the Self-checks index listing them and `extra_quizzes`."""
    language = language or english()
    docs = project / "docs"
    shutil.copytree(language.docs_dir, docs)
    shutil.copy(REPO / references.BIBLIOGRAPHY, project / references.BIBLIOGRAPHY)  # the hook reads it
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if MARKER.search(text):
            page.write_text(MARKER.sub("", text), encoding="utf-8")
    (docs / "quizzes").mkdir(parents=True, exist_ok=True)
    quizzes = valid_quizzes(language)
    for template in quizzes:
        (docs / "quizzes" / f"{template.quiz.slug}.md").write_text(plain_markdown(template.quiz), encoding="utf-8")
    everything = [t.quiz for t in quizzes] + extra_quizzes
    (docs / "quizzes" / "index.md").write_text(render.index_page(everything, settings(language)), encoding="utf-8")
    (project / "quizzes").mkdir(exist_ok=True)
    _write_plan_twin(docs, language)


def _write_plan_twin(docs: Path, language: SiteLanguage) -> None:
    """The private plan's words as a plain page (plankit_render.plain_markdown), at the page
    the plan hook generates, so the plan page has a stock twin like every other page."""
    build = PlanBuild.from_config(language.config, REPO)
    plan = plankit.check_file(build.file)[0] if build is not None else None
    if plan is not None:
        (docs / build.page).write_text(plankit_render.plain_markdown(plan, language.code), encoding="utf-8")


def write_references(project: Path) -> None:
    """For projects built without our references hook: each page's References list as the
    APA lines our build renders, so both sides of a comparison carry the same words."""
    bibliography = references.load(project)
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        rendered = references.render_page(text, bibliography)
        if rendered != text:
            page.write_text(rendered, encoding="utf-8")


def write_articles(project: Path, count: int) -> list[str]:
    sources, paths = real_articles(), []
    for n in range(count):
        source = sources[n % len(sources)]
        uri = f"articles/bench-{n + 1:04d}-{source.name}"
        text = source.read_text(encoding="utf-8")
        (project / "docs" / uri).write_text(MARKER.sub("", text), encoding="utf-8")
        paths.append(uri)
    return paths


def write_quizzes(project: Path, quizzes: list[tuple[Template, quizkit.Quiz]], form: str) -> None:
    """form: "yaml" (quizzes/<slug>.yml for our hook), "plain" or "mkdocs-quiz" (docs/quizzes/<slug>.md)."""
    for template, quiz in quizzes:
        if form == "yaml":
            (project / "quizzes" / f"{quiz.slug}.yml").write_text(_quiz_yaml(template, quiz.title), encoding="utf-8")
        else:
            text = plain_markdown(quiz) if form == "plain" else mkdocs_quiz_markdown(quiz)
            (project / "docs" / "quizzes" / f"{quiz.slug}.md").write_text(text, encoding="utf-8")


def scenario_project(project: Path, *, articles: int, quizzes: int, as_quiz: bool) -> Path:
    """The real site's settings with `articles` more articles and `quizzes` more quiz pages,
    generated from YAML (as_quiz) or written as plain twins."""
    copies = bench_quizzes(quizzes)
    write_base(project, [quiz for _, quiz in copies])
    article_paths = write_articles(project, articles)
    write_quizzes(project, copies, "yaml" if as_quiz else "plain")
    return write_config(project, _with_nav(real_config(), article_paths))


def neutral_project(project: Path, *, quizzes: int, engine: str) -> Path:
    copies = bench_quizzes(quizzes)
    write_base(project, [quiz for _, quiz in copies])
    write_quizzes(project, copies, {"plain": "plain", "ours": "yaml", "mkdocs-quiz": "mkdocs-quiz"}[engine])
    write_references(project)
    return write_config(project, _with_nav(neutral_config(engine), []))


def stock_project(project: Path, site_url: str | None = None, language: SiteLanguage | None = None) -> Path:
    """Stock Material, one language's pages and its real quizzes as plain twins."""
    write_base(project, [], language)
    write_references(project)
    return write_config(project, _with_nav(stock_config(site_url, language), [], language))


def build_stock_site(dest: Path, site_url: str, workdir: Path) -> list[tuple[SiteLanguage, Build]]:
    """A stock Material site of every language's text, laid out like `make build`'s (English
    at dest, Spanish in dest/es/, each at its own site_url), so a page of ours and its stock
    counterpart have the same path. Not strict: stock Material warns about what our hooks handle."""
    urls, built = languages.site_urls(site_url), []
    for language in all_languages():  # English first: its build empties dest
        project = Path(tempfile.mkdtemp(prefix=f"stock-{language.code}-", dir=workdir))
        config = stock_project(project, site_url=urls[language.code], language=language)
        built.append((language, build(config, dest / language.subdir, strict=False)))
    return built


def site_config() -> dict:
    """The English config, read by the site's one config reader."""
    return load_config(REPO / "mkdocs.yml")
