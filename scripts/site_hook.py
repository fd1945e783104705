"""MkDocs hook for site-wide safety settings: a thin adapter over scripts/buildkit.

- extra.scope comes from site_url, so Material's inline script is the same on every page.
- Our JS and CSS are bundled and minified into one file each; the CSS bundle ends with
  dark colours derived from Material's own dark palette (buildkit/bundles.py).
- Every page gets the same strict Content-Security-Policy <meta>, hashes computed here.
- Links to other sites get rel="noopener noreferrer" and never open a new tab.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from buildkit import BuildError, bundles, pages

log = logging.getLogger("mkdocs.plugins.site")

_state: dict = {"serving": False, "policy": None}


# Hooks -------------------------------------------------------------------------------


def on_startup(*, command, dirty):
    _state["serving"] = command == "serve"


def on_config(config):
    config.extra["scope"] = pages.site_scope(config.site_url)
    _state["policy"] = pages.site_policy(config.site_url)
    return config


def on_files(files, *, config):
    try:
        built = bundles.build_bundles(lambda uri: _take_source(files, uri), bundles.palette_css(config.theme.dirs))
    except BuildError as error:
        raise PluginError(str(error)) from None
    for uri, content in built.items():
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_content(html, *, page, config, files):
    try:
        return pages.checked_content(html, source=f"docs/{page.file.src_uri}")
    except BuildError as error:
        raise PluginError(str(error)) from None


def on_post_page(output, *, page, config):
    return _with_policy(output, f"docs/{page.file.src_uri}")


def on_post_template(output_content, *, template_name, config):
    if template_name.endswith(".html"):
        return _with_policy(output_content, template_name)
    return output_content


# Helpers -----------------------------------------------------------------------------


def _with_policy(html: str, source: str) -> str:
    if _state["serving"]:
        # `mkdocs serve` injects an inline live-reload script the policy would block;
        # the policy is checked on `make build` and in the tests.
        return html
    try:
        return pages.with_policy(_state["policy"], html, source=source)
    except BuildError as error:
        raise PluginError(str(error)) from None


def _take_source(files, uri: str) -> str:
    """Read a bundle source from the theme files and keep it out of the built site."""
    source = files.get_file_from_path(uri)
    if source is None:
        raise PluginError(f"bundle source {uri} was not found in overrides/")
    files.remove(source)
    return Path(source.abs_src_path).read_text(encoding="utf-8")
