"""The file does not end with exactly one line break.

## What it does
Reports a file whose last line has no line break, and blank lines at the very end of a file.

## Why is this bad?
Tools that append, concatenate or diff files expect one final line break; missing or extra
ones show up as noise in every review.

## Example
```markdown
---
title: A post
---

Text.


```

## Use instead
```markdown
---
title: A post
---

Text.
```

## Fix
Safe: adds the file's own line ending (LF or CRLF), or removes the extra blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, NoOptions, Rule

_EXTRA_BLANK_LINES = re.compile(r"(?:\r\n|\r(?!\n)|\n)((?:[ \t]*(?:\r\n|\r|\n))+[ \t]*)\Z")


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    text = doc.text
    if not text:
        return
    if not text.endswith(("\n", "\r")):
        end = len(text)
        yield Finding(
            end,
            end,
            "no line break at the end of the file: add one",
            fix=Fix((Edit(end, end, doc.source.newline),), message="Add a final line break"),
        )
        return
    extra = _EXTRA_BLANK_LINES.search(text)
    if extra is not None:
        start, end = extra.start(1), extra.end(1)
        yield Finding(
            start,
            end,
            "blank lines at the end of the file: keep exactly one final line break",
            fix=Fix((Edit(start, end, ""),), message="Remove the extra blank lines"),
        )


RULE = Rule(
    code="PR112",
    name="final-newline",
    summary="The file does not end with exactly one line break",
    severity=Severity.INFO,
    check=check,
    fix=FixAvailability.SAFE,
)
