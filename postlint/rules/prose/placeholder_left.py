"""Placeholder text left in a post: TK, XXX, [INSERT NAME], lorem ipsum, template holes.

## What it does
Finds editors' and templates' placeholders in the prose and in the front-matter text fields:
`TK`/`TKTK`, `XXX`, `[INSERT ...]`, "lorem ipsum dolor" filler, `%%name%%` and single-brace template holes
such as `{title}`. Liquid (`{{ page.title }}`, `{% ... %}`) is rendered by Jekyll and is not
reported; code is never read.

## Why is this bad?
A placeholder that reaches readers is the most visible mistake a publication can make, and
pipelines that fill templates leave these behind when a field is missing.

## Example
```markdown
---
title: A post
---

The minister, [INSERT NAME], said TK people attended.
```

## Use instead
```markdown
---
title: A post
---

The minister, Jane Doe, said 300 people attended.
```

## Fix
None: only the author knows what belongs there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.rule import NoOptions, Rule

_PLACEHOLDER = re.compile(
    r"(?<![\w-])(?:TK(?:TK)*|XXX+)(?![\w-])"
    r"|\[(?:INSERT|Insert|insert|ADD|TODO|TBD|TBC|NAME|PLACEHOLDER)\b[^\]\n]*\]"
    r"|(?i:\blorem\s+ipsum\s+dolor\b)"
    r"|%%[A-Za-z_][\w.-]*%%"
    r"|(?<![{\\\w$])\{[A-Za-z_][\w.-]*\}(?![}\w(])"
)


def _findings(text: str, offset: int) -> Iterator[Finding]:
    for match in _PLACEHOLDER.finditer(text):
        found = match.group(0)
        yield Finding(
            offset + match.start(),
            offset + match.end(),
            f"placeholder '{found}' left in the text: replace it with the real content",
        )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    yield from _findings(doc.prose[doc.body_start :], doc.body_start)
    for field in doc.text_fields:
        yield from _findings(field.text, field.start)


RULE = Rule(
    code="PR104",
    name="placeholder-left",
    summary="Placeholder text such as TK or [INSERT NAME] is left in the post",
    severity=Severity.ERROR,
    check=check,
)
