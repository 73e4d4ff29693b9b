"""The fast paths of the prose view, lede-splice, the protected spans and starts_sentence give
exactly what the plain scans they replace gave (kept here as the reference)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core import prose_view, protect
from postlint.rules.prose import _text, lede_splice, placeholder_left

PIECES = [
    " ",
    "  ",
    "   ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u00a0",
    "\u2028",
    ".",
    ",",
    ":",
    "!",
    "?",
    "…",
    "'",
    "’",
    '"',
    "“",
    "”",
    "‘",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "*",
    "_",
    "-",
    "#",
    "/",
    "@",
    "\\",
    "%",
    "|",
    ">",
    "+",
    "://",
    "1",
    "42",
    "²",
    "Ⅻ",
    "a",
    "A",
    "x",
    "é",
    "É",
    "ı",
    "İ",
    "ǅ",
    "TK",
    "XXX",
    "The",
    "the",
    "A",
    "In",
    "of",
    "and",
    "della",
    "oF",
    "It",
    "it",
    "is",
    "was",
    "has been",
    "believed",
    "reported",
    "that",
    "said",
    "says",
    "told us",
    "Officials",
    "officials",
    "sources",
    "Reportedly",
    "Allegedly,",
    "according to",
    "ACCORDİNG",
    "Rust",
    "rust",
    "Labour Party",
    "Centre for Policy Studies",
    "snake_case",
    "v8",
    "e.g.",
    "camelCase",
    "example.com/path",
    "Prices",
    "prices",
    "Will",
    "We",
    "Are",
    "lorem ipsum",
    "LoReM",
    "dolor",
    "[INSERT NAME]",
    "{city}",
    "%name%",
    "- ",
    "1. ",
    "> ",
    "# ",
    prose_view.MASK,
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
BOUNDED = st.tuples(TEXTS, st.integers(0, 400), st.integers(0, 400))


# --- the reference scans --------------------------------------------------------------------


def masked(text: str) -> str:
    return re.sub(r"[^\r\n]", prose_view.MASK, text)


def line_starts(text: str, base: int) -> list[int]:
    return [base] + [base + m.end() for m in re.finditer(r"\r\n|\r|\n", text)]


_WORD = re.compile(r"[A-Za-z]+")


def common_words(prose: str, start: int, end: int, glued: frozenset[int]) -> frozenset[str]:
    lower: set[str] = set()
    inside: set[str] = set()
    previous = ""
    for match in _WORD.finditer(prose, start, end):
        word = match.group(0)
        if word.islower():
            lower.add(word)
        elif (
            word[0].isupper()
            and previous.islower()
            and prose[match.start() - 1] == " "
            and match.start() not in glued
        ):
            inside.add(word.lower())
        previous = word
    return frozenset(lower - inside - lede_splice._ARTICLE_LIKE)


def bare_names(prose: str, start: int, end: int) -> frozenset[str]:
    found: set[str] = set()
    previous = ""
    for match in _WORD.finditer(prose, start, end):
        word = match.group(0)
        if word[0].isupper() and previous not in lede_splice._BEFORE_LOWER:
            found.add(word)
        previous = word
    return frozenset(found)


def names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    run_start = run_end = -1
    capitals = 0
    pending = False
    last_end = -1
    for m in protect._WORD.finditer(text, start, end):
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        joined = last_end >= 0 and gap.strip() == "" and gap.count("\n") <= 1 and len(gap) <= 3
        word = m.group(0)
        if not joined:
            if capitals >= 2:
                spans.append((run_start, run_end, protect.NAME))
            run_start, run_end, capitals, pending = -1, -1, 0, False
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
                spans.append((run_start, run_end, protect.NAME))
            run_start, run_end, capitals, pending = -1, -1, 0, False
        last_end = m.end()
    if capitals >= 2:
        spans.append((run_start, run_end, protect.NAME))
    return spans


def identifiers(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for m in re.compile(r"\S+").finditer(text, start, end):
        token = m.group(0)
        inner = token.strip(protect._EDGE_PUNCTUATION)
        if inner and protect._CODE_LIKE.search(inner):
            lead = token.find(inner)
            spans.append((m.start() + lead, m.start() + lead + len(inner), protect.IDENTIFIER))
    return spans


_QUOTED = re.compile(
    "\u201c[^\u201c\u201d\\n]*(?:\\n[^\u201c\u201d\\n]+)*\u201d"
    '|(?<![\\w"])"[^"\\n]+"(?![\\w"])'
    "|(?<![\\w\u2018\u2019])\u2018[^\u2018\u2019\\n]+\u2019(?!\\w)"
)
_LINE_MARKERS = re.compile(r"[\s>#*+-]*(?:\d+[.)])?\s*")


def starts_sentence(text: str, offset: int, floor: int = 0) -> bool:
    i = offset
    while i > floor and text[i - 1] in _text._OPENING:
        i -= 1
    if _LINE_MARKERS.fullmatch(text, floor, i):
        return True
    j = i
    while j > floor and text[j - 1].isspace():
        j -= 1
    if j == i:
        return False
    while j > floor and text[j - 1] in _text._CLOSING:
        j -= 1
    return j > floor and text[j - 1] in _text._TERMINATORS


# --- the properties --------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(0, 5))
def test_masking_and_line_starts(text: str, base: int) -> None:
    assert prose_view._masked(text) == masked(text)
    assert prose_view._line_starts(text, base) == line_starts(text, base)


@settings(max_examples=400, deadline=None)
@given(BOUNDED)
def test_lead_ins_and_word_statistics(case: tuple[str, int, int]) -> None:
    text, start, end = case
    start, end = min(start, len(text)), min(end, len(text))
    found = [m.span() for m in lede_splice.find_lead_ins(text, start, end)]
    assert found == [m.span() for m in lede_splice.LEAD_IN.finditer(text, start, end)]
    glued = frozenset(m.end() for m in lede_splice.LEAD_IN.finditer(text, start, end))
    assert lede_splice.common_words(text, start, end, glued) == common_words(
        text, start, end, glued
    )
    assert lede_splice.bare_names(text, start, end) == bare_names(text, start, end)


@settings(max_examples=400, deadline=None)
@given(BOUNDED)
def test_protected_spans(case: tuple[str, int, int]) -> None:
    text, start, end = case
    start, end = min(start, len(text)), min(end, len(text))
    assert protect._names(text, start, end) == names(text, start, end)
    assert protect._identifiers(text, start, end) == identifiers(text, start, end)
    quoted = [m.span() for m in protect._QUOTED.finditer(text, start, end)]
    assert quoted == [m.span() for m in _QUOTED.finditer(text, start, end)]


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(0, 400), st.integers(0, 400))
def test_starts_sentence(text: str, offset: int, floor: int) -> None:
    offset, floor = min(offset, len(text)), min(floor, len(text))
    assert _text.starts_sentence(text, offset, floor) == starts_sentence(text, offset, floor)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_field_prefilter_holds_every_placeholder(text: str) -> None:
    if placeholder_left._placeholder().search(text):
        assert placeholder_left._may_hold_placeholder(text)


def test_lead_in_starts_cover_every_alternative() -> None:
    """Each alternative of the verbs and hearsay adverbs has letters a lead-in starts with."""
    alternatives = lede_splice._alternatives(f"{lede_splice._SAYING}|{lede_splice._HEARSAY}")
    assert len(alternatives) > 40
    assert all(lede_splice._leading_letters(a) for a in alternatives)


@settings(max_examples=400, deadline=None)
@given(BOUNDED, st.integers(0, 5))
def test_body_lead_ins_serve_a_paragraph(case: tuple[str, int, int], body: int) -> None:
    """A paragraph takes the body's lead-ins inside it unless one crosses its edge."""
    text, start, end = case
    body = min(body, len(text))
    start, end = max(body, min(start, len(text))), min(end, len(text))
    everywhere = lede_splice.find_lead_ins(text, body, len(text))
    inside = lede_splice._within(everywhere, [m.start() for m in everywhere], start, end)
    if inside is not None:
        alone = [m.span() for m in lede_splice.LEAD_IN.finditer(text, start, end)]
        assert [m.span() for m in inside] == alone


