"""Dark colours that follow the device setting, without Material's palette feature.

Material's palette toggle remembers the reader's choice in localStorage (safety.md
PRIV-6), and its palette stylesheet costs every page 2 KB. Instead we take Material's own
dark ("slate") rules from that stylesheet at build time and apply them to the page inside
@media (prefers-color-scheme: dark). Deriving them keeps the colours right after a
Material upgrade, and it works without JavaScript.
"""

from __future__ import annotations

import re

_SLATE = "[data-md-color-scheme=slate]"


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


def _as_root(selector: str, primary: str) -> str | None:
    """`[scheme=slate]` becomes `:root`; a slate rule for our primary colour applies too;
    rules for other primary colours, and light-only rules, do not."""
    if _SLATE not in selector or ":not(" in selector:
        return None
    selector = selector.replace(f"[data-md-color-primary={primary}]", "")
    if "data-md-color-" in selector.replace(_SLATE, ""):
        return None
    return selector.replace(_SLATE, ":root", 1).replace(_SLATE, "")


def _dark_rules(css: str, primary: str) -> list[str]:
    out = []
    for prelude, body in _top_level_rules(css):
        if prelude.startswith(("@media", "@supports")):
            inner = _dark_rules(body, primary)
            if inner:
                out.append(prelude + "{" + "".join(inner) + "}")
            continue
        selectors = [s for s in (_as_root(s.strip(), primary) for s in prelude.split(",")) if s]
        if selectors:
            out.append(",".join(selectors) + "{" + body + "}")
    return out


def dark_scheme_css(palette_css: str, primary: str = "indigo") -> str:
    rules = _dark_rules(re.sub(r"/\*.*?\*/", "", palette_css, flags=re.S), primary)
    if not rules:
        raise ValueError("Material's palette stylesheet has no dark (slate) rules to derive from")
    return "@media (prefers-color-scheme: dark){" + "".join(rules) + "}\n"
