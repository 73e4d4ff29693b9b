"""Small text helpers shared by the prose rules (sentences, words, paragraphs)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

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
