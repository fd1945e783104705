"""Curly quotes where YAML expects straight ones (issue 20): a word processor turns "..." into
“...”, which YAML reads as ordinary letters, so a ': ' inside the text then ends the value and
the error names the wrong thing. Shared by the front matter reader (steadyground/core/front_matter.py) and
the quiz and plan loader (steadyground/core/yaml_loader.py), so every door says the same."""

from __future__ import annotations

import re

CURLY = "\u201c\u201d\u2018\u2019"  # “ ” ‘ ’
_CLOSING = {"\u201c": "\u201d", "\u2018": "\u2019"}
# A curly quote that opens a value: after "key:", a list dash, "[", "{" or ",".
_OPENING = re.compile(r"(?:^\s*(?:-\s+)?|:\s+|[\[{,]\s*)([\u201c\u201d\u2018\u2019])")


def curly_quote(line: str) -> tuple[int, str] | None:
    """(1-based column, the quote) of the first curly quote that opens a value on `line`."""
    match = _OPENING.search(line)
    return (match.start(1) + 1, match.group(1)) if match else None


def curly_quote_message(line: str, col: int) -> str:
    """What to write instead, for the curly-quoted value starting at `col` (1-based) of `line`."""
    opening, rest = line[col - 1], line[col:].rstrip()
    closing = rest.find(_CLOSING.get(opening, opening))
    inner = rest[:closing] if closing >= 0 else rest
    straight = f"'{inner}'" if '"' in inner else f'"{inner}"'
    return (f"the text starts with a curly quote {opening}, which YAML does not read as a quote, so a ': ' "
            f"inside it breaks the line; use straight quotes: {straight} (text without ': ' or ' #' "
            "is fine without quotes)")
