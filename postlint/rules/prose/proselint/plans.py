"""proselint's check types as plans over scans: each plan yields what ``check.check(padded)``
yields, but runs a pattern only where the prefilters say it may match.

proselint's ``CheckResult`` is imported where results are built, not at import time (rule
discovery imports this module)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, zip_longest
from typing import TYPE_CHECKING, Any

import re2

from postlint.core.re2_bytes import re2_byte_spans
from postlint.rules.prose.proselint.prefilter import _Atom, _Triggers

if TYPE_CHECKING:
    from proselint.registry.checks import Check, CheckResult
    from proselint.registry.checks import types as ptypes

    from postlint.rules.prose.proselint.text import _Text

# ---------------------------------------------------------------------------------------------
# Regex scans: one pattern, with its prefilter
# ---------------------------------------------------------------------------------------------


class _Re2Scan:
    """A "Fast" (RE2) pattern, run only if the options group's set saw it in the text.

    Compiled on first use, as proselint's Fast engine compiles it (``Fast._compiled_pattern``):
    most of proselint's 3,100 terms never occur in a given run's texts, and compiling them all
    was two fifths of building the engine.
    """

    __slots__ = ("_compiled", "_options", "_pattern", "atom")

    def __init__(self, pattern: str, options: Any, atom: _Atom) -> None:
        self._pattern, self._options = pattern, options
        self._compiled: Any = None
        self.atom = atom

    @property
    def regex(self) -> Any:
        if self._compiled is None:
            self._compiled = re2.compile(self._pattern, self._options)
        return self._compiled

    def needs(self) -> tuple[_Atom, ...]:
        return (self.atom,)

    def may_match(self, text: _Text) -> bool:
        return text.present(self.atom)

    def finditer(self, text: _Text) -> Iterator[Any]:
        return text.re2_finditer(self.regex) if text.present(self.atom) else iter(())

    bounded = True
    cost = 0

    def bound(self, text: _Text, limit: int) -> int | None:
        """The number of matches, if at most ``limit``."""
        found = len(re2_byte_spans(self.regex, text.encoded)) if text.present(self.atom) else 0
        return found if found <= limit else None


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

    @property
    def bounded(self) -> bool:
        return self.triggers is not None

    cost = 0

    def bound(self, text: _Text, limit: int) -> int | None:
        """The trigger positions (every match starts at one), if at most ``limit``."""
        if self.triggers is None:
            return None
        found = len(text.positions(self.triggers)) if self.may_match(text) else 0
        return found if found <= limit else None

    def _at(self, padded: str, starts: list[int]) -> Iterator[re.Match[str]]:
        match_at, resume = self.regex.match, 0
        for start in starts:
            if start >= resume and (found := match_at(padded, start)) is not None:
                yield found
                resume = found.end()


class _RepeatScan(_PyScan):
    """The repeated-phrase pattern: the same matches, without trying hopeless starts inside
    long runs of word characters (:mod:`postlint.rules.prose.proselint.repeats`)."""

    def finditer(self, text: _Text) -> Iterator[Any]:
        from postlint.rules.prose.proselint.repeats import RepeatedPhraseScan

        return RepeatedPhraseScan(self.regex).finditer(text.padded)

    bounded = True
    cost = 1  # bounded last: it takes what room the others leave

    def bound(self, text: _Text, limit: int) -> int | None:
        """Mostly counted, not scanned (:func:`.repeats.at_most`)."""
        from postlint.rules.prose.proselint.repeats import at_most

        return at_most(self.regex, text.padded, text.encoded, limit)


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

    @property
    def bounded(self) -> bool:
        """Can :meth:`bound` answer (an upper bound on the matches, without listing them)?"""
        return False

    cost = 0

    def bound(self, text: _Text, limit: int) -> int | None:
        """An upper bound on the matches if one at most ``limit`` is found cheaply, else None."""
        return None


class _FastSetSource(_Source):
    """proselint's ``FastSet``: RE2 set over the padded terms, then ``finditer`` per term.

    The results come term by term in the order the set reports the terms, so the check's own
    set (built exactly as proselint builds it) is asked whenever two or more terms occur; with
    one term the order is that term alone, and with none there is nothing to do.
    """

    def __init__(self, scans: Sequence[_Re2Scan], build_set: Callable[[], re2.Set]) -> None:
        self.scans = tuple(scans)
        self._build_set = build_set
        self._check_set: re2.Set | None = None

    @property
    def check_set(self) -> re2.Set:
        """The check's own set, built the first time two of its terms occur in one text."""
        if self._check_set is None:
            self._check_set = self._build_set()
        return self._check_set

    def needs(self) -> tuple[_Atom, ...]:
        return tuple(scan.atom for scan in self.scans)

    def finditer(self, text: _Text) -> Iterator[Any]:
        present = [i for i, scan in enumerate(self.scans) if text.present(scan.atom)]
        if len(present) > 1:
            present = self.check_set.Match(text.encoded) or []  # type: ignore[assignment]
        for index in present:
            yield from text.re2_finditer(self.scans[index].regex)

    bounded = True

    def bound(self, text: _Text, limit: int) -> int | None:
        total = 0
        for scan in self.scans:
            found = scan.bound(text, limit - total)
            if found is None:
                return None
            total += found
        return total


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

    @property
    def bounded(self) -> bool:
        return self.scan.bounded

    @property
    def cost(self) -> int:  # type: ignore[override]
        return self.scan.cost

    def bound(self, text: _Text, limit: int) -> int | None:
        return self.scan.bound(text, limit)


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

    @property
    def bounded(self) -> bool:
        """Can :meth:`bound` answer (without running the check)?"""
        return False

    @property
    def cost(self) -> int:
        """Plans with dearer bounds are bounded after the cheap ones."""
        return 0

    def bound(self, text: _Text, limit: int) -> int | None:
        """An upper bound on what ``run`` yields, if one at most ``limit`` is found cheaply."""
        return None


class _SourcedPlan(_Plan):
    """A plan whose results are its source's matches: what may match, and how cheaply it is
    bounded, is the source's."""

    source: _Source

    def needs(self) -> tuple[_Atom, ...] | None:
        return self.source.needs()

    def may_match(self, text: _Text) -> bool:
        return self.source.may_match(text)

    @property
    def bounded(self) -> bool:
        return self.source.bounded

    @property
    def cost(self) -> int:
        return self.source.cost


class _ExistencePlan(_SourcedPlan):
    """``Existence`` and ``ExistenceSimple``: report matches, unless an exception matches."""

    def __init__(
        self, check: Check, source: _Source, excepted: Callable[[str], bool] | None
    ) -> None:
        self.check, self.source, self.excepted = check, source, excepted

    def bound(self, text: _Text, limit: int) -> int | None:
        return self.source.bound(text, limit)  # exceptions and quotes only remove results

    def run(self, text: _Text) -> Iterator[CheckResult]:
        from proselint.registry.checks import CheckResult

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


class _PreferredFormsSimplePlan(_SourcedPlan):
    """``PreferredFormsSimple``: one set over the terms; the replacement looked up per match."""

    def __init__(self, check: Check, source: _Source, items: dict[str, str]) -> None:
        self.check, self.source, self.items = check, source, items
        self.fold = check.engine.opts.case_insensitive

    def bound(self, text: _Text, limit: int) -> int | None:
        return self.source.bound(text, limit)  # one result a match

    def run(self, text: _Text) -> Iterator[CheckResult]:
        from proselint.registry.checks import CheckResult

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
        from proselint.registry.checks import CheckResult

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
        from proselint.registry.checks import CheckResult

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
        from proselint.registry.checks import CheckResult

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
