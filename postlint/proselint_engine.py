"""proselint 0.16's checks with proselint's exact findings, evaluated much faster.

proselint's checks are data (terms, paddings, messages, flags) plus a few small functions.
proselint evaluates them one at a time: every check scans the whole text, most of them with an
RE2 set and then one regex per matching term, and four "fancy" checks with Python regexes that
try dozens of alternatives (with look-behinds) at every position of the text. Most of the run
time goes to those fancy alternations and to per-check overhead on checks that find nothing.

This module compiles the same data once (:class:`ProselintEngine`) and evaluates it per text
with the same regex engines, the same patterns and the same options, so each check yields the
same results in the same order. The speed comes from deciding cheaply what cannot match:

* **One RE2 set per regex-options group** (all "Fast" terms of all checks) tells, in one pass,
  which terms occur anywhere in the text. A check none of whose terms occur yields nothing and
  is skipped; inside a check only the terms that occur are run.
* **Trigger literals for Python ("Fancy") patterns.** Each alternative's leading literal (for
  example ``most`` in ``(?<!at\\s)\\bmost\\s+unique\\b``) must sit where a match starts. An
  ASCII "shadow" of the text (same length, case-folded the way Python's ``re.IGNORECASE``
  folds) is searched for those literals, and the original pattern is tried only there.
* **Known-equivalent rewrites** of single patterns whose backtracking is wasted (see
  :data:`_EQUIVALENT_PATTERNS`), each with the argument for its equivalence.
* Quotes are located lazily, only when a finding has to be checked against them.

Checks are built from ``proselint.checks.__register__`` directly: proselint's ``CheckRegistry``
is a process-wide singleton that duplicates checks when registered twice.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice, product, zip_longest
from operator import itemgetter
from re import _parser as sre_parse  # type: ignore[attr-defined]
from types import MappingProxyType
from typing import Any, NamedTuple

import re2
from proselint.checks import __register__ as _REGISTER
from proselint.config import DEFAULT
from proselint.registry.checks import Check, CheckResult, Padding
from proselint.registry.checks import types as ptypes
from proselint.registry.checks.engine import Anchor, Fancy, Fast, RegexOptions
from proselint.tools import QUOTES, LintFile, check_matching_quotes, find_spans

MAX_ERRORS: int = DEFAULT["max_errors"]  # proselint keeps the first 1000 results (check order)

# proselint's QUOTE_PATTERN is ``(?:\B[Q]|[Q]\B)``: one quote character Q with a non-boundary
# before or after it. This equivalent form starts with the character class, so Python's regex
# engine skips ahead to the next quote character instead of trying both alternatives (and their
# \B) at every position: about 7x faster. Same spans: both consume exactly the quote at p; the
# look-behind re-reads that quote to test \B at p, the other branch tests \B at p + 1.
_QUOTES = re.escape(QUOTES)
_QUOTE_PATTERN = re.compile(rf"[{_QUOTES}](?:(?<=\B[{_QUOTES}])|\B)")

# Patterns that backtrack in vain, with a faster pattern that finds exactly the same matches.
_EQUIVALENT_PATTERNS: tuple[tuple[str, str], ...] = (
    # lexical_illusions, the repeated-phrase check. Making \w+ and \s+ possessive cannot change
    # a match: every \w+ is followed by \s+ (another word of the phrase, or the repetition), so
    # a \w+ that gave back characters would leave a word character where \s+ must start; every
    # \s+ is followed by \w+ or by \1, which starts with a word character, so one that gave
    # back would leave a space where a word character must be (no character is both \w and \s,
    # and case folding never maps one to the other). Only the {0,3} word count and the number
    # of repetitions still backtrack, as they must. About 2.5x faster; the parity tests and a
    # property test compare both patterns.
    (
        r"(?<![A-Za-z'-])(\w+(?:\s+\w+){0,3})(\s+\1)+(?![A-Za-z'-])",
        r"(?<![A-Za-z'-])(\w++(?:\s++\w++){0,3})(\s++\1)+(?![A-Za-z'-])",
    ),
)


_REPEATED_PHRASE = _EQUIVALENT_PATTERNS[0][1]


@dataclass(frozen=True)
class ProselintHit:
    """One proselint finding; offsets index the unpadded text given to ``check_text``."""

    path: str
    message: str
    start: int
    end: int
    replacement: str | None


# ---------------------------------------------------------------------------------------------
# Which checks run
# ---------------------------------------------------------------------------------------------


def _on_by_default(check: Check) -> bool:
    """proselint's ``CheckRegistry.get_all_enabled``: the first matching key of the config."""
    toggles = DEFAULT["checks"]
    return next((on for key, on in toggles.items() if check.matches_partial(key)), False)


