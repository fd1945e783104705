"""Checks of what authors write, before it becomes a page: Markdown page bodies, front
matter, abbreviation definitions, snippets and the source folders themselves.

A courtesy for authors (each problem names the file and, where it can, the line); the
gate over the built site (gate.py) is the guard every build passes through. Both hold
HTML to the same allowlist (allowlist.py). Every function returns messages, never raises.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable

from pymdownx.snippets import SnippetPreprocessor

from steadyground.safety.allowlist import check_fragment, front_matter_problem, parse_fragment

_ABBREVIATION = re.compile(r"^\*\[(?P<word>[^\]]+)\]:[ \t]*(?P<definition>.*)$", re.M)
_FRONT_MATTER_KEY = r"^{key}[ \t]*:"


def symlinks(folders: Iterable[Path], root: Path) -> list[str]:
    """Every symbolic link under the source folders: a link can publish a file from
    anywhere on the machine (pymdownx.snippets and MkDocs both follow them)."""
    found = []
    for folder in folders:
        if folder.is_symlink():
            found.append(display_path(folder, root))
            continue
        for directory, dirs, files in os.walk(folder, followlinks=False):
            for name in dirs + files:
                path = Path(directory) / name
                if path.is_symlink():
                    found.append(display_path(path, root))
    problems = [f"{path}: symbolic links are not allowed in the site's sources; copy the file in instead"
                for path in sorted(found)]
    return problems + _odd_names(folders, root)


# What docs/ may hold: pages and pictures. Everything else MkDocs would copy into the site as
# it is, and several kinds run scripts of their own there (.html, .svg, .xml, .xhtml, .js).
DOCS_SUFFIXES = {".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}
# Paths the theme and our bundles are served from: a file there would replace theirs.
ASSET_FOLDERS = ("assets/javascripts", "assets/stylesheets")


def docs_file_problems(docs_dir: Path, root: Path) -> list[str]:
    """Each file under docs/ of a type the site does not need, or at a theme asset path (also
    inside another language's folder, docs/<code>/)."""
    problems = []
    for path in sorted(docs_dir.rglob("*")) if docs_dir.is_dir() else []:
        if not path.is_file() or path.is_symlink():
            continue
        inside = path.relative_to(docs_dir).as_posix()
        _, _, rest = inside.partition("/")
        # Inside any first folder too: a language's pages are docs/<code>/, and a folder that is
        # not (yet) a language costs nothing to hold to the same rule.
        places = [inside] + ([rest] if rest else [])
        shown = display_path(path, root)
        if any(place.startswith(asset + "/") for place in places for asset in ASSET_FOLDERS):
            problems.append(f"{shown}: a file at the theme's asset path would replace a script or stylesheet of "
                            "the site; scripts and stylesheets come only from overrides/ (through the bundle)")
        elif path.suffix.lower() not in DOCS_SUFFIXES:
            problems.append(f"{shown}: a {path.suffix or 'suffixless'} file is not something the site needs from "
                            f"docs/ (allowed: {', '.join(sorted(DOCS_SUFFIXES))}); browsers can run scripts in "
                            ".html, .svg, .xml and similar files")
    return problems


def _odd_names(folders: Iterable[Path], root: Path) -> list[str]:
    """File and folder names become page addresses: control and invisible format characters
    (a trailing newline, a bidi override) would make folders and URLs that are not what they look."""
    problems = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() and not folder.is_symlink() else []:
            odd = [c for c in path.name if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]
            if odd:
                codes = ", ".join(f"U+{ord(c):04X}" for c in odd)
                problems.append(f"{display_path(path, root)!r}: the name holds an invisible or control character "
                                f"({codes}); rename it using letters, digits and hyphens")
    return problems


def snippet_problems(text: str, source: str, includes: Path) -> list[str]:
    """Each `--8<-- "file"` that names no file inside includes/ (the build would otherwise
    stop with a traceback, or read a file from outside the folder)."""
    return [f"{source}:{number}: {problem}" for number, problem in bad_snippets(text, includes)]


def bad_snippets(text: str, includes: Path) -> list[tuple[int, str]]:
    """(line number, problem) of each snippet line that must not be followed."""
    found, in_block = [], False
    for number, line in enumerate(text.splitlines(), 1):
        match = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
        if match and match.group("escape"):
            continue
        if match and match.group("block_marker"):
            in_block = not in_block
            continue
        if match and match.group("snippet"):
            name = match.group("snippet")[1:-1]
        elif in_block and line.strip():
            name = line.strip()
        else:
            continue
        problem = _snippet_problem(SnippetPreprocessor.RE_SNIPPET_FILE.match(name).group(1), includes)
        if problem:
            found.append((number, problem))
    return found


def without_bad_snippets(markdown: str, includes: Path) -> str:
    """The Markdown with each bad snippet line blanked, so the build can go on to report
    every other problem before it stops (it stops in any case)."""
    bad = {number for number, _ in bad_snippets(markdown, includes)}
    if not bad:
        return markdown
    lines = markdown.split("\n")
    for number in bad:
        lines[number - 1] = ""
    return "\n".join(lines)


def _snippet_problem(name: str, includes: Path) -> str | None:
    target = (includes / name)
    try:
        inside = target.resolve().is_relative_to(includes.resolve())
    except OSError:
        inside = False
    if not inside:
        return f'the snippet "{name}" is outside includes/; snippets may only come from there'
    if target.is_symlink():
        return f'the snippet "{name}" is a symbolic link; copy the file into includes/ instead'
    if not target.is_file():
        known = ", ".join(sorted(p.name for p in includes.glob("*.md"))) or "none"
        return f'the snippet "{name}" was not found in includes/ (there: {known})'
    return None


def front_matter_problems(meta: dict[str, Any], source_text: str, source: str) -> list[str]:
    """Front matter values the theme prints without escaping must hold no markup."""
    problems = []
    for key, value in meta.items():
        for text in _strings(value):
            problem = front_matter_problem(str(key), text)
            if problem:
                problems.append(f"{source}:{_key_line(source_text, str(key))}: {problem}")
    return problems


def abbreviation_problems(text: str, source: str) -> list[str]:
    """`*[WORD]: definition` becomes a title attribute, which Material's tooltips show as HTML."""
    problems = []
    for match in _ABBREVIATION.finditer(text):
        definition = html.unescape(match.group("definition"))
        if "<" in definition or ">" in definition:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f'{source}:{line}: the definition of "{match.group("word")}" contains "<" or ">": '
                            "tooltips show definitions as HTML; write plain words")
    return problems


