"""Every page of a built site: the sitemap's URLs plus 404.html."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(site_root: Path) -> list[str]:
    tree = ET.parse(site_root / "sitemap.xml")
    return [loc.text.strip() for loc in tree.getroot().findall("s:url/s:loc", _NS)]


def html_files(site_root: Path) -> list[Path]:
    return sorted(site_root.rglob("*.html"))
