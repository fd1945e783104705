"""`make bench`: build and page-weight figures for Steady Ground, measured side by side in
one run on this machine, printed as one table (also written to bench-results/latest.md).

    CHROMIUM=/usr/bin/chromium .venv/bin/python scripts/bench.py [--runs N] [--quick]

Speed goals live here, never in tests (byte budgets are tests: tests/site/test_budgets.py).
Everything is built in a temp dir; extras (Lighthouse, a venv for mkdocs-quiz) are
installed outside the repository. Progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from steadyground.bench import generators, lighthouse, peer, projects, scaling, transfer  # noqa: E402
from steadyground.bench.chromium import chromium_path  # noqa: E402
from steadyground.bench.common import BuildFailed, build, kb, log, median  # noqa: E402
from steadyground.bench.languages import all_languages  # noqa: E402
from steadyground.bench.pages import PAGE_ALLOWANCE, extra_text_bytes, own_code, page_budget  # noqa: E402
from steadyground.bench.report import Row, document  # noqa: E402
from steadyground.bench.scaling import alternate  # noqa: E402
from steadyground.bench.server import serve_gzip  # noqa: E402
from steadyground.core.paths import REPO  # noqa: E402
from steadyground.languages.sites import site_urls  # noqa: E402

QUIZ_PAGE_GOAL = 1.10  # a quiz page builds in at most 1.1x the time of a plain page of the same text
SITE_GOAL = 1.15  # 1,000 articles + 200 quizzes within 1.15x of 1,200 plain pages
# Twice the pages: the quiz side's time grows at most 1.1x as fast as the plain side's. Material
# itself grows a little faster than linear (both sides measured ~2.2x CPU for 2x the pages), so
# the goal checks that quizzes add no growth of their own.
LINEAR_GOAL = 1.10
OWN_CODE_BUDGET = 4 * 1024

NOTES = [
    "Reading these figures: build times on a shared machine vary by about 30 % from run to run, so "
    "compare the two sides of a ratio measured in the same run, never times from different runs. "
    "`make bench` takes about 11 minutes on 2 idle cores; `scripts/bench.py --quick` is a smoke run, "
    "`--runs N` takes the median of more runs, `--pages-only` and `--generators-only` measure one part. "
    "Lighthouse and a throwaway mkdocs-quiz environment are installed outside the repository "
    "(~/.cache/steady-ground-bench/ and a temp folder).",
    "Build times: wall clock of the whole `mkdocs build --strict` subprocess (Python start-up, "
    "config, every page, search index, copying assets), nothing subtracted, into an empty folder. "
    "The two sides of a comparison run alternately (A B, B A, ...) so a slow spell hits both. "
    "CPU time (user + system of the build process, also a median) is shown beside the wall-clock "
    "ratio because it barely moves when other processes load the machine; the goals use wall clock.",
    "Build projects: a temp copy of docs/ plus the real mkdocs.yml (theme, overrides, both hooks, "
    "search + privacy plugins, Markdown extensions; paths made absolute). Extra pages on top of that "
    "base: copies of the real articles (in the nav, 50 per section) and copies of the real quizzes/*.yml "
    "(title numbered). A quiz side has the quiz YAML (the hook generates the pages); its plain side has, "
    "at the same URLs, Markdown pages with the same words: title, intro, every question with its hint "
    "and answer labels, every band, theme and flag title and body (scripts/steadyground/bench/twins.py). The "
    "quiz side also carries what the engine adds (form strings, the score-it-yourself key, next steps): "
    "that is the engine's cost. Embedded `<!-- quiz: -->` markers are removed from the copied docs.",
    "mkdocs-quiz: installed with `pip install -r requirements/site.txt mkdocs-quiz` in a throwaway venv "
    "(same mkdocs/Material/Markdown versions). Its side and ours use a neutral config (Material with "
    "the real theme settings and Markdown extensions, no overrides, no site hook: mkdocs-quiz inlines "
    "<script>/<style>, which our CSP hook rejects), the same words as `<quiz>` blocks with task lists "
    "(last answer marked correct, as in shared/research/peers.md §1), bands after the results marker.",
    "Transferred bytes: each page opened in Chromium (Playwright) with an empty cache until the network "
    "is idle; every response body gzipped at -9 and summed. \"HTML+CSS+JS\" is what the page itself "
    "loads; the total adds Material's follow-ups (search worker, search index, sitemap.xml, favicon). "
    "Stock = `theme: material`, `font: false`, the same Markdown (quizzes as plain twins) and Markdown "
    "extensions, nothing else. Own extra text = gzip -9 of the words our page has beyond the stock "
    "page (scripts/steadyground/bench/pages.py).",
    "MkDocs vs Zensical: the same project built by each generator's whole pipeline, alternating: "
    "`mkdocs build --strict` with both hooks, and scripts/build_zensical.py (stage docs/ with quiz "
    "pages, markers and bundles; `zensical build --strict --clean`; quiz markup, link hardening and "
    "CSP over the built HTML; move the site into place). Zensical builds its pages on several threads, "
    "so its CPU time can exceed its wall-clock time. The scaling project is the 1,000 + 200 one above.",
    "Page weight over stock, every page of each language: gzip -9 of the built HTML and the CSS and JS "
    "it references, read from the files (no browser; tests/site/test_budgets.py enforces the same "
    "budget per page), against a stock Material site of the same language's Markdown (Spanish: "
    "`theme.language: es`, Spanish search, mkdocs.es.yml's Markdown extensions, quizzes/es/ as plain "
    "twins) at the same path. Build per language: one `mkdocs build --strict` of that config alone "
    "(as `make build` runs them one after the other), the languages alternating.",
    "Lighthouse 12, default mobile preset (simulated slow 4G, 4x CPU slowdown), Chromium flags from "
    "shared/research/toolchain.md §5, pages served by a gzip static server under /steady-ground/ "
    "(as GitHub Pages serves them).",
]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--runs", type=int, help="runs per figure, the median is shown (default 3, --quick 1)")
    parser.add_argument("--pages-only", action="store_true",
                        help="only each language's page weights over stock and build time (no browser, < 1 min)")
    parser.add_argument("--generators-only", action="store_true",
                        help="only the MkDocs vs Zensical row (the site and the 1,000 + 200 project)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 50 quiz pages, 500 + 100 vs 600 pages, one run each (< 3 min)")
    args = parser.parse_args(argv)
    args.runs = args.runs or (1 if args.quick else 3)
    return args


# Measurements ------------------------------------------------------------------------


def _runs_note(pairs) -> str:
    runs = "; ".join(
        f"{p.label}: quiz {'/'.join(f'{t:.1f}' for t in p.quiz_runs)}, plain {'/'.join(f'{t:.1f}' for t in p.plain_runs)}"
        for p in pairs
    )
    return f"Individual build runs in seconds (the spread shows this machine's noise): {runs}."


def page_scaling_rows(args, workdir: Path, measured: list) -> list[Row]:
    """N generated quiz pages vs N plain pages of the same text, on top of the real site."""
    rows = []
    for pages in ([50] if args.quick else [50, 200]):
        pair = scaling.compare(f"{pages} quiz pages", articles=0, quizzes=pages, runs=args.runs, workdir=workdir)
        measured.append(pair)
        extra_ms = (pair.quiz - pair.plain) / pages * 1000
        rows.append(Row(
            f"Build: {pages} generated quiz pages vs {pages} plain pages of the same text",
            f"quiz {pair.quiz:.2f} s, plain {pair.plain:.2f} s: {pair.ratio:.2f}x "
            f"({pair.quiz / pages * 1000:.0f} vs {pair.plain / pages * 1000:.0f} ms per page; "
            f"{extra_ms:+.1f} ms per quiz page; CPU time {pair.cpu_ratio:.2f}x)",
            f"<= {QUIZ_PAGE_GOAL:.2f}x", pair.ratio <= QUIZ_PAGE_GOAL,
        ))
    return rows


def site_scaling_rows(args, workdir: Path, measured: list) -> list[Row]:
    """1,000 articles + 200 quizzes vs 1,200 plain pages, then twice that (--quick: half, once)."""
    rows, pairs = [], {}
    for factor in ([0.5] if args.quick else [1, 2]):
        articles, quizzes = int(1000 * factor), int(200 * factor)
        pair = scaling.compare(f"{articles} + {quizzes}", articles=articles, quizzes=quizzes,
                               runs=args.runs, workdir=workdir)
        pairs[factor] = pair
        measured.append(pair)
        rows.append(Row(
            f"Build: {articles:,} articles + {quizzes} quizzes vs {articles + quizzes:,} plain pages",
            f"quiz {pair.quiz:.1f} s, plain {pair.plain:.1f} s: {pair.ratio:.2f}x (CPU time {pair.cpu_ratio:.2f}x)",
            f"<= {SITE_GOAL:.2f}x", pair.ratio <= SITE_GOAL,
        ))
    if 2 in pairs:
        quiz_growth, plain_growth = pairs[2].quiz / pairs[1].quiz, pairs[2].plain / pairs[1].plain
        cpu_growth = (pairs[2].quiz_cpu / pairs[1].quiz_cpu, pairs[2].plain_cpu / pairs[1].plain_cpu)
        rows.append(Row(
            "Build growth: 2x the pages (2,000 + 400 vs 1,000 + 200)",
            f"with quizzes {quiz_growth:.2f}x, all plain {plain_growth:.2f}x the time "
            f"(CPU time {cpu_growth[0]:.2f}x and {cpu_growth[1]:.2f}x)",
            f"quiz side grows no faster than plain (<= {LINEAR_GOAL:.2f}x its growth)",
            quiz_growth <= plain_growth * LINEAR_GOAL,
        ))
    return rows


def peer_rows(args, workdir: Path) -> list[Row]:
    sizes = [50] if args.quick else [50, 200]
    result = peer.measure(sizes, args.runs, workdir)
    if not result.times:
        return [Row("Build: mkdocs-quiz, same quiz text", f"not measured: mkdocs-quiz {result.error}")]
    rows = []
    for pages, t in result.times.items():
        extra = {engine: (t[engine] - t["plain"]) / pages * 1000 for engine in ("ours", "mkdocs-quiz")}
        rows.append(Row(
            f"Build: {pages} quiz pages with mkdocs-quiz {result.version} vs ours (neutral config)",
            f"mkdocs-quiz {t['mkdocs-quiz']:.2f} s, ours {t['ours']:.2f} s, plain {t['plain']:.2f} s: "
            f"mkdocs-quiz/ours {t['mkdocs-quiz'] / t['ours']:.2f}x; per quiz page over plain: "
            f"mkdocs-quiz {extra['mkdocs-quiz']:+.1f} ms, ours {extra['ours']:+.1f} ms",
        ))
    if result.error:
        rows.append(Row("Build: mkdocs-quiz, larger sizes", f"not measured: {result.error}"))
    return rows


def zensical_pin() -> str:
    """The Zensical version requirements/zensical.txt pins (the one the bench runs)."""
    for line in (REPO / "requirements/zensical.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("zensical=="):
            return line.split("==", 1)[1].strip()
    return "(unpinned)"


def generator_rows(args, workdir: Path, measured: list) -> list[Row]:
    """The same site and the scaling project, built with MkDocs and with Zensical."""
    rows = []
    for pair in generators.measure(args.runs, workdir, quick=args.quick):
        measured.append(pair)
        rows.append(Row(
            f"Build: {pair.label}, Zensical {zensical_pin()} vs MkDocs + Material (whole pipeline each)",
            f"Zensical {pair.quiz:.2f} s, MkDocs {pair.plain:.2f} s: {pair.ratio:.2f}x "
            f"(CPU time {pair.quiz_cpu:.1f} s vs {pair.plain_cpu:.1f} s, {pair.cpu_ratio:.2f}x)",
        ))
    return rows


def build_real_and_stock(workdir: Path, notes: list[str]):
    """The site as `make build` makes it (every language), and a stock Material site of the
    same text in the same layout, each served with gzip."""
    real_root, stock_root = workdir / "real-site", workdir / "stock-site"
    real, stock = serve_gzip(real_root), serve_gzip(stock_root)
    log("building the real site and a stock Material site of the same text, every language")
    urls = site_urls(real.base_url)
    for language in all_languages():  # English first: its build empties the site folder
        dest, url = real_root / language.subdir, urls[language.code]
        done = build(language.config_file, dest, site_url=url, check=False)
        if done.returncode != 0:
            first = next((line for line in done.output.splitlines() if "WARNING" in line or "ERROR" in line), "")
            notes.append(f"THE STRICT BUILD OF THE REAL SITE ({language.name}) FAILED ({first.strip()}); page "
                         "figures come from a non-strict build of the same sources.")
            build(language.config_file, dest, site_url=url, strict=False)
    projects.build_stock_site(stock_root, stock.base_url, workdir)
    return real, stock


def page_weight_rows(real, stock) -> list[Row]:
    """Per language: the page furthest over its stock Material counterpart, and the tightest budget."""
    rows, base_path = [], urlsplit(real.base_url).path  # both sites are served under the same path
    for language in all_languages():
        pages = language.built_pages(real.root)
        budgets = [page_budget(page, real.root, stock.root, base_path) for page in pages]
        if not budgets:
            rows.append(Row(f"Size: {language.name} pages over stock Material", "not measured: no pages built"))
            continue
        largest = max(budgets, key=lambda b: b.over_stock)
        tightest = min(budgets, key=lambda b: b.allowed - b.ours.total)
        rows.append(Row(
            f"Size: {language.name}, {len(budgets)} pages, largest over stock Material "
            "(HTML+CSS+JS, gzip -9, static)",
            f"{largest.page} {largest.over_stock:+,} B ({kb(largest.ours.total)} vs {kb(largest.stock.total)}; own "
            f"extra text {largest.extra:,} B); pages over stock {kb(min(b.over_stock for b in budgets))} to "
            f"{kb(largest.over_stock)}; least to spare: {tightest.page} "
            f"{tightest.allowed - tightest.ours.total:+,} B",
            f"every page <= stock + {PAGE_ALLOWANCE // 1024} KB + own text",
            all(b.within for b in budgets),
        ))
    return rows


def language_build_rows(args, workdir: Path) -> list[Row]:
    """Each language's strict build alone, alternating, median of runs."""
    log(f"language builds ({args.runs} run(s) each)")
    out = {language: workdir / f"language-{language.code}" for language in all_languages()}  # es/ inside
    builders = {language: (lambda lang=language: build(lang.config_file, out[lang] / lang.subdir))
                for language in all_languages()}
    rows = []
    for language, builds in alternate(builders, args.runs).items():
        pages = len(language.built_pages(out[language]))
        wall, cpu = median([b.seconds for b in builds]), median([b.cpu_seconds for b in builds])
        rows.append(Row(
            f"Build: {language.name} site alone, {pages} pages, `mkdocs build --strict`",
            f"{wall:.2f} s ({wall / pages * 1000:.0f} ms per page; CPU time {cpu:.2f} s; runs "
            f"{'/'.join(f'{b.seconds:.1f}' for b in builds)})",
        ))
    return rows


