"""A post without front matter.

## What it does
Reports a Markdown file that does not start with a front-matter block (`---` YAML, `+++`
TOML or a JSON object). Turn it off for folders of plain Markdown with `ignore = ["FM005"]`
or a per-file ignore.

## Why is this bad?
Jekyll does not even render a file without front matter as a post; other generators publish
it with no title or date.

## Example
```markdown
# A post

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
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    if doc.block is None:
        yield Finding(0, 0, "post has no front matter: start the file with a '---' block")


RULE = Rule(
    code="FM005",
    name="missing-front-matter",
    summary="The file has no front matter",
    severity=Severity.WARNING,
    check=check,
)
