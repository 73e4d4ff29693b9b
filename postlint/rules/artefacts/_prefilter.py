"""Where a rule's pattern may match in the body: one RE2 scan of the whole prose view.

The artefact patterns are Python regexes (look-arounds, Unicode ``\\b``), and running them over
every paragraph of every post cost most of the family's time, though almost no post holds an
artefact. :func:`superset` rewrites a pattern into an RE2 pattern that matches, on the UTF-8
bytes of a text, wherever the original could match and more: look-arounds, ``\\b`` and
anchors are dropped, ``\\w`` and ``\\d`` become their ASCII members plus every byte of a
non-ASCII character, ``\\s`` (alone or with marks such as ``*``) any byte but an ASCII letter
or digit, every count ``{m,n}`` becomes ``{m,}``, or ``{m,4n}`` for a window of 20
characters or more (a character is one to four bytes), and a non-ASCII character becomes its
bytes. Compiled in Latin-1 mode (a byte is a character), it is small and fast to build, and a
DFA scan is linear.

Why the candidates cover every match: if the Python pattern matches ``text[q:r]``, the
superset matches those bytes, so some match of it starts at ``q``; a left-to-right scan
reports a match starting at or before ``q`` and, unless it ends before ``q`` (and the scan
goes on from there), one that covers ``q``. So every paragraph holding a match of the
original intersects a candidate span, and only those paragraphs need the Python pattern.

Python's case-insensitive matching also lets U+0130, U+0131, U+017F and U+212A stand for
ASCII letters, which the Latin-1 scan does not: a text holding one of them is scanned the
slow way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from typing import Any

from postlint.core.prose_view import MASK
from postlint.core.re2_bytes import re2_byte_spans

# Characters Python's IGNORECASE matches to an ASCII letter besides its two cases.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
# A superset of whitespace and the other marks between words, faster for RE2 to build than
# _CLASSES["s"] with them (a case-folded byte range costs).
_BLANK = "[^0-9A-Za-z]"
# Supersets of Python's classes: a character in one is in ASCII (these) or takes bytes
# 0x80-0xFF (all of which these hold).
_CLASSES = {
    "s": r"\t-\r\x1c-\x20\x80-\xff",
    "w": r"0-9A-Za-z_\x80-\xff",
    "d": r"0-9\x80-\xff",
}
_COUNT = re.compile(r"\{(\d+)(,\d*)?\}")  # linear: digits, then an optional comma and digits
_CLASS_ESCAPE = re.compile(r"\\(.)", re.DOTALL)  # linear: two characters
_PLAIN_ESCAPES = "ntr"


def _literal(char: str) -> str:
    """``char`` as RE2 (Latin-1) syntax: its UTF-8 bytes, grouped so a quantifier takes all."""
    if char.isascii():
        return char
    return "(?:" + "".join(f"\\x{byte:02x}" for byte in char.encode()) + ")"


def _class_end(source: str, at: int) -> int:
    """Offset just after the character class opening at ``at``."""
    i = at + 1
    if source.startswith("^", i):
        i += 1
    if source.startswith("]", i):
        i += 1
    while source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _group_end(source: str, at: int) -> int:
    """Offset just after the group opening at ``at``."""
    depth, i = 0, at
    while True:
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(source, i)
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        i += 1
        if depth == 0:
            return i


def _class(body: str) -> str:
    """A character class's superset (``body`` is what stands between the brackets)."""
    escapes = {m.group(1) for m in _CLASS_ESCAPE.finditer(body) if m.group(1).isalnum()}
    rest = _CLASS_ESCAPE.sub("", body)
    if body.startswith("^"):
        if not body.isascii() or escapes - set(_PLAIN_ESCAPES) or re.search("[A-Za-z]", rest):
            raise ValueError(f"unsupported negated class [{body}]")
        return f"[{body}]"  # a non-ASCII character's bytes are all outside it
    if escapes - set(_PLAIN_ESCAPES + "swd"):
        raise ValueError(f"unsupported class [{body}]")
    members, wide, i = "", [], 0
    while i < len(body):
        start = i
        i += 2 if body[i] == "\\" else 1
        if i + 1 < len(body) and body[i] == "-":  # a range "a-z"
            i += 3 if body[i + 1] == "\\" else 2
        member = body[start:i]
        if member[1:] in _CLASSES and member[0] == "\\":
            members += _CLASSES[member[1:]]
        elif member.isascii():
            members += member
        elif len(member) == 1:
            wide.append(_literal(member))
        else:
            raise ValueError(f"unsupported range in [{body}]")
    if escapes == {"s"} and not re.search("[0-9A-Za-z]", rest):
        return _BLANK  # a gap between words ("[\\s*_]"): cheaper to build, as selective
    if escapes & set("swd"):  # the class holds every byte of a non-ASCII character
        return f"[{members}]"
    return "(?:" + "|".join(([f"[{members}]"] if members else []) + wide) + ")"