def _default_checks() -> tuple[Check, ...]:
    return tuple(check for check in _REGISTER if _on_by_default(check))


# ---------------------------------------------------------------------------------------------
# Per-text state
# ---------------------------------------------------------------------------------------------


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
        self.hits = tuple(group.match(self.encoded) for group in engine._re2_groups)
        self._folded: dict[bool, tuple[bytes, frozenset[int] | None]] = {}
        self._positions: dict[tuple[bool, int], list[int]] = {}
        self._quote_bounds: tuple[int, ...] | None = None
        self._char_at: _ByteOffsets | None = None

    def re2_finditer(self, regex: Any) -> Iterator[_Found]:
        """``regex.finditer(padded)``, run on the bytes encoded once: the wrapper would encode
        the whole text again for each term and count characters from its start."""
        padded = self.padded
        if len(self.encoded) == len(padded):  # ASCII: a byte offset is a character offset
            for match in regex.finditer(self.encoded):
                start, end = match.span()
                yield _Found(padded, start, end)
            return
        if self._char_at is None:
            self._char_at = _ByteOffsets(padded)
        char_at = self._char_at
        for match in regex.finditer(self.encoded):
            start, end = match.span()
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
            spans = find_spans(self.padded, _QUOTE_PATTERN, check_matching_quotes)
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


class _ByteOffsets:
    """UTF-8 byte offset -> character offset, by bisection over the non-ASCII characters."""

    __slots__ = ("_bytes", "_extra")

    def __init__(self, text: str) -> None:
        self._bytes: list[int] = []  # byte offset just after each non-ASCII character
        self._extra: list[int] = []  # bytes beyond one per character, up to there
        extra = 0
        for match in _NON_ASCII.finditer(text):
            char = match.start()
            extra += len(match.group().encode()) - 1
            self._bytes.append(char + 1 + extra)
            self._extra.append(extra)

    def __call__(self, offset: int) -> int:
        index = bisect_right(self._bytes, offset) - 1
        return offset - (self._extra[index] if index >= 0 else 0)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


# ---------------------------------------------------------------------------------------------
# Prefilters
# ---------------------------------------------------------------------------------------------

_Atom = tuple[int, int]  # (RE2 prefilter group, pattern index within the group)
_SET_CHUNK = 4096  # patterns per RE2 set (proselint 0.16 has about 3,100 in the biggest group)
_PREFILTER_MAX_MEM = 64 << 20  # room for the DFA of a big set (membership does not depend on it)


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


# ---------------------------------------------------------------------------------------------
# Regex scans: one pattern, with its prefilter
# ---------------------------------------------------------------------------------------------


class _Re2Scan:
    """A "Fast" (RE2) pattern, run only if the options group's set saw it in the text."""

    __slots__ = ("atom", "regex")

    def __init__(self, regex: Any, atom: _Atom) -> None:
        self.regex = regex
        self.atom = atom

    def needs(self) -> tuple[_Atom, ...]:
        return (self.atom,)

    def may_match(self, text: _Text) -> bool:
        return text.present(self.atom)

    def finditer(self, text: _Text) -> Iterator[Any]:
        return text.re2_finditer(self.regex) if text.present(self.atom) else iter(())


class _PyScan:
    """A "Fancy" (Python ``re``) pattern.

    With triggers, the pattern is tried only where a trigger literal occurs, which is exactly
    ``finditer``: matches are taken left to right, each from the first start position at or
    after the previous match's end where the pattern matches (``match(text, pos)`` sees the
    text before ``pos``, so look-behinds and ``\\b`` behave as in a scan). Every match starts
    with a trigger literal, so no other start position can match; and no match is empty.
    """

    __slots__ = ("regex", "triggers")

    def __init__(self, regex: re.Pattern[str], triggers: _Triggers | None) -> None:
        self.regex = regex
        self.triggers = triggers

    def may_match(self, text: _Text) -> bool:
        return self.triggers is None or bool(text.occurring(self.triggers))

    def finditer(self, text: _Text) -> Iterator[Any]:
        if self.triggers is None:
            return self.regex.finditer(text.padded)
        return self._at(text.padded, text.positions(self.triggers))

    def _at(self, padded: str, starts: list[int]) -> Iterator[re.Match[str]]:
        match_at, resume = self.regex.match, 0
        for start in starts:
            if start >= resume and (found := match_at(padded, start)) is not None:
                yield found
                resume = found.end()


