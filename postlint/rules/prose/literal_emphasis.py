"""Emphasis that renders as literal asterisks or underscores: "** text**".

## What it does
The defect: emphasis markers that Markdown cannot read as emphasis, so the reader sees the
asterisks or underscores. CommonMark opens emphasis only with a left-flanking delimiter run
(not followed by a space) and closes it only with a right-flanking one (not preceded by a
space). It is certain when two runs of the same marker and length, in one paragraph or heading,
stand where emphasis would open and close (after a space or the start of the text, and before a
space, punctuation, the end, or anything when no marker follows), hold words between them and
nothing of the same marker, and a space inside one of them (`** text**`, `__text __`, `* text
*`) stops them from being emphasis.

Not read: list markers (`* item` at the start of a line), escaped markers (`\\*`), code, math,
link targets and HTML (masked), markers around no letters, single markers spaced on both
sides (`2 * 3 * 4`, `a * b`: operators) and markers around a formula (`x * y = z`).

## Why is this bad?
The page shows stray asterisks or underscores where the author meant bold or italics, and the
emphasis is lost; nobody sees it in the source, where it looks right.

## Example
```markdown
---
title: A post
---

The ** new budget** passed, and __ everyone__ was *pleased *.
```

## Use instead
```markdown
---
title: A post
---

The **new budget** passed, and __everyone__ was *pleased*.
```

## Fix safety
Safe when only spaces (no line break) stand between a marker and its text and removing them
makes the pair valid emphasis: the fix deletes those spaces and changes no word. When the text
next to the marker is punctuation (`**Note: **text`) the emphasis would still not close after
the spaces go, so no fix is offered: only the author knows where it ends.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.prose_view import MASK
from postlint.core.rule import FixAvailability, NoOptions, Rule

_MARKERS = "*_"
# A delimiter run: one marker repeated. Linear: each run is matched once, from its first
# character, and no character is matched twice. Written ``\*\**`` rather than ``\*+`` (the
# same runs): an alternation whose branches open with a literal lets the regex engine skip in
# C to the next marker instead of trying a match at every character of the block.
_RUN = re.compile(r"\*\**|__*")
_MAX_SPAN = 300  # emphasis is a phrase or a sentence, not half a paragraph
_FORMULA = frozenset("=+/^<>±×÷")


@dataclass(frozen=True)
class _Run:
    char: str
    start: int
    end: int
    left: bool  # left-flanking: may open
    right: bool  # right-flanking: may close


def _space(char: str) -> bool:
    return char == "" or char.isspace()


def _punct(char: str) -> bool:
    return char != "" and char != MASK and unicodedata.category(char)[0] in "PS"


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """CommonMark's left- and right-flanking tests for a run between ``before`` and ``after``."""
    left = not _space(after) and (not _punct(after) or _space(before) or _punct(before))
    right = not _space(before) and (not _punct(before) or _space(after) or _punct(after))
    return left, right


def _runs(prose: str, text: str, start: int, end: int) -> list[_Run]:
    """The delimiter runs of ``prose[start:end]``, found in one pass.

    Runs are found in the prose view (none inside code or HTML); flanking is judged on the
    file's own characters (a masked `<br>` after a run is punctuation, not a letter).
    """
    runs: list[_Run] = []
    if prose.find("*", start, end) < 0 and prose.find("_", start, end) < 0:
        return runs
    for match in _RUN.finditer(prose, start, end):
        i, j = match.span()
        escaped = i > start and text[i - 1] == "\\"
        if not escaped:
            before = text[i - 1] if i > start else ""
            after = text[j] if j < end else ""
            runs.append(_Run(prose[i], i, j, *_flanking(before, after)))
    return runs


def _line_start(text: str, floor: int, at: int) -> bool:
    """Whether only indentation or block-quote markers stand before ``at`` on its line."""
    i = at
    while i > floor and text[i - 1] in " \t>":
        i -= 1
    return i == floor or text[i - 1] == "\n"


