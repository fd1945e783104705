"""Issue 22's limits and typed front matter: each input that hung the build, ran for
minutes or stopped it with a traceback now fails it at once with `path:LINE: message`
(steadyground/core/limits.py, steadyground/core/front_matter.py), and nothing is written into the sources.
The build times of these cases are in the issue's closing note (measured, never asserted)."""

from __future__ import annotations

import pytest
import yaml
from test_author_input import _build_fails, _project

PAGE = "---\ntitle: Notes\ntab_title: Notes\ndescription: Short.\nreviewed: 2026-01-01\n{extra}---\n\n# Notes\n\n{body}\n"

# (name, page path, page text, expected message start)
CASES = [
    ("alias bomb in front matter", "articles/sample.md",
     "---\ntitle: Notes\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
     "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n---\n\n# N\n",
     "docs/articles/sample.md:3: YAML anchors and aliases (&a)"),
    ("self-referencing alias", "articles/sample.md", "---\ntitle: &t [*t]\n---\n\n# N\n",
     "docs/articles/sample.md:2: YAML anchors and aliases"),
    ("bad YAML front matter in a Spanish page", "es/articles/mala.md",
     "---\ntitle: Notas: una: dos\n  - x\n---\n\n# Notas\n", "docs/es/articles/mala.md:2: the front matter is not valid YAML"),
    ("20 KB of [", "articles/sample.md", PAGE.format(extra="", body="[" * 20_000),
     "docs/articles/sample.md:10: the line is 20000 characters long"),
    ("2 KB of [ across lines", "articles/sample.md", PAGE.format(extra="", body="[ [\n" * 500),
     "docs/articles/sample.md:18: more than 16 '[' are open at once"),
    ("293 KB of <a in an attribute", "articles/sample.md",
     PAGE.format(extra="", body='<span title="' + "<a " * 100_000 + '">x</span>'), "docs/articles/sample.md:1: the file is"),
    ("a 195 KB line of <!--quiz", "articles/sample.md", PAGE.format(extra="", body="<!--quiz" * 25_000),
     "docs/articles/sample.md:10: the line is"),
    ("20,000 <script src=x> in a comment", "articles/sample.md",
     PAGE.format(extra="", body="<!--\n" + "<script src=x>\n" * 20_000 + "-->"), "docs/articles/sample.md:1: the file is"),
    ("lists nested 500 deep", "articles/sample.md", PAGE.format(extra="", body="- " * 500 + "item"),
     "docs/articles/sample.md:10: 500 list or quote markers"),
    ("lists nested 100 deep by indentation", "articles/sample.md",
     PAGE.format(extra="", body="\n".join("    " * depth + "- item" for depth in range(100))),
     "docs/articles/sample.md:21: the line is indented 44 columns"),
    ('<div markdown="1"> nested 600 deep', "articles/sample.md",
     PAGE.format(extra="", body='<div markdown="1">\n' * 600 + "x\n" + "</div>\n" * 600),
     "docs/articles/sample.md:50: HTML elements nest more than 40 deep"),
    ("an icon that does not exist", "articles/sample.md", PAGE.format(extra="icon: material/no-such-icon\n", body="Text."),
     'docs/articles/sample.md:6: "icon" names material/no-such-icon'),
    ("title as a mapping (a script as its key)", "articles/sample.md",
     "---\ntitle: {<script>alert(1)</script>: x}\n---\n\n# N\n", 'docs/articles/sample.md:2: front matter "title" must be text'),
    ("subtitle as a mapping", "articles/sample.md", PAGE.format(extra="subtitle: {<script>x</script>: 1}\n", body="T."),
     'docs/articles/sample.md:6: front matter "subtitle" must be text, not a mapping'),
    ("title as !!binary", "articles/sample.md", "---\ntitle: !!binary PHNjcmlwdD4=\n---\n\n# N\n",
     "docs/articles/sample.md:2: the YAML tag tag:yaml.org,2002:binary is not allowed"),
    ("attribute injection through status", "articles/sample.md",
     PAGE.format(extra='status: new" onmouseover="alert(1)\n', body="T."), 'docs/articles/sample.md:6: "status" must be'),
    ("a meta refresh through author", "articles/sample.md",
     PAGE.format(extra="author: '0;url=//evil\" http-equiv=\"refresh'\n", body="T."), 'docs/articles/sample.md:6: "author" holds'),
]


@pytest.mark.parametrize("name,path,text,message", CASES, ids=[c[0] for c in CASES])
def test_each_limit_case_fails_the_build_at_its_line(tmp_path, name, path, text, message):
    config = _project(tmp_path, {path: text})
    output = _build_fails(tmp_path, config)
    assert message in output, output


def test_site_description_goes_through_the_same_check(tmp_path):
    config = _project(tmp_path, {})
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["site_description"] = 'Calm" http-equiv="refresh" content="0;url=//evil'
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    output = _build_fails(tmp_path, config)
    assert 'mkdocs.yml: "site_description" holds """' in output, output


# The steps that were quadratic are linear now (no time is asserted; the limits above stop
# these inputs before them, so here they are called directly on what the limits let through).


def test_the_readers_do_not_backtrack():
    from steadyground.core import front_matter, limits
    from steadyground.safety import csp
    from steadyground.safety.links import harden_external_links
    assert csp.inline_scripts("<p><!--" + "<script src=x>" * 20_000 + "--></p>") == []
    attribute = '<span title="' + "<a " * 100_000 + '">x</span>'
    assert harden_external_links(attribute) == attribute
    assert front_matter.read("---\n" + "a: &a [*a]\n" + "---\n", "p.md").problems
    assert limits.text_problems("[" * 20_000, "p.md")


def test_the_real_pages_pass_the_limits_and_the_schema():
    from harness.build import REPO
    from steadyground.core import front_matter, limits
    for page in sorted((REPO / "docs").rglob("*.md")):
        shown = page.relative_to(REPO).as_posix()
        assert limits.source_problems(page, shown) == []
        assert front_matter.read(page.read_text(encoding="utf-8"), shown).problems == []


def test_a_number_in_a_references_text_field_is_named_not_a_traceback(tmp_path):
    config = _project(tmp_path, {})
    (config.parent / "references.yml").write_text(
        "stark-2007:\n  authors: [Stark, E.]\n  year: 2007\n  title: Coercive control\n  venue: 5\n"
        "  status: V\n  evidence: evidence.md 1\n", encoding="utf-8")
    output = _build_fails(tmp_path, config)
    assert "references.yml:1:1: stark-2007: `venue:` must be text" in output, output
