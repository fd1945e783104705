"""Steps on a page's HTML: the content checks and link rewriting, and the site-wide
Content-Security-Policy on the finished page (steadyground/safety/csp.py, steadyground/safety/links.py)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from steadyground.core import front_matter, limits
from steadyground.core.errors import BuildError
from steadyground.pages import author_checks
from steadyground.safety.csp import SitePolicy, inline_scripts
from steadyground.safety.links import harden_external_links


def site_scope(site_url: str | None) -> str:
    """The theme's storage scope (extra.scope) from site_url, so its inline script, and
    with it the CSP hash, is the same on every page."""
    return urlparse(site_url or "/").path or "/"


def site_policy(site_url: str | None) -> SitePolicy:
    """The CSP, its sources scoped to the site's own path (steadyground/safety/csp.py)."""
    return SitePolicy(upgrade_insecure=(site_url or "/").startswith("https://"), site_url=site_url)


def checked_content(html: str, *, source: str) -> str:
    """A page's content (what Markdown made): no inline script, links to other sites hardened."""
    if inline_scripts(html):
        raise BuildError(
            f"{source}: inline <script> in page content is not allowed: the strict "
            "Content-Security-Policy blocks it (safety.md SEC-3). Put the code in a .js file."
        )
    return harden_external_links(html)


def with_policy(policy: SitePolicy, html: str, *, source: str) -> str:
    """The finished page with the site's CSP <meta>; a page needing another policy fails."""
    try:
        return policy.apply(html, source)
    except ValueError as error:
        raise BuildError(str(error)) from None


def with_style_hashes(html: str, hashes: list[str]) -> str:
    """Allow these <style> elements (by sha256) in the page's CSP: for a theme that
    writes a fixed inline stylesheet at run time. Never 'unsafe-inline'."""
    if not hashes:
        return html
    start = html.find('http-equiv="Content-Security-Policy"')
    at = html.find("style-src ", start)
    end = html.find(";", at)
    if start < 0 or at < 0 or end < 0:
        raise BuildError("no Content-Security-Policy with a style-src directive to add style hashes to")
    return html[:end] + " " + " ".join(sorted(set(hashes))) + html[end:]


def source_problems(*, root: Path, docs_dir: Path, includes: Path, quiz_dir: Path) -> list[str]:
    """Symbolic links, snippets and abbreviations in the shared sources, checked before any
    page is read (a nested missing snippet would otherwise stop a build with a traceback)."""
    folders = [docs_dir, includes, quiz_dir]
    problems = author_checks.symlinks([f for f in folders if f.exists() or f.is_symlink()], root)
    problems += author_checks.docs_file_problems(docs_dir, root)
    # Every page's size and front matter, before MkDocs or Zensical parses any of them (an
    # alias bomb or a 500-deep list would hang or crash the generator's own reading).
    for page in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() and not problems else []:
        shown = author_checks.display_path(page, root)
        too_big = limits.source_problems(page, shown)
        problems += too_big or front_matter.read(page.read_text(encoding="utf-8"), shown).problems
    for include in sorted(includes.rglob("*.md")) if includes.is_dir() and not problems else []:
        shown = author_checks.display_path(include, root)
        too_big = limits.source_problems(include, shown, max_bytes=limits.MAX_INCLUDE_BYTES)
        if too_big:
            problems += too_big
            continue
        text = include.read_text(encoding="utf-8")
        problems += author_checks.snippet_problems(text, shown, includes)
        problems += author_checks.abbreviation_problems(text, shown)
    return problems

