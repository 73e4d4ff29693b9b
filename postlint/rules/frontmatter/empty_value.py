"""A list or mapping written out empty, or a required key left empty, is a field nobody filled in.

## What it does
Reports an empty list or mapping (`tags: []`, `links: {}`) and a key the post's schema requires
whose value is empty in any form (nothing after the colon, `''`, `~`, `[]`). An optional key
left bare (`image:`) or set to an empty text or null (`tweet: ''`, `image: ~`) is not reported:
YAML reads it as absent, and sites keep such keys in their post templates on purpose (on the
corpus, 18F leaves `image:` bare in 69 posts and Frictionless `tags:` and `category:` in 50).

## Why is this bad?
A list written out with nothing in it is a field the author (or an importer, or the archetype
the post started from) meant to fill in and did not: themes then render empty tag lists or
empty related-links boxes. A required key that is empty is a defect whatever was written.

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
None: fill the key in or remove it.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.frontmatter import Located
from postlint.core.rule import NoOptions, Rule
from postlint.core.schema import required_keys


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.root is None or fm.root.tag != "map":
        return
    required = required_keys(doc.schema) if doc.schema is not None else frozenset()
    flagged_by_schema: frozenset[str] | None = None
    for key, value in fm.root.entries:
        empty = value.value in (None, "", [], {}) and value.tag != "bool"
        if not empty:
            continue
        missing = _missing(value)
        if (missing or _on_purpose(value)) and key.value not in required:
            continue  # an optional key left bare, or written out as empty text or null
        if flagged_by_schema is None:
            flagged_by_schema = _keys_the_schema_rejects(doc)
        if key.value in flagged_by_schema:
            continue  # FM001 already reports this value: one diagnostic per problem
        if missing:
            message = f"`{key.value}` is required but has no value: fill it in"
        else:
            what = {"seq": "an empty list", "map": "an empty mapping"}.get(value.tag, "empty")
            message = (
                f"`{key.value}` is required but {what}: fill it in"
                if key.value in required
                else f"`{key.value}` is {what}: fill it in or remove the key"
            )
        start, end = (value.start, value.end) if value.end > value.start else (key.start, key.end)
        yield Finding(start, end, message)


def _missing(value: Located) -> bool:
    """Nothing written after the key (YAML reads it as null); `~` and `null` are written out."""
    return value.tag == "null" and value.end <= value.start


def _on_purpose(value: Located) -> bool:
    """An empty text in quotes, or a null written as `~` or `null`: empty by decision."""
    if value.tag == "null":
        return not _missing(value)
    return value.tag == "str" and value.value == "" and value.end > value.start


def _keys_the_schema_rejects(doc: Document) -> frozenset[str]:
    return doc.schema_errors.rejected_keys  # validated once per post, shared with FM001


RULE = Rule(
    code="FM007",
    name="empty-value",
    summary="A front-matter list or mapping is empty, or a required value is",
    severity=Severity.WARNING,
    check=check,
)
