"""The site's Content-Security-Policy (safety.md SEC-1, SEC-2, SEC-3).

GitHub Pages cannot send headers, so the policy is a <meta> placed straight after
<meta charset>. Material writes a few inline scripts; they are allowed by their sha256,
computed from the built page. Instant navigation keeps the first page's policy, so the
policy must be the same on every page: a page whose theme scripts differ is an error.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.I)

STATIC_DIRECTIVES = (
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",  # data: for Material's SVG icons used as CSS masks
    "font-src 'self'",
    "connect-src 'self'",  # search index and instant navigation
    "worker-src 'self'",  # the search worker
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",  # no form can ever be submitted (PRIV-8)
    "object-src 'none'",
)


def inline_scripts(html: str) -> list[str]:
    """Return the text of every executable inline <script> (JSON data blocks excluded)."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs").lower()
        if "src=" in attrs or "application/json" in attrs:
            continue
        found.append(match.group("body"))
    return found


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def build_policy(hashes: list[str], *, upgrade_insecure: bool) -> str:
    script_src = " ".join(["script-src 'self'", *sorted(set(hashes))])
    directives = [STATIC_DIRECTIVES[0], script_src, *STATIC_DIRECTIVES[1:]]
    if upgrade_insecure:
        directives.append("upgrade-insecure-requests")
    return "; ".join(directives)


def insert_policy(html: str, policy: str) -> str:
    """Put the CSP meta right after <meta charset>, before any script, style or link."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    result, count = _CHARSET.subn(lambda m: m.group(0) + meta, html, count=1)
    if count != 1:
        raise ValueError('no <meta charset="utf-8"> to anchor the Content-Security-Policy')
    return result


class SitePolicy:
    """Collects the theme's inline-script hashes once per build and checks every page
    against them, so the policy is identical everywhere."""

    def __init__(self, *, upgrade_insecure: bool) -> None:
        self.upgrade_insecure = upgrade_insecure
        self.hashes: list[str] | None = None
        self.first_source: str | None = None

    def apply(self, html: str, source: str) -> str:
        hashes = sorted({script_hash(text) for text in inline_scripts(html)})
        if self.hashes is None:
            self.hashes, self.first_source = hashes, source
        elif hashes != self.hashes:
            extra = sorted(set(hashes) - set(self.hashes))
            raise ValueError(
                f"{source}: its inline scripts differ from {self.first_source} "
                f"(new: {', '.join(extra) or 'none'}). The Content-Security-Policy must be the "
                "same on every page, because instant navigation keeps the first page's policy. "
                "Move the script into a .js file."
            )
        return insert_policy(html, build_policy(hashes, upgrade_insecure=self.upgrade_insecure))
