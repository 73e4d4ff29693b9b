"""A closing curly quote where a quotation opens: ”Hello,” she said.

## What it does
The defect: a quotation opens with a closing mark (” or ’) instead of an opening one (“ or
‘), from a typographer or an editor that guessed the direction wrong. A mark opens a
quotation when it stands at the start of the text or after a space, an opening bracket or a
dash, and a letter or digit follows it; the closing mark faces the text before it, so there it
is certain to be the wrong one. For ”, that is enough (an inch mark follows a digit: `13”
MacBook`). For ’ the same place also holds an apostrophe that elides a word's start (’tis,
’em, ’90s, rock ’n’ roll), so ’ is reported only when a closing ’ ends the quotation later in
the same paragraph and the word after the mark is not a known elision.

A ” after an opening “ that has not closed yet is that quotation's closing mark, however it is
spaced. Code, link targets and HTML are not read (masked); front-matter text fields are read. A post
whose front matter gives a language other than English (`lang`, `language`: Swedish and
Finnish quote with ” on both sides) is not read.

## Why is this bad?
The quotation looks wrong on the page (the mark faces away from the words it quotes), and the
slip is hard to see in the source.

## Example
```markdown
---
title: A post
---

”We are close,” the mayor said, and ’final’ was the word.
```

## Use instead
```markdown
---
title: A post
---

“We are close,” the mayor said, and ‘final’ was the word.
```

## Fix safety
Unsafe (`--unsafe-fixes`): replaces the mark with its opening twin. The direction of a quote
mark is a guess about the author's intent (an elision the rule does not know reads the same),
so it is never applied without asking.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.rule import FixAvailability, NoOptions, Rule

_OPENERS = {"”": "“", "’": "‘"}
# Before an opening quote: the start, a space, an opening bracket or a dash.
_BEFORE = frozenset(" \t\r\n([{—–-/")
# Words whose first letters an apostrophe stands for (’tis, ’em, rock ’n’ roll).
_ELISIONS = frozenset(
    {
        "tis", "twas", "twill", "twere", "em", "n", "cause", "cos", "coz", "til", "till",
        "bout", "round", "neath", "gainst", "specially", "scuse", "fraid", "kay", "nuff",
        "ello", "appen", "ave", "er", "im",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
# A closing ’ after a word (or its punctuation) and before a space, punctuation or the end.
_SINGLE_CLOSE = re.compile(r"(?<=[^\W_]|[.,!?])’(?![^\W_])")
_NOT_ENGLISH = re.compile(r"(?i)^(?!en\b)[a-z]{2,3}\b")


def _opens(text: str, at: int, floor: int, end: int) -> bool:
    if at > floor and text[at - 1] not in _BEFORE:
        return False
    return at + 1 < end and text[at + 1].isalnum()


def _quote_closes(text: str, at: int, end: int) -> bool:
    """Whether a closing ’ ends a quotation that the ’ at ``at`` would open."""
    word = _WORD.match(text, at + 1, end)
    if word is None or word.group(0).lower() in _ELISIONS:
        return False
    if text[word.end() : word.end() + 1] == "’" and text[word.end() + 1 : word.end() + 2].isalpha():
        return False  # ’n’roll-like runs: an elision, not a quotation
    return _SINGLE_CLOSE.search(text, word.end(), end) is not None


_MARKS = re.compile("[“”’]")


def _findings(text: str, start: int, end: int) -> Iterator[Finding]:
    open_double = False  # a “ waits for its ”: a spaced ” after it closes, it does not open
    for match in _MARKS.finditer(text, start, end):
        at, mark = match.start(), match.group(0)
        if mark == "“":
            open_double = True
            continue
        if mark == "”" and open_double:
            open_double = False
            continue
        if not _opens(text, at, start, end):
            continue
        if mark == "’" and not _quote_closes(text, at, end):
            continue
        opener = _OPENERS[mark]
        yield Finding(
            at,
            at + 1,
            f"'{mark}' is a closing quotation mark where the quotation opens: use '{opener}'",
            fix=Fix((Edit(at, at + 1, opener),), safe=False, message=f"Replace with '{opener}'"),
        )


def _english(doc: Document) -> bool:
    for key in ("lang", "language", "locale"):
        value = doc.data.get(key)
        if isinstance(value, str) and _NOT_ENGLISH.match(value.strip()):
            return False
    return True


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    if "”" not in doc.text and "’" not in doc.text:
        return
    if not _english(doc):
        return
    prose = doc.prose
    for block in doc.view.prose_blocks():
        if block.end > doc.body_start:
            yield from _findings(prose, block.start, block.end)
    for field in doc.text_fields:
        yield from _findings(doc.text, field.start, field.end)


RULE = Rule(
    code="PR123",
    name="closing-quote-opener",
    summary="A closing curly quote opens a quotation",
    severity=Severity.WARNING,
    check=check,
    fix=FixAvailability.UNSAFE,
)
