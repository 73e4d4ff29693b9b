"""The post's title repeated as its first heading, where the layout already prints it.

## What it does
The defect: the body starts with a level-one heading that says the same as the front-matter
`title`, so the page shows the headline twice (themes print the title above the body). It is
certain when the first block of the body is a `#` heading whose words equal the title's
(ignoring case, punctuation and markup). A first heading that differs from the title is a
subtitle and is left alone, and so is a post without a `title`.

Off by default: whether the layout prints the title is a fact about the site's theme that
postlint cannot see (the Rust blog, for one, writes the title as the first heading in 40 posts
on purpose), and reported as info when on. Turn it on with `extend-select = ["PR121"]` where
the layout prints it.

## Why is this bad?
Readers see the headline twice; the page has two `<h1>` elements, which confuses screen
readers and search engines.

## Example
```markdown
---
title: Where peace stands in Ukraine
---

# Where peace stands in Ukraine

Text.
```

## Use instead
```markdown
---
title: Where peace stands in Ukraine
---

Text.
```

## Fix
None: delete the heading if the layout prints the title (the usual case), or drop `title`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule

_WORD = re.compile(r"[^\W_]+")
_H1 = re.compile(r"[ \t]{0,3}#[ \t]+")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    title = doc.data.get("title")
    if not isinstance(title, str) or not _words(title):
        return
    blocks = [b for b in doc.view.blocks if b.start >= doc.body_start]
    if not blocks or blocks[0].kind != "heading":
        return
    first = blocks[0]
    heading = _H1.match(doc.text, first.start, first.end)
    if heading is not None and _words(doc.prose[heading.end() : first.end]) == _words(title):
        yield Finding(
            first.start,
            first.end,
            "the first heading repeats the title, which the layout prints already: delete it",
        )


RULE = Rule(
    code="PR121",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="title-repeated",
    summary="The first heading repeats the post's title",
    severity=Severity.INFO,  # certain only where the layout prints the title
    check=check,
    enabled_by_default=False,  # whether the layout prints the title is the site's business
)
