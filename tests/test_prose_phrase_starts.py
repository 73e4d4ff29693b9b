"""PR119 visits only the word indexes where a copy can start, PR122 finds runs with a
literal-led pattern, PR109 narrows its candidates by two letter counts first, PR104 reads the link
reference labels only when a slot name asks for them: each gives what the code it replaced
gave.

The reference is the word-by-word walk PR119 had before (kept here verbatim), run on generated
paragraphs full of repeats (phrases of one to five words written two or three times, across
blanks, line breaks, markup, masks and case changes) and on arbitrary text.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from operator import eq

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core.diagnostic import Edit, Finding, Fix
from postlint.core.document import Document
from postlint.core.prose_view import MASK, Block
from postlint.core.rule import NoOptions
from postlint.core.source import SourceFile
from postlint.rules.prose import (
    duplicate_paragraph,
    literal_emphasis,
    placeholder_left,
    repeated_phrase,
)

_WORD = repeated_phrase._WORD
_BLANK = repeated_phrase._BLANK
_LONGEST = 4


def _old_may_repeat(prose: str, block: Block) -> bool:
    folded = list(map(str.casefold, _WORD.findall(prose, block.start, block.end)))
    for size in range(2, _LONGEST + 1):
        if b"\1\1" in bytes(map(eq, folded, islice(folded, size, None))):
            return True
    return False


def _old_repeats(prose: str, block: Block) -> Iterator[Finding]:
    words = list(_WORD.finditer(prose, block.start, block.end))
    folded = [w.group(0).casefold() for w in words]
    joined = [
        _BLANK.fullmatch(prose, words[k].end(), words[k + 1].start()) is not None
        for k in range(len(words) - 1)
    ]
    index = 0
    while index < len(words):
        for size in range(_LONGEST, 1, -1):
            end = index + 2 * size
            phrase = folded[index : index + size]
            if end > len(words) or phrase != folded[index + size : end]:
                continue
            if not all(joined[index : end - 1]) or repeated_phrase._meant(folded, index, size):
                continue
            first_end, second_end = words[index + size - 1].end(), words[end - 1].end()
            shown = " ".join(prose[words[index].start() : first_end].split())
            yield Finding(
                words[index].start(),
                second_end,
                f"'{shown}' is written twice in a row: delete the copy",
                fix=Fix((Edit(first_end, second_end, ""),), safe=True, message="Delete the copy"),
            )
            index = end - 1
            break
        index += 1


def _old(prose: str, block: Block) -> list[Finding]:
    return list(_old_repeats(prose, block)) if _old_may_repeat(prose, block) else []


def _new(prose: str, block: Block) -> list[Finding]:
    folded = repeated_phrase._tokens(prose, block)
    starts = repeated_phrase._starts(folded)
    return list(repeated_phrase._repeats(prose, block, folded, starts)) if starts else []


WORDS = (
    "in", "In", "IN", "the", "The", "of", "and", "or", "to", "by", "over", "more", "a", "long",
    "it's", "it’s", "Straße", "STRASSE", "strasse", "İ", "i̇", "ǅ", "ǆ", "café", "x", "1a", "end",
)  # fmt: skip
GAPS = (" ", " ", " ", "  ", "\n", "\r\n", "\r", " \n ", "\n\n", ", ", ". ", "*", "_", MASK, "\t")


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 12))):
        phrase = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5))
        for _ in range(draw(st.integers(1, 3))):
            for word in phrase:
                parts += (word, draw(st.sampled_from(GAPS)))
    return "".join(parts)


texts = st.one_of(paragraphs(), st.text(max_size=80))


@settings(max_examples=800, deadline=None)
@given(texts, st.integers(0, 200), st.integers(0, 200))
def test_the_phrase_starts_give_the_findings_of_the_walk(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for block in (Block("paragraph", 0, len(text)), Block("paragraph", start, end)):
        assert _new(text, block) == _old(text, block)


@pytest.mark.parametrize(
    "text",
    [
        "a a a a a a a a, a a\n\na a",  # dense starts: every gap tested once, up front
        "in the end the cat in the end sat in the end\nof it of it",  # sparse: gaps as asked
    ],
)
def test_dense_and_sparse_starts_give_the_findings_of_the_walk(text: str) -> None:
    block = Block("paragraph", 0, len(text))
    assert _new(text, block) == _old(text, block)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(("a", "A", "b")), max_size=60))
def test_the_starts_are_every_index_where_a_copy_begins(folded: list[str]) -> None:
    folded = [w.casefold() for w in folded]
    expected = [
        i
        for i in range(len(folded))
        if any(
            i + 2 * size <= len(folded) and folded[i : i + size] == folded[i + size : i + 2 * size]
            for size in range(2, _LONGEST + 1)
        )
    ]
    assert repeated_phrase._starts(folded) == expected


OLD_RUN = re.compile(r"\*+|_+")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="*_\\ a\n" + MASK, max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_the_run_pattern_finds_the_old_runs(text: str, start: int, end: int) -> None:
    found = [m.span() for m in literal_emphasis._RUN.finditer(text, start, end)]
    assert found == [m.span() for m in OLD_RUN.finditer(text, start, end)]


def _old_candidates(prose: str, blocks: list[Block]) -> list[int]:
    compared = [
        index
        for index, block in enumerate(blocks)
        if block.kind == "paragraph" and not block.in_list
    ]
    signatures = [
        duplicate_paragraph._signature(prose[blocks[i].start : blocks[i].end]) for i in compared
    ]
    seen = Counter(signatures)
    return [index for index, sig in zip(compared, signatures, strict=True) if seen[sig] > 1]


PARAGRAPH_WORDS = ("one", "One", "ONE", "eel", "EO", "ſo", "so", "ß", "SS", "ss", "İ", "i", "ẗ", "ﬅ", "é", "Ö", "o", "e", MASK, "\ud800", "")  # fmt: skip


@st.composite
def block_lists(draw: st.DrawFn) -> tuple[str, list[Block]]:
    pool = draw(
        st.lists(
            st.lists(st.sampled_from(PARAGRAPH_WORDS), max_size=6).map(" ".join),
            min_size=1,
            max_size=4,
        )
    )
    prose, blocks = "", []
    for _ in range(draw(st.integers(0, 12))):
        text = draw(st.sampled_from(pool))
        if draw(st.booleans()):
            text = draw(st.sampled_from((str.upper, str.lower, str.title, str.casefold)))(text)
        kind = draw(st.sampled_from(("paragraph", "paragraph", "heading", "code")))
        blocks.append(Block(kind, len(prose), len(prose) + len(text), in_list=draw(st.booleans())))
        prose += text + "\n\n"
    return prose, blocks


@settings(max_examples=600, deadline=None)
@given(block_lists())
def test_the_coarse_counts_keep_the_candidates_of_the_signature(
    case: tuple[str, list[Block]],
) -> None:
    prose, blocks = case
    assert duplicate_paragraph._candidates(prose, blocks) == _old_candidates(prose, blocks)


def test_only_a_letter_and_its_capital_casefold_to_a_coarse_letter() -> None:
    """What makes a coarse count a signature component (checked on every code point)."""
    for pair in duplicate_paragraph._COARSE_LETTERS:
        letter = pair[0]
        assert letter in duplicate_paragraph._SIGNATURE_LETTERS
        for code in range(sys.maxunicode + 1):
            folded = chr(code).casefold()
            assert folded.count(letter) == (chr(code) in pair), hex(code)


def _old_placeholder_findings(
    text: str, start: int, end: int, references: frozenset[str] = frozenset()
) -> Iterator[Finding]:
    P = placeholder_left
    for match in P._placeholder().finditer(text, start, end):
        if match.group("slot") and match.group("slot").casefold() in references:
            continue
        if P._introduced(text, match.start(), start):
            continue
        named = match.group("brace") or match.group("slot")
        if named and P._named_after().match(text, match.end()):
            continue
        if P._is_status_mark(text, match.start(), match.end()) or P._joke().fullmatch(
            text, match.start(), min(end, match.end() + P._LOOKBACK)
        ):
            continue
        yield P._finding(match.start(), match.end(), match.group(0))


def _old_placeholder_check(doc: Document) -> Iterator[Finding]:
    P = placeholder_left
    prose = doc.prose
    if any(needle in prose for needle in P._NEEDLES) or (
        "[" in prose and P._bracket_needle().search(prose)
    ):
        references = frozenset(
            label.casefold()
            for label in P._reference_definition().findall(doc.text, doc.body_start)
        )
        yield from _old_placeholder_findings(prose, doc.body_start, len(prose), references)
    if "{{" in doc.text:
        yield from P._bare_variables(doc)
    for field in doc.text_fields:
        if P._may_hold_placeholder(doc.text[field.start : field.end]):
            yield from _old_placeholder_findings(doc.text, field.start, field.end)


PLACEHOLDER_PIECES = (
    "[Name]", "[name]", "[NAME]", "[City]", "[Company Name]", "[INSERT NAME]", "[TODO]", "TK",
    "XXX", "{title}", "%author%", "lorem ipsum dolor", "{{city}}", "`[Name]`", "[Name][]",
    "[Name](https://x.y)", "the", "said", "replace", "İ", "ß", MASK, " ", " ", "\n", "\r\n",
    "\n\n", "\n[name]: https://example.com\n", "\n  [City]: /c\n", "\n- ", ": ",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PLACEHOLDER_PIECES), max_size=30).map("".join),
    st.sampled_from(("A post", "[Name] TK", "{title}")),
)
def test_the_reference_labels_found_on_demand_change_no_finding(body: str, title: str) -> None:
    text = f"---\ntitle: {title}\n---\n\n{body}\n"
    doc = Document(SourceFile.from_bytes("post.md", text.encode("utf-8", "surrogatepass")))
    new = list(placeholder_left.check(doc, NoOptions()))
    assert new == list(_old_placeholder_check(doc))
