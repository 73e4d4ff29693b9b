"""The same paragraph twice in one post.

## What it does
The defect: a paragraph reached the reader twice, from a copy-paste slip or a pipeline step
that ran twice. It is certain when two paragraphs anywhere in the post have the same words
(compared case-insensitively, with markup, link targets, punctuation and whitespace ignored),
are long enough to be meaningful (at least `min-words` words, 10 by default), and the text is
not a line the post uses as boilerplate. Reports the second copy and names the line of the
first.

List items and table cells are never compared (the same sub-item under several items), nor is a
copy quoted beside one that is not (a pull quote repeats the post's own words), nor two
quotations apart (the post cites the same words twice). Two copies next to each other are
always reported. Copies apart are not reported when the repeat is structure: the same short
lead-in (one sentence of at most 16 words that ends in a colon or points forward: "the
following", "below", "like this") before two blocks it introduces (code, a table, math, a list
or embedded HTML: "Run the following command:" before two different commands); a paragraph that
occurs three or more times (a refrain under each section is the site's template); and, in a
post that repeats three or more paragraphs, copies in different sections (a status report that
gives a summary first and repeats it in the details). Curly and straight apostrophes count as
the same character.

## Why is this bad?
Readers notice a repeated paragraph at once and stop trusting the rest of the post.

## Example
```markdown
---
title: A post
---

The talks in Geneva ended late on Sunday without a joint statement from either side.

Both delegations flew home on Monday morning.

The talks in Geneva ended late on Sunday without a joint statement from either side.
```

## Use instead
```markdown
---
title: A post
---

The talks in Geneva ended late on Sunday without a joint statement from either side.

Both delegations flew home on Monday morning.
```

## Fix
None: decide which copy to keep (or whether the repeat is meant, and then say so with a
suppression comment).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.prose_view import MASK, Block
from postlint.core.rule import Rule, require_count
from postlint.rules.prose._text import WORD


@dataclass(frozen=True)
class Options:
    min_words: int = 10

    def __post_init__(self) -> None:
        require_count(self, "min_words")


# Copies beyond this many are the post's own refrain (boilerplate), not a slip.
_MAX_COPIES = 2
# A post that repeats this many paragraphs far apart is built as summary-and-details.
_STRUCTURE = 3
_INTRODUCED = ("code", "table", "math", "html")
# Words that point at what comes next ("run the following command", "it looks like this").
_FORWARD = re.compile(r"(?i)\b(?:following|below|as follows|like (?:this|so)|here (?:is|are))\b")
_LEAD_IN_WORDS = 16  # a lead-in is one short sentence, not a paragraph of its own


def _is_lead_in(prose: str, block: Block, following: Block | None) -> bool:
    """A short paragraph whose meaning is the block after it ("Run this command:" + code).

    Only a block that a sentence can introduce counts (code, a table, math, a list, HTML such
    as an embedded video): a copy followed by a paragraph or a heading introduces nothing.
    """
    if following is None or not (following.kind in _INTRODUCED or following.in_list):
        return False
    text = prose[block.start : block.end]
    if not text.rstrip(MASK + " \t\r\n*_").endswith(":") and not _FORWARD.search(text):
        return False  # a statement complete in itself, not an introduction
    return len(WORD.findall(text)) <= _LEAD_IN_WORDS


def _is_structure(
    prose: str, blocks: list[Block], first: int, second: int, summary_and_details: bool
) -> bool:
    """Whether two copies that are not next to each other are the post's structure."""
    if all(
        _is_lead_in(prose, blocks[index], blocks[index + 1] if index + 1 < len(blocks) else None)
        for index in (first, second)
    ):
        return True  # the same lead-in before two blocks
    between = blocks[first + 1 : second]
    return summary_and_details and any(b.kind in ("heading", "html") for b in between)


def _key(words: list[str]) -> str:
    """The words casefolded, curly apostrophes made straight, in one string.

    Equal keys mean equal word sequences: no word holds the NUL that joins them, and
    casefolding and the replacement act on each character alone, so doing them once on the
    joined text (in C) gives what doing them word by word would.
    """
    return "\0".join(words).casefold().replace("’", "'")


