"""Spaces or tabs at the end of a line.

(The example below ends its last line with a space, written as an escape so that formatters
keep it.)

## What it does
Reports spaces and tabs at the end of any line of the file: front matter, body, fenced code and
lines with nothing but whitespace. A Markdown hard line break is intentional and is left alone:
two or more spaces at the end of a line inside a paragraph that goes on to another line. Set
`allow-hard-breaks = false` to report those too (a backslash at the end of the line makes the
same break visibly).

## Why is this bad?
Invisible characters make diffs noisy and merges conflict for nothing, and in Markdown they can
change the page: two stray spaces at the end of a line become a `<br>`.

## Example
```markdown
---
title: A post
---

A sentence with a space after it.\x20
```

## Use instead
```markdown
---
title: A post
---

A sentence with no space after it.
```

## Fix safety
Safe (whitespace only, the text reads the same): deletes the spaces and tabs; the line break after them (LF or CRLF) stays as it is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.prose_view import Block
from postlint.core.rule import FixAvailability, Rule

_HARD_BREAK = re.compile(r" {2,}")
_BLANK_BEFORE_BREAK = (" \n", "\t\n", " \r", "\t\r")


@dataclass(frozen=True)
class Options:
    allow_hard_breaks: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.allow_hard_breaks, bool):
            raise ValueError("allow-hard-breaks must be true or false")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    paragraphs = [b for b in doc.view.blocks if b.kind == "paragraph"]
    starts = [b.start for b in paragraphs]
    for start, end in _trailing(text):
        blanks = text[start:end]
        if options.allow_hard_breaks and _is_hard_break(text, start, end, paragraphs, starts):
            continue
        what = "whitespace-only line" if _line_is_blank(text, start) else "trailing whitespace"
        yield Finding(
            start,
            end,
            f"{what} ({_describe(blanks)}): delete it",
            fix=Fix((Edit(start, end, ""),), safe=True, message="Delete trailing whitespace"),
        )


def _trailing(text: str) -> list[tuple[int, int]]:
    r"""The spans of ``(?<![ \t])[ \t]+(?=\r\n|\r|\n|\Z)``: each whole run of blanks just
    before a line break or the end. Found from the breaks preceded by a blank (a few ``str.find``
    passes, where the pattern's look-behind was tried at every character), each run then read
    back once: linear."""
    ends = [len(text)] if text.endswith((" ", "\t")) else []
    for pair in _BLANK_BEFORE_BREAK:
        at = text.find(pair)
        while at >= 0:
            ends.append(at + 1)
            at = text.find(pair, at + 2)
    spans = []
    for end in sorted(ends):
        start = end - 1
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        spans.append((start, end))
    return spans


def _is_hard_break(
    text: str, start: int, end: int, paragraphs: list[Block], starts: list[int]
) -> bool:
    """Two or more spaces ending a line of a paragraph that goes on: a Markdown line break."""
    if not _HARD_BREAK.fullmatch(text, start, end) or _line_is_blank(text, start):
        return False
    index = bisect.bisect_right(starts, start) - 1
    return index >= 0 and end < paragraphs[index].end


def _line_is_blank(text: str, offset: int) -> bool:
    return offset == 0 or text[offset - 1] in "\r\n"


def _describe(whitespace: str) -> str:
    spaces, tabs = whitespace.count(" "), whitespace.count("\t")
    counts = ((spaces, "space"), (tabs, "tab"))
    parts = [f"{n} {name}{'s' if n > 1 else ''}" for n, name in counts if n]
    return " and ".join(parts)


RULE = Rule(
    code="PR111",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="trailing-whitespace",
    summary="A line ends with spaces or tabs",
    severity=Severity.INFO,
    check=check,
    options=Options,
    fix=FixAvailability.SAFE,
)
