"""Dark colours that follow the device setting, without Material's palette toggle.

Material's toggle remembers the choice in localStorage (safety.md PRIV-6). Instead we take
Material's own dark ("slate") rules from its palette stylesheet at build time and apply
them to the default scheme inside @media (prefers-color-scheme: dark). Deriving them keeps
the colours right after a Material upgrade, and works without JavaScript.
"""

from __future__ import annotations

import re

_SLATE = "[data-md-color-scheme=slate]"
_DEFAULT = "[data-md-color-scheme=default]"


def _top_level_rules(css: str) -> list[tuple[str, str]]:
    """Split a minified stylesheet into (prelude, body) pairs at brace depth zero."""
    rules, depth, start, prelude = [], 0, 0, ""
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:index].strip(), index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append((prelude, css[start:index]))
                start = index + 1
    return rules


def _dark_rules(css: str) -> list[str]:
    out = []
    for prelude, body in _top_level_rules(css):
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = _dark_rules(body)
            if inner:
                out.append(prelude + "{" + "".join(inner) + "}")
            continue
        selectors = [s for s in prelude.split(",") if _SLATE in s and ":not(" not in s]
        if selectors:
            out.append(",".join(s.replace(_SLATE, _DEFAULT) for s in selectors) + "{" + body + "}")
    return out


def dark_scheme_css(palette_css: str) -> str:
    rules = _dark_rules(re.sub(r"/\*.*?\*/", "", palette_css, flags=re.S))
    if not rules:
        raise ValueError("Material's palette stylesheet has no dark (slate) rules to derive from")
    return "@media (prefers-color-scheme: dark){" + "".join(rules) + "}\n"
