"""Rules: every mistake in a plan file as a `Problem` at its line and column, never raised.

The shape is written once (the SHAPES table, mirrored by plans/schema.json for editors);
each rule skips what it cannot understand, because the shape rule has already reported it.
Rule names (in brackets after each message) are listed in plans/README.md.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from typing import Any, Callable

from steadyground.core.problems import Problem
from steadyground.core.yaml_loader import DataPath, Loaded

ID = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
MAX_LINES = 4
# key: (type, required). "md" is Markdown text, "text" plain text.
SHAPES: dict[str, dict[str, tuple[str, bool]]] = {
    "plan": {"translation_of": ("text", False), "title": ("text", True), "tab_title": ("text", True),
             "print_title": ("text", True), "description": ("text", True), "reviewed": ("date", True),
             "intro": ("md", True), "cannot_hide": ("md", True), "sections": ("sections", True),
             "words": ("words", True), "references": ("keys", False)},
    "section": {"id": ("id", True), "title": ("text", True), "intro": ("text", True), "items": ("items", True),
                "links": ("links", False)},
    "item": {"id": ("id", True), "check": ("text", False), "text": ("text", False), "hint": ("text", False),
             "lines": ("int", False)},
    "link": {"text": ("text", True), "page": ("page", True)},
    "words": {key: ("text", True) for key in (
        "form_label", "print_heading", "print_warning", "no_js", "print_button", "print_check", "print_now",
        "copy_by_hand", "clear_button", "clear_confirm", "cleared")},
}
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")


class _Checker:
    def __init__(self, loaded: Loaded, page_exists: Callable[[str], bool] | None) -> None:
        self.loaded, self.page_exists = loaded, page_exists
        self.problems: list[Problem] = []
        self.ids: dict[str, DataPath] = {}

    def add(self, path: DataPath, message: str, rule: str, *, at_key: bool = False) -> None:
        positions = self.loaded.positions
        place = positions.key_of(path) if at_key else positions.of(path)
        self.problems.append(Problem(self.loaded.path, place.line, place.col, message, rule))

    def mapping(self, value: Any, path: DataPath, shape: str, what: str) -> None:
        if not isinstance(value, dict):
            self.add(path, f"{what} must be a mapping of 'name: value' lines", "type")
            return
        fields = SHAPES[shape]
        for key in value:
            if key not in fields:
                close = difflib.get_close_matches(key, fields, n=1)
                hint = f'; did you mean "{close[0]}"?' if close else f" (known: {', '.join(fields)})"
                self.add(path + (key,), f'unknown key "{key}" in {what}{hint}', "unknown-key", at_key=True)
        for key, (kind, required) in fields.items():
            if key not in value:
                if required:
                    self.add(path, f'{what} needs "{key}"', "missing-key")
                continue
            self.value(value[key], path + (key,), kind, f"{what}: {key}")

    def value(self, value: Any, path: DataPath, kind: str, what: str) -> None:
        if kind in ("text", "md", "id", "page"):
            if not isinstance(value, str):
                self.add(path, f"{what} must be text (put it in quotes)", "type")
            elif not value.strip():
                self.add(path, f"{what} is empty", "empty-value")
            else:
                self.text(value, path, kind, what)
        elif kind == "date" and not isinstance(value, datetime.date):
            self.add(path, f"{what} must be a date like 2026-12-07", "type")
        elif kind == "int" and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_LINES):
            self.add(path, f"{what} must be a whole number from 1 to {MAX_LINES}", "lines-range")
        elif kind == "words":
            self.mapping(value, path, "words", "words")
        elif kind in ("sections", "items", "links", "keys"):
            self.sequence(value, path, kind, what)

    def sequence(self, value: Any, path: DataPath, kind: str, what: str) -> None:
        if not isinstance(value, list) or not value:
            self.add(path, f"{what} must be a list with at least one entry (lines starting with '- ')", "type")
            return
        for index, entry in enumerate(value):
            where = path + (index,)
            if kind == "sections":
                self.mapping(entry, where, "section", f"section {index + 1}")
            elif kind == "items":
                self.item(entry, where, f"{what.split(':')[0]}, item {index + 1}")
            elif kind == "links":
                self.mapping(entry, where, "link", f"{what.split(':')[0]}, link {index + 1}")
            elif not isinstance(entry, str) or not entry.strip():
                self.add(where, f"{what}: each entry must be a reference key from references.yml", "type")

    def item(self, value: Any, path: DataPath, what: str) -> None:
        self.mapping(value, path, "item", what)
        if not isinstance(value, dict):
            return
        kinds = [key for key in ("check", "text") if key in value]
        if len(kinds) != 1:
            self.add(path, f"{what} needs exactly one of \"check: <words>\" (a box to tick) or \"text: <words>\" "
                     "(a line to write on)", "item-kind")
        elif kinds == ["check"] and "lines" in value:
            self.add(path + ("lines",), f"{what}: lines is for text items only", "lines-range", at_key=True)

    def text(self, value: str, path: DataPath, kind: str, what: str) -> None:
        found = _INVISIBLE.search(value)
        if found:
            name = unicodedata.name(found.group(0), f"U+{ord(found.group(0)):04X}")
            self.add(path, f"{what} holds an invisible character ({name}); retype the text", "invisible-character")
        if kind == "id":
            if not ID.match(value):
                self.add(path, f'{what} "{value}" must be lower-case letters, digits and hyphens, starting with a '
                         "letter (at most 40)", "id-format")
            elif value in self.ids:
                first = self.loaded.positions.of(self.ids[value]).line
                self.add(path, f'{what} "{value}" is already used on line {first}; every id must be unique',
                         "duplicate-id")
            else:
                self.ids[value] = path
            return
        if "<" in value or ">" in value:
            self.add(path, f"{what} contains '<' or '>'; write plain words (no HTML)", "plain-text")
        if kind == "text" and _MD_LINK.search(value):
            self.add(path, f"{what} is plain text; put links under the section's links:", "plain-text")
        targets = [value] if kind == "page" else _MD_LINK.findall(value) if kind == "md" else []
        for target in targets:
            self.link(target, path, what)

    def link(self, target: str, path: DataPath, what: str) -> None:
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            return  # other sites and tel: links are the build's to check
        name = target.split("#")[0]
        if not name.endswith(".md") or name.startswith(("/", "../")):
            self.add(path, f"{what}: the link '{target}' must name a page in docs/, like help.md or "
                     "articles/planning-ahead.md", "link-target")
        elif self.page_exists is not None and not self.page_exists(name):
            self.add(path, f"{what}: the link '{target}' points to docs/{name}, which does not exist", "link-target")


def check(loaded: Loaded, page_exists: Callable[[str], bool] | None = None) -> list[Problem]:
    """Every problem of one loaded plan file (its loading problems first)."""
    if loaded.problems:
        return sorted(loaded.problems)
    checker = _Checker(loaded, page_exists)
    checker.mapping(loaded.data, (), "plan", "the plan")
    return sorted(checker.problems)


def check_translation(loaded: Loaded, source: Loaded | None) -> list[Problem]:
    """A translation keeps its source's sections, items, kinds, lines and references: only
    words and links change (like a translated quiz)."""
    where = ("translation_of",)
    checker = _Checker(loaded, None)
    if source is None:
        checker.add(where, f"translation_of: the file {loaded.data['translation_of']} was not found", "translation")
        return checker.problems
    if check(source):
        checker.add(where, f"translation_of: {source.path} has problems of its own; fix those first", "translation")
        return checker.problems
    mine, theirs = _outline(loaded.data), _outline(source.data)
    for index in range(max(len(mine), len(theirs))):
        path = ("sections", min(index, len(loaded.data["sections"]) - 1))
        if index >= len(mine) or index >= len(theirs) or mine[index][0] != theirs[index][0]:
            expected = theirs[index][0] if index < len(theirs) else "nothing (the source has fewer sections)"
            checker.add(path, f'section {index + 1} must be "{expected}", as in {source.path}', "translation")
            break
        section_id, items = mine[index]
        for number, (item, source_item) in enumerate(zip(items, theirs[index][1])):
            if item != source_item:
                checker.add(path + ("items", number), f'section "{section_id}", item {number + 1}: expected '
                            f"{_describe(source_item)} as in {source.path}, found {_describe(item)}", "translation")
        if len(items) != len(theirs[index][1]):
            checker.add(path + ("items",), f'section "{section_id}" has {len(items)} items; {source.path} has '
                        f"{len(theirs[index][1])}", "translation")
    if loaded.data.get("references") != source.data.get("references"):
        checker.add(("references",), f"references must be those of {source.path} (the same facts, the same "
                    "sources)", "translation")
    return checker.problems


def _outline(data: dict) -> list[tuple[str, list[tuple]]]:
    return [(section["id"], [(item["id"], "check" if "check" in item else "text", item.get("lines", 1))
                             for item in section["items"]])
            for section in data["sections"]]


def _describe(item: tuple) -> str:
    item_id, kind, lines = item
    return f'"{item_id}" ({kind}' + (f", {lines} lines)" if kind == "text" and lines > 1 else ")")
