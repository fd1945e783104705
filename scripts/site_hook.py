"""MkDocs hook for site-wide safety settings (a thin adapter over scripts/sitekit).

- extra.scope comes from site_url, so Material's inline script is the same on every page.
- assets/stylesheets/dark-scheme.css is generated from Material's own dark palette.
- Every page gets the same strict Content-Security-Policy <meta>, hashes computed here.
- Links to other sites get rel="noopener noreferrer" and never open a new tab.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from sitekit.colour_scheme import dark_scheme_css
from sitekit.csp import SitePolicy, inline_scripts
from sitekit.links import harden_external_links

log = logging.getLogger("mkdocs.plugins.site")

DARK_SCHEME_URI = "assets/stylesheets/dark-scheme.css"
_state: dict = {"serving": False, "policy": None}


# Hooks -------------------------------------------------------------------------------


def on_startup(*, command, dirty):
    _state["serving"] = command == "serve"


def on_config(config):
    site_url = config.site_url or "/"
    config.extra["scope"] = urlparse(site_url).path or "/"
    _state["policy"] = SitePolicy(upgrade_insecure=site_url.startswith("https://"))
    return config


def on_files(files, *, config):
    files.append(File.generated(config, DARK_SCHEME_URI, content=dark_scheme_css(_palette_css(config))))
    return files


def on_page_content(html, *, page, config, files):
    if inline_scripts(html):
        raise PluginError(
            f"docs/{page.file.src_uri}: inline <script> in page content is not allowed: the strict "
            "Content-Security-Policy blocks it (safety.md SEC-3). Put the code in a .js file."
        )
    return harden_external_links(html)


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
        return _state["policy"].apply(html, source)
    except ValueError as error:
        raise PluginError(str(error)) from None


def _palette_css(config) -> str:
    for theme_dir in config.theme.dirs:
        found = sorted(Path(theme_dir).glob("assets/stylesheets/palette.*.min.css"))
        if found:
            return found[0].read_text(encoding="utf-8")
    raise PluginError("Material's palette stylesheet was not found in the theme folders")
