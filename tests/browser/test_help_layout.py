"""The help page on a small phone (issue 13): the page a person in crisis opens fits 320 and
360 px without sideways scrolling, every phone number stays on one line, and every tap-to-call
and text link is at least 44 x 44 px. Measured in Chromium on the built site, light and dark."""

from __future__ import annotations

import pytest

MEASURE = """() => {
  const out = {viewport: innerWidth, scroll: document.scrollingElement.scrollWidth, wide: [], links: []};
  for (const el of document.querySelectorAll('.md-content *')) {
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > innerWidth + 0.5 || box.left < -0.5)) {
      out.wide.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.left)}-${Math.round(box.right)} px)`);
    }
  }
  for (const link of document.querySelectorAll('.md-content a[href^="tel:"], .md-content a[href^="sms:"]')) {
    const box = link.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(link);
    const lines = new Set([...range.getClientRects()].filter(r => r.width).map(r => Math.round(r.top))).size;
    out.links.push({text: link.textContent.trim(), width: box.width, height: box.height, lines});
  }
  out.cards = document.querySelectorAll('.md-content .help-card').length;
  out.tables = document.querySelectorAll('.md-content table').length;
  return out;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 360])
def test_help_page_fits_a_small_phone(open_page, width, scheme):
    page = open_page("help/", width=width, height=740, color_scheme=scheme)
    found = page.evaluate(MEASURE)
    assert found["tables"] == 0 and found["cards"] >= 25, found
    assert found["scroll"] <= found["viewport"], f"{width} px: the page scrolls sideways ({found['scroll']} px)"
    assert not found["wide"], f"{width} px: wider than the screen: {found['wide'][:5]}"
    assert len(found["links"]) >= 40, f"only {len(found['links'])} tel:/sms: links found"
    broken = [link["text"] for link in found["links"] if link["lines"] != 1]
    assert not broken, f"{width} px: numbers broken over two lines: {broken}"
    small = [f"{link['text']} ({link['width']:.0f}x{link['height']:.0f})" for link in found["links"]
             if link["width"] < 44 or link["height"] < 44]
    assert not small, f"{width} px: tap targets under 44x44 px: {small}"
