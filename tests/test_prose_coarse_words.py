"""The coarse words of the repeat hints, read from a byte shadow, are what the pattern finds.

``folded_coarse_words`` splits a shadow of the prose where a span has only ASCII, ``’`` and
the listed non-word characters, and reads any other span with ``COARSE_WORD``. Checked here
against the plain form it replaced (the pattern on every span, casefolded), on texts made of
the characters that decide a coarse word's edges and its case.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core.prose_view import MASK
from postlint.rules.prose import _text
from postlint.rules.prose._text import COARSE_WORD, folded_coarse_words


def plain_folded(prose: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[int]]:
    """The reference: the pattern on each span, every word casefolded."""
    folded: list[str] = []
    ends: list[int] = []
    for start, end in spans:
        folded += [word.casefold() for word in COARSE_WORD.findall(prose, start, end)]
        ends.append(len(folded))
    return folded, ends


# ASCII letters of both cases and digits, the apostrophes, characters that end a word (ASCII,
# the listed non-ASCII ones, a literal "?" and \x01, which the shadow uses), CRLF, the mask,
# and non-ASCII word characters, with case folds that change length or leave ASCII.
EDGES = "aAbZz09_'’.?\x01 \t\r\n-" + MASK + "—“”–\xa0•…‘" + "éÉİßſKﬁ漢Σ😀"
_texts = st.one_of(
    st.text(alphabet=EDGES, max_size=80),
    st.text(alphabet=EDGES[: EDGES.index("é")], max_size=80),  # only what the shadow splits
)


@st.composite
def _prose_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    prose = draw(_texts)
    cuts = sorted(draw(st.lists(st.integers(0, len(prose)), max_size=8)))
    spans = list(zip(cuts[::2], cuts[1::2], strict=False))  # in order, possibly empty or touching
    return prose, spans


@settings(max_examples=1500, deadline=None)
@given(_prose_and_spans())
def test_same_words_as_the_pattern(case: tuple[str, list[tuple[int, int]]]) -> None:
    prose, spans = case
    assert folded_coarse_words(prose, spans) == plain_folded(prose, spans)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["it's", "IT’S", "'a'", "a''b", "a'’b", "x'", "’y", "Ab1"]), max_size=12
    ),
    st.sampled_from([" ", "", "\r\n", MASK, "—", "?"]),
)
def test_apostrophes_between_and_outside_words(words: list[str], sep: str) -> None:
    prose = sep.join(words)
    spans = [(0, len(prose)), (0, len(prose) // 2), (len(prose) // 2, len(prose))]
    for span in spans:
        assert folded_coarse_words(prose, [span]) == plain_folded(prose, [span])


def test_examples() -> None:
    prose = "It’s the THE end's 'quote' — a''b, x_y. Café café"
    spans = [(0, len(prose)), (0, 3), (3, 3), (4, 20)]
    assert folded_coarse_words(prose, spans) == plain_folded(prose, spans)
    words, _ = folded_coarse_words(prose, [(0, 20)])
    assert words == ["it’s", "the", "the", "end's"]
    assert folded_coarse_words("", []) == ([], [])
    assert folded_coarse_words("ab", [(0, 1), (1, 2)]) == (["a", "b"], [1, 2])  # cut at the edge


def test_the_listed_characters_are_no_word_characters() -> None:
    word = re.compile(r"[^\W_]")
    for char in _text._COARSE_SPACES:
        assert word.match(char) is None, hex(ord(char))
    assert word.match(_text._CURLY_APOSTROPHE) is None
    assert _text._CURLY_APOSTROPHE.casefold() == _text._CURLY_APOSTROPHE
    assert not _text._APOSTROPHE_BYTE.isspace()
    # Every other character outside ASCII is "?" in the shadow: such a span is read by the pattern.
    others = "".join(chr(c) for c in range(128, 0x3000) if chr(c) not in _text._COARSE_SPACES)
    shadow = _text._coarse_shadow(others.replace(_text._CURLY_APOSTROPHE, ""))
    assert set(shadow) == {ord("?")}
