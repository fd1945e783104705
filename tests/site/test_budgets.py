"""Size budgets (bytes are deterministic, so these are tests; speed figures live in
`make bench`, never in tests).

(a) Our own quiz and quick-exit code, as built into the site, is at most 4 KB gzip -9
    together. The issue's four files (quick-exit.js, quiz.js, site.css, quiz.css) are now
    sources that scripts/site_hook.py minifies into two bundles; site.css became
    quick-exit.css + content.css. Counted: all of site.min.js (quick-exit.js + quiz.js) and
    site.min.css up to the dark colours the hook generates from Material's palette (they were
    dark-scheme.css, outside the budget); the message also gives the bundles as shipped.
(b) No page transfers more than a stock Material page of the same text, plus 10 KB
    (steadyground.bench.pages.PAGE_ALLOWANCE says why it is no longer 5 KB), plus
    its own extra text. For each page:
      ours    = gzip -9 of the page's HTML + each same-site CSS/JS file the HTML references
                (<link rel=stylesheet>, <script src>); see steadyground/bench/pages.py. Material's
                bundle fetches the search worker, index and sitemap.xml by itself; they are
                not referenced by the page and are the same for both sites.
      stock   = the same, for the page at the same path of a stock site built once per
                session from the same Markdown (`theme: material`, `font: false`, the real
                Markdown extensions so the text is the same; no overrides, hooks, extra CSS
                or JS; quiz pages as their plain Markdown twins, steadyground/bench/twins.py).
      extra   = gzip -9 of the words our page carries for people that the stock page does
                not (a multiset difference of words from text nodes, alt/title/aria-label/
                placeholder, data-i18n-* strings and the meta description, in our reading
                order; steadyground.bench.pages.extra_text): the safety bar, footer help numbers,
                "Last reviewed", and on quiz pages the form's instructions and scoring key.
      allowed = stock + PAGE_ALLOWANCE + extra.
    Every language of `make build` is budgeted (steadyground/bench/languages.py): the Spanish pages
    under es/ against a stock Material build of docs/es/ and quizzes/es/ in Spanish
    (`theme.language: es`, the Spanish search language, mkdocs.es.yml's Markdown extensions
    with the Spanish glossary appended), built into es/ of the stock site at the same
    site_url as ours (English site_url + "es/").
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness.pages import html_files
from steadyground.bench.common import BuildFailed
from steadyground.bench.languages import SiteLanguage, all_languages
from steadyground.bench.pages import PAGE_ALLOWANCE, own_code, page_budget
from steadyground.bench.projects import build_stock_site, stock_project, valid_quizzes
from steadyground.core.paths import REPO

OWN_CODE_BUDGET = 4 * 1024


def _built_path(uri: str) -> str:
    """docs/<uri>.md as its built file (use_directory_urls): "a/b" -> "a/b/index.html"."""
    if uri == "index" or uri.endswith("/index"):
        return uri[: -len("index")] + "index.html"
    return f"{uri}/index.html"


def _expected_pages(language: SiteLanguage) -> list[str]:
    """Every page a language's site should have, from its sources (so each page is its own
    test): its Markdown, a page per quiz file, the Self-checks index and 404.html."""
    uris = [path.relative_to(language.docs_dir).with_suffix("").as_posix() for path in language.markdown_files()]
    uris += [f"quizzes/{path.stem}" for path in language.quiz_files] + ["quizzes/index"]
    plan = (language.config.get("extra") or {}).get("plan")  # the private plan's generated page
    uris += [plan["page"].removesuffix(".md")] if plan else []
    return sorted(language.subdir + page for page in {"404.html", *map(_built_path, uris)})


PAGES = sorted(page for language in all_languages() for page in _expected_pages(language))


@pytest.fixture(scope="session")
def stock_site(site, tmp_path_factory) -> Path:
    """A stock Material build of each language's Markdown, at the same site_urls as `site`."""
    for language in all_languages():
        if len(valid_quizzes(language)) != len(language.quiz_files):
            pytest.fail(f"some {language.quiz_dir.relative_to(REPO)}/*.yml fail their checks, so no stock "
                        "twin can be written", pytrace=False)
    out = tmp_path_factory.mktemp("stock-site")
    try:
        build_stock_site(out, site.base_url, tmp_path_factory.mktemp("stock-projects"))
    except BuildFailed as failure:
        pytest.fail(f"stock Material build failed:\n{failure}", pytrace=False)
    return out