def _nav_paths(nav):
    for item in nav if isinstance(nav, list) else nav.values() if isinstance(nav, dict) else [nav]:
        if isinstance(item, str):
            yield item
        else:
            yield from _nav_paths(item)


def sample_pages() -> dict[str, str]:
    """Home, the first article in the nav, and the first quiz: name -> site path."""
    article = next(p for p in _nav_paths(projects.site_config()["nav"]) if p.startswith("articles/"))
    quiz = projects.templates()[0].quiz.slug
    return {"home": "", "article": article.removesuffix(".md") + "/", "quiz": f"quizzes/{quiz}/"}


def own_code_row(real) -> Row:
    """The budget tests/site/test_budgets.py enforces, shown here too."""
    try:
        code = own_code(real.root)
    except (ImportError, ValueError, OSError) as error:
        return Row("Size: our quiz + quick-exit JS and CSS, gzip -9", f"not measured: {error}", "<= 4,096 B")
    detail = ", ".join(f"{name} {size:,}" for name, size in code.parts.items())
    return Row(
        "Size: our quiz + quick-exit JS and CSS, gzip -9 (as built: site.min.js + site.min.css)",
        f"{code.budgeted:,} B (sources minified alone: {detail}); shipped bundles with generated dark "
        f"colours {code.shipped:,} B", f"<= {OWN_CODE_BUDGET:,} B", code.budgeted <= OWN_CODE_BUDGET,
    )


