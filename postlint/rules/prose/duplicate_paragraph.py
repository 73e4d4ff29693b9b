"""The same paragraph twice in one post.

## What it does
Reports a paragraph of at least twenty words (not in a list) whose text (whitespace normalised) already
appeared earlier in the post, naming the line of the first one. A post that repeats more than two paragraphs does so by
design (a summary followed by the full text, say) and is left alone.

## Why is this bad?
Copy-paste accidents and pipelines that retry a step leave duplicated paragraphs; readers
notice immediately.

## Example
```markdown
---
title: A post
---

The talks in Geneva ended late on Sunday without a joint statement, and both delegations flew home the next morning.

The talks in Geneva ended late on Sunday without a joint statement, and both delegations flew home the next morning.
```

## Use instead
```markdown
---
title: A post
---

The talks in Geneva ended late on Sunday without a joint statement, and both delegations flew home the next morning.
```

## Fix
None: decide which copy to keep.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.prose_view import MASK
from postlint.rule import NoOptions, Rule
from postlint.rules.prose._text import WORD

MIN_WORDS = 20


MAX_REPEATS = 2  # more repeated paragraphs than this is structure (summary + details), not a slip


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    findings = list(_repeats(doc))
    if len(findings) <= MAX_REPEATS:
        yield from findings


def _repeats(doc: Document) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    reported: set[str] = set()
    for block in doc.view.blocks:
        if block.kind != "paragraph" or block.in_list:
            continue
        text = doc.prose[block.start : block.end]
        if len(WORD.findall(text)) < MIN_WORDS:
            continue
        key = " ".join(text.replace(MASK, " ").split()).casefold()
        if key in seen and key not in reported:  # once per repeated text, not per copy
            reported.add(key)
            first_line = doc.source.lines.position(seen[key]).line
            yield Finding(
                block.start,
                block.end,
                f"this paragraph repeats the one on line {first_line}: delete one of them",
            )
        elif key not in seen:
            seen[key] = block.start


RULE = Rule(
    code="PR109",
    name="duplicate-paragraph",
    summary="A paragraph appears twice in the post",
    severity=Severity.WARNING,
    check=check,
)
