"""Unit tests of the generator-neutral build steps (scripts/steadyground/) that only the
Zensical path uses on its own: output clean-up, the runtime style hash, staging sync, the
inherited config, and the language link and hreflang alternates put on Zensical's pages."""

from __future__ import annotations

import base64
import hashlib
import xml.etree.ElementTree as ET

import pytest

from harness.build import REPO
from steadyground.build.sources import runs_hook as _runs_hook
from steadyground.build.zensical import (
    Staged,
    _derived_config,
    _sync,
    plain_messages,
    runtime_style_hashes,
    with_alternates,
    with_language_link,
)
from steadyground.build.zensical import (
    check_sources as _check_sources,
)
from steadyground.core.errors import BuildError
from steadyground.languages import sites as languages
from steadyground.languages.sites import load_config
from steadyground.pages.build import with_style_hashes


def test_zensical_messages_lose_colour_codes_and_the_traceback_and_name_docs():
    raw = ("Build started\n\x1b[33mWarning:\x1b[0m page does not exist\n   ╭─[ bad.md:3:39 ]\n"
           "Traceback (most recent call last):\n  File \"x\", line 8, in <module>\n    sys.exit(cli())\n"
           "RuntimeError: Aborted because --strict flag is set\n")
    assert plain_messages(raw) == ("Build started\nWarning: page does not exist\n   ╭─[ docs/bad.md:3:39 ]\n"
                                   "Aborted because --strict flag is set\n")


def test_runtime_style_hash_is_read_from_the_bundle(tmp_path):
    css = ".u{text-decoration-style:wavy!important}.l{position:absolute}"
    bundle = tmp_path / "assets" / "javascripts" / "bundle.0.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text(f"var Tc='{css}';o.appendChild(C(\"style\",{{}},Tc.toString()));", encoding="utf-8")
    expected = "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
    assert runtime_style_hashes(tmp_path) == [expected]


def test_an_unrecognised_style_element_fails_the_build(tmp_path):
    bundle = tmp_path / "assets" / "javascripts" / "bundle.0.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text('document.createElement("style")', encoding="utf-8")
    with pytest.raises(BuildError, match="cannot hash"):
        runtime_style_hashes(tmp_path)


def test_style_hashes_join_the_policy_never_unsafe_inline():
    html = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'self\'; img-src \'self\'">'
    out = with_style_hashes(html, ["'sha256-abc='"])
    assert "style-src 'self' 'sha256-abc='; img-src" in out and "unsafe-inline" not in out
    assert with_style_hashes(html, []) == html


def test_sync_touches_only_changed_files(tmp_path):
    source, target = tmp_path / "a", tmp_path / "b"
    (source / "x").mkdir(parents=True)
    (source / "x" / "same.md").write_text("same")
    (source / "new.md").write_text("new")
    (target / "x").mkdir(parents=True)
    (target / "x" / "same.md").write_text("same")
    (target / "gone.md").write_text("gone")
    before = (target / "x" / "same.md").stat().st_mtime_ns
    _sync(source, target)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*.md")) == ["new.md", "x/same.md"]
    assert (target / "x" / "same.md").stat().st_mtime_ns == before


def test_config_env_tags_resolve_like_mkdocs(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV [SITE_URL, 'https://example.org/']\nname: !ENV [NO_SUCH_VARIABLE, x]\n")
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:9/sg/")
    assert load_config(config) == {"site_url": "http://127.0.0.1:9/sg/", "name": "x"}


def test_inherit_merges_dictionaries_key_by_key_and_replaces_lists_like_mkdocs(tmp_path, monkeypatch):
    (tmp_path / "base.yml").write_text("site_url: !ENV [SITE_URL, 'https://example.org/']\n"
                                       "extra: {a: 1, words: {exit: Exit, help: Help}}\nhooks: [x.py, y.py]\n")
    (tmp_path / "es.yml").write_text("INHERIT: base.yml\nextra: {words: {exit: Salir}}\nhooks: [y.py]\n")
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:9/sg/")
    assert load_config(tmp_path / "es.yml") == {"site_url": "http://127.0.0.1:9/sg/", "hooks": ["y.py"],
                                                "extra": {"a": 1, "words": {"exit": "Salir", "help": "Help"}}}


def test_the_spanish_config_keeps_the_english_settings_it_does_not_replace():
    spanish = load_config(REPO / "mkdocs.es.yml")
    english = load_config(REPO / "mkdocs.yml")
    assert "INHERIT" not in spanish and spanish["docs_dir"] == "docs/es" and spanish["theme"]["language"] == "es"
    assert spanish["theme"]["features"] == english["theme"]["features"]
    assert spanish["extra"]["quick_exit"]["exit"] == "Salir de esta página"
    assert spanish["extra"]["generator"] is False  # only in mkdocs.yml


def test_a_hooks_steps_run_only_for_the_hooks_a_config_names():
    assert _runs_hook({"hooks": ["scripts/quiz_hook.py"]}, "quiz_hook.py")
    assert not _runs_hook({"hooks": ["scripts/site_hook.py"]}, "quiz_hook.py")
    assert not _runs_hook({}, "quiz_hook.py")


def test_zensical_gets_no_search_language_option(tmp_path):
    """Zensical stops on `lang` (an unknown search option); its index takes theme.language."""
    config = {"theme": {"custom_dir": "overrides"}, "plugins": [{"search": {"lang": "es"}}, "privacy"]}
    assert _derived_config(config, tmp_path, tmp_path)["plugins"] == ["search", "privacy"]
    config["plugins"] = [{"search": {"lang": "es", "separator": " "}}]
    assert _derived_config(config, tmp_path, tmp_path)["plugins"] == [{"search": {"separator": " "}}]


def _staged(tmp_path, site_url: str, language: str, sources: dict) -> Staged:
    (tmp_path / "docs" / "es").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "es" / "acerca.md").write_text("---\ntranslation_of: about.md\n---\n")
    (tmp_path / "docs" / "about.md").write_text("---\ntitle: About\n---\n")
    (tmp_path / "mkdocs.yml").write_text("theme: {language: en}\nexclude_docs: /es/\n"
                                         "extra: {language: {link_text: In English}}\n")
    (tmp_path / "mkdocs.es.yml").write_text("INHERIT: mkdocs.yml\ndocs_dir: docs/es\ntheme: {language: es}\n"
                                            "extra: {language: {link_text: En español}}\n")
    config = tmp_path / ("mkdocs.yml" if language == "en" else f"mkdocs.{language}.yml")
    links = languages.LanguageLinks.from_config(config, site_url)
    return Staged(tmp_path, tmp_path / "mkdocs.yml", tmp_path / "site", None, site_url, links, language, sources)


LINK = '<p class="language-link"><a href="/sg/es/" hreflang="es" lang="es" target="_self">En español</a></p>'


def test_each_page_links_to_its_twin_else_the_other_home_page(tmp_path):
    staged = _staged(tmp_path, "https://example.org/sg/", "en",
                     {"about/": ("about.md", {}), "": ("index.md", {})})
    about = with_language_link(f"<main>{LINK}</main>", staged.links.for_page("about.md", {}), source="about/index.html")
    assert 'href="/sg/es/acerca/"' in about and about.count("language-link") == 1
    home = with_language_link(LINK, staged.links.for_page("index.md", {}), source="index.html")
    assert home == LINK


def test_a_page_without_one_language_link_per_other_language_fails_the_build(tmp_path):
    with pytest.raises(BuildError, match="0 language links instead of 1"):
        with_language_link("<main></main>", [{"href": "/es/"}], source="x/index.html")
    with pytest.raises(BuildError, match="2 language links instead of 1"):
        with_language_link(LINK + LINK, [{"href": "/es/"}], source="x/index.html")
    both = with_language_link(LINK + LINK, [{"href": "/es/a/"}, {"href": "/fr/b/"}], source="x/index.html")
    assert both.index('href="/es/a/"') < both.index('href="/fr/b/"')


SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           "  <url>\n    <loc>https://example.org/sg/about/</loc>\n  </url>\n"
           "  <url>\n    <loc>https://example.org/sg/quizzes/</loc>\n  </url>\n</urlset>\n")


