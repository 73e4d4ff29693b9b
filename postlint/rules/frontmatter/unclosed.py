"""Front matter that opens with `---` (or `+++`) and never closes.

## What it does
Reports an opening front-matter fence on the first line with no closing fence after it.

## Why is this bad?
Site generators then treat the whole file as Markdown: the metadata is printed as text at
the top of the page, and the post has no title, date or layout.

## Example
```markdown
---
title: A post

Text.
```

## Use instead
```markdown
---
title: A post
---

Text.
```

## Fix
None: postlint cannot know where the metadata was meant to end.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    block = doc.block
    if block is not None and not block.closed:
        fence = doc.text[block.open_start : block.open_end]
        closing = "}" if fence == "{" else fence
        yield Finding(
            block.open_start,
            block.open_end,
            f"front matter opened with '{fence}' is never closed: add a line '{closing}' "
            "after the last front-matter key",
        )


RULE = Rule(
    code="FM003",
    name="unclosed-front-matter",
    summary="Front matter has no closing fence",
    severity=Severity.ERROR,
    check=check,
)