class _RepeatScan(_PyScan):
    """The repeated-phrase pattern: the same matches, without trying hopeless starts inside
    long runs of word characters (:mod:`postlint.proselint_repeats`)."""

    def finditer(self, text: _Text) -> Iterator[Any]:
        from postlint.proselint_repeats import RepeatedPhraseScan

        return RepeatedPhraseScan(self.regex).finditer(text.padded)


_Scan = _Re2Scan | _PyScan


# ---------------------------------------------------------------------------------------------
# Check plans: proselint's check types, evaluated over scans
# ---------------------------------------------------------------------------------------------


def _span(match: Any, check: Check) -> tuple[int, int]:
    return (match.start() + check.offset[0], match.end() + check.offset[1])


class _Source:
    """The matches of a proselint match set (``make_set(...).finditer``), in its order."""

    def needs(self) -> tuple[_Atom, ...] | None:
        raise NotImplementedError

    def may_match(self, text: _Text) -> bool:
        return True

    def finditer(self, text: _Text) -> Iterator[Any]:
        raise NotImplementedError


class _FastSetSource(_Source):
    """proselint's ``FastSet``: RE2 set over the padded terms, then ``finditer`` per term.

    The results come term by term in the order the set reports the terms, so the check's own
    set (built exactly as proselint builds it) is asked whenever two or more terms occur; with
    one term the order is that term alone, and with none there is nothing to do.
    """

    def __init__(self, scans: Sequence[_Re2Scan], check_set: re2.Set) -> None:
        self.scans = tuple(scans)
        self.check_set = check_set

    def needs(self) -> tuple[_Atom, ...]:
        return tuple(scan.atom for scan in self.scans)

    def finditer(self, text: _Text) -> Iterator[Any]:
        present = [i for i, scan in enumerate(self.scans) if text.present(scan.atom)]
        if len(present) > 1:
            present = self.check_set.Match(text.encoded) or []  # type: ignore[assignment]
        for index in present:
            yield from text.re2_finditer(self.scans[index].regex)


class _ScanSource(_Source):
    """One pattern: proselint's ``FancySet`` (one joined alternation) or a single pattern."""

    def __init__(self, scan: _Scan) -> None:
        self.scan = scan

    def needs(self) -> tuple[_Atom, ...] | None:
        return self.scan.needs() if isinstance(self.scan, _Re2Scan) else None

    def may_match(self, text: _Text) -> bool:
        return self.scan.may_match(text)

    def finditer(self, text: _Text) -> Iterator[Any]:
        return self.scan.finditer(text)


class _Plan:
    """How to evaluate one check; ``run`` yields what ``check.check(padded)`` yields."""

    check: Check

    def needs(self) -> tuple[_Atom, ...] | None:
        """RE2 atoms at least one of which must occur for any result; None: always run."""
        return None

    def may_match(self, text: _Text) -> bool:
        return True

    def run(self, text: _Text) -> Iterator[CheckResult]:
        raise NotImplementedError


class _ExistencePlan(_Plan):
    """``Existence`` and ``ExistenceSimple``: report matches, unless an exception matches."""

    def __init__(
        self, check: Check, source: _Source, excepted: Callable[[str], bool] | None
    ) -> None:
        self.check, self.source, self.excepted = check, source, excepted

    def needs(self) -> tuple[_Atom, ...] | None:
        return self.source.needs()

    def may_match(self, text: _Text) -> bool:
        return self.source.may_match(text)

    def run(self, text: _Text) -> Iterator[CheckResult]:
        check, excepted = self.check, self.excepted
        for match in self.source.finditer(text):
            found = match.group(0).strip()
            if excepted is None or not excepted(found):
                yield CheckResult(
                    check_path=check.path,
                    message=check.message.format(found),
                    span=_span(match, check),
                    replacements=None,
                )


