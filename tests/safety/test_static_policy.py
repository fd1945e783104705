"""Static checks of every built page against safety.md Part B: the quick exit (QE-1,
QE-7), help in the same place (A11Y-7, CONT-3), the Content-Security-Policy (SEC-1..4),
the referrer policy (SEC-5), links to other sites (SEC-6), forms (PRIV-8, PRIV-9),
service workers and manifests (SEC-10), and headings (A11Y-11)."""

from __future__ import annotations

import functools
import re
from urllib.parse import urljoin, urlsplit

import pytest

from harness.generator import is_zensical
from harness.languages import LANGUAGES, language_of
from harness.pages import html_files
from steadyground.bench.html_tree import parse
from steadyground.build.zensical import runtime_style_hashes
from steadyground.safety.csp import inline_scripts, script_hash

# Fetches are scoped to the site's own path (not 'self', which on GitHub Pages covers every
# project site of the same owner); {base} is the site_url the harness built for.
EXPECTED_DIRECTIVES = {
    "default-src": "'none'", "style-src": "{base}assets/stylesheets/", "img-src": "{base} data:",
    "font-src": "{base}assets/", "connect-src": "{base}", "worker-src": "{base}assets/javascripts/workers/",
    "manifest-src": "'none'", "base-uri": "'none'", "form-action": "'none'", "object-src": "'none'",
}
FORBIDDEN_IN_META = {"frame-ancestors", "report-uri", "report-to", "sandbox"}


