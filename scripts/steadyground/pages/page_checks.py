"""The per-page author checks, one set run by every door (the MkDocs hook, the Zensical build,
`make check`) with the same messages: front matter without markup, snippets only from
includes/, and the page's rendered Markdown held to the content allowlist (reserved classes and
ids, other hosts, an unclosed `<!--`, markup hidden in the first heading). Each problem is
`path:LINE: message`, the line in the page or in the include it came from (steadyground/pages/author_checks.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from steadyground.core import front_matter
from steadyground.pages import author_checks


def page_problems(text: str, *, source: str, html: str, includes: Path, root: Path, page_dir: str,
                  site_path: str) -> list[str]:
    """Every problem of one page. `text` is its source file, `source` how messages name it
    (docs/<src_uri>), `html` its rendered Markdown body and `page_dir` the folder in the site
    that the links in `html` are relative to."""
    return [message for _, message in page_findings(text, source=source, html=html, includes=includes, root=root,
                                                    page_dir=page_dir, site_path=site_path)]


def page_findings(text: str, *, source: str, html: str, includes: Path, root: Path, page_dir: str,
                  site_path: str) -> list[tuple[str, str]]:
    """page_problems, each with the name of its rule in `make check` (AUTHORING.md)."""
    read = front_matter.read(text, source)
    if read.problems:
        return [("front-matter-markup" if read.readable else "front-matter-yaml", p) for p in read.problems]
    found = [("front-matter-markup", p) for p in author_checks.front_matter_problems(read.meta, text, source)]
    found += [("snippets", p) for p in author_checks.snippet_problems(text, source, includes)]
    found += [("page-content", p) for p in author_checks.content_problems(
        html, source=source, source_text=text, includes=includes, root=root, page_dir=page_dir, site_path=site_path)]
    return found


_PLACE = re.compile(r"^(?P<path>[^:\n]+?)(?::(?P<line>\d+))?(?=[: ])")


def place(problem: str) -> tuple[str, int]:
    """(path, line) a problem names, for sorting and for `make check`'s path:LINE:COL."""
    match = _PLACE.match(problem)
    return (match.group("path"), int(match.group("line") or 0)) if match else (problem, 0)


def in_order(problems: list[str]) -> list[str]:
    """Problems once each, by file and then line (line 10 after line 9)."""
    return sorted(dict.fromkeys(problems), key=lambda problem: (*place(problem), problem))
