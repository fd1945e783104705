"""The link-hardening step (steadyground/safety/links.py) rewrites through a parser: a link written
inside an attribute value stays text, and real links to other sites get rel="noopener
noreferrer" with no target (safety.md SEC-6). Before, a regular expression found the `<a`
inside a title= and inserted quotes that closed it, so what followed became markup."""

from __future__ import annotations

import pytest

from steadyground.safety.allowlist import elements, parse_fragment
from steadyground.safety.links import harden_external_links

BREAKOUTS = [
    '<span title="<a href=\'//evil.example\'><img src=//evil.example/x>">t</span>',
    '<p title="<a href=\'https://evil.example\'>"><script src=//evil.example/s.js></script>"</p>',
    "<abbr title=\"x <a href='//evil' > <meta http-equiv=refresh content='0;url=//evil'>\">W</abbr>",
]


def _tags(html: str) -> list[tuple[str, dict]]:
    return [(el.tag, dict(el.attrib)) for el in list(elements(parse_fragment(html)))[1:]]


@pytest.mark.parametrize("payload", BREAKOUTS)
def test_link_inside_an_attribute_stays_text(payload):
    assert _tags(harden_external_links(payload)) == _tags(payload)


def test_external_links_get_rel_and_lose_target():
    html = ('<p><a href="https://example.org/" target="_blank" rel="author">x</a> '
            '<a href="  \\\\example.org">y</a> <a href="../help/">z</a></p>')
    anchors = [attrs for tag, attrs in _tags(harden_external_links(html)) if tag == "a"]
    assert anchors == [{"href": "https://example.org/", "rel": "author noopener noreferrer"},
                       {"href": "  \\\\example.org", "rel": "noopener noreferrer"},
                       {"href": "../help/"}]


def test_content_without_external_links_is_unchanged():
    html = '<p>a <a href="../x/">b</a></p>\n<!--quiz-markup:abc-->\n<pre><code>&lt;x&gt;</code></pre>'
    assert harden_external_links(html) == html