@functools.cache
def _pages(root) -> dict:
    return {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8") for path in html_files(root)}


@pytest.fixture(scope="module")
def pages(site):
    return _pages(site.root)


def _policy(document) -> dict[str, str]:
    meta = next(m for m in document.iter("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy")
    directives = {}
    for part in meta.attrs["content"].split(";"):
        name, _, value = part.strip().partition(" ")
        directives[name] = value
    return directives


def test_every_page_has_one_exit_button_that_works_as_a_link(pages):
    for name, html in pages.items():
        buttons = [a for a in parse(html).iter("a") if "qe-button" in a.classes()]
        assert len(buttons) == 1, name
        button, words = buttons[0], language_of(name).quick_exit
        assert button.attrs["href"] == words["url"], name
        assert {"nofollow", "noreferrer"} <= set(button.attrs["rel"].split()), name
        assert words["exit"] in button.all_text() and words["emergency"] in button.all_text(), name


def test_every_page_has_the_exit_skip_link_before_any_other_link_but_material_skip(pages):
    for name, html in pages.items():
        links = [a for a in parse(html).iter("a") if "md-skip" not in a.classes()]
        assert "qe-skiplink" in links[0].classes(), name
        assert links[0].attrs["href"] == language_of(name).exit_url, name


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_exit_destination_is_neutral_https_and_configured_once(language):
    # Weather pages (QE-11): BBC Weather for English, Spain's state weather agency for Spanish.
    url = urlsplit(language.exit_url)
    assert url.scheme == "https" and not url.query and not url.fragment
    assert url.hostname in {"www.bbc.co.uk", "www.bbc.com", "www.google.com", "www.aemet.es"}


def test_help_is_in_the_same_place_on_every_page(site, pages):
    for name, html in pages.items():
        language = language_of(name)
        base = site.base_url + language.folder
        document = parse(html)
        helps = [el for el in document.iter() if "data-help" in el.attrs]
        assert len(helps) == 1, name
        targets = [urljoin(site.base_url + name, a.attrs["href"]) for a in helps[0].iter("a")
                   if a.all_text().strip() == language.quick_exit["help"]]
        assert targets == [base + language.quick_exit["help_page"]], name
        body_children = [el for el in next(document.iter("body")).iter() if el.tag in ("nav", "header", "main")]
        assert body_children[0] is helps[0], f"{name}: the safety bar must be the first landmark"


def test_every_page_shows_emergency_numbers(pages):
    for name, html in pages.items():
        tels = {a.attrs["href"] for a in parse(html).iter("a") if a.attrs.get("href", "").startswith("tel:")}
        assert language_of(name).emergency_tels <= tels, name


def test_csp_meta_comes_first_and_is_strict(site, pages):
    expected = dict(EXPECTED_DIRECTIVES)
    if is_zensical():  # its search dialog writes one fixed <style>: allowed by that hash only
        expected["style-src"] = " ".join([EXPECTED_DIRECTIVES["style-src"], *runtime_style_hashes(site.root)])
    for name, html in pages.items():
        head = next(parse(html).iter("head"))
        first = [el for el in head.children][:2]
        assert first[0].tag == "meta" and "charset" in first[0].attrs, name
        assert first[1].attrs.get("http-equiv") == "Content-Security-Policy", name
        directives = _policy(head)
        for directive, value in expected.items():
            base = site.base_url + language_of(name).folder  # each language's build has its own path
            assert directives.get(directive) == value.format(base=base), f"{name}: {directive}"
        assert not FORBIDDEN_IN_META & set(directives), name
        assert "'unsafe-inline'" not in str(directives) and "'unsafe-eval'" not in str(directives), name
        assert "'self'" not in str(directives), name


def test_csp_allows_exactly_the_inline_scripts_and_is_the_same_everywhere(site, pages):
    policies = {}
    for name, html in pages.items():
        folder = language_of(name).folder
        directives = _policy(parse(html))
        sources = directives["script-src"].split()
        assert sources[0] == site.base_url + folder + "assets/javascripts/", name  # our bundle and Material's only
        allowed = set(sources[1:])
        assert allowed == {script_hash(text) for text in inline_scripts(html)}, name
        policies.setdefault(folder, set()).add(str(sorted(directives.items())))
    for folder, found in policies.items():
        # instant navigation keeps the first page's policy; each language is its own build
        assert len(found) == 1, f"the policy must be identical on every page of {folder or 'the English site'}"


def test_no_inline_script_in_content_no_event_handlers_no_javascript_urls(pages):
    for name, html in pages.items():
        document = parse(html)
        for article in document.iter("article"):
            assert not [s for s in article.iter("script") if "src" not in s.attrs
                        and s.attrs.get("type") != "application/json"], name
        for element in document.iter():
            assert not [a for a in element.attrs if a.startswith("on")], f"{name}: <{element.tag}> handler"
            for attr in ("href", "src", "action"):
                assert not element.attrs.get(attr, "").strip().lower().startswith("javascript:"), name


def test_no_inline_styles(pages):
    for name, html in pages.items():
        document = parse(html)
        assert not list(document.iter("style")), name
        assert not [el.tag for el in document.iter() if "style" in el.attrs], name


def test_static_referrer_policy(pages):
    for name, html in pages.items():
        head = next(parse(html).iter("head"))
        metas = [m for m in head.iter("meta") if m.attrs.get("name") == "referrer"]
        assert [m.attrs["content"] for m in metas] == ["no-referrer"], name


def test_links_to_other_sites_do_not_leak_or_open_new_tabs(pages):
    for name, html in pages.items():
        for anchor in parse(html).iter("a"):
            href = anchor.attrs.get("href", "")
            assert anchor.attrs.get("target") != "_blank", f"{name}: {href}"
            if re.match(r"^(https?:)?//", href) and "qe-" not in anchor.attrs.get("class", ""):
                assert {"noopener", "noreferrer"} <= set(anchor.attrs.get("rel", "").split()), f"{name}: {href}"


def test_forms_cannot_submit_and_do_not_autofill(pages):
    for name, html in pages.items():
        for form in parse(html).iter("form"):
            assert form.attrs.get("autocomplete") == "off", name
            # A quiz's "Show my results" submits (Enter works, issue 13), but only a form whose
            # method is "dialog" may submit: outside a <dialog> that goes nowhere, so no answer
            # can reach a URL; the button is also disabled until quiz.js takes over.
            for button in form.iter("button"):
                if form.attrs.get("method") == "dialog" and button.attrs.get("type", "submit") == "submit":
                    assert "disabled" in button.attrs, name
                else:
                    assert button.attrs.get("type") in ("button", "reset"), name
            assert not [i for i in form.iter("input") if i.attrs.get("type") == "submit"], name


def test_no_manifest_and_no_service_worker(site, pages):
    for name, html in pages.items():
        assert not [ln for ln in parse(html).iter("link") if "manifest" in ln.attrs.get("rel", "")], name
    for script in site.root.rglob("*.js"):
        assert "serviceWorker.register" not in script.read_text(encoding="utf-8"), script.name


def test_one_h1_and_no_skipped_heading_levels(pages):
    for name, html in pages.items():
        document = parse(html)
        article = next(document.iter("article"), None) or document
        # The plan's paper title is an h1 shown on paper only (plan.css), where the page's own
        # h1 is hidden: one h1 on screen and one on paper.
        paper = [el for el in article.iter() if "plan__paper-title" in el.attrs.get("class", "").split()]
        assert len(paper) <= 1 and all(el.tag == "h1" for el in paper), name
        levels = [int(el.tag[1]) for el in article.iter() if re.fullmatch(r"h[1-6]", el.tag) and el not in paper]
        assert levels.count(1) == 1, f"{name}: {levels}"
        for previous, current in zip(levels, levels[1:]):
            assert current <= previous + 1, f"{name}: h{previous} then h{current}"
        assert next(document.iter("html")).attrs.get("lang") == language_of(name).code, name


def test_every_page_links_the_safe_use_and_privacy_pages(site, pages):
    for name, html in pages.items():
        language = language_of(name)
        base = site.base_url + language.folder
        targets = {urljoin(site.base_url + name, a.attrs.get("href", "")) for a in parse(html).iter("a")}
        assert {base + language.quick_exit["safe_use_page"], base + language.privacy_page} <= targets, name
