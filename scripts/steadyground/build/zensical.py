"""Building the site with Zensical, which runs no MkDocs hooks: the same steps as the
hooks, around `zensical build`.

1. stage(): copy docs/ into a git-ignored folder inside the project (Zensical wants
   docs_dir inside the project), with `<!-- quiz: -->` markers embedded, a page per
   quiz, the Self-checks index and our JS/CSS bundles; write a derived config there.
   First every page is held to the MkDocs hook's author checks (steadyground/pages/page_checks.py),
   rendered as Zensical will render it (steadyground/pages/render.py); a problem stops the build.
2. `zensical build` (or `serve`) with that config.
3. finish(): on every built page, in the MkDocs hooks' order, check the content and
   harden links to other sites, put the quiz markup in place, point the language link at
   the page's twin (steadyground/languages/sites.py) and add the CSP; add the hreflang alternates to
   the sitemap; drop the bundle sources; move the site to its destination.
Each language is its own config and its own run (scripts/build_zensical.py), as with MkDocs;
only the steps of the hooks a config names run.
docs/ and quizzes/ are only read. Zensical's own messages name staged files as docs/...;
in a page with an embedded quiz, lines after the marker are shifted by the quiz's lines.
"""

from __future__ import annotations

import ast
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from html import escape as html_escape
from html import unescape as html_unescape
from pathlib import Path

import yaml

from steadyground.assets import bundles
from steadyground.build import preview, sources
from steadyground.core.errors import BuildError
from steadyground.languages import sites as languages
from steadyground.pages import build as pages
from steadyground.pages import render as page_render
from steadyground.plans.build import PlanBuild
from steadyground.quizzes.build import INDEX_URI, QuizBuild, nav_paths
from steadyground.references import bibliography as references
from steadyground.safety import csp

STAGE = ".zensical-stage"  # inside the project, git-ignored
VARIANT = "classic"  # Zensical's Material look; "modern" is a new design our overrides were not made for
# Overrides made for Material that Zensical must not use: our copy of Material's search
# partial (it adds the dialog's accessible name) would replace Zensical's own search
# button, which already has that name, with an unstyled Material form.
# Our sitemap.xml (hreflang alternates, read from what scripts/site_hook.py puts on each page)
# needs the hook, which Zensical does not run, and MkDocs' page objects; Zensical writes its own
# and finish() adds the alternates to it.
MATERIAL_ONLY_OVERRIDES = ("partials/search.html", "sitemap.xml")
_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.S)
# Zensical's search dialog puts a fixed stylesheet into a <style> element at run time:
#   o.appendChild(C("style",{},Tc.toString()))  with  var Tc='...css...'
_STYLE_ELEMENT = re.compile(r'\(\s*"style"\s*,\s*\{\s*\}\s*,\s*([A-Za-z_$][\w$]*)\.toString\(\)\s*\)')


@dataclass
class Staged:
    root: Path  # the staging folder
    config: Path  # the derived config Zensical reads
    site: Path  # where Zensical writes the site
    quizzes: QuizBuild | None  # None when the config does not run the quiz hook
    site_url: str | None
    links: languages.LanguageLinks | None  # the language links on every page
    language: str  # theme.language: <html lang> and the hreflang of this build's pages
    sources: dict[str, tuple[str, dict]]  # a page's URL path -> its staged source and front matter
    plans: PlanBuild | None = None  # None when the config does not run the plan hook


def check_sources(config: dict, project: Path, config_name: str = "mkdocs.yml") -> sources.Checked:
    """Every problem of the sources, the same first step as the MkDocs hooks (build/sources.py),
    each page rendered and checked; a BuildError listing them all, sorted."""
    checked = sources.every_problem(config, project, config_name, pages_too=True)
    if checked.problems:
        raise BuildError("The site's sources have problems:\n" + "\n".join(checked.problems))
    return checked