class _PreferredFormsSimplePlan(_Plan):
    """``PreferredFormsSimple``: one set over the terms; the replacement looked up per match."""

    def __init__(self, check: Check, source: _Source, items: dict[str, str]) -> None:
        self.check, self.source, self.items = check, source, items
        self.fold = check.engine.opts.case_insensitive

    def needs(self) -> tuple[_Atom, ...] | None:
        return self.source.needs()

    def may_match(self, text: _Text) -> bool:
        return self.source.may_match(text)

    def run(self, text: _Text) -> Iterator[CheckResult]:
        check, items, fold = self.check, self.items, self.fold
        for match in self.source.finditer(text):
            original = match.group(0).strip()
            replacement = items.get(original.lower() if fold else original)
            yield CheckResult(
                check_path=check.path,
                message=check.message.format(replacement, original),
                span=_span(match, check),
                replacements=replacement,
            )


class _PreferredFormsPlan(_Plan):
    """``PreferredForms``: one pattern per term, in the order of the terms."""

    def __init__(self, check: Check, terms: Sequence[tuple[str, _Scan]]) -> None:
        self.check, self.terms = check, tuple(terms)

    def needs(self) -> tuple[_Atom, ...] | None:
        if all(isinstance(scan, _Re2Scan) for _, scan in self.terms):
            return tuple(chain.from_iterable(scan.needs() for _, scan in self.terms))  # type: ignore[union-attr]
        return None

    def run(self, text: _Text) -> Iterator[CheckResult]:
        check = self.check
        for replacement, scan in self.terms:
            for match in scan.finditer(text):
                yield CheckResult(
                    check_path=check.path,
                    message=check.message.format(replacement, match.group(0).strip()),
                    span=_span(match, check),
                    replacements=replacement,
                )


class _ConsistencyPlan(_Plan):
    """``Consistency``: for each term pair used both ways, flag the less frequent term.

    proselint zips both match streams and stops one step after the shorter one ends, so the
    matches of the term with fewer matches (the first term on a tie) are reported, and a pair
    with a term that never matches reports nothing (so it is skipped by the prefilter).
    """

    def __init__(self, check: Check, pairs: Sequence[tuple[tuple[str, str], _Scan, _Scan]]):
        self.check, self.pairs = check, tuple(pairs)

    def needs(self) -> tuple[_Atom, ...] | None:
        atoms: list[_Atom] = []
        for _, first, second in self.pairs:
            if not isinstance(first, _Re2Scan) or not isinstance(second, _Re2Scan):
                return None
            atoms.append(first.atom)
        return tuple(atoms)

    def run(self, text: _Text) -> Iterator[CheckResult]:
        check = self.check
        for pair, first, second in self.pairs:
            if not (first.may_match(text) and second.may_match(text)):
                continue
            firsts: list[Any] = []
            seconds: list[Any] = []
            for one, other in zip_longest(first.finditer(text), second.finditer(text)):
                firsts.append(one)
                seconds.append(other)
                if one is None or other is None:
                    break
            if not firsts:
                continue
            second_is_minority = seconds[-1] is None
            majority = pair[not second_is_minority]
            for match in filter(None, seconds if second_is_minority else firsts):
                yield CheckResult(
                    check_path=check.path,
                    message=check.message.format(majority, match.group(0)),
                    span=_span(match, check),
                    replacements=majority,
                )


class _ReverseExistencePlan(_Plan):
    """``ReverseExistence``: every token not in the allowed word list."""

    def __init__(self, check: Check, kind: ptypes.ReverseExistence, scan: _Scan) -> None:
        self.check, self.allowed, self.scan = check, kind.allowed, scan
        self.fold = check.engine.opts.case_insensitive

    def run(self, text: _Text) -> Iterator[CheckResult]:
        check, allowed, fold = self.check, self.allowed, self.fold
        for match in self.scan.finditer(text):
            word = match.group(0)
            if (word.lower() if fold else word) not in allowed:
                yield CheckResult(
                    check_path=check.path,
                    message=check.message.format(word),
                    span=(
                        match.start() + check.offset[0] + 1,
                        match.end() + check.offset[1],
                    ),
                    replacements=None,
                )


