"""The file does not end with exactly one line break.

## What it does
Reports a file whose last line has no line break, and blank lines (empty or whitespace-only)
after the last line of text. An empty file, or one with nothing but spaces, tabs and line breaks, is left alone.

## Why is this bad?
Tools that append, concatenate or diff files expect one final line break: without it the last
line shows up as changed in every review ("\\ No newline at end of file"), and extra blank lines
at the end are noise that editors keep adding and removing.

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

## Fix safety
Safe (line breaks only, the text reads the same): appends the file's own line ending (LF or CRLF, whichever the file mostly uses) when the
last line has none, or deletes the blank lines after the last line of text, keeping that line's
own line break.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.rule import FixAvailability, NoOptions, Rule

# The end of the last line with text: its trailing blanks, then its line break if any.
_LAST_LINE_END = re.compile(r"[ \t]*(\r\n|\r|\n)?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLANK = " \t\r\n"


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    text = doc.text
    content_end = len(text.rstrip(_BLANK))
    if content_end == 0:
        return  # empty, or only blanks: nothing to end
    line_end = _LAST_LINE_END.match(text, content_end)
    assert line_end is not None  # the pattern can match the empty string
    if line_end.group(1) is None:
        end = len(text)
        yield Finding(
            end,
            end,
            "the file does not end with a line break: add one",
            fix=Fix(
                (Edit(end, end, doc.source.newline),),
                safe=True,
                message="Add a final line break",
            ),
        )
        return
    extra_start = line_end.end()
    if extra_start < len(text):
        lines = len(_LINE_BREAK.findall(text, extra_start)) or 1
        yield Finding(
            extra_start,
            len(text),
            f"{lines} blank line{'s' if lines > 1 else ''} at the end of the file: "
            "keep exactly one final line break",
            fix=Fix(
                (Edit(extra_start, len(text), ""),),
                safe=True,
                message="Delete the blank lines at the end",
            ),
        )


RULE = Rule(
    code="PR112",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="final-newline",
    summary="The file does not end with exactly one line break",
    severity=Severity.INFO,
    check=check,
    fix=FixAvailability.SAFE,
)
