"""test_every_page runs axe's full rule set on each page in light and only the colour rules in
dark, unless the dark page differs from the light one in more than colour (harness/axe.py
check_schemes). Here, on pages seeded with one violation of each kind a variant can hide, that
finds exactly what the full rule set finds on every variant: nothing is lost."""

from __future__ import annotations

import pytest

from harness.axe import COLOUR_RULES, axe_violations, check_schemes
from harness.browser import GuardedPages, PageGuard
from harness.build import REPO
from steadyground.bench.static_server import serve_directory

SEEDED = REPO / "tests" / "fixtures" / "axe-seeded"
VIEWPORTS = {"phone": (375, 740), "desktop": (1280, 900)}  # test_every_page's
SEEDS = {  # rule -> where it was seeded (tests/fixtures/axe-seeded/seeded.css)
    "label": {"phone light", "phone dark", "desktop light", "desktop dark"},
    "target-size": {"phone light", "phone dark"},
    "button-name": {"desktop light", "desktop dark"},
    "color-contrast": {"phone dark", "desktop dark"},
    "link-in-text-block": {"phone dark", "desktop dark"},
}
DARK_ONLY_PART = {"image-alt": {"phone dark", "desktop dark"}}  # shown only in dark, not a colour


@pytest.fixture(scope="module")
def seeded():
    served = serve_directory(SEEDED)
    yield served
    served.stop()


@pytest.fixture
def open_seeded(seeded, browser):
    pages = GuardedPages(browser, PageGuard(site_origin=seeded.origin, exit_url="http://exit.invalid/"),
                         seeded.base_url)
    yield pages.open
    assert pages.close() == []


def _findings(violations) -> set[tuple[str, str]]:
    return {(v["id"], " ".join(map(str, node["target"]))) for v in violations for node in v["nodes"]}


def _full_rule_set_everywhere(open_seeded, path, width, height) -> dict[str, set]:
    found = {}
    for scheme in ("light", "dark"):
        page = open_seeded(path, width=width, height=height, color_scheme=scheme)
        page.wait_for_load_state("networkidle")
        found[scheme] = _findings(axe_violations(page))
    return found


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path,seeds,dark_rules", [
    ("colour-only-dark/", SEEDS, "colour"),  # the light run stands for dark's other rules
    ("dark-only-part/", {**SEEDS, **DARK_ONLY_PART}, "colour+full"),  # it cannot: full set in dark
])
def test_no_finding_is_lost_in_any_variant(open_seeded, path, seeds, dark_rules, viewport):
    width, height = VIEWPORTS[viewport]
    full = _full_rule_set_everywhere(open_seeded, path, width, height)
    expected = {scheme: {rule for rule, where in seeds.items() if f"{viewport} {scheme}" in where}
                for scheme in ("light", "dark")}
    assert {scheme: {rule for rule, _ in found} for scheme, found in full.items()} == expected  # seeds work

    light, dark = check_schemes(open_seeded, path, width=width, height=height)
    assert (light.rules, dark.rules) == ("full", dark_rules)
    assert _findings(light.violations) == full["light"]
    stood_for = set()  # what the light run's findings say of dark, when they stand for it
    if dark.rules == "colour":
        stood_for = {finding for finding in _findings(light.violations) if finding[0] not in COLOUR_RULES}
    assert _findings(dark.violations) | stood_for == full["dark"]
