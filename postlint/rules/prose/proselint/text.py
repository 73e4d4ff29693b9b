"""The per-text state of one ``check_text`` call: the padded text, its UTF-8 bytes (encoded
once), what the prefilters found in it, and where its quotations are."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING, Any

from postlint.core.re2_bytes import re2_byte_spans
from postlint.rules.prose.proselint.prefilter import _Atom, _ByteOffsets, _Triggers

if TYPE_CHECKING:
    from postlint.rules.prose.proselint.engine import ProselintEngine


@cache
def _quote_pattern() -> re.Pattern[str]:
    """proselint's QUOTE_PATTERN is ``(?:\\B[Q]|[Q]\\B)``: one quote character Q with a
    non-boundary before or after it. This equivalent form starts with the character class, so
    Python's regex engine skips ahead to the next quote character instead of trying both
    alternatives (and their \\B) at every position: about 7x faster. Same spans: both consume
    exactly the quote at p; the look-behind re-reads that quote to test \\B at p, the other
    branch tests \\B at p + 1. Built on first use (proselint's QUOTES is read lazily)."""
    from proselint.tools import QUOTES

    quotes = re.escape(QUOTES)
    return re.compile(rf"[{quotes}](?:(?<=\B[{quotes}])|\B)")


class _Text:
    """One text being checked: proselint's padded content plus what the prefilters found.

    Built per ``check_text`` call and dropped after it; the engine itself never changes.
    """

    __slots__ = (
        "_char_at",
        "_engine",
        "_folded",
        "_positions",
        "_quote_bounds",
        "encoded",
        "hits",
        "padded",
    )

    def __init__(self, engine: ProselintEngine, text: str) -> None:
        self._engine = engine
        self.padded = f"\n{text}\n"  # LintFile's padding; every span is relative to it
        # Encoded once: RE2 sets read UTF-8 bytes, and proselint's str calls re-encode per call.
        self.encoded = self.padded.encode()
        self.hits = engine._prefilter.match(self.encoded)
        self._folded: dict[bool, tuple[bytes, frozenset[int] | None]] = {}
        self._positions: dict[tuple[bool, int], list[int]] = {}
        self._quote_bounds: tuple[int, ...] | None = None
        self._char_at: _ByteOffsets | None = None

    def re2_finditer(self, regex: Any) -> Iterator[_Found]:
        """``regex.finditer(padded)``, run on the bytes encoded once: the wrapper would encode
        the whole text again for each term and count characters from its start."""
        padded = self.padded
        spans = re2_byte_spans(regex, self.encoded)  # the wrapper's loop, without match objects
        if len(self.encoded) == len(padded):  # ASCII: a byte offset is a character offset
            for start, end in spans:
                yield _Found(padded, start, end)
            return
        if self._char_at is None:
            self._char_at = _ByteOffsets(padded, self.encoded)
        char_at = self._char_at
        for start, end in spans:
            yield _Found(padded, char_at(start), char_at(end))

    def present(self, atom: _Atom) -> bool:
        """May the RE2 pattern behind ``atom`` match somewhere in the text?"""
        hits = self.hits[atom[0]]
        return hits is None or atom[1] in hits

    def _shadow(self, fold: bool) -> tuple[bytes, frozenset[int] | None]:
        if fold not in self._folded:
            shadow = self._engine._shadows.make(self.padded, fold=fold)
            self._folded[fold] = (shadow, self._engine._literal_groups[fold].match(shadow))
        return self._folded[fold]

    def occurring(self, triggers: _Triggers) -> frozenset[int]:
        """Those of the trigger literals that occur in the shadow."""
        hits = self._shadow(triggers.fold)[1]
        return triggers.literals if hits is None else triggers.literals & hits

    def positions(self, triggers: _Triggers) -> list[int]:
        """Sorted start positions of every occurrence of the trigger literals (overlaps too)."""
        shadow = self._shadow(triggers.fold)[0]
        found: set[int] = set()
        for index in self.occurring(triggers):
            key = (triggers.fold, index)
            if key not in self._positions:
                needle = self._engine._literals[triggers.fold][index]
                starts, at = [], shadow.find(needle)
                while at >= 0:
                    starts.append(at)
                    at = shadow.find(needle, at + 1)
                self._positions[key] = starts
            found.update(self._positions[key])
        return sorted(found)

    def is_quoted(self, position: int) -> bool:
        """proselint's ``LintFile.is_quoted_pos``; the quote spans are found on first use."""
        if self._quote_bounds is None:
            from proselint.tools import check_matching_quotes, find_spans

            spans = find_spans(self.padded, _quote_pattern(), check_matching_quotes)
            self._quote_bounds = tuple(chain.from_iterable(spans))
        return bisect_left(self._quote_bounds, position) % 2 == 1


class _Found:
    """A match found on the encoded text, with character offsets (what the plans read)."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, index: int = 0) -> str:
        if index:
            raise IndexError("only the whole match is kept")
        return self._text[self._start : self._end]