class _ChainPlan(_Plan):
    """Several plans whose results proselint concatenates (a function check's parts)."""

    def __init__(self, check: Check, parts: Sequence[_Plan]) -> None:
        self.check, self.parts = check, tuple(parts)

    def needs(self) -> tuple[_Atom, ...] | None:
        atoms: list[_Atom] = []
        for part in self.parts:
            needed = part.needs()
            if needed is None:
                return None
            atoms.extend(needed)
        return tuple(atoms)

    def may_match(self, text: _Text) -> bool:
        return any(part.may_match(text) for part in self.parts)

    def run(self, text: _Text) -> Iterator[CheckResult]:
        for part in self.parts:
            yield from part.run(text)


class _CallPlan(_Plan):
    """A function check run as proselint runs it, optionally guarded by RE2 atoms."""

    def __init__(self, check: Check, guard: tuple[_Atom, ...] | None = None) -> None:
        self.check, self.guard = check, guard

    def needs(self) -> tuple[_Atom, ...] | None:
        return self.guard

    def run(self, text: _Text) -> Iterator[CheckResult]:
        return iter(self.check.check(text.padded))


# ---------------------------------------------------------------------------------------------
# Compiling proselint's checks into plans
# ---------------------------------------------------------------------------------------------


class _Compiler:
    """Turns checks into plans, collecting prefilter patterns and trigger literals."""

    def __init__(self) -> None:
        self.re2_groups: dict[RegexOptions, dict[str, int]] = {}
        self.literals: dict[bool, dict[bytes, int]] = {True: {}, False: {}}

    # -- scans --------------------------------------------------------------------------------

    def re2_atom(self, options: RegexOptions, pattern: str) -> _Atom:
        group = self.re2_groups.setdefault(options, {})
        return (list(self.re2_groups).index(options), group.setdefault(pattern, len(group)))

    def re2_scan(self, options: RegexOptions, pattern: str) -> _Re2Scan:
        # proselint's Fast engine compiles exactly this way (Fast._compiled_pattern).
        return _Re2Scan(re2.compile(pattern, options.re2_opts), self.re2_atom(options, pattern))

    def triggers(self, patterns: Iterable[str], flags: int) -> _Triggers | None:
        """Trigger literals for a Python pattern made of ``patterns`` as alternatives."""
        found: list[tuple[str, bool]] = []
        for pattern in patterns:
            leading = _leading_literal(pattern, flags)
            if leading is None:
                return None
            found.append(leading)
        folds = {fold for _, fold in found}
        if len(folds) != 1:
            return None
        fold = folds.pop()
        table = self.literals[fold]
        indices = {table.setdefault(lit.encode("ascii"), len(table)) for lit, _ in found}
        return _Triggers(fold, frozenset(indices))

    def py_scan(self, options: RegexOptions, pattern: str, alternatives: Sequence[str]) -> _PyScan:
        """``pattern`` is one Python pattern whose matches start like one of ``alternatives``."""
        pattern = dict(_EQUIVALENT_PATTERNS).get(pattern, pattern)
        flags = int(options.re_flag)
        if pattern == _REPEATED_PHRASE:
            return _RepeatScan(re.compile(pattern, flags), None)
        return _PyScan(re.compile(pattern, flags), self.triggers(alternatives, flags))

    def scan(self, engine: Any, pattern: str) -> _Scan:
        """One pattern on the check's engine, as ``engine.finditer(pattern, text)`` runs it."""
        if isinstance(engine, Fast):
            return self.re2_scan(engine.opts, pattern)
        if isinstance(engine, Fancy):
            return self.py_scan(engine.opts, pattern, (pattern,))
        raise TypeError(f"unknown proselint engine {engine!r}")

    def set_source(self, engine: Any, padding: Padding, patterns: Sequence[str]) -> _Source:
        """proselint's ``engine.make_set(padding, patterns).finditer``."""
        padded = [padding.format(pattern) for pattern in patterns]
        if isinstance(engine, Fast):
            check_set = Anchor.UNANCHORED.to_re2_set(engine.opts.re2_opts)
            for pattern in padded:
                check_set.Add(pattern)
            check_set.Compile()
            # As in proselint, the set holds the padded terms but ``finditer`` runs the bare
            # term (``FastSet._patterns``): "thought leaders?" also matches in "thought
            # leadership" once the padded term occurred somewhere in the text.
            scans = [
                _Re2Scan(re2.compile(bare, engine.opts.re2_opts), self.re2_atom(engine.opts, gate))
                for bare, gate in zip(patterns, padded, strict=True)
            ]
            return _FastSetSource(scans, check_set)
        if isinstance(engine, Fancy):
            joined = padding.format(Padding.safe_join(patterns))
            return _ScanSource(self.py_scan(engine.opts, joined, padded))
        raise TypeError(f"unknown proselint engine {engine!r}")

    @staticmethod
    def exceptions(
        engine: Any, padding: Padding, patterns: Sequence[str]
    ) -> Callable[[str], bool] | None:
        """proselint's ``make_set(padding, exceptions, ANCHOR_BOTH).exists_in``."""
        if isinstance(engine, Fast):
            if not patterns:
                return None  # an empty RE2 set matches nothing
            full = Anchor.ANCHOR_BOTH.to_re2_set(engine.opts.re2_opts)
            for pattern in patterns:
                full.Add(padding.format(pattern))
            full.Compile()
            return lambda found: full.Match(found) is not None
        # FancySet ignores the anchor and searches; an empty joined pattern never matches.
        joined = padding.format(Padding.safe_join(patterns))
        if not joined:
            return None
        search = re.compile(joined, int(engine.opts.re_flag)).search
        return lambda found: search(found) is not None

    # -- checks -------------------------------------------------------------------------------

    def plan(self, check: Check) -> _Plan:
        kind = check.check_type
        lowered = _LOWERINGS.get(kind) if callable(kind) else None
        if lowered is not None:
            return lowered(self, check)
        if callable(kind) and not isinstance(kind, tuple):
            return _CallPlan(check)
        return self.typed(check, kind, check.engine)

    def typed(self, check: Check, kind: Any, engine: Any) -> _Plan:
        if isinstance(kind, ptypes.Existence):
            source = self.set_source(engine, kind.padding, kind.items)
            return _ExistencePlan(
                check, source, self.exceptions(engine, kind.padding, kind.exceptions)
            )
        if isinstance(kind, ptypes.ExistenceSimple):
            return _ExistencePlan(
                check,
                _ScanSource(self.scan(engine, kind.pattern)),
                self.exceptions(engine, Padding.RAW, kind.exceptions),
            )
        if isinstance(kind, ptypes.PreferredFormsSimple):
            source = self.set_source(engine, kind.padding, tuple(kind.items))
            return _PreferredFormsSimplePlan(check, source, kind.items)
        if isinstance(kind, ptypes.PreferredForms):
            terms = [
                (replacement, self.scan(engine, kind.padding.format(original)))
                for original, replacement in kind.items.items()
            ]
            return _PreferredFormsPlan(check, terms)
        if isinstance(kind, ptypes.Consistency):
            pairs = [
                (pair, self.scan(engine, pair[0]), self.scan(engine, pair[1]))
                for pair in kind.term_pairs
            ]
            return _ConsistencyPlan(check, pairs)
        if isinstance(kind, ptypes.ReverseExistence):
            return _ReverseExistencePlan(check, kind, self.scan(engine, kind.TOKENIZER))
        return _CallPlan(check)  # an unknown check type: proselint's own code, unfiltered


