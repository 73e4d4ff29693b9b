"""The repeated-phrase start finder's shortcuts give exactly the plain scans' starts.

``candidate_starts`` finds the token starts with one walk over the tokens instead of a scan that
tries every space, and the in-token starts through a literal-led search plus a check instead of a
class-led scan. The plain forms are kept here as references and compared on generated shadows and
texts: words and their copies and prefixes, digits, ``_``, non-ASCII letters (and the ones that
case-fold to ASCII), the prose view's masks in long runs, CRLF, tabs, punctuation, empty input.
"""

from __future__ import annotations

from cpu_time import fastest_cpu_seconds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.rules.prose.proselint.repeats import (
    _AT_TOKEN,
    _IN_TOKEN,
    _LONG_TOKEN,
    _TO_EXTENT,
    LONG_RUN,
    _at_token_starts,
    _deep_starts,
    _in_token_starts,
    _token_bytes,
    candidate_starts,
)


def _old_candidate_starts(text: str, fold: bool) -> list[int]:
    """The finder before the shortcuts: both start tests as plain scans of the shadow."""
    shadow = b" " + _token_bytes(text, fold)
    starts = [m.start() for m in _AT_TOKEN.finditer(shadow)]
    starts.extend(m.start() for m in _IN_TOKEN.finditer(shadow))
    extent = shadow.translate(_TO_EXTENT)
    at = extent.find(_LONG_TOKEN)
    while at >= 0:
        start, end = extent.rfind(b" ", 0, at), extent.find(b" ", at)
        end = len(extent) if end < 0 else end
        starts.extend(_deep_starts(text, start, end - 1))
        at = extent.find(_LONG_TOKEN, end)
    return sorted(set(starts))


def _plain_at(shadow: bytes) -> list[int]:
    return [m.start() for m in _AT_TOKEN.finditer(shadow)]


def _plain_in(shadow: bytes) -> list[int]:
    return [m.start() for m in _IN_TOKEN.finditer(shadow)]


# Shadows: token bytes and spaces from a small alphabet, so that copies and prefixes abound, with
# runs of spaces short and long and tokens around LONG_RUN.
_shadow_piece = st.one_of(
    st.sampled_from(
        [b" ", b"  ", b"a", b"b", b"ab", b"ba", b"a1", b"1", b"1a", b"_", b"?", b"a?", b"z9", b"0"]
    ),
    st.tuples(st.sampled_from([b" ", b"1", b"_", b"a", b"?"]), st.integers(2, LONG_RUN + 3)).map(
        lambda t: t[0] * t[1]
    ),
)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_shadow_piece, max_size=40).map(b"".join))
def test_walks_match_the_plain_scans_on_shadows(body: bytes) -> None:
    shadow = b" " + body
    assert _at_token_starts(shadow) == _plain_at(shadow)
    assert list(_in_token_starts(shadow)) == _plain_in(shadow)


def test_walks_on_edges() -> None:
    bodies = [
        b"",
        b" ",
        b"   ",
        b"a",
        b"a ",
        b"a a",
        b"a a ",
        b"a  a   ",
        b"a ab",
        b"a a1",
        b"a a_ a",
        b"a b c d a",
        b"a b c d e a",
        b"a b a b a b",
        b"1 1",
        b"11 1",
        b"x1 1",
        b"x12 12",
        b"x12 1",
        b"x12 12a",
        b"x12 12_",
        b" " * 200 + b"the" + b" " * 300 + b"the" + b" " * 100,
    ]
    for body in bodies:
        shadow = b" " + body
        assert _at_token_starts(shadow) == _plain_at(shadow), body
        assert list(_in_token_starts(shadow)) == _plain_in(shadow), body
    assert _at_token_starts(b" a b a b a") == [0, 2, 4]
    assert _at_token_starts(b" a    a") == [0]
    assert _at_token_starts(b" a") == _at_token_starts(b" ") == []
    assert list(_in_token_starts(b" x12 2")) == [2]
    assert list(_in_token_starts(b" x12 2a")) == []


# Texts: words, their case variants, copies and prefixes, digits, "_", non-ASCII letters and the
# ones re.IGNORECASE matches to ASCII letters, separators of every kind, masks in long runs.
_word = st.sampled_from(
    ["the", "The", "THE", "then", "a", "an", "A1", "1a", "x_y", "x_", "2", "22", "2022", "is"]
)
_sep = st.sampled_from(
    [" ", "  ", "\n", "\r\n", "\t", "\xa0", "\u2003", ".", ",", "?", "'", "-", "’", "—", "\ufffc"]
)
_odd = st.sampled_from(["é", "İ", "ı", "ſ", "K", "k", "s", "i", "漢", "_", "9", "ß", "Σ"])
_long = st.tuples(st.sampled_from(["\ufffc", " ", "_", "1", "a", "漢"]), st.integers(2, 150)).map(
    lambda t: t[0] * t[1]
)
_text = st.lists(st.one_of(_word, _word, _sep, _odd, _long), max_size=40).map("".join)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text, st.booleans())
def test_same_starts_as_the_plain_finder(text: str, fold: bool) -> None:
    assert candidate_starts(text, fold) == _old_candidate_starts(text, fold)


def test_same_starts_on_examples() -> None:
    texts = [
        "",
        " ",
        "the",
        "the the",
        "the\r\nthe",
        "the\tthe",
        "the\ufffc\ufffc\ufffcthe",
        "\ufffc" * 100 + "a" + "\ufffc" * 100 + "a" + "\ufffc" * 100,
        "x2022 2022 and 2022",
        "İstanbul istanbul ſtep step Kelvin kelvin",
        "a b c d a b c d e a",
        "x" + "_" * 100 + " " + "_" * 100 + "1 the the end " + "1" * 200 + ".",
    ]
    for text in texts:
        for fold in (True, False):
            assert candidate_starts(text, fold) == _old_candidate_starts(text, fold), text


def test_the_token_walk_costs_linear_time() -> None:
    def cost(size: int, unit: bytes) -> float:
        shadow = b" " + unit * size
        return fastest_cpu_seconds(lambda: _at_token_starts(shadow), repeats=1)

    for unit in (b"ab ", b"a ", b"a b c d e ", b"a" + b" " * 50):
        small, large = cost(20_000, unit), cost(200_000, unit)
        assert large < 30 * max(small, 1e-3), unit  # quadratic would be 100x
