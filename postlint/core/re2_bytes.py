"""RE2 on UTF-8 bytes, one C call a match, with offsets counted back to characters in C.

google-re2's ``finditer`` builds a Python match object per match and re-encodes the text on
each call; the code on the hot path calls the extension module's own match function on bytes
it encoded once, and counts UTF-8 bytes in characters without decoding. None of that is part of
google-re2's documented API, so it is used here only: a change in google-re2 touches this one
module (its tests compare every function here with the documented API).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import re2
from re2 import _re2 as _core  # type: ignore[attr-defined]

Spans = list[tuple[int, int]]
Match = Callable[[Any, bytes, int, int], tuple[tuple[int, int], ...]]

UNANCHORED = _core.RE2.Anchor.UNANCHORED
_NO_SPAN = (-1, -1)

# (data, start, end) -> how many characters ``data[start:end]`` encodes
count_chars: Callable[[bytes, int, int], int] = _core.BytesToCharLen
# (data, start, chars) -> how many bytes the ``chars`` characters from byte ``start`` take
byte_length: Callable[[bytes, int, int], int] = _core.CharLenToBytes


def matcher(regex: re2._Regexp) -> Match:
    """``regex``'s match function: ``(UNANCHORED, data, pos, end)`` -> the span of each group
    of the leftmost match from ``pos`` (``(-1, -1)`` for none), read without a match object."""
    found: Match = regex._regexp.Match  # type: ignore[attr-defined]
    return found


def re2_byte_spans(
    regex: re2._Regexp, data: bytes, group: int = 0, pos: int = 0, end: int | None = None
) -> Spans:
    """The span of ``group`` in each match of ``regex.finditer(data, pos, end)`` (bytes), in
    order, ``(-1, -1)`` where the group took no part: the wrapper's own loop, one C call a match
    (its ``finditer`` builds a Python match object per match, most of the cost here)."""
    search = matcher(regex)
    end = len(data) if end is None else end
    spans: Spans = []
    while True:
        found = search(UNANCHORED, data, pos, end)
        whole = found[0]
        if whole == _NO_SPAN:
            return spans
        spans.append(found[group])
        if pos == end:
            return spans
        pos = pos + 1 if pos == whole[1] else whole[1]  # an empty match steps on (the wrapper)


def char_spans(
    data: bytes, spans: Iterable[tuple[int, int]], byte: int = 0, char: int = 0
) -> Spans:
    """Byte spans of ``data`` (ascending, not overlapping) as character spans, given that byte
    offset ``byte`` is character offset ``char``: each is counted from the end of the last, so
    the whole conversion reads the bytes once."""
    found: Spans = []
    for start, end in spans:
        char += count_chars(data, byte, start)
        char_end = char + count_chars(data, start, end)
        found.append((char, char_end))
        byte, char = end, char_end
    return found
