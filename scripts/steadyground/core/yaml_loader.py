"""Loading: YAML text in, plain data plus positions out.

Owns reading a quiz file with PyYAML's `SafeLoader` through `yaml.compose`, so every value
keeps its place in the file. The node tree becomes plain Python data (dicts, lists,
scalars) and a `Positions` index from data path, such as `("questions", 2, "scale")`, to
the 1-based line and column of that value and of its key. Author mistakes at this stage
(syntax errors, duplicate keys that PyYAML would silently drop, keys that are not plain
text, anchors and aliases) become `Problem`s, never exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode

from steadyground.core.problems import Problem
from steadyground.core.yaml_quotes import curly_quote, curly_quote_message

DataPath = tuple  # of str keys and int list indexes

# A quiz nests at most quiz > examples > example > answers > question > labels (6); files
# far deeper or larger are mistakes (or attacks) and are refused before YAML builds anything.
MAX_DEPTH = 12
MAX_BYTES = 512 * 1024

# libyaml composes ten times faster than pure Python; both give the same nodes and marks.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TEXT = "tag:yaml.org,2002:str"

# Friendlier words for the PyYAML errors counsellors meet most often.
_SYNTAX_HINTS = {
    "mapping values are not allowed here": "is there a ': ' inside unquoted text? Put the text in quotes",
    "found character '\\t' that cannot start any token": "use spaces, not tabs, to indent",
    "found a tab character": "use spaces, not tabs, to indent",
    "could not find expected ':'": "each line needs 'name: value'; check the line above for a missing colon or quote",
    "did not find expected key": "check the indentation: items of one list or mapping must line up",
    "did not find expected '-' indicator": "check the indentation: list items must line up under each other",
    "found undefined alias": "'*' starts a YAML alias; put text that starts with '*' in quotes",
    "found unexpected end of stream": "a quote or bracket is not closed",
    "expected ',' or '}'": "inside { }, put text containing ? : , [ ] { } or # in quotes",
    "expected ',' or ']'": "inside [ ], put text containing ? : , [ ] { } or # in quotes",
    "expected <block end>, but found": "a quote inside quoted text? Use the other kind of quote around it; or check the indentation",
}


@dataclass(frozen=True)
class Place:
    line: int  # 1-based
    col: int  # 1-based
    node: Node | None = None


@dataclass
class Positions:
    """Where each value (and each mapping key) sits in the source file."""

    values: dict[DataPath, Node] = field(default_factory=dict)
    keys: dict[DataPath, Node] = field(default_factory=dict)

    def of(self, path: DataPath) -> Place:
        """The value at `path`, or its nearest ancestor that exists (for missing keys)."""
        path = tuple(path)
        while path not in self.values and path:
            path = path[:-1]
        node = self.values.get(path)
        return _place(node) if node is not None else Place(1, 1)

    def key_of(self, path: DataPath) -> Place:
        """The key of the mapping entry at `path` (falls back to the value)."""
        node = self.keys.get(tuple(path))
        return _place(node) if node is not None else self.of(path)


@dataclass
class Loaded:
    path: str  # as shown in messages
    source: str
    data: Any = None
    positions: Positions = field(default_factory=Positions)
    problems: list[Problem] = field(default_factory=list)


def load_file(path: str | Path, display: str | None = None) -> Loaded:
    display = display or str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _failed(display, "", 1, 1, f"the file is not UTF-8 text ({error.reason}); save it as UTF-8")
    except OSError as error:
        return _failed(display, "", 1, 1, f"cannot read the file: {error.strerror}")
    return load_text(text, display)


def load_text(text: str, display: str, *, max_depth: int = MAX_DEPTH) -> Loaded:
    text = text.removeprefix("\ufeff")  # a byte order mark is not part of the quiz (as load_file reads it)
    loaded = Loaded(display, text)
    if len(text.encode("utf-8")) > MAX_BYTES:
        return _failed(display, "", 1, 1, f"the file has more than {MAX_BYTES:,} bytes; split it or remove what "
                       "was pasted in by mistake")
    deep = nesting_beyond(text, max_depth)
    if deep is not None:
        return _failed(display, text, *deep, f"lists and mappings are nested more than {max_depth} deep here; "
                       "check the brackets and the indentation")
    try:
        try:
            root = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            # Parse again in pure Python: same verdict, friendlier messages and positions.
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        curly = _curly_quote(error, text)
        if curly is not None:
            return _failed(display, text, *curly)
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return _failed(display, text, line, col, _syntax_message(error))
    except yaml.YAMLError as error:  # reader errors: control characters and the like
        position = getattr(error, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        return _failed(display, text, line, col, f"YAML cannot read this character: {error}")
    if root is None:
        return _failed(display, text, 1, 1, "the file is empty; a quiz needs at least title, questions and bands")
    if "&" in text or "*" in text:
        aliases = _anchors_and_aliases(text, display)
        if aliases:  # refused before anything is expanded: an alias bomb never gets built
            return Loaded(display, text, problems=aliases)
    builder = _Builder(loaded)
    loaded.data = builder.build(root, ())
    return loaded


def nesting_beyond(text: str, max_depth: int) -> tuple[int, int] | None:
    """(line, col) where lists and mappings first nest deeper than max_depth, read from the
    event stream (libyaml's, which never recurses in Python, unlike composing the node tree
    or building data from it); None when they do not. Syntax errors are left for load_text."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # libyaml looks ahead for keys, so a long run of brackets fails before any event.
        if "nesting depth" in str(error.problem) and error.problem_mark is not None:
            return error.problem_mark.line + 1, 1
        return None
    except (yaml.YAMLError, RecursionError):
        return None
    return None


