"""Size and depth limits on what authors write, checked before any parser sees it
(issue 22, "limits"): a page of 20 KB of "[", a list nested 500 deep or <div markdown>
nested 600 deep made Markdown run for minutes or crash with a traceback. Each limit is far
above what a real article uses (the longest page is about 15 KB, its longest line about
700 characters, its deepest list 2 levels) and each check is one pass over the text.

Every problem is `path:LINE: message`.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_PAGE_BYTES = 200 * 1024
MAX_INCLUDE_BYTES = 64 * 1024
MAX_LINE = 5000  # characters on one line
MAX_INDENT = 40  # columns of leading space: ten levels of list or code
MAX_BLOCK_MARKERS = 8  # "- ", "> ", "1. " starting a line: each opens a block inside the last
MAX_BRACKET_DEPTH = 16  # "[" still open (links, footnotes, attribute lists)
MAX_HTML_DEPTH = 40  # tags open at once in a page's raw HTML

_MARKERS = re.compile(r"[ \t]*(?:(?:[-*+>]|[0-9]{1,9}[.)])(?:[ \t]+|$))*")
_MARKER_STARTS = set("-*+>0123456789")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]{0,40})(?:\s[^<>]{0,2000})?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def source_problems(path: Path, shown: str, *, max_bytes: int = MAX_PAGE_BYTES) -> list[str]:
    """The limits of one Markdown page or include; the file is read only when small enough."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return [f"{shown}:1: cannot be read ({error.strerror})"]
    if size > max_bytes:
        return [f"{shown}:1: the file is {size // 1024} KB; the limit is {max_bytes // 1024} KB (split it)"]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return [f"{shown}:{line}: the file is not UTF-8 text (save it as UTF-8)"]
    return text_problems(text, shown)


def text_problems(text: str, shown: str) -> list[str]:
    """Line length, indentation, quote depth, open brackets and HTML nesting, one pass each."""
    problems: list[str] = []
    depth = 0
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE:
            problems.append(f"{shown}:{number}: the line is {len(line)} characters long; the limit is {MAX_LINE}")
            continue
        indent = len(line) - len(line.lstrip(" \t")) + 3 * line[: len(line) - len(line.lstrip(" \t"))].count("\t")
        if indent > MAX_INDENT and line.strip() and not any("indented" in p for p in problems):
            problems.append(f"{shown}:{number}: the line is indented {indent} columns; lists and blocks may nest "
                            f"at most {MAX_INDENT // 4} levels")
        markers = len(_MARKERS.match(line).group(0).split()) if line.lstrip()[:1] in _MARKER_STARTS else 0
        if markers > MAX_BLOCK_MARKERS:
            problems.append(f"{shown}:{number}: {markers} list or quote markers ('- ', '> ', '1. ') open blocks "
                            f"inside each other on one line; the limit is {MAX_BLOCK_MARKERS}")
        for char in line:
            if char == "[":
                depth += 1
                if depth == MAX_BRACKET_DEPTH + 1:
                    problems.append(f"{shown}:{number}: more than {MAX_BRACKET_DEPTH} '[' are open at once; "
                                    "close each [link text] (write \\[ for a bracket shown as text)")
            elif char == "]" and depth:
                depth -= 1
        if not line.strip():
            depth = 0  # Markdown's links never span a blank line
    problems += _html_depth(text, shown)
    return problems


def _html_depth(text: str, shown: str) -> list[str]:
    open_tags: list[str] = []
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or self_closing:
            continue
        if closing:
            if name in open_tags:
                while open_tags and open_tags.pop() != name:
                    pass
            continue
        open_tags.append(name)
        if len(open_tags) > MAX_HTML_DEPTH:
            line = text.count("\n", 0, match.start()) + 1
            return [f"{shown}:{line}: HTML elements nest more than {MAX_HTML_DEPTH} deep here; the limit keeps "
                    "pages quick to build and read"]
    return []
