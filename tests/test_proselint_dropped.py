"""Checks whose findings the caller drops may be skipped, and the other findings stay exact.

proselint keeps only the first MAX_ERRORS results (in check order), so skipping a check can only
be exact where its results could not have pushed another past that cut: the engine counts the
repeated-phrase matches (an upper bound, then a scan of what the bound cannot cover) and runs
the check in full when the count does not fit. These tests compare with proselint's own
evaluation, filtered afterwards, and check the bound itself on generated texts.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.rules.prose.proselint import DEFAULT_POLICY, OFF
from postlint.rules.prose.proselint.checks import _REPEATED_PHRASE, MAX_ERRORS, ProselintHit
from postlint.rules.prose.proselint.direct import reference_check
from postlint.rules.prose.proselint.engine import AdaptiveEngine, ProselintEngine
from postlint.rules.prose.proselint.repeats import SPACE_LEADS, RepeatedPhraseScan, at_most

REGEX = re.compile(_REPEATED_PHRASE, re.IGNORECASE)
DROPPED = frozenset(path for path, level in DEFAULT_POLICY.items() if level == OFF)


@pytest.fixture(scope="module")
def engine() -> ProselintEngine:
    return ProselintEngine()


def _kept(text: str, dropped: frozenset[str]) -> list[ProselintHit]:
    return [hit for hit in reference_check(text) if hit.path not in dropped]


def _checked(engine: ProselintEngine, text: str, dropped: frozenset[str]) -> list[ProselintHit]:
    """What the caller keeps of the engine's findings (it may still return dropped ones)."""
    return [hit for hit in engine.check_text(text, dropped) if hit.path not in dropped]


def _matches(text: str) -> int:
    return sum(1 for _ in RepeatedPhraseScan(REGEX).finditer(text))


def test_the_lead_bytes_of_white_space_are_all_listed() -> None:
    leads = {chr(c).encode()[0] for c in range(0x80, sys.maxunicode + 1) if chr(c).isspace()}
    assert leads <= SPACE_LEADS
    assert all(not chr(c).isspace() for c in range(0xD800, 0xE000))  # surrogates: none


def test_the_policy_drops_the_repeated_phrase_check() -> None:
    assert "lexical_illusions" in DROPPED


@pytest.mark.parametrize(
    "text",
    [
        "the the cat. " * 10,
        # near the cut: many repeats, and other checks' findings before and after them
        "It is very unique!! " * 300 + "the the. " * 700 + "We utilize it... " * 100,
        "the the. " * 999 + "very unique. ",
        "the the " * 600 + "very very unique " * 500,
        "Obviously. " + "a a, " * 1200,
        ("word " * 1200 + "and and. ") * 2,
        "ab ab\u00a0ab\u2003ab\u3000ab. " * 500,
        # findings only from checks before the skipped one (no bound needed), past the cut too
        "Going forward, we leverage synergy. " + "the the. " * 1200,
        "the the. " * 1200 + "It was a chip off the old block. " * 3,
        "It was a chip off the old block. " * 1001 + "the the. " * 5,
        "It was a chip off the old block. " * 999 + "the the. " * 5 + "very unique. ",
    ],
)
def test_skipping_leaves_the_other_findings_exact(engine: ProselintEngine, text: str) -> None:
    assert _checked(engine, text, DROPPED) == _kept(text, DROPPED)
    only = frozenset({"lexical_illusions"})
    assert _checked(engine, text, only) == _kept(text, only)


def test_a_check_that_fits_is_skipped(engine: ProselintEngine) -> None:
    text = "the the cat. " * 10 + "word " * 2000 + "a a."
    assert any(hit.path == "lexical_illusions" for hit in engine.check_text(text))
    assert all(hit.path != "lexical_illusions" for hit in engine.check_text(text, DROPPED))


def test_the_direct_path_keeps_every_finding() -> None:
    text = "the the cat is very unique!!"
    assert AdaptiveEngine().check_text(text, DROPPED) == reference_check(text)


_word = st.sampled_from(["the", "The", "a", "ab", "AB", "1", "x_", "é", "漢", "the1", "İt"])
_sep = st.sampled_from(
    [" ", "  ", "\n", "\t", "\xa0", "\u2003", "\u3000", "\x1c", ".", ", ", "-", "'", "\ufffc"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(st.tuples(_word, _sep).map("".join), max_size=120).map("".join),
    limit=st.integers(0, 40),
)
def test_the_bound_is_never_too_low(text: str, limit: int) -> None:
    padded = f"\n{text}\n"
    bound = at_most(REGEX, padded, padded.encode(), limit)
    if bound is not None:
        assert _matches(padded) <= bound <= limit


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(st.tuples(_word, _sep).map("".join), max_size=60).map("".join),
    copies=st.integers(1, 40),
)
def test_skipping_on_generated_texts(engine: ProselintEngine, text: str, copies: int) -> None:
    big = (text + " very unique!! ") * copies
    assert _checked(engine, big, DROPPED) == _kept(big, DROPPED)


def test_a_count_that_does_not_fit_runs_the_check(engine: ProselintEngine) -> None:
    text = "the the. " * (MAX_ERRORS + 10)
    assert at_most(REGEX, f"\n{text}\n", f"\n{text}\n".encode(), MAX_ERRORS) is None
    assert _checked(engine, text, DROPPED) == _kept(text, DROPPED)


_before = st.sampled_from(["Going forward, we leverage synergy. ", "A chip off the old block. "])
_after = st.sampled_from(["It is very unique. ", "We utilize it... ", "the cat "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(st.tuples(st.one_of(_before, _after), st.integers(0, 400)), max_size=4),
    repeats=st.integers(0, 1100),
)
def test_skipping_with_findings_before_and_after(
    engine: ProselintEngine, parts: list[tuple[str, int]], repeats: int
) -> None:
    """Findings of checks before and after the skipped one, near and past the cut: the skipped
    check is bounded only when a kept finding comes after it."""
    text = "the the. " * repeats + "".join(part * count for part, count in parts)
    assert _checked(engine, text, DROPPED) == _kept(text, DROPPED)
