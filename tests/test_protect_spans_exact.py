"""The protected names, identifiers and quotations are exactly what the previous scans found.

The previous algorithm (a name-start pattern tried at every character, word gaps sliced and
stripped, an RE2 prefilter for identifiers) is kept here as the reference.
"""

from __future__ import annotations

import re
import sys

import pytest
import re2
from cpu_time import fastest_cpu_seconds
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core import protect
from postlint.core.inline_masks import WHITESPACE
from postlint.core.prose_view import MASK

# --- the reference: the previous code, verbatim ----------------------------------------------

_OLD_NAME_START = re.compile(
    r"(?<![\w'\u2019])[\d_'\u2019]*+(?=[^\W\d_a-z][\w'\u2019]*+\s{1,3}+"
    rf"(?:[^\W\d_a-z]|(?=[a-z])(?i:{protect._CONNECTOR_WORDS})(?![\w'\u2019])))"
)


def old_names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    area = text[start:end]
    spans: list[tuple[int, int, str]] = []
    done = 0
    for candidate in _OLD_NAME_START.finditer(area):
        if candidate.end() >= done:
            done = _old_name_run(area, candidate.end(), start, spans)
    return spans


def _old_name_run(area: str, at: int, base: int, spans: list[tuple[int, int, str]]) -> int:
    run_start = run_end = -1
    capitals = 0
    pending = False
    last_end = -1
    for m in protect._WORD.finditer(area, at):
        if last_end >= 0:
            gap = area[last_end : m.start()]
            if not (len(gap) <= 3 and gap.strip() == "" and gap.count("\n") <= 1):
                if capitals >= 2:
                    spans.append((base + run_start, base + run_end, protect.NAME))
                run_start, run_end, capitals, pending = -1, -1, 0, False
        word = m.group(0)
        if word[0].isupper():
            if capitals == 0:
                run_start = m.start()
            capitals += 1
            run_end = m.end()
            pending = False
        elif capitals and word.lower() in protect._CONNECTORS and not pending:
            pending = True
        else:
            if capitals >= 2:
                spans.append((base + run_start, base + run_end, protect.NAME))
            return m.end()
        last_end = m.end()
    if capitals >= 2:
        spans.append((base + run_start, base + run_end, protect.NAME))
    return len(area)


_LETTER = r"[\pL\p{Nl}\p{No}]"
_WORD_CHAR = r"[\pL\pN_]"
_OLD_MAYBE_CODE_LIKE = re2.compile(
    rf"(?:{_WORD_CHAR}[-./:@#\\]{_WORD_CHAR}|_|{_LETTER}\pN|\pN{_LETTER}|[a-z][A-Z]|://)"
    rf"[^{WHITESPACE}]*"
)
_TOKEN = re.compile(r"\S+")


