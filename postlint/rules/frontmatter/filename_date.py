"""A Jekyll post whose file-name date disagrees with its `date`.

## What it does
For files in a `_posts` folder named `YYYY-MM-DD-slug.md`, reports a front-matter `date` whose
calendar day differs from the one in the file name.

## Why is this bad?
Jekyll takes the URL from one and the displayed date from the other: the post appears under
one day and claims another, and archives sort it in the wrong place.

## Example
```markdown title="_posts/2025-11-25-peace.md"
---
title: A post
date: 2025-11-26
---
Text.
```

## Use instead
```markdown title="_posts/2025-11-26-peace.md"
---
title: A post
date: 2025-11-26
---
Text.
```

## Fix
None: rename the file or correct the date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule

_NAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
_VALUE_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    path = PurePath(doc.path.replace("\\", "/"))
    name_date = _NAME_DATE.match(path.name)
    if name_date is None or "_posts" not in path.parts[:-1]:
        return
    fm = doc.front_matter
    if fm is None or fm.root is None or fm.root.tag != "map":
        return
    _key, value = fm.root.child("date")
    if value is None or not isinstance(value.value, str):
        return
    value_date = _VALUE_DATE.match(value.value)
    if value_date is None:
        return
    named = tuple(int(part) for part in name_date.groups())
    dated = tuple(int(part) for part in value_date.groups())
    if named != dated:
        yield Finding(
            value.start,
            value.end,
            f"`date` is {dated[0]:04d}-{dated[1]:02d}-{dated[2]:02d} but the file name says "
            f"{name_date.group(0)[:-1]}: rename the file or correct the date",
        )


RULE = Rule(
    code="FM009",
    name="filename-date-mismatch",
    summary="The date in a Jekyll post's file name differs from its front-matter date",
    severity=Severity.WARNING,
    check=check,
)