def stage(config_path: Path, theme_dir: Path, *, fresh: bool = True, site_url: str | None = None) -> Staged:
    """Write the staging folder for `zensical build`, one per language (theme.language);
    `theme_dir` is Zensical's own theme, `site_url` replaces the config's. fresh=False (a
    running preview) rewrites only the staged files that changed."""
    project = config_path.resolve().parent
    config = languages.load_config(config_path)
    if site_url is not None:
        config["site_url"] = site_url
    root = project / STAGE / str(config["theme"].get("language", "en"))
    if fresh and root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True, exist_ok=True)  # a fresh clone has no staging folder yet
    checked = check_sources(config, project, config_path.name)  # before copying: copytree would follow a symbolic link
    docs = root / "next-docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(project / config.get("docs_dir", "docs"), docs)

    quizzes, bibliography = checked.quizzes, checked.bibliography
    plans = PlanBuild.from_config(config, project) if sources.runs_hook(config, "plan_hook.py") else None
    if plans is not None:  # before the references step, which renders the plan page's list too
        plans.load(project / config.get("docs_dir", "docs"))
        (docs / plans.page).parent.mkdir(parents=True, exist_ok=True)
        (docs / plans.page).write_text(plans.markdown(), encoding="utf-8")
    for path in sorted(docs.rglob("*.md")):
        text, src_uri = path.read_text(encoding="utf-8"), path.relative_to(docs).as_posix()
        embedded = checked.embedded.get(src_uri)
        if embedded is None:  # not a page of this config's own (the plan's, another language's)
            embedded = sources.before_markdown(text, src_uri, bibliography, quizzes)
        if embedded != text:
            path.write_text(embedded, encoding="utf-8")
    has_index = (docs / INDEX_URI).is_file()
    generated_pages = quizzes.pages(has_index=has_index, nav_paths=nav_paths(config.get("nav"))) if quizzes else []
    for generated in generated_pages:
        target = docs / generated.uri
        if target.exists():
            raise BuildError(f"docs/{generated.uri} already exists, but a quiz generates that page; rename one of them")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(generated.markdown, encoding="utf-8")

    custom_dir = project / config["theme"]["custom_dir"]
    overrides = root / "next-overrides"
    if overrides.exists():
        shutil.rmtree(overrides)
    shutil.copytree(custom_dir, overrides, ignore=_material_only(custom_dir))
    _sync(overrides, root / "overrides")
    shutil.rmtree(overrides)
    palette = bundles.palette_css([theme_dir], f"assets/stylesheets/{VARIANT}/palette.*.min.css")
    for uri, content in bundles.build_bundles(bundles.read_from([custom_dir]), palette).items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_text(content, encoding="utf-8")

    _sync(docs, root / "docs")
    shutil.rmtree(docs)
    links = languages.LanguageLinks.from_config(config_path, config.get("site_url"))
    derived = _derived_config(config, project, root / "overrides", links)
    _write_if_changed(root / "mkdocs.yml", yaml.safe_dump(derived, sort_keys=False, allow_unicode=True).encode())
    return Staged(root, root / "mkdocs.yml", root / "site", quizzes, config.get("site_url"), links,
                  str(config["theme"].get("language", "en")), _page_sources(root / "docs"), plans)


def _page_sources(docs: Path) -> dict[str, tuple[str, dict]]:
    """{URL path of a page inside its language's site: (its source, its front matter)}."""
    sources = {}
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        sources[languages.page_path(src_uri)] = (src_uri, languages.front_matter(path))
    return sources


def _material_only(custom_dir: Path):
    skipped = {(custom_dir / uri).resolve() for uri in MATERIAL_ONLY_OVERRIDES}

    def ignore(folder: str, names: list[str]) -> list[str]:
        return [name for name in names if (Path(folder) / name).resolve() in skipped]

    return ignore


def sources_fingerprint(config_path: Path) -> tuple:
    """Changes to anything staged (pages, quizzes, bundle sources, the config) change this."""
    project = config_path.resolve().parent
    config = languages.load_config(config_path)
    folders = [project / config.get("docs_dir", "docs"), project / config["theme"]["custom_dir"],
               QuizBuild.from_extra(config.get("extra") or {}, project).quiz_dir]
    plans = PlanBuild.from_config(config, project)
    folders += [plans.file.parent] if plans is not None else []
    files = [config_path, project / references.BIBLIOGRAPHY] + [
        path for folder in folders if folder.is_dir() for path in sorted(folder.rglob("*"))]
    return tuple((str(path), path.stat().st_mtime_ns) for path in files if path.is_file())


