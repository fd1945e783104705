"""Links to other sites (safety.md SEC-6): every one gets rel="noopener noreferrer", so
the other site is not told which page the reader came from, and none opens a new tab
(new tabs and windows leave more traces)."""

from __future__ import annotations

import re

_ANCHOR = re.compile(r"<a\b(?P<attrs>[^>]*)>", re.I)
_HREF = re.compile(r"""\bhref=(["'])(?P<url>[^"']*)\1""", re.I)
_REL = re.compile(r"""\s\brel=(["'])(?P<rel>[^"']*)\1""", re.I)
_TARGET = re.compile(r"""\s\btarget=(["'])[^"']*\1""", re.I)
_EXTERNAL = re.compile(r"^(?:https?:)?//", re.I)
_REQUIRED = ("noopener", "noreferrer")


def _harden(match: re.Match) -> str:
    attrs = match.group("attrs")
    href = _HREF.search(attrs)
    if not href or not _EXTERNAL.match(href.group("url")):
        return match.group(0)
    attrs = _TARGET.sub("", attrs)
    rel = _REL.search(attrs)
    values = rel.group("rel").split() if rel else []
    values += [value for value in _REQUIRED if value not in values]
    attrs = _REL.sub("", attrs) + f' rel="{" ".join(values)}"'
    return f"<a{attrs}>"


def harden_external_links(html: str) -> str:
    return _ANCHOR.sub(_harden, html)
