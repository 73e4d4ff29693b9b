"""Explicit nesting limits for front matter, checked before a recursive parser or walk runs.

tomllib, json and PyYAML's composer recurse once per level of nesting, and so do the walks over
their results; left alone, 500 nested ``[`` or a 3,000-part ``[a.a.a...]`` header end in a
RecursionError that takes the whole file (or run) down. One limit, :data:`MAX_DEPTH`, applies to
YAML, TOML and JSON alike, and each check says where it is first crossed, so the author gets a
located FM012 diagnostic instead of a crash. Every scan here is a single linear pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import MappingEndEvent, MappingStartEvent, SequenceEndEvent, SequenceStartEvent

MAX_DEPTH = 64

_EVENT_LOADER = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def too_deep_message(kind: str) -> str:
    return (
        f"{kind} front matter is nested deeper than {MAX_DEPTH} levels: "
        "flatten it (no real post needs that much nesting)"
    )


def yaml_too_deep(content: str) -> int | None:
    """Offset (in ``content``) of the first collection nested deeper than the limit, else None.

    PyYAML's event parser is a state machine, not a recursion, so this pass is safe on any
    input. libyaml's scanner looks ahead and can stop (at a syntax error, or at its own
    nesting limit of 1,000) before the events get deep; then a lexical count of flow brackets
    decides (PyYAML's pure-Python scanner would be quadratic on such input). A syntax error
    is left for the composer to report with its own message.
    """
    if sum(map(content.count, "[{-:?")) <= MAX_DEPTH:
        # each collection opens at a character of its own: a bracket, the dash of its first
        # item, the colon or question mark of its first key; too few of them to cross
        return None
    return _yaml_event_scan(content)


def _yaml_event_scan(content: str) -> int | None:
    """The event pass behind :func:`yaml_too_deep`."""
    depth = 0
    try:
        for event in yaml.parse(content, Loader=_EVENT_LOADER):
            if isinstance(event, MappingStartEvent | SequenceStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return int(mark.index) if mark is not None else 0
            elif isinstance(event, MappingEndEvent | SequenceEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return _yaml_flow_too_deep(content)
    return None


def _yaml_flow_too_deep(content: str) -> int | None:
    """Offset of the first ``[`` or ``{`` nested deeper than the limit, skipping quoted
    scalars (a quote opens one only where a token can start) and comments."""
    depth = 0
    index = 0
    length = len(content)
    while index < length:
        char = content[index]
        before = content[index - 1] if index else "\n"
        if char in "\"'" and before in " \t\r\n[{,:-?":
            index = _skip_yaml_quoted(content, index)
            continue
        if char == "#" and before in " \t\r\n":
            while index < length and content[index] not in "\r\n":
                index += 1
            continue
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return index
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return None


def _skip_yaml_quoted(content: str, index: int) -> int:
    quote = content[index]
    position = index + 1
    while position < len(content):
        char = content[position]
        if quote == '"' and char == "\\":
            position += 2
            continue
        if char == quote:
            if quote == "'" and content.startswith("''", position):
                position += 2  # an escaped quote inside a single-quoted scalar
                continue
            return position + 1
        position += 1
    return len(content)


def json_too_deep(content: str) -> int | None:
    """Offset of the first ``[`` or ``{`` nested deeper than the limit (strings skipped)."""
    depth = 0
    in_string = False
    index = 0
    length = len(content)
    while index < length:
        char = content[index]
        if in_string:
            if char == "\\":
                index += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return index
        elif char in "]}":
            depth -= 1
        index += 1
    return None


def toml_too_deep(content: str) -> int | None:
    """Offset where TOML nesting crosses the limit: brackets of arrays and inline tables, plus
    the parts of dotted keys and of ``[table]`` headers (each part is one level of tables)."""
    if sum(map(content.count, "[{.")) <= MAX_DEPTH:
        return None  # each level the scan counts is one of these characters: too few to cross
    return _toml_nesting_scan(content)


def _toml_nesting_scan(content: str) -> int | None:
    """The character scan behind :func:`toml_too_deep`."""
    nesting = _TomlNesting()
    index = 0
    length = len(content)
    while index < length:
        char = content[index]
        if char in "\"'":
            index = _skip_toml_string(content, index)
            nesting.blank = False
            continue
        if char == "#":
            while index < length and content[index] not in "\r\n":
                index += 1
            continue
        if nesting.step(char):
            return index
        index += 1
    return None


@dataclass
class _TomlNesting:
    """The nesting seen so far by :func:`toml_too_deep`, outside strings and comments."""

    depth: int = 0  # open [ and {
    table: int = 0  # parts of the current [table] header
    parts: int = 0  # dotted parts of the key being read on this line
    header: bool = False
    blank: bool = True  # only blanks so far on this line

    def step(self, char: str) -> bool:
        """Take one character; True when it crosses the limit."""
        too_deep = False
        if char in "\r\n":
            self.parts = 0
            self.blank = True
            if self.depth == 0:
                self.header = False
        elif char in "[{":
            too_deep = self._open(char)
        elif char in "]}":
            self._close()
        elif char == ".":
            self.parts += 1
            too_deep = (0 if self.header else self.table) + self.depth + self.parts > MAX_DEPTH
        elif char in "=,":
            self.parts = 0
        if char not in " \t[\r\n":
            self.blank = False
        return too_deep

    def _open(self, char: str) -> bool:
        if char == "[" and self.depth == 0 and self.blank:
            self.header = True
            self.table = 0
        self.depth += 1
        self.parts = 0
        return not self.header and self.depth + self.table > MAX_DEPTH

    def _close(self) -> None:
        self.depth = max(0, self.depth - 1)
        if self.header and self.depth == 0:
            self.table = self.parts + 1
            self.header = False
            self.parts = 0


def _skip_toml_string(content: str, index: int) -> int:
    """The offset just after the string starting at ``index`` (or the end of the text)."""
    quote = content[index]
    if content.startswith(quote * 3, index):
        end = content.find(quote * 3, index + 3)
        if quote == '"':
            while end != -1 and _escaped(content, end):
                end = content.find(quote * 3, end + 1)
        return len(content) if end == -1 else end + 3
    position = index + 1
    while position < len(content):
        char = content[position]
        if char == "\\" and quote == '"':
            position += 2
            continue
        if char == quote or char in "\r\n":
            return position + 1
        position += 1
    return len(content)


def _escaped(content: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and content[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def data_too_deep(value: Any) -> bool:
    """Is this parsed value (dicts and lists) nested deeper than the limit? No recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > MAX_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
