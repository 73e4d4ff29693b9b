"""Scans rewritten for speed find exactly what the patterns they replace find: the RE2 loop
without match objects, the regexes that now start with their first character, the trailing
blanks found from line breaks and the byte -> character map by continuation bytes."""

from __future__ import annotations

import re

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core import inline_masks
from postlint.core.prose_view import MASK
from postlint.core.re2_bytes import char_spans, re2_byte_spans
from postlint.rules.prose import trailing_whitespace, unbalanced_quotes
from postlint.rules.prose.proselint.prefilter import _ByteOffsets


def _texts(pieces: list[str], size: int = 24) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join)


_INLINE = ["](", ")", "(", " ", '"t"', "<", ">", "a", "é", MASK, "/", "b=1", "\n", "[^", "]"]


@settings(max_examples=300, deadline=None)
@given(_texts(_INLINE))
def test_re2_spans_are_the_wrappers_finditer(text: str) -> None:
    for regex, group in (
        (inline_masks._LINK_DESTINATION, 1),
        (inline_masks._HTML_TAG, 0),
        (inline_masks._AUTOLINK, 0),
        (inline_masks._FOOTNOTE, 0),
    ):
        expected = [m.span(group) for m in regex.finditer(text) if m.span(group)[0] >= 0]
        data = text.encode()
        spans = [m.span(group) for m in regex.finditer(data)]
        assert re2_byte_spans(regex, data, group) == spans
        assert char_spans(data, [span for span in spans if span[0] >= 0]) == expected


def test_re2_spans_step_over_empty_matches_as_the_wrapper_does() -> None:
    regex = re2.compile("a*")
    for data in (b"", b"baab", b"aa", b"xyz"):
        assert re2_byte_spans(regex, data) == [m.span() for m in regex.finditer(data)]


_URLS = ["http://", "https://", "ftp://", "www.", "h", "f", "w", "a", "/", "@", " ", ".", MASK]
_OLD_BARE_URL = re.compile(
    r"(?<![\w/@])(?:(?:https?|ftp)://|www\.)[^\s<>\[\]"
    + MASK
    + r"]*[^\s<>\[\]().,;:!?'\""
    + MASK
    + r"]"
)
_OLD_INLINE_MATH = re.compile(r"(?<![\\$\w])\$(?=[^\s$])[^$\n]*?(?<=[^\s\\$])\$(?![\d$])")


@settings(max_examples=400, deadline=None)
@given(_texts(_URLS, 10), _texts(["$", "$$", "\\", "a", " ", "\n", "1", "_", MASK], 12))
def test_first_character_patterns_match_as_before(urls: str, math: str) -> None:
    new_url = inline_masks._bare_url(MASK)
    assert [m.span() for m in new_url.finditer(urls)] == [
        m.span() for m in _OLD_BARE_URL.finditer(urls)
    ]
    assert [m.span() for m in inline_masks._INLINE_MATH.finditer(math)] == [
        m.span() for m in _OLD_INLINE_MATH.finditer(math)
    ]


_OLD_TRAILING = re.compile(r"(?<![ \t])[ \t]+(?=\r\n|\r|\n|\Z)")
_OLD_AFTER_URL = re.compile(r"(?<=[\w/])[”\"](?=[*_)\]]*(?:\s|$))")


@settings(max_examples=400, deadline=None)
@given(
    _texts([" ", "\t", "\r", "\n", "a", "  "]), _texts(['"', "”", "a", "/", "*", ")", " ", "\n"])
)
def test_line_end_and_quote_scans_match_as_before(blanks: str, quotes: str) -> None:
    assert trailing_whitespace._trailing(blanks) == [
        m.span() for m in _OLD_TRAILING.finditer(blanks)
    ]
    assert [m.span() for m in unbalanced_quotes._CLOSING_AFTER_URL.finditer(quotes)] == [
        m.span() for m in _OLD_AFTER_URL.finditer(quotes)
    ]


def test_byte_offsets_across_blocks() -> None:
    text = ("é" * 700 + "a" * 1500 + MASK * 900 + "😀") * 3
    char_at = _ByteOffsets(text)
    at = 0
    for index, char in enumerate(text):
        assert char_at(at) == index
        at += len(char.encode())
    assert char_at(at) == len(text)
