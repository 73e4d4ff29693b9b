"""The repeated-phrase scan finds exactly what proselint's pattern finds, and in linear time."""

from __future__ import annotations

import re

from cpu_time import fastest_cpu_seconds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.rules.prose.proselint.checks import _REPEATED_PHRASE
from postlint.rules.prose.proselint.repeats import (
    _AT_TOKEN,
    _IN_TOKEN,
    LONG_RUN,
    RepeatedPhraseScan,
    _token_bytes,
)

REGEX = re.compile(_REPEATED_PHRASE, re.IGNORECASE)
SCAN = RepeatedPhraseScan(REGEX)

_piece = st.one_of(
    st.tuples(st.sampled_from("_1a漢éKkİi"), st.integers(1, LONG_RUN + 30)).map(
        lambda t: t[0] * t[1]
    ),
    st.sampled_from([" ", "  ", "\n", ".", "-", "'", "1_", "_a", "ab", "Ab"]),
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_piece, max_size=14).map("".join))
def test_same_matches_as_the_pattern(text: str) -> None:
    assert [m.span() for m in SCAN.finditer(text)] == [m.span() for m in REGEX.finditer(text)]


# Words, their case variants and prefixes, and every kind of separator the shadow distinguishes:
# white space (ASCII and not), punctuation (ASCII and not, a literal "?"), the prose view's mask.
_word = st.sampled_from(
    ["the", "The", "THE", "then", "a", "an", "A1", "1a", "x_y", "x_", "2", "22"]
)
_sep = st.sampled_from(
    [" ", "  ", "\n", "\t", "\xa0", "\u2003", "\x1c", ".", ",", "?", "'", "-", "’", "—", "\ufffc"]
)
_odd = st.sampled_from(["é", "İ", "ı", "ſ", "K", "k", "s", "i", "漢", "_", "9"])


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_word, _sep, _odd), max_size=24).map("".join))
def test_same_matches_on_words_and_separators(text: str) -> None:
    assert [m.span() for m in SCAN.finditer(text)] == [m.span() for m in REGEX.finditer(text)]


def test_examples() -> None:
    text = "x" + "_" * 100 + " " + "_" * 100 + "1 the the end " + "1" * 200 + "."
    spans = [m.span() for m in SCAN.finditer(text)]
    assert spans == [m.span() for m in REGEX.finditer(text)]
    assert (text.index("the the"), text.index("the the") + 7) in spans
    for text in ("the the’s", "A1 a1", "x the\xa0the", "a b\na b2", "(the the)", "x\ufffcthe the"):
        assert [m.span() for m in SCAN.finditer(text)] == [m.span() for m in REGEX.finditer(text)]
        assert list(SCAN.finditer(text)), text


def test_a_long_run_costs_linear_time() -> None:
    def cost(size: int) -> float:
        text = "_" * size
        return fastest_cpu_seconds(lambda: list(SCAN.finditer(text)), repeats=1)

    small, large = cost(20_000), cost(200_000)
    assert large < 30 * max(small, 1e-3)  # quadratic would be 100x


# The plain forms of the start tests, kept as references: a counted repeat of token-byte classes.
_PLAIN_TOKEN = rb"[a-z0-9_?]"
PLAIN_AT_TOKEN = re.compile(
    rb" (%s++)(?= ++(?:%s++ ++){0,3}\1(?![a-z]))" % (_PLAIN_TOKEN, _PLAIN_TOKEN)
)
PLAIN_IN_TOKEN = re.compile(
    rb"[0-9_?](?=(%s{1,%d}+)(?!%s) ++(?:%s++ ++){0,3}\1(?![a-z]))"
    % (_PLAIN_TOKEN, LONG_RUN, _PLAIN_TOKEN, _PLAIN_TOKEN)
)

# Shadows: only token bytes and spaces, from a small alphabet so that copies and prefixes abound.
_shadow_piece = st.one_of(
    st.sampled_from([b" ", b"  ", b"a", b"b", b"ab", b"a1", b"1", b"_", b"?", b"a?", b"z9"]),
    st.tuples(
        st.sampled_from([b"1", b"_", b"a", b"?"]), st.integers(LONG_RUN - 3, LONG_RUN + 3)
    ).map(lambda t: t[0] * t[1]),
)


def _starts(pattern: re.Pattern[bytes], shadow: bytes) -> list[int]:
    return [m.start() for m in pattern.finditer(shadow)]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_shadow_piece, max_size=30).map(b"".join))
def test_start_tests_match_their_plain_forms(body: bytes) -> None:
    shadow = b" " + body
    assert _starts(_AT_TOKEN, shadow) == _starts(PLAIN_AT_TOKEN, shadow)
    assert _starts(_IN_TOKEN, shadow) == _starts(PLAIN_IN_TOKEN, shadow)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_word, _sep, _odd), max_size=24).map("".join), st.booleans())
def test_start_tests_match_their_plain_forms_on_texts(text: str, fold: bool) -> None:
    for shadow in (
        b" " + _token_bytes(text, fold),
        b" " + _token_bytes(text.replace("\n", "\r\n"), fold),
    ):
        assert set(shadow) <= set(b" abcdefghijklmnopqrstuvwxyz0123456789_?")
        assert _starts(_AT_TOKEN, shadow) == _starts(PLAIN_AT_TOKEN, shadow)
        assert _starts(_IN_TOKEN, shadow) == _starts(PLAIN_IN_TOKEN, shadow)


def test_start_tests_on_edges() -> None:
    for body in (b"", b" ", b"a", b"a a", b"a ab", b"a a1", b"a b c d a", b"a b c d e a", b"ab a"):
        shadow = b" " + body
        assert _starts(_AT_TOKEN, shadow) == _starts(PLAIN_AT_TOKEN, shadow), body
    assert _starts(_AT_TOKEN, b" a b c d a_") == [0]  # a copy four tokens on, then a non-letter
    assert _starts(_AT_TOKEN, b" a b c d e a") == []  # five tokens on: too far
    assert _starts(_AT_TOKEN, b" a  ab") == []  # a prefix followed by a letter is no copy
    assert _starts(_AT_TOKEN, b" a  ab a") == [0]
    for size, starts in ((LONG_RUN, [1]), (LONG_RUN + 1, [])):  # the rest of the token: at most
        shadow = b" 1" + b"x" * size + b" " + b"x" * size
        assert _starts(_IN_TOKEN, shadow) == _starts(PLAIN_IN_TOKEN, shadow) == starts
