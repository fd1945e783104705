"""axe-core through axe-playwright-python (bundled, offline): WCAG 2.x A/AA, 2.2 AA and
best-practice rules (safety.md A11Y-1)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_AXE = Axe()


def axe_violations(page) -> list[dict]:
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    return results.response["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)
