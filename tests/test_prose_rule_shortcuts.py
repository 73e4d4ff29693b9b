"""Shortcuts in sentence-length, lede-splice, inconsistent-spelling and unbalanced-quotes
give exactly what the code they replaced gave.

Each old function is kept here as the reference and compared with the new one on generated
prose: non-ASCII and odd white space, CRLF, masks (U+FFFC), empty input and edge positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import re2
from hypothesis import given, settings
from hypothesis import strategies as st
from re2 import _re2 as _re2_core  # type: ignore[attr-defined]

from postlint.core.diagnostic import Finding
from postlint.core.document import Document
from postlint.core.prose_view import MASK
from postlint.core.re2_bytes import re2_byte_spans
from postlint.core.source import SourceFile
from postlint.rules.prose import (
    inconsistent_spelling,
    lede_splice,
    sentence_length,
    unbalanced_quotes,
)

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


# --- sentence-length: one segment map per paragraph, pieces trimmed only when long --------------


def _old_sentence_check(doc: Document, options: sentence_length.Options) -> Iterator[Finding]:
    prose = doc.prose
    limit = options.max_words
    for block in doc.view.blocks:
        if block.kind != "paragraph" or block.in_blockquote or block.start < doc.body_start:
            continue
        left = sentence_length._at_most(prose, block.start, block.end, limit)
        if left <= limit:
            continue
        for sentence in sentence_length.sentences(prose, block.start, block.end):
            if left <= limit:
                break
            count = sentence_length._word_count(prose, sentence.start, sentence.end, limit)
            left -= count
            if count <= limit or sentence_length._is_enumeration(
                count, prose[sentence.start : sentence.end]
            ):
                continue
            yield Finding(
                sentence.start,
                sentence.end,
                f"sentence of {count} words (limit {limit}): split it into shorter ones",
            )


WORDS = (
    "a", "word", "The", "Dr.", "U.S.", "e.g.", "3.5", "1,000", "naïve", "日本語", "ﬁle", "x_y",
    "it's", "don’t", "İstanbul", "K", "—", "-", "'", MASK, "`code`", "[link](https://e.com/a)",
    "<b>", "**", "Ⅻ", "²",
)  # fmt: skip
GAPS = (
    " ", " ", " ", "  ", "\n", "\r\n", "\r", ", ", ". ", "! ", "? ", "… ", "...", '." ', ".) ",
    "  \n", "\\\n", "  \r\n", "\t", "\u00a0", "\u2028", MASK, ",", "; ",
)  # fmt: skip


@st.composite
def long_posts(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(0, 4))):
        parts = []
        for _ in range(draw(st.integers(1, 120))):
            parts.append(draw(st.sampled_from(WORDS)))
            parts.append(draw(st.sampled_from(GAPS)))
        paragraphs.append("".join(parts))
        if draw(st.booleans()):
            paragraphs.append(draw(st.sampled_from(("- item one", "> a quote", "# Head"))))
    newline = draw(st.sampled_from(("\n", "\r\n")))
    return newline.join(["---", "title: A post", "---", "", *paragraphs, ""])


def _doc(text: str) -> Document:
    return Document(SourceFile.from_bytes("p.md", text.encode()))


@settings(max_examples=500, deadline=None)
@given(long_posts(), st.sampled_from((1, 2, 3, 5, 8, 12, 40)))
def test_sentence_length_same_as_before(text: str, limit: int) -> None:
    options = sentence_length.Options(max_words=limit)
    doc = _doc(text)
    assert list(sentence_length.check(doc, options)) == list(_old_sentence_check(doc, options))


_OLD_ABBREVIATION = re.compile(
    r"(?:^|(?<=[\s(\[\"“‘" + MASK + r"]))"
    r"(?:[A-Z]"
    r"|[A-Za-z]\.(?:[A-Za-z]\.?)+"
    r"|Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|Mt|Ft|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|Hon|Pres"
    r"|vs|cf|ca|approx|Fig|fig|No|Nos|Vol|vol|pp|Ch|ch|Sec|sec|Art|Ref|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\Z"
)


def _old_is_end(prose: str, match: re.Match[str], floor: int) -> bool:
    if match.group("stop") != ".":
        return True
    head = prose[max(floor, match.start() - 12) : match.start()]
    return _OLD_ABBREVIATION.search(head) is None


def test_abbreviation_pattern_unchanged() -> None:
    assert sentence_length._ABBREVIATION.pattern == _OLD_ABBREVIATION.pattern


HEAD_PIECES = (
    "Mr", "Mrs", "St", "approx", "Sept", "No", "vol", "J", "R", "x", "U", "S", "e", "g", "i",
    "Ph", "D", "word", "approximately", "Decx", "MrX", ".", " ", "\t", "\n", "\u3000", "(",
    "[", '"', "“", "‘", "’", MASK, "3", "é", "İ", "-", "*",
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(HEAD_PIECES), max_size=12).map("".join),
    st.sampled_from((". A", ".  1", '. "X', ".\nB", ".\r\nC")),
    st.integers(0, 40),
)
def test_is_end_same_as_regex(head: str, tail: str, floor: int) -> None:
    text = head + tail
    for match in sentence_length._END.finditer(text):
        at = min(floor, match.start())
        assert sentence_length._is_end(text, match, at) == _old_is_end(text, match, at)


# --- unbalanced-quotes: only the lines of bare URLs are searched for swallowed marks ------------


def _old_with_marks_after_urls(text: str, prose: str) -> str:
    marks = []
    for match in unbalanced_quotes._CLOSING_AFTER_URL.finditer(text):
        at = match.start()
        after = match.end()
        while after < len(prose) and text[after] in "*_)]" and prose[after] == MASK:
            after += 1
        if prose[at] != MASK or (after < len(prose) and prose[after] == MASK):
            continue
        look = unbalanced_quotes._URL_LOOK
        space = max(text.rfind(" ", max(0, at - look), at), text.rfind("\n", 0, at))
        if text.startswith(unbalanced_quotes._BARE_URL, space + 1):
            marks.append(at)
    if not marks:
        return prose
    chars = list(prose)
    for at in marks:
        chars[at] = text[at]
    return "".join(chars)


URL_PIECES = (
    "http://a.b/c", "https://e.com/x_y", "www.z.org", "https:/", "xhttp://q", "(https://l.m)",
    '"', "”", "“", "a", "word", "/", "*", "_", ")", "]", " ", "  ", "\t", "\n", "\r\n", "\r",
    "\u00a0", "\u2028", ".", ",", "日本", MASK, "x" * 30,
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(URL_PIECES), max_size=40).map("".join),
    st.lists(st.booleans(), max_size=400),
    st.sampled_from((4, 16, 2048)),
)
def test_marks_after_urls_same_as_before(text: str, masked: list[bool], look: int) -> None:
    flags = masked + [False] * len(text)
    prose = "".join(MASK if flags[i] or c == MASK else c for i, c in enumerate(text))
    saved = unbalanced_quotes._URL_LOOK
    try:
        unbalanced_quotes._URL_LOOK = look  # a short look-back makes its edge common
        new = unbalanced_quotes._with_marks_after_urls(text, prose)
        assert new == _old_with_marks_after_urls(text, prose)
    finally:
        unbalanced_quotes._URL_LOOK = saved


def test_mark_after_url_shown() -> None:
    text = 'He said "see https://e.com/p” and" more'
    prose = text[:13] + MASK * 16 + text[29:]  # the autolinker took the closing mark
    assert text[28] == "”"
    shown = unbalanced_quotes._with_marks_after_urls(text, prose)
    assert shown == _old_with_marks_after_urls(text, prose) == prose[:28] + "”" + prose[29:]


# --- inconsistent-spelling: both needle tests in one pass over the text as written -------------

SPELLING_PIECES = (
    "Kyiv", "KIEV", "kiev", "\u212aiev", "Kİ", "İ", "i\u0307", "e-mail", "E-Mail", "web", "Web ",
    "site", "NATO", "Nato", "ſite", "ǅ", "Σ", "ΣΑΣ", "ß", "ﬁ", "K", "k", "I", "i", "ki", " ", "\n",
    "-", MASK, "日本", "Straße", "on-line", "\u212a", "\u0130",
)  # fmt: skip
NEEDLE_FORMS = ("Kyiv", "Kiev", "Ki", "kI", "e-mail", "web site", "Web-Site", "naïve", "Ik", "i")


def _old_found(
    terms: tuple[object, ...], exact: bytes, prose: str, fields: list[str]
) -> tuple[frozenset[str], frozenset[str]]:
    spelling = inconsistent_spelling
    lowered = "\n".join([prose.lower(), *(f.lower() for f in fields)])
    return (
        spelling._needles_in(spelling._all_needles(terms, by_case=True), exact),
        spelling._needles_in(spelling._all_needles(terms, by_case=False), lowered.encode()),
    )


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(SPELLING_PIECES), max_size=30).map("".join),
    st.lists(st.lists(st.sampled_from(SPELLING_PIECES), max_size=5).map("".join), max_size=2),
    st.lists(st.tuples(*[st.sampled_from(NEEDLE_FORMS)] * 2), min_size=1, max_size=3),
    st.lists(st.sampled_from(("NATO", "KI", "İK", "WEB")), max_size=2),
)
def test_needles_found_same_as_before(
    prose: str, fields: list[str], pairs: list[tuple[str, str]], acronyms: list[str]
) -> None:
    pairs = [(a, b) for a, b in pairs if a != b] or [("Kyiv", "Kiev")]
    try:
        options = inconsistent_spelling.Options(pairs=tuple(pairs), acronyms=tuple(acronyms))
    except ValueError:
        return
    terms = inconsistent_spelling.prepare(options, None).terms
    exact = b"\n".join([prose.encode(), *(f.encode() for f in fields)])
    new = inconsistent_spelling._found(terms, exact, prose, fields)
    assert new == _old_found(terms, exact, prose, fields)


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(SPELLING_PIECES), max_size=30).map("".join),
    st.sampled_from(("kiev", "i", "ki", "ik", "e-mail", "k", "web", "site", "nato", "a.b")),
)
def test_folded_pattern_is_lower_case_search(text: str, needle: str) -> None:
    pattern = re2.compile(inconsistent_spelling._folded_pattern(needle))
    assert (pattern.search(text) is not None) == (needle in text.lower())


def test_only_kelvin_and_dotted_capital_i_lower_case_to_ascii() -> None:
    """The fact ``_folded_pattern`` stands on, for every code point of this Python's Unicode."""
    non_ascii = (chr(c) for c in range(0x80, 0x110000))
    holders = {c for c in non_ascii if any(x.isascii() for x in c.lower())}
    assert holders == {"\u212a", "\u0130"}
