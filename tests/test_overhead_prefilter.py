"""The artefact prefilter first asks a superset with its windows left open whether a text can
hold a match at all; the spans it gives are the ones the windowed scan alone gives."""

from __future__ import annotations

import random

import pytest
from artefact_variants import MAKERS
from hypothesis import given, settings
from hypothesis import strategies as st
from test_artefact_prefilter import _NOISE, SOURCES, _noisy

from postlint.rules.artefacts import _prefilter
from postlint.rules.artefacts._prefilter import candidate_spans, scannable, superset


def _windowed_only(length: int, encoded: bytes, source: str) -> list[tuple[int, int]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_prefilter, "_unbounded", lambda source: None)
        return candidate_spans(length, encoded, source)


def test_open_windows_widen_only_the_windows() -> None:
    assert superset(r"a[^.]{0,80}?b", windows=False) == "a[^.]{0,}b"
    assert superset(r"a{2,19}b{30}", windows=False) == "a{2,}b{30,}"
    assert _prefilter._unbounded(r"a{2,19}b") is None  # no window: nothing to ask first
    assert _prefilter._unbounded(SOURCES["AI105"]) is not None


@pytest.mark.parametrize("code", list(SOURCES))
def test_the_spans_are_the_windowed_scans(code: str) -> None:
    source = SOURCES[code]
    rng = random.Random(f"open-windows-{code}")
    found = 0
    for _, make in MAKERS.values():
        for _ in range(30):
            variant = make(rng)
            text = _noisy(rng, variant.artefact) + rng.choice(_NOISE) + variant.text
            encoded = scannable(text)
            if encoded is None:
                continue
            spans = candidate_spans(len(text), encoded, source)
            assert spans == _windowed_only(len(text), encoded, source)
            found += bool(spans)
    assert found > 5


_WORDS = st.sampled_from(
    (
        *("Sure", "!", " ", "here", "is", "the", "a", "rewritten", "version", "of", "article"),
        *(":", "I", "'ve", "As", "an", "AI", "language", "model", ",", "\n", ".", "é", "\ufffc"),
        *("you", "requested", "x" * 90, "based", "on", "your", "outline", "below", "post"),
    )
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join), st.sampled_from(sorted(SOURCES)))
def test_the_spans_of_any_text_are_the_windowed_scans(text: str, code: str) -> None:
    encoded = scannable(text)
    if encoded is not None:
        source = SOURCES[code]
        assert candidate_spans(len(text), encoded, source) == _windowed_only(
            len(text), encoded, source
        )