def old_identifiers(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    area = text[start:end]
    spans: list[tuple[int, int, str]] = []
    done = 0
    for hit in _OLD_MAYBE_CODE_LIKE.finditer(area):
        at = hit.start()
        if at < done:
            continue
        while at > done and not area[at - 1].isspace():
            at -= 1
        token_match = _TOKEN.match(area, at)
        assert token_match is not None
        done = token_match.end()
        token = token_match.group(0)
        inner = token.strip(protect._EDGE_PUNCTUATION)
        if inner and protect._CODE_LIKE.search(inner):
            lead = start + at + token.find(inner)
            spans.append((lead, lead + len(inner), protect.IDENTIFIER))
    return spans


# --- generated prose ---------------------------------------------------------------------------

PIECES = [
    *[" ", "  ", "   ", "    ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t", "\u00a0"],
    *["\u2003", "\u2028", "\x1c", "\x85", "\u3000", MASK, MASK * 3, ".", ",", ":", ";", "!"],
    *["?", "…", "'", "’", "‘", '"', "“", "”", "(", ")", "[", "]", "*", "_", "__", "-", "–"],
    *["—", "#", "/", "@", "\\", "&", "`", "``", "<", ">", "://", "www.", "0", "1", "42"],
    *["3D", "4th", "²", "½", "Ⅻ", "ⅻ", "٣", "१२", "１", "a", "A", "x", "Z", "é", "É", "ß"],
    *["ẞ", "ı", "İ", "ǅ", "ſ", "K", "Ω", "ω", "Ελλάδα", "Αθήνα", "中文", "東京", "ｱ", "ﬁ"],
    *["The", "the", "In", "of", "oF", "OF", "and", "y", "e", "de", "della", "van", "von"],
    *["deſ", "tHE", "dellA", "Y", "anD", "les", "del", "at", "on", "in", "for", "du"],
    *["an", "la", "It", "it", "is", "Labour", "Party", "Centre", "Policy", "Studies"],
    *["McDonald", "O'Brien", "O’Neill", "'Tis", "’90s", "don't", "J.", "R.R.", "St."],
    *["Jean-Luc", "Picard", "snake_case", "_private", "v8", "v8.3", "e.g.", "i.e.", "iPhone"],
    *["camelCase", "JavaScript", "a::b", "user@host", "#tag", "a/b", "example.com"],
    *["https://example.com/path?q=1", "http://x.y", "ftp://a", "rust-analyzer", "h264"],
    *["`code`", "`Foo Bar`", "(Foo)", "[Bar]", "*Baz*", "“Qux”", "‘Quux’", "e\u0301"],
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
BOUNDED = st.tuples(TEXTS, st.integers(0, 600), st.integers(0, 600))


@settings(max_examples=1500, deadline=None)
@given(BOUNDED)
def test_names_and_identifiers_match_the_previous_scans(case: tuple[str, int, int]) -> None:
    text, start, end = case
    start, end = min(start, len(text)), min(end, len(text))
    assert protect._names(text, start, end) == old_names(text, start, end)
    assert protect._identifiers(text, start, end) == old_identifiers(text, start, end)
    old_quotations = [
        (m.start(), m.end(), "a quotation") for m in protect._QUOTED.finditer(text, start, end)
    ]
    assert protect._quotations(text, start, end) == old_quotations


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120))
def test_any_text(text: str) -> None:
    """Arbitrary characters, whole text: every code point class gets a chance."""
    assert protect._names(text, 0, len(text)) == old_names(text, 0, len(text))
    assert protect._identifiers(text, 0, len(text)) == old_identifiers(text, 0, len(text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAbB1_'’ \n\r\t.-:/@#\\é²٣ΩſK" + MASK), max_size=80))
def test_dense_alphabet(text: str) -> None:
    """A small alphabet, so that every pair and triple of these characters appears."""
    assert protect._names(text, 0, len(text)) == old_names(text, 0, len(text))
    assert protect._identifiers(text, 0, len(text)) == old_identifiers(text, 0, len(text))


def test_edges() -> None:
    for text in ["", " ", MASK, "A", "A B", "A  B", "A   B", "A    B", "A\n\nB", "A\r\nB"]:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert protect._names(text, start, end) == old_names(text, start, end)
                assert protect._identifiers(text, start, end) == old_identifiers(text, start, end)


def test_first_classes_hold_every_start() -> None:
    """A match of either prefilter may start only at a character of its first class, which the
    engine skips to: that class must hold every character the old patterns could start at."""
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for needed, first in (
        (r"[^\W\d_a-z]|[\d_'\u2019]", protect._NAME_FIRST),
        (r"[-./:@#\\_A-Z]|\d", protect._CODE_FIRST),
    ):
        missing = set(re.findall(needed, chars)) - set(re.findall(first, chars))
        assert not missing, (first, sorted(missing)[:5])
    assert not re.match(protect._NAME_FIRST, MASK)
    assert not re.match(protect._CODE_FIRST, MASK)


# Shapes that would make a backtracking or re-reading scan quadratic: long runs of what the
# patterns repeat over (digits and apostrophes before a capital, word characters, blanks,
# tokens full of anchors), and runs of names that never end.
SHAPES = {
    "digit runs": "1'_2" * 40 + "A ",
    "one long word": "Ab" * 50,
    "long token": "a.b-c_d" * 20,
    "capitals": "A B ",
    "blanks": "A" + " " * 30,
    "masks": MASK * 50 + "A B",
    "connectors": "Bank of the ",
    "mixed": "x1Y2 Zz_ ",
    "masked tokens": "x" + MASK * 200 + "_y ",
    "line breaks between hits": "a\n" * 100 + "x_y\t",
    "one token": "a" * 10 + "_",
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_time_grows_linearly(name: str) -> None:
    piece = SHAPES[name]

    def cost(size: int) -> float:
        text = piece * (size // len(piece))
        return fastest_cpu_seconds(
            lambda: (protect._names(text, 0, len(text)), protect._identifiers(text, 0, len(text)))
        )

    small, large = cost(20_000), cost(80_000)
    assert large < 9.0 * max(small, 0.002), (name, small, large)


_OLD_CONNECTOR = re.compile(rf"(?=[a-z])(?i:{protect._CONNECTOR_WORDS})(?![\w'\u2019])")
_NEW_CONNECTOR = re.compile(rf"(?:{protect._CONNECTOR_TRIE})(?![\w'\u2019])")


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from("adefilnortuvyhsADEFILNORTHSUVYſıİK '’_1é"), max_size=7))
def test_connector_trie_matches_the_alternation(text: str) -> None:
    for at in range(len(text) + 1):
        old, new = _OLD_CONNECTOR.match(text, at), _NEW_CONNECTOR.match(text, at)
        assert (old is None) == (new is None), (text, at)


def _old_spans_of(spans: list[tuple[int, int, str]]) -> protect._Spans:
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, reason in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, reason))
    return protect._Spans(
        tuple(s for s, _, _ in merged),
        tuple(e for _, e, _ in merged),
        tuple(r for _, _, r in merged),
    )


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 8), st.sampled_from(["a", "b", "c"])),
        max_size=30,
    )
)
def test_merged_spans_match_the_previous_merge(raw: list[tuple[int, int, str]]) -> None:
    spans = [(start, start + length, reason) for start, length, reason in raw]
    assert protect._Spans.of(list(spans)) == _old_spans_of(list(spans))