def _sync(source: Path, target: Path) -> None:
    """Make `target` hold exactly `source`'s files, touching only those that differ."""
    wanted = {path.relative_to(source) for path in source.rglob("*") if path.is_file()}
    if target.exists():
        for path in sorted(target.rglob("*"), reverse=True):
            if path.is_file() and path.relative_to(target) not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for relative in sorted(wanted):
        _write_if_changed(target / relative, (source / relative).read_bytes())


def _write_if_changed(path: Path, data: bytes) -> None:
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _derived_config(config: dict, project: Path, custom_dir: Path,
                    links: languages.LanguageLinks | None = None) -> dict:
    derived = dict(config)
    derived.pop("hooks", None)  # Zensical runs none; their steps run here instead
    derived["docs_dir"], derived["site_dir"] = "docs", "site"
    derived["theme"] = {**config["theme"], "custom_dir": str(custom_dir), "variant": VARIANT}
    derived["extra"] = {**(config.get("extra") or {}), "scope": pages.site_scope(config.get("site_url"))}
    if links is not None:
        # Every page links to the other home pages; finish() points each link at its twin.
        derived["extra"]["language"] = {**config["extra"]["language"], "homes": links.home}
    derived["watch"] = [str(project / path) for path in config.get("watch", [])]
    derived["plugins"] = [_search_for_zensical(_privacy_for_zensical(plugin))
                          for plugin in config.get("plugins", [])]
    derived["markdown_extensions"] = [page_render.absolute_snippets(ext, project)
                                      for ext in config.get("markdown_extensions", [])]
    return derived


# Libraries Zensical's own bundle names, each loaded only by a feature we do not use
# (diagrams, image lightbox, runnable code, an old-browser polyfill); the CSP blocks
# them anyway. Not assets of ours for the privacy detector to report.
_ZENSICAL_BUNDLE_URLS = [
    "unpkg.com/ace-builds@*", "unpkg.com/glightbox@*", "unpkg.com/mermaid@*", "unpkg.com/pyodide@*",
    "unpkg.com/resize-observer-polyfill*", "cdn.jsdelivr.net/pyodide/*",
]


def _privacy_for_zensical(plugin):
    if isinstance(plugin, dict) and "privacy" in plugin:
        options = dict(plugin["privacy"])
        options["assets_exclude"] = [*options.get("assets_exclude", []), *_ZENSICAL_BUNDLE_URLS]
        return {"privacy": options}
    return plugin


def _search_for_zensical(plugin):
    """Zensical's search takes no `lang` (it stops the build as an unknown option): its index
    takes the language from theme.language, and each language's build has its own index."""
    if isinstance(plugin, dict) and isinstance(plugin.get("search"), dict) and "lang" in plugin["search"]:
        options = {key: value for key, value in plugin["search"].items() if key != "lang"}
        return {"search": options} if options else "search"
    return plugin


def runtime_style_hashes(site: Path) -> list[str]:
    """The CSP hash of each stylesheet Zensical's bundle writes into a <style> element.
    Read from the bundle itself, so an upgrade that changes the CSS changes the hash; a
    bundle that does it in a way not recognised here fails the build."""
    hashes = []
    for bundle in sorted((site / "assets" / "javascripts").glob("bundle.*.min.js")):
        text = bundle.read_text(encoding="utf-8")
        for name in _STYLE_ELEMENT.findall(text):
            literal = re.search(rf"\b{re.escape(name)}=('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")", text)
            if literal is None:
                raise BuildError(f"{bundle.name}: the stylesheet {name} for a <style> element was not found")
            css = ast.literal_eval(literal.group(1))
            hashes.append(csp.script_hash(css))
        if "createElement(\"style\")" in text:
            raise BuildError(f"{bundle.name}: writes a <style> element this build cannot hash")
    return hashes


