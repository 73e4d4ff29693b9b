"""Shared by the artefact rules: where they read, how phrases are written, when text is quoted.

Every pattern here and in the rules is linear: it opens with a literal word, and every
repetition is bounded or runs over a class disjoint from what follows it, so a match attempt
costs a bounded number of steps whatever the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from operator import attrgetter, le

from postlint.core.diagnostic import Edit, Finding, Fix
from postlint.core.document import Document
from postlint.core.prose_view import MASK
from postlint.rules.artefacts._prefilter import candidate_spans, flagged, scannable
from postlint.rules.prose._text import starts_sentence

APOSTROPHE = r"['’ʼ]"
# Between two words: spaces or a line break, and emphasis marks (``**can't**``).
GAP = r"[\s*_]{1,4}"


def words(phrase: str) -> str:
    """A phrase as a pattern: spaces become :data:`GAP`, ``'`` any apostrophe."""
    return phrase.replace("'", APOSTROPHE).replace(" ", GAP)


def alternatives(*phrases: str) -> str:
    return "(?:" + "|".join(words(p) for p in phrases) + ")"


@dataclass(frozen=True)
class Segment:
    """A stretch of prose: a paragraph or heading of the body (in the prose view), or a
    front-matter text field (in the file's text). Offsets index ``text``."""

    text: str
    start: int
    end: int
    kind: str  # "paragraph", "heading", "field"
    key: str = ""  # the field's key


@dataclass(frozen=True)
class _Prose:
    """The post's prose segments, found once per document for every rule (the body's
    :class:`Segment` objects are made only for the ones a rule reads), and the text the
    prefilter scans: the prose view with the fields' text put back in the masked front
    matter, so one scan covers both (offsets are the file's)."""

    prose: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    kinds: tuple[str, ...]
    reach: tuple[int, ...]  # the largest end among segments 0..i
    fields: tuple[Segment, ...]
    field_starts: tuple[int, ...]
    field_reach: tuple[int, ...]
    encoded: bytes | None  # the scanned text; None: every segment is read

    def segment(self, index: int) -> Segment:
        return Segment(self.prose, self.starts[index], self.ends[index], self.kinds[index])


def _ascending(starts: Sequence[int], ends: Sequence[int]) -> bool:
    """Whether the spans come in order without overlapping."""
    return all(map(le, ends, starts[1:]))


def _scanned(doc: Document, fields: tuple[Segment, ...]) -> bytes | None:
    prose, text = doc.prose, doc.text
    pieces: list[str] = []
    cursor = 0
    for field in fields:
        pieces += (prose[cursor : field.start], text[field.start : field.end])
        cursor = field.end
    return scannable("".join((*pieces, prose[cursor:])))


_OWN_KINDS = ("paragraph", "heading")
_START, _END, _KIND = attrgetter("start"), attrgetter("end"), attrgetter("kind")


def _prose(doc: Document) -> _Prose:
    def compute() -> _Prose:
        body_start = doc.body_start
        own = [
            block
            for block in doc.blocks
            if block.kind in _OWN_KINDS and not block.in_blockquote and block.start >= body_start
        ]
        starts = tuple(map(_START, own))
        ends = tuple(map(_END, own))
        fields = tuple(Segment(doc.text, f.start, f.end, "field", f.key) for f in doc.text_fields)
        field_starts = tuple(f.start for f in fields)
        field_ends = tuple(f.end for f in fields)
        ordered = _ascending(starts, ends) and _ascending(field_starts, field_ends)
        before_body = not fields or fields[-1].end <= body_start
        return _Prose(
            doc.prose,
            starts,
            ends,
            tuple(map(_KIND, own)),
            tuple(accumulate(ends, max)),
            fields,
            field_starts,
            tuple(accumulate(field_ends, max)),
            _scanned(doc, fields) if ordered and before_body else None,
        )

    return doc.view.analysis(("artefacts.prose", doc.body_start, doc.prose_fields), compute)


