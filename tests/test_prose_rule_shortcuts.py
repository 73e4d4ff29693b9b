"""Shortcuts in sentence-length, lede-splice, inconsistent-spelling and unbalanced-quotes
give exactly what the code they replaced gave.

Each old function is kept here as the reference and compared with the new one on generated
prose: non-ASCII and odd white space, CRLF, masks (U+FFFC), empty input and edge positions.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from re2 import _re2 as _re2_core  # type: ignore[attr-defined]

from postlint.core.inline_masks import re2_byte_spans
from postlint.core.prose_view import MASK
from postlint.rules.prose import lede_splice

PIECES = (
    "a", "said", "Officials", "the", "Sources close", "It", "is", "believed", "that", "x",
    "naïve", "İstanbul", "日本語", "ﬁle", MASK, "\u00a0", "\u2028", "\x1c", "\x85", "\u3000",
    " ", "  ", "\t", "\n", "\r\n", "\r", ".", ",", ";", ":", "!", "?", "(", ")", "'", "’",
    "-", "—", "*", "_", '"', "“", "”", "&quot;", "http://x.org/a", "https://e.com/b_c",
    "www.x.y", "/", "3.5", "U.S.", "Dr.", "e.g.", "K",
)  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


# --- lede-splice: the walk back to the start of an attribution -------------------------------

_OLD_CLAUSE_START = re.compile(r"[.!?;:,\n(]")


def _old_attribution_start(prose: str, verb_start: int, floor: int) -> int:
    lower = floor
    start = verb_start
    for _ in range(lede_splice._SUBJECT_WORDS):
        j = start
        while j > lower and prose[j - 1] in " \t":
            j -= 1
        k = j
        while (
            k > lower and not prose[k - 1].isspace() and not _OLD_CLAUSE_START.match(prose[k - 1])
        ):
            k -= 1
        if k == j:
            break
        start = k
    while start < verb_start and prose[start].isspace():
        start += 1
    return start


@settings(max_examples=1500, deadline=None)
@given(texts, st.integers(0, 10_000), st.integers(0, 10_000), st.sampled_from((1, 3, 8, 160)))
def test_attribution_start_is_the_walk(text: str, a: int, b: int, window: int) -> None:
    floor, verb = sorted((a % (len(text) + 1), b % (len(text) + 1)))
    old = _old_attribution_start(text, verb, floor)
    assert lede_splice._walk_back(text, verb, floor) == old
    saved = lede_splice._WINDOW
    try:
        lede_splice._WINDOW = window  # a short window makes the edge case common
        assert lede_splice._attribution_start(text, verb, floor) == old
    finally:
        lede_splice._WINDOW = saved


def test_attribution_start_long_word() -> None:
    text = "x" * 500 + " said"
    assert lede_splice._attribution_start(text, 501, 0) == 0 == _old_attribution_start(text, 501, 0)
    text = "a b c d e f g h " + "y" * 300 + " said"
    verb = len(text) - 4
    assert lede_splice._attribution_start(text, verb, 0) == _old_attribution_start(text, verb, 0)


def _old_candidate_starts(prose: str, start: int, end: int) -> list[int]:
    data = prose.encode()
    ascii_only = len(data) == len(prose)
    to_bytes, count = _re2_core.CharLenToBytes, _re2_core.BytesToCharLen
    pos = start if ascii_only else to_bytes(data, 0, start)
    stop = end if ascii_only else pos + to_bytes(data, pos, end - start)
    spans = re2_byte_spans(lede_splice._lead_in_starts(), data, 0, pos, stop)
    if ascii_only:
        return [at for at, _ in spans]
    out, last, char = [], pos, start
    for at, _ in spans:
        char += count(data, last, at)
        last = at
        out.append(char)
    return out


@settings(max_examples=800, deadline=None)
@given(texts, st.integers(0, 10_000), st.integers(0, 10_000), st.booleans())
def test_candidate_starts_to_the_end(text: str, a: int, b: int, to_end: bool) -> None:
    start, end = sorted((a % (len(text) + 1), b % (len(text) + 1)))
    if to_end:
        end = len(text)
    new = list(lede_splice._candidate_starts(text, start, end, text.encode()))
    assert new == _old_candidate_starts(text, start, end)
