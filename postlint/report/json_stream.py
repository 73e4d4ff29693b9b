"""``json.dumps(document, indent=2, ensure_ascii=False)``, written piece by piece.

A document format's one big array (diagnostics, results, issues) is written one element at a
time, so only one element is ever built; the text is exactly what ``json.dumps`` gives for the
whole document (a test compares them), because JSON strings never hold a raw line break and
indenting every line of an element by its depth is what ``indent=2`` does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

_INDENT = "  "


def dumps_at(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps`` writes it ``depth`` levels deep (first line not indented)."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + _INDENT * depth) if depth else text


def array(items: Iterable[Any], depth: int) -> Iterator[str]:
    """An array at ``depth`` (its opening bracket already placed), one chunk per element."""
    inner = _INDENT * (depth + 1)
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + inner + dumps_at(item, depth + 1)
        first = False
    yield "[]" if first else "\n" + _INDENT * depth + "]"


def document(fields: Iterable[tuple[str, Any]], depth: int = 0) -> Iterator[str]:
    """An object at ``depth``; a field's value may be an iterator of chunks already written
    (:func:`array`, or a nested :func:`document`) or any JSON-ready value."""
    inner = _INDENT * (depth + 1)
    first = True
    for key, value in fields:
        yield ("{\n" if first else ",\n") + inner + json.dumps(key, ensure_ascii=False) + ": "
        first = False
        if isinstance(value, Iterator):
            yield from value
        else:
            yield dumps_at(value, depth + 1)
    yield "{}" if first else "\n" + _INDENT * depth + "}"
