"""The safety gate (scripts/steadyground/safety/gate.py) passes the harness's strict build and fails on
copies of it edited afterwards: each payload class of issue 9, put straight into the built
HTML, CSS or files, as a generator that skips our hooks (or a tampered deploy) would."""

from __future__ import annotations

import subprocess
import sys

import pytest

from harness.build import REPO
from harness.tampered import edit as _edit
from harness.tampered import gate_problems as _problems


def test_the_gate_passes_the_strict_build(site, expected):
    assert _problems(site.root, expected) == []


def test_the_command_line_passes_the_build_and_fails_a_tampered_copy(site, tampered):
    command = [sys.executable, str(REPO / "scripts/verify_site.py"), "--site-url", site.base_url]
    good = subprocess.run(command + [str(site.root)], capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    _edit(tampered, "index.html", "</body>", '<meta http-equiv="refresh" content="0;url=https://other.example/"></body>')
    bad = subprocess.run(command + [str(tampered)], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "/index.html: <meta> in <body> is not allowed" in bad.stdout
    assert "(source docs/index.md)" in bad.stdout and "Traceback" not in bad.stderr


# Tampering with the built site (the four cases the issue names, and more) --------------------

CSP_META = '<meta http-equiv="Content-Security-Policy"'


def test_csp_removed(tampered, expected):
    path = tampered / "articles/healing/index.html"
    html = path.read_text(encoding="utf-8")
    start = html.index(CSP_META)
    path.write_text(html[:start] + html[html.index(">", start) + 1:], encoding="utf-8")
    assert ("site/articles/healing/index.html: expected exactly one Content-Security-Policy <meta>, found 0 "
            "(source docs/articles/healing.md)") in _problems(tampered, expected)


def test_csp_loosened_to_self(tampered, expected):
    path = tampered / "index.html"
    html = path.read_text(encoding="utf-8")
    start = html.index("connect-src ")
    end = html.index(";", start)
    path.write_text(html[:start] + "connect-src 'self'" + html[end:], encoding="utf-8")
    problems = _problems(tampered, expected)
    assert any("allows 'self' in connect-src" in p for p in problems), problems
    assert any("its Content-Security-Policy differs" in p for p in problems), problems


def test_script_added(tampered, expected):
    _edit(tampered, "help/index.html", "</body>", '<script src="../x.js"></script></body>')
    (tampered / "x.js").write_text("alert(1)", encoding="utf-8")
    problems = _problems(tampered, expected)
    assert any(p.startswith('site/help/index.html: <script src="../x.js"> is not the site\'s own') for p in problems)
    assert any(p.startswith("site/x.js: a script or stylesheet the site does not ship") for p in problems)


def test_inline_script_added(tampered, expected):
    _edit(tampered, "about/index.html", "</body>", "<script>alert(1)</script></body>")
    assert any("an inline <script> whose hash" in p for p in _problems(tampered, expected))


def test_meta_refresh_added(tampered, expected):
    _edit(tampered, "index.html", '<meta name="viewport"',
          '<meta http-equiv="refresh" content="0;url=https://other.example/"><meta name="viewport"')
    assert any(p.startswith('site/index.html: <meta http-equiv="refresh"> is not allowed')
               for p in _problems(tampered, expected))


def test_exit_link_removed(tampered, expected):
    _edit(tampered, "safe-use/index.html", 'class="qe-button"', 'class="qe-gone"')
    assert any(p.startswith("site/safe-use/index.html: expected one exit button") and "(source docs/safe-use.md)" in p
               for p in _problems(tampered, expected))


def test_skip_link_and_help_link_removed(tampered, expected):
    _edit(tampered, "privacy/index.html", 'class="qe-skiplink"', 'class="qe-other"')
    _edit(tampered, "privacy/index.html", "data-help", "data-md-component")
    problems = _problems(tampered, expected)
    assert any("the first link must be the exit skip link" in p for p in problems)
    assert any("expected the help bar" in p for p in problems)


def test_quiz_form_that_could_send_answers_or_has_an_unlabelled_answer(tampered, expected):
    page = "quizzes/urge-check/index.html"
    _edit(tampered, page, 'method="dialog"', 'method="get"')
    html = (tampered / page).read_text(encoding="utf-8")
    (tampered / page).write_text(html.replace("<label><input", "<span><input", 1), encoding="utf-8")
    problems = [p for p in _problems(tampered, expected) if p.startswith(f"site/{page}")]
    assert any('must have method="dialog"' in p for p in problems)
    assert any("has no <label>" in p and "(source quizzes/urge-check.yml)" in p for p in problems)


def test_what_hides_in_the_footer_noscript_is_checked_too(tampered, expected):
    _edit(tampered, "about/index.html", "<noscript>",
          '<noscript><a href="jav&#x09;ascript:alert(1)">x</a><img src="https://other.example/x.png">')
    problems = [p for p in _problems(tampered, expected) if p.startswith("site/about/index.html")]
    assert any('uses "javascript:"' in p for p in problems)
    assert any("would be loaded from another site" in p for p in problems)


def test_files_that_run_their_own_scripts(tampered, expected):
    (tampered / "picture.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>')
    (tampered / "assets/stylesheets/extra.css").write_text(
        '@import "https://other.example/a.css"; p{background:url(https://other.example/p.png)} '
        'q{background:url("//other.example/q.png")} r{mask:url("data:image/svg+xml;x")}')
    problems = _problems(tampered, expected)
    assert any(p.startswith("site/picture.svg: a .svg file is not something the site needs") for p in problems)
    css = [p for p in problems if p.startswith("site/assets/stylesheets/extra.css")]
    # Not a file the site ships (identity.py); then @import itself, its URL, and two url()s; the
    # data: image is ours to use.
    assert len(css) == 5, css
    assert "a script or stylesheet the site does not ship" in css[0]


# Payload classes of issue 9, put into a page body --------------------------------------------

PAYLOADS = {
    "meta refresh in body": ('<meta http-equiv="refresh" content="0;url=https://other.example/">', "<meta> in <body>"),
    "referrer override": ('<meta name="referrer" content="unsafe-url">', "<meta> in <body>"),
    "base": ('<base href="https://other.example/">', "<base> element is not allowed"),
    "onclick via attr_list": ('<p onclick="alert(1)">x</p>', "event-handler attributes (onclick=)"),
    "img onerror after >": ('<img src=">" onerror="alert(1)">', "event-handler attributes (onerror=)"),
    "tab in javascript:": ('<a href="jav&#x09;ascript:alert(1)">x</a>', 'uses "javascript:"'),
    "newline in javascript:": ('<a href="j&#10;avascript:alert(1)">x</a>', 'uses "javascript:"'),
    "leading control char": ('<a href="\x01 javascript:alert(1)">x</a>', 'uses "javascript:"'),
    "vbscript": ('<a href="vbscript:x">x</a>', 'uses "vbscript:"'),
    "data link": ('<a href="data:text/html,hi">x</a>', 'uses "data:"'),
    "style attribute": ('<p style="position:fixed">x</p>', "style attributes are not allowed"),
    "style element": ("<style>p{}</style>", "<style> element is not allowed"),
    "video": ('<video src="https://other.example/v.mp4"></video>', "<video> element is not allowed"),
    "audio": ('<audio src="https://other.example/a.mp3"></audio>', "<audio> element is not allowed"),
    "img from another host": ('<img src="https://other.example/p.png" alt="">', "would be loaded from another site"),
    "img backslashes": ('<img src="https:\\\\other.example/p.png" alt="">', "would be loaded from another site"),
    "img protocol-relative backslashes": ('<img src="\\\\other.example/p.png" alt="">', "would be loaded from another site"),
    "img srcset": ('<img src="a.png" srcset="a.png 1x, https://other.example/p.png 2x" alt="">', "would be loaded from another site"),
    "img outside the site path": ('<img src="/other-project/p.png" alt="">', "outside the site's own path"),
    "img dotdot": ('<img src="../../../../p.png" alt="">', "outside the site's own path"),
    "poster": ('<img poster="https://other.example/p.png" alt="">', "the attribute poster= is not allowed"),
    "input image": ('<input type="image" src="https://other.example/p.png">', '<input type="image"> is not allowed'),
    "ping": ('<a href="x/" ping="https://other.example/">x</a>', "ping= sends a request"),
    "formaction": ('<button formaction="https://other.example/">x</button>', "formaction="),
    "iframe": ('<iframe src="https://other.example/"></iframe>', "<iframe> element is not allowed"),
    "object": ('<object data="x.swf"></object>', "<object> element is not allowed"),
    "svg use": ('<svg><use href="https://other.example/s.svg#a"></use></svg>', "<use> element is not allowed"),
    "svg script": ("<svg><script>alert(1)</script></svg>", "<script> element is not allowed"),
    "math": ("<math><mi>x</mi></math>", "<math> element is not allowed"),
    "link preload": ('<link rel="preload" href="https://other.example/x">', '<link rel="preload"> is not allowed'),
    "target blank": ('<a href="https://other.example/" target="_blank">x</a>', "must not open new tabs"),
    "second __config": ('<div id="__config">{}</div>', 'more than one element with id="__config"'),
    "abbr title with markup": ('<abbr title="<meta http-equiv=refresh>">X</abbr>', "Material shows titles"),
}


@pytest.mark.parametrize("payload, expected_message", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_payloads_in_a_built_page_are_refused(site, expected, payload, expected_message):
    from steadyground.safety.gate import check_page

    html = (site.root / "articles/healing/index.html").read_text(encoding="utf-8")
    marker = '<h1 id="'
    assert marker in html
    english = expected[0]
    problems = check_page(html.replace(marker, payload + marker, 1), "articles/healing/index.html", english, {})
    assert any(expected_message in p for p in problems), problems
    clean = check_page(html, "articles/healing/index.html", english, {})
    assert clean == []


# Two languages: each held to its own exit page, help page and policy ---------------------------


def test_each_language_has_its_own_expectations(expected):
    english, spanish = expected
    assert spanish.site_url == english.site_url + "es/"
    assert spanish.exit_url != english.exit_url
    assert (spanish.help_page, spanish.safe_use_page) == ("ayuda/", "uso-seguro/")


def test_a_spanish_page_with_the_english_exit_or_help_fails(tampered, expected):
    english, spanish = expected
    _edit(tampered, "es/acerca/index.html", spanish.exit_url, english.exit_url)
    _edit(tampered, "es/acerca/index.html", 'class="safety-bar__help" href="../ayuda/"',
          'class="safety-bar__help" href="../../help/"')
    problems = _problems(tampered, expected)
    assert any(p.startswith("site/es/acerca/index.html: expected the help bar") for p in problems), problems
    assert any(p.startswith("site/es/acerca/index.html: the first link must be the exit skip link") and
               spanish.exit_url in p for p in problems), problems


def test_policies_may_differ_between_languages_but_not_within_one(site, tampered, expected):
    english_policy = _policy_of(site.root / "index.html")
    spanish_policy = _policy_of(site.root / "es/index.html")
    assert english_policy != spanish_policy  # each build scopes its policy to its own path
    _edit(tampered, "es/acerca/index.html", "form-action 'none'", "form-action 'none'; media-src 'none'")
    problems = _problems(tampered, expected)
    assert any(p.startswith("site/es/acerca/index.html: its Content-Security-Policy differs from es/")
               for p in problems), problems


def _policy_of(path) -> str:
    html = path.read_text(encoding="utf-8")
    return html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
