"""The repeat hints: their coarse words, read from a byte shadow, are what the pattern finds,
and the blocks they leave out hold no doubled word or phrase.

``folded_coarse_words`` splits a shadow of the prose where a span has only ASCII, ``’`` and
the listed non-word characters, and reads any other span with ``COARSE_WORD``. Checked here
against the plain form it replaced (the pattern on every span, casefolded), on texts made of
the characters that decide a coarse word's edges and its case.
"""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core.document import Document
from postlint.core.prose_view import MASK
from postlint.core.source import SourceFile
from postlint.rules.prose import _text, repeated_phrase, repeated_word
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


def plain_doubled_runs(folded: list[str]) -> list[int]:
    """The reference: every start of a run of two to four words followed by itself."""
    return [
        index
        for size in range(2, 5)
        for index in range(len(folded) - 2 * size + 1)
        if folded[index : index + size] == folded[index + size : index + 2 * size]
    ]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "the"]), max_size=30))
def test_doubled_runs_are_whole_runs(folded: list[str]) -> None:
    assert list(_text.doubled_runs(folded)) == plain_doubled_runs(folded)


def _every_block(doc: Document) -> _text.RepeatHints:
    starts = frozenset(block.start for block in doc.view.prose_blocks())
    return _text.RepeatHints(starts, starts)


# Paragraphs from a few words, in either case and with joiners, so that doubled words and
# phrases, near misses ("of the x of the") and doubled tokens ("node.js node.js") abound.
_vocabulary = st.sampled_from(
    ["of", "the", "The", "x", "X", "node.js", "a_b", "it’s", "it's", "2024", "é", "Über", "über"]
)
_gaps = st.sampled_from([" ", " ", " ", "  ", "\n", ", ", ". ", " **", "** ", MASK, " — "])


@st.composite
def _phrase_posts(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.lists(st.tuples(_vocabulary, _gaps), min_size=1, max_size=14))
        text = "".join(word + gap for word, gap in words)
        if draw(st.booleans()):  # a phrase written twice, perhaps with another gap or case
            at = draw(st.integers(0, len(words) - 1))
            size = draw(st.integers(1, 4))
            phrase = " ".join(word for word, _ in words[at : at + size])
            copy = draw(st.sampled_from([phrase, phrase.upper(), phrase.capitalize()]))
            text += phrase + draw(_gaps) + copy + draw(_gaps) + "end."
        paragraphs.append(text.strip())
    return "---\ntitle: A post\n---\n\n" + "\n\n".join(paragraphs) + "\n"


@settings(max_examples=500, deadline=None)
@given(_phrase_posts())
def test_the_hints_skip_no_finding(text: str) -> None:
    for rule in (repeated_word, repeated_phrase):
        doc = Document(SourceFile.from_bytes("p.md", text.encode()))
        fast = list(rule.check(doc, rule.NoOptions()))
        with mock.patch.object(rule, "repeat_hints", _every_block):
            doc = Document(SourceFile.from_bytes("p.md", text.encode()))
            plain = list(rule.check(doc, rule.NoOptions()))
        assert fast == plain


# Dots, underscores and apostrophes between letters and digits of any script, blanks, the mask.
_PIECES = ["a", "Z9", "é", "漢", "ß’s", "a'b", "x’", "😀", "-", ""]
_JOINED = st.one_of(
    st.text(alphabet="aZ9._'’é漢ß😀 -\n" + MASK, max_size=40),
    st.lists(st.tuples(st.sampled_from("._. "), st.sampled_from(_PIECES)), max_size=8).map(
        lambda pairs: "".join(joiner + piece for joiner, piece in pairs)
    ),
)


@settings(max_examples=1500, deadline=None)
@given(_JOINED, st.integers(0, 40))
def test_the_five_pieces_gate_misses_no_match(text: str, start: int) -> None:
    if _text._FIVE_PIECES.search(text, start) is not None:
        assert _text._FIVE_PIECES_GATE.search(text.encode()) is not None


def test_the_five_pieces_gate_on_examples() -> None:
    for text in ("a.b.c.d.e", "x_y_z.w.v", "é.ü.漢.ß’s.a", "a.b’c.d'e.f.g", "Node.js.x.y.z"):
        assert _text._FIVE_PIECES.search(text) is not None, text
        assert _text._FIVE_PIECES_GATE.search(text.encode()) is not None, text
    for text in ("a.b.c.d. e", "a.b’c.d'e.f", "a.b.c.d.-"):
        assert _text._FIVE_PIECES_GATE.search(text.encode()) is None, text
    assert _text._FIVE_PIECES.search("é.ü.漢.ß’s.😀") is None  # an emoji is no letter
    assert _text._FIVE_PIECES_GATE.search("é.ü.漢.ß’s.😀".encode()) is not None  # a superset
