"""Two determiners in a row that no sentence can hold: "an the", "a the", "the their".

## What it does
The defect: an edit replaced one determiner with another and left both. It is certain when an
article ("a", "an", "the") is followed directly by another article or a possessive
determiner ("a the", "the a", "an the", "the their", "a our", "the my"), within one
paragraph or heading: English never puts two of these together. A capitalised second word
("the A team", "a The Hague deal") is a name and is left alone, and so is code; "the the" is
repeated-word's (PR108).

## Why is this bad?
Readers stumble on it at once; it is the mark of a rewrite done in a hurry.

## Example
```markdown
---
title: A post
---

He gave the their report on Monday.
```

## Use instead
```markdown
---
title: A post
---

He gave their report on Monday.
```

## Fix
None: only the author knows which of the two words was meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import re2

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule

# Linear: a fixed alternation of short words with one run of blanks between them. The same as
# ``(?<![\w'’.-])(?i:(a|an|the))[ \t]+(a|an|...)(?![\w'’.-])``, written to start with one of
# four letters (the look-behind checks the character before the one read), so the regex engine
# skips to those letters in C instead of trying the pattern at every character.
_PAIR = re.compile(
    r"[AaTt](?<![\w'’.-][AaTt])(?:(?<=[Aa])[Nn]?|(?<=[Tt])[Hh][Ee])"
    r"(?P<gap>[ \t]+)(a|an|the|their|our|my|your|his|its)(?![\w'’.-])"
)


_NOT_WORD_END = r"[^0-9A-Za-z_'’.\-]"


@cache
def _gate() -> re2._Regexp:
    """``_PAIR`` without its Unicode look-arounds, for RE2: a superset, run once on the body.

    Why a superset: each look-around of ``_PAIR`` rejects a Unicode word character or one of
    ``'’.-``; the class here rejects only the ASCII ones (and ``^``/``$`` stand for the edges
    of the body, where a block's edge is a line break or the body's own edge), so every match
    of ``_PAIR`` in a block is a match here.
    """
    return re2.compile(
        rf"(?:^|{_NOT_WORD_END})(?:[Aa][Nn]?|[Tt][Hh][Ee])[ \t]+"
        rf"(?:a|an|the|their|our|my|your|his|its)(?:{_NOT_WORD_END}|$)"
    )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    prose, body_start = doc.prose, doc.body_start
    if _gate().search(prose[body_start:].encode()) is None:
        return  # nearly every post: no determiner follows another (one pass in C)
    for block in doc.view.prose_blocks():
        if block.end <= body_start:
            continue
        for match in _PAIR.finditer(prose, block.start, block.end):
            first, second = prose[match.start() : match.start("gap")], match.group(2)
            if first.lower() == second or (first.lower(), second) in (("a", "an"), ("an", "a")):
                continue  # "the the", "a a": repeated-word; "a an" is a slip PR108 cannot see
            yield Finding(
                match.start(),
                match.end(),
                f"'{first} {second}': two determiners in a row; delete the one that does not "
                "belong",
            )


RULE = Rule(
    code="PR115",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="article-pair",
    summary="Two determiners in a row: 'a the', 'the their'",
    severity=Severity.ERROR,
    check=check,
)
