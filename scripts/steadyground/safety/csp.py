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

from steadyground.safety.allowlist import SVG, elements, parse_document

_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.I)

# Each fetch directive is scoped to the site's own path from site_url (CSP path matching),
# not 'self': on a GitHub Pages project site 'self' would also cover every other Pages
# site of the same owner. {base} is site_url, e.g. https://steady-ground.github.io/steady-ground/.
SCOPED_DIRECTIVES = (
    ("style-src", "{base}assets/stylesheets/"),
    ("img-src", "{base} data:"),  # data: for Material's SVG icons used as CSS masks
    ("font-src", "{base}assets/"),
    ("connect-src", "{base}"),  # search index and instant navigation
    ("worker-src", "{base}assets/javascripts/workers/"),  # the search worker
)
FIXED_DIRECTIVES = (
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",  # no form can ever be submitted (PRIV-8)
    "object-src 'none'",
)
SCRIPTS_PATH = "assets/javascripts/"  # our bundle and Material's; nothing else may run


def policy_base(site_url: str | None) -> str | None:
    """The site's own address as a source expression, or None when site_url has no host."""
    if site_url and re.match(r"^https?://[^/]+", site_url):
        return site_url if site_url.endswith("/") else site_url + "/"
    return None


def inline_scripts(html: str) -> list[str]:
    """Return the text of every executable inline <script> (JSON data blocks excluded), as
    the browser reads the page (allowlist.parse_document): a <script> written inside a
    comment or an attribute is not one, and no regular expression backtracks over it."""
    found = []
    for element in elements(parse_document(html)):
        if element.tag not in ("script", SVG + "script") or "src" in element.attrib \
                or "application/json" in (element.get("type") or "").lower():
            continue
        found.append("".join(element.itertext()))
    return found


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def build_policy(hashes: list[str], *, upgrade_insecure: bool, site_url: str | None = None) -> str:
    base = policy_base(site_url)
    if base is None:  # no host in site_url (a local preview): 'self' for every fetch directive
        script_own = "'self'"
        scoped = [f"{name} 'self'" + (" data:" if "data:" in value else "") for name, value in SCOPED_DIRECTIVES]
    else:
        script_own = base + SCRIPTS_PATH
        scoped = [f"{name} {value.format(base=base)}" for name, value in SCOPED_DIRECTIVES]
    script_src = " ".join([f"script-src {script_own}", *sorted(set(hashes))])
    directives = ["default-src 'none'", script_src, *scoped, *FIXED_DIRECTIVES]
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

    def __init__(self, *, upgrade_insecure: bool, site_url: str | None = None) -> None:
        self.upgrade_insecure = upgrade_insecure
        self.site_url = site_url
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
        return insert_policy(html, build_policy(hashes, upgrade_insecure=self.upgrade_insecure, site_url=self.site_url))
