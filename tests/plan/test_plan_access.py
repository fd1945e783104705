"""Accessibility of the plan (safety.md A11Y-*): axe finds nothing in any state (empty,
filled, asking before printing, cleared, without JavaScript, on paper), in light and dark,
on a 360 px phone; it works by keyboard alone with visible focus; rows are 44 px; without
JavaScript it is a blank worksheet that prints with lines to write on."""

from __future__ import annotations

import re

import pytest
from plan_browser import MARKER, PLAN_PAGES, fill, typed

from harness.axe import axe_violations, format_violations

pytestmark = pytest.mark.browser
LANGS = pytest.mark.parametrize("plan_page", PLAN_PAGES, ids=lambda p: p.code)


def _axe(page) -> str:
    page.evaluate("window.scrollTo(0, 0)")  # nothing under the sticky bars (see test_quiz_accessibility)
    return format_violations(axe_violations(page))


@LANGS
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_in_every_state_on_a_phone(open_page, plan_page, scheme):
    page = open_page(plan_page.path, width=360, height=740, color_scheme=scheme, reduced_motion="reduce")
    found = {"empty": _axe(page)}
    fill(page)
    found["filled"] = _axe(page)
    page.click("#plan-print")
    found["asking before printing"] = _axe(page)
    page.click("#plan-copy")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#plan-clear")
    found["cleared"] = _axe(page)
    page.emulate_media(media="print")
    found["print view"] = _axe(page)
    assert {state: v for state, v in found.items() if v} == {}


@LANGS
def test_axe_without_javascript(open_page, site, plan_page):
    """axe itself needs JavaScript, so the page is served as a browser without it shows it:
    every <script> taken out and the <noscript> content shown."""
    html = (site.root / plan_page.path / "index.html").read_text(encoding="utf-8")
    html = re.sub(r"</?noscript>", "", re.sub(r"<script\b.*?</script>", "", html, flags=re.S))
    page = open_page(None, width=360, height=740)
    page.route(site.url(plan_page.path), lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(site.url(plan_page.path))
    assert page.locator(".plan__nojs").is_visible() and not page.locator("#plan-buttons").is_visible()
    assert _axe(page) == ""


@LANGS
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_360px_phone_never_scrolls_sideways(open_page, plan_page, scheme):
    page = open_page(plan_page.path, width=360, height=740, color_scheme=scheme)
    fill(page)
    page.click("#plan-print")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    boxes = page.locator("#plan input, #plan button:visible").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect()).map(r => [r.left, r.right])")
    assert all(left >= 0 and right <= 360 for left, right in boxes)


def test_rows_are_44px_and_boxes_24px(open_page):
    page = open_page("my-plan/", width=360, height=740)
    rows = page.locator("#plan .plan__check-item label").evaluate_all("""labels => labels.map(label => {
        const row = label.getBoundingClientRect(), box = label.control.getBoundingClientRect();
        return [row.height, box.width, box.height]; })""")
    fields = page.locator("#plan input[type=text]").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert rows and all(row >= 44 and width >= 24 and height >= 24 for row, width, height in rows), rows
    assert fields and all(height >= 44 for height in fields), fields


@LANGS
def test_the_whole_plan_works_by_keyboard_alone(open_page, plan_page):
    page = open_page(plan_page.path)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    first = page.locator("#plan input").first.get_attribute("id")
    for _ in range(120):  # from the top of the page, past the exit bar, menus and intro links
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == first:
            break
    else:
        pytest.fail("Tab never reached the plan's first field")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus is visible
    page.keyboard.press("Space")
    assert typed(page)["checked"] == 1
    while page.evaluate("document.activeElement.type") != "text":
        page.keyboard.press("Tab")
    page.keyboard.type(MARKER)
    assert typed(page)["text"] == [MARKER]
    while page.evaluate("document.activeElement.id") != "plan-print":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "plan-check"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Print now
    assert page.evaluate("window.__printed") == 1


@LANGS
def test_without_javascript_a_blank_worksheet_prints_with_lines(open_page, site, plan_page):
    page = open_page(plan_page.path, width=360, height=740, javascript=False)
    assert not page.locator("#plan-buttons").is_visible()
    assert page.locator(".plan__nojs").is_visible()
    field = page.locator("#plan input[type=text]").first
    field.fill(MARKER)
    field.press("Enter")  # a dialog form goes nowhere, even without the script
    page.wait_for_timeout(300)
    assert page.url == site.url(plan_page.path)
    field.fill("")
    page.emulate_media(media="print")
    assert not page.locator(".safety-bar").is_visible() and not page.locator(".plan__nojs").is_visible()
    lines = page.locator("#plan .plan__line")
    assert lines.count() > 0 and lines.first.is_visible()
    style = field.evaluate("e => [getComputedStyle(e).borderBottomStyle, getComputedStyle(e).borderTopStyle]")
    assert style == ["solid", "none"]  # a line to write on, not a box
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