# Letters whose count in the casefolded text is part of a paragraph's signature.
_SIGNATURE_LETTERS = "etaoins"


def _signature(text: str) -> tuple[int, ...]:
    """How often a few letters occur in ``text`` casefolded: paragraphs with equal ``_key``
    have equal signatures, so only paragraphs whose signature another one shares can be copies.

    Why equal: every character ``[^\\W\\d_]`` starts or continues a ``WORD`` (a letter no word
    holds would start one), casefolding acts on each character alone, and no other character
    casefolds to one of these letters (a test checks every code point): so each count is the
    count of that letter in the casefolded words, which the key holds.
    """
    folded = text.casefold()
    return tuple(map(folded.count, _SIGNATURE_LETTERS))


# Letters that no character but themselves and their capitals casefolds to (a test checks
# every code point): their counts in a paragraph casefolded are counts in the paragraph itself.
_COARSE_LETTERS = (("e", "E"), ("o", "O"))


def _coarse_signatures(prose: str, blocks: list[Block]) -> list[tuple[int, ...]]:
    """Two components of each block's :func:`_signature` (the counts of ``e`` and ``o``),
    counted in the prose view in place: no copy of the paragraph, no casefolding."""
    count = prose.count
    (e, big_e), (o, big_o) = _COARSE_LETTERS
    return [
        (
            count(e, b.start, b.end) + count(big_e, b.start, b.end),
            count(o, b.start, b.end) + count(big_o, b.start, b.end),
        )
        for b in blocks
    ]


def _shared(indexes: list[int], signatures: list[tuple[int, ...]]) -> list[int]:
    """The indexes whose signature another index has too."""
    seen = Counter(signatures)
    return [index for index, sig in zip(indexes, signatures, strict=True) if seen[sig] > 1]


def _candidates(prose: str, blocks: list[Block]) -> list[int]:
    """Indexes of the paragraphs compared (not in a list) whose signature is not unique: the
    only ones that can share their words with another (a C count per letter, no tokens).

    First by two of the signature's counts, taken in place, then by the whole signature of
    the paragraphs left: the same paragraphs as the whole signature of all. Why: each coarse
    count equals that component of :func:`_signature` (the letter occurs once in the
    casefolding of itself and its capital and in no other character's), so two paragraphs
    with equal signatures have equal coarse ones; a paragraph whose signature another shares
    passes the first step with it, and the second keeps both.
    """
    compared = [
        index
        for index, block in enumerate(blocks)
        if block.kind == "paragraph" and not block.in_list
    ]
    kept = _shared(compared, _coarse_signatures(prose, [blocks[i] for i in compared]))
    if not kept:
        return kept
    signatures = [_signature(prose[blocks[i].start : blocks[i].end]) for i in kept]
    return _shared(kept, signatures)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    prose, body_start = doc.prose, doc.body_start
    blocks = [b for b in doc.view.blocks if b.start >= body_start]
    copies: dict[str, list[int]] = {}  # normalised words -> indexes of the copies
    # A paragraph left out has a key no other paragraph has: it would be a group of one.
    for index in _candidates(prose, blocks):
        block = blocks[index]
        words = WORD.findall(prose, block.start, block.end)
        if len(words) >= options.min_words:
            copies.setdefault(_key(words), []).append(index)
    pairs = [indexes for indexes in copies.values() if len(indexes) == _MAX_COPIES]
    summary_and_details = len(pairs) >= _STRUCTURE
    for first_index, second_index in pairs:
        first, second = blocks[first_index], blocks[second_index]
        if first.in_blockquote != second.in_blockquote:
            continue  # a pull quote of the post's own words
        apart = second_index > first_index + 1
        if apart and first.in_blockquote:
            continue  # the same quotation cited twice, each time for a point of its own
        if apart and _is_structure(prose, blocks, first_index, second_index, summary_and_details):
            continue
        first_line = doc.source.lines.position(first.start).line
        yield Finding(
            second.start,
            second.end,
            f"this paragraph repeats the one on line {first_line}: delete one of the copies",
        )


RULE = Rule(
    code="PR109",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="duplicate-paragraph",
    summary="A paragraph appears twice in the post",
    severity=Severity.WARNING,
    check=check,
    options=Options,
)