def finish(staged: Staged, dest: Path) -> list[Path]:
    """Run the HTML steps over the built site, then move it to `dest`. Returns the pages."""
    site = staged.site
    policy = pages.site_policy(staged.site_url)
    for uri in bundles.source_uris():  # readers get the bundles only, as with MkDocs
        (site / uri).unlink(missing_ok=True)
    style_hashes = runtime_style_hashes(site)
    built = sorted(site.rglob("*.html"))
    for path in built:
        source = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        # The order of the MkDocs hooks: content checks, then quiz markup, then the policy.
        html = _ARTICLE.sub(lambda m: m.group(1) + pages.checked_content(m.group(2), source=source) + m.group(3),
                            html, count=1)
        html = staged.quizzes.assemble(html, source=source) if staged.quizzes else html
        html = staged.plans.assemble(html, source=source) if staged.plans else html
        if staged.links is not None:
            html = with_language_link(html, _page_link(staged, source), source=source)
        html = pages.with_style_hashes(pages.with_policy(policy, html, source=source), style_hashes)
        path.write_text(html, encoding="utf-8")
    if staged.links is not None:
        sitemap = site / "sitemap.xml"
        sitemap.write_text(with_alternates(sitemap.read_text(encoding="utf-8"), staged), encoding="utf-8")
    dest = dest.resolve()
    if dest != site.resolve():
        if dest.exists():
            shutil.rmtree(dest)
        shutil.move(str(site), str(dest))
    return [dest / path.relative_to(site) for path in built]


def _page_link(staged: Staged, built: str) -> list[dict]:
    """The language links of a built page (its path in the site), by the MkDocs hook's rule."""
    url_path = built[: -len("index.html")] if built == "index.html" or built.endswith("/index.html") else None
    if url_path is None or url_path not in staged.sources:
        return staged.links.home  # 404.html: no source
    return staged.links.for_page(*staged.sources[url_path])


_LANGUAGE_LINK = re.compile(r'(<p class="language-link"><a href=")([^"]*)(")')


def with_language_link(html: str, links: list[dict], *, source: str) -> str:
    """Point the language links (overrides/partials/language-link.html, rendered with the
    other home pages, one per language in build order) at this page's own links."""
    found = _LANGUAGE_LINK.findall(html)
    if len(found) != len(links):
        raise BuildError(f"{source}: {len(found)} language links instead of {len(links)} "
                         "(overrides/partials/language-link.html)")
    hrefs = iter(link["href"] for link in links)
    return _LANGUAGE_LINK.sub(lambda m: m.group(1) + html_escape(next(hrefs)) + m.group(3), html)


_LOC = re.compile(r"([ \t]*)<loc>([^<]*)</loc>")
_URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def with_alternates(sitemap: str, staged: Staged) -> str:
    """Zensical's sitemap.xml plus hreflang alternates between each page and its translations,
    as overrides/sitemap.xml writes them for MkDocs."""
    if _URLSET + ">" not in sitemap:
        raise BuildError("sitemap.xml: Zensical's <urlset> was not recognised; hreflang alternates not added")
    site_url, language = staged.site_url, staged.language

    def alternates(match: re.Match) -> str:
        indent, loc = match.group(1), html_unescape(match.group(2).strip())
        sources = staged.sources.get(loc[len(site_url):]) if loc.startswith(site_url) else None
        translated = [link for link in staged.links.for_page(*sources) if link["translated"]] if sources else []
        if not translated:
            return match.group(0)
        pairs = [(language, loc)] + [(link["hreflang"], link["url"]) for link in translated]
        return match.group(0) + "".join(
            f'\n{indent}<xhtml:link rel="alternate" hreflang="{code}" href="{html_escape(url)}"/>' for code, url in pairs)

    sitemap = sitemap.replace(_URLSET + ">", _URLSET + ' xmlns:xhtml="http://www.w3.org/1999/xhtml">', 1)
    return _LOC.sub(alternates, sitemap)


def serve(zensical: str, config_path: Path, theme_dir: Path, dev_addr: str, poll_seconds: float = 0.3) -> int:
    """`zensical serve` on the staged site, re-staging whenever a source changes (Zensical
    itself watches only the staging folder), and putting quiz markup into each page it
    writes. A preview like `mkdocs serve`: no CSP (its live reload is an inline script)."""
    staged = _first_good_stage(config_path, theme_dir, dev_addr, poll_seconds)

    def start() -> subprocess.Popen:
        return subprocess.Popen([zensical, "serve", "-f", str(staged.config), "--dev-addr", dev_addr], cwd=staged.root)

    server = start()
    seen, patched, broken = sources_fingerprint(config_path), 0, False
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the server with us
    try:
        while server.poll() is None:
            time.sleep(poll_seconds)
            now = sources_fingerprint(config_path)
            if now != seen:
                seen = now
                try:
                    staged = stage(config_path, theme_dir, fresh=False)
                except BuildError as error:
                    print(f"ERROR: {error}", flush=True)  # keep serving; the author fixes and saves
                    broken = show_problems(staged.site, str(error))
                    continue
                if broken:  # fixed: a fresh `zensical serve` writes every page again (the staged
                    # sources are as before the mistake, which never reached them, so an
                    # incremental rebuild would leave the problem pages in place)
                    server.terminate()
                    server.wait()
                    server, broken = start(), False
            if not broken:
                patched = _assemble_newer(staged, patched)
    except KeyboardInterrupt:
        pass
    finally:
        if server.poll() is None:
            server.terminate()
    return server.wait()