# proselint's function checks, rewritten as the typed checks they build (same data, same
# engine, same order) so that they get the prefilters too. Anything not listed here runs as
# proselint's own function (``_CallPlan``).


def _lower_uncomparables(compiler: _Compiler, check: Check) -> _Plan:
    from proselint.checks import uncomparables as data

    items = tuple(
        rf"{comp}\s+{adj}"
        for comp, adj in product(data.COMPARATORS, data.UNCOMPARABLES)
        if (comp, adj) not in data.EXCEPTIONS
    )
    return compiler.typed(check, ptypes.Existence(items=items), check.engine)


def _lower_fancy_uncomparables(compiler: _Compiler, check: Check) -> _Plan:
    from proselint.checks import uncomparables as data

    items = tuple(
        rf"(?<!at\s)\b{comp}\s+{adj}\b"
        for comp, adj in product(data.FANCY_COMPARATORS, data.UNCOMPARABLES)
    )
    return compiler.typed(check, ptypes.Existence(items=items, padding=Padding.RAW), check.engine)


def _lower_greylist(compiler: _Compiler, check: Check) -> _Plan:
    from proselint.checks.misc import greylist as data

    # Each term runs as its own Check(check_type, path, message) on the default Fast engine.
    parts = [
        compiler.typed(
            Check(
                check_type=check.check_type,
                path=check.path,
                message=check.message.format(term, explanation),
            ),
            ptypes.ExistenceSimple(pattern=term),
            Fast(),
        )
        for term, explanation in data.GREYLISTED_TERMS.items()
    ]
    return _ChainPlan(check, parts)


