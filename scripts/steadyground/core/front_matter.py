"""A page's front matter, read safely and typed (issue 22, "front matter is not typed").

One reader for every place that reads a page's front matter (the MkDocs and Zensical
builds, the language links, `make check`): size checked before YAML sees it, anchors and
aliases refused before anything is expanded (a few bytes of aliases can expand to
gigabytes), YAML errors turned into `path:LINE` messages, and each key held to a schema:
its type and, for the values the theme prints into pages (title, subtitle, description,
author, status, ...), the characters it may hold. Never raises.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent

from steadyground.core.paths import REPO
from steadyground.core.yaml_quotes import curly_quote, curly_quote_message

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
MAX_FRONT_MATTER = 8 * 1024  # bytes: a title, a description and a few short keys
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Text the theme prints into the page, its <head> or an attribute: plain words only. No
# markup characters, no quotes that could end an attribute, no control or invisible
# format characters (the theme does not escape all of these in every place).
_PLAIN = re.compile(r"[^<>\"`\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]*")
# Material's page status is a CSS class and an icon name: lowercase words.
_WORD = re.compile(r"[a-z][a-z0-9-]{0,40}")
_ICON = re.compile(r"(material|fontawesome/(brands|regular|solid)|octicons|simple)/[a-z0-9-]{1,80}")
_HIDE = {"navigation", "toc", "footer", "feedback", "tags", "path", "toc-sidebar"}


@dataclass(frozen=True)
class Key:
    kind: type | tuple[type, ...]
    printed: bool = False  # the theme prints it: plain characters only
    pattern: re.Pattern | None = None
    what: str = "text"


SCHEMA: dict[str, Key] = {
    "title": Key(str, printed=True),
    "tab_title": Key(str, printed=True),
    "subtitle": Key(str, printed=True),
    "description": Key(str, printed=True),
    "author": Key(str, printed=True),
    "content_note": Key(str, printed=True),
    "translation_of": Key(str, printed=True, pattern=re.compile(r"[A-Za-z0-9_./-]{1,200}"), what="a page path"),
    "status": Key(str, pattern=_WORD, what="one lowercase word (new, deprecated)"),
    "icon": Key(str, pattern=_ICON, what="an icon name such as material/leaf"),
    "reviewed": Key((datetime.date, str), pattern=re.compile(r"\d{4}-\d{2}-\d{2}"), what="a date written YYYY-MM-DD"),
    "hide": Key(list, what=f"a list of: {', '.join(sorted(_HIDE))}"),
    "search": Key(dict, what="a mapping such as {exclude: true}"),
}


@dataclass
class FrontMatter:
    meta: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # "path:LINE: message"
    body_line: int = 1  # the line the body starts on
    readable: bool = True  # False when the block is not YAML we read (syntax, aliases, tags)


def read(text: str, source: str) -> FrontMatter:
    """The front matter of a page's text; problems name `source` and a line."""
    # A byte order mark (some editors on Windows save one) is not part of the page: MkDocs and
    # Zensical drop it too, so every door reads the page alike.
    text = text.removeprefix("\ufeff")
    if not text.startswith("---"):
        return FrontMatter()
    match = _FRONT_MATTER.match(text[: MAX_FRONT_MATTER + 16])
    if not match:
        if len(text) > MAX_FRONT_MATTER and "\n---" not in text[: MAX_FRONT_MATTER + 16]:
            return FrontMatter(problems=[f"{source}:1: the front matter is longer than {MAX_FRONT_MATTER // 1024} KB "
                                         "(or its closing --- is missing); keep it to a few short keys"])
        return FrontMatter(problems=[f"{source}:1: the front matter has no closing '---' line"])
    block = match.group(1) or ""
    result = FrontMatter(body_line=match.group(0).count("\n") + 1, readable=False)
    try:
        events = list(yaml.parse(block, Loader=_FAST_LOADER))
    except yaml.MarkedYAMLError as error:
        result.problems.append(_syntax_problem(error, block, source))
        return result
    except yaml.YAMLError as error:
        result.problems.append(f"{source}:1: the front matter is not valid YAML: {error}")
        return result
    for event in events:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            sign = "*" if isinstance(event, AliasEvent) else "&"
            result.problems.append(f"{source}:{event.start_mark.line + 2}: YAML anchors and aliases "
                                   f"({sign}{anchor}) are not allowed in front matter; write the value out")
            return result
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in ("!", "tag:yaml.org,2002:str"):
            result.problems.append(f"{source}:{event.start_mark.line + 2}: the YAML tag {tag} is not allowed in "
                                   "front matter; write plain values")
            return result
    try:
        data = yaml.load(block, Loader=_FAST_LOADER)
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        result.problems.append(f"{source}:1: the front matter is not valid YAML: {error}")
        return result
    if data is None:
        result.readable = True
        return result
    if not isinstance(data, dict):
        result.problems.append(f"{source}:2: the front matter must be 'key: value' lines")
        return result
    result.readable = True
    result.problems += _typed(data, text, source)
    # Only well-typed values go on: nothing downstream ever sees a mapping where text belongs.
    result.meta = {key: value for key, value in data.items() if isinstance(key, str) and _fits(key, value)}
    return result


