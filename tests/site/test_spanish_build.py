"""The Spanish site as `make build` makes it (es/ of the one built site): every docs/es/ page in
Spanish with Material's Spanish interface and ours, a Spanish search index of Spanish pages only,
hreflang alternates in the sitemaps, and on every page a link to the same page in the other
language (else the other home page), quiz and plan pages included. English interface strings, ours and
the quiz engine's, never reach a Spanish page."""

from __future__ import annotations

import json
import re
import shlex
import socket
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from harness.build import REPO
from harness.generator import is_zensical
from harness.languages import ENGLISH, SPANISH
from harness.pages import html_files
from steadyground.bench.html_tree import parse
from steadyground.languages.sites import front_matter, page_path
from steadyground.quizzes.config import DEFAULT_STRINGS

ES_DOCS = REPO / "docs" / "es"
# A word of the theme's own Spanish interface in every page: Material's search box, Zensical's
# search button (Zensical's search dialog itself is English: tests/zensical/test_generator_differences.py).
THEME_IN_SPANISH = 'aria-label="Buscar"' if is_zensical() else 'placeholder="Búsqueda"'
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
# Our own interface words in English (mkdocs.yml extra, templates, header-controls.js) and
# Material's English interface: none may appear in a Spanish page's HTML.
ENGLISH_STRINGS = [
    # Single words as the templates write them: reference titles may be English (a cited source).
    "Exit this page", "Get help now", ">Emergency<", '"Safety"', "Shift, press", "Loading.",
    "Content note", "Last reviewed", "Page not found", "Go to the home page", "In danger now", "Someone to talk to",
    "Hours, text, chat and more lines", "Calls and texts", "About this site", "Use this site safely", "All pages",
    "Information, not therapy", "Close search", '"Menu"', '"Search"', "Skip to content", "Table of contents",
    "Back to top", "Type to start searching", "Initializing search", "Navigation", "Previous", "Next",
]


def _quiz_english_strings() -> list[str]:
    """The quiz engine's English words (its defaults and mkdocs.yml's extra.quiz): each run of
    plain words between placeholders and Markdown, of two words or more (a single word could be
    in a cited English title)."""
    strings = [*DEFAULT_STRINGS.values(), *ENGLISH.quiz_settings.strings.values()]
    runs = {run.strip() for text in strings for run in re.findall(r"[A-Za-z][A-Za-z ,]{6,}[A-Za-z]", text)}
    return sorted(run for run in runs if " " in run)


QUIZ_ENGLISH_STRINGS = _quiz_english_strings()


def _sources():
    return sorted(ES_DOCS.rglob("*.md"))


def _built(site, source) -> str:
    return (site.root / "es" / page_path(source.relative_to(ES_DOCS).as_posix()) / "index.html").read_text(
        encoding="utf-8")


def _spanish_pages(site) -> dict[str, str]:
    return {p.relative_to(site.root).as_posix(): p.read_text(encoding="utf-8")
            for p in html_files(site.root / "es")}


def test_every_spanish_page_is_built_in_spanish_with_material_in_spanish(site):
    assert len(_sources()) >= 11
    for source in _sources():
        html = _built(site, source)
        assert re.search(r'<html lang="es"', html), source.name
        assert THEME_IN_SPANISH in html, source.name


def test_no_english_interface_string_on_a_spanish_page(site):
    pages = _spanish_pages(site)
    assert "es/404.html" in pages and len(pages) >= 12
    for name, html in pages.items():
        text = re.sub(r'<p class="language-link">.*?</p>', "", html)  # "In English" is meant
        found = [words for words in ENGLISH_STRINGS + QUIZ_ENGLISH_STRINGS if words in text]
        assert found == [], f"{name}: {found}"


def test_the_english_strings_list_catches_the_english_pages(site):
    # The list above must be able to fail: every string but Material's is on an English page.
    html = (site.root / "index.html").read_text(encoding="utf-8")
    assert {"Exit this page", "Get help now", "In danger now", "Information, not therapy"} <= {
        words for words in ENGLISH_STRINGS if words in html}
    quiz_page = (site.root / "quizzes/readiness/index.html").read_text(encoding="utf-8")
    assert {"Show my results", "Start again", "Score it yourself", "What you can do next"} <= {
        words for words in QUIZ_ENGLISH_STRINGS if words in quiz_page}


