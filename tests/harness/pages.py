"""Every page of a built site: each language's sitemap URLs plus its 404.html (English at
the root, Spanish under es/ with a sitemap of its own)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


LANGUAGE_DIRS = ("", "es/")  # scripts/steadyground/languages/sites.py


def sitemap_urls(site_root: Path) -> list[str]:
    urls = []
    for folder in LANGUAGE_DIRS:
        if (site_root / folder / "sitemap.xml").is_file():
            tree = ET.parse(site_root / folder / "sitemap.xml")
            urls += [loc.text.strip() for loc in tree.getroot().findall("s:url/s:loc", _NS)]
    return urls


def not_found_pages(site_root: Path) -> list[str]:
    """Each language's 404.html, relative to the site root."""
    return [f"{folder}404.html" for folder in LANGUAGE_DIRS if (site_root / folder / "404.html").is_file()]


def html_files(site_root: Path) -> list[Path]:
    return sorted(site_root.rglob("*.html"))
