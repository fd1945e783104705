"""The site's colours: a calm primary colour, and dark colours that follow the device
setting, without Material's palette feature.

The primary is a deep sea green chosen for calm (issue 13: the site should not read as a
software manual); white header text on it and links in it keep WCAG AA (4.5:1). The link
colour for dark mode is derived from it here, so the two can never drift apart.

Material's palette toggle remembers the reader's choice in localStorage (safety.md
PRIV-6), and its palette stylesheet costs every page 2 KB. Instead we take Material's own
dark ("slate") rules from that stylesheet at build time and apply them to the page inside
@media (prefers-color-scheme: dark). Deriving them keeps the colours right after a
Material upgrade, and it works without JavaScript.
"""

from __future__ import annotations

import re

_SLATE = "[data-md-color-scheme=slate]"
# Not one of Material's palette names, so none of its per-primary rules apply.
PRIMARY_NAME = "calm"
PRIMARY = "#2e5e5a"           # header and buttons; links on white
PRIMARY_LIGHT = "#4c7b76"
PRIMARY_DARK = "#1f4440"
AA = 4.5


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


def dark_scheme_css(palette_css: str, primary: str = PRIMARY_NAME) -> str:
    rules = _dark_rules(re.sub(r"/\*.*?\*/", "", palette_css, flags=re.S), primary)
    if not rules:
        raise ValueError("Material's palette stylesheet has no dark (slate) rules to derive from")
    return "@media (prefers-color-scheme: dark){" + "".join(rules) + "}\n"


# Colour arithmetic (WCAG 2.x relative luminance) ----------------------------------------


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(hex_colour: str) -> float:
    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = map(linear, _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def slate_background(palette_css: str) -> str:
    """Material's dark page background, hsl(--md-hue, 15%, 14%), as hex."""
    import colorsys
    found = re.search(r"--md-hue:\s*(\d+(?:\.\d+)?)", palette_css)
    hue = float(found.group(1)) if found else 232.0  # Material's default hue
    return _hex(colorsys.hls_to_rgb(hue / 360, 0.14, 0.15))


def lightened_until_readable(colour: str, background: str, ratio: float = AA + 0.5) -> str:
    """Mix the colour with white in small steps until it reads on the background."""
    rgb = _rgb(colour)
    for step in range(101):
        mixed = _hex([c + (1 - c) * step / 100 for c in rgb])
        if contrast(mixed, background) >= ratio:
            return mixed
    raise ValueError(f"no tint of {colour} reaches {ratio}:1 on {background}")


def site_colours_css(palette_css: str) -> str:
    """Light colours from the calm primary, then the dark scheme with a link colour
    derived from the same primary for Material's dark background."""
    light = (f":root{{--md-primary-fg-color:{PRIMARY};--md-primary-fg-color--light:{PRIMARY_LIGHT};"
             f"--md-primary-fg-color--dark:{PRIMARY_DARK};--md-accent-fg-color:{PRIMARY_DARK};"
             f"--md-accent-fg-color--transparent:{PRIMARY}1a;--md-typeset-a-color:{PRIMARY}}}\n")
    dark_link = lightened_until_readable(PRIMARY, slate_background(palette_css))
    dark = dark_scheme_css(palette_css)
    return light + dark + (f"@media (prefers-color-scheme: dark){{:root{{--md-typeset-a-color:{dark_link};"
                           f"--md-accent-fg-color:{dark_link}}}}}\n")
