"""MkDocs hook for site-wide safety settings (a thin adapter over scripts/sitekit).

- extra.scope comes from site_url, so Material's inline script is the same on every page.
- Our JS and CSS are bundled and minified into one file each; the CSS bundle ends with
  dark colours derived from Material's own dark palette.
- Every page gets the same strict Content-Security-Policy <meta>, hashes computed here.
- Links to other sites get rel="noopener noreferrer" and never open a new tab.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from sitekit.assets import bundle
from sitekit.colour_scheme import site_colours_css
from sitekit.csp import SitePolicy, inline_scripts
from sitekit.links import harden_external_links

log = logging.getLogger("mkdocs.plugins.site")

# What each bundle holds, in order (sources live in overrides/, readable and commented).
JS_BUNDLE = ("assets/javascripts/site.min.js",
             ["assets/javascripts/quick-exit.js", "assets/javascripts/quiz.js",
              "assets/javascripts/header-controls.js", "assets/javascripts/material-fixes.js"])
CSS_BUNDLE = ("assets/stylesheets/site.min.css",
              ["assets/stylesheets/quick-exit.css", "assets/stylesheets/quiz.css",
               "assets/stylesheets/content.css", "assets/stylesheets/calm.css"])
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
    js_uri, js_sources = JS_BUNDLE
    css_uri, css_sources = CSS_BUNDLE
    scripts = [_take_source(files, uri) for uri in js_sources]
    styles = [_take_source(files, uri) for uri in css_sources] + [site_colours_css(_palette_css(config))]
    files.append(File.generated(config, js_uri, content=bundle(scripts, kind="js")))
    files.append(File.generated(config, css_uri, content=bundle(styles, kind="css")))
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


def _take_source(files, uri: str) -> str:
    """Read a bundle source from the theme files and keep it out of the built site."""
    source = files.get_file_from_path(uri)
    if source is None:
        raise PluginError(f"bundle source {uri} was not found in overrides/")
    files.remove(source)
    return Path(source.abs_src_path).read_text(encoding="utf-8")


def _palette_css(config) -> str:
    for theme_dir in config.theme.dirs:
        found = sorted(Path(theme_dir).glob("assets/stylesheets/palette.*.min.css"))
        if found:
            return found[0].read_text(encoding="utf-8")
    raise PluginError("Material's palette stylesheet was not found in the theme folders")
