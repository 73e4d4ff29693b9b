"""Applying text edits: the one operation every fix, the fixer and the language server share."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from postlint.core.diagnostic import Edit


class OverlappingEdits(ValueError):
    """Two edits touch the same text; applying both would corrupt it."""


def edits_overlap(a: Edit, b: Edit) -> bool:
    """Do two edits touch the same text? Two insertions at one point do: their order is a guess."""
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (given in any order) to ``text``; the rest is kept as is."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for first, second in itertools.pairwise(ordered):
        if edits_overlap(first, second):
            raise OverlappingEdits(f"edits overlap at offsets {first.start}..{second.end}")
    pieces: list[str] = []
    cursor = 0
    for edit in ordered:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise ValueError(f"edit {edit.start}..{edit.end} lies outside the text")
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)
