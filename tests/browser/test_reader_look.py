"""The reading look and Material layout fixes (issue 13): the sidebar stays below the
header after scrolling, the safety callout has its own icon, headings use the full text
colour, and glossary tooltips sit inside a landmark."""

from __future__ import annotations

import pytest

from harness.axe import axe_violations, format_violations

ARTICLE = "articles/healing/"


def test_sidebar_entries_stay_below_the_header_after_scrolling(open_page):
    page = open_page("articles/research-summary/", width=1280, height=900)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(400)
    state = page.evaluate("""() => {
        const header = document.querySelector('.md-header').getBoundingClientRect();
        return [...document.querySelectorAll('.md-sidebar .md-nav__list > .md-nav__item > .md-nav__link')]
          .filter(a => a.checkVisibility()).slice(0, 3).map(a => {
            const r = a.getBoundingClientRect(), at = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
            return {text: a.textContent.trim(), top: r.top, headerBottom: header.bottom, seen: !!at && a.contains(at)};
          });
    }""")
    assert state, "no sidebar entries found"
    hidden = [s for s in state if not s["seen"] or s["top"] < s["headerBottom"]]
    assert hidden == [], hidden


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_safety_callout_has_its_own_icon_and_calm_frame(open_page, scheme):
    page = open_page(ARTICLE, color_scheme=scheme)
    look = page.evaluate("""() => {
        const title = document.querySelector('.admonition.safety > .admonition-title');
        const icon = getComputedStyle(title, '::before');
        const note = getComputedStyle(document.documentElement).getPropertyValue('--md-admonition-icon--note').trim();
        return {icon: icon.maskImage || icon.webkitMaskImage, note,
                border: getComputedStyle(title.parentElement).borderLeftColor,
                primary: getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color').trim()};
    }""")
    assert "svg" in look["icon"] and "M16 3.23" in look["icon"], look["icon"][:120]
    assert look["note"] and look["note"] != look["icon"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_headings_use_the_full_text_colour(open_page, scheme):
    page = open_page(ARTICLE, color_scheme=scheme)
    colours = page.evaluate("""() => ({h1: getComputedStyle(document.querySelector('article h1')).color,
                                       text: getComputedStyle(document.querySelector('article p')).color})""")
    assert colours["h1"] == colours["text"]


@pytest.mark.parametrize("width", [375, 1280])
def test_glossary_tooltip_sits_in_a_landmark(open_page, width):
    page = open_page(ARTICLE, width=width, height=740)
    page.wait_for_load_state("networkidle")
    term = page.locator("article abbr:visible").first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator("[role=tooltip]")
    tooltip.first.wait_for()
    assert page.evaluate("() => !!document.querySelector('[role=tooltip]').closest('main')")
    box, anchor = tooltip.first.bounding_box(), term.bounding_box()
    assert abs(box["y"] - (anchor["y"] + anchor["height"])) < 40  # still placed by its term
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_open_search_with_results_has_no_axe_violations(open_page, width, scheme):
    page = open_page("", width=width, height=740, color_scheme=scheme)
    page.wait_for_load_state("networkidle")
    if width < 960:
        page.locator(".md-header__button[for=__search]").click()
    else:
        page.locator(".md-search__input").focus()
    page.keyboard.type("grief", delay=20)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list a[href]').length > 0")
    page.mouse.move(1, 700)  # no hover tooltip left under the pointer from the click
    page.wait_for_timeout(600)  # results and tooltips fade; axe would measure mid-fade
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)
