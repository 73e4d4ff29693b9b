"""A sentence longer than the limit (40 words by default).

## What it does
Splits each body paragraph (list items included, block quotes left out: a quotation is not
the author's to split) into sentences and reports those with more than `max-words` words.
Sentences end at `.` `!` `?` `…` followed by a capital, a digit or a quotation, and at a
Markdown hard line break. Abbreviations (`Mr.`, `Dr.`, `e.g.`, `i.e.`, `U.S.`, initials such as
`J. R. R.`), decimals (`3.5`) and an ellipsis before a lower-case word do not end a sentence.
Code, URLs and HTML are masked and are not words; numbers are. A long enumeration (a list of
names separated by commas) is left alone: it reads as a list, not as a sentence.

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

The two sides disagree on many key issues: territory, membership, who pays for the
reconstruction and how war crimes will be punished. It is hard to see all the pieces falling
into place.
```

## Fix
None: split the sentence by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from string import ascii_letters

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.prose_view import MASK
from postlint.core.re2_bytes import byte_length
from postlint.core.rule import Rule, require_count


@dataclass(frozen=True)
class Options:
    max_words: int = 40

    def __post_init__(self) -> None:
        require_count(self, "max_words")


# A word: letters or digits, with inner apostrophes, hyphens, dots and commas (don't, e-mail,
# U.S, 3.5, 1,000) kept in one word. The mask is neither, so masked code is never a word.
WORD = re.compile(r"[^\W_](?:[\w'’.,-]*[^\W_])?")
# One match per word of WORD, and cheaper: a run of the characters a word may hold, from a
# letter or digit on. WORD finds one word in each such run, from its first letter or digit to
# its last; this takes the whole rest of the run, without looking back for the last one.
_RUN = re.compile(r"[^\W_][\w'’.,-]*")
# A candidate sentence end: terminal punctuation and closing marks, then blanks (masked text
# may stand between) and the start of a sentence: a capital, a digit, a quote or masked text.
# A run of marks ("!!!!") is matched from its first mark only, and a run of blanks is scanned
# once per mark before it: linear time. The look-behind stands after the first mark, so the
# scan for a candidate is a fast search for a mark rather than a test at every character.
_END = re.compile(
    r"(?P<stop>[.!?…](?<![.!?…].)[.!?…]*)[\"'”’)\]*_]*"
    r"(?=" + MASK + r"*(?:[^\S\r\n]+|[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n>]*)"
    r"[\"“‘(\[*_]*[A-Z0-9" + MASK + r"])"
)
# A hard line break ends a sentence too (lines of an address, a poem, a list typed as lines).
_HARD_BREAK = re.compile(r"(?:(?<! ) {2,}|\\)(?:\r\n|\r|\n)")
# The token before a period that makes it an abbreviation rather than the end of a sentence.
_ABBREVIATED = (
    "Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|Mt|Ft|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|Hon|Pres"
    "|vs|cf|ca|approx|Fig|fig|No|Nos|Vol|vol|pp|Ch|ch|Sec|sec|Art|Ref|Jan|Feb|Mar|Apr"
    "|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_OPENERS = '(["“‘' + MASK  # with white space: what may stand before an abbreviation
_ABBREVIATION = re.compile(
    r"(?:^|(?<=[\s(\[\"“‘" + MASK + r"]))"
    r"(?:[A-Z]"  # an initial: J. Smith
    r"|[A-Za-z]\.(?:[A-Za-z]\.?)+"  # U.S, e.g, i.e, a.m, Ph.D
    r"|" + _ABBREVIATED + r")\Z"
)
_ABBREVIATED_WORDS = frozenset(_ABBREVIATED.split("|"))
_BREAK_MARKS = ("  \n", "  \r", "\\\n", "\\\r")
_BLANK = " \t\r\n" + MASK


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def sentences(prose: str, start: int, end: int) -> Iterator[Sentence]:
    """The sentences of ``prose[start:end]``, as offsets, leading and trailing blanks trimmed."""
    cursor = start
    for stop_at in _ends(prose, start, end):
        yield from _trimmed(prose, cursor, stop_at)
        cursor = stop_at
    yield from _trimmed(prose, cursor, end)


def _ends(prose: str, start: int, end: int) -> Iterator[int]:
    breaks: list[int] = []
    if _may_break(prose, start, end):
        breaks = [m.start() for m in _HARD_BREAK.finditer(prose, start, end)]
    stops = [m.end() for m in _END.finditer(prose, start, end) if _is_end(prose, m, start)]
    yield from sorted(set(breaks + stops))


def _may_break(prose: str, start: int, end: int) -> bool:
    """Whether two spaces or a backslash stand before a line break: a hard break needs it.

    Every mark holds a CR or LF, so a paragraph on one line is answered by two searches for
    one character, cheaper than the four for the marks."""
    if prose.find("\n", start, end) < 0 and prose.find("\r", start, end) < 0:
        return False
    return any(prose.find(mark, start, end) >= 0 for mark in _BREAK_MARKS)


def _is_end(prose: str, match: re.Match[str], floor: int) -> bool:
    stop = match.group("stop")
    if stop != ".":
        return True  # ! ? … and "..." end a sentence when a capital follows
    head = prose[max(floor, match.start() - 12) : match.start()]
    before = head.rstrip(ascii_letters)  # the head without the letters that end it
    if len(before) == len(head):
        return True  # every abbreviation ends in a letter (the stop follows no mark)
    if before.endswith("."):
        return _ABBREVIATION.search(head) is None  # "U.S", "e.g": the dotted ones
    # Why this is the regex's answer here: with no dot before the last letters, a token
    # the regex takes is those letters whole (its start follows no letter), an initial or a
    # listed word; the dotted form needs a dot before its last letters.
    token = head[len(before) :]
    alone = not before or before[-1].isspace() or before[-1] in _OPENERS
    listed = token in _ABBREVIATED_WORDS or (len(token) == 1 and token.isupper())
    return not (alone and listed)


def _trimmed(prose: str, start: int, end: int) -> Iterator[Sentence]:
    text = prose[start:end]
    stripped = text.strip(_BLANK)
    if stripped:
        first = start + len(text) - len(text.lstrip(_BLANK))
        yield Sentence(first, first + len(stripped))


def _at_most(prose: str, start: int, end: int, limit: int) -> int:
    """At least the words of ``prose[start:end]``; 0 when it is too short to hold more than
    ``limit`` (words need a character between them)."""
    if end - start <= 2 * limit:
        return 0
    return _most_words(prose[start:end])


def _word_count(prose: str, start: int, end: int, limit: int) -> int:
    """The words of ``prose[start:end]``, or 0 when it cannot hold more than ``limit``.

    Counted with ``_RUN``, which is cheaper than ``WORD`` and counts the same, and only when
    the cheaper bound of ``_most_words`` is over the limit.
    """
    if _at_most(prose, start, end, limit) <= limit:
        return 0
    return len(_RUN.findall(prose, start, end))


def _segment_table() -> bytes:
    """Each UTF-8 byte as ``x`` or a blank: the ASCII characters a word may hold and the first
    byte of every other character are ``x``; other ASCII characters and continuation bytes
    are blanks."""
    table = bytearray(b" " * 256)
    for byte in range(256):
        char = chr(byte)
        if (byte < 0x80 and (char.isalnum() or char in "_'.,-")) or byte >= 0xC0:
            table[byte] = ord("x")
    return bytes(table)


_SEGMENTS = _segment_table()


def _most_words(text: str) -> int:
    """An upper bound on ``len(_RUN.findall(text))``, counted in C without a regex.

    Why a bound: the text's UTF-8 bytes are mapped by ``_SEGMENTS`` and the runs of ``x``
    counted. A word's first character gives an ``x``; after each word comes a character no
    word holds (the mask too, made a blank first), whose byte (ASCII) or continuation bytes
    are blanks, so two words never share a run of ``x``.
    """
    segments = _Segments.of(text)
    return segments.bound(0, len(segments.data))


def _is_enumeration(words: int, text: str) -> bool:
    """A list of names or items: many commas, few words between them."""
    commas = text.count(",")
    return commas >= 6 and words <= 4 * (commas + 1)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    prose = doc.prose
    limit = options.max_words
    for block in doc.view.blocks:
        if block.kind != "paragraph" or block.in_blockquote or block.start < doc.body_start:
            continue
        # A sentence never splits a word (it ends at a blank, a mask or a hard break), so the
        # paragraph's words are its sentences': ``left`` bounds the words of those to come
        # (it starts as a bound, not a count, and a sentence too short to count takes 0 off).
        if block.end - block.start <= 2 * limit:
            continue  # as ``_at_most``: too short to hold more than ``limit`` words
        segments = _Segments.of(prose[block.start : block.end])
        left = segments.bound(0, len(segments.data))
        if left <= limit:
            continue
        yield from _long_sentences(prose, block.start, block.end, limit, left, segments)


@dataclass(frozen=True)
class _Segments:
    """A paragraph's ``_most_words`` bytes (its UTF-8 mapped by ``_SEGMENTS``), computed once,
    so that the bound of a piece of it is two counts over a byte range.

    Why ``bound`` over a piece's byte range is ``_most_words`` of the piece: the mask is
    replaced by a space first, and encoding and the byte map work character by character and
    byte by byte, so the piece's mapped bytes are that range of the paragraph's; a run of
    ``x`` is counted where it starts at the range's first byte or after a blank inside it, as
    in the piece alone."""

    data: bytes  # the mapped bytes
    utf8: bytes  # the paragraph with the mask a space, in UTF-8 (for byte offsets)

    @staticmethod
    def of(text: str) -> _Segments:
        utf8 = text.replace(MASK, " ").encode()
        return _Segments(utf8.translate(_SEGMENTS), utf8)

    def bound(self, start: int, end: int) -> int:
        """``_most_words`` of the piece in bytes ``start:end``."""
        return self.data.count(b" x", start, end) + self.data.startswith(b"x", start)

    def advance(self, byte: int, chars: int) -> int:
        """The byte offset ``chars`` characters after the byte offset ``byte``."""
        return byte + byte_length(self.utf8, byte, chars)


def _long_sentences(
    prose: str, start: int, end: int, limit: int, left: int, segments: _Segments
) -> Iterator[Finding]:
    """The findings of the paragraph ``prose[start:end]``, whose words ``left`` bounds.

    The sentences are those of ``sentences``, but a piece between two ends is trimmed only
    when it is longer than ``2 * limit`` characters and its bound is over the limit. Why
    nothing changes: trimming drops blanks only, which neither shorten a run of ``x`` nor
    start one, so the trimmed sentence has the piece's bound and is no longer than it; a
    sentence of at most ``2 * limit`` characters or of a bound at most ``limit`` counts 0
    words in ``_word_count`` (so it takes nothing off ``left`` and is never reported). The
    byte offsets follow the pieces, each counted from the last (linear in the paragraph)."""
    short = 2 * limit
    ascii_only = len(segments.utf8) == end - start
    cursor = start
    byte = 0
    for stop_at in (*_ends(prose, start, end), end):
        if left <= limit:
            break  # the sentences left cannot be too long
        begin, cursor = cursor, stop_at
        first = byte
        byte = stop_at - start if ascii_only else segments.advance(byte, stop_at - begin)
        if stop_at - begin <= short or segments.bound(first, byte) <= limit:
            continue
        for sentence in _trimmed(prose, begin, stop_at):
            count = _word_count(prose, sentence.start, sentence.end, limit)
            left -= count
            if count <= limit or _is_enumeration(count, prose[sentence.start : sentence.end]):
                continue
            yield Finding(
                sentence.start,
                sentence.end,
                f"sentence of {count} words (limit {limit}): split it into shorter ones",
            )


RULE = Rule(
    code="PR114",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="sentence-length",
    summary="A sentence is longer than the limit",
    severity=Severity.INFO,
    check=check,
    options=Options,
)
