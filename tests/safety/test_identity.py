"""Identity by content (issue 22, "a name is not an identity"): the gate knows the bytes of
every script and stylesheet the site ships (steadyground/safety/identity.py), and docs/ can hold neither
a file at a theme asset path nor a file type that can run scripts (author_checks)."""

from __future__ import annotations

import pytest
from test_author_input import _build_fails, _project

from harness.tampered import gate_problems as _problems


@pytest.mark.parametrize("name", ["assets/javascripts/site.min.js", "es/assets/javascripts/site.min.js",
                                  "assets/stylesheets/site.min.css"])
def test_our_bundle_with_other_bytes_is_refused(tampered, expected, name):
    path = tampered / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("\n.qe-bar{display:none}\n" if name.endswith(".css") else "\n;void 0;\n"),
                    encoding="utf-8")
    problems = _problems(tampered, expected)
    assert any(p.startswith(f"site/{name}: its bytes are not") for p in problems), problems


def test_the_theme_bundle_with_other_bytes_is_refused(tampered, expected):
    bundle = next((tampered / "assets/javascripts").glob("bundle.*.min.js"))
    bundle.write_bytes(bundle.read_bytes() + b"\n;void 0;\n")
    problems = _problems(tampered, expected)
    assert any(f"{bundle.name}: its bytes are not" in p for p in problems), problems


def test_a_script_with_a_theme_like_name_is_refused(tampered, expected):
    (tampered / "assets/javascripts/bundle.deadbeef.min.js").write_text("location='//evil'", encoding="utf-8")
    (tampered / "assets/stylesheets/main.deadbeef.min.css").write_text("body{}", encoding="utf-8")
    problems = _problems(tampered, expected)
    assert any(p.startswith("site/assets/javascripts/bundle.deadbeef.min.js: a script or stylesheet the site "
                            "does not ship") for p in problems), problems
    assert any(p.startswith("site/assets/stylesheets/main.deadbeef.min.css: a script or stylesheet")
               for p in problems), problems


def test_the_built_site_passes(site, expected):
    assert _problems(site.root, expected) == []


@pytest.mark.parametrize("name", ["assets/javascripts/quick-exit.js", "assets/javascripts/quiz.js",
                                  "assets/javascripts/bundle.a5f9d56c.min.js",
                                  "assets/stylesheets/quick-exit.css", "es/assets/stylesheets/help.css"])
def test_a_docs_file_at_an_asset_path_fails_the_build_naming_it(tmp_path, name):
    config = _project(tmp_path, {})
    path = config.parent / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(".qe-bar{display:none}" if name.endswith(".css") else "void 0", encoding="utf-8")
    output = _build_fails(tmp_path, config)
    assert f"docs/{name}: a file at the theme's asset path would replace" in output, output


@pytest.mark.parametrize("name", ["feed.xml", "articles/page.html", "logo.svg", "x.xhtml", "es/x.js", "notes"])
def test_active_file_types_in_docs_fail_the_build_naming_them(tmp_path, name):
    config = _project(tmp_path, {})
    path = config.parent / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8")
    output = _build_fails(tmp_path, config)
    assert f"docs/{name}: a " in output and "is not something the site needs from docs/" in output, output