def _spanish_quizzes() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((REPO / "quizzes" / "es").glob("*.yml"))}


def test_spanish_quiz_pages_are_built_in_spanish(site):
    quizzes = _spanish_quizzes()
    assert {data["translation_of"] for data in quizzes.values()} >= {"readiness", "safety-check", "phone-check"}
    index = (site.root / "es/quizzes/index.html").read_text(encoding="utf-8")
    for slug, data in quizzes.items():
        html = (site.root / f"es/quizzes/{slug}/index.html").read_text(encoding="utf-8")
        assert '<html lang="es"' in html and f'id="quiz-{slug}"' in html, slug
        assert 'href="../../ayuda/"' in html, slug  # the next steps lead to the Spanish help page
        assert f'href="{slug}/"' in index, slug


def test_spanish_safety_bar_and_footer(site):
    document = parse((site.root / "es/articulos/lazos-fuertes/index.html").read_text(encoding="utf-8"))
    bar = next(el for el in document.iter() if "data-help" in el.attrs)
    assert bar.attrs["aria-label"] == "Seguridad"
    assert bar.attrs["data-i18n-press-two"].startswith("Shift, pulsa 2")
    texts = [a.all_text().strip() for a in bar.iter("a")]
    assert texts[0] == "Salir de esta página" and "Ayuda ahora" in texts
    tels = {a.attrs["href"] for a in document.iter("a") if a.attrs.get("href", "").startswith("tel:")}
    assert {"tel:112", "tel:911", "tel:+18007997233"} <= tels
    assert not {"tel:999", "tel:000"} & tels


def _search_index(folder) -> tuple[list[str], set[str]]:
    """A language's search index: its language and its pages' titles (Material:
    search/search_index.json with "docs"; Zensical: search.json with "items")."""
    if is_zensical():
        index = json.loads((folder / "search.json").read_text(encoding="utf-8"))
        return index["config"]["lang"], {item["title"] for item in index["items"]}
    index = json.loads((folder / "search/search_index.json").read_text(encoding="utf-8"))
    return index["config"]["lang"], {doc["title"] for doc in index["docs"]}


def test_each_language_has_its_own_search_index(site):
    english_lang, english_titles = _search_index(site.root)
    spanish_lang, spanish_index_titles = _search_index(site.root / "es")
    assert spanish_lang == ["es"] and english_lang == ["en"]
    spanish_titles = {front_matter(source)["title"] for source in _sources()}
    assert spanish_titles <= spanish_index_titles
    assert not spanish_titles & english_titles - {"Privacy"}
    assert "Bienvenida" not in english_titles and "Welcome" not in spanish_index_titles
    # Spanish stemming: Material loads lunr's Spanish stemmer for "es"; Zensical's search has
    # no stemmer (tests/zensical/test_generator_differences.py)
    stemmer = site.root / "es/assets/javascripts/lunr/min/lunr.es.min.js"
    assert stemmer.is_file() is not is_zensical()