def test_own_quiz_and_quick_exit_code_is_at_most_4_kb_gzip(site):
    try:
        code = own_code(site.root)
    except (ImportError, ValueError, OSError) as error:
        pytest.fail(f"cannot find our built JS and CSS: {error}", pytrace=False)
    detail = ", ".join(f"{name} {size:,}" for name, size in code.parts.items())
    assert code.budgeted <= OWN_CODE_BUDGET, (
        f"our quiz + quick-exit JS and CSS is {code.budgeted:,} B gzip -9 as built, over the "
        f"{OWN_CODE_BUDGET:,} B budget by {code.budgeted - OWN_CODE_BUDGET:,} B (each source minified alone: "
        f"{detail}; the bundles as shipped, with {code.dark:,} B of generated dark colours: {code.shipped:,} B)"
    )


def test_every_built_page_has_a_budget(site):
    built = sorted(path.relative_to(site.root).as_posix() for path in html_files(site.root))
    assert built == PAGES, (
        f"pages built but not budgeted: {sorted(set(built) - set(PAGES))}; "
        f"budgeted but not built: {sorted(set(PAGES) - set(built))}"
    )


@pytest.mark.parametrize("page", PAGES)
def test_page_transfers_at_most_stock_plus_allowance_plus_own_text(site, stock_site, page):
    assert (site.root / page).is_file(), f"{page} was not built"
    assert (stock_site / page).is_file(), f"{page} has no counterpart in the stock Material build"
    base_path = urlsplit(site.base_url).path  # both sites are built for the same site_url
    budget = page_budget(page, site.root, stock_site, base_path)
    ours, stock = budget.ours, budget.stock
    files = ", ".join(f"{name} {size:,}" for name, size in ours.files.items())
    assert ours.total <= budget.allowed, (
        f"{page}: transfers {ours.total:,} B gzip -9 (HTML {ours.html:,} + {files}), allowed {budget.allowed:,} B "
        f"= stock Material {stock.total:,} (HTML {stock.html:,}) + {PAGE_ALLOWANCE:,} + own extra text "
        f"{budget.extra:,} ({len(budget.extra_text.split())} words); over by {ours.total - budget.allowed:,} B"
    )


@pytest.mark.parametrize("language", all_languages(), ids=lambda language: language.code)
def test_stock_site_has_the_interface_and_search_language_of_ours(site, stock_site, language):
    """Each page is measured against a stock page in its own language (Material's words and
    the search stemmer differ by language, and so do their bytes)."""
    for root in (site.root, stock_site):
        assert (root / language.subdir / "index.html").is_file(), f"{root}: no {language.subdir}index.html"
    ours, stock = (_languages_of(root / language.subdir) for root in (site.root, stock_site))
    assert stock == ours, f"{language.name}: ours has (html lang, search lang) {ours}, the stock site {stock}"


def _languages_of(folder: Path) -> tuple[str, list[str]]:
    html = (folder / "index.html").read_text(encoding="utf-8")
    search = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    return html.split('<html lang="', 1)[1].split('"', 1)[0], search["config"]["lang"]


def test_a_spanish_quiz_file_gets_a_budget_and_a_stock_twin(tmp_path):
    """quizzes/es/ may be empty: a quiz added there becomes a budgeted page with a plain twin
    on the stock side, listed on the stock Self-checks page (a copy of the repository)."""
    for name in ("mkdocs.yml", "mkdocs.es.yml"):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    (tmp_path / "quizzes" / "es").mkdir(parents=True)
    shutil.copy(REPO / "quizzes" / "phone-check.yml", tmp_path / "quizzes")
    source = (REPO / "quizzes" / "phone-check.yml").read_text(encoding="utf-8")
    (tmp_path / "quizzes" / "es" / "revision-movil.yml").write_text(
        source.replace("\ntitle: ", "\ntranslation_of: phone-check\ntitle: ", 1), encoding="utf-8")
    spanish = next(language for language in all_languages(tmp_path) if language.code == "es")
    assert [quiz.quiz.slug for quiz in valid_quizzes(spanish)] == ["revision-movil"]
    assert "es/quizzes/revision-movil/index.html" in _expected_pages(spanish)
    project = tmp_path / "stock"
    stock_project(project, site_url="http://127.0.0.1/steady-ground/es/", language=spanish)
    assert (project / "docs" / "quizzes" / "revision-movil.md").is_file()
    assert "(revision-movil.md)" in (project / "docs" / "quizzes" / "index.md").read_text(encoding="utf-8")
    english_twin = project / "docs" / "quizzes" / "phone-check.md"
    assert not english_twin.exists(), "an English quiz on the Spanish stock site"
