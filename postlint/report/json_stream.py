"""``json.dumps(document, indent=2, ensure_ascii=False)``, written piece by piece.

A document format's one big array (diagnostics, results, issues) is written one element at a
time, so only one element is ever built; the text is exactly what ``json.dumps`` gives for the
whole document (a test compares them), because JSON strings never hold a raw line break and
indenting every line of an element by its depth is what ``indent=2`` does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring
from typing import Any

INDENT = "  "  # one level of json.dumps(indent=2)
_DEEPEST = 32  # nesting the fast writer takes on; deeper values go to json.dumps


class _Unusual(Exception):
    """A value the fast writer leaves to ``json.dumps`` (a subclass, a float, a deep nest)."""


def dumps_at(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps`` writes it ``depth`` levels deep (first line not indented).

    Plain dicts, lists, strings, ints, booleans and None are written here (``json.dumps`` with
    an indent runs its pure-Python encoder, a third of the report's time); anything else is
    left to ``json.dumps`` itself, so the text is the same whatever the value."""
    try:
        return _written(value, "\n" + INDENT * depth, 0)
    except _Unusual:
        text = json.dumps(value, indent=2, ensure_ascii=False)
        return text.replace("\n", "\n" + INDENT * depth) if depth else text


_CONSTANTS = {None: "null", True: "true", False: "false"}


def _written(value: Any, newline: str, nesting: int) -> str:
    """``value`` as ``json.dumps(indent=2, ensure_ascii=False)``, its lines after the first
    starting with ``newline``."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None or kind is bool:
        return _CONSTANTS[value]
    if nesting >= _DEEPEST:
        raise _Unusual
    inner = newline + INDENT
    if kind is dict:
        if not value:
            return "{}"
        parts = []
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            kind = type(item)
            if kind is str:
                text = encode_basestring(item)
            elif kind is int:
                text = int.__repr__(item)
            else:
                text = _written(item, inner, nesting + 1)
            parts.append(encode_basestring(key) + ": " + text)
        return "{" + inner + ("," + inner).join(parts) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        items = [_written(item, inner, nesting + 1) for item in value]
        return "[" + inner + ("," + inner).join(items) + newline + "]"
    raise _Unusual


def array(
    items: Iterable[Any], depth: int, write: Callable[[Any, int], str] = dumps_at
) -> Iterator[str]:
    """An array at ``depth`` (its opening bracket already placed), one chunk per element;
    ``write``: an element's text as :func:`dumps_at` gives it, written another way."""
    inner = INDENT * (depth + 1)
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + inner + write(item, depth + 1)
        first = False
    yield "[]" if first else "\n" + INDENT * depth + "]"


def document(fields: Iterable[tuple[str, Any]], depth: int = 0) -> Iterator[str]:
    """An object at ``depth``; a field's value may be an iterator of chunks already written
    (:func:`array`, or a nested :func:`document`) or any JSON-ready value."""
    inner = INDENT * (depth + 1)
    first = True
    for key, value in fields:
        yield ("{\n" if first else ",\n") + inner + json.dumps(key, ensure_ascii=False) + ": "
        first = False
        if isinstance(value, Iterator):
            yield from value
        else:
            yield dumps_at(value, depth + 1)
    yield "{}" if first else "\n" + INDENT * depth + "}"
