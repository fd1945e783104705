"""MkDocs hook for site-wide safety settings: a thin adapter over scripts/steadyground/.

- extra.scope comes from site_url, so Material's inline script is the same on every page.
- Our JS and CSS are bundled and minified into one file each; the CSS bundle ends with
  dark colours derived from Material's own dark palette (steadyground/assets/bundles.py).
- Every page gets the same strict Content-Security-Policy <meta>, hashes computed here.
- Links to other sites get rel="noopener noreferrer" and never open a new tab.
- What authors write is checked before it becomes a page (steadyground/pages/author_checks.py): no
  symbolic links in the sources, snippets only from includes/, front matter and
  abbreviations without markup, page HTML inside the allowlist. Every problem is listed
  at once, `docs/<file>.md:LINE: message`, and the build stops before writing a page.
  The per-page checks are steadyground/pages/page_checks.py, which the Zensical build and `make check`
  run too, with the same messages.
  The gate over the built site (scripts/verify_site.py) runs after every build.
- While previewing (`make serve`), problems do not stop the build: every page shows them
  instead, so the browser shows what a save broke (steadyground/build/preview.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from steadyground.assets import bundles
from steadyground.build import preview as serve_report
from steadyground.build import sources
from steadyground.core.config import load_config
from steadyground.core.errors import BuildError
from steadyground.languages import sites as languages
from steadyground.pages import author_checks, page_checks
from steadyground.pages import build as pages

log = logging.getLogger("mkdocs.plugins.site")

_state: dict = {"policy": None, "root": None, "includes": None, "site_path": "/", "problems": [],
          "links": None}


# Hooks -------------------------------------------------------------------------------


def on_startup(*, command, dirty):
    if command == "serve":
        serve_report.start()


def on_config(config):
    config.extra["scope"] = pages.site_scope(config.site_url)
    _state["policy"] = pages.site_policy(config.site_url)
    root = Path(config.config_file_path).parent.resolve()
    includes = _includes_dir(config, root)
    _state.update(root=root, includes=includes, site_path=config.extra["scope"], problems=[])
    _check_sources(config, root)  # first: nothing else reads a source before it is checked
    _setup_language_link(config)
    return config


def on_files(files, *, config):
    try:
        built = bundles.build_bundles(lambda uri: _take_source(files, uri, config.theme.custom_dir),
                                      bundles.palette_css(config.theme.dirs))
    except BuildError as error:
        raise PluginError(str(error)) from None
    for uri, content in built.items():
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_markdown(markdown, *, page, config, files):
    # Bad snippets are reported in on_page_content (steadyground/pages/page_checks.py); blanked here so
    # the build goes on to report every other problem before it stops.
    return author_checks.without_bad_snippets(markdown, _state["includes"])


def on_page_content(html, *, page, config, files):
    if _state["links"] is not None:
        # Read by main.html (the links) and overrides/sitemap.xml (the hreflang alternates).
        page.language_links = _state["links"].for_page(page.file.src_uri, page.meta)

    source, text = _source_of(page)
    page_dir = _state["site_path"] + (page.url.rsplit("/", 1)[0] + "/" if "/" in page.url else "")
    # The checks every door runs on a page (the Zensical build and `make check` too).
    _state["problems"] += page_checks.page_problems(
        text or "", source=source, html=html, includes=_state["includes"], root=_state["root"],
        page_dir=page_dir, site_path=_state["site_path"])
    try:
        return pages.checked_content(html, source=source)
    except BuildError as error:
        _state["problems"].append(str(error))  # reported with the rest in on_env
        return html


def on_env(env, *, config, files):
    # After every page is read and before any is written: all problems at once.
    problems = page_checks.in_order(_state["problems"])
    if problems and serve_report.active():
        for problem in problems:
            serve_report.record_problem(problem)
    elif problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise PluginError(f"Pages have {count} that would reach readers:\n" + "\n".join(problems))
    return env


def on_post_page(output, *, page, config):
    return _with_policy(output, _shown(page))


def on_post_build(*, config):
    if serve_report.active():
        serve_report.finish(config.site_dir)


def on_build_error(*, error):
    if serve_report.active():
        serve_report.reset()


def on_post_template(output_content, *, template_name, config):
    if template_name.endswith(".html"):
        return _with_policy(output_content, template_name)
    return output_content


# Helpers -----------------------------------------------------------------------------


def _with_policy(html: str, source: str) -> str:
    if serve_report.active():
        # `mkdocs serve` injects an inline live-reload script the policy would block;
        # the policy is checked on `make build` and in the tests.
        return html
    try:
        return pages.with_policy(_state["policy"], html, source=source)
    except BuildError as error:
        raise PluginError(str(error)) from None


def _setup_language_link(config) -> None:
    try:
        links = languages.LanguageLinks.from_config(Path(config.config_file_path), config.site_url)
    except BuildError as error:
        raise PluginError(str(error)) from None
    _state["links"] = links
    if links is not None:
        config.extra["language"]["homes"] = links.home  # for pages without a page object (404.html)


def _check_sources(config, root: Path) -> None:
    """The first step of both builds (steadyground/build/sources.py) on this language's config,
    read by the one config reader with this build's address: every problem at once."""
    raw = load_config(Path(config.config_file_path))
    raw["site_url"] = config.site_url
    problems = sources.every_problem(raw, root, Path(config.config_file_path).name, pages_too=False).problems
    if problems and serve_report.active():
        for problem in problems:
            serve_report.record_problem(problem)
    elif problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise PluginError(f"The site's sources have {count}:\n" + "\n".join(problems))


def _includes_dir(config, root: Path) -> Path:
    base = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["includes"])
    first = base[0] if isinstance(base, list) and base else base or "includes"
    return (root / first).resolve() if not Path(first).is_absolute() else Path(first)


def _source_of(page) -> tuple[str, str | None]:
    """How a page's source is named in messages, and its text (None for generated pages)."""
    if page.file.generated_by:
        return f"{page.file.src_uri} (generated by {page.file.generated_by})", None
    return _shown(page), page.file.content_string


def _shown(page) -> str:
    """A page's source as messages name it, from the project root: docs/es/... in the Spanish
    build, whose docs_dir is docs/es (src_uri alone would say docs/...)."""
    if page.file.abs_src_path is None:  # generated (a quiz page, the plan)
        return f"docs/{page.file.src_uri}"
    return author_checks.display_path(Path(page.file.abs_src_path), _state["root"])


def _take_source(files, uri: str, custom_dir: str) -> str:
    """Read a bundle source from overrides/ only (a docs/ file of the same name must never
    take its place) and keep every file of that name out of the built site."""
    source = files.get_file_from_path(uri)
    if source is not None:
        files.remove(source)
    try:
        return bundles.read_from([custom_dir])(uri)
    except BuildError as error:
        raise PluginError(str(error)) from None
