"""The undocumented google-re2 calls behind ``postlint.core.re2_bytes`` give what the
documented API gives: a google-re2 release that changes them fails here, not in a rule."""

from __future__ import annotations

import re2
from hypothesis import given
from hypothesis import strategies as st

from postlint.core.re2_bytes import byte_length, char_spans, count_chars, re2_byte_spans

_TEXT = st.text(alphabet=st.sampled_from("ab \n\r\t.é€漢😀\ufffc"), max_size=40)
_NON_EMPTY = [r"a+", r"(é|€)+", r"\s", r"(b)?a", r"\S+?", r"."]
_PATTERNS = [*_NON_EMPTY, r"a*"]  # on bytes an empty match may fall inside a character


@given(_TEXT, st.sampled_from(_PATTERNS), st.integers(0, 45), st.integers(0, 45))
def test_byte_spans_are_finditer_spans(text: str, pattern: str, pos: int, end: int) -> None:
    regex = re2.compile(pattern)
    data = text.encode()
    pos, end = min(pos, len(data)), min(max(pos, end), len(data))
    group = 1 if regex.groups else 0
    expected = [m.span(group) for m in regex.finditer(data, pos, end)]
    assert re2_byte_spans(regex, data, group, pos, end) == expected


@given(_TEXT, st.data())
def test_byte_and_character_counts_agree_with_encoding(text: str, data: st.DataObject) -> None:
    encoded = text.encode()
    cut = data.draw(st.integers(0, len(text)))
    chars = data.draw(st.integers(0, len(text) - cut))
    start = len(text[:cut].encode())
    assert byte_length(encoded, start, chars) == len(text[cut : cut + chars].encode())
    end = start + len(text[cut : cut + chars].encode())
    assert count_chars(encoded, start, end) == chars


@given(_TEXT, st.sampled_from(_NON_EMPTY))
def test_character_spans_are_the_str_spans(text: str, pattern: str) -> None:
    regex = re2.compile(pattern)
    spans = [m.span() for m in regex.finditer(text.encode())]
    assert char_spans(text.encode(), spans) == [m.span() for m in regex.finditer(text)]


@given(_TEXT, st.sampled_from(_PATTERNS))
def test_byte_spans_of_a_latin1_pattern_are_finditer_spans(text: str, pattern: str) -> None:
    """As the artefact prefilter compiles its supersets: Latin-1 patterns over UTF-8 bytes."""
    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1
    options.never_capture = True
    regex = re2.compile(pattern.encode("utf-8"), options)
    data = text.encode()
    assert re2_byte_spans(regex, data) == [m.span() for m in regex.finditer(data)]
