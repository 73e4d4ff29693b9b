"""A front-matter date-time without a time zone.

## What it does
Reports a `date` (or `last_modified_at`, `lastmod`, `updated`) value that has a time of day but
no UTC offset, such as `2025-11-26T15:29:13`.

## Why is this bad?
The generator then uses the build machine's time zone: the same post gets a different date, URL
and feed timestamp depending on where and when the site is built.

## Example
```markdown
---
title: A post
date: 2025-11-26T15:29:13
---
Text.
```

## Use instead
```markdown
---
title: A post
date: 2025-11-26T15:29:13+00:00
---
Text.
```

## Fix
None: postlint cannot know the author's zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule

DATE_KEYS = frozenset({"date", "last_modified_at", "lastmod", "updated", "modified"})
_ZONELESS = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}[Tt ]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.root is None or fm.root.tag != "map":
        return
    for key, value in fm.root.entries:
        text = value.value.strip() if isinstance(value.value, str) else ""
        if key.value in DATE_KEYS and _ZONELESS.match(text):
            yield Finding(
                value.start,
                value.end,
                f"`{key.value}` has a time but no time zone: add an offset such as '{text} +0000'",
            )


RULE = Rule(
    code="FM008",
    name="date-without-timezone",
    summary="A date-time has no time zone",
    severity=Severity.INFO,
    check=check,
)
