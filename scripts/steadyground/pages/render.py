"""A page's Markdown body rendered to HTML as MkDocs and Zensical render it: Python-Markdown
with the config's markdown_extensions and their options (both generators call Python-Markdown
so; Zensical's own zensical/markdown/render.py does exactly this). For the author checks of a
door that has no MkDocs page to read (the Zensical build, `make check`): steadyground/pages/page_checks.py.

Links are left as written (MkDocs rewrites them relative to the page's address), so the page's
folder in the site is its source's folder: `source_dir`.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import markdown

from steadyground.core import front_matter
from steadyground.pages import author_checks

# Extensions MkDocs always adds to the config's own (mkdocs/config/defaults.py, builtins).
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")


def absolute_snippets(extension, project: Path):
    """A markdown_extensions entry with pymdownx.snippets' base_path made absolute against the
    project (Python-Markdown reads a relative one against the working directory)."""
    if isinstance(extension, dict) and "pymdownx.snippets" in extension:
        options = dict(extension["pymdownx.snippets"] or {})
        options["base_path"] = [str(project / path) for path in options.get("base_path", ["."])]
        return {"pymdownx.snippets": options}
    return extension


class PageRenderer:
    """One Markdown converter for a config's pages (reset between pages, as MkDocs does not
    need to: building the converter costs more than converting a page)."""

    def __init__(self, config: dict, project: Path, includes: Path):
        names, options = [], {}
        for entry in [absolute_snippets(e, project) for e in config.get("markdown_extensions") or []]:
            name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
            names.append(name)
            if settings:
                options[name] = settings
        names += [name for name in MKDOCS_BUILTINS if name not in names]
        self._markdown = markdown.Markdown(extensions=names, extension_configs=options)
        self.includes = includes

    def render(self, text: str, source: str) -> str:
        """The HTML of a page's body (front matter left out). Bad snippet lines are blanked:
        they are reported by the snippet check, and pymdownx.snippets would stop on them."""
        lines = text.split("\n")
        body = "\n".join(lines[front_matter.read(text, source).body_line - 1:])
        self._markdown.reset()
        return self._markdown.convert(author_checks.without_bad_snippets(body, self.includes))


def own_pages(config: dict, project: Path) -> dict[str, Path]:
    """{src_uri: path} of a config's own Markdown sources: its docs_dir without the folders
    exclude_docs names (the English config leaves docs/es/ to the Spanish one)."""
    docs = project / config.get("docs_dir", "docs")
    excluded = [line.strip().strip("/") for line in str(config.get("exclude_docs") or "").splitlines() if line.strip()]
    found = {}
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        src_uri = path.relative_to(docs).as_posix()
        if not any(src_uri.startswith(folder + "/") for folder in excluded):
            found[src_uri] = path
    return found


def source_dir(src_uri: str, site_path: str) -> str:
    """The page's folder in the site for links as written in its source (not rewritten)."""
    folder = posixpath.dirname(src_uri)
    return site_path + (folder + "/" if folder else "")
