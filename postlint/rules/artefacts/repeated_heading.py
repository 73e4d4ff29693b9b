"""The same section heading twice among sibling sections.

## What it does
Reports a heading whose text (letter case, emphasis and end punctuation aside) repeats an
earlier heading of the same level in the same parent section: two `## Conclusion` headings
with no higher heading between them. The same heading under different parents is structure
and is not reported (`### Usage` under each `## Function`), nor is a heading that only
captions the code block under it (`#### YAML` over each sample). Headings that differ in their
code (`` ### `async fn` in traits `` and `` ### `impl Trait` in traits ``) differ.

## Why is this bad?
The principle: sibling sections exist to say different things, so two with the same name mean
a section was pasted twice or a generator wrote its outline twice; readers meet the same
section again, and anchors (`#conclusion`, `#conclusion-1`) become ambiguous.

## Example
```markdown
---
title: A guide to the city
---

## Getting there

By train.

## Conclusion

Visit in spring.

## Conclusion

Visit in spring or autumn.
```

## Use instead
```markdown
---
title: A guide to the city
---

## Getting there

By train.

## Conclusion

Visit in spring or autumn.
```

## Fix
None: decide which section to keep, or rename one of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.artefacts._headings import heading, normalise


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    text = doc.text  # not the prose view: headings that differ only in code differ
    seen: dict[int, dict[str, int]] = {}  # level -> heading text -> offset of its first copy
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        if block.kind != "heading" or block.start < doc.body_start or block.in_blockquote:
            continue
        parsed = heading(text, block.start, block.end)
        if parsed is None:
            continue
        level, content = parsed
        for deeper in [lvl for lvl in seen if lvl > level]:
            del seen[deeper]  # a new parent section: its children start afresh
        key = normalise(content)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if not key or (following is not None and following.kind == "code"):
            continue  # a caption over a code sample ("#### YAML"), not a section
        siblings = seen.setdefault(level, {})
        if key in siblings:
            line = doc.source.lines.position(siblings[key]).line
            yield Finding(
                block.start,
                block.end,
                f"this heading repeats the one on line {line} in the same section: merge the "
                "sections, delete one, or rename it",
            )
        else:
            siblings[key] = block.start


RULE = Rule(
    code="AI109",
    name="repeated-heading",
    summary="A section heading is repeated among its sibling sections",
    severity=Severity.WARNING,
    check=check,
)
