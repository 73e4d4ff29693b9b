"""TOML front matter (``+++``): parsed by tomllib, positions found by a line scan.

tomllib keeps no positions, so keys and values are located line by line; a path that cannot
be located falls back to its nearest ancestor. Dates stay the text the author wrote.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from postlint.core.fm_limits import data_too_deep, toml_too_deep
from postlint.core.frontmatter import (
    Block,
    FrontMatter,
    Located,
    Problem,
    _python_tag,
    _too_deep,
    _unreadable_value,
)

_LONE_CR = re.compile(r"\r(?!\n)")
_TOML_ERROR_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_TABLE = re.compile(r"^[ \t]*\[\[?[ \t]*([^\]]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_TOML_KEY = re.compile(
    r"^[ \t]*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)[ \t]*=[ \t]*(.*?)[ \t]*$"
)


def _toml_key_parts(key: str) -> list[str]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+", key)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def _line_offsets(content: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", content))
    return starts


def parse_toml(content: str, block: Block) -> FrontMatter:
    """TOML front matter (``+++``), its dates kept as text, its keys located by a line scan."""
    deep = toml_too_deep(content)
    if deep is not None:
        return _too_deep(block, deep, "TOML")
    try:
        # TOML knows LF and CR LF only; a lone CR (old Mac files) ends a line here too
        data = tomllib.loads(_LONE_CR.sub("\n", content.replace("\r\n", "\n")))
    except RecursionError:
        return _too_deep(block, 0, "TOML")
    except tomllib.TOMLDecodeError as exc:
        start = block.content_start
        found = _TOML_ERROR_POS.search(str(exc))
        if found:
            starts = _line_offsets(content)
            line = min(int(found.group(1)), len(starts))
            start += min(starts[line - 1] + int(found.group(2)) - 1, len(content))
        message = _TOML_ERROR_POS.sub("", str(exc)).strip()
        return FrontMatter(
            block, None, None, (Problem("syntax", start, start, f"TOML syntax error: {message}"),)
        )
    except ValueError as exc:  # Python's own limits, such as an integer of 5,000 digits
        return _unreadable_value(content, block, "TOML", exc)
    if data_too_deep(data):  # the scan above counts what tomllib nests; this is the backstop
        return _too_deep(block, 0, "TOML")
    data = _dates_as_text(data)
    root = _locate_toml(content, block, data)
    return FrontMatter(block, data, root)


def _dates_as_text(value: Any) -> Any:
    """TOML dates become ISO text, as YAML timestamps stay text: schemas see what was written."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _locate_toml(content: str, block: Block, data: dict[str, Any]) -> Located:
    """Positions of TOML keys and values, by a line scan (tomllib keeps none).

    Covers ``key = value`` lines and ``[table]`` headers; multi-line values are located
    by their first line. A path that cannot be located falls back to its nearest ancestor.
    """
    base = block.content_start
    tables: dict[tuple[str, ...], dict[str, tuple[Located, Located]]] = {(): {}}
    header_spans: dict[tuple[str, ...], tuple[int, int]] = {}
    current: tuple[str, ...] = ()
    starts = _line_offsets(content)
    for i, line_start in enumerate(starts):
        line_end = starts[i + 1] if i + 1 < len(starts) else len(content)
        line = content[line_start:line_end].rstrip("\r\n")
        table = _TOML_TABLE.match(line)
        if table:
            current = tuple(_toml_key_parts(table.group(1)))
            tables.setdefault(current, {})
            header_spans.setdefault(current, (base + line_start, base + line_start + len(line)))
            continue
        pair = _TOML_KEY.match(line)
        if not pair:
            continue
        parts = _toml_key_parts(pair.group(1))
        path = current + tuple(parts[:-1])
        key_start = base + line_start + pair.start(1)
        key_end = base + line_start + pair.end(1)
        raw_value = _without_toml_comment(pair.group(2))
        value_start = base + line_start + pair.start(2)
        value_end = value_start + len(raw_value)
        value = _dig(data, (*path, parts[-1]))
        tag = _python_tag(value)
        key_node = Located(key_start, key_end, parts[-1], "str", raw=pair.group(1))
        value_node = Located(value_start, value_end, value, tag, raw=raw_value)
        tables.setdefault(path, {})[parts[-1]] = (key_node, value_node)

    # Each table's child table names, indexed once (comparing every pair was quadratic).
    children_of: dict[tuple[str, ...], set[str]] = {}
    for table_path in tables:
        for depth in range(len(table_path)):
            children_of.setdefault(table_path[:depth], set()).add(table_path[depth])

    def build(path: tuple[str, ...], span: tuple[int, int]) -> Located:
        entries = list(tables.get(path, {}).values())
        for name in sorted(children_of.get(path, ())):
            child_path = (*path, name)
            child_span = header_spans.get(child_path, span)
            key_node = Located(child_span[0], child_span[1], name, "str", raw=name)
            entries.append((key_node, build(child_path, child_span)))
        return Located(span[0], span[1], _dig(data, path), "map", entries=tuple(entries))

    return build((), (block.open_start, block.open_end))


def _without_toml_comment(value: str) -> str:
    """The value as written, without a trailing ``# comment`` (a ``#`` in a string stays)."""
    if "#" not in value:  # most values: the scan below would return them whole
        return value
    quote = ""
    index = 0
    while index < len(value):
        char = value[index]
        if quote:
            if char == "\\" and quote[0] == '"':
                index += 1  # an escaped character, perhaps a quote
            elif value.startswith(quote, index):
                index += len(quote) - 1
                if len(quote) == 3:  # up to two more quote characters still belong to the string
                    while index + 1 < len(value) and value[index + 1] == quote[0]:
                        index += 1
                quote = ""
        elif char in "\"'":
            quote = char * 3 if value.startswith(char * 3, index) else char
            index += len(quote) - 1
        elif char == "#":
            return value[:index].rstrip(" \t")
        index += 1
    return value


def _dig(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and data:
            data = data[-1].get(part) if isinstance(data[-1], dict) else None
        else:
            return None
    return data
