"""Our one JS and one CSS bundle, made from the readable sources in overrides/assets/.

The CSS bundle ends with dark colours derived from the theme's own palette stylesheet
(steadyground/assets/colour_scheme.py), so no palette toggle (it writes localStorage) is needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from steadyground.assets.colour_scheme import site_colours_css
from steadyground.assets.minify import bundle
from steadyground.core.errors import BuildError

# What each bundle holds, in order (sources live in overrides/, readable and commented).
# A new JS or CSS source is one more line here.
JS_BUNDLE = ("assets/javascripts/site.min.js",
             ["assets/javascripts/quick-exit.js", "assets/javascripts/quiz.js",
              "assets/javascripts/header-controls.js", "assets/javascripts/material-fixes.js",
              "assets/javascripts/plan.js"])
CSS_BUNDLE = ("assets/stylesheets/site.min.css",
              ["assets/stylesheets/quick-exit.css", "assets/stylesheets/quiz.css",
               "assets/stylesheets/content.css", "assets/stylesheets/calm.css",
               "assets/stylesheets/help.css", "assets/stylesheets/home.css",
               "assets/stylesheets/plan.css"])


def source_uris() -> list[str]:
    """Every bundle source: the build reads them and keeps them out of the site."""
    return JS_BUNDLE[1] + CSS_BUNDLE[1]


def build_bundles(read_source: Callable[[str], str], palette_css: str) -> dict[str, str]:
    """{site path: content} for both bundles; `read_source(uri)` gives one source's text."""
    js_uri, js_sources = JS_BUNDLE
    css_uri, css_sources = CSS_BUNDLE
    scripts = [read_source(uri) for uri in js_sources]
    styles = [read_source(uri) for uri in css_sources] + [site_colours_css(palette_css)]
    return {js_uri: bundle(scripts, kind="js"), css_uri: bundle(styles, kind="css")}


def palette_css(theme_dirs: Iterable[str | Path], pattern: str = "assets/stylesheets/palette.*.min.css") -> str:
    """The theme's palette stylesheet, the first found in theme folder order."""
    for theme_dir in theme_dirs:
        found = sorted(Path(theme_dir).glob(pattern))
        if found:
            return found[0].read_text(encoding="utf-8")
    raise BuildError("Material's palette stylesheet was not found in the theme folders")


def read_from(directories: Iterable[str | Path]) -> Callable[[str], str]:
    """A `read_source` that looks in theme folders, in order."""
    directories = [Path(d) for d in directories]

    def read(uri: str) -> str:
        for directory in directories:
            if (directory / uri).is_file():
                return (directory / uri).read_text(encoding="utf-8")
        raise BuildError(f"bundle source {uri} was not found in overrides/")

    return read
