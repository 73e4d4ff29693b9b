"""The UTF-8 byte offset -> character offset map (RE2 reports byte offsets) is exact at every
character boundary, for runs of one width, of mixed widths, and for ASCII between them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.rules.prose.proselint.prefilter import _ByteOffsets

# One character of each UTF-8 width, and 2 + 4 byte pairs whose run averages 3 bytes a character.
_ALPHABET = ["a", " ", "\n", "é", "ß", "\u07ff", "\u0800", "\ufffc", "中", "😀", "\U00010000"]


def _boundaries(text: str) -> list[tuple[int, int]]:
    pairs, at = [], 0
    for index, char in enumerate(text):
        pairs.append((at, index))
        at += len(char.encode())
    return [*pairs, (at, len(text))]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_every_boundary_maps_to_its_character(text: str) -> None:
    char_at = _ByteOffsets(text)
    for byte, char in reversed(_boundaries(text)):  # any order: tables are built on first use
        assert char_at(byte) == char


def test_a_long_mixed_run_and_a_long_uniform_run() -> None:
    text = "x" + "é😀" * 500 + " y " + "\ufffc" * 1000 + "z"
    char_at = _ByteOffsets(text)
    assert all(char_at(byte) == char for byte, char in _boundaries(text))
