"""Spaces or tabs at the end of a line.

(The example below ends its last line with a space, written as an escape so that formatters
keep it.)

## What it does
Reports whitespace at the end of any line, in the front matter and in the body, except a
Markdown hard line break (two or more spaces at the end of a line that is followed by another
line of the same paragraph), unless `allow-hard-breaks = false`.

## Why is this bad?
Invisible characters make diffs noisy and sometimes change the output: a stray double space
becomes a `<br>`.

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

## Fix
Safe: deletes the whitespace; line endings (LF or CRLF) stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, Rule

_TRAILING = re.compile(r"[ \t]+(?=\r\n|\r|\n|\Z)")
_NEXT_LINE = re.compile(r"(?:\r\n|\r|\n)([^\r\n]*)")


@dataclass(frozen=True)
class Options:
    allow_hard_breaks: bool = True


def _is_hard_break(text: str, match: re.Match[str]) -> bool:
    if match.group(0).count(" ") < 2 or "\t" in match.group(0):
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    if not text[line_start : match.start()].strip():
        return False  # a whitespace-only line is not a break
    following = _NEXT_LINE.match(text, match.end())
    return following is not None and bool(following.group(1).strip())


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    for match in _TRAILING.finditer(text):
        if (
            options.allow_hard_breaks
            and match.start() >= doc.body_start
            and _is_hard_break(text, match)
        ):
            continue
        yield Finding(
            match.start(),
            match.end(),
            "trailing whitespace: delete it",
            fix=Fix((Edit(match.start(), match.end(), ""),), message="Delete trailing whitespace"),
        )


RULE = Rule(
    code="PR111",
    name="trailing-whitespace",
    summary="A line ends with spaces or tabs",
    severity=Severity.INFO,
    check=check,
    options=Options,
    fix=FixAvailability.SAFE,
)
