"""Anonymous reporting ("it has been reported", "sources say") with no named source.

## What it does
Finds sentences that attribute a claim to nobody in particular ("it has been reported", "it is
understood", "sources say", "reportedly", "critics say", "experts believe") and that name no
source in the same sentence: no capitalised name (other than the sentence's first word), no
"according to" a name, no acronym such as "BBC". Block quotes (someone else's words) and
lead-ins that `lede-splice` (PR101) already reports are left alone.

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
None: only the author knows the source; name it, or say why it cannot be named.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import re2

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.prose._text import prose_bytes, sentences
from postlint.rules.prose.lede_splice import document_splices

_ANONYMOUS = re.compile(
    r"(?=[IiSsCcEeOoRr])\b(?:[Ii]t\s+(?:has|had)\s+(?:\w+ly\s+)?been\s+(?:\w+ly\s+)?"
    r"(?:reported|claimed|alleged|rumou?red)"
    r"|[Ii]t\s+is\s+(?:\w+ly\s+)?(?:reported|understood|claimed|alleged|rumou?red)"
    r"|(?:[Ss]ources|[Ii]nsiders|[Cc]ritics|[Ee]xperts|[Oo]bservers|[Rr]eports)"
    r"(?:\s+close\s+to\s+the\s+\w+)?\s+(?:say|said|claim|claimed|suggest|suggested)"
    r"|[Rr]eportedly)\b"
)
# Every phrase above contains one of these.
_NEEDLES = (
    "eported",
    "nderstood",
    "laimed",
    "lleged",
    "umoured",
    "umored",
    "ources",
    "nsiders",
    "ritics",
    "xperts",
    "bservers",
    "eports",
)
# For RE2 on the UTF-8 prose: a blank or a word character of Python's ``re`` is an ASCII one
# of these classes or any character outside ASCII.
_ANY_BLANKS = r"(?:[\t-\r\x1c-\x1f ]|[^\x00-\x7f])+"
_ANY_WORD = r"(?:\w|[^\x00-\x7f])+"


@cache
def _gate() -> re2._Regexp:
    r"""``_ANONYMOUS`` for RE2, run once on the prose: a superset of it.

    Why a superset: its word boundaries and look-ahead are dropped, and each ``\s`` and ``\w``
    run becomes a run of a class that holds every character Python's Unicode class does.
    """
    pattern = _ANONYMOUS.pattern.removeprefix(r"(?=[IiSsCcEeOoRr])\b(?:").removesuffix(r")\b")
    pattern = pattern.replace(r"\s+", "{S}").replace(r"\w+", "{W}")
    return re2.compile(pattern.replace("{S}", _ANY_BLANKS).replace("{W}", _ANY_WORD))


# A capitalised word (a person, a place, an organisation) or an acronym.
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")
_NOT_SOURCES = frozenset(
    [
        "I",
        "I'm",
        "I’m",
        "I've",
        "I’ve",
        "I'd",
        "I’d",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
_FIRST_WORD = re.compile(r"[\W_]*\w+")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?[A-Z]")


def _names_a_source(sentence: str, claim: re.Match[str]) -> bool:
    """A name anywhere in the sentence except its first word and the claim itself."""
    if _ACCORDING_TO.search(sentence):
        return True
    first = _FIRST_WORD.match(sentence)
    skip_to = first.end() if first else 0
    for word in _CAPITALISED.finditer(sentence, skip_to):
        if claim.start() <= word.start() < claim.end():
            continue
        if word.group(0).rstrip(".") not in _NOT_SOURCES:
            return True
    return False


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    prose = doc.prose
    if not any(needle in prose for needle in _NEEDLES):
        return  # most posts: a few fast substring tests instead of a regex scan
    if _gate().search(prose_bytes(doc)) is None:
        return  # nearly all the rest: one pass in C
    spliced = {start for start, _ in document_splices(doc)}
    for block in doc.blocks:
        if block.kind != "paragraph" or block.in_blockquote:
            continue
        if _ANONYMOUS.search(prose, block.start, block.end) is None:
            continue
        for sentence in sentences(prose, block.start, block.end):
            claim = _ANONYMOUS.search(sentence.text)
            if claim is None or sentence.start + claim.start() in spliced:
                continue
            if _names_a_source(sentence.text, claim):
                continue
            yield Finding(
                sentence.start + claim.start(),
                sentence.start + claim.end(),
                f"'{claim.group(0)}' attributes the claim to nobody: name the source "
                "(or say why it cannot be named)",
            )


RULE = Rule(
    code="PR103",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="unattributed-claim",
    summary="A claim is attributed to unnamed sources",
    severity=Severity.WARNING,
    check=check,
)
