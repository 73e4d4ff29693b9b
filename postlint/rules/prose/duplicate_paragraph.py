"""The same paragraph twice in one post, close together.

## What it does
Reports a paragraph of at least `min-words` words (8 by default) whose text, with whitespace
normalised, already appeared a few blocks earlier (at most `max-distance` blocks, 5 by
default) in the same section, and names the line of the first copy.

A copy-paste slip or a pipeline that retried a step leaves the copies next to each other.
Repeats that are structure are left alone: copies far apart (a summary at the top repeated in
the details, a call to action at the start and at the end), copies with a heading or an HTML
block between them (the same note under each section, an update quoted in HTML), and list
items (the same sub-item under several items).

## Why is this bad?
Readers notice a repeated paragraph at once and stop trusting the rest of the post.

## Example
```markdown
---
title: A post
---

The talks in Geneva ended late on Sunday without a joint statement from either side.

The talks in Geneva ended late on Sunday without a joint statement from either side.
```

## Use instead
```markdown
---
title: A post
---

The talks in Geneva ended late on Sunday without a joint statement from either side.

Both delegations flew home on Monday morning.
```

## Fix
None: decide which copy to keep (or whether the repeat is meant, and then say so with a
suppression comment).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.rule import Rule, require_count
from postlint.rules.prose._text import WORD


@dataclass(frozen=True)
class Options:
    min_words: int = 8
    max_distance: int = 5

    def __post_init__(self) -> None:
        require_count(self, "min_words", "max_distance")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    blocks = [b for b in doc.view.blocks if b.start >= doc.body_start]
    seen: dict[str, tuple[int, int]] = {}  # normalised text -> (block index, offset), last copy
    fence = -1  # index of the last heading or HTML block: copies on both sides are sections
    for index, block in enumerate(blocks):
        if block.kind in ("heading", "html"):
            fence = index
        if block.kind != "paragraph" or block.in_list:
            continue
        if len(WORD.findall(doc.prose, block.start, block.end)) < options.min_words:
            continue
        key = " ".join(doc.text[block.start : block.end].split())
        earlier = seen.get(key)
        seen[key] = (index, block.start)
        if earlier is None or earlier[0] < fence or index - earlier[0] > options.max_distance:
            continue
        first_line = doc.source.lines.position(earlier[1]).line
        yield Finding(
            block.start,
            block.end,
            f"this paragraph repeats the one on line {first_line}: delete one of the copies",
        )


RULE = Rule(
    code="PR109",
    name="duplicate-paragraph",
    summary="A paragraph appears twice in the post",
    severity=Severity.WARNING,
    check=check,
    options=Options,
)
