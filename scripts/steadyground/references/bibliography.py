"""References as data: the bibliography (references.yml) and each page's reference list.

Authors write the keys of the sources a page cites under its "## References" heading
("## Referencias" on Spanish pages), one per list item:

    ## References

    - dutton-painter-1993-emotional
    - stark-2007

The build replaces that list with APA-style lines made from references.yml, sorted as APA
sorts them, with "1993a"/"1993b" added where one page cites two works by the same authors
in the same year. Spanish pages get the Spanish wording of the notes the data carries
(study titles stay in their original language).

`problems()` is the author check over the whole project: an unknown key, a bibliography
entry no page cites, a citation of a source the evidence marks NOT VERIFIED, a malformed
entry. Each is a Problem (core/problems.py) (path, line, col, message, rule). MkDocs
(scripts/references_hook.py), the Zensical staging (steadyground/build/zensical.py) and the tests
call these functions; nothing here knows a generator.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from steadyground.core.languages import REFERENCES_HEADINGS
from steadyground.core.problems import Problem
from steadyground.core.project import REFERENCES_HEADING

BIBLIOGRAPHY = "references.yml"
HEADINGS = {heading: code for code, heading in REFERENCES_HEADINGS.items()}
STATUSES = ("V", "V-partial", "NOT VERIFIED")
# Fields an entry may have; the renderer reads every one of them except the bookkeeping ones.
FIELDS = {
    "type", "authors", "legislation", "year", "title", "title_more", "description", "venue", "volume", "issue",
    "pages", "publisher", "unchecked", "doi", "url", "note",
    "status", "status_note", "evidence",
}
TYPES = ("article", "book", "web")  # book and web: the title is in italics
TRANSLATED = ("unchecked", "note")  # {en: ..., es: ...}

_NEXT_SECTION = re.compile(r"^#{1,2}\s", re.M)
_ITEM = re.compile(r"^([ \t]*[-*+][ \t]+)(.*?)[ \t]*$")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# The bibliography --------------------------------------------------------------------


@dataclass(frozen=True)
class Bibliography:
    entries: dict[str, dict]
    lines: dict[str, int]  # key -> line in references.yml
    path: str  # as shown in messages
    problems: tuple[Problem, ...]


def load(root: Path) -> Bibliography:
    """references.yml at the project root; problems in it are collected, never raised."""
    path = root / BIBLIOGRAPHY
    shown = BIBLIOGRAPHY
    if not path.is_file():  # a project with no References lists needs none; a key will be "unknown"
        return Bibliography({}, {}, shown, ())
    return _parse(path.read_text(encoding="utf-8"), shown)


@functools.lru_cache(maxsize=4)
def _parse(text: str, shown: str) -> Bibliography:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Bibliography({}, {}, shown, (Problem(shown, line, col, f"not valid YAML: {getattr(error, 'problem', error)}", "bibliography"),))
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return Bibliography({}, {}, shown, (Problem(shown, 1, 1, "write one entry per key: `key:` then its fields", "bibliography"),))
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    problems = []
    for key, entry in data.items():
        problems += _entry_problems(str(key), entry, shown, lines.get(str(key), 1))
    return Bibliography({str(k): v for k, v in data.items() if isinstance(v, dict)}, lines, shown, tuple(problems))


def _entry_problems(key: str, entry, path: str, line: int) -> list[Problem]:
    def problem(message: str) -> Problem:
        return Problem(path, line, 1, f"{key}: {message}", "bibliography")

    if not _KEY.match(key):
        return [problem("a key is lower-case letters, digits and hyphens, e.g. stark-2007")]
    if not isinstance(entry, dict):
        return [problem("an entry is a set of fields (authors, year, title, ...)")]
    found = []
    unknown = sorted(set(entry) - FIELDS)
    if unknown:
        found.append(problem(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(FIELDS))}"))
    if not entry.get("authors") and not entry.get("legislation"):
        found.append(problem("needs `authors:` (a list) or, for a law, `legislation:`"))
    if entry.get("authors") is not None and not (isinstance(entry["authors"], list) and all(isinstance(a, str) for a in entry["authors"])):
        found.append(problem("`authors:` is a list, one author per item: `- Stark, E.`"))
    if not entry.get("legislation") and not (isinstance(entry.get("year"), int) or entry.get("year") == "n.d."):
        found.append(problem("`year:` is a year such as 2007, or n.d. when the source has no date"))
    if not isinstance(entry.get("title"), str):
        found.append(problem("needs `title:`"))
    if entry.get("type", "article") not in TYPES:
        found.append(problem(f"`type:` is one of {', '.join(TYPES)}"))
    if entry.get("status") not in STATUSES:
        found.append(problem(f"`status:` is one of {', '.join(STATUSES)} (copied from the evidence file)"))
    if entry.get("status") == "V-partial" and not entry.get("status_note"):
        found.append(problem("a V-partial entry says what is unchecked in `status_note:`"))
    if not entry.get("evidence"):
        found.append(problem("`evidence:` names the evidence entry it comes from, e.g. evidence.md §5.1"))
    for field in TRANSLATED:
        value = entry.get(field)
        if value is not None and not (isinstance(value, dict) and set(value) <= {"en", "es"} and value.get("en")):
            found.append(problem(f"`{field}:` has an `en:` text and, for Spanish pages, an `es:` text"))
    found += _text_problems(entry, problem)
    return found


# Every text field is one line of text with no markup (issue 22: a number crashed the
# renderer, a title holding a newline and a link broke out of the References list).
_TEXT = re.compile(r"[^<>\x00-\x1f\x7f\u2028\u2029]*")


def _text_problems(entry: dict, problem) -> list[Problem]:
    found = []
    for field, value in entry.items():
        if field == "year" or field not in FIELDS:
            continue
        texts = value if field == "authors" and isinstance(value, list) else \
            list(value.values()) if field in TRANSLATED and isinstance(value, dict) else [value]
        for text in texts:
            if not isinstance(text, str):
                found.append(problem(f"`{field}:` must be text; put a number in quotes (\"12\")"))
                break
            if not _TEXT.fullmatch(text):
                found.append(problem(f"`{field}:` must be one line of plain text, without < > or line breaks"))
                break
    return found


# Rendering ---------------------------------------------------------------------------


def _authors(entry: dict) -> str:
    names = entry.get("authors") or []
    if len(names) == 1:
        text = names[0]
    elif names[-1] == "et al.":
        text = ", ".join(names)
    else:
        text = ", ".join(names[:-1]) + ", & " + names[-1]
    return text if text.endswith(".") else text + "."


def _translated(entry: dict, field: str, language: str) -> str:
    value = entry.get(field) or {}
    return value.get(language) or value.get("en") or ""


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def render_entry(entry: dict, *, year_suffix: str = "", language: str = "en") -> str:
    """One APA-style line of Markdown."""
    parts = []
    if entry.get("legislation"):
        parts.append(_sentence(entry["legislation"]))
    else:
        parts.append(f"{_authors(entry)} ({entry['year']}{year_suffix}).")
    italic = entry.get("type", "article") in ("book", "web")
    title = entry["title"]
    # A title that ends in ? or ! takes no full stop, in italics or not.
    ends = title.endswith(("?", "!")) and not (entry.get("title_more") or entry.get("description")
                                                or (entry.get("unchecked") and not entry.get("venue")))
    blocks = [f"*{title}*" if italic else title]
    blocks[-1] += entry.get("title_more", "")
    if entry.get("description"):
        blocks[-1] += f" [{entry['description']}]"
    unchecked = _translated(entry, "unchecked", language)
    if unchecked and not entry.get("venue"):
        blocks[-1] += f" ({unchecked})"
    if entry.get("venue"):
        venue = f"*{entry['venue']}" + (f", {entry['volume']}" if entry.get("volume") else "") + "*"
        venue += f"({entry['issue']})" if entry.get("issue") else ""
        venue += f", {entry['pages']}" if entry.get("pages") else ""
        blocks.append(venue)
        if unchecked:
            blocks[-1] += f" ({unchecked})"
    if entry.get("publisher"):
        blocks.append(entry["publisher"])
    parts += [block if i == 0 and ends else _sentence(block) for i, block in enumerate(blocks)]
    if entry.get("doi"):
        parts.append(f"https://doi.org/{entry['doi']}")
    elif entry.get("url"):
        parts.append(entry["url"])
    note = _translated(entry, "note", language)
    if note:
        parts.append(note)
    return " ".join(parts)


def _surnames(entry: dict) -> tuple[str, ...]:
    names = entry.get("authors") or [entry.get("legislation", "")]
    return tuple(name.split(",")[0].lower() for name in names if name != "et al.")


def _title_key(entry: dict) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"[^\w\s]", "", str(entry.get("title", "")).lower()))


def _sort_key(entry: dict):
    # APA: by surnames, then year (undated last, as our lists have them), then title.
    year = entry.get("year")
    return (_surnames(entry), year if isinstance(year, int) else 9999, _title_key(entry))


def render_list(keys: list[str], bibliography: Bibliography, language: str) -> list[str]:
    """The lines of one page's reference list, in APA order; unknown keys are skipped (the
    check names them)."""
    entries = sorted((bibliography.entries[k] for k in dict.fromkeys(keys) if k in bibliography.entries), key=_sort_key)
    lines = []
    for entry in entries:
        same = [e for e in entries if _surnames(e) == _surnames(entry) and e.get("year") == entry.get("year")]
        suffix = "abcdefghij"[same.index(entry)] if len(same) > 1 and entry.get("year") != "n.d." else ""
        lines.append(render_entry(entry, year_suffix=suffix, language=language))
    return lines


# Pages -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    key: str
    line: int
    col: int


def _section(markdown: str) -> tuple[str, int, int] | None:
    """(language, start, end) of the reference section's body, or None."""
    match = REFERENCES_HEADING.search(markdown)
    if not match:
        return None
    rest = _NEXT_SECTION.search(markdown, match.end())
    return HEADINGS[match.group(1)], match.end(), rest.start() if rest else len(markdown)


