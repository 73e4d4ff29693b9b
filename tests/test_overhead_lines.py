"""Line starts found by ``splitlines`` are the ones the line-break scan finds, whatever the
text holds (CR LF, lone CR, the breaks only ``splitlines`` knows, none at the end)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core.source import LineIndex, line_starts

_BREAK = re.compile(r"\r\n|\r|\n")


def _scanned(text: str) -> tuple[int, ...]:
    return (0, *(match.end() for match in _BREAK.finditer(text)))


_PLAIN = ("a", "bc", " ", "\n", "\r", "\r\n", "\n\r", "é", "\ud800", "\t", "\x00")
_OTHER = ("\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_PIECES = st.sampled_from((*_PLAIN, *_OTHER))


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_line_starts_are_the_scans(text: str) -> None:
    assert line_starts(text) == _scanned(text)
    assert LineIndex(text).starts == _scanned(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_line_starts_of_any_text(text: str) -> None:
    assert line_starts(text) == _scanned(text)


def test_the_edges() -> None:
    for text in ("", "\n", "\r", "\r\n", "a", "a\n", "a\r\nb", "\n\n", "a\u2028b\nc"):
        assert line_starts(text) == _scanned(text), repr(text)