@cache  # a pure function of its arguments; each source is rewritten once, not per compile
def superset(source: str, *, windows: bool = True) -> str:
    """An RE2 pattern (Latin-1) matching the UTF-8 bytes of every text ``source`` matches
    (with the mask read as NUL: see :func:`scannable`); ``windows=False``: every count open,
    a window too (see :func:`_byte_count`)."""
    if MASK in source or "\x00" in source:
        raise ValueError("a pattern naming the mask or NUL")
    out: list[str] = []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            escaped = source[i + 1]
            if escaped in _CLASSES:
                out.append(_BLANK if escaped == "s" else f"[{_CLASSES[escaped]}]")
            elif escaped.isalnum() and escaped not in "bB" + _PLAIN_ESCAPES:
                raise ValueError(f"unsupported escape \\{escaped}")
            elif escaped not in "bB":
                out.append(source[i : i + 2])
            i += 2
        elif char == "[":
            end = _class_end(source, i)
            out.append(_class(source[i + 1 : end - 1]))
            i = end
        elif source.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            i = _group_end(source, i)
        elif char == "{":
            count = _COUNT.match(source, i)
            if count is None:
                raise ValueError(f"unsupported brace at {i}")
            out.append(_byte_count(count.group(1), count.group(2), windows))
            i = count.end()
            if source.startswith("?", i):
                i += 1  # lazy or not: the same set of texts
        elif char in "^$":
            i += 1
        else:
            out.append(_literal(char))
            i += 1
    return "".join(out)


# A count this wide is a window a pattern looks through ("up to 100 characters before the
# noun"), kept bounded in bytes; narrower ones (a few spaces) are left open.
_WINDOW_COUNT = 20


def _byte_count(low: str, high: str | None, windows: bool = True) -> str:
    """``{m,n}`` characters as bytes: ``{m,4n}`` for a window (a character is one to four
    bytes), else ``{m,}``. An open window let a higher-priority branch scan on to the end of
    the line after every match, looking for its noun: quadratic in a long paragraph of
    near-misses ("Sure, here is " repeated). Narrow counts stay open: bounding every one
    multiplies the DFA's states until RE2 gives up on it."""
    most = None if high is None or high == "," else int(high[1:])
    if high is None and int(low) >= _WINDOW_COUNT:
        most = int(low)
    if most is None or most < _WINDOW_COUNT or not windows:
        return "{" + low + ",}"
    return "{" + low + "," + str(4 * most) + "}"


def _options() -> Any:
    import re2

    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1  # type: ignore[attr-defined]  # not in its stub
    options.never_capture = True
    return options


@cache
def _compiled(source: str) -> Any:
    import re2

    return re2.compile(superset(source).encode("latin-1"), _options())


@cache
def _unbounded(source: str) -> Any:
    """The superset with its windows left open, when it has any (else None): a DFA tracks
    every step of a bounded window, so AI105's five of them made its scan ten times as slow
    as the others'; open, they cost nothing. Only searched once, to learn whether the text
    can hold a match at all: after a match an open window may scan on to the end of the line,
    so finding every span with it could be quadratic."""
    import re2

    opened = superset(source, windows=False)
    if opened == superset(source):
        return None
    return re2.compile(opened.encode("latin-1"), _options())


def scannable(text: str) -> bytes | None:
    """``text`` as the scan reads it, or None when the scan cannot tell where a match may be
    (a character Python folds to ASCII). The mask becomes NUL, one byte instead of three
    (the masks are half the prose view's bytes): no pattern names either, and whatever
    matches the mask in Python (a negated ASCII class, ``.``) matches NUL in the superset. A
    lone surrogate is kept: the character offsets stay exact."""
    if any(char in text for char in _FOLDS_TO_ASCII):
        return None
    return text.replace(MASK, "\x00").encode("utf-8", "surrogatepass")


def may_match(text: str, source: str) -> bool:
    """Whether ``source`` may match somewhere in ``text`` (False: it does not)."""
    if "(?i" in source and any(char in text for char in _FOLDS_TO_ASCII):
        return True
    encoded = text.replace(MASK, "\x00").encode("utf-8", "surrogatepass")
    return _compiled(source).search(encoded) is not None


def _char_offsets(encoded: bytes, offsets: Sequence[int]) -> dict[int, int]:
    """Character offset of each byte offset (ascending), in one pass over ``encoded``."""
    found: dict[int, int] = {}
    byte = char = 0
    for offset in offsets:
        char += len(encoded[byte:offset].decode("utf-8", "surrogatepass"))
        byte = offset
        found[offset] = char
    return found


def _boundary(encoded: bytes, offset: int, step: int) -> int:
    """``offset`` moved (by ``step``, -1 or 1) to the nearest character boundary."""
    while 0 < offset < len(encoded) and 0x80 <= encoded[offset] < 0xC0:
        offset += step
    return offset


def candidate_spans(length: int, encoded: bytes, source: str) -> list[tuple[int, int]]:
    """Character spans where ``source`` may match (see the module's docstring) in a text of
    ``length`` characters, ``encoded`` as :func:`scannable` makes it."""
    unbounded = _unbounded(source)
    if unbounded is not None and unbounded.search(encoded) is None:
        return []  # no match of a wider superset, so none of the windowed one's either
    spans = re2_byte_spans(_compiled(source), encoded)  # finditer's spans, no match objects
    if not spans or len(encoded) == length:
        return spans
    bounds = [(_boundary(encoded, s, -1), _boundary(encoded, e, 1)) for s, e in spans]
    chars = _char_offsets(encoded, sorted({b for span in bounds for b in span}))
    return [(chars[s], chars[e]) for s, e in bounds]


def flagged(starts: Sequence[int], reach: Sequence[int], spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the segments (``starts`` ascending; ``reach[i]``: the largest end among
    segments 0..i) that meet a span, its ends included, and perhaps a few more. The segments
    with ``reach >= start`` are a run ending at the last one starting before ``end``; spans
    come in ascending order, so a walk that meets a segment already taken can stop there:
    each segment is visited once."""
    hit: set[int] = set()
    for start, end in spans:
        index = bisect_right(starts, end) - 1
        while index >= 0 and reach[index] >= start and index not in hit:
            hit.add(index)
            index -= 1
    return hit
