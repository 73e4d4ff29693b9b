"""Cheap tests of what cannot match: RE2 sets that say which patterns occur anywhere in a
text, ASCII "shadows" searched for the literals Python patterns start with, and the map from
UTF-8 byte offsets (what RE2 reports) back to character offsets."""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any, NamedTuple

import re2

if TYPE_CHECKING:
    from proselint.registry.checks.engine import RegexOptions

_Atom = tuple[int, int]  # (RE2 prefilter group, pattern index within the group)
_SET_CHUNK = 4096  # patterns per RE2 set (proselint 0.16 has about 3,100 in the biggest group)
_PREFILTER_MAX_MEM = 64 << 20  # room for the DFA of a big set (membership does not depend on it)


class _ByteOffsets:
    """UTF-8 byte offset -> character offset: the offset less the continuation bytes before it.

    Built in C-speed steps: one ``translate`` marks the continuation bytes and one ``count``
    per block of :data:`_BLOCK` bytes keeps their running total, so an offset is a table
    look-up and a ``count`` within one block (no Python step per non-ASCII character or run:
    the prose view's masks alone are a fifth of its characters).
    """

    __slots__ = ("_before", "_marks")

    def __init__(self, text: str, data: bytes | None = None) -> None:
        marks = (text.encode() if data is None else data).translate(_CONTINUATION)
        self._marks = marks  # 1 at each continuation byte, 0 elsewhere
        counts = [marks.count(1, at, at + _BLOCK) for at in range(0, len(marks), _BLOCK)]
        self._before = list(accumulate(counts, initial=0))  # before each block

    def __call__(self, offset: int) -> int:
        block = offset // _BLOCK
        return offset - self._before[block] - self._marks.count(1, block * _BLOCK, offset)


_BLOCK = 2048
_CONTINUATION = bytes(1 if 0x80 <= byte < 0xC0 else 0 for byte in range(256))


class _SetGroup:
    """Patterns sharing one RE2 option set; ``match`` says which occur anywhere in a text.

    Each set gets an empty pattern at index 0 that matches every text: if RE2 gives up on a
    text (its DFA runs out of memory), the sentinel is missing and ``match`` answers None,
    "assume everything may match", so the checks fall back to proselint's own evaluation.
    """

    def __init__(self, patterns: Sequence[str], options: re2.Options) -> None:
        self._sets: list[tuple[re2.Set, int]] = []
        for first in range(0, len(patterns), _SET_CHUNK):
            chunk = re2.Set.SearchSet(options)
            chunk.Add("")
            for pattern in patterns[first : first + _SET_CHUNK]:
                chunk.Add(pattern)
            chunk.Compile()
            self._sets.append((chunk, first - 1))

    def match(self, data: bytes) -> frozenset[int] | None:
        found: list[int] = []
        for chunk, shift in self._sets:
            indices: list[int] = chunk.Match(data) or []  # type: ignore[assignment]
            if 0 not in indices:
                return None
            found.extend(index + shift for index in indices if index)
        return frozenset(found)


class _Prefilter:
    """Every options group's patterns, matched in as few passes as may be: the groups whose RE2
    options differ only in case sensitivity share one set (a pattern of another case mode than
    the set's is wrapped in ``(?i:...)`` or ``(?-i:...)``, which RE2 honours outside POSIX
    syntax), which halved the time of a pass; ``match`` answers per group as
    :meth:`_SetGroup.match` would."""

    def __init__(self, groups: Sequence[tuple[RegexOptions, Sequence[str]]]) -> None:
        options = [_prefilter_options(opts) for opts, _ in groups]
        base = max(range(len(groups)), key=lambda g: len(groups[g][1])) if groups else 0
        merged: list[str] = []
        # per group: (own set's index or -1, first and end index in the merged set)
        self._parts: list[tuple[int, int, int]] = []
        self._sets: list[_SetGroup] = []
        for group, (_, patterns) in enumerate(groups):
            mine, theirs = options[group], options[base]
            if _same_but_case(mine, theirs) and not theirs.posix_syntax:
                first = len(merged)
                if mine.case_sensitive == theirs.case_sensitive:
                    merged.extend(patterns)
                else:
                    flag = "(?-i:" if mine.case_sensitive else "(?i:"
                    merged.extend(f"{flag}{pattern})" for pattern in patterns)
                self._parts.append((-1, first, len(merged)))
            else:
                self._parts.append((len(self._sets), 0, 0))
                self._sets.append(_SetGroup(patterns, mine))
        self._merged = _SetGroup(merged, options[base]) if merged else None

    def match(self, data: bytes) -> tuple[frozenset[int] | None, ...]:
        """Per group, the indices of its patterns that occur in ``data`` (None: assume all)."""
        found = self._merged.match(data) if self._merged is not None else None
        hits: list[frozenset[int] | None] = []
        for own, first, end in self._parts:
            if own >= 0:
                hits.append(self._sets[own].match(data))
            elif found is None:
                hits.append(None)
            else:
                hits.append(frozenset(i - first for i in found if first <= i < end))
        return tuple(hits)


