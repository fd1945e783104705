"""axe-core from npm (tools/package-lock.json, installed offline by `make test` beside
vnu-jar), run inside the page: WCAG 2.x A/AA, 2.2 AA and best-practice rules (safety.md A11Y-1).

The script is injected with page.evaluate, which the page's Content-Security-Policy does not
govern (a <script> tag would be blocked, and the guard would fail the test)."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from harness import tally

REPO = Path(__file__).resolve().parents[2]
AXE_JS = Path(os.environ.get("AXE_JS", REPO / "tools" / "node_modules" / "axe-core" / "axe.min.js"))
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# The rules whose findings can change with the colour scheme alone: the only ones that read
# colours. Everything else they read (the DOM, what is shown, where, how big) is compared by
# layout_signature before the light page's full run is trusted for the dark one (check_schemes).
COLOUR_RULES = ("color-contrast", "link-in-text-block")
SETTLE_MS = 1500

# What every rule but COLOUR_RULES reads of an element, colours left out: its attributes and
# text, whether and where it is shown, how it scrolls and its generated content. A SHA-256 of
# the whole page's list, so two states compare in one string.
_SIGNATURE_JS = """async () => {
  const props = ['display', 'visibility', 'opacity', 'position', 'overflow-x', 'overflow-y', 'clip',
    'clip-path', 'content-visibility', 'pointer-events', 'font-size', 'font-weight', 'line-height',
    'letter-spacing', 'word-spacing', 'text-transform', 'transform', 'z-index', 'cursor'];
  const rows = [];
  // Open shadow roots too (Zensical's search dialog lives in one): axe reads them.
  const walk = root => { for (const el of root.querySelectorAll('*')) {
    const style = getComputedStyle(el), box = el.getBoundingClientRect();
    rows.push([el.tagName, [...el.attributes].map(a => a.name + '=' + a.value).join(' '),
      props.map(p => style.getPropertyValue(p)).join('|'),
      getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content,
      [box.x, box.y, box.width, box.height].map(Math.round).join(','), el.scrollWidth, el.scrollHeight,
      [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('')]);
    if (el.shadowRoot) { rows.push('#shadow-root'); walk(el.shadowRoot); rows.push('/#shadow-root'); }
  } };
  walk(document);
  const bytes = new TextEncoder().encode(JSON.stringify([rows, innerWidth, innerHeight, scrollX, scrollY]));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('');
}"""


@functools.cache
def axe_source() -> str:
    if not AXE_JS.is_file():
        raise FileNotFoundError(
            f"{AXE_JS} is missing: run `make test` (it runs `npm ci` in tools/), or "
            "`cd tools && npm ci --ignore-scripts`.")
    return AXE_JS.read_text(encoding="utf-8")


def axe_version() -> str:
    import json
    return json.loads((AXE_JS.parent / "package.json").read_text(encoding="utf-8"))["version"]


def inject(page) -> None:
    """axe into the page, once per document."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())


def axe_run(page, context=None, *, rules=None, result_types=("violations",)) -> dict:
    """axe.run's whole response. `rules` limits the run to those rule ids (else TAGS);
    result_types lists the result kinds that carry every node (axe's resultTypes): the
    others still list their rules, with one node each, which is cheaper."""
    inject(page)
    run_only = {"type": "rule", "values": list(rules)} if rules else {"type": "tag", "values": TAGS}
    options = {"runOnly": run_only, "resultTypes": list(result_types)}
    tally.count("axe runs" + (" (some rules)" if rules else " (full rule set)"))
    return page.evaluate("([context, options]) => axe.run(context || document, options)", [context, options])


def axe_violations(page, rules=None) -> list[dict]:
    """Every violation with all its nodes: the full rule set, or only `rules`."""
    return axe_run(page, rules=rules)["violations"]


def layout_signature(page) -> str:
    """A hash of everything about the page that axe's rules read, except colours."""
    return page.evaluate(_SIGNATURE_JS)


@dataclass
class SchemeCheck:
    scheme: str
    dark_media: bool  # what the page saw: matchMedia('(prefers-color-scheme: dark)')
    violations: list[dict]
    rules: str  # "full"; "colour" (the light page's full run stands for the rest); "colour+full"


def check_schemes(open_page, path: str, *, width: int, height: int) -> list[SchemeCheck]:
    """axe on a page at one viewport, loaded afresh in light and in dark (open_page: the
    fixture). Light gets the full rule set. Dark gets COLOUR_RULES, and the full rule set too
    unless its layout_signature equals the light page's: then every other rule reads the same
    page and would find what it found in light. Each signature is taken after its page's run;
    a page still settling (the search index loads in the background) is given SETTLE_MS to
    match before the full rule set runs in dark as well."""
    light_page = open_page(path, width=width, height=height, color_scheme="light")
    light_page.wait_for_load_state("networkidle")
    light = SchemeCheck("light", _dark_media(light_page), axe_violations(light_page), "full")
    dark_page = open_page(path, width=width, height=height, color_scheme="dark")
    dark_page.wait_for_load_state("networkidle")
    found = axe_violations(dark_page, rules=COLOUR_RULES)
    dark = SchemeCheck("dark", _dark_media(dark_page), found, "colour")
    for _ in range(SETTLE_MS // 250 + 1):
        if layout_signature(dark_page) == layout_signature(light_page):
            return [light, dark]
        dark_page.wait_for_timeout(250)
    tally.count("dark pages that differ beyond colour (full rule set in dark too)")
    dark.violations += [v for v in axe_violations(dark_page) if v["id"] not in COLOUR_RULES]
    dark.rules = "colour+full"
    return [light, dark]


def _dark_media(page) -> bool:
    return page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)
