"""A Jekyll post whose file-name date disagrees with its `date`: one of them was not updated.

## What it does
For files in a `_posts` folder named `YYYY-MM-DD-slug.md`, reports a front-matter `date` whose
calendar day differs from the one in the file name. A difference of one day is only info: it
is how posts look that were drafted one day and published the next, or dated in another time
zone (9 of the 102 posts of Jekyll's own blog); a larger one is a warning.

## Why is this bad?
Jekyll dates the post (and builds its URL) from `date`, so the file name then tells whoever
maintains the site a different day than readers see: archives in the repository sort it in the
wrong place, and a later edit of either date silently moves the post.

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
from datetime import date
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
            severity=Severity.INFO if _days_apart(named, dated) == 1 else None,
        )


def _days_apart(a: tuple[int, ...], b: tuple[int, ...]) -> int | None:
    """Calendar days between two (year, month, day) triples; None if either is no date."""
    try:
        return abs((date(*a[:3]) - date(*b[:3])).days)
    except ValueError:
        return None


RULE = Rule(
    code="FM009",
    name="filename-date-mismatch",
    summary="The date in a Jekyll post's file name differs from its front-matter date",
    severity=Severity.WARNING,
    check=check,
)
