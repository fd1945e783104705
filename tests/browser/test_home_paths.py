"""The three reader paths on the home page (issue 12) are real tap targets: at least 44 px
tall and wide on a phone, a visible focus outline from the keyboard, and AA contrast in
light and dark (axe, on the cards only, so a failure names them)."""

from __future__ import annotations

import pytest

from harness.axe import axe_run, format_violations

MIN_TARGET = 44  # px, WCAG 2.5.5 (AAA) size; well above 2.5.8's 24 px


@pytest.mark.parametrize("width,height", [(320, 640), (1280, 900)])
def test_reader_path_cards_are_at_least_44px(open_page, width, height):
    page = open_page("", width=width, height=height)
    boxes = page.locator(".home-paths a").evaluate_all(
        "cards => cards.map(c => { const r = c.getBoundingClientRect(); return [r.width, r.height]; })")
    assert len(boxes) == 3
    small = [box for box in boxes if min(box) < MIN_TARGET]
    assert small == [], f"cards smaller than {MIN_TARGET}px: {small}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reader_path_cards_show_keyboard_focus(open_page, scheme):
    page = open_page("", width=375, height=740, color_scheme=scheme)
    focused = []
    for _ in range(80):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => { const el = document.activeElement;
            if (!el || !el.closest('.home-paths')) return null;
            const s = getComputedStyle(el);
            return {href: new URL(el.href).hash, style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")
        if state:
            focused.append(state)
        if len(focused) == 3:
            break
    assert [f["href"] for f in focused] == [
        "#thinking-about-no-contact", "#you-went-no-contact-and-it-is-hard", "#you-cannot-cut-contact"]
    assert all(f["style"] != "none" and f["width"] >= 2 for f in focused), focused


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reader_path_cards_have_aa_contrast(open_page, scheme):
    page = open_page("", width=375, height=740, color_scheme=scheme)
    results = axe_run(page, ".home-paths", rules=["color-contrast"], result_types=("violations", "passes"))
    violations = results["violations"]
    assert violations == [], format_violations(violations)
    checked = results["passes"]
    assert checked and checked[0]["nodes"], "axe checked no text in the cards"