def test_the_sitemap_gets_hreflang_alternates_for_translated_pages_only(tmp_path):
    staged = _staged(tmp_path, "https://example.org/sg/", "en",
                     {"about/": ("about.md", {}), "quizzes/": ("quizzes/index.md", {})})
    tree = ET.fromstring(with_alternates(SITEMAP, staged).encode())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    found = {url.find("s:loc", ns).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
             for url in tree.findall("s:url", ns)}
    assert found == {"https://example.org/sg/about/": {"en": "https://example.org/sg/about/",
                                                       "es": "https://example.org/sg/es/acerca/"},
                     "https://example.org/sg/quizzes/": {}}
    with pytest.raises(BuildError, match="urlset"):
        with_alternates("<urlset>", staged)


def _project(tmp_path, page: str) -> dict:
    for folder in ("docs", "includes", "quizzes", "docs/es"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    # Excluded from this build (mkdocs.yml's exclude_docs): its missing snippet is the Spanish
    # build's to report. Its front matter is still read safely here (the language link reads it).
    (tmp_path / "docs" / "es" / "index.md").write_text('---\ntitle: Fuera\n---\n\n--8<-- "falta.md"\n',
                                                         encoding="utf-8")
    return {"docs_dir": "docs", "exclude_docs": "/es/\n",
            "markdown_extensions": [{"pymdownx.snippets": {"base_path": ["includes"]}}]}


def test_the_zensical_path_runs_the_author_checks_on_the_sources(tmp_path):
    """Zensical runs no hooks, so the staging step checks what the MkDocs hook checks:
    markup in front matter, missing snippets and symbolic links, with the file and line."""
    config = _project(tmp_path, '---\ntitle: Hi\ndescription: <meta http-equiv="refresh">\n---\n\n--8<-- "gone.md"\n')
    with pytest.raises(BuildError) as error:
        _check_sources(config, tmp_path)
    message = str(error.value)
    assert 'docs/index.md:3: "description" holds "<"' in message
    assert "docs/es/" not in message  # excluded from this build, as mkdocs.yml says
    # Front matter is read (typed, limited) before any page is parsed, on both generators, and a
    # bad one stops there; with it mended, the page's snippets are checked.
    (tmp_path / "docs" / "index.md").write_text('---\ntitle: Hi\n---\n\n--8<-- "gone.md"\n', encoding="utf-8")
    with pytest.raises(BuildError) as error:
        _check_sources(config, tmp_path)
    assert 'docs/index.md:5: the snippet "gone.md" was not found' in str(error.value)
    assert "docs/es/" not in str(error.value)


def test_the_zensical_path_refuses_a_symbolic_link_before_copying(tmp_path):
    config = _project(tmp_path, "---\ntitle: Hi\n---\n")
    (tmp_path / "docs" / "secret.md").symlink_to("/etc/hostname")
    with pytest.raises(BuildError, match="symbolic link"):
        _check_sources(config, tmp_path)
    (tmp_path / "docs" / "secret.md").unlink()
    _check_sources(config, tmp_path)  # a clean project passes