def citations(markdown: str) -> list[Citation]:
    """The list items under the References heading, with their 1-based line and column."""
    section = _section(markdown)
    if section is None:
        return []
    _, start, end = section
    first_line = markdown.count("\n", 0, start) + 1
    found = []
    for offset, line in enumerate(markdown[start:end].split("\n")):
        if match := _ITEM.match(line):
            found.append(Citation(match.group(2), first_line + offset, len(match.group(1)) + 1))
    return found


def render_page(markdown: str, bibliography: Bibliography) -> str:
    """The page with its list of keys replaced by the reference lines."""
    section = _section(markdown)
    if section is None:
        return markdown
    language, start, end = section
    body = markdown[start:end]
    items = [m for m in (_ITEM.match(line) for line in body.split("\n")) if m]
    if not items:
        return markdown
    keys = [m.group(2) for m in items]
    rendered = "\n".join(f"- {line}" for line in render_list(keys, bibliography, language))
    lines = body.split("\n")
    first = next(i for i, line in enumerate(lines) if _ITEM.match(line))
    last = max(i for i, line in enumerate(lines) if _ITEM.match(line))
    new_body = "\n".join(lines[:first] + [rendered] + lines[last + 1:])
    return markdown[:start] + new_body + markdown[end:]


def page_problems(markdown: str, source: str, bibliography: Bibliography) -> list[Problem]:
    found = []
    seen = set()
    for cite in citations(markdown):
        if not _KEY.match(cite.key):
            found.append(Problem(source, cite.line, cite.col,
                                 f"'{cite.key[:40]}' is not a bibliography key: write the key of its entry in "
                                 f"{BIBLIOGRAPHY} (add an entry there first)", "reference-key"))
            continue
        entry = bibliography.entries.get(cite.key)
        if entry is None:
            near = _nearest(cite.key, bibliography.entries)
            hint = f"; did you mean '{near}'?" if near else f"; add it to {BIBLIOGRAPHY} first"
            found.append(Problem(source, cite.line, cite.col, f"unknown reference key '{cite.key}'{hint}", "reference-key"))
        elif entry.get("status") == "NOT VERIFIED":
            found.append(Problem(source, cite.line, cite.col,
                                 f"'{cite.key}' is marked NOT VERIFIED in {BIBLIOGRAPHY}: check it against the source "
                                 "before citing it, or cite another", "reference-not-verified"))
        if cite.key in seen:
            found.append(Problem(source, cite.line, cite.col, f"'{cite.key}' is listed twice", "reference-key"))
        seen.add(cite.key)
    return found


def _nearest(key: str, entries: dict) -> str | None:
    close = difflib.get_close_matches(key, list(entries), n=1, cutoff=0.75)
    return close[0] if close else None


def source_pages(root: Path) -> list[Path]:
    """Every page and snippet authors write: docs/ (all languages) and includes/."""
    return sorted(p for folder in ("docs", "includes") if (root / folder).is_dir() for p in (root / folder).rglob("*.md"))


def problems(root: Path) -> list[Problem]:
    """Every reference problem in the project, sorted by file and position."""
    bibliography = load(root)
    found = list(bibliography.problems)
    cited = set()
    for path in source_pages(root):
        text = path.read_text(encoding="utf-8")
        source = path.relative_to(root).as_posix()
        found += page_problems(text, source, bibliography)
        cited |= {c.key for c in citations(text)}
    for key in bibliography.entries:
        if key not in cited:
            found.append(Problem(bibliography.path, bibliography.lines.get(key, 1), 1,
                                 f"'{key}' is cited by no page; cite it or remove the entry", "reference-unused"))
    return sorted(set(found))
