"""The same word twice in a row: "the the".

## What it does
Finds a word repeated immediately, ignoring case, also across a line break (CRLF included), but
not across a paragraph break or across masked code ("the `x` the" is fine). "had had", "that
that" and numbers are allowed.

## Why is this bad?
Readers' eyes skip the second word (a "lexical illusion"), so it survives proofreading; on the
page it looks careless.

## Example
```markdown
---
title: A post
---

It was the the best of times.
```

## Use instead
```markdown
---
title: A post
---

It was the best of times.
```

## Fix
Safe: deletes the second word and the space before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, NoOptions, Rule

_REPEAT = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’]*)([ \t]*(?:\r\n|\r|\n)?[ \t>]*[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t>]*)(\1)(?![\w'’-])",
    re.IGNORECASE,
)
ALLOWED = frozenset(
    {"had", "that", "is", "do", "bye", "no", "yada", "ha", "so", "very", "knock", "tsk"}
)


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    blocks = doc.view.prose_blocks()
    for match in _REPEAT.finditer(doc.prose, doc.body_start):
        word = match.group(1)
        if not any(b.start <= match.start() and match.end() <= b.end for b in blocks):
            continue  # a heading and the paragraph under it are not one run of text
        if word.lower() in ALLOWED or not match.group(2):
            continue
        start, end = match.end(1), match.end(3)
        yield Finding(
            match.start(1),
            end,
            f"'{word}' is repeated: delete one",
            fix=Fix((Edit(start, end, ""),), message=f"Delete the second '{match.group(3)}'"),
        )


RULE = Rule(
    code="PR108",
    name="repeated-word",
    summary="A word is repeated: 'the the'",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.SAFE,
)