def _syntax_problem(error: yaml.MarkedYAMLError, block: str, source: str) -> str:
    """The YAML error at its line; a value opened with a curly quote is named at the quote,
    since that, not the ': ' YAML stops at, is what the author has to change."""
    lines = block.splitlines()
    for mark in (error.problem_mark, error.context_mark):
        if mark is not None and mark.line < len(lines) and (found := curly_quote(lines[mark.line])):
            col = found[0]
            return f"{source}:{mark.line + 2}:{col}: {curly_quote_message(lines[mark.line], col)}"
    mark = error.problem_mark or error.context_mark
    line = mark.line + 2 if mark else 1
    return f"{source}:{line}: the front matter is not valid YAML: {(error.problem or str(error)).strip()}"


def _fits(key: str, value: Any) -> bool:
    rule = SCHEMA.get(key)
    return rule is None or (isinstance(value, rule.kind) and not isinstance(value, bool))


def _typed(data: dict, text: str, source: str) -> list[str]:
    problems = []
    for key, value in data.items():
        if not isinstance(key, str):
            problems.append(f"{source}:{_key_line(text, str(key))}: the front matter key {key!r} must be a word")
            continue
        rule = SCHEMA.get(key)
        if rule is None:
            continue  # unknown keys are `make check`'s to name (steadyground/pages/checks.py KNOWN_KEYS)
        line = _key_line(text, key)
        if not isinstance(value, rule.kind) or isinstance(value, bool):
            problems.append(f"{source}:{line}: front matter \"{key}\" must be {rule.what}, not "
                            f"{_kind(value)}")
            continue
        if key == "hide" and not all(isinstance(v, str) and v in _HIDE for v in value):
            problems.append(f"{source}:{line}: front matter \"hide\" must be {rule.what}")
        if key == "search" and not all(k in ("exclude", "boost") and isinstance(v, (bool, int, float))
                                       for k, v in value.items()):
            problems.append(f"{source}:{line}: front matter \"search\" may hold only exclude: true/false "
                            "and boost: a number")
        if isinstance(value, str):
            problem = string_problem(key, value, printed=rule.printed, pattern=rule.pattern, what=rule.what)
            if problem is None and key == "icon" and not icon_exists(value):
                problem = f'"icon" names {value}, which is not one of the theme\'s icons'
            if problem:
                problems.append(f"{source}:{line}: {problem}")
    return problems


def icon_exists(name: str) -> bool:
    """Whether Material's icon set (or overrides/.icons) has the icon: an unknown one stops
    the build with a traceback in the theme."""
    import material
    folders = [Path(material.__file__).resolve().parent / "templates" / ".icons",
               REPO / "overrides" / ".icons"]
    return any((folder / f"{name}.svg").is_file() for folder in folders)


def string_problem(key: str, value: str, *, printed: bool = True, pattern: re.Pattern | None = None,
                   what: str = "text") -> str | None:
    """Why a string the theme prints (front matter, or a config string such as
    site_description) may not be printed, or None."""
    if pattern is not None and not pattern.fullmatch(value):
        return f'"{key}" must be {what}, not "{_short(value)}"'
    if printed and not _PLAIN.fullmatch(value):
        bad = next(c for c in value if not _PLAIN.fullmatch(c))
        return (f'"{key}" holds {_char(bad)}; the theme prints it into the page, so write plain words '
                "(curly quotes \u201c \u201d instead of \")")
    return None


# Config strings the theme prints into every page (<title>, <meta>, the header).
CONFIG_STRINGS = ("site_name", "site_description", "site_author")


def config_problems(config: dict, source: str) -> list[str]:
    """The printed config strings of one language's config, through the same check."""
    problems = []
    for key in CONFIG_STRINGS:
        value = config.get(key)
        if value is None:
            continue
        problem = (f'"{key}" must be text, not {_kind(value)}' if not isinstance(value, str)
                   else string_problem(key, value))
        if problem:
            problems.append(f"{source}: {problem}")
    return problems


def _key_line(text: str, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}[ \t]*:", text[: MAX_FRONT_MATTER + 16], re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, bytes):
        return "binary data"
    return {dict: "a mapping", list: "a list", int: "a number", float: "a number", str: "text"}.get(
        type(value), type(value).__name__)


def _char(c: str) -> str:
    return f'"{c}"' if c.isprintable() else f"U+{ord(c):04X}"


def _short(value: str) -> str:
    shown = value.encode("unicode_escape").decode("ascii")
    return shown if len(shown) <= 40 else shown[:37] + "..."
