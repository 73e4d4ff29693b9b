"""Anonymous reporting ("it has been reported", "sources say") with no named source.

## What it does
Finds sentences that attribute a claim to nobody in particular ("it has been reported",
"it is understood", "sources say", "reportedly", "critics say", "experts believe") and that
name no source: no "according to" a name, no name of a person or organisation (two capitalised
words, or a capitalised word after "said", "says", "told" or "by").

## Why is this bad?
Readers cannot judge a claim without knowing who makes it. Newsroom style guides ask for a
named source, or for the reason a source cannot be named.

## Example
```markdown
---
title: A post
---

It is understood that the talks have stalled.
```

## Use instead
```markdown
---
title: A post
---

The talks have stalled, according to Kremlin aide Yuri Ushakov.
```

## Fix
None: name the source or explain why it cannot be named.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.rule import NoOptions, Rule
from postlint.rules.prose._text import sentences
from postlint.rules.prose.lede_splice import splices

_ANONYMOUS = re.compile(
    r"\b(?:[Ii]t\s+(?:has|had)\s+been\s+(?:\w+ly\s+)?(?:reported|claimed|alleged|rumou?red)"
    r"|[Ii]t\s+is\s+(?:\w+ly\s+)?(?:reported|understood|claimed|alleged|rumou?red|believed)"
    r"|(?:[Ss]ources|[Ii]nsiders|[Cc]ritics|[Ee]xperts|[Oo]bservers)\s+(?:close\s+to\s+\w+\s+)?(?:say|said|claim|claimed|believe|believed|suggest|suggested)"
    r"|[Rr]eportedly"
    r"|[Ss]ome\s+(?:say|said|claim|claimed|believe))\b"
)
_NAMED = re.compile(
    r"\baccording\s+to\s+(?:the\s+)?[A-Z]"
    r"|\b[A-Z][\w'’.-]+\s+(?:[A-Z][\w'’.-]+)"
    r"|\b(?:said|says|told|by|from|at|of)\s+(?:the\s+)?[A-Z][\w'’-]+"
    r"|\b[A-Z]{2,}\b"
)


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    prose = doc.prose
    spliced = {start for start, _ in splices(prose)}  # lede-splice reports those
    for block in doc.view.blocks:
        if block.kind != "paragraph":
            continue
        for sentence in sentences(prose, block.start, block.end):
            claim = _ANONYMOUS.search(sentence.text)
            if claim is None or sentence.start + claim.start() in spliced:
                continue
            rest = sentence.text[: claim.start()] + " " + sentence.text[claim.end() :]
            if _NAMED.search(rest) or '"' in sentence.text or "“" in sentence.text:
                continue
            start = sentence.start + claim.start()
            yield Finding(
                start,
                sentence.start + claim.end(),
                f"'{claim.group(0)}' attributes the claim to nobody: name the source",
            )


RULE = Rule(
    code="PR103",
    name="unattributed-claim",
    summary="A claim is attributed to unnamed sources",
    severity=Severity.WARNING,
    check=check,
)
