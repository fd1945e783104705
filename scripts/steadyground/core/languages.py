"""The languages the site is built in: one MkDocs config each, built one after the other into
one site folder (English at its root, each other language in its own folder)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    config: str  # the MkDocs config, relative to the repository
    subdir: str  # where its pages go inside the site folder: "" or "es/"


LANGUAGES = (Language("en", "mkdocs.yml", ""), Language("es", "mkdocs.es.yml", "es/"))
# The heading under which a page lists the sources it cites, in each language: the build
# renders the list there, and the checks read it there.
REFERENCES_HEADINGS = {"en": "References", "es": "Referencias"}
DEFAULT_SITE_URL = "https://steady-ground.github.io/steady-ground/"


def site_urls(site_url: str | None = None) -> dict[str, str]:
    """Each language's site_url: SITE_URL (or the real Pages address) plus its folder."""
    base = site_url or os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    base = base if base.endswith("/") else base + "/"
    return {language.code: base + language.subdir for language in LANGUAGES}
