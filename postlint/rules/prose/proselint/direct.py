"""proselint's own evaluation of a text: its check objects and its ``LintFile``.

Used for little text (one post in pre-commit), where compiling the engine would cost more than
it saves, and by the parity tests as the reference the engine must agree with.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from itertools import islice
from operator import itemgetter
from types import MappingProxyType
from typing import TYPE_CHECKING

from postlint.rules.prose.proselint.checks import MAX_ERRORS, ProselintHit, _default_checks

if TYPE_CHECKING:
    from proselint.registry.checks import Check


def reference_check(text: str, enabled: Callable[[str], bool] | None = None) -> list[ProselintHit]:
    """proselint's own findings for ``text``: its check objects and its ``LintFile``.

    ``LintFile.lint`` reads its checks from the ``CheckRegistry`` singleton; this runs the same
    lines over ``proselint.checks.__register__`` filtered by the default configuration (and by
    ``enabled``, as :class:`ProselintEngine` is). (``LintFile`` cannot take empty content;
    proselint finds nothing in an empty text.)
    """
    checks = [c for c in _default_checks() if enabled is None or enabled(c.path)]
    return _lint(text, checks)


def present_check(text: str, enabled: Callable[[str], bool] | None = None) -> list[ProselintHit]:
    """:func:`reference_check`, without the checks made of plain terms none of which occurs in
    ``text``: those find nothing, and building their RE2 sets was a third of the first call."""
    if not text:
        return []
    shadows = {False: text.encode("ascii", "replace"), True: _folded(text)}
    checks = [
        check
        for check, needles in zip(_default_checks(), _needle_table(), strict=True)
        if (enabled is None or enabled(check.path))
        and (needles is None or any(n in shadows[needles[0]] for n in needles[1]))
    ]
    return _lint(text, checks)


def _lint(text: str, checks: Iterable[Check]) -> list[ProselintHit]:
    if not text:
        return []
    from proselint.tools import LintFile

    lint_file = LintFile("<text>", text)
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
    return [ProselintHit.of(result, limit) for _, result in sorted(found, key=itemgetter(0))]


# The non-ASCII characters that Python's ``re.IGNORECASE`` or RE2's case folding match to an
# ASCII letter (tests compare this with both engines over every code point).
ASCII_PARTNERS = MappingProxyType({0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"})
_PARTNER_CHARS = tuple(map(chr, ASCII_PARTNERS))
# Regex syntax: a term holding none of these is a literal in both engines (no verbose mode).
_SYNTAX = re.compile(r"[\\^$.|?*+()\[\]{}]")


def _folded(text: str) -> bytes:
    """``text`` as ASCII, lower-cased, with every character a case-insensitive ASCII letter can
    match turned into that letter (others become ``?``, which no plain term holds)."""
    if not text.isascii() and any(char in text for char in _PARTNER_CHARS):
        text = text.translate(ASCII_PARTNERS)
    return text.encode("ascii", "replace").lower()


def _terms(check: Check) -> tuple[tuple[str, ...], bool] | None:
    """The terms one of which every finding of ``check`` matches, and whether case-folded; None
    for any other kind of check."""
    from proselint.checks.misc import greylist, waxed
    from proselint.checks.terms import venery
    from proselint.registry.checks import types as ptypes
    from proselint.registry.checks.engine import Fast

    kind, fold = check.check_type, bool(check.engine.opts.case_insensitive)
    if isinstance(kind, ptypes.ExistenceSimple):
        return (kind.pattern,), fold
    if isinstance(kind, ptypes.Existence | ptypes.PreferredFormsSimple | ptypes.PreferredForms):
        return tuple(kind.items), fold
    # function checks that begin with `if not make_set(Padding.RAW, TERMS).exists_in(text)`
    if kind is waxed._check_waxed:
        return waxed.WAXES, fold
    if kind is venery._check_venery:
        return venery.GENERIC_TERMS, fold
    if kind is greylist._check_greylist:  # each term on its own check, on the default engine
        return tuple(greylist.GREYLISTED_TERMS), bool(Fast().opts.case_insensitive)
    return None


def _needles(check: Check) -> tuple[bool, tuple[bytes, ...]] | None:
    """Whether to look in the case-folded text, and the literal terms, or None: the check is
    not made only of plain ASCII terms, so it always runs."""
    found = _terms(check)
    if found is None:
        return None
    terms, fold = found
    if any(_SYNTAX.search(t) or not t.isascii() for t in terms):
        return None
    return fold, tuple((t.lower() if fold else t).encode("ascii") for t in terms)


@cache
def _needle_table() -> tuple[tuple[bool, tuple[bytes, ...]] | None, ...]:
    """:func:`_needles` of each default check, in order (computed once: about a millisecond)."""
    return tuple(_needles(check) for check in _default_checks())