def _first_good_stage(config_path: Path, theme_dir: Path, dev_addr: str, poll_seconds: float) -> Staged:
    """Stage the site; while the sources are broken, show their problems at the preview's
    address (every page) and try again on every save, so the preview never just fails."""
    try:
        return stage(config_path, theme_dir)
    except BuildError as error:
        print(f"ERROR: {error}", flush=True)
        server = preview.serve_problem_page(dev_addr, _problem_lines(str(error)))
    seen = sources_fingerprint(config_path)
    try:
        while True:
            time.sleep(poll_seconds)
            now = sources_fingerprint(config_path)
            if now == seen:
                continue
            seen = now
            try:
                return stage(config_path, theme_dir)
            except BuildError as error:
                print(f"ERROR: {error}", flush=True)
                server.shutdown()
                server.server_close()
                server = preview.serve_problem_page(dev_addr, _problem_lines(str(error)))
    finally:
        server.shutdown()
        server.server_close()


def _problem_lines(message: str) -> list[str]:
    """A BuildError's problems, one per line after its first ("... have problems:")."""
    return [line for line in message.splitlines()[1:] if line.strip()] or [message]


def show_problems(site: Path, message: str) -> bool:
    """While previewing, a save that breaks the sources shows its problems on every page, as
    `make serve` does with MkDocs (build/preview.py's page), until the next good save."""
    page = preview.error_page(_problem_lines(message))
    for path in site.rglob("*.html") if site.is_dir() else []:
        path.write_text(page, encoding="utf-8")
    return True


def _assemble_newer(staged: Staged, since_ns: int) -> int:
    """Quiz markup into pages written since `since_ns`; returns the newest time seen."""
    newest = since_ns
    for path in staged.site.rglob("*.html") if staged.site.is_dir() else []:
        mtime = path.stat().st_mtime_ns
        if mtime > since_ns:
            html = path.read_text(encoding="utf-8")
            try:
                if staged.quizzes and "<!--quiz-markup:" in html:
                    html = staged.quizzes.assemble(html, source=path.name)
                    path.write_text(html, encoding="utf-8")
                if staged.plans and staged.plans.plan is not None and "<!--plan-markup-->" in html:
                    path.write_text(staged.plans.assemble(html, source=path.name), encoding="utf-8")
            except BuildError as error:
                print(f"ERROR: {error}", flush=True)
            newest = max(newest, path.stat().st_mtime_ns)
    return newest


def run_zensical(zensical: str, command: str, staged: Staged, *extra: str) -> int:
    """`zensical build` on the derived config; returns its exit code. Its messages are
    printed plainly: no colour codes, paths from the project (docs/...), and no Python
    traceback after a failed strict build."""
    args = [zensical, command, "-f", str(staged.config), *extra]
    done = subprocess.run([*args, "--clean", "--strict"], cwd=staged.root, capture_output=True, text=True)
    print(plain_messages(done.stdout + done.stderr), end="")
    return done.returncode


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_LOCATION = re.compile(r"╭─\[ (?!docs/)([^\]]+?) \]")


def plain_messages(output: str) -> str:
    lines, skipping = [], False
    for line in _ANSI.sub("", output).splitlines():
        if line.startswith("Traceback (most recent call last):"):
            skipping = True
            continue
        if skipping:
            if line and not line.startswith(" "):  # the exception line ends the traceback
                skipping = False
                lines.append(line.split(": ", 1)[-1])
            continue
        lines.append(_LOCATION.sub(r"╭─[ docs/\1 ]", line))
    return "\n".join(lines) + ("\n" if lines else "")
