"""What each applied fix did, as ``--show-fixes`` lists it: the line in the original text and
the words around the edit before and after (the offsets traced back through every pass)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from postlint.core.diagnostic import Diagnostic, Edit, Fix


@dataclass(frozen=True)
class AppliedFix:
    """One applied fix as ``--show-fixes`` lists it: where (line in the original), which rule,
    and the words around the edit before and after."""

    code: str
    name: str
    sub_code: str | None
    line: int
    before: str
    after: str
    safe: bool


_CONTEXT = 30


def _context(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` widened to the whole words around it (at most ``_CONTEXT`` more)."""
    low, high = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    while start > low and text[start - 1] in " \t":
        start -= 1
    while start > low and not text[start - 1].isspace():
        start -= 1
    while end < high and text[end] in " \t":
        end += 1
    while end < high and not text[end].isspace():
        end += 1
    return start, end


def _shown(fix: Fix, text: str) -> tuple[str, str]:
    """The text around the fix before and after it (each edit with its words)."""
    before, after = [], []
    for edit in sorted(fix.edits, key=lambda e: e.start):
        start, end = _context(text, edit.start, edit.end)
        before.append(text[start:end])
        after.append(text[start : edit.start] + edit.replacement + text[edit.end : end])
    return " … ".join(before), " … ".join(after)


def _origin(offset: int, edits: Sequence[Edit]) -> int:
    """Where ``offset`` of the text after ``edits`` was in the text before them."""
    delta = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        new_start = edit.start + delta
        if offset < new_start:
            break
        if offset < new_start + len(edit.replacement):
            return edit.start
        delta += len(edit.replacement) - (edit.end - edit.start)
    return offset - delta


def record(
    fixes: Sequence[Fix],
    diagnostics: Sequence[Diagnostic],
    text: str,
    history: list[list[Edit]],
    first: str,
) -> tuple[AppliedFix, ...]:
    """What each fix of a pass did, its line counted in ``first`` (the text before any pass)."""
    by_fix: dict[Fix, Diagnostic] = {}
    for d in diagnostics:
        if d.fix is not None:
            by_fix.setdefault(d.fix, d)
    records = []
    for fix in fixes:
        found = by_fix.get(fix)
        if found is None:
            continue
        offset = min(e.start for e in fix.edits)
        for edits in reversed(history):
            offset = _origin(offset, edits)
        before, after = _shown(fix, text)
        line = _line_of(first, offset)
        records.append(
            AppliedFix(found.code, found.name, found.sub_code, line, before, after, fix.safe)
        )
    return tuple(records)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