def _defect(
    prose: str, text: str, floor: int, end: int, first: _Run, second: _Run, last: bool
) -> bool:
    """Whether ``first`` and ``second`` stand as emphasis would but cannot be it.

    ``last``: no marker of the same kind follows ``second`` in the block, so a ``second`` that
    could only open ("**Note: **text") has nothing to pair with either.
    """
    if first.end - first.start != second.end - second.start or first.end - first.start > 3:
        return False
    if first.left and second.right:
        return False  # real emphasis
    if second.start - first.end > _MAX_SPAN:
        return False
    before = text[first.start - 1] if first.start > floor else ""
    after = text[second.end] if second.end < end else ""
    if not (_space(before) or before in "([{\"'“‘—–"):
        return False  # not where emphasis opens ("a*b", "snake_case")
    if not (_space(after) or _punct(after) or (last and _space(text[second.start - 1]))):
        return False  # not where emphasis closes
    inner = prose[first.end : second.start]
    if not inner.strip() or not any(c.isalpha() for c in inner) or MASK in inner.strip()[:1]:
        return False
    if any(c in _FORMULA for c in inner):
        return False  # a formula: "x * y = z"
    if first.end - first.start == 1 and not (first.left or second.right):
        return False  # "2 * 3 * 4": a single marker spaced on both sides is an operator
    if _space(text[first.end : first.end + 1]) and _line_start(text, floor, first.start):
        return first.end - first.start > 1  # "* item" is a list marker; "** Step 1 **" is not
    return True


def _fix(text: str, first: _Run, second: _Run) -> Fix | None:
    """Delete the spaces inside the markers, when that alone makes the pair emphasis."""
    inner = text[first.end : second.start]
    stripped = inner.strip(" \t")
    if (
        not stripped
        or "\n" in inner[: len(inner) - len(inner.lstrip())]
        or "\n" in inner[len(inner.rstrip()) :]
    ):
        return None
    lead = len(inner) - len(inner.lstrip(" \t"))
    trail = len(inner) - len(inner.rstrip(" \t"))
    before = text[first.start - 1] if first.start > 0 else ""
    after = text[second.end] if second.end < len(text) else ""
    opens, _ = _flanking(before, stripped[0])
    _, closes = _flanking(stripped[-1], after)
    if not (opens and closes):
        return None
    edits = []
    if lead:
        edits.append(Edit(first.end, first.end + lead, ""))
    if trail:
        edits.append(Edit(second.start - trail, second.start, ""))
    marker = text[first.start : first.end]
    return Fix(tuple(edits), safe=True, message=f"Remove the spaces inside '{marker}'")


def _findings(prose: str, text: str, start: int, end: int) -> Iterator[Finding]:
    found = _runs(prose, text, start, end)
    for char in _MARKERS:
        runs = [run for run in found if run.char == char]
        index = 0
        while index + 1 < len(runs):
            first, second = runs[index], runs[index + 1]
            if first.left and second.right and first.end - first.start == second.end - second.start:
                index += 2  # a real pair: both are used
                continue
            last = index + 2 == len(runs)
            if not _defect(prose, text, start, end, first, second, last):
                index += 1
                continue
            marker = text[first.start : first.end]
            name = "asterisks" if char == "*" else "underscores"
            yield Finding(
                first.start,
                second.end,
                f"'{marker}' renders as literal {name}: a space inside the markers stops "
                "the emphasis; remove it",
                fix=_fix(text, first, second),
            )
            index += 2


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    prose = doc.prose
    if "*" not in prose and "_" not in prose:
        return
    text, body_start = doc.text, doc.body_start
    for block in doc.view.prose_blocks():
        start, end = block.start, block.end
        if end <= body_start:
            continue
        # A finding is two runs of one marker, each of one marker or more: most blocks hold
        # fewer than two of either (two counts in C, no generator).
        if prose.count("*", start, end) < 2 and prose.count("_", start, end) < 2:
            continue
        yield from _findings(prose, text, start, end)


RULE = Rule(
    code="PR122",
    name="literal-emphasis",
    summary="Emphasis markers render as literal asterisks or underscores",
    severity=Severity.WARNING,
    check=check,
    fix=FixAvailability.SOMETIMES,
)
