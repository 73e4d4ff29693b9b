"""The cheap prefilters of the prose rules never skip a finding.

Each prefilter is a superset test: the rule with it must give exactly what the rule without it
gives. The posts are generated from words of the corpus's prose plus planted defects (doubled
words and phrases, copied paragraphs, long sentences, stray characters), and each rule is run
twice, once with its prefilter disabled (patched to let everything through).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from unittest import mock

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core.document import Document
from postlint.core.prose_view import MASK
from postlint.core.source import SourceFile
from postlint.rules.prose import (
    _text,
    article_pair,
    duplicate_paragraph,
    inconsistent_spelling,
    lede_splice,
    literal_emphasis,
    repeated_phrase,
    repeated_word,
    sentence_length,
    unattributed_claim,
    zero_width,
)

# Words as the corpus's posts use them (case, apostrophes, digits, hyphens and dots included).
VOCABULARY = (
    "the", "The", "THE", "a", "an", "and", "of", "to", "in", "In", "is", "it", "it's", "it’s",
    "that", "for", "on", "with", "as", "we", "We", "our", "this", "you", "are", "be", "can",
    "data", "Data", "package", "release", "Rust", "Jekyll", "site", "version", "1.2", "2024",
    "v8.3", "Node.js", "e-mail", "don't", "don’t", "users'", "GitHub", "github", "API", "end",
    "said", "says", "according", "Experts", "people", "new", "time", "Straße", "STRASSE", "ǅ",
    "İstanbul", "café", "naïve", "ﬁle", "snake_case", "x", "I", "had", "very", "so", "done",
    "their", "my", "your", "his", "its", "An", "A", "Dr.", "U.S.", "e.g.", "1,000", "3.5", "日本語",
    "_x_", "—", "-", "'", "’", MASK, "Ⅻ", "²", "a.b.c.d.e", "one_two_three_four_five", "1.2.3.4",
    "x.Y", "it's.here", "ΣΑΣ", "σας", "ﬀ", "K",
)  # fmt: skip
SEPARATORS = (
    " ",
    " ",
    " ",
    "  ",
    "\n",
    ", ",
    ". ",
    "! ",
    "? ",
    ": ",
    "; ",
    " - ",
    " — ",
    "/",
    "\t",
)
SEPARATORS += ("  \n", "\\\n", "\u00a0", ".) ", "… ", '." ', MASK)
INLINE = ("`code`", "**", "*", "_", "[link](https://example.com/a_b)", "“", "”", "\u200b", "\t")

words = st.sampled_from(VOCABULARY)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 50))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            parts.append(draw(st.sampled_from(INLINE)))
        elif kind == 1:  # a doubled word or phrase, maybe across a line break
            phrase = " ".join(draw(st.lists(words, min_size=1, max_size=4)))
            parts.append(phrase + draw(st.sampled_from((" ", "\n", "  "))) + phrase)
        else:
            parts.append(draw(words))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts).strip(" \n") or "word"


@st.composite
def posts(draw: st.DrawFn) -> str:
    """A post whose paragraphs are often copies of one another, changed in case, punctuation,
    whitespace or markup only (still copies), or in one word (no longer copies)."""
    paragraphs: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        if paragraphs and draw(st.booleans()):
            copy = draw(st.sampled_from(paragraphs))
            change = draw(st.integers(0, 4))
            if change == 1:
                copy = copy.upper()
            elif change == 2:
                copy = copy.replace(" ", "  ").replace(",", ";").replace("'", "’")
            elif change == 3:
                copy = "**" + copy + "**"
            elif change == 4:
                copy = copy.replace("the", "a", 1)
            paragraphs.append(copy)
        else:
            paragraphs.append(draw(sentences()))
        if draw(st.integers(0, 5)) == 0:
            paragraphs.append(draw(st.sampled_from(("- item", "```\ncode\n```", "> quote"))))
    return "---\ntitle: A post\n---\n\n" + "\n\n".join(paragraphs) + "\n"


def _doc(text: str) -> Document:
    return Document(SourceFile.from_bytes("p.md", text.encode()))


def _same_with_and_without(
    text: str,
    check: Callable[[Document], Iterator[object]],
    disabled: Callable[[], AbstractContextManager[object]],
) -> None:
    fast = list(check(_doc(text)))
    with disabled():
        plain = list(check(_doc(text)))
    assert fast == plain


@settings(max_examples=300, deadline=None)
@given(posts())
def test_duplicate_paragraph_signature_skips_no_copy(text: str) -> None:
    def check(doc: Document) -> Iterator[object]:
        return duplicate_paragraph.check(doc, duplicate_paragraph.Options(min_words=3))

    def disabled() -> AbstractContextManager[object]:
        return mock.patch.object(duplicate_paragraph, "_signature", lambda text: ())

    _same_with_and_without(text, check, disabled)


def test_no_other_character_casefolds_to_a_signature_letter() -> None:
    """What makes the signature a function of the paragraph's words (checked on every code
    point): a character no word holds never casefolds to one of the counted letters."""
    letter = re.compile(r"[^\W\d_]")
    others = "".join(
        chr(c).casefold() for c in range(sys.maxunicode + 1) if not letter.match(chr(c))
    )
    assert not any(x in others for x in duplicate_paragraph._SIGNATURE_LETTERS)


@settings(max_examples=300, deadline=None)
@given(posts(), st.integers(1, 12))
def test_sentence_length_bound_skips_no_long_sentence(text: str, limit: int) -> None:
    def check(doc: Document) -> Iterator[object]:
        return sentence_length.check(doc, sentence_length.Options(max_words=limit))

    def disabled() -> AbstractContextManager[object]:
        return mock.patch.object(sentence_length, "_most_words", lambda text: len(text))

    _same_with_and_without(text, check, disabled)


@settings(max_examples=500, deadline=None)
@given(st.one_of(sentences(), st.text(max_size=80)))
def test_the_word_bound_is_never_below_the_count(text: str) -> None:
    assert sentence_length._most_words(text) >= len(sentence_length._RUN.findall(text))


@settings(max_examples=300, deadline=None)
@given(posts())
def test_article_pair_gate_skips_no_pair(text: str) -> None:
    def check(doc: Document) -> Iterator[object]:
        return article_pair.check(doc, article_pair.NoOptions())

    def disabled() -> AbstractContextManager[object]:
        return mock.patch.object(article_pair, "_gate", lambda: re2.compile(""))

    _same_with_and_without(text, check, disabled)


@settings(max_examples=200, deadline=None)
@given(posts(), st.sampled_from(("", "\u200b", "\u200d", "\ufeff")))
def test_zero_width_skips_no_character(text: str, field: str) -> None:
    text = text.replace("title: A post", f"title: A{field} post")

    def check(doc: Document) -> Iterator[object]:
        return zero_width.check(doc, zero_width.NoOptions())

    def disabled() -> AbstractContextManager[object]:
        always = mock.Mock(search=lambda text, pos: True, finditer=zero_width._INVISIBLE.finditer)
        return mock.patch.object(zero_width, "_INVISIBLE", always)

    _same_with_and_without(text, check, disabled)


@settings(max_examples=400, deadline=None)
@given(st.one_of(sentences(), st.text(max_size=80)), st.integers(0, 200), st.integers(0, 200))
def test_lead_in_candidates_are_the_wrappers_matches(text: str, start: int, end: int) -> None:
    text = "It was said, according to " + text + " sources say, it is claimed"
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    expected = [m.start() for m in lede_splice._lead_in_starts().finditer(text, start, end)]
    assert list(lede_splice._candidate_starts(text, start, end)) == expected


def _every_block(doc: Document) -> _text.RepeatHints:
    starts = frozenset(block.start for block in doc.view.prose_blocks())
    return _text.RepeatHints(starts, starts)


@settings(max_examples=400, deadline=None)
@given(posts())
def test_repeat_hints_skip_no_doubled_word_or_phrase(text: str) -> None:
    for rule in (repeated_word, repeated_phrase):

        def check(doc: Document, rule: object = rule) -> Iterator[object]:
            return rule.check(doc, rule.NoOptions())  # type: ignore[attr-defined]

        def disabled(rule: object = rule) -> AbstractContextManager[object]:
            return mock.patch.object(rule, "repeat_hints", _every_block)

        _same_with_and_without(text, check, disabled)


def test_casefolding_adds_no_joiner_to_a_coarse_word() -> None:
    """What lets a doubled token be found among the coarse words: no letter, digit or
    apostrophe casefolds to a dot, an underscore or a NUL (checked on every code point)."""
    inside = re.compile(r"[^\W_]|['’]")
    folded = "".join(chr(c).casefold() for c in range(sys.maxunicode + 1) if inside.match(chr(c)))
    assert not any(joiner in folded for joiner in "._\0")


@settings(max_examples=300, deadline=None)
@given(posts())
def test_literal_emphasis_count_skips_no_pair(text: str) -> None:
    doc = _doc(text.replace("`code`", "* a *").replace("_x_", "_ x _"))
    plain = [
        finding
        for block in doc.view.prose_blocks()
        if block.end > doc.body_start
        for finding in literal_emphasis._findings(doc.prose, doc.text, block.start, block.end)
    ]
    assert list(literal_emphasis.check(doc, literal_emphasis.NoOptions())) == plain


IZE_WORDS = (
    "organise", "organize", "Organisation", "ORGANIZATIONS", "realising", "realized", "Realisable",
    "size", "rise", "otherwise", "prize", "naïvize", "rust-analyzer", "Analyser", "analyzers",
    "izes", "abc", "WHO's", "organise-ish", "organiz", "é",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(IZE_WORDS + VOCABULARY[:20] + SEPARATORS[:8]), max_size=40),
    st.sampled_from(("A post", "Organise it", "Organize it", "We realize")),
)
def test_inconsistent_spelling_ize_gate_skips_no_pair(parts: list[str], title: str) -> None:
    text = f"---\ntitle: {title}\n---\n\n" + " ".join(parts) + "\n"
    prepared = inconsistent_spelling.prepare(inconsistent_spelling.Options(), lambda code: True)

    def check(doc: Document) -> Iterator[object]:
        return inconsistent_spelling.check(doc, prepared)

    def disabled() -> AbstractContextManager[object]:
        return mock.patch.object(inconsistent_spelling, "_both_ize", lambda doc, fields: True)

    _same_with_and_without(text, check, disabled)


CLAIM_WORDS = (
    "It", "it", "has", "had", "is", "been", "widely", "ｗidely", "reported", "claimed", "rumored",
    "understood", "Sources", "sources", "Experts", "close", "to", "the", "Palace", "say",
    "said", "Reportedly", "reportedly", "Reports", "suggested", "according", "I", "Monday",
)  # fmt: skip
CLAIM_BLANKS = (" ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "\v", "\u3000", ". ", ", ")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(CLAIM_WORDS), st.sampled_from(CLAIM_BLANKS)), max_size=30)
)
def test_unattributed_claim_gate_skips_no_claim(parts: list[tuple[str, str]]) -> None:
    text = "---\ntitle: A post\n---\n\n" + "".join(w + b for w, b in parts) + "\n"

    def check(doc: Document) -> Iterator[object]:
        return unattributed_claim.check(doc, unattributed_claim.NoOptions())

    def disabled() -> AbstractContextManager[object]:
        return mock.patch.object(unattributed_claim, "_gate", lambda: re2.compile(""))

    _same_with_and_without(text, check, disabled)


def test_unattributed_claim_gate_keeps_no_python_only_syntax() -> None:
    pattern = unattributed_claim._gate().pattern
    assert not any(part in pattern for part in (r"\s", r"\b", "(?="))


@settings(max_examples=200, deadline=None)
@given(posts())
def test_lead_ins_read_from_the_shared_encoding_are_the_same(text: str) -> None:
    doc = _doc(text)
    prose, start = doc.prose, doc.body_start
    shared = lede_splice.find_lead_ins(prose, start, len(prose), _text.prose_bytes(doc))
    assert [m.span() for m in shared] == [
        m.span() for m in lede_splice.find_lead_ins(prose, start, len(prose))
    ]
