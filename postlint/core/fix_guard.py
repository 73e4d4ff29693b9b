"""The fixer's invariants, checked on every fix before and after it is applied.

A fix is taken only if (1) it changes something, (2) it inserts no character of pattern syntax
that the text it replaces did not have (a rule that leaked a regular expression), (3) it does
not part a letter from its combining accent, and (4) the text it leaves has no finding of a
kind (code and sub-code) more often than before: a fix never creates a finding (judged on
every diagnostic, not on a report cut at max-diagnostics). Whatever
breaks (2)-(4) is refused with a reason that PL009 reports; the text stays as it was.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from postlint.core import catalog
from postlint.core.diagnostic import Diagnostic, Fix

PATTERN_SYNTAX = frozenset("\\[](){}|^$*+?")
NO_OP = ""  # the reason given for a fix that changes nothing: dropped without a warning
_IGNORED = frozenset(
    {catalog.FIX_NOT_APPLIED, catalog.TOO_MANY_DIAGNOSTICS}
)  # the fixer's notes; "more diagnostics not shown"
_TRUNCATED = catalog.TOO_MANY_DIAGNOSTICS
_SHOWN = 80


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _combining(char: str) -> bool:
    return bool(char) and unicodedata.combining(char) != 0


def static_problem(text: str, fix: Fix) -> str | None:
    """Why ``fix`` must not be applied to ``text`` (NO_OP when it changes nothing), or None."""
    edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
    if all(_nfc(text[e.start : e.end]) == _nfc(e.replacement) for e in edits):
        return NO_OP
    for edit in edits:
        replaced = text[edit.start : edit.end]
        inserted = sorted({c for c in edit.replacement if c in PATTERN_SYNTAX} - set(replaced))
        if inserted:
            return f"it would insert pattern syntax ({' '.join(inserted)}) that nobody wrote"
        after = text[edit.end : edit.end + 1]
        starts_mark = _combining(edit.replacement[:1]) or _combining(replaced[:1])
        if _combining(after) or (starts_mark and edit.start > 0):
            return "it would part a letter from its combining accent"
    return None


def _kind(d: Diagnostic) -> tuple[str, str]:
    return (d.code, d.sub_code or "")


def _counts(diagnostics: Iterable[Diagnostic]) -> Counter[tuple[str, str]]:
    return Counter(_kind(d) for d in diagnostics if d.code not in _IGNORED)


def truncated(diagnostics: Sequence[Diagnostic]) -> bool:
    """Was the report cut at max-diagnostics (so counts say nothing)?"""
    return any(d.code == _TRUNCATED for d in diagnostics)


def new_findings(before: Sequence[Diagnostic], after: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Findings of ``after`` of a kind that occurs more often than in ``before``."""
    was, now = _counts(before), _counts(after)
    grown = {kind for kind, count in now.items() if count > was[kind]}
    return [d for d in after if _kind(d) in grown]


def creates_reason(created: Sequence[Diagnostic]) -> str:
    """The PL009 reason for a fix that would create ``created``."""
    first = created[0]
    label = first.code + (f" {first.sub_code}" if first.sub_code else "")
    message = first.message if len(first.message) <= _SHOWN else first.message[:_SHOWN] + "…"
    return f"it would create a new finding ({label}: {message})"