def transfer_rows(real, stock, chromium: str | None) -> list[Row]:
    if chromium is None:
        return [Row("Transfer: home, article, quiz page", "not measured: no Chromium (set CHROMIUM)")]
    pages = sample_pages()
    log("transfer: loading each page in Chromium")
    ours = transfer.measure(chromium, {name: real.base_url + path for name, path in pages.items()})
    theirs = transfer.measure(chromium, {name: stock.base_url + path for name, path in pages.items()})
    rows = []
    for name, path in pages.items():
        file = path + "index.html"
        extra = extra_text_bytes((real.root / file).read_text(encoding="utf-8"),
                                 (stock.root / file).read_text(encoding="utf-8"))
        o, s = ours[name], theirs[name]
        allowed = s.critical + PAGE_ALLOWANCE + extra
        rows.append(Row(
            f"Transfer: {name} page (/{path}), gzip -9, ours vs stock Material",
            f"HTML+CSS+JS {kb(o.critical)} vs {kb(s.critical)} ({o.critical - s.critical:+,} B; own extra "
            f"text {extra:,} B); with search/sitemap/favicon {kb(o.total)} vs {kb(s.total)}",
            f"HTML+CSS+JS <= stock + {PAGE_ALLOWANCE // 1024} KB + own text ({kb(allowed)})", o.critical <= allowed,
        ))
    return rows


