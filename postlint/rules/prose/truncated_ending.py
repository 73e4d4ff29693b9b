"""The post ends in the middle of a sentence.

## What it does
Looks at the last block of the body: when it is a paragraph of at least ten words (not a list,
heading, table, code, HTML, quotation or an italic credit line) that ends in a lower-case word
with no terminal punctuation, the post looks cut off. Endings with a name, a link, an emoji or
a signature are left alone.

## Why is this bad?
Truncation is a classic failure of scrapers and of length limits in pipelines; the reader is
left hanging mid-sentence.

## Example
```markdown
---
title: A post
---

The talks will resume next week, when both delegations return to Geneva for what officials
```

## Use instead
```markdown
---
title: A post
---

The talks will resume next week, when both delegations return to Geneva.
```

## Fix
None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.prose_view import MASK
from postlint.rule import NoOptions, Rule
from postlint.rules.prose._text import WORD

MIN_WORDS = 10
# A cut-off sentence ends in a lower-case word: not a name, a signature, an emoji, a link or
# an italic credit line, which professional posts often end with.
_CUT_OFF = re.compile(r"(?<![\w@./:-])[a-z][a-z'’-]*[,;]?\s*$")
_CREDIT = re.compile(r"^\s*(?:[*_]|[—–-]\s|\[\^)")


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    body_blocks = [b for b in doc.view.blocks if b.start >= doc.body_start]
    if not body_blocks:
        return
    last = body_blocks[-1]
    if last.kind != "paragraph" or last.in_list or last.in_blockquote:
        return
    text = doc.prose[last.start : last.end].rstrip()
    if len(WORD.findall(text)) < MIN_WORDS or _CREDIT.match(text) or MASK in text[-3:]:
        return
    if _CUT_OFF.search(text) is None:
        return
    end = last.start + len(text)
    yield Finding(
        max(last.start, end - 1),
        end,
        "the post ends mid-sentence: finish the sentence or check the import for truncation",
    )


RULE = Rule(
    code="PR110",
    name="truncated-ending",
    summary="The post ends in the middle of a sentence",
    severity=Severity.WARNING,
    check=check,
)
