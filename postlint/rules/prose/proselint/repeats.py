"""proselint's repeated-phrase pattern (``lexical_illusions``), tried only where it can match.

The pattern, ``(?<![A-Za-z'-])(\\w++(?:\\s++\\w++){0,3})(\\s++\\1)+(?![A-Za-z'-])`` (case-folded),
begins with a look-behind, so Python's regex engine tries it at every position of the text, with
Unicode classes and case folding: it was two fifths of the compiled engine's time (56 matches in
18F's 510 posts). Here it is tried only at the starts a cheaper test lets through, in order,
resuming after each match: exactly ``finditer``, since ``match`` at a position sees the text
before it (the look-behind behaves as in a scan) and no other start can match.

Why the test keeps every start. Tokens are the maximal runs of word characters. The first word
``w`` of a match (``\\w++`` from the start) ends a token and is followed by white space; its copy
(``\\1``) starts right after white space, so it starts a token, with only white space and 0 to 3
whole tokens (the other words) in between, and it is not followed by a letter (the look-ahead, or
white space before the next copy). A start inside a token follows a word character that is not a
letter (a digit, ``_``, a non-ASCII letter), since the look-behind rejects letters. The test runs
on a byte shadow of the text (:func:`_token_bytes`: one byte a character, word characters folded
so that equal ones stay equal, every other character a space), where the same holds with spaces
for white space:

* at a token's start: :data:`_AT_TOKEN`, the token, then a copy of it at the start of one of the
  next four tokens, not followed by a letter;
* after a digit, ``_`` or non-ASCII letter inside a token: :data:`_IN_TOKEN`, the same for the
  rest of the token, when it is at most :data:`LONG_RUN` bytes (reading at most that much);
* further inside a longer token (a run of digits, underscores, CJK): a start must lie within the
  length of the longest of the next four runs that follow through white space only, from the end,
  and hold the first character of one of them (case-folded); so a long run before punctuation or
  at the end of the text, the common case, is never tried.

Both patterns are plain byte patterns, each try reading a few tokens, and every start they let
through was tried by the plain scan too. Neither is scanned for plainly: the first is one walk
over the tokens (:func:`_at_token_starts`), not a try at every space; the second is searched for
by a literal first byte (:func:`_in_token_starts`), not a class tested at every byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from itertools import islice
from types import MappingProxyType

LONG_RUN = 64
_RUN = re.compile(r"\w+")
_SPACE_THEN_RUN = re.compile(r"\s++(?=\w)")
_ALLOWED_START = re.compile(r"(?<![A-Za-z'-])\w", re.IGNORECASE)  # the pattern's own test
_MASK = "\ufffc"  # the prose view's mask: not a word character, and the commonest non-ASCII one
# What follows a token's run of spaces: the copy (group 1) at the start of one of the next four
# tokens, not followed by a letter. Nested, so each token is compared as soon as it is reached,
# with no counted repeat to back out of; the shadow holds only token bytes and spaces, so
# ``[^ ]`` is a token byte (a test checks both against the plain forms).
_COPY = rb"\1(?![a-z])"
_NEXT = rb"[^ ]++ ++"
_COPY_AHEAD = rb"(?:%s|%s(?:%s|%s(?:%s|%s%s)))" % (_COPY, _NEXT, _COPY, _NEXT, _COPY, _NEXT, _COPY)
# Each try reads one token, up to four more and a comparison each: a few tokens a start.
_AT_TOKEN = re.compile(rb" ([^ ]++)(?= ++%s)" % _COPY_AHEAD)
# The same test as one walk over the tokens (see :func:`_at_token_starts`): group 2 is a token
# that passes it; every token before it (group 1, with its run of spaces) failed it.
_AT_TOKEN_WALK = re.compile(rb" ++(?:([^ ]++) ++(?!%s))*+(?:([^ ]++)(?= )|[^ ]*+\Z)" % _COPY_AHEAD)
# At most LONG_RUN bytes to the token's end (a longer rest is cut short and no space follows).
_IN_TOKEN = re.compile(rb"[0-9_?](?=([^ ]{1,%d}+) ++%s)" % (LONG_RUN, _COPY_AHEAD))
_LONG_TOKEN = b"x" * (LONG_RUN + 1)
# :data:`_IN_TOKEN` with its first byte made a literal, tried on the shadow with every byte it
# may start at turned into that literal (:data:`_TO_IN_STARTS`): see :func:`_in_token_starts`.
_IN_TOKEN_COARSE = re.compile(b"0" + _IN_TOKEN.pattern.removeprefix(rb"[0-9_?]"))


def _table(keep: bytes, other: int) -> bytes:
    """Byte translation: ASCII letters lower-cased, ``keep`` kept, the rest ``other``."""
    return bytes(
        c if c in keep else c + 32 if 65 <= c <= 90 and c + 32 in keep else other
        for c in range(256)
    )


_TO_TOKENS = _table(b"abcdefghijklmnopqrstuvwxyz0123456789_?", 32)
_TO_EXTENT = bytes(32 if c == 32 else 120 for c in range(256))  # token bytes -> x
_TO_IN_STARTS = bytes(48 if c in b"0123456789_?" else c for c in range(256))  # [0-9_?] -> 0


@cache
def _partners() -> Mapping[int, int]:
    """Non-ASCII characters ``re.IGNORECASE`` matches to ASCII letters, as those letters' bytes."""
    from postlint.rules.prose.proselint.prefilter import _ascii_case_partners

    return MappingProxyType({c: ord(a) for c, a in _ascii_case_partners().items()})


