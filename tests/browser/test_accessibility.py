"""Accessibility beyond axe (safety.md A11Y-6, A11Y-8, A11Y-9): reflow at 320 px, focus
always visible and never hidden under the sticky bars, and no motion when the reader
asks for less."""

from __future__ import annotations

import pytest

from harness.axe import axe_violations, format_violations

LONG_PAGE = "articles/research-summary/"
_SETTLE = """async () => { let last = -1, same = 0;
  while (same < 3) { await new Promise(r => requestAnimationFrame(r));
    same = scrollY === last ? same + 1 : 0; last = scrollY; } }"""


def test_no_horizontal_scrolling_at_320px(site, open_page):
    page = open_page(None, width=320, height=640)
    too_wide = []
    for url in site.page_urls():
        page.goto(url)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 320:
            too_wide.append(f"{url}: {width}px")
    assert too_wide == []


@pytest.mark.parametrize("width,height", [(375, 740), (1280, 900)])
def test_focus_is_visible_and_not_hidden_under_the_sticky_bars(open_page, width, height):
    page = open_page(LONG_PAGE, width=width, height=height)
    problems = []
    for step in range(60):
        page.keyboard.press("Tab")
        page.evaluate(_SETTLE)  # the browser may still be scrolling the focused element into view
        state = page.evaluate("""() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            // One point per line box: a link that wraps has a box per line.
            const points = [...el.getClientRects()].map(r => [r.left + r.width / 2, r.top + r.height / 2]);
            // Material's open-search overlay only dims the page, so it does not hide focus.
            const shows = (x, y) => { const at = document.elementFromPoint(x, y);
                return at && (el.contains(at) || at.classList.contains('md-search__overlay')); };
            const seen = points.some(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && shows(x, y));
            const indicator = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
                || style.boxShadow !== 'none' || style.textDecorationLine.includes('underline');
            return {name: el.tagName + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 30),
                    seen, indicator, hidden: box.width === 0 || box.height === 0};
        }""")
        if state is None or state["hidden"]:
            continue
        if not state["seen"] or not state["indicator"]:
            problems.append(state)
    assert problems == [], "\n".join(map(str, problems))


def test_no_animation_with_reduced_motion(open_page):
    page = open_page(LONG_PAGE, reduced_motion="reduce")
    page.keyboard.press("Shift")
    assert page.evaluate("document.getAnimations().length") == 0
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") != "smooth"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hovered_links_keep_their_contrast(open_page, scheme):
    page = open_page(LONG_PAGE, color_scheme=scheme)
    page.locator("article a[href]:not(.headerlink)").first.hover()
    violations = axe_violations(page, rules=["color-contrast"])
    assert violations == [], format_violations(violations)
