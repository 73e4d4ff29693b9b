"""The post ends in the middle of a sentence.

## What it does
Looks at the last block of the body. When it is a plain paragraph (not a list, heading, table,
block quote, code or HTML) whose last sentence has at least `min-words` words (6 by default)
and stops without terminal punctuation (`.` `!` `?` `…` or a colon, possibly followed by a
closing quotation mark, bracket or emphasis), in the middle of a lower-case word, a comma or
a dash, the post looks cut off.

Professional posts end in many other ways, which are left alone: a link, image, code or HTML
at the very end (masked text), a sign-off or credit (`— Name`, an italic line, a name, an
emoji), a closing list of names after a colon, a contact address spelled out against spam
harvesters ("write to jane (at) example (dot) gov"), and a post whose closing paragraphs are
all label lines without punctuation ("**Fee**: none").

## Why is this bad?
Truncation is a classic failure of scrapers, copy-paste and length limits in pipelines; the
reader is left hanging mid-sentence.

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

The talks will resume next week, when both delegations return to Geneva for what officials
call the last round.

_Thanks to everyone who reviewed this post_
```

## Fix
None: only the author knows how the sentence ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.prose_view import MASK, Block
from postlint.core.rule import Rule, require_count
from postlint.rules.prose._text import WORD


@dataclass(frozen=True)
class Options:
    min_words: int = 6

    def __post_init__(self) -> None:
        require_count(self, "min_words")


# A finished ending: terminal punctuation, then closing quotes, brackets or emphasis.
@cache
def _finished() -> re.Pattern[str]:
    return re.compile(r"[.!?…:][\"'”’)\]*_]*\Z")


# Where the last sentence starts: after the last terminal punctuation (or a line's label colon).
@cache
def _sentence_break() -> re.Pattern[str]:
    return re.compile(r"[.!?…:][\"'”’)\]*_]*\s")


# A cut-off ending: a lower-case word (not part of an address or a path), a comma, a dash.
@cache
def _cut_off() -> re.Pattern[str]:
    return re.compile(r"(?:(?<![\w@./:#-])[a-z][a-z'’]*|[,;(—–-])\Z")


# Credit and sign-off lines: italics, an attribution dash, a footnote.
@cache
def _credit() -> re.Pattern[str]:
    return re.compile(r"\A\s*(?:[*_]|[—–]|--\s|-\s|\[\^)")


@cache
def _list_of_names() -> re.Pattern[str]:
    return re.compile(r":[^:]*,[^:]*,[^:]*\Z")


_ADDRESS_LOOK = 120


# An address spelled out against spam harvesters: "jane (at) example (dot) gov".
@cache
def _spelled_address() -> re.Pattern[str]:
    return re.compile(r"(?i:[(\[{<]\s*(?:at|dot)\s*[)\]}>]|\s(?:at|dot)\s+\w+\s+dot\s)")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    blocks = [b for b in doc.view.blocks if b.start >= doc.body_start]
    if not blocks or not _is_plain_paragraph(blocks[-1]):
        return
    last = blocks[-1]
    text = doc.prose[last.start : last.end].rstrip()
    if not text or text.endswith(MASK) or _finished().search(text) or not _cut_off().search(text):
        return
    if _credit().match(text) or _list_of_names().search(text):
        return
    if _spelled_address().search(text, max(0, len(text) - _ADDRESS_LOOK)):
        return  # the post ends with a contact address, not a cut sentence
    breaks = list(_sentence_break().finditer(text))
    sentence = text[breaks[-1].end() :] if breaks else text
    if len(WORD.findall(sentence)) < options.min_words:
        return
    if len(blocks) > 1 and _is_plain_paragraph(blocks[-2]) and _unfinished(doc, blocks[-2]):
        return  # the closing paragraphs are label lines, not sentences
    end = last.start + len(text)
    tail = WORD.findall(sentence)[-3:]
    yield Finding(
        end - 1,
        end,
        f"the post ends mid-sentence ('… {' '.join(tail)}'): finish the sentence, or check "
        "the source for text lost in an import or a length limit",
    )


def _is_plain_paragraph(block: Block) -> bool:
    return block.kind == "paragraph" and not block.in_list and not block.in_blockquote


def _unfinished(doc: Document, block: Block) -> bool:
    text = doc.prose[block.start : block.end].rstrip()
    return not text.endswith(MASK) and _finished().search(text) is None


RULE = Rule(
    code="PR110",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="truncated-ending",
    summary="The post ends in the middle of a sentence",
    severity=Severity.WARNING,
    check=check,
    options=Options,
)
