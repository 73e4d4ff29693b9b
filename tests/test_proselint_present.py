"""proselint's own evaluation without the checks whose plain terms are absent finds the same.

The one-post path (:func:`present_check`) leaves out checks made only of plain ASCII terms none
of which occurs in the case-folded text; :func:`reference_check` runs every check.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import re2
from hypothesis import HealthCheck, given, settings
from test_proselint_parity import CHUNKS, _texts

from postlint.rules.prose.proselint.direct import (
    ASCII_PARTNERS,
    _needle_table,
    present_check,
    reference_check,
)
from postlint.rules.prose.proselint.prefilter import _ascii_case_partners, _universe


def test_the_partners_are_pythons() -> None:
    assert _ascii_case_partners(sys.maxunicode + 1) == ASCII_PARTNERS


def test_re2_folds_no_other_character_to_an_ascii_letter() -> None:
    options = re2.Options()
    options.case_sensitive = False
    letters = re2.compile("[a-z]", options)
    universe = _universe(sys.maxunicode + 1)
    found = {m.group() for m in letters.finditer(universe) if not m.group().isascii()}
    assert {ord(char) for char in found} <= set(ASCII_PARTNERS)
    for char in found:
        assert letters.fullmatch(char) and re2.compile(
            ASCII_PARTNERS[ord(char)], options
        ).fullmatch(char)


def test_most_checks_have_needles() -> None:
    assert sum(needles is not None for needles in _needle_table()) > 60


@pytest.mark.skipif(not CHUNKS, reason="../shared/corpus is not beside the repo")
def test_same_findings_on_corpus_posts() -> None:
    for _, files in CHUNKS[::3]:
        for path in files[:4]:
            text = Path(path).read_bytes().decode("utf-8")
            assert present_check(text) == reference_check(text), path


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "We utilize it. ſo it is. The \u212aelvin scale. İn regards to it.",
        "IN REGARDS TO the matter, in light of the fact that it is.",
        "Kudos to the team; the kudos are. Irregardless. Alot.",
        "He WAXED LYRICALLY, a Group of Crows; obviously we UTILIZE it. Waxing ecstatically.",
        "Nothing to see: a group, a bunch, wax and waxes.",
    ],
)
def test_same_findings_on_targeted_texts(text: str) -> None:
    assert present_check(text) == reference_check(text)
    only = "misc.preferred_forms".__eq__
    assert present_check(text, only) == reference_check(text, only)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts())
def test_same_findings_on_generated_texts(text: str) -> None:
    assert present_check(text) == reference_check(text)