def segments(doc: Document, *, fields: bool = True) -> Iterator[Segment]:
    """The post's prose: body paragraphs and headings (not inside block quotes: a quoted
    exchange is not the post's own text), then the front-matter text fields."""
    prose = _prose(doc)
    for index in range(len(prose.starts)):
        yield prose.segment(index)
    if fields:
        yield from prose.fields


@cache
def compiled(source: str) -> re.Pattern[str]:
    """A rule's pattern, compiled on first use: importing the rules stays cheap, and a post
    whose prose the prefilter clears never needs it."""
    return re.compile(source)


def candidate_segments(doc: Document, source: str) -> Iterator[Segment]:
    """The segments of :func:`segments` in which ``source`` may match, chosen by one scan of
    the whole prose (:mod:`._prefilter`)."""
    prose = _prose(doc)
    if prose.encoded is None:
        yield from segments(doc)
        return
    if not prose.starts and not prose.fields:
        return
    spans = candidate_spans(len(prose.prose), prose.encoded, source)
    if not spans:
        return
    for index in sorted(flagged(prose.starts, prose.reach, spans)):
        yield prose.segment(index)
    for index in sorted(flagged(prose.field_starts, prose.field_reach, spans)):
        yield prose.fields[index]


_LOOKBACK = 240
# A phrase shown as an example or reported as someone's words: 'replies: "...', "such as".
_MENTION = (
    r"(?i)\b(?:says?|said|saying|repl(?:y|ies|ied)|respon(?:d|ds|ded|se|ses)|answer(?:s|ed)?"
    r"|wr(?:ote|ites)|output(?:s|ted)?|return(?:s|ed)?|generat(?:es|ed)|produc(?:es|ed)"
    r"|such\s+as|like|e\.g\.|phrases?|messages?|text|string|prompts?|with)"
    r"[\s:,*_]{0,4}$"
)
_OPENING_QUOTES = "\"“‘'«`"


def quoted(text: str, floor: int, at: int) -> bool:
    """Whether ``at`` is inside a quotation (or directly after a mention such as "replies:"),
    judged from the segment's text since ``floor``."""
    before = text[max(floor, at - _LOOKBACK) : at]
    i = len(before)
    while i > 0 and before[i - 1] in "*_":
        i -= 1
    if i > 0 and before[i - 1] in _OPENING_QUOTES:
        return True
    if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
        return True
    if before.count("«") > before.count("»"):
        return True
    return compiled(_MENTION).search(before[-40:]) is not None


@dataclass(frozen=True)
class Hit:
    segment: Segment
    start: int
    end: int


def phrase_hits(
    doc: Document,
    source: str,
    needles: tuple[str, ...],
    *,
    sentence_start: bool = False,
    accept: Callable[[re.Match[str]], bool] | None = None,
) -> Iterator[Hit]:
    """Matches of the pattern ``source`` in the post's prose that are the post's own words
    (not quoted).

    ``needles``: lower-case words of which every match holds one; a segment holding none is
    passed over without running the pattern (a substring test costs a hundredth of it).
    ``sentence_start``: only matches that open a sentence, a heading or a field.
    """
    pattern = None
    for segment in candidate_segments(doc, source):
        lowered = segment.text[segment.start : segment.end].lower()
        if not any(needle in lowered for needle in needles):
            continue
        pattern = pattern or compiled(source)
        for match in pattern.finditer(segment.text, segment.start, segment.end):
            if accept is not None and not accept(match):
                continue
            if sentence_start and not opens_sentence(segment, match.start()):
                continue
            if quoted(segment.text, segment.start, match.start()):
                continue
            yield Hit(segment, match.start(), match.end())


def excerpt(doc: Document, start: int, end: int, limit: int = 60) -> str:
    """The matched text for a message: one line, masked characters dropped, shortened."""
    text = " ".join(doc.text[start:end].replace(MASK, "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_WINDOW = 300  # how far a sentence boundary is looked for: bounded, so the cost per hit is too
_TERMINATOR = r"[.!?…]+[\"'”’)\]*_]*(?=\s|$)"
_ABBREVIATION = (
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|vs|etc|e\.g|i\.e|cf|approx|Inc|Ltd|Co|Corp)|\b[A-Z])\.$"
)


