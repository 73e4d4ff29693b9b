"""A sentence longer than the limit (40 words by default).

## What it does
Counts the words of each sentence in body paragraphs (code and URLs are not words) and reports
sentences longer than `max-words`.

## Why is this bad?
Long sentences are harder to read, especially on phones; most style guides aim for an average
of 15 to 20 words and rarely more than 40.

## Example
```markdown
---
title: A post
---

Given the gulf that exists between the two sides on so many key issues including territory and membership and who should pay for the reconstruction and how those involved in war crimes will be held accountable it is hard to see all the pieces falling into place.
```

## Use instead
```markdown
---
title: A post
---

The two sides disagree on many key issues. It is hard to see the pieces falling into place.
```

## Fix
None: split the sentence by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.rule import Rule
from postlint.rules.prose._text import WORD, sentences


@dataclass(frozen=True)
class Options:
    max_words: int = 40

    def __post_init__(self) -> None:
        if not isinstance(self.max_words, int) or self.max_words < 1:
            raise ValueError("max-words must be a whole number of at least 1")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    prose = doc.prose
    for block in doc.view.blocks:
        if block.kind != "paragraph":
            continue
        for sentence in sentences(prose, block.start, block.end):
            count = len(WORD.findall(sentence.text))
            if count > options.max_words:
                text = sentence.text.rstrip()
                yield Finding(
                    sentence.start,
                    sentence.start + len(text),
                    f"sentence of {count} words (limit {options.max_words}): split it",
                )


RULE = Rule(
    code="PR114",
    name="sentence-length",
    summary="A sentence is longer than the limit",
    severity=Severity.INFO,
    check=check,
    options=Options,
)