_TAG_OPEN = re.compile(r"<[A-Za-z/!?]")


def content_problems(rendered: str, *, source: str, source_text: str, includes: Path, root: Path,
                     page_dir: str, site_path: str) -> list[str]:
    """The page's rendered Markdown held to the content allowlist, each problem located in
    the page (or in the include it came from) where its text can be found."""
    problems = []
    for finding in check_fragment(rendered, page_dir=page_dir, site_path=site_path):
        where = _locate(finding.needles, source, source_text, includes, root)
        problems.append(f"{where}: {finding.message}")
    unclosed: list[str] = []
    fragment = parse_fragment(rendered, unclosed=unclosed)
    heading = next(fragment.iter("h1"), None)
    if heading is not None and _TAG_OPEN.search("".join(heading.itertext())):
        # The theme takes the page title from the first heading and strips tags from it after
        # decoding its entities: "&lt;script&gt;" would come back as markup in the menu. A "<"
        # opens markup only before a letter, "/", "!" or "?" (the HTML tokenizer's rule), so
        # "I <3 you" stays text.
        where = _locate(("# ",), source, source_text, includes, root)
        problems.append(f"{where}: the first heading holds markup written as text (a '<' before a letter, '/', '!' "
                        "or '?', as &lt;); the theme turns it back into markup in the menu and the tab title; "
                        "write plain words")
    if unclosed:
        where = _unclosed_place(source, source_text, includes, root)
        problems += [f"{where}: {why.split(' (line')[0]}; it would swallow the rest of every page it reaches "
                     "(close it, or write &lt;!-- to show it as text)" for why in unclosed]
    return problems


def _unclosed_place(source: str, source_text: str, includes: Path, root: Path) -> str:
    """The page or include line of a `<!--` (or `<![CDATA[`) with no end after it."""
    for shown, text in [(source, source_text)] + [
            (display_path(p, root), p.read_text(encoding="utf-8")) for p in sorted(includes.rglob("*.md"))]:
        for opener, closer in (("<!--", "-->"), ("<![CDATA[", "]]>")):
            at = text.rfind(opener)
            if at >= 0 and text.find(closer, at + len(opener)) < 0:
                line = text.count("\n", 0, at) + 1
                return f"{shown}:{line}" + ("" if shown == source else f" (included in {source})")
    return source


def _locate(needles: tuple[str, ...], source: str, source_text: str, includes: Path, root: Path) -> str:
    for needle in needles:
        line = _line_of(needle, source_text)
        if line:
            return f"{source}:{line}"
    for include in sorted(includes.glob("*.md")):
        text = include.read_text(encoding="utf-8")
        for needle in needles:
            line = _line_of(needle, text)
            if line:
                return f"{display_path(include, root)}:{line} (included in {source})"
    return source


def _line_of(needle: str, text: str) -> int | None:
    """The first line holding `needle`, as written or once character references are decoded."""
    needle = needle.lower()
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line.lower() or ("&" in line and needle in html.unescape(line).lower()):
            return number
    return None


def _key_line(text: str, key: str) -> int:
    match = re.search(_FRONT_MATTER_KEY.format(key=re.escape(key)), text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