def _lighthouse_row(label: str, scores, goal: str) -> Row:
    values = [scores.categories[c] for c in lighthouse.CATEGORIES]
    return Row(
        f"Lighthouse mobile: {label} (perf/a11y/best-practices/SEO)",
        f"{'/'.join(map(str, values))}; FCP {scores.fcp_ms / 1000:.2f} s, LCP {scores.lcp_ms / 1000:.2f} s, "
        f"TBT {scores.tbt_ms:.0f} ms", goal, all(v == 100 for v in values) if goal else None,
    )


def lighthouse_rows(real, stock, chromium: str | None, runs: int, notes: list[str]) -> list[Row]:
    goal = "100/100/100/100"
    if chromium is None:
        return [Row("Lighthouse mobile", "skipped: no Chromium (set CHROMIUM)", goal)]
    cli, error = lighthouse.install()
    if cli is None:
        return [Row("Lighthouse mobile", f"skipped: {error}", goal)]
    rows = []
    targets = [(name, real.base_url + path, goal) for name, path in sample_pages().items()]
    targets.append(("stock Material home, for reference", stock.base_url, ""))
    for name, url, page_goal in targets:
        log(f"lighthouse: {name} ({runs} run(s))")
        try:
            scores = lighthouse.measure(cli, url, chromium, runs)
        except RuntimeError as failure:
            rows.append(Row(f"Lighthouse mobile: {name}", f"failed: {failure}", page_goal))
            continue
        rows.append(_lighthouse_row(name if not page_goal else f"{name} page", scores, page_goal))
        if scores.failing:
            notes.append(f"Lighthouse, {name}: below full marks in at least one run: {', '.join(scores.failing)}; "
                         f"render-blocking (Lighthouse's estimate): {', '.join(scores.blocking) or 'none'}.")
    return rows


