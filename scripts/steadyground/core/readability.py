"""Reading level of an article's body (issue: Flesch-Kincaid grade <= 8).

The body is the Markdown after the front matter and before "## References", without
code, tables, HTML tags, admonition markers, snippet lines or link targets: what a
reader reads as prose. The grade comes from textstat (pinned; 0.7.8 works offline).

    python scripts/steadyground/core/readability.py docs/articles/*.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import textstat

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_REFERENCES = re.compile(r"^##\s+References\b.*", re.S | re.M)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_TABLE_ROW = re.compile(r"^\s*\|.*$", re.M)
_HTML_TAG = re.compile(r"<[^>]+>")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
_SNIPPET = re.compile(r"^\s*--8<--.*$", re.M)
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s*\S+(\s+\"([^\"]*)\")?.*$", re.M)
_MARKUP = re.compile(r"[*_`#>{}]|^\s*[-+]\s+|^\s*\d+\.\s+", re.M)


def article_body(markdown: str) -> str:
    text = _FRONT_MATTER.sub("", markdown, count=1)
    text = _REFERENCES.sub("", text)
    for pattern in (_FENCE, _TABLE_ROW, _HTML_COMMENT, _ABBR_DEF, _SNIPPET):
        text = pattern.sub("", text)
    text = _ADMONITION.sub(lambda m: (m.group(3) or "") + "\n", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    return " ".join(_sentence_units(text))


def _sentence_units(text: str) -> list[str]:
    """Join wrapped lines back into paragraphs; a heading, list item or paragraph that
    ends without punctuation still ends a sentence for a reader, so give it a full stop."""
    units: list[str] = []
    current: list[str] = []
    starts_unit = re.compile(r"^\s*(#|[-+*]\s|\d+\.\s)")
    for line in text.splitlines() + [""]:
        if not line.strip() or starts_unit.match(line):
            if current:
                units.append(" ".join(current))
            current = []
        if line.strip():
            current.append(_MARKUP.sub("", line).strip())
    return [unit if unit[-1:] in ".!?:;" else unit + "." for unit in units if unit]


def word_count(markdown: str) -> int:
    return len(re.findall(r"[A-Za-z0-9'’-]+", article_body(markdown)))


def grade(markdown: str) -> float:
    return float(textstat.flesch_kincaid_grade(article_body(markdown)))


def main(paths: list[str]) -> int:
    for path in paths:
        markdown = Path(path).read_text(encoding="utf-8")
        print(f"{path}: {word_count(markdown)} words, Flesch-Kincaid grade {grade(markdown):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
