"""A quotation mark that is opened in a paragraph and never closed (or closed, never opened).

## What it does
Pairs double quotation marks (straight `"` and curly “ ”) within each paragraph and reports
the one left over. The multi-paragraph convention is accepted: a quotation may stay open at
the end of a paragraph when the next paragraph starts with an opening mark, or when a list or
block quote follows (and may close after one). Inch marks after
digits (`15"`) are ignored; single quotes are too ambiguous (apostrophes) to check.

## Why is this bad?
Readers cannot tell where a quotation ends, so words may be attributed to the wrong person; in
automated copy it usually means text was cut.

## Example
```markdown
---
title: A post
---

"We are close to a deal, he said.
```

## Use instead
```markdown
---
title: A post
---

"We are close to a deal," he said.
```

## Fix
None: only the author knows where the quotation ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.prose_view import Block
from postlint.rule import NoOptions, Rule

_QUOTE = re.compile(r"[\"“”]")
_OPENS_QUOTE = re.compile(r"[\s>*_\-+\d.]*[\"“]")


def _leftover(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(offset, kind) of the mark left unpaired in ``text[start:end]``: 'open' or 'close'."""
    open_at: int | None = None
    for match in _QUOTE.finditer(text, start, end):
        mark, at = match.group(0), match.start()
        inch = mark == '"' and at > 0 and text[at - 1].isdigit()
        if mark == "“" or (mark == '"' and open_at is None):
            if inch:
                continue  # 15" is a measurement, unless it closes a quotation
            if open_at is not None and mark == "“":
                return open_at, "open"
            open_at = at
        elif open_at is not None:
            open_at = None
        else:
            return at, "close"
    return (open_at, "open") if open_at is not None else None


def _closing_shape(text: str, at: int, start: int, end: int) -> bool:
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    return (
        not before.isspace() and before not in "([{—–-" and (after.isspace() or after in ".,;:!?)")
    )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    prose = doc.prose
    blocks = [b for b in doc.view.blocks if b.start >= doc.body_start]
    continued = False  # the previous block left a quotation open on purpose
    for index, block in enumerate(blocks):
        if block.kind != "paragraph":
            continue
        leftover = _leftover(prose, block.start, block.end)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        was_continued, continued = continued, False
        if leftover is None:
            continue
        offset, kind = leftover
        if kind == "open" and following is not None and _continues(prose, block, following):
            continued = True  # the quotation goes on in the next block
            continue
        closes = kind == "close" or _closing_shape(prose, offset, block.start, block.end)
        if closes and (was_continued or _after_quoted_list(blocks, index)):
            continue  # closes a quotation that ran on from earlier blocks
        what = "opened here and never closed" if kind == "open" else "closed here but never opened"
        yield Finding(
            offset, offset + 1, f"quotation mark {what} in this paragraph: add the matching mark"
        )


def _continues(prose: str, block: Block, following: Block) -> bool:
    """A quotation may run on into a list, a block quote, or a paragraph opening with a mark."""
    if following.kind != "paragraph" or following.in_list != block.in_list:
        return True
    return following.in_blockquote != block.in_blockquote or bool(
        _OPENS_QUOTE.match(prose, following.start, following.end)
    )


def _after_quoted_list(blocks: list[Block], index: int) -> bool:
    previous = blocks[index - 1] if index > 0 else None
    return previous is not None and (previous.kind != "paragraph" or previous.in_list)


RULE = Rule(
    code="PR107",
    name="unbalanced-quotes",
    summary="A quotation mark is never closed (or never opened) in its paragraph",
    severity=Severity.WARNING,
    check=check,
)
