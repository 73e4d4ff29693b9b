"""Small text helpers shared by the prose rules (sentences, words, paragraphs)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from operator import eq
from typing import AnyStr

import re2

from postlint.core.document import Document
from postlint.core.prose_view import MASK

WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
# A sentence ends at . ! ? or … (plus closing quotes/brackets) followed by space and a capital,
# a quote or a digit; abbreviations and initials are not ends.
# From the first mark of a run only ("!!!!"), so each run is scanned once: linear time.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’)\]*_]*(?=\s+[\"“‘(\[*_]*[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|No|vs|etc|e\.g|i\.e|cf|approx|Gen|Gov|Sen|Rep|Lt|Col|Capt|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Za-z]\.){2,}[A-Za-z]?)\.$"
)


_ABBREVIATION_LOOK = 16  # longer than any abbreviation above, with its period


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def paragraphs(doc: Document) -> Iterator[tuple[int, int]]:
    """(start, end) of each body paragraph, in order."""
    for block in doc.view.blocks:
        if block.kind == "paragraph":
            yield block.start, block.end


def sentences(text: str, start: int, end: int) -> Iterator[Sentence]:
    """Sentences of ``text[start:end]`` (usually the prose view of one paragraph)."""
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        # Only the word before the stop decides whether it is an abbreviation: a bounded look,
        # so a run of "Dr. Who " abbreviations is not re-read from the sentence start each time.
        tail = max(cursor, match.start() + 1 - _ABBREVIATION_LOOK)
        if _ABBREVIATION.search(text, tail, match.start() + 1):
            continue
        yield Sentence(cursor, match.end(), text[cursor : match.end()])
        cursor = match.end()
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end and text[cursor:end].strip(MASK + " \t\r\n"):
        yield Sentence(cursor, end, text[cursor:end])


def block_words(doc: Document, start: int, end: int) -> tuple[str, ...]:
    """``WORD.findall(doc.prose, start, end)``, computed once per document and span for all
    rules (a paragraph's words)."""
    return doc.view.analysis(
        ("words", start, end), lambda: tuple(WORD.findall(doc.prose, start, end))
    )


def block_sentences(doc: Document, start: int, end: int) -> tuple[Sentence, ...]:
    """``sentences(doc.prose, start, end)``, computed once per document and span for all
    rules (a paragraph's sentences)."""
    return doc.view.analysis(
        ("sentences", start, end), lambda: tuple(sentences(doc.prose, start, end))
    )


# A coarse word: letters and digits, with apostrophes between them (no look-around). Linear: a
# run of letters ends where no letter follows, and each repeat starts with an apostrophe.
COARSE_WORD = re.compile(r"[^\W_]++(?:['’][^\W_]++)*+")
# Four dots or underscores joining coarse words: a token of repeated-word with five or more
# coarse words holds it (each piece possessive, so each character is read at most four times).
_PIECE = r"[._][^\W_]++(?:['’][^\W_]++)*+"
_FIVE_PIECES = re.compile(_PIECE * 3 + r"[._][^\W_]")
# The same on the UTF-8 bytes, for RE2, a superset: a letter or digit is an ASCII one or any
# character outside ASCII (as is ``’``), so each match of _FIVE_PIECES, encoded, matches here.
_WIDE = r"0-9A-Za-z\x{80}-\x{10FFFF}"
_FIVE_PIECES_GATE = re2.compile(rf"(?:[._][{_WIDE}']+){{3}}[._][{_WIDE}]".encode())
LONGEST_PHRASE = 4


@dataclass(frozen=True)
class RepeatHints:
    """The prose blocks (by start) where a doubled word or a doubled phrase may stand."""

    words: frozenset[int]
    phrases: frozenset[int]


def repeat_hints(doc: Document) -> RepeatHints:
    """Which blocks repeated-word (PR108) and repeated-phrase (PR119) must read: one coarse
    tokenization of each block, computed once per document for both rules.

    Why no block is missed: a doubled phrase of two to four words (PR119) has only blanks
    between its words, each of which is a whole coarse word, so the coarse words hold the
    same phrase doubled. A doubled token of PR108 ("Node.js Node.js") is one to four coarse
    words joined by dots or underscores, with no letter or digit between the copies, and
    casefolding adds no dot or underscore (a test checks every code point): the coarse words
    hold that run doubled, a word next to its copy or a phrase of two to four. A token of five
    or more coarse words needs four joining dots or underscores: where the body has those,
    every block is read for PR108.
    """
    return doc.view.analysis(("repeat-hints", doc.body_start), lambda: _repeat_hints(doc))


def _repeat_hints(doc: Document) -> RepeatHints:
    prose, body_start = doc.prose, doc.body_start
    blocks = [b for b in doc.view.prose_blocks() if b.end > body_start]
    # The coarse words of all blocks in one list, compared once per document: a pair across
    # two blocks only marks a block for nothing, and a pair inside one is still a pair.
    folded, ends = folded_coarse_words(prose, [(b.start, b.end) for b in blocks])
    if not folded:
        return RepeatHints(frozenset(), frozenset())
    phrases = {blocks[bisect_right(ends, i)].start for i in doubled_runs(folded)}
    if _five_pieces(doc):
        words = {block.start for block in blocks}
    else:
        same = bytes(map(eq, folded, islice(folded, 1, None)))
        words = phrases | {blocks[bisect_right(ends, i)].start for i in occurrences(same, b"\1")}
    return RepeatHints(frozenset(words), frozenset(phrases))


# The coarse words without a regex try per word. A byte shadow of the prose, one byte a
# character: ASCII letters lower-cased, digits and ``'`` kept, ``’`` as ``\x01``, the commonest
# non-ASCII characters that are no word characters (a test checks them) and every other ASCII
# character as spaces, any other non-ASCII character as ``?`` (a real ``?`` is a space).
_COARSE_SPACES = "?\x01\ufffc\u2014\u201c\u201d\u2013\xa0\u2022\u2026\u2018"
_CURLY_APOSTROPHE, _APOSTROPHE_BYTE = "\u2019", "\x01"
_COARSE_BYTES = (
    bytes(
        c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() or c in b"'\x01?" else 32
        for c in range(128)
    )
    + b" " * 128
)
# An apostrophe not between two letters or digits joins nothing: a space (one byte a try).
_LONE_APOSTROPHE = re.compile(rb"['\x01](?:(?<![a-z0-9]['\x01])|(?![a-z0-9]))")


def _coarse_shadow(prose: str) -> bytes:
    text = prose
    for char in _COARSE_SPACES:
        if char in text:
            text = text.replace(char, " ")
    if _CURLY_APOSTROPHE in text:
        text = text.replace(_CURLY_APOSTROPHE, _APOSTROPHE_BYTE)
    return text.encode("ascii", "replace").translate(_COARSE_BYTES)


def folded_coarse_words(prose: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[int]]:
    """The casefolded coarse words of each span of ``prose`` in one list, and the number of
    words up to the end of each span: ``COARSE_WORD.findall(prose, start, end)`` casefolded.

    Why it is the same list. In a span whose shadow holds no ``?`` every character is ASCII,
    ``’`` or a listed non-word character. There ``[^\\W_]`` is an ASCII letter or digit, whose
    casefold is its lower case, ``’`` casefolds to itself, and a coarse word is a maximal run
    of letters and digits joined by single apostrophes, each between two of them (the word's
    repeat takes every such apostrophe and stops before any other): so with every other
    apostrophe made a space, the coarse words are the span's shadow split at spaces, with
    ``’`` put back. The span's shadow is sliced first, so its ends are the text's ends, as for
    ``findall`` with ``pos`` and ``endpos`` (the pattern looks at nothing outside the match).
    Any other span is read with the pattern.
    """
    shadow = _coarse_shadow(prose)
    folded: list[str] = []
    ends: list[int] = []
    for start, end in spans:
        part = shadow[start:end]
        if b"?" in part:
            words = COARSE_WORD.findall(prose, start, end)
            folded += casefolded(words)
        else:
            if b"'" in part or b"\x01" in part:
                part = _LONE_APOSTROPHE.sub(b" ", part)
            text = part.decode("ascii")
            if _APOSTROPHE_BYTE in text:
                text = text.replace(_APOSTROPHE_BYTE, _CURLY_APOSTROPHE)
            folded += text.split()
        ends.append(len(folded))
    return folded, ends


def _five_pieces(doc: Document) -> bool:
    """Whether the body holds four joining dots or underscores (:data:`_FIVE_PIECES`): first
    the superset in one RE2 pass over the whole text (shared UTF-8), which nearly every post
    fails."""
    if _FIVE_PIECES_GATE.search(prose_bytes(doc)) is None:
        return False
    return _FIVE_PIECES.search(doc.prose, doc.body_start) is not None


def casefolded(words: list[str]) -> list[str]:
    """``[word.casefold() for word in words]`` in one call: no word holds a NUL, and casefolding
    acts on each character and makes none (a test checks every code point), so the joined
    words split back into the words casefolded."""
    return "\0".join(words).casefold().split("\0") if words else []


def doubled_runs(folded: list[str]) -> Iterator[int]:
    """Where a run of ``size`` words is followed by itself, for a size of two to four: each
    of its words equal to the word ``size`` later (the whole run, so "of the X of the", a
    common near miss, marks nothing)."""
    for size in range(2, LONGEST_PHRASE + 1):
        yield from occurrences(bytes(map(eq, folded, islice(folded, size, None))), b"\1" * size)


def occurrences(data: AnyStr, needle: AnyStr) -> Iterator[int]:
    """Where ``needle`` starts in ``data``, overlaps included, by ``find`` (in C)."""
    at = data.find(needle)
    while at >= 0:
        yield at
        at = data.find(needle, at + 1)


def prose_bytes(doc: Document) -> bytes:
    """``doc.prose`` in UTF-8, encoded once per document for the rules that run RE2 on it."""
    return doc.view.analysis("prose-utf8", doc.prose.encode)


def has_words(text: str) -> bool:
    return WORD.search(text) is not None


_OPENING = "\"'“‘([*_"
_CLOSING = "\"'”’)]*_"
_TERMINATORS = ".!?…:"
_LINE_MARKERS = re.compile(r"[\s>#*+-]*(?:\d+[.)])?\s*")
_MARKER_ENDS = ">#*+-.)"  # the last character of a run of _LINE_MARKERS that is not a blank


def starts_sentence(text: str, offset: int, floor: int = 0) -> bool:
    """Whether the word at ``offset`` opens a sentence, a list item or a heading.

    ``floor`` is the start of the block: nothing before it is looked at. Opening quotes,
    brackets and emphasis marks before the word are skipped; a soft line break inside a
    paragraph is not a sentence start.
    """
    if offset - 1 > floor and text[offset - 1] == " " and text[offset - 2].isalnum():
        return False  # after "word ": no marker, closing mark or terminator (most calls)
    i = offset
    while i > floor and text[i - 1] in _OPENING:
        i -= 1
    j = i
    while j > floor and text[j - 1].isspace():
        j -= 1
    # A run of line markers ends in one of _MARKER_ENDS and blanks (``\s`` is str.isspace):
    # after any other character (a word, mostly) the regex need not be tried.
    if (j == floor or i <= floor or text[j - 1] in _MARKER_ENDS) and _LINE_MARKERS.fullmatch(
        text, floor, i
    ):
        return True
    if j == i:
        return False  # glued to the character before it
    while j > floor and text[j - 1] in _CLOSING:
        j -= 1
    return j > floor and text[j - 1] in _TERMINATORS