def _token_bytes(text: str, fold: bool) -> bytes:
    """``text`` as one byte a character: ASCII word characters lower-cased, with ``fold`` the
    characters ``re.IGNORECASE`` matches to ASCII letters as those letters, other non-ASCII
    word characters ``?``, every other character a space. Characters that ``re`` compares equal
    (a backreference compares the simple lower case) give equal bytes."""
    if "?" in text:
        text = text.replace("?", " ")
    if _MASK in text:
        text = text.replace(_MASK, " ")
    data = text.encode("ascii", "replace")
    if b"?" in data:  # the non-ASCII characters left: usually a few quotes and dashes
        out, partners = bytearray(data), _partners()
        at = data.find(b"?")
        while at >= 0:
            char = text[at]
            partner = partners.get(ord(char)) if fold else None
            out[at] = partner or (63 if char.isalnum() else 32)  # \w is alphanumeric or _
            at = data.find(b"?", at + 1)
        data = bytes(out)
    return data.translate(_TO_TOKENS)


def candidate_starts(text: str, fold: bool) -> list[int]:
    """Sorted positions where the pattern may match: every position where it does."""
    shadow = b" " + _token_bytes(text, fold)  # shadow[i + 1] stands for text[i]
    starts = _at_token_starts(shadow)
    starts.extend(_in_token_starts(shadow))
    extent = shadow.translate(_TO_EXTENT)
    at = extent.find(_LONG_TOKEN)
    while at >= 0:  # a token longer than LONG_RUN: starts more than LONG_RUN from its end
        start, end = extent.rfind(b" ", 0, at), extent.find(b" ", at)
        end = len(extent) if end < 0 else end
        starts.extend(_deep_starts(text, start, end - 1))
        at = extent.find(_LONG_TOKEN, end)
    return sorted(set(starts))


def _at_token_starts(shadow: bytes) -> list[int]:
    """The starts of :data:`_AT_TOKEN` in ``shadow`` (which begins with a space), in order.

    A scan for ``_AT_TOKEN`` tries it at every space, and most spaces lie inside runs (the prose
    view's masks are long ones) where the try fails at once; :data:`_AT_TOKEN_WALK` walks the
    tokens instead, each match from a run of spaces to the next token that passes the test. Why
    the result is the same: the shadow holds only token bytes and spaces, so ``_AT_TOKEN`` can
    match only at the last space of a run, where its look-ahead is the copy test for the token
    after it; a match consumes that space and token only, so the scan tries every such space and
    yields exactly those whose token passes. The walk consumes a run, then one token at a time
    with the run after it while the same look-ahead, at the same place, fails; everything is
    possessive, so it stops at the first token that passes (group 2: followed by a space, the
    unit failed at the look-ahead only) or at the end (a last token with no space after it fails
    the test, which needs one). The next match starts at group 2's end, at its run: each token is
    walked once, in order, group 2 is exactly each token that passes, and the space before it is
    ``_AT_TOKEN``'s start. A match never fails where it starts (at a space: the first byte, or
    the run after group 2), so nothing is retried; a byte is read by its own unit and by the
    look-aheads of the four tokens before it, a linear scan."""
    return [m.start(2) - 1 for m in _AT_TOKEN_WALK.finditer(shadow) if m.start(2) >= 0]


def _in_token_starts(shadow: bytes) -> Iterator[int]:
    """The starts of :data:`_IN_TOKEN` in ``shadow``, in order, found cheaply.

    A pattern that begins with a class is tried at every byte through a slow per-byte class test;
    one that begins with a literal is searched for by a plain byte loop. So the literal form
    :data:`_IN_TOKEN_COARSE` runs on ``shadow`` with ``0123456789_?`` all turned into ``0``
    (:data:`_TO_IN_STARTS`), and each of its starts is kept if :data:`_IN_TOKEN` matches there.
    Why that is exactly ``_IN_TOKEN.finditer(shadow)``: both patterns consume one byte, so each
    scan tries every position and yields every position where it matches. The translation is a
    function of the byte that keeps spaces, keeps token bytes token bytes and keeps ``a-z`` (the
    letters the look-ahead excludes) while sending only non-letters to ``0``: every class test of
    the pattern (``[^ ]``, `` ``, ``[a-z]``) gives the same answer on a byte and on its image, and
    equal stretches stay equal (the backreference). So wherever ``_IN_TOKEN`` matches the shadow,
    the coarse pattern matches the translation; keeping the coarse starts where ``_IN_TOKEN``
    matches keeps exactly those, in order."""
    check = _IN_TOKEN.match
    for found in _IN_TOKEN_COARSE.finditer(shadow.translate(_TO_IN_STARTS)):
        if check(shadow, at := found.start()) is not None:
            yield at