# Main --------------------------------------------------------------------------------


class _Done(Exception):
    """Leave the measurements early (--generators-only)."""



def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started, notes = time.perf_counter(), list(NOTES)
    chromium = chromium_path()
    with tempfile.TemporaryDirectory(prefix="steady-ground-bench-") as folder:
        workdir = Path(folder)
        try:
            if args.pages_only:
                real, stock = build_real_and_stock(workdir, notes)
                size, pages = page_weight_rows(real, stock), []
                real.stop()
                stock.stop()
                builds = language_build_rows(args, workdir)
                raise _Done
            if args.generators_only:
                measured = []
                builds = generator_rows(args, workdir, measured)
                notes.append(_runs_note(measured).replace("quiz ", "Zensical ").replace("plain ", "MkDocs "))
                pages, size = [], []
                raise _Done
            # Page figures first (one build each), then the long build comparisons.
            real, stock = build_real_and_stock(workdir, notes)
            size = [own_code_row(real)] + page_weight_rows(real, stock)
            pages = transfer_rows(real, stock, chromium)
            pages += lighthouse_rows(real, stock, chromium, args.runs, notes)
            real.stop()
            stock.stop()
            measured = []
            builds = language_build_rows(args, workdir)
            builds += page_scaling_rows(args, workdir, measured) + site_scaling_rows(args, workdir, measured)
            notes.append(_runs_note(measured))
            builds += peer_rows(args, workdir)
            generator_measured = []
            builds += generator_rows(args, workdir, generator_measured)
            notes.append(_runs_note(generator_measured).replace("quiz ", "Zensical ").replace("plain ", "MkDocs "))
        except _Done:
            pass
        except BuildFailed as failure:
            print(f"bench: a build failed, so the figures would be meaningless:\n{failure}", file=sys.stderr)
            return 1
    text = document(builds + pages + size, notes, args.runs, args.quick, time.perf_counter() - started)
    print(text)
    out = REPO / "bench-results" / "latest.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")
    log(f"written to {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
