"""A front-matter key with an empty value or an empty list.

## What it does
Reports keys whose value is empty: nothing after the colon, `""`, `[]` or `{}`.

## Why is this bad?
An empty value is almost always a field the author (or an importer) forgot to fill in, such
as `tags: []`. Themes then render empty tag lists, blank bylines or broken image tags.

## Example
```markdown
---
title: A post
tags: []
---
Text.
```

## Use instead
```markdown
---
title: A post
tags: [diplomacy, ukraine]
---
Text.
```

## Fix
None: remove the key or fill it in.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.rule import NoOptions, Rule


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.root is None or fm.root.tag != "map":
        return
    flagged_by_schema: frozenset[str] | None = None
    for key, value in fm.root.entries:
        empty = value.value in (None, "", [], {}) and value.tag != "bool"
        if not empty:
            continue
        if flagged_by_schema is None:
            flagged_by_schema = _keys_the_schema_rejects(doc)
        if key.value in flagged_by_schema:
            continue  # FM001 already reports this value: one diagnostic per problem
        what = {"seq": "an empty list", "map": "an empty mapping"}.get(value.tag, "empty")
        start, end = (value.start, value.end) if value.end > value.start else (key.start, key.end)
        yield Finding(start, end, f"`{key.value}` is {what}: fill it in or remove the key")


def _keys_the_schema_rejects(doc: Document) -> frozenset[str]:
    return doc.schema_errors.rejected_keys  # validated once per post, shared with FM001


RULE = Rule(
    code="FM007",
    name="empty-value",
    summary="A front-matter value is empty",
    severity=Severity.WARNING,
    check=check,
)
