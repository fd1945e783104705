"""Every page on a small phone, 320 and 360 px wide (issue 13, WCAG 1.4.10, 2.5.8, safety.md
A11Y-5, A11Y-9): nothing is wider than the box it scrolls in unless that box shows a way
to scroll, no phone or text link is broken over two lines, and every phone and text link
is at least 44x44 px (GOV.UK's touch target)."""

from __future__ import annotations

import pytest
from test_every_page import _page_paths

WIDTHS = [320, 360]
# Every page, both languages (the help page's tables became cards when the WORDS branch merged).
PAGES = _page_paths()

OVERFLOW = """() => {
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.classList.length ? '.' + [...el.classList].join('.') : '') + ' "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 30) + '"';
  const vw = document.documentElement.clientWidth, found = new Map();
  if (document.scrollingElement.scrollWidth > vw) found.set('page', `the page scrolls sideways (${document.scrollingElement.scrollWidth}px)`);
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.md-sidebar--primary, .md-search, .visually-hidden, .qe-skiplink, .md-skip')) continue;  // off screen until used
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    let box_of = el.parentElement;
    while (box_of && box_of !== document.body && getComputedStyle(box_of).overflowX === 'visible') box_of = box_of.parentElement;
    const scroller = box_of && box_of !== document.body ? box_of : null;
    const edge = scroller ? scroller.getBoundingClientRect().right : vw;
    if (box.right <= edge + 1 || box.left >= edge) continue;
    if (!scroller) { found.set(el, `${name(el)} is ${Math.round(box.width)}px wide, past the page edge`); continue; }
    const s = getComputedStyle(scroller);
    if (s.textOverflow === 'ellipsis' || style.textOverflow === 'ellipsis') continue;  // shortened on purpose, with "..."
    const scrolls = s.overflowX === 'auto' || s.overflowX === 'scroll';
    const showsScrollbar = scroller.offsetHeight - scroller.clientHeight > 0;
    if (scrolls && (showsScrollbar || scroller.tabIndex >= 0)) continue;
    if (!found.has(scroller)) found.set(scroller, `${name(el)} is cut off in ${name(scroller)} (overflow-x: ${s.overflowX}, no visible way to scroll)`);
  }
  return [...found.values()];
}"""

PHONE_LINKS = """() => [...document.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')]
  .filter(a => a.checkVisibility() && !a.closest('.md-sidebar--primary, .md-search'))
  .map(a => { const range = document.createRange(); range.selectNodeContents(a);
    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
    const box = a.getBoundingClientRect();
    return {text: a.textContent.trim().replace(/\\s+/g, ' '), href: a.getAttribute('href'), lines: lines.size,
            width: box.width, height: box.height}; })"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_small_phone(open_page, path, width):
    page = open_page(path, width=width, height=640)
    page.wait_for_load_state("networkidle")
    problems = page.evaluate(OVERFLOW)
    links = page.evaluate(PHONE_LINKS)
    problems += [f"{link['text']} ({link['href']}) is broken over {link['lines']} lines" for link in links if link["lines"] > 1]
    problems += [f"{link['text']} ({link['href']}) is {link['width']:.0f}x{link['height']:.0f} px, under 44x44"
                 for link in links if link["width"] < 43.5 or link["height"] < 43.5]
    assert problems == [], "\n".join(problems)


def test_every_page_has_phone_links_to_check(open_page):
    """The footer gives every page emergency and helpline links: the test above always
    has something to measure."""
    page = open_page("", width=320, height=640)
    hrefs = {link["href"] for link in page.evaluate(PHONE_LINKS)}
    assert {"tel:911", "tel:999", "tel:000"} <= hrefs
    assert any(href.startswith("sms:") for href in hrefs)
