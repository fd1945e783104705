"""Articles and core pages as Markdown source (issue "Content"): reading level and length,
front matter (CONT-5), headings (A11Y-11), references and in-text citations, quiz links.

The rules themselves live in scripts/steadyground/check/ (pages.py, references.py) and run on the sources
in tests/checkkit/test_site_rules.py (one test per rule, the same code as `make check`); here
are the self-tests of the citation parser."""

from __future__ import annotations

from markdown_pages import articles

from steadyground.references.checks import citations
from steadyground.references.checks import cited_but_missing as _cited_but_missing


def test_the_articles_are_found():
    assert len(articles()) >= 10, sorted(p.name for p in articles())


def test_citation_parser_self_test():
    found, unparsed = citations(
        "Text (Dutton & Painter, 1993a). More (Campbell et al., 2003; Wilson & Daly,\n1993) and "
        "(National Network to End Domestic Violence, n.d.) and (O'Hara et al., 2020) and "
        "(Serious Crime Act 2015, s. 76) and (Hardesty, Ogolsky, & Khaw, 2017) but (about 2015 or so)."
    )
    assert [(names, year) for names, year, _ in found] == [
        (["Dutton", "Painter"], "1993a"), (["Campbell"], "2003"), (["Wilson", "Daly"], "1993"),
        (["National Network to End Domestic Violence"], "n.d."), (["O'Hara"], "2020"),
        (["Serious Crime Act 2015"], ""), (["Hardesty", "Ogolsky", "Khaw"], "2017"),
    ]
    assert unparsed == ["about 2015 or so"]
    items = ["Stark, E. (2007). *Book*.", "Dutton, D. G., & Painter, S. (1993b). Title. *Journal*."]
    assert _cited_but_missing("(Nobody et al., 2001) (Stark, 2007) (Dutton & Painter, 1993a)", items) == [
        "(Dutton & Painter, 1993a): no reference starts with 'Dutton' with year (1993a)",
        "(Nobody et al., 2001): no reference starts with 'Nobody' with year (2001)",
    ]
    assert _cited_but_missing("(Stark & Evans, 2007)", items) == [
        "(Stark & Evans, 2007): the reference Stark (2007) does not list Evans"
    ]
