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
from typing import Any

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.rule import NoOptions, Rule


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.root is None or fm.root.tag != "map":
        return
    properties = _schema_properties(doc)
    for key, value in fm.root.entries:
        empty = value.value in (None, "", [], {}) and value.tag != "bool"
        if not empty or _schema_requires_content(properties.get(key.value)):
            continue
        what = {"seq": "an empty list", "map": "an empty mapping"}.get(value.tag, "empty")
        start, end = (value.start, value.end) if value.end > value.start else (key.start, key.end)
        yield Finding(start, end, f"`{key.value}` is {what}: fill it in or remove the key")


def _schema_properties(doc: Document) -> dict[str, Any]:
    schema = doc.schema.validator.schema if doc.schema is not None else None
    properties = schema.get("properties") if isinstance(schema, dict) else None
    return properties if isinstance(properties, dict) else {}


def _schema_requires_content(prop: Any) -> bool:
    """The schema already reports an empty value here (FM001): do not report it twice."""
    return isinstance(prop, dict) and any(
        isinstance(prop.get(k), int) and prop[k] >= 1 for k in ("minLength", "minItems")
    )


RULE = Rule(
    code="FM007",
    name="empty-value",
    summary="A front-matter value is empty",
    severity=Severity.WARNING,
    check=check,
)
