"""The quiz runtime stays small and has no way to store, send or show anything it should
not: a static guard next to the browser tests, which are the real proof."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "overrides" / "assets"
JS = ASSETS / "javascripts" / "quiz.js"
CSS = ASSETS / "stylesheets" / "quiz.css"
BUDGET = 2560  # quiz.js + quiz.css, minified and gzip -9 each, as served (the quick exit has its own share of 4 KB)


def gzipped(path: Path) -> int:
    """The file as served: minified by the site's asset bundler (comments and spaces go)."""
    sys.path.insert(0, str(ASSETS.parents[1] / "scripts"))
    from steadyground.assets.minify import bundle

    served = bundle([path.read_text(encoding="utf-8")], kind=path.suffix[1:])
    return len(gzip.compress(served.encode("utf-8"), compresslevel=9, mtime=0))


def test_runtime_fits_the_budget(record_property):
    size = gzipped(JS) + gzipped(CSS)
    record_property("quiz_gzip_bytes", size)
    print(f"quiz.js {gzipped(JS)} B + quiz.css {gzipped(CSS)} B = {size} B gzip -9")
    assert size <= BUDGET, f"{size} bytes gzip -9, budget {BUDGET}"


def test_runtime_uses_no_storage_network_or_url_apis():
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", JS.read_text(encoding="utf-8"), flags=re.S)
    forbidden = [
        "localStorage", "sessionStorage", "indexedDB", "document.cookie", "caches", "fetch(",
        "XMLHttpRequest", "sendBeacon", "WebSocket", "pushState", "replaceState", "location.",
        "setAttribute(\"style\"", "setAttribute('style'", "innerHTML", "eval(", "new Function",
    ]
    assert [word for word in forbidden if word in code] == []


def test_styles_have_no_animations_or_external_urls():
    css = CSS.read_text(encoding="utf-8")
    assert not re.search(r"\b(animation|transition)\s*:", css)
    assert "url(" not in css and "@import" not in css
