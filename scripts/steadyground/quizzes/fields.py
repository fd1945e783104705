"""Fields: the shape of a quiz file, declared once as data.

Owns the table of objects (quiz, question, option, band, ...) and their fields, each with a
kind (text, Markdown, id, whole number, ...), whether it is required, and a one-line
description. The same table drives three things, so they cannot drift apart:
the structural check (`check_structure`: unknown keys with a "did you mean" hint, missing
keys, wrong types, unquoted Yes/No), the JSON Schema in quizzes/schema.json
(`json_schema`), and the field reference in quizzes/README.md (`reference_table`).
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from typing import Any, Iterator

from steadyground.core.yaml_loader import DataPath, Positions

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN)

# (path, message, rule, at_key) — rules.py turns these into positioned Problems.
Finding = tuple[DataPath, str, str, bool]


def slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "x"


def _name(path: DataPath) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "value"


def _subject(path: DataPath, raw: str) -> str:
    """What the author wrote, named as what it is: an item of a list is named by itself
    (the answer label No in the "danger" flag list), not by the list it sits in."""
    if path and isinstance(path[-1], int):
        if len(path) >= 3 and path[-3] == "flags" and "questions" in path:
            return f'the answer label {raw} in the "{path[-2]}" flag list'
        return f'the item {raw} in "{_name(path)}"'
    if path and path[-1] == "label":
        return f"the answer label {raw}"
    return f'"{_name(path)}"'


def _described(value: Any, raw: str | None) -> str:
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {raw or value}"
    if isinstance(value, datetime.date):
        return f"the date {raw or value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'name: value' pairs"
    return f'the text "{value}"'


# Kinds -------------------------------------------------------------------------------


class Kind:
    title = "value"
    schema: dict = {}

    def check(self, value: Any, path: DataPath, pos: Positions) -> Iterator[Finding]:
        raise NotImplementedError

    def json_schema(self) -> dict:
        return dict(self.schema)


class Text(Kind):
    """Plain text, shown exactly as written (escaped, never HTML)."""

    title = "text"
    schema = {"type": "string", "minLength": 1}

    def check(self, value, path, pos):
        if isinstance(value, str):
            if not value.strip():
                yield path, f'"{_name(path)}" is empty; write some text', "empty-value", False
            return
        if value is None:
            yield path, f'"{_name(path)}" is empty; write some text after the colon', "empty-value", False
            return
        node = pos.of(path).node
        raw = getattr(node, "value", None)
        if isinstance(raw, str) and not isinstance(value, (list, dict)):
            yield path, (
                f'{_subject(path, raw)} must be text, but YAML read {raw} as {_described(value, raw)}; '
                f'put it in quotes: "{raw}"'
            ), "type", False
        else:
            yield path, f'"{_name(path)}" must be text, not {_described(value, None)}', "type", False


class Markdown(Text):
    title = "Markdown"


class Identifier(Kind):
    title = "id"
    schema = {"type": "string", "pattern": ID_PATTERN}

    def check(self, value, path, pos):
        if not isinstance(value, str) or not value:
            yield from Text().check(value, path, pos)
        elif not _ID.fullmatch(value):
            yield path, (
                f'"{value}" must use lower-case letters, digits and single hyphens, like "{slugify(value)}"'
            ), "id-format", False


class WholeNumber(Kind):
    title = "whole number"
    schema = {"type": "integer", "minimum": 0}

    def check(self, value, path, pos):
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                yield path, f'"{_name(path)}" must be 0 or more, not {value}', "type", False
            return
        if isinstance(value, str) and value.strip().isdigit():
            yield path, f'"{_name(path)}" must be a number, but it is in quotes; remove the quotes', "type", False
            return
        raw = getattr(pos.of(path).node, "value", None)
        yield path, f'"{_name(path)}" must be a whole number, not {_described(value, raw)}', "type", False


class YesNo(Kind):
    title = "true or false"
    schema = {"type": "boolean"}

    def check(self, value, path, pos):
        if not isinstance(value, bool):
            yield path, f'"{_name(path)}" must be true or false, not {_described(value, None)}', "type", False


class Date(Kind):
    title = "date (YYYY-MM-DD)"
    schema = {"type": "string", "format": "date"}

    def check(self, value, path, pos):
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return
        if isinstance(value, str):
            try:
                datetime.date.fromisoformat(value)
                return
            except ValueError:
                pass
        yield path, f'"{_name(path)}" must be a date written as YYYY-MM-DD, like 2026-11-20', "type", False


class Choice(Kind):
    def __init__(self, *values: str) -> None:
        self.values = values
        self.title = " or ".join(f'"{v}"' for v in values)
        self.schema = {"enum": list(values)}

    def check(self, value, path, pos):
        if value not in self.values:
            hint = _did_you_mean(str(value), self.values)
            yield path, f'"{_name(path)}" must be {self.title}, not "{value}"{hint}', "type", False


class ListOf(Kind):
    def __init__(self, item: Kind, min_items: int = 1, too_few: str = "empty-value") -> None:
        self.item, self.min_items, self.too_few = item, min_items, too_few
        self.title = f"list of {item.title}"

    def check(self, value, path, pos):
        if not isinstance(value, list):
            yield path, f'"{_name(path)}" must be a list (lines starting with "- "), not {_described(value, None)}', "type", False
            return
        if len(value) < self.min_items:
            if self.too_few == "too-few-options":
                who = f'scale "{path[-1]}"' if len(path) == 2 and path[0] == "scales" else "a question"
                message = f"{who} needs at least two answers to choose from"
            else:
                message = f'"{_name(path)}" needs at least {self.min_items} item'
            yield path, message, self.too_few, False
        for index, item in enumerate(value):
            yield from self.item.check(item, path + (index,), pos)

    def json_schema(self):
        schema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


class MapOf(Kind):
    """A mapping whose keys are ids (scales, flags, answers by question id)."""

    def __init__(self, value: Kind) -> None:
        self.value = value
        self.title = f"mapping of id to {value.title}"

    def check(self, value, path, pos):
        if not isinstance(value, dict):
            yield path, f'"{_name(path)}" must be a set of "name: value" pairs, not {_described(value, None)}', "type", False
            return
        for key, item in value.items():
            if not _ID.fullmatch(key):
                yield path + (key,), (
                    f'"{key}" must use lower-case letters, digits and single hyphens, like "{slugify(key)}"'
                ), "id-format", True
            yield from self.value.check(item, path + (key,), pos)

    def json_schema(self):
        return {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": self.value.json_schema(),
        }


class OneOf(Kind):
    """An example answer: one label, or a list of labels for a multiple-choice question."""

    def __init__(self, *kinds: Kind) -> None:
        self.kinds = kinds
        self.title = " or ".join(k.title for k in kinds)

    def check(self, value, path, pos):
        kind = self.kinds[1] if isinstance(value, list) else self.kinds[0]
        yield from kind.check(value, path, pos)

    def json_schema(self):
        return {"oneOf": [k.json_schema() for k in self.kinds]}


class Object(Kind):
    def __init__(self, name: str) -> None:
        self.name = name
        self.title = name

    @property
    def fields(self) -> dict[str, Field]:
        return OBJECTS[self.name]

    def check(self, value, path, pos):
        label = OBJECT_LABELS[self.name]
        if not isinstance(value, dict):
            yield path, f"each {label} must be a set of 'name: value' pairs, not {_described(value, None)}", "type", False
            return
        fields = self.fields
        for key, item in value.items():
            if key not in fields:
                hint = _did_you_mean(key, fields) or f" (allowed: {', '.join(fields)})"
                yield path + (key,), f'unknown key "{key}" in {label}{hint}', "unknown-key", True
            else:
                yield from fields[key].kind.check(item, path + (key,), pos)
        who = _who(label, value)
        # A misspelt key is one mistake: "did you mean" says it, so no knock-on "missing".
        meant = misspelt_keys(value, fields)
        for key, spec in fields.items():
            if spec.required and key not in value and key not in meant:
                yield path, f'{who} is missing "{key}": {spec.description}', "missing-key", False

    def json_schema(self):
        return {"$ref": f"#/$defs/{self.name}"}


def misspelt_keys(value: dict, fields) -> set[str]:
    """The field names that unknown keys of `value` look like misspellings of."""
    meant = set()
    for key in value:
        if key not in fields:
            meant.update(difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6))
    return meant


def _who(label: str, value: dict) -> str:
    ident = value.get("id")
    return f'{label} "{ident}"' if isinstance(ident, str) and label != "quiz" else f"this {label}"


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""


# Data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    kind: Kind
    required: bool
    description: str


OBJECT_LABELS = {
    "quiz": "quiz",
    "option": "option",
    "question": "question",
    "subscale": "subscale",
    "band": "band",
    "flag": "flag",
    "flagged": "flagged result",
    "example": "example",
}

_OPTIONS = ListOf(Object("option"), min_items=2, too_few="too-few-options")
_BANDS = ListOf(Object("band"))

OBJECTS: dict[str, dict[str, Field]] = {
    "quiz": {
        "title": Field(Text(), True, "the page heading"),
        "tab_title": Field(Text(), False, 'an everyday name for the browser tab and history, without the topic words (default: the site setting, "Self-check" in English)'),
        "description": Field(Text(), True, "one sentence for the list of self-checks and search engines"),
        "reviewed": Field(Date(), True, 'when a counsellor last reviewed it, shown as "Last reviewed"'),
        "content_note": Field(Text(), False, "a short, factual content note shown before the page text"),
        "intro": Field(Markdown(), False, "Markdown shown before the questions"),
        "translation_of": Field(Identifier(), False, "in a translation (quizzes/<language>/): the quiz it translates, by file name without .yml; only words may differ"),
        "listed": Field(YesNo(), False, "false keeps the quiz off the Self-checks list (its page and embeds still work); default true"),
        "scales": Field(MapOf(_OPTIONS), False, "named answer sets that questions reuse with `scale:`"),
        "questions": Field(ListOf(Object("question")), True, "the questions, in order"),
        "subscales": Field(ListOf(Object("subscale")), False, "themes that group questions, each with its own bands"),
        "bands": Field(_BANDS, True, "result bands that cover every possible total exactly once"),
        "flags": Field(MapOf(Object("flag")), False, "messages shown first, whatever the total, when certain answers are chosen"),
        "flagged": Field(Object("flagged"), False, "how the whole score result (total and themes) reads when a named flag is raised: other words, or hidden"),
        "examples": Field(ListOf(Object("example")), True, "answer sets with their expected results; checked in Python and in the browser"),
    },
    "question": {
        "id": Field(Identifier(), True, "a short name, unique in the quiz, used in examples"),
        "text": Field(Text(), True, "the question or statement"),
        "hint": Field(Text(), False, "one short sentence under the question, no links"),
        "type": Field(Choice("single", "multiple"), False, '"single" (radio buttons, the default) or "multiple" (checkboxes)'),
        "scale": Field(Identifier(), False, "the name of an answer set under `scales:` (or use `options:`)"),
        "options": Field(_OPTIONS, False, "this question's own answers (or use `scale:`)"),
        "reverse": Field(YesNo(), False, "mirror the points within the answers (0<->4, 1<->3); single-choice only"),
        "subscale": Field(Identifier(), False, "the id of the subscale this question counts towards"),
        "flags": Field(MapOf(ListOf(Text())), False, "flag id -> the answer labels that raise it"),
        "danger": Field(YesNo(), False, 'true: a danger question (fear, threats, harm, weapons, control): 0 points, no subscale, a "Prefer not to say" answer, and every answer but the one marked safe raises a flag that replaces the result'),
    },
    "option": {
        "label": Field(Text(), True, "the answer as the reader sees it; quote Yes and No"),
        "points": Field(WholeNumber(), True, "points for this answer (0 or more)"),
        "exclusive": Field(YesNo(), False, 'on a multiple-choice question, an answer like "None of these" that unticks the others'),
        "safe": Field(YesNo(), False, "on a danger question, the one answer that raises no flag (such as No)"),
    },
    "subscale": {
        "id": Field(Identifier(), True, "a short name used by questions' `subscale:`"),
        "title": Field(Text(), True, "the theme's heading in the results"),
        "bands": Field(_BANDS, True, "bands covering this subscale's possible scores exactly once"),
    },
    "band": {
        "min": Field(WholeNumber(), True, "lowest score in this band"),
        "max": Field(WholeNumber(), True, "highest score in this band"),
        "title": Field(Text(), True, "a short, tentative heading, unique in its list"),
        "body": Field(Markdown(), True, "Markdown advice; link articles as ../articles/NAME.md"),
        "flagged": Field(Object("flagged"), False, "how this band reads when a named flag is raised: other words, or hidden"),
    },
    "flag": {
        "title": Field(Text(), True, "the heading shown above the results"),
        "body": Field(Markdown(), True, "Markdown with the safety information and links"),
    },
    "flagged": {
        "flags": Field(ListOf(Identifier()), True, "the flags that change this result (any one of them raised)"),
        "title": Field(Text(), False, "the heading shown instead (with `body`)"),
        "body": Field(Markdown(), False, "the Markdown shown instead (with `title`)"),
        "hide": Field(YesNo(), False, "true: show nothing here instead of a title and body"),
    },
    "example": {
        "name": Field(Text(), False, "what this example shows"),
        "answers": Field(MapOf(OneOf(Text(), ListOf(Text()))), True, "question id -> label, or a list of labels for multiple choice"),
        "total": Field(WholeNumber(), True, "the expected total"),
        "band": Field(Text(), True, "the expected band title"),
        "subscales": Field(MapOf(Text()), False, "subscale id -> expected band title"),
        "flags": Field(ListOf(Identifier(), min_items=0), True, "the flags these answers raise, [] for none"),
        "shows": Field(MapOf(Text()), False, '"total" or a subscale id -> the heading the reader sees there once flags apply, or "hidden"'),
    },
}


def check_structure(data: Any, pos: Positions) -> Iterator[Finding]:
    if not isinstance(data, dict):
        yield (), "a quiz file must be a set of 'name: value' pairs (title:, questions:, bands:, ...)", "type", False
        return
    yield from Object("quiz").check(data, (), pos)


def json_schema() -> dict:
    defs = {}
    for name, fields in OBJECTS.items():
        properties = {}
        for key, spec in fields.items():
            properties[key] = {"description": spec.description, **spec.kind.json_schema()}
        defs[name] = {
            "type": "object",
            "properties": properties,
            "required": [k for k, s in fields.items() if s.required],
            "additionalProperties": False,
        }
    quiz = defs.pop("quiz")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Steady Ground self-check quiz",
        "description": "Generated from scripts/steadyground/quizzes/fields.py; run `python scripts/steadyground/quizzes/ schema` after changing it.",
        **quiz,
        "$defs": defs,
    }


def reference_table() -> str:
    """The Markdown field reference for quizzes/README.md."""
    lines = []
    for name, fields in OBJECTS.items():
        lines += [f"**{OBJECT_LABELS[name].capitalize()}**", "", "| Field | Kind | Required | What it is |", "|---|---|---|---|"]
        for key, spec in fields.items():
            lines.append(f"| `{key}` | {spec.kind.title} | {'yes' if spec.required else 'no'} | {spec.description} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# What readers see -------------------------------------------------------------------------


def reader_text_paths(data: dict) -> list[tuple[str, tuple, str]]:
    """(where, data path, text) for every string a reader sees in a quiz file's data, found
    from this schema (OBJECTS): each Text or Markdown field of every object, flagged results and
    content notes included. Not the examples (test data), not the answer labels a question's
    `flags` or an example names (they repeat an option's label), and not YAML comments."""
    return list(_reader_strings(data, "quiz", (), ""))


def reader_texts(data: dict) -> list[tuple[str, str]]:
    return [(where, text) for where, _, text in reader_text_paths(data)]


def _reader_strings(value, object_name: str, path: tuple, where: str):
    if object_name == "example" or not isinstance(value, dict):
        return
    for key, field in OBJECTS[object_name].items():
        if key in value:
            # An option's label is named by its position alone ("questions.x.options[2]").
            shown = where if object_name == "option" and key == "label" else _join(where, key)
            yield from _reader_kind(value[key], field.kind, path + (key,), shown)


def _reader_kind(value, kind, path: tuple, where: str):
    if isinstance(kind, Text):
        if isinstance(value, str):
            yield where, path, value
    elif isinstance(kind, Object):
        yield from _reader_strings(value, kind.name, path, where)
    elif isinstance(kind, ListOf) and isinstance(value, list):
        for i, item in enumerate(value):
            named = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
            yield from _reader_kind(item, kind.item, path + (i,), _join(where, named) if named else f"{where}[{i}]")
    elif isinstance(kind, MapOf) and isinstance(value, dict) and _holds_objects(kind.value):
        for name, item in value.items():  # a map of plain text names answers, not reader text
            yield from _reader_kind(item, kind.value, path + (name,), _join(where, str(name)))


def _holds_objects(kind) -> bool:
    return isinstance(kind, Object) or (isinstance(kind, ListOf) and _holds_objects(kind.item))


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
