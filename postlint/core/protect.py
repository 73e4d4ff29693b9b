"""Text no fix may reword: quotations, names, identifiers and URLs.

A fix that chooses between words or spellings must not touch what the author did not write in
their own voice (a quotation, a block quote), what is a name ("the Labour Party", "Centre for
Policy Studies") or what is an identifier or address (``rust-analyzer``, ``snake_case``,
``v8.3``, ``example.com/path``, a link text that is a URL). Fixes that restore the exact
character that was meant (mojibake, HTML entities, whitespace) do not ask.

Every pattern here is a single pass over the text with no nested repetition (linear time).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from postlint.core.document import Document

# A quotation: between curly double quotes, straight double quotes or curly single quotes
# that open and close as quotes (an apostrophe inside a word is neither), within a paragraph.
# Each alternative starts with its quote (the look-behind checks the character before it), so
# the regex engine skips to the next quote character in C.
_QUOTED = re.compile(
    "\u201c[^\u201c\u201d\\n]*(?:\\n[^\u201c\u201d\\n]+)*\u201d"
    '|"(?<![\\w"]")[^"\\n]+"(?![\\w"])'
    "|\u2018(?<![\\w\u2018\u2019]\u2018)[^\u2018\u2019\\n]+\u2019(?!\\w)"
)
# A word, and the token (a run without blanks) a word is part of.
_WORD = re.compile(r"[^\W\d_][\w'\u2019]*")
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCTUATION = "\"'\u201c\u201d\u2018\u2019()[]{}<>*_.,;:!?\u2026"
# Inside a token, what makes it an identifier or address rather than a word.
_CODE_LIKE = re.compile(
    r"[\w][-./:@#\\][\w]"  # rust-analyzer, v8.3, example.com, a/b, a::b, user@host
    r"|_"  # snake_case
    r"|[^\W\d_]\d|\d[^\W\d_]"  # letters and digits mixed: v8, 3rd-party, h264
    r"|[a-z][A-Z]"  # camelCase, iPhone, JavaScript
    r"|://"
)
# Lower-case words that may stand between the capitalised words of one name.
_CONNECTORS = frozenset(
    [
        "of",
        "for",
        "the",
        "and",
        "on",
        "in",
        "at",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "von",
        "van",
        "der",
        "den",
        "del",
        "della",
        "di",
        "da",
        "y",
        "e",
        "&",
        "an",
    ]
)
IDENTIFIER = "an identifier"
NAME = "a name"
_LINK_TEXT = re.compile(r"\[([^\[\]\n]{1,500})\]")
_URL_LIKE = re.compile(r"^\s*(?:<?[a-z][a-z0-9+.-]*://|www\.|[\w-]+(?:\.[\w-]+)+(?:/\S*)?\s*$)")


@dataclass(frozen=True)
class _Spans:
    """Sorted, non-overlapping (start, end) spans, each with a reason."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    reasons: tuple[str, ...]

    @classmethod
    def of(cls, spans: list[tuple[int, int, str]]) -> _Spans:
        spans.sort()
        starts: list[int] = []
        ends: list[int] = []
        reasons: list[str] = []
        for start, end, reason in spans:
            if ends and start < ends[-1]:  # overlaps the last span: extend it
                if end > ends[-1]:
                    ends[-1] = end
            else:
                starts.append(start)
                ends.append(end)
                reasons.append(reason)
        return cls(tuple(starts), tuple(ends), tuple(reasons))

    def touching(self, start: int, end: int) -> tuple[int, int, str] | None:
        """A span that shares a character with ``start..end`` (or holds it)."""
        i = bisect.bisect_right(self.starts, max(start, end - 1)) - 1
        while i >= 0 and self.ends[i] > start:
            if self.starts[i] < max(end, start + 1):
                return self.starts[i], self.ends[i], self.reasons[i]
            i -= 1
        return None


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Every quotation starts with one of three quote characters, so the scan starts at the
    first of them (found by a plain search, faster than the engine's class test) and a span
    with none has none; a look-behind still sees the characters before where the scan starts."""
    found = [at for at in (text.find(quote, start, end) for quote in '\u201c"\u2018') if at >= 0]
    if not found:
        return []
    return [(m.start(), m.end(), "a quotation") for m in _QUOTED.finditer(text, min(found), end)]


# The first letter of a run of word characters (where ``_WORD`` starts a word) that is not an
# ASCII lower-case letter (every capitalised word starts at one), when a blank of at most three
# characters joins that word to one that may be capitalised or is a connector: only there can
# a name of two words start. A match ends just after that letter. It is either the letter
# itself, after a character that is not part of a word, or the run of digits, underscores and
# apostrophes the word starts with (after no word character) followed by the letter: the run
# is read only from its start (the look-behind fails inside it). Each match starts with a
# character of one class, so the engine skips to the next one in C; the mask character is left
# out of that class because no match starts with it (it is not a letter, a digit, ``_`` or an
# apostrophe) and masks fill much of a prose view. Linear: every repetition is possessive, and
# the look-ahead reads the word, three blanks and one more word.
_CONNECTOR_WORDS = "|".join(
    sorted((c for c in _CONNECTORS if c.isalpha()), key=lambda c: (-len(c), c))
)


def _by_first_letter(words: list[str]) -> str:
    """``(?=[a-z])(?i:w1|w2...)`` for lower-case ASCII words, grouped by their first letter so
    the engine tries only the words that start with the letter it reads. The same text matches:
    the look-ahead makes the first character an ASCII lower-case letter, which matches another
    ASCII lower-case letter, ignoring case, only when it is that letter; the rest still ignores
    case. (The order of the words does not matter: it is read inside a look-ahead.)"""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?i:{'|'.join(rest)})" for first, rest in sorted(rests.items()))


_CONNECTOR_TRIE = _by_first_letter(_CONNECTOR_WORDS.split("|"))
_NAME_FIRST = r"[0-9_'A-Z\x80-\ufffb\ufffd-\U0010ffff]"
_NAME_START = re.compile(
    rf"{_NAME_FIRST}(?<![\w'\u2019].)"
    r"(?:(?<=[^\W\d_a-z])|(?<=[\d_'\u2019])[\d_'\u2019]*+[^\W\d_a-z])"
    r"(?=[\w'\u2019]*+\s{1,3}+"
    rf"(?:[^\W\d_a-z]|(?:{_CONNECTOR_TRIE})(?![\w'\u2019])))"
)


def _names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Two or more capitalised words in a row ("Labour Party", "Centre for Policy Studies").

    A lower-case word outside a run changes nothing, and a capitalised word not joined to a
    possible second one ends its run alone, so the words are read only from where a run of two
    may start to the end of that run.
    """
    area = text[start:end]  # a word cut at ``start`` starts there, as in a scan of the span
    spans: list[tuple[int, int, str]] = []
    done = 0
    for candidate in _NAME_START.finditer(area):
        at = candidate.end() - 1
        if at >= done:
            done = _name_run(area, at, start, spans)
    return spans


# A word as ``_WORD`` reads it, with an empty group when a blank of one to three characters, with
# at most one line break, joins it to the next word (the next letter follows that blank: the
# word ends before any word character, so the gap holds at least one character, and a gap of
# more than three, or with anything but blanks, cannot be followed by a letter there). Linear:
# the look-aheads read at most four characters.
_WORD_JOINED = re.compile(r"[^\W\d_][\w'\u2019]*+((?=\s{1,3}+[^\W\d_])(?![^\S\n]?+\n[^\S\n]?+\n))?")


def _name_run(area: str, at: int, base: int, spans: list[tuple[int, int, str]]) -> int:
    """Read the words from ``at`` until a run of names ends; add it (at ``base``) to ``spans``
    when it holds two capitalised words. Returns where reading stopped."""
    run_start = run_end = -1
    capitals = 0
    pending = False  # connectors seen since the last capitalised word
    joined = False  # the word before is joined to this one (at ``at``: no word before)
    for m in _WORD_JOINED.finditer(area, at):
        if not joined:
            if capitals >= 2:
                spans.append((base + run_start, base + run_end, NAME))
            run_start, run_end, capitals, pending = -1, -1, 0, False
        joined = m.lastindex is not None
        word_start, word_end = m.span()
        if area[word_start].isupper():
            if capitals == 0:
                run_start = word_start
            capitals += 1
            run_end = word_end
            pending = False
        elif capitals and not pending and m.group().lower() in _CONNECTORS:
            pending = True
        else:
            if capitals >= 2:
                spans.append((base + run_start, base + run_end, NAME))
            return word_end
    if capitals >= 2:
        spans.append((base + run_start, base + run_end, NAME))
    return len(area)


# Where ``_CODE_LIKE`` may find something: a character each of its hits holds (the mark between
# two word characters, ``_``, a digit next to a letter, the capital after a lower-case letter,
# the colon of ``://``), checked against its neighbours, then the rest of the token, so there is
# one match per token. A hit in a stripped token is a hit in the text with the same characters
# (the pattern has no look-around), so a token with a hit holds a match. The first class holds
# every character a match may start with (a test checks it); it leaves out lower-case letters,
# blanks and masks, so the engine skips those in C. Linear: the look-arounds read at most two
# characters and the token is read once, possessively.
_CODE_FIRST = r"[-./:@#\\_0-9A-Z\x80-\ufffb\ufffd-\U0010ffff]"
_CODE_ANCHOR = re.compile(
    rf"{_CODE_FIRST}(?:(?<=\w[-./:@#\\])(?=\w)|(?<=_)|(?<=[^\W\d_]\d)|(?<=\d)(?=[^\W\d_])"
    r"|(?<=[a-z][A-Z])|(?<=:)(?=//))"
    r"\S*+"
)

# A blank with no other blank after it (up to where the search ends).
_LAST_BLANK = re.compile(r"\s(?=\S*+\Z)")


def _identifiers(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Tokens that hold an identifier or address. ``_CODE_ANCHOR`` finds the few tokens that
    may (the pattern tried at every character was this module's main cost); each is then
    stripped and searched as before. A match reads its token to the end; the token's start is
    the character after the last blank before the match."""
    area = text[start:end]  # a token cut at ``start`` starts there, as in a scan of the span
    spans: list[tuple[int, int, str]] = []
    done = 0
    for hit in _CODE_ANCHOR.finditer(area):
        # The token starts after the last blank before the hit (masks are not blanks, so a
        # token can be long): the last space, found backwards in C, then any later blank.
        # Each reads only text between the last token and this hit: linear in all.
        space = area.rfind(" ", done, hit.start())
        blank = _LAST_BLANK.search(area, space if space >= 0 else done, hit.start())
        at = blank.start() + 1 if blank else done
        done = hit.end()  # ``\S*+`` ends where the token does
        token = area[at:done]
        inner = token.strip(_EDGE_PUNCTUATION)
        if inner and _CODE_LIKE.search(inner):
            lead = start + at + token.find(inner)
            spans.append((lead, lead + len(inner), IDENTIFIER))
    return spans


def _url_link_texts(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (m.start(1), m.end(1), "a link text that is a URL")
        for m in _LINK_TEXT.finditer(text, start, end)
        if _URL_LIKE.match(m.group(1))
    ]


class Protected:
    """The protected spans of one document, computed on first use (most posts need none)."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc

    @cached_property
    def _spans(self) -> _Spans:
        doc = self._doc
        spans: list[tuple[int, int, str]] = []
        areas = [(doc.text, f.start, f.end) for f in doc.text_fields]
        areas.append((doc.prose, doc.body_start, len(doc.prose)))
        for text, start, end in areas:
            spans += _quotations(text, start, end)
            spans += _names(text, start, end)
            spans += _identifiers(text, start, end)
        spans += _url_link_texts(doc.text, doc.body_start, len(doc.text))
        spans += [(b.start, b.end, "a block quote") for b in doc.blocks if b.in_blockquote]
        return _Spans.of(spans)

    def reason(self, start: int, end: int, *, whole_identifier: bool = False) -> str | None:
        """Why ``text[start:end]`` must not be reworded, or None when it may be.

        ``whole_identifier``: an identifier that is exactly the span may be reworded (a house
        rule that names "e-mail" means that token), a part of one may not.
        """
        found = self._spans.touching(start, end)
        if found is None:
            return None
        span_start, span_end, reason = found
        if whole_identifier and reason == IDENTIFIER and (span_start, span_end) == (start, end):
            return None
        return reason
