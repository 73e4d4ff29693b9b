"""proselint 0.16's checks with proselint's exact findings, evaluated much faster.

proselint's checks are data (terms, paddings, messages, flags) plus a few small functions.
proselint evaluates them one at a time: every check scans the whole text, most of them with an
RE2 set and then one regex per matching term, and four "fancy" checks with Python regexes that
try dozens of alternatives (with look-behinds) at every position of the text. Most of the run
time goes to those fancy alternations and to per-check overhead on checks that find nothing.

:class:`ProselintEngine` compiles the same data once and evaluates it per text with the same
regex engines, the same patterns and the same options, so each check yields the same results
in the same order. The speed comes from deciding cheaply what cannot match:

* **One RE2 set per regex-options group** (all "Fast" terms of all checks) tells, in one pass,
  which terms occur anywhere in the text. A check none of whose terms occur yields nothing and
  is skipped; inside a check only the terms that occur are run.
* **Trigger literals for Python ("Fancy") patterns.** Each alternative's leading literal (for
  example ``most`` in ``(?<!at\\s)\\bmost\\s+unique\\b``) must sit where a match starts. An
  ASCII "shadow" of the text (same length, case-folded the way Python's ``re.IGNORECASE``
  folds) is searched for those literals, and the original pattern is tried only there.
* **Known-equivalent rewrites** of single patterns whose backtracking is wasted
  (``checks._EQUIVALENT_PATTERNS``), each with the argument for its equivalence.
* Quotes are located lazily, only when a finding has to be checked against them.
* The text is encoded to UTF-8 once per call; RE2 byte offsets are mapped back to characters
  through one table (:mod:`.text`).

Checks are built from ``proselint.checks.__register__`` directly: proselint's ``CheckRegistry``
is a process-wide singleton that duplicates checks when registered twice. The modules here
import proselint only when an engine is built or a text is checked, so rule discovery stays
cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from postlint.rules.prose.proselint.checks import MAX_ERRORS, ProselintHit, _default_checks
from postlint.rules.prose.proselint.compiler import _Compiler
from postlint.rules.prose.proselint.direct import present_check, reference_check
from postlint.rules.prose.proselint.plans import _Plan
from postlint.rules.prose.proselint.prefilter import (
    _Atom,
    _LiteralGroup,
    _Prefilter,
    _Shadows,
)
from postlint.rules.prose.proselint.text import _Text

if TYPE_CHECKING:
    from proselint.registry.checks import CheckResult


class ProselintEngine:
    """proselint's checks, compiled once; what it finds never changes after ``__init__`` (a
    term's own pattern and a check's own set are compiled the first time a text needs them).

    ``enabled(check_path)`` narrows proselint's default configuration (None: all of it). The
    checks proselint disables by default (``restricted.*``) stay off: postlint's selection
    answers yes to every sub-code nobody ignored. Pickling keeps only the selected paths and
    rebuilds the compiled state (RE2 objects do not pickle).
    """

    def __init__(self, enabled: Callable[[str], bool] | None = None) -> None:
        self._selected = frozenset(
            check.path for check in _default_checks() if enabled is None or enabled(check.path)
        )
        from proselint.checks import __register__

        self._paths = tuple(sorted({check.path for check in __register__}))
        compiler = _Compiler()
        checks = [check for check in _default_checks() if check.path in self._selected]
        self._plans: tuple[_Plan, ...] = tuple(compiler.plan(check) for check in checks)

        self._prefilter = _Prefilter(
            [(options, list(patterns)) for options, patterns in compiler.re2_groups.items()]
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
            for group in range(len(compiler.re2_groups))
        }
        self._bounded = frozenset(i for i, plan in enumerate(self._plans) if plan.bounded)
        # A check's path -> its last plan (some checks are several plans): at or after the plan
        # of any result the check yields.
        self._last_plan = {plan.check.path: i for i, plan in enumerate(self._plans)}

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (tuple(sorted(self._selected)),))

    @property
    def check_paths(self) -> tuple[str, ...]:
        """Every check path proselint knows (sorted, unique), on by default or not."""
        return self._paths

    def check_text(self, text: str, dropped: Collection[str] = ()) -> list[ProselintHit]:
        """proselint's findings on ``text``, in proselint's order (``LintFile.lint``).

        The caller discards the findings of the checks in ``dropped``: those may be left out
        (they are, where that provably leaves every other finding as it was).
        """
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
        indices = sorted(candidates)
        skipped = [
            i for i in indices if i in self._bounded and self._plans[i].check.path in dropped
        ]
        found = self._without(state, indices, skipped) if skipped else None
        if found is None:
            found = list(islice(self._results(state, indices), MAX_ERRORS))
        # LintFile sorts by (line, column), which orders exactly like the start offset (the
        # padded text's line starts are increasing); the sort is stable, as is proselint's.
        ordered = sorted(found, key=_start)
        limit = len(text)
        return [ProselintHit.of(result, limit) for result in ordered]

    def _without(
        self, state: _Text, indices: list[int], skipped: list[int]
    ) -> list[CheckResult] | None:
        """The results of every check but ``skipped``, when those checks cannot push any other
        result past proselint's cut at MAX_ERRORS: when the kept results and the skipped checks'
        results before the last kept one number at most MAX_ERRORS, the cut takes no kept one
        (a skipped check after the last kept result only adds results after every kept one).
        None when that cannot be shown cheaply."""
        kept = [i for i in indices if i not in skipped]
        found = list(islice(self._results(state, kept), MAX_ERRORS + 1))
        room = MAX_ERRORS - len(found)
        if room >= 0:  # results come in plan order: none after the last one's check's plans
            last = self._last_plan[found[-1].check_path] if found else -1
            skipped = [index for index in skipped if index < last]
        for index in sorted(skipped, key=lambda i: self._plans[i].cost):
            bound = self._plans[index].bound(state, room)
            if bound is None:
                return None
            room -= bound
        return found

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


# Characters proselint's own evaluation checks before the compiled engine is built. Building it
# costs about 0.1 s (its terms compile on first use), what proselint's own code spends on 7-10 K
# characters (it runs at about 9 us a character, the engine at about 0.5); measured on one-post
# runs. Either way the findings are the same (the parity tests).
DIRECT_CHARS = 8 * 1024


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

    def check_text(self, text: str, dropped: Collection[str] = ()) -> list[ProselintHit]:
        """As :meth:`ProselintEngine.check_text` (proselint's own code keeps ``dropped``)."""
        if self._compiled is None and self._direct + len(text) <= DIRECT_CHARS:
            self._direct += len(text)
            return present_check(text, self._enabled)
        return self.warm_up().check_text(text, dropped)


__all__ = ["MAX_ERRORS", "AdaptiveEngine", "ProselintEngine", "ProselintHit", "reference_check"]
