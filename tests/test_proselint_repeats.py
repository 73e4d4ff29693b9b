"""The repeated-phrase scan finds exactly what proselint's pattern finds, and in linear time."""

from __future__ import annotations

import re

from cpu_time import fastest_cpu_seconds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.rules.prose.proselint.checks import _REPEATED_PHRASE
from postlint.rules.prose.proselint.repeats import LONG_RUN, RepeatedPhraseScan

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
