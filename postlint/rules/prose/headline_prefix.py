"""A label such as "Big News:" or "BREAKING -" glued onto the headline.

## What it does
Checks the front-matter `title` and the first `#` heading of the body for a leading label
followed by a separator (`:`, `-`, `–`, `—`, `|`): "Big News:", "Breaking:", "BREAKING NEWS -",
"Exclusive:", "Must read:", "Just in:", "Update:" and others (option `prefixes`).

## Why is this bad?
Importers and rewriters add these labels; on a site they are clutter in the headline, in feeds
and in search results, and they age badly ("Breaking" a week later).

## Example
```markdown
---
title: "Big News: Where peace stands in Ukraine"
---

Text.
```

## Use instead
```markdown
---
title: "Where peace stands in Ukraine"
---

Text.
```

## Fix
Unsafe: removes the label and its separator, keeping the rest of the headline byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, Rule

DEFAULT_PREFIXES = (
    "big news",
    "breaking",
    "breaking news",
    "exclusive",
    "must read",
    "must-read",
    "just in",
    "update",
    "updated",
    "developing",
    "watch",
    "live",
    "news",
    "hot",
    "alert",
    "news alert",
    "read this",
)
_HEADING = re.compile(r"^#[ \t]+(?=\S)", re.MULTILINE)


@dataclass(frozen=True)
class Options:
    prefixes: tuple[str, ...] = DEFAULT_PREFIXES


def _pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(prefixes, key=len, reverse=True)
    )
    return re.compile(rf"(?i)(?:{words})[ \t]*(?::|\s[-–—|])[ \t]+(?=\S)")


def _finding(doc: Document, start: int, end: int, where: str) -> Finding:
    label = doc.text[start:end].strip()
    return Finding(
        start,
        end,
        f"{where} starts with the label '{label}': remove it and let the headline speak",
        fix=Fix((Edit(start, end, ""),), safe=False, message=f"Remove '{label}'"),
    )


def check(doc: Document, options: Options) -> Iterator[Finding]:
    pattern = _pattern(tuple(options.prefixes))
    for field in doc.text_fields:
        if field.key == "title":
            match = pattern.match(field.text)
            if match:
                yield _finding(doc, field.start, field.start + match.end(), "The title")
    heading = _HEADING.search(doc.prose, doc.body_start)
    if heading is not None:
        match = pattern.match(doc.prose, heading.end())
        if match:
            yield _finding(doc, match.start(), match.end(), "The first heading")


RULE = Rule(
    code="PR102",
    name="headline-prefix",
    summary="The headline starts with a label such as 'Breaking:'",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    fix=FixAvailability.UNSAFE,
)
