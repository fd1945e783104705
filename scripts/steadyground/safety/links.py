"""Links to other sites (safety.md SEC-6): every one gets rel="noopener noreferrer", so
the other site is not told which page the reader came from, and none opens a new tab
(new tabs and windows leave more traces).

The content is read with the gate's parser (a browser's reading, allowlist.py), the anchors
changed in the tree and the tree written back out, so an attribute value can never be cut
open by the rewrite (issue 22: a regular expression inserted quotes inside a title= that
closed it). Content with no link to change is returned as it came.
"""

from __future__ import annotations

import re

from justhtml import JustHTML

from steadyground.safety.allowlist import browser_url

_EXTERNAL = re.compile(r"^(?:https?:)?//", re.I)
_REQUIRED = ("noopener", "noreferrer")


def harden_external_links(html: str) -> str:
    if "<" not in html:
        return html
    fragment = JustHTML(html, sanitize=False, scripting_enabled=True, fragment=True).root
    changed = False
    stack = [fragment]
    while stack:
        node = stack.pop()
        content = getattr(node, "template_content", None)
        stack.extend((content.children if content is not None else getattr(node, "children", None)) or [])
        if getattr(node, "name", "") != "a" or getattr(node, "namespace", None) not in (None, "html"):
            continue
        attrs = node.attrs
        if not _EXTERNAL.match(browser_url(attrs.get("href") or "")):
            continue
        values = (attrs.get("rel") or "").split()
        wanted = " ".join(values + [value for value in _REQUIRED if value not in values])
        if "target" in attrs or attrs.get("rel") != wanted:
            attrs.pop("target", None)
            attrs["rel"] = wanted
            changed = True
    return fragment.to_html(pretty=False) if changed else html
