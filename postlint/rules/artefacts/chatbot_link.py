"""A link copied from a chat assistant's answer, still carrying the assistant's tracking tag.

## What it does
Finds a URL whose query says it was copied from a chat assistant's answer:
`utm_source=chatgpt.com`, `utm_source=openai`, `utm_source=perplexity`,
`utm_source=copilot.com` (any letter case), in link targets, bare URLs, reference
definitions, HTML and front-matter values. Code is not read, nor the tag written about
outside a URL.

## Why is this bad?
The principle: a source the writer cited was opened and read, so a link that still carries the
assistant's referral tag was copied from the assistant's answer, with the claim it supports;
both need checking. The tag also misattributes the site's traffic.

## Example
```markdown
---
title: Rates rise again
---

The bank raised rates ([Reuters](https://www.reuters.com/markets/rates?utm_source=chatgpt.com)).
```

## Use instead
```markdown
---
title: Rates rise again
---

The bank raised rates ([Reuters](https://www.reuters.com/markets/rates)).
```

## Fix
Unsafe (`--unsafe-fixes`): removes the `utm_source` parameter from the URL, keeping every other
parameter and the fragment. It is unsafe because it changes a URL (and because the page
still needs checking against the claim).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, NoOptions, Rule

_SOURCES = r"(?:chatgpt\.com|chat\.openai\.com|openai(?:\.com)?|perplexity(?:\.ai)?|copilot\.(?:com|microsoft\.com))"
_PARAMETER = re.compile(rf"(?i)([?&])utm_source={_SOURCES}(?=[&#)\]\s\"'>]|$)(&?)")
_URL_START = re.compile(r"(?i)(?:https?://|www\.)[^\s()<>\"'\[\]]{0,2000}$")


def _code_spans(doc: Document) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in doc.blocks if b.kind == "code"]


def _block_start(doc: Document, at: int) -> int:
    for block in doc.blocks:
        if block.start <= at <= block.end:
            return block.start
    return doc.text.rfind("\n", 0, at) + 1


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    text = doc.text
    if "utm_source=" not in text.lower():
        return
    code = _code_spans(doc)
    for match in _PARAMETER.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in code):
            continue
        url = _URL_START.search(text, max(0, start - 2000), start)
        if url is None:
            continue  # "utm_source=chatgpt.com" written about, not a link
        floor = _block_start(doc, start) if start >= doc.body_start else 0
        if text.count("`", floor, url.start()) % 2 == 1:
            continue
        separator, following = match.group(1), match.group(2)
        if separator == "?" and following:
            edit = Edit(start + 1, end, "")  # "?utm_source=x&a=1" -> "?a=1"
        else:
            edit = Edit(start, end - len(following), "")
        tag = text[start + 1 : end - len(following)]
        yield Finding(
            start + 1,
            end - len(following),
            f"'{tag}': this link was copied from a chat assistant's answer; check that the page "
            "says what the post claims, and remove the tag",
            fix=Fix((edit,), safe=False, message=f"Remove '{tag}'"),
        )


RULE = Rule(
    code="AI107",
    name="chatbot-link",
    summary="A link still carries a chat assistant's referral tag (utm_source=chatgpt.com)",
    severity=Severity.WARNING,
    check=check,
    fix=FixAvailability.UNSAFE,
)
