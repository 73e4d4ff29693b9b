"""Cheap tests of what cannot match: RE2 sets that say which patterns occur anywhere in a
text, ASCII "shadows" searched for the literals Python patterns start with, and the map from
UTF-8 byte offsets (what RE2 reports) back to character offsets."""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left, bisect_right
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
    """UTF-8 byte offset -> character offset, from the runs of non-ASCII characters.

    Built in C-speed steps (one regex pass, one encode per run), not one step per non-ASCII
    character: the prose view's masks alone are a fifth of its characters. Outside a run an
    offset moves back by the extra bytes of the runs before it; inside one (rare: RE2 matches
    mostly start and end at ASCII), by division when the run's characters have one width, else
    through a table of that run's character starts, built once.
    """

    __slots__ = ("_inside", "_runs", "_starts")

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []  # byte offset of each run of non-ASCII characters
        self._runs: list[tuple[int, str, int]] = []  # its character offset, text, byte size
        self._inside: dict[int, int | list[int]] = {}  # run index -> width or char starts
        extra = 0
        for match in _NON_ASCII_RUN.finditer(text):
            start, run = match.start(), match.group()
            size = len(run.encode())
            self._starts.append(start + extra)
            self._runs.append((start, run, size))
            extra += size - len(run)

    def __call__(self, offset: int) -> int:
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return offset
        char, run, size = self._runs[index]
        inside = offset - self._starts[index]
        if inside >= size:
            return char + len(run) + (inside - size)
        return char + self._within(index, run, size, inside)

    def _within(self, index: int, run: str, size: int, inside: int) -> int:
        """The character index in ``run`` of the character starting ``inside`` bytes in."""
        layout = self._inside.get(index)
        if layout is None:
            width, rest = divmod(size, len(run))
            # Widths are 2 to 4: an average of 2 or 4 is every width; 3 may mix 2 and 4.
            if not rest and (width != 3 or _NOT_THREE_BYTES.search(run) is None):
                layout = width
            else:
                layout = list(accumulate(map(len, map(str.encode, run)), initial=0))
            self._inside[index] = layout
        if isinstance(layout, int):
            return inside // layout
        return bisect_left(layout, inside)


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_NOT_THREE_BYTES = re.compile(r"[\x80-\u07ff\U00010000-\U0010ffff]")


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
        partner_class = "".join(map(chr, self._partners))
        self._has_partner = re.compile(f"[{partner_class}]") if partner_class else None

    def make(self, text: str, *, fold: bool) -> bytes:
        if not fold:
            return text.encode("ascii", "replace")
        if not text.isascii() and self._has_partner and self._has_partner.search(text):
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