def _anchors_and_aliases(text: str, display: str) -> list[Problem]:
    """Every YAML anchor (&name) and alias (*name): a few bytes of aliases can expand to
    gigabytes, and quiz text never needs them."""
    problems, seen = [], set()
    for event in yaml.parse(text, Loader=_FAST_LOADER):
        if isinstance(event, AliasEvent):
            what = f'the alias "*{event.anchor}"'
        elif getattr(event, "anchor", None):
            what = f'the anchor "&{event.anchor}"'
        else:
            continue
        if what in seen:  # each name once: a bomb's hundred aliases need not be a hundred lines
            continue
        seen.add(what)
        mark = event.start_mark
        problems.append(Problem(display, mark.line + 1, mark.column + 1,
                                f"{what}: YAML anchors and aliases are not allowed in quiz files; write the text out "
                                "(put text that starts with & or * in quotes)", "syntax"))
    return problems


def _failed(display: str, text: str, line: int, col: int, message: str) -> Loaded:
    return Loaded(display, text, problems=[Problem(display, line, col, message, "syntax")])


def _curly_quote(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """(line, col, message) when the line YAML stopped on has a value opened with a curly
    quote: that quote is the mistake, not the ': ' after it (the usual hint, "put the text in
    quotes", would puzzle an author who did)."""
    lines = text.splitlines()
    for mark in (error.problem_mark, error.context_mark):
        if mark is not None and mark.line < len(lines) and (found := curly_quote(lines[mark.line])):
            col = found[0]
            return mark.line + 1, col, curly_quote_message(lines[mark.line], col)
    return None


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or str(error)).strip()
    hint = next((h for start, h in _SYNTAX_HINTS.items() if problem.startswith(start)), None)
    message = f"YAML syntax error: {problem}"
    context, mark = error.context, error.context_mark
    if context and mark and error.problem_mark and mark.line != error.problem_mark.line:
        message += f" {context} that starts on line {mark.line + 1}, column {mark.column + 1}"
    return f"{message} ({hint})" if hint else message


class _Builder:
    """Walks the composed node tree once, recording positions as it goes."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.constructor = SafeConstructor()
        self.active: set[int] = set()  # node ids on the current branch, against alias loops

    def build(self, node: Node, path: DataPath) -> Any:
        self.loaded.positions.values[path] = node
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if id(node) in self.active:
            self._problem(node, "syntax", "this alias refers to itself")
            return None
        self.active.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self._mapping(node, path)
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: MappingNode, path: DataPath) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(key_node, "syntax", "keys must be plain names (YAML merge keys '<<' and complex keys are not supported)")
                continue
            key = key_node.value  # the text as written: `no:` stays "no", not False
            line = key_node.start_mark.line + 1
            if key in first_seen:
                self._problem(
                    key_node,
                    "duplicate-key",
                    f'duplicate key "{key}" (first used on line {first_seen[key]}); YAML would silently keep only the last one',
                )
            else:
                first_seen[key] = line
            self.loaded.positions.keys[path + (key,)] = key_node
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: Node) -> Any:
        if node.tag == _TEXT:
            return node.value  # most values: no need for the general constructor
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as error:  # e.g. an impossible date like 2026-02-30
            self._problem(node, "type", f"YAML cannot read this value: {getattr(error, 'problem', None) or error}")
            return node.value

    def _problem(self, node: Node, rule: str, message: str) -> None:
        place = _place(node)
        self.loaded.problems.append(Problem(self.loaded.path, place.line, place.col, message, rule))


def _place(node: Node) -> Place:
    return Place(node.start_mark.line + 1, node.start_mark.column + 1, node)