def _deep_starts(text: str, start: int, end: int) -> Iterator[int]:
    """Starts in the run ``text[start:end]`` more than LONG_RUN characters from its end."""
    first, firsts = _hopeful_from(text, start, end)
    for found in _ALLOWED_START.finditer(text, first, max(first, end - LONG_RUN)):
        if _fold(found.group()) in firsts:
            yield found.start()


class RepeatedPhraseScan:
    """``regex.finditer(text)`` for the repeated-phrase pattern, trying only hopeful starts."""

    __slots__ = ("regex",)

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        match_at, resume = self.regex.match, 0
        for at in candidate_starts(text, bool(self.regex.flags & re.IGNORECASE)):
            if at >= resume and (found := match_at(text, at)) is not None:
                yield found
                resume = found.end()


def _fold(char: str) -> str:
    """The simple lower case ``re.IGNORECASE`` compares a backreference with (``İ`` -> ``i``)."""
    return char.lower()[:1]


def _hopeful_from(text: str, start: int, end: int) -> tuple[int, frozenset[str]]:
    """For the run ``text[start:end]``: the first position a match may start at, and the
    case-folded characters such a start must hold."""
    longest, firsts = 0, set()
    cursor = end
    for _ in range(4):
        gap = _SPACE_THEN_RUN.match(text, cursor)
        if gap is None:
            break
        run = _RUN.match(text, gap.end())
        assert run is not None  # the gap ends before a word character
        longest = max(longest, run.end() - run.start())
        firsts.add(_fold(text[run.start()]))
        cursor = run.end()
    if not firsts:
        return end, frozenset()
    return max(start, end - longest), frozenset(firsts)


# -- how many matches at most: lets a caller that discards them skip the scan ---------------------
#
# Every match holds a maximal run of white space followed by a word character (``\s++`` before
# the copy), and matches are disjoint, so the number of matches is at most the number of places
# where white space ends before a word character. Counted on the UTF-8 bytes through one
# ``translate``: an ASCII blank before an ASCII word byte or a non-ASCII character, plus every
# character that may be non-ASCII white space (only those with lead bytes C2, E1, E2, E3 are;
# a test checks that against ``str.isspace``), wherever the run it ends. Text at a cut point that is neither a word
# character nor white space is matched apart (no match holds such a character), so a long text
# can be counted up to the cut and scanned after it.

_BLANK, _FOLLOWER, _STOP, _SPACE_LEAD = 1, 2, 3, 4
SPACE_LEADS = frozenset({0xC2, 0xE1, 0xE2, 0xE3})  # the lead bytes of non-ASCII white space


def _mark(byte: int) -> int:
    """White space, what may follow the end of a match's run of it, or a cut point."""
    if byte in SPACE_LEADS:
        return _SPACE_LEAD
    if byte >= 0xC0:
        return _FOLLOWER  # starts a non-ASCII character, perhaps a word character
    if byte >= 0x80:
        return 0
    char = chr(byte)
    if char.isspace():
        return _BLANK
    return _FOLLOWER if char.isalnum() or char == "_" else _STOP


_MARKS = bytes(_mark(byte) for byte in range(256))
_RUN_END = bytes((_BLANK, _FOLLOWER))
_SPACE = bytes((_SPACE_LEAD,))
_STOP_MARK = bytes((_STOP,))


def _run_ends(marks: bytes, end: int) -> int:
    """An upper bound on the matches within the bytes before ``end`` (a cut): ASCII blanks
    before an ASCII word byte or a non-ASCII character, and the characters that may be non-ASCII
    blanks (or follow an ASCII blank: a run ends before it only if it is no blank itself)."""
    return marks.count(_RUN_END, 0, end) + marks.count(_SPACE, 0, end)


def at_most(regex: re.Pattern[str], text: str, data: bytes, limit: int) -> int | None:
    """An upper bound on the matches of the repeated-phrase ``regex`` in ``text`` (``data``: its
    UTF-8), if one at most ``limit`` is found: counted, not scanned, as far as the count allows;
    the rest is scanned."""
    if limit < 0:
        return None
    marks = data.translate(_MARKS)
    total = _run_ends(marks, len(marks))
    if total <= limit:
        return total
    cut, end = -1, len(marks) * limit // total
    while end > 0:
        at = marks.rfind(_STOP_MARK, 0, end)
        if at < 0 or _run_ends(marks, at) <= limit:
            cut = at
            break
        end = at // 2
    rest = limit - (_run_ends(marks, cut) if cut > 0 else 0)
    start = len(data[:cut].decode()) if cut > 0 else 0  # the cut's character offset
    found = RepeatedPhraseScan(regex).finditer(text[start:] if start else text)
    scanned = sum(1 for _ in islice(found, rest + 1))
    return limit - rest + scanned if scanned <= rest else None
