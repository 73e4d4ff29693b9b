"""Compiling proselint's checks into plans: the prefilter patterns and trigger literals they
need, and proselint's function checks rewritten as the typed checks they build.

proselint is imported when compiling, not at import time (rule discovery imports this
module)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from itertools import product
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import re2

from postlint.rules.prose.proselint.checks import _EQUIVALENT_PATTERNS, _REPEATED_PHRASE
from postlint.rules.prose.proselint.plans import (
    _CallPlan,
    _ChainPlan,
    _ConsistencyPlan,
    _ExistencePlan,
    _FastSetSource,
    _Plan,
    _PreferredFormsPlan,
    _PreferredFormsSimplePlan,
    _PyScan,
    _Re2Scan,
    _RepeatScan,
    _ReverseExistencePlan,
    _Scan,
    _ScanSource,
    _Source,
)
from postlint.rules.prose.proselint.prefilter import _Atom, _leading_literal, _Triggers

if TYPE_CHECKING:
    from proselint.registry.checks import Check, Padding
    from proselint.registry.checks.engine import RegexOptions


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
        return _Re2Scan(pattern, options.re2_opts, self.re2_atom(options, pattern))

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
        from proselint.registry.checks.engine import Fancy, Fast

        if isinstance(engine, Fast):
            return self.re2_scan(engine.opts, pattern)
        if isinstance(engine, Fancy):
            return self.py_scan(engine.opts, pattern, (pattern,))
        raise TypeError(f"unknown proselint engine {engine!r}")

    def set_source(self, engine: Any, padding: Padding, patterns: Sequence[str]) -> _Source:
        """proselint's ``engine.make_set(padding, patterns).finditer``."""
        from proselint.registry.checks import Padding
        from proselint.registry.checks.engine import Anchor, Fancy, Fast

        padded = [padding.format(pattern) for pattern in patterns]
        if isinstance(engine, Fast):
            options = engine.opts.re2_opts

            def build_set() -> re2.Set:
                check_set = Anchor.UNANCHORED.to_re2_set(options)
                for pattern in padded:
                    check_set.Add(pattern)
                check_set.Compile()
                return check_set

            # As in proselint, the set holds the padded terms but ``finditer`` runs the bare
            # term (``FastSet._patterns``): "thought leaders?" also matches in "thought
            # leadership" once the padded term occurred somewhere in the text.
            scans = [
                _Re2Scan(bare, options, self.re2_atom(engine.opts, gate))
                for bare, gate in zip(patterns, padded, strict=True)
            ]
            return _FastSetSource(scans, build_set)
        if isinstance(engine, Fancy):
            joined = padding.format(Padding.safe_join(patterns))
            return _ScanSource(self.py_scan(engine.opts, joined, padded))
        raise TypeError(f"unknown proselint engine {engine!r}")

    @staticmethod
    def exceptions(
        engine: Any, padding: Padding, patterns: Sequence[str]
    ) -> Callable[[str], bool] | None:
        """proselint's ``make_set(padding, exceptions, ANCHOR_BOTH).exists_in``."""
        from proselint.registry.checks import Padding
        from proselint.registry.checks.engine import Anchor, Fast

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
        lowered = _lowerings().get(kind) if callable(kind) else None
        if lowered is not None:
            return lowered(self, check)
        if callable(kind) and not isinstance(kind, tuple):
            return _CallPlan(check)
        return self.typed(check, kind, check.engine)

    def typed(self, check: Check, kind: Any, engine: Any) -> _Plan:
        from proselint.registry.checks import Padding
        from proselint.registry.checks import types as ptypes

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
    from proselint.registry.checks import types as ptypes

    items = tuple(
        rf"{comp}\s+{adj}"
        for comp, adj in product(data.COMPARATORS, data.UNCOMPARABLES)
        if (comp, adj) not in data.EXCEPTIONS
    )
    return compiler.typed(check, ptypes.Existence(items=items), check.engine)


def _lower_fancy_uncomparables(compiler: _Compiler, check: Check) -> _Plan:
    from proselint.checks import uncomparables as data
    from proselint.registry.checks import Padding
    from proselint.registry.checks import types as ptypes

    items = tuple(
        rf"(?<!at\s)\b{comp}\s+{adj}\b"
        for comp, adj in product(data.FANCY_COMPARATORS, data.UNCOMPARABLES)
    )
    return compiler.typed(check, ptypes.Existence(items=items, padding=Padding.RAW), check.engine)


def _lower_greylist(compiler: _Compiler, check: Check) -> _Plan:
    from proselint.checks.misc import greylist as data
    from proselint.registry.checks import Check
    from proselint.registry.checks import types as ptypes
    from proselint.registry.checks.engine import Fast

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


def _lower_venery(compiler: _Compiler, check: Check) -> _Plan:
    from proselint.checks.terms import venery as data
    from proselint.registry.checks import types as ptypes

    # Its guard (``group`` or ``bunch`` occurs) holds wherever one of these terms matches: each
    # term holds one of them, on the same engine. Built per call by proselint: 0.08 s a corpus.
    items = {
        f"{generic} of {animal}": f"{venery} of {animal}"
        for animal, venery in data.TERM_MAP
        for generic in data.GENERIC_TERMS
    }
    return compiler.typed(check, ptypes.PreferredFormsSimple(items=items), check.engine)


def _guarded_by(terms: Iterable[str]) -> Callable[[_Compiler, Check], _Plan]:
    """A function check that finds nothing unless one of ``terms`` (RAW, its engine) occurs."""

    def lower(compiler: _Compiler, check: Check) -> _Plan:
        return _CallPlan(check, tuple(compiler.re2_atom(check.engine.opts, t) for t in terms))

    return lower


@cache
def _lowerings() -> Mapping[Any, Callable[[_Compiler, Check], _Plan]]:
    from proselint.checks import uncomparables
    from proselint.checks.misc import but, greylist, waxed
    from proselint.checks.terms import venery

    return MappingProxyType(
        {
            uncomparables._check_uncomparables: _lower_uncomparables,
            uncomparables._check_fancy_uncomparables: _lower_fancy_uncomparables,
            greylist._check_greylist: _lower_greylist,
            # this one begins with `if not make_set(Padding.RAW, TERMS).exists_in(text): return`
            waxed._check_waxed: _guarded_by(waxed.WAXES),
            venery._check_venery: _lower_venery,
            # this one reports the matches of its PATTERN, nothing else
            but._check_but_paragraphs: _guarded_by((but.PATTERN,)),
        }
    )
