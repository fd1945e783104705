"""Shared parsing for the content tests: the Markdown pages under docs/ and the quiz YAML,
read as source (no build). Reading level comes from sitekit.readability, not from here."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from buildkit import references as bibliography

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
ARTICLES = DOCS / "articles"
QUIZZES = ROOT / "quizzes"
INCLUDES = ROOT / "includes"
# Translations live in docs/<language>/ and have their own content tests (test_spanish.py).
TRANSLATION_FOLDERS = ("es",)

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)
_REFERENCES = re.compile(r"^##\s+References\s*$", re.M)
_NEXT_H1_OR_H2 = re.compile(r"^#{1,2}\s", re.M)
# [label](target) and ![alt](target); the target stops at whitespace or ")" (titles are ignored).
_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_MYTH = re.compile(r"<!--\s*myth\s*-->.*?<!--\s*/myth\s*-->", re.S)
_MYTH_MARK = re.compile(r"<!--\s*(/?)myth\s*-->")


@dataclass(frozen=True)
class Page:
    path: Path
    text: str

    @property
    def name(self) -> str:
        """Path relative to docs/, e.g. "articles/slips-and-urges.md"."""
        return self.path.relative_to(DOCS).as_posix()

    @functools.cached_property
    def meta(self) -> dict:
        match = _FRONT_MATTER.match(self.text)
        return (yaml.safe_load(match.group(1)) or {}) if match else {}

    @property
    def body(self) -> str:
        """Everything after the front matter."""
        return _FRONT_MATTER.sub("", self.text, count=1)

    @property
    def body_line_offset(self) -> int:
        match = _FRONT_MATTER.match(self.text)
        return match.group(0).count("\n") if match else 0

    def line_of(self, index_in_body: int) -> int:
        return self.body_line_offset + self.body.count("\n", 0, index_in_body) + 1

    @property
    def prose(self) -> str:
        """The body before "## References" (what the article itself says)."""
        match = _REFERENCES.search(self.body)
        return self.body[: match.start()] if match else self.body

    @functools.cached_property
    def rendered_body(self) -> str:
        """The body with its list of reference keys replaced by the APA lines the build writes
        from references.yml (buildkit/references.py), so the tests read what readers read."""
        return bibliography.render_page(self.body, bibliography.load(ROOT))

    @property
    def references(self) -> str:
        """The rendered "## References" section up to the next h1/h2, or "" when there is none."""
        match = _REFERENCES.search(self.rendered_body)
        if not match:
            return ""
        rest = self.rendered_body[match.end():]
        end = _NEXT_H1_OR_H2.search(rest)
        return rest[: end.start()] if end else rest

    def reference_items(self) -> list[str]:
        """One string per list item of the References section (wrapped lines joined)."""
        items: list[str] = []
        for line in self.references.splitlines():
            if re.match(r"^\s*[-*+]\s+", line):
                items.append(re.sub(r"^\s*[-*+]\s+", "", line).strip())
            elif line.strip() and items:
                items[-1] += " " + line.strip()
        return items

    def headings(self) -> list[tuple[int, str, int]]:
        """(level, text, line number) of every ATX heading outside code fences."""
        body = _FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), self.body)
        return [(len(m.group(1)), m.group(2), self.line_of(m.start())) for m in _HEADING.finditer(body)]

    def links(self) -> list[tuple[str, str]]:
        """(label, target) of every inline Markdown link in the body."""
        return [(m.group(1), m.group(2)) for m in _LINK.finditer(self.body)]

    def link_targets(self) -> set[str]:
        """Link targets resolved against this page, relative to docs/ (no #fragment, no ?query);
        links to other sites and tel:/sms:/mailto: are kept as written."""
        return {resolve(self.name, target) for _, target in self.links()}

    def snippets(self) -> list[str]:
        """File names of the snippets this page includes with --8<-- "name" (from includes/)."""
        return re.findall(r"^\s*--8<--\s+\"([^\"]+)\"\s*$", self.body, re.M)

    def rendered_link_targets(self) -> set[str]:
        """link_targets() plus the links of included snippets, which render as part of this page
        and so resolve against it."""
        targets = set(self.link_targets())
        for name in self.snippets():
            text = (INCLUDES / name).read_text(encoding="utf-8")
            targets |= {resolve(self.name, target) for target in markdown_link_targets(text)}
        return targets


def resolve(page_name: str, target: str) -> str:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
        return target
    target = target.split("#", 1)[0].split("?", 1)[0]
    if not target:
        return page_name
    parts = page_name.split("/")[:-1]
    for part in target.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts)


def without_link_targets(text: str) -> str:
    """Markdown with every link replaced by its label, so file names and URLs are not read."""
    return _LINK.sub(r"\1", text)


def without_myths(text: str) -> str:
    """Text with every <!-- myth --> ... <!-- /myth --> passage blanked (myths named to rebut them);
    line numbers stay the same."""
    return _MYTH.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def myth_marker_problems(text: str) -> list[str]:
    """Unbalanced or nested myth markers: an unclosed one must not silently hide text."""
    problems, open_at = [], None
    for match in _MYTH_MARK.finditer(text):
        closing = bool(match.group(1))
        if not closing and open_at is not None:
            problems.append(f"nested <!-- myth --> at offset {match.start()}")
        elif closing and open_at is None:
            problems.append(f"<!-- /myth --> without an opening marker at offset {match.start()}")
        open_at = None if closing else match.start()
    if open_at is not None:
        problems.append(f"<!-- myth --> at offset {open_at} is never closed")
    return problems


def normalise(text: str) -> str:
    """Plain text for phrase matching: straight quotes, no emphasis marks, one space between words."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text)


def iso_date(value) -> datetime.date | None:
    """A date from front matter (YAML gives a date for an unquoted ISO date) or None."""
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@functools.cache
def all_pages() -> tuple[Page, ...]:
    return tuple(Page(p, p.read_text(encoding="utf-8")) for p in sorted(DOCS.rglob("*.md"))
                 if p.relative_to(DOCS).parts[0] not in TRANSLATION_FOLDERS)


def page(name: str) -> Page:
    return next(p for p in all_pages() if p.name == name)


def articles() -> tuple[Page, ...]:
    return tuple(p for p in all_pages() if p.name.startswith("articles/"))


def article_slugs() -> set[str]:
    return {p.path.stem for p in articles()}


# ---- quizzes ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Quiz:
    path: Path
    data: dict

    @property
    def slug(self) -> str:
        return self.path.stem

    def bands(self) -> list[tuple[str, dict]]:
        """(where, band) for the total's bands and every subscale's bands."""
        found = [(f"bands[{i}]", b) for i, b in enumerate(self.data.get("bands") or [])]
        for s in self.data.get("subscales") or []:
            found += [(f"subscales.{s.get('id')}.bands[{i}]", b) for i, b in enumerate(s.get("bands") or [])]
        return found

    def flags(self) -> list[tuple[str, dict]]:
        return [(f"flags.{name}", f) for name, f in (self.data.get("flags") or {}).items()]

    def reader_texts(self) -> list[tuple[str, str]]:
        """(where, text) for every string a reader sees: title, description, intro, questions,
        hints, option labels, scale labels, subscale titles, bands and flags. Not the examples
        (test data) and not YAML comments."""
        d, out = self.data, []
        for key in ("title", "description", "intro"):
            if isinstance(d.get(key), str):
                out.append((key, d[key]))
        for name, scale in (d.get("scales") or {}).items():
            out += [(f"scales.{name}[{i}]", o["label"]) for i, o in enumerate(scale or []) if "label" in o]
        for q in d.get("questions") or []:
            where = f"questions.{q.get('id')}"
            out += [(f"{where}.{k}", q[k]) for k in ("text", "hint") if isinstance(q.get(k), str)]
            out += [(f"{where}.options[{i}]", o["label"]) for i, o in enumerate(q.get("options") or [])]
        for s in d.get("subscales") or []:
            if isinstance(s.get("title"), str):
                out.append((f"subscales.{s.get('id')}.title", s["title"]))
        for where, item in self.bands() + self.flags():
            out += [(f"{where}.{k}", item[k]) for k in ("title", "body") if isinstance(item.get(k), str)]
        return out


@functools.cache
def quizzes() -> tuple[Quiz, ...]:
    paths = sorted(QUIZZES.glob("*.yml"))
    return tuple(Quiz(p, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in paths)


def quiz_slugs() -> set[str]:
    return {q.slug for q in quizzes()}


def markdown_link_targets(text: str) -> list[str]:
    return [m.group(2) for m in _LINK.finditer(text)]


def tables(markdown: str) -> list[tuple[list[str], list[tuple[int, list[str]]]]]:
    """Pipe tables: (header cells, [(line number, cells)]) for each table in the text."""
    found, lines, i = [], markdown.splitlines(), 0
    split = lambda row: [c.strip() for c in row.strip().strip("|").split("|")]  # noqa: E731
    while i < len(lines) - 1:
        if lines[i].lstrip().startswith("|") and re.match(r"^\s*\|?\s*:?-{3,}", lines[i + 1]):
            header, rows, j = split(lines[i]), [], i + 2
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                rows.append((j + 1, split(lines[j])))
                j += 1
            found.append((header, rows))
            i = j
        else:
            i += 1
    return found
