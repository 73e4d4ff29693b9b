"""The repeated-phrase scan finds exactly what proselint's pattern finds, and in linear time."""

from __future__ import annotations

import re
import time

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


def test_examples() -> None:
    text = "x" + "_" * 100 + " " + "_" * 100 + "1 the the end " + "1" * 200 + "."
    spans = [m.span() for m in SCAN.finditer(text)]
    assert spans == [m.span() for m in REGEX.finditer(text)]
    assert (text.index("the the"), text.index("the the") + 7) in spans


def test_a_long_run_costs_linear_time() -> None:
    def cost(size: int) -> float:
        text = "_" * size
        started = time.process_time()
        list(SCAN.finditer(text))
        return time.process_time() - started

    small, large = cost(20_000), cost(200_000)
    assert large < 30 * max(small, 1e-3)  # quadratic would be 100x