def opens_sentence(segment: Segment, at: int) -> bool:
    """Whether ``at`` opens a sentence, a list item, a heading or a field."""
    return starts_sentence(segment.text, at, max(segment.start, at - _WINDOW))


def _ends(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets just after each sentence terminator in ``text[start:end]``."""
    for match in compiled(_TERMINATOR).finditer(text, start, end):
        if not compiled(_ABBREVIATION).search(
            text, max(start, match.start() - 12), match.start() + 1
        ):
            yield match.end()


def sentence_span(segment: Segment, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``segment`` around ``start:end``: from just after the last terminator
    before it to the first terminator after it (each looked for within a bounded window)."""
    text = segment.text
    floor = max(segment.start, start - _WINDOW)
    begin = max((e for e in _ends(text, floor, start)), default=floor)
    if begin == floor and floor > segment.start:
        begin = start
    while begin < start and text[begin].isspace():
        begin += 1
    ceiling = min(segment.end, end + _WINDOW)
    finish = next(_ends(text, max(start, end - 1), ceiling), ceiling)
    if finish == ceiling and ceiling < segment.end:
        finish = end
    return begin, max(finish, end)


_NOT_BLANK = r"\S"
_MARKERS = r"[ \t]{0,3}(?:[>*+-]|\d{1,9}[.)]|#{1,6})?[ \t]{0,4}"
_LONGEST_GAP = 1000  # blank characters between blocks that a removal looks across


def has_text(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds anything but whitespace (without copying it)."""
    return compiled(_NOT_BLANK).search(text, start, end) is not None


def removal(doc: Document, segment: Segment, start: int, end: int) -> Edit | None:
    """An edit deleting ``start:end`` (a sentence or a run of sentences of ``segment``)
    together with the whitespace that would otherwise be left doubled or dangling; the
    whole block, and the blank lines that separate it, when the span is all of it."""
    text = doc.text
    lead = compiled(_MARKERS).fullmatch(text, segment.start, start) is not None  # "- ", "## ", "> "
    alone = (lead or not has_text(text, segment.start, start)) and not has_text(
        text, end, segment.end
    )
    if segment.kind == "field":
        return None if alone else _inner_removal(text, segment, start, end)
    if not alone:
        return _inner_removal(text, segment, start, end)
    before = segment.start
    while before > doc.body_start and text[before - 1].isspace():
        before -= 1
        if segment.start - before > _LONGEST_GAP:
            return None
    if before > doc.body_start:
        return Edit(before, segment.end, "")  # "\n\n<block>": what follows stays as it was
    after = segment.end
    while after < len(text) and text[after].isspace():
        after += 1
        if after - segment.end > _LONGEST_GAP:
            return None
    if after < len(text):
        return Edit(segment.start, after, "")  # the first block and the blank lines after it
    return None  # the only block of the body: nothing would be left


def _inner_removal(text: str, segment: Segment, start: int, end: int) -> Edit:
    after = end
    while after < segment.end and text[after] in " \t":
        after += 1
    if after < segment.end and text[after] in "\r\n":  # the line goes on after a break
        before = start
        while before > segment.start and text[before - 1] in " \t":
            before -= 1
        return Edit(before, end, "")
    if after >= segment.end:  # the last sentence: take the space before it
        before = start
        while before > segment.start and text[before - 1].isspace():
            before -= 1
        return Edit(before, end, "")
    return Edit(start, after, "")


def unsafe_removal(doc: Document, hit: Hit, what: str) -> Fix | None:
    start, end = sentence_span(hit.segment, hit.start, hit.end)
    edit = removal(doc, hit.segment, start, end)
    return Fix((edit,), safe=False, message=f"Remove {what}") if edit is not None else None


def finding(hit: Hit, message: str, fix: Fix | None = None) -> Finding:
    return Finding(hit.start, hit.end, message, fix=fix)
