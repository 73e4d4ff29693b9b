"""The same word twice in a row: "the the".

## What it does
Finds a word written twice in a row, ignoring case, also across a line break (LF or CRLF, and
block-quote markers on the next line), but never across a paragraph break and never across
masked text: in "the `x` the" the code stands between the two words.

Repetitions that are usually meant are left alone: "had had", "that that" and "her her",
names written twice with capitals ("Walla Walla", "Bora Bora"), numbers, doubled
interjections and intensifiers ("bye bye", "ha ha", "very very", "many many"), a word written
three or more times in a row ("done done done"), and a doubled word quoted or emphasised as a
phrase of its own (“done done”, *no no*).

## Why is this bad?
Readers' eyes skip the second word (a "lexical illusion"), so it survives proofreading; on the
page it looks careless.

## Example
```markdown
---
title: A post
---

It was the the best of times, and we wanted to
to share it.
```

## Use instead
```markdown
---
title: A post
---

It was the best of times, and we wanted to
share it. He had had enough, and the team called it “done done”.
```

## Fix safety
Safe: a word written twice in a row, outside the repetitions that are meant (above), is an
unambiguous typo. The fix deletes the second word and the whitespace before it (a line break
between the two goes with it, so the line is joined); the first word, with its case, stays.
Inside a quotation, a block quote, a name or an identifier the words are someone else's or
not words at all: the diagnostic stays, with no fix.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.protect import Protected
from postlint.rule import FixAvailability, NoOptions, Rule

# A word (letters first, so numbers are never words here), then blanks with at most one line
# break (and the next line's block-quote markers), then the same word again.
_REPEAT = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’]*)"
    r"([ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t>]*)"
    r"(\1)(?![\w'’-])",
    re.IGNORECASE,
)
_BLANKS = r"(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t>]*)"
_NEXT_WORD = re.compile(_BLANKS + r"([^\W\d_][\w'’]*)(?![\w'’-])")
_LAST_WORD = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’]*)" + _BLANKS + r"\Z")
# Doubled on purpose: grammar ("had had", "that that"), interjections and intensifiers.
ALLOWED = frozenset(
    {
        "had", "that", "is", "do", "her",
        "bye", "no", "yes", "yada", "ha", "haha", "ho", "ah", "oh", "aha", "tsk", "tut",
        "knock", "choo", "blah", "bla", "la", "boo", "hip", "hush", "chop", "hey", "well",
        "so", "very", "many", "really", "much", "far", "more", "again", "bang", "beep",
    }
)  # fmt: skip
_QUOTE_OPEN = frozenset("\"“‘'*_")
_QUOTE_CLOSE = frozenset("\"”’'*_")
_PUNCTUATION = frozenset(".,;:!?")


def _is_run(prose: str, match: re.Match[str]) -> bool:
    """The word is written a third time, before or after the pair: meant, not a slip."""
    word = match.group(1).casefold()
    following = _NEXT_WORD.match(prose, match.end())
    if following is not None and following.group(1).casefold() == word:
        return True
    head = prose[max(0, match.start() - len(match.group(0))) : match.start()]
    preceding = _LAST_WORD.search(head)
    return preceding is not None and preceding.group(1).casefold() == word


def _is_quoted_phrase(prose: str, match: re.Match[str]) -> bool:
    """“done done”: the doubled word is the whole quoted or emphasised phrase."""
    before = prose[match.start() - 1] if match.start() else " "
    after = prose[match.end() : match.end() + 2]
    if after[:1] in _PUNCTUATION:
        after = after[1:]  # “done done.” quotes the phrase too
    return before in _QUOTE_OPEN and after[:1] in _QUOTE_CLOSE


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    prose = doc.prose
    blocks = doc.view.prose_blocks()
    starts = [b.start for b in blocks]
    protected = Protected(doc)
    for match in _REPEAT.finditer(prose, doc.body_start):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0 or match.end() > blocks[index].end:
            continue  # outside paragraphs and headings, or across a block boundary
        word = match.group(1)
        if (
            word.casefold() in ALLOWED
            or (word[:1].isupper() and match.group(3)[:1].isupper())  # Walla Walla, Bora Bora
            or _is_quoted_phrase(prose, match)
            or _is_run(prose, match)
        ):
            continue
        second = match.group(3)
        fix = None
        if protected.reason(match.start(1), match.end(3)) is None:
            edit = Edit(match.end(1), match.end(3), "")
            fix = Fix((edit,), safe=True, message=f"Delete the repeated '{second}'")
        yield Finding(
            match.start(1),
            match.end(3),
            f"'{word}' is written twice in a row: delete the second '{second}'",
            fix=fix,
        )


RULE = Rule(
    code="PR108",
    name="repeated-word",
    summary="A word is repeated: 'the the'",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.SOMETIMES,
)