def _guarded_by(terms: Iterable[str]) -> Callable[[_Compiler, Check], _Plan]:
    """A function check that finds nothing unless one of ``terms`` (RAW, its engine) occurs."""

    def lower(compiler: _Compiler, check: Check) -> _Plan:
        return _CallPlan(check, tuple(compiler.re2_atom(check.engine.opts, t) for t in terms))

    return lower


def _lowerings() -> Mapping[Any, Callable[[_Compiler, Check], _Plan]]:
    from proselint.checks import uncomparables
    from proselint.checks.misc import but, greylist, waxed
    from proselint.checks.terms import venery

    return MappingProxyType(
        {
            uncomparables._check_uncomparables: _lower_uncomparables,
            uncomparables._check_fancy_uncomparables: _lower_fancy_uncomparables,
            greylist._check_greylist: _lower_greylist,
            # these two begin with `if not make_set(Padding.RAW, TERMS).exists_in(text): return`
            waxed._check_waxed: _guarded_by(waxed.WAXES),
            venery._check_venery: _guarded_by(venery.GENERIC_TERMS),
            # this one reports the matches of its PATTERN, nothing else
            but._check_but_paragraphs: _guarded_by((but.PATTERN,)),
        }
    )


_LOWERINGS = _lowerings()


# ---------------------------------------------------------------------------------------------
# The engine
# ---------------------------------------------------------------------------------------------


class ProselintEngine:
    """proselint's checks, compiled once; immutable after ``__init__``.

    ``enabled(check_path)`` narrows proselint's default configuration (None: all of it). The
    checks proselint disables by default (``restricted.*``) stay off: postlint's selection
    answers yes to every sub-code nobody ignored. Pickling keeps only the selected paths and
    rebuilds the compiled state (RE2 objects do not pickle).
    """

    def __init__(self, enabled: Callable[[str], bool] | None = None) -> None:
        self._selected = frozenset(
            check.path for check in _default_checks() if enabled is None or enabled(check.path)
        )
        self._paths = tuple(sorted({check.path for check in _REGISTER}))
        compiler = _Compiler()
        checks = [check for check in _default_checks() if check.path in self._selected]
        self._plans: tuple[_Plan, ...] = tuple(compiler.plan(check) for check in checks)

        self._re2_groups = tuple(
            _SetGroup(list(patterns), _prefilter_options(options))
            for options, patterns in compiler.re2_groups.items()
        )
        self._literals = {fold: tuple(table) for fold, table in compiler.literals.items()}
        self._literal_groups = {
            fold: _LiteralGroup(literals) for fold, literals in self._literals.items()
        }
        self._shadows = _Shadows()

        # Plans indexed by the RE2 atoms they need: per text, only the plans one of whose atoms
        # occurred are even looked at (most checks find nothing in most texts).
        self._always: list[int] = []
        by_atom: dict[_Atom, list[int]] = {}
        for index, plan in enumerate(self._plans):
            needed = plan.needs()
            if needed is None:
                self._always.append(index)
            for atom in needed or ():
                by_atom.setdefault(atom, []).append(index)
        self._by_atom = {
            group: {atom[1]: tuple(plans) for atom, plans in by_atom.items() if atom[0] == group}
            for group in range(len(self._re2_groups))
        }

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (tuple(sorted(self._selected)),))

    @property
    def check_paths(self) -> tuple[str, ...]:
        """Every check path proselint knows (sorted, unique), on by default or not."""
        return self._paths

    def check_text(self, text: str) -> list[ProselintHit]:
        """proselint's findings on ``text``, in proselint's order (``LintFile.lint``)."""
        if not text:
            return []
        state = _Text(self, text)
        candidates = set(self._always)
        for group, hits in enumerate(state.hits):
            table = self._by_atom[group]
            if hits is None:
                candidates.update(chain.from_iterable(table.values()))
                continue
            for atom in hits:
                candidates.update(table.get(atom, ()))
        found = islice(self._results(state, sorted(candidates)), MAX_ERRORS)
        # LintFile sorts by (line, column), which orders exactly like the start offset (the
        # padded text's line starts are increasing); the sort is stable, as is proselint's.
        ordered = sorted(found, key=_start)
        limit = len(text)
        return [
            ProselintHit(
                result.check_path,
                result.message,
                min(max(result.span[0] - 1, 0), limit),
                min(max(result.span[1] - 1, 0), limit),
                result.replacements,
            )
            for result in ordered
        ]

    def _results(self, state: _Text, plan_indices: list[int]) -> Iterator[CheckResult]:
        length = len(state.padded)
        for index in plan_indices:
            plan = self._plans[index]
            if not plan.may_match(state):
                continue
            check = plan.check
            results: Iterator[CheckResult] = plan.run(state)
            if check.flags.ppm_threshold:
                results = check.flags.apply(results, length)
            if check.flags.allow_quotes:
                yield from results
            else:
                for result in results:
                    if not state.is_quoted(result.span[0]):
                        yield result