_PAIR = re.compile(
    r"(?<![\w'’.-])(?i:(a|an|the))[ \t]+(a|an|the|their|our|my|your|his|its)(?![\w'’.-])"
)
_SLOT = placeholder_left._SLOT
_PLACEHOLDER = re.compile(
    r"(?<![\w-])(?:TK(?:TK)*|X{3,})(?![\w-])"
    rf"|\[(?:{placeholder_left._BRACKETED})\b[^\]\[\n]*\]"
    rf"(?![\[(:{prose_view.MASK}])"
    rf"|(?<![\]\w!])\[(?P<slot>{_SLOT}|(?i:{_SLOT}))\](?![\[(:{prose_view.MASK}])"
    r"|(?i:\blorem\s+ipsum\s+dolor\b)"
    r"|%%[A-Za-z_][\w.-]*%%"
    r"|(?<![\w%])%[a-z][a-z0-9]*(?:_[a-z0-9]+)*%(?![\w%])"
    r"|(?<![{\\\w$%#@])\{(?P<brace>[a-z][a-z0-9]*(?:_[a-z0-9]+)*[a-z0-9]|[a-z]+(?:[A-Z][a-z0-9]+)+)\}"
    r"(?![}\w(])"
)
MORE = st.lists(
    st.sampled_from(
        [
            *PIECES,
            "an",
            "An",
            "AN",
            "THE",
            "tHe",
            "their",
            "its",
            "TKTK",
            "XXXX",
            "Lorem",
            "[Name]",
            "[company name]",
            "[TODO]",
            "%%x%%",
            "%a_b%",
            "{a_b}",
            "{fooBar}",
            "\\{",
            "$",
            "l",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(MORE, st.integers(0, 300), st.integers(0, 300))
def test_patterns_that_start_with_a_literal(text: str, start: int, end: int) -> None:
    from postlint.rules.prose import article_pair

    def spans(regex: re.Pattern[str]) -> list[tuple[object, ...]]:
        return [(m.span(), m.groupdict()) for m in regex.finditer(text, start, end)]

    assert spans(placeholder_left._placeholder()) == spans(_PLACEHOLDER)
    pairs = [
        (m.span(), text[m.start() : m.start("gap")], m.group(2))
        for m in article_pair._PAIR.finditer(text, start, end)
    ]
    assert pairs == [(m.span(), m.group(1), m.group(2)) for m in _PAIR.finditer(text, start, end)]
