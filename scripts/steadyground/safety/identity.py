"""Every script and stylesheet the site may ship, known by its bytes (issue 22).

A name is not an identity: any file can be called bundle.<hex>.min.js. The gate holds each
.js and .css file of a built site to the exact sha256 of a file it knows:
- the theme's own assets as installed (Material for MkDocs in this Python; Zensical's theme
  in .venv-zensical when it is installed): its bundle, search worker, lunr, stylesheets;
- our two bundles, built here again from the sources in overrides/ only (steadyground/assets/bundles.py),
  once for each theme palette the CSS bundle can be made with.
A file under docs/ can therefore never stand in for one of them, even at the same path.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from steadyground.core.paths import REPO

ASSET_SUFFIXES = (".js", ".css")
# Where each theme keeps the palette stylesheet our dark colours are derived from.
PALETTE_PATTERNS = ("assets/stylesheets/palette.*.min.css", "assets/stylesheets/*/palette.*.min.css")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def theme_dirs(repo: Path = REPO) -> list[Path]:
    """The installed theme folders a build of this repository can use."""
    import material
    found = [Path(material.__file__).resolve().parent / "templates"]
    for package in sorted(repo.glob(".venv-zensical/lib/python*/site-packages/zensical*")):
        for bundle in sorted(package.rglob("assets/javascripts/bundle.*.min.js")):
            found.append(bundle.parents[2])
    return list(dict.fromkeys(found))


@lru_cache(maxsize=4)
def known_assets(repo: Path = REPO) -> dict[str, frozenset[str]]:
    """{path inside a language's site: the sha256 digests a file there may have}."""
    from steadyground.assets import (
        bundles,  # the build's own bundler, so the gate rebuilds what the build made
    )
    known: dict[str, set[str]] = {}
    overrides = bundles.read_from([repo / "overrides"])
    for theme in theme_dirs(repo):
        for path in sorted(theme.glob("assets/**/*")):
            relative = path.relative_to(theme).as_posix()
            if path.is_file() and (path.suffix in ASSET_SUFFIXES or relative == "assets/javascripts/LICENSE"):
                known.setdefault(relative, set()).add(sha256(path.read_bytes()))
        palettes = sorted({p for pattern in PALETTE_PATTERNS for p in theme.glob(pattern)})
        for palette in palettes:
            for uri, content in bundles.build_bundles(overrides, palette.read_text(encoding="utf-8")).items():
                known.setdefault(uri, set()).add(sha256(content.encode("utf-8")))
    return {path: frozenset(digests) for path, digests in known.items()}


def problem(inside: str, data: bytes, known: dict[str, frozenset[str]]) -> str | None:
    """Why a .js/.css file at `inside` (a path in its language's site) is not one the site ships."""
    if inside not in known:
        return ("a script or stylesheet the site does not ship (only the theme's own files and our two "
                "bundles built from overrides/ may be served)")
    if sha256(data) not in known[inside]:
        return ("its bytes are not the theme's file or our bundle built from overrides/ at this path "
                "(a file under docs/ or an edit after the build replaced it)")
    return None