def _start(result: CheckResult) -> int:
    return result.span[0]


def _rebuild(selected: tuple[str, ...]) -> ProselintEngine:
    return ProselintEngine(frozenset(selected).__contains__)


# ---------------------------------------------------------------------------------------------
# The reference: proselint itself
# ---------------------------------------------------------------------------------------------


def reference_check(text: str, enabled: Callable[[str], bool] | None = None) -> list[ProselintHit]:
    """proselint's own findings for ``text``: its check objects and its ``LintFile``.

    ``LintFile.lint`` reads its checks from the ``CheckRegistry`` singleton; this runs the same
    lines over ``proselint.checks.__register__`` filtered by the default configuration (and by
    ``enabled``, as :class:`ProselintEngine` is). (``LintFile`` cannot take empty content;
    proselint finds nothing in an empty text.)
    """
    if not text:
        return []
    lint_file = LintFile("<text>", text)
    checks = [c for c in _default_checks() if enabled is None or enabled(c.path)]
    found = islice(
        (
            (lint_file.line_col_of(result.span[0]), result)
            for check in checks
            for result in check.check_with_flags(lint_file.content)
            if check.flags.allow_quotes or not lint_file.is_quoted_pos(result.span[0])
        ),
        MAX_ERRORS,
    )
    limit = len(text)
    return [
        ProselintHit(
            result.check_path,
            result.message,
            min(max(result.span[0] - 1, 0), limit),
            min(max(result.span[1] - 1, 0), limit),
            result.replacements,
        )
        for _, result in sorted(found, key=itemgetter(0))
    ]


# ---------------------------------------------------------------------------------------------
# Which of the two to use
# ---------------------------------------------------------------------------------------------

# Characters proselint's own evaluation checks before the compiled engine is built. Compiling
# (0.2-0.3 s) pays off after about this much text; below it (one post, as pre-commit checks it)
# proselint's own code is cheaper. Either way the findings are the same (the parity tests).
DIRECT_CHARS = 64 * 1024


class AdaptiveEngine:
    """:class:`ProselintEngine` for a run, compiled only once the run has checked enough text
    for compiling to pay (rent, then buy: never more than twice the cheaper cost)."""

    def __init__(self, enabled: Callable[[str], bool] | None = None) -> None:
        self._enabled = enabled
        self._compiled: ProselintEngine | None = None
        self._direct = 0  # characters checked by proselint's own code so far

    def warm_up(self) -> ProselintEngine:
        """Compile now (before worker processes fork, so that they share it)."""
        if self._compiled is None:
            self._compiled = ProselintEngine(self._enabled)
        return self._compiled

    def check_text(self, text: str) -> list[ProselintHit]:
        if self._compiled is None and self._direct + len(text) <= DIRECT_CHARS:
            self._direct += len(text)
            return reference_check(text, self._enabled)
        return self.warm_up().check_text(text)


__all__ = ["MAX_ERRORS", "AdaptiveEngine", "ProselintEngine", "ProselintHit", "reference_check"]