def _same_but_case(one: re2.Options, other: re2.Options) -> bool:
    names = (name for name in re2.Options.NAMES if name != "case_sensitive")  # type: ignore[attr-defined]
    return all(getattr(one, name) == getattr(other, name) for name in names)


def _prefilter_options(options: RegexOptions) -> re2.Options:
    copy = re2.Options()
    for name in re2.Options.NAMES:  # type: ignore[attr-defined]
        setattr(copy, name, getattr(options.re2_opts, name))
    copy.max_mem = max(copy.max_mem or 0, _PREFILTER_MAX_MEM)
    return copy


def _universe(last: int) -> str:
    """Every code point below ``last`` except surrogates, as one string."""
    points = array("I", chain(range(min(last, 0xD800)), range(0xE000, last)))
    return points.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")


def _ascii_case_partners(universe_end: int = 0x10000) -> dict[int, str]:
    """Non-ASCII characters that Python's ``re.IGNORECASE`` matches to an ASCII character.

    (İ, ı -> i; ſ -> s; K (Kelvin sign) -> k in CPython 3.11.) Found by asking ``re`` itself,
    over the Basic Multilingual Plane; a test checks that the other planes add none.
    """
    found: dict[int, str] = {}
    for match in re.finditer(r"[\x00-\x7f]", _universe(universe_end), re.IGNORECASE):
        char = match.group()
        if not char.isascii():
            found[ord(char)] = next(
                chr(c).lower() for c in range(128) if re.fullmatch(re.escape(chr(c)), char, re.I)
            )
    return found


class _Shadows:
    """ASCII "shadows" of a text: same length, so a byte offset is a character offset.

    Folded: ASCII letters lower-cased, the non-ASCII characters that ``re.IGNORECASE`` matches
    to ASCII ones replaced by those, every other non-ASCII character by ``?``. So wherever
    Python's regex engine matches an ASCII literal case-insensitively, the folded shadow holds
    that literal in lower case; the reverse need not hold (triggers are verified afterwards).
    Unfolded: non-ASCII characters replaced by ``?``, for case-sensitive literals.
    """

    def __init__(self) -> None:
        self._partners = _ascii_case_partners()
        self._partner_chars = tuple(map(chr, self._partners))

    def make(self, text: str, *, fold: bool) -> bytes:
        if not fold:
            return text.encode("ascii", "replace")
        # One ``in`` per partner (four): a tenth of the time a character-class search takes.
        if not text.isascii() and any(char in text for char in self._partner_chars):
            text = text.translate(self._partners)
        return text.encode("ascii", "replace").lower()


class _LiteralGroup:
    """Byte literals searched in one shadow; ``match`` says which occur (one RE2 pass)."""

    def __init__(self, literals: Sequence[bytes]) -> None:
        options = re2.Options()
        options.max_mem = _PREFILTER_MAX_MEM
        self._group = _SetGroup([re2.escape(lit.decode("ascii")) for lit in literals], options)

    def match(self, shadow: bytes) -> frozenset[int] | None:
        return self._group.match(shadow)


class _Triggers(NamedTuple):
    """Literals one of which starts every match of a Python pattern."""

    fold: bool
    literals: frozenset[int]  # indices into the engine's literal table for ``fold``


_ZERO_WIDTH = frozenset({sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT})


def _leading_literal(pattern: str, flags: int) -> tuple[str, bool] | None:
    """The literal every match of ``pattern`` starts with, and whether it is case-folded.

    Reads the parsed pattern: zero-width assertions before the first character are skipped
    (they consume nothing), plain groups are entered, and literal characters are collected
    until anything else. None when the pattern does not start with an ASCII literal.
    """
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    fold = bool(parsed.state.flags & re.IGNORECASE)
    chars: list[str] = []

    def walk(items: Iterable[tuple[Any, Any]]) -> bool:
        for op, arg in items:
            if op in _ZERO_WIDTH and not chars:
                continue
            if op is sre_parse.LITERAL and chr(arg).isascii():
                chars.append(chr(arg))
                continue
            entered = op is sre_parse.SUBPATTERN and not arg[1] and not arg[2]
            if entered and walk(arg[3].data):
                continue
            return False
        return True

    walk(parsed.data)
    if not chars:
        return None
    literal = "".join(chars)
    return (literal.lower() if fold else literal), fold
