"""Our own JavaScript and CSS, bundled and minified at build time.

The sources in overrides/assets/ stay readable and commented; readers download one small
JS file and one CSS file (safety.md budget: quiz + quick exit <= 4 KB gzip). Minifying
uses rjsmin and rcssmin, kept libraries with no dependencies, so there is no Node build.
"""

from __future__ import annotations

import rcssmin
import rjsmin


def minify_js(source: str) -> str:
    return rjsmin.jsmin(source)


def minify_css(source: str) -> str:
    return rcssmin.cssmin(source)


def bundle(sources: list[str], *, kind: str) -> str:
    """Join sources in order and minify them. JS sources are self-contained IIFEs, so
    a ';' between them keeps one from running into the next."""
    if kind == "js":
        return ";".join(minify_js(source).strip().rstrip(";") for source in sources) + ";\n"
    if kind == "css":
        return "".join(minify_css(source) for source in sources) + "\n"
    raise ValueError(f"unknown asset kind: {kind}")
