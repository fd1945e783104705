"""Issue 22's classes that reach pages through the gate's reading of HTML and CSS: the
browser's parse of <noscript>, a <meta> read attribute by attribute, comments and raw-text
blocks left open, the site's reserved classes and ids in content, CSS URL functions with a
vendor prefix. Each test fails with the gate of round 1."""

from __future__ import annotations

import pytest
from test_author_input import _build_fails, _project

from harness.tampered import edit as _edit
from harness.tampered import gate_problems as _problems
from steadyground.safety import allowlist

# The browser's parse ---------------------------------------------------------------------


@pytest.mark.parametrize("page", ["index.html", "es/index.html"])
def test_a_refresh_that_only_a_scripting_browser_sees_is_refused(tampered, expected, page):
    # Scripting off (the old gate), this is a <p> with a title; Chromium ends the noscript at the
    # </noscript> inside the title, and the <meta> refresh is real.
    _edit(tampered, page, "</footer>", '</footer><noscript><p title="</noscript>'
          '<meta http-equiv=refresh content=\'0;url=https://other.example/\'>"></p></noscript>')
    problems = _problems(tampered, expected)
    assert any(p.startswith(f"site/{page}: ") and 'http-equiv="refresh"' in p for p in problems), problems


def test_a_charset_meta_is_read_attribute_by_attribute(tampered, expected):
    _edit(tampered, "index.html", '<meta charset="utf-8">',
          '<meta charset="utf-8" http-equiv="refresh" content="0;url=https://other.example/">')
    problems = _problems(tampered, expected)
    assert any("must have exactly one of charset, http-equiv and name" in p for p in problems), problems


@pytest.mark.parametrize("opener", ["<!--", "<textarea>", "<noscript>"])
def test_something_left_open_that_swallows_the_page_is_refused(tampered, expected, opener):
    _edit(tampered, "about/index.html", "<article", opener + "<article")
    problems = _problems(tampered, expected)
    assert any(p.startswith("site/about/index.html: ") and "swallows the rest of the page" in p
               for p in problems), problems


@pytest.mark.parametrize("markup", ['<div class="qe-overlay"></div>', '<a class="safety-bar__help" href="#">x</a>',
                                    '<p id="qe-status">x</p>'])
def test_reserved_classes_in_a_built_pages_content_are_refused(tampered, expected, markup):
    # The author check stops these on MkDocs; a generator that skips it (or an edit) meets the gate.
    _edit(tampered, "about/index.html", '<h1', markup + "<h1")
    problems = _problems(tampered, expected)
    assert any(p.startswith("site/about/index.html: ") and "is reserved for the site's own parts" in p
               for p in problems), problems


@pytest.mark.parametrize("name", ["feed.xml", "es/articles/page.xml", "assets/x.xml"])
def test_an_xml_file_other_than_the_sitemap_is_refused(tampered, expected, name):
    (tampered / name).parent.mkdir(parents=True, exist_ok=True)
    (tampered / name).write_text('<html xmlns="http://www.w3.org/1999/xhtml"><script>location="//evil"</script></html>',
                                 encoding="utf-8")
    problems = _problems(tampered, expected)
    assert f"site/{name}: an .xml file other than the sitemap is not something the site needs" in " ".join(problems), \
        problems


def test_a_prefixed_image_set_is_read_as_urls():
    css = "a{background:-webkit-image-set('https://other.example/x.png' 1x)}"
    findings = allowlist.check_css(css, css_dir="/s/assets/stylesheets", site_path="/s/")
    assert [f.message for f in findings if "other.example" in f.message], findings


# What authors write --------------------------------------------------------------------------


@pytest.mark.parametrize("markup", ['<div class="qe-overlay">Cover</div>', 'Text\n{: .qe-button }',
                                    '<span class="md-search__overlay">x</span>', '<p id="quiz-x">y</p>',
                                    '<span class="safety-bar__help">z</span>', '<p class="quiz__exit">w</p>'])
def test_reserved_classes_and_ids_in_content_are_refused(tmp_path, markup):
    page = "# Heading\n\nSome text.\n\n" + markup + "\n"
    output = _build_fails(tmp_path, _project(tmp_path, {"articles/sample.md": page}))
    assert "docs/articles/sample.md:" in output and "is reserved for the site" in output, output


def test_an_unclosed_comment_in_a_page_is_an_error_at_its_line(tmp_path):
    # In a raw HTML block Markdown passes the <!-- through (elsewhere it escapes it as text).
    page = "# Heading\n\nSome text.\n\n<div>\n<!-- a note\n</div>\n\nMore text.\n"
    output = _build_fails(tmp_path, _project(tmp_path, {"articles/sample.md": page}))
    assert "docs/articles/sample.md:6: a comment (<!--) is never closed" in output, output


def test_an_unclosed_comment_in_an_include_names_the_include(tmp_path):
    page = '# Heading\n\nText.\n\n--8<-- "note.md"\n'
    output = _build_fails(tmp_path, _project(tmp_path, {"articles/sample.md": page},
                                             includes={"note.md": "A line.\n\n<p>Text <!-- open</p>\n"}))
    assert "includes/note.md:3 (included in docs/articles/sample.md): a comment (<!--) is never closed" in output, \
        output


def test_entities_in_the_first_heading_are_refused(tmp_path):
    page = "# Notes &lt;script&gt;alert(1)&lt;/script&gt;\n\nText.\n"
    output = _build_fails(tmp_path, _project(tmp_path, {"articles/sample.md": page}))
    assert "docs/articles/sample.md:1: the first heading holds markup written as text" in output, output


def test_a_less_than_sign_that_opens_no_markup_is_text_in_the_first_heading():
    """"I <3 you" or "x < y": the tokenizer reads them as text, so the theme's striptags
    cannot turn them into markup; only "<" before a letter, "/", "!" or "?" is refused."""
    from steadyground.pages.author_checks import _TAG_OPEN
    assert not _TAG_OPEN.search('Everything & "friends" <3 and x < y > z')
    assert all(_TAG_OPEN.search(text) for text in ("<script>", "</p>", "<!--", "<?x", "a<b"))