def _alternates(sitemap) -> dict[str, dict[str, str]]:
    found = {}
    for url in ET.parse(sitemap).getroot().findall("s:url", SITEMAP):
        loc = url.find("s:loc", SITEMAP).text.strip()
        found[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
    return found


def test_hreflang_alternates_link_each_page_and_its_translation_both_ways(site):
    english = _alternates(site.root / "sitemap.xml")
    spanish = _alternates(site.root / "es/sitemap.xml")
    for en_path, es_path in _english_to_spanish().items():
        es_url, en_url = site.base_url + es_path, site.base_url + en_path
        assert spanish[es_url] == {"es": es_url, "en": en_url}, es_path
        assert english[en_url] == {"en": en_url, "es": es_url}, en_path
    # A page without a Spanish twin has no alternates (no fixed example: issue 24 translates them all).
    translated = {site.base_url + en_path for en_path in _english_to_spanish()}
    assert {url for url, links in english.items() if not links} == set(english) - translated


def _english_to_spanish() -> dict[str, str]:
    """English page path -> Spanish page path, from the Spanish pages' and quizzes' translation_of,
    and the private plan's page of each (extra.plan.page, a generated page)."""
    pairs = {page_path(front_matter(s)["translation_of"]): "es/" + page_path(s.relative_to(ES_DOCS).as_posix())
             for s in _sources()}
    pairs[page_path(ENGLISH.extra["plan"]["page"])] = "es/" + page_path(SPANISH.extra["plan"]["page"])
    quizzes = _spanish_quizzes()
    pairs |= {f"quizzes/{data['translation_of']}/": f"es/quizzes/{slug}/" for slug, data in quizzes.items()}
    if quizzes:
        pairs["quizzes/"] = "es/quizzes/"
    return pairs


def test_every_page_links_to_the_same_page_in_the_other_language(site):
    english_to_spanish = _english_to_spanish()
    spanish_to_english = {es: en for en, es in english_to_spanish.items()}
    site_path = urlsplit(site.base_url).path
    for path in html_files(site.root):
        name = path.relative_to(site.root).as_posix()
        page = name[: -len("index.html")] if name.endswith("index.html") else name
        spanish = name.startswith("es/")
        expected = spanish_to_english.get(page, "") if spanish else english_to_spanish.get(page, "es/")
        links = [a for a in parse(path.read_text(encoding="utf-8")).iter("a") if "hreflang" in a.attrs]
        assert len(links) == 1, name
        link = links[0]
        assert link.attrs["href"] == site_path + expected, name
        assert link.attrs["hreflang"] == link.attrs["lang"] == ("en" if spanish else "es"), name
        assert link.attrs["target"] == "_self", name  # a full page load, on purpose
        assert link.all_text() == ("In English" if spanish else "En español"), name
    assert len(english_to_spanish) == len(_sources()) + len(_spanish_quizzes()) + bool(_spanish_quizzes()) + 1
    assert english_to_spanish["my-plan/"] == "es/mi-plan/"  # the plan pages know each other (issue 20)


def test_help_numbers_dial(site):
    html = _built(site, ES_DOCS / "ayuda.md")
    numbers = set(re.findall(r'href="tel:([^"]+)"', html))
    assert {"911", "112", "016", "079", "144", "155", "123", "1455", "133", "100", "988"} <= numbers


def test_safety_callout_renders_in_every_article(site):
    for html_path in sorted((site.root / "es/articulos").glob("*/index.html")):
        html = html_path.read_text(encoding="utf-8")
        assert "admonition safety" in html and 'href="../../ayuda/"' in html, html_path.parent.name


def test_make_serve_site_language_es_previews_the_spanish_site(tmp_path):
    """README: `make serve SITE_LANGUAGE=es` previews docs/es/ and quizzes/es/. The command make
    would run is taken from the Makefile, then run on a free port."""
    generator = ["GENERATOR=zensical"] if is_zensical() else []
    dry = subprocess.run(["make", "-s", "-n", "serve", "SITE_LANGUAGE=es", *generator], cwd=REPO, capture_output=True,
                         text=True, check=True)
    command = shlex.split(dry.stdout.strip().splitlines()[-1])
    assert "mkdocs.es.yml" in command
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    command[command.index("--dev-addr") + 1] = f"127.0.0.1:{port}"
    command[0] = str(REPO / command[0]) if not Path(command[0]).is_absolute() else command[0]
    server = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url, text, deadline = f"http://127.0.0.1:{port}/steady-ground/es/quizzes/", "", time.monotonic() + 90
        while time.monotonic() < deadline and '<html lang="es"' not in text:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    text = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert '<html lang="es"' in text, text[:500]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_every_quiz_string_is_set_in_spanish():
    """A quiz string missing from mkdocs.es.yml would fall back to the English default."""
    from harness.languages import SPANISH
    configured = SPANISH.extra.get("quiz", {}).get("strings", {})
    english = ENGLISH.quiz_settings.strings
    assert sorted(set(DEFAULT_STRINGS) - set(configured)) == []
    assert [key for key, text in configured.items() if text == english[key] and key != "or"] == []
