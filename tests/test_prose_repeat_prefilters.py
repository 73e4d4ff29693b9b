"""The cheap scans of the repeat, length and emphasis rules find what the plain ones did.

PR108, PR119, PR114, PR109 and PR122 reject most paragraphs with a scan in C (tokens compared
as lists, a cheaper count, a run pattern) and match with patterns rewritten for speed. Each
rewrite is checked here against the pattern or loop it replaced, on texts made of the
characters that decide a token's edges, and the new patterns are checked for linear time.
"""

from __future__ import annotations

import re

from cpu_time import fastest_cpu_seconds
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core.prose_view import MASK
from postlint.rules.prose import (
    duplicate_paragraph,
    literal_emphasis,
    repeated_phrase,
    repeated_word,
    sentence_length,
)
from postlint.rules.prose._text import WORD as TEXT_WORD

# The patterns as they were before the rewrite (the reference).
OLD_TOKEN = re.compile(r"(?<![^\W_]|['’.-])[^\W_](?:[^\W_]|['’._](?=[^\W_]))*(?![^\W_]|['’-])")
OLD_PHRASE_WORD = re.compile(r"(?<![^\W_]|['’-])[^\W\d_](?:[^\W_]|['’](?=[^\W_]))*")
OLD_END = re.compile(
    r"(?<![.!?…])(?P<stop>[.!?…]+)[\"'”’)\]*_]*"
    r"(?=" + MASK + r"*(?:[^\S\r\n]+|[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n>]*)"
    r"[\"“‘(\[*_]*[A-Z0-9" + MASK + r"])"
)
OLD_HARD_BREAK = re.compile(r"(?:(?<! ) {2,}|\\)(?:\r\n|\r|\n)")

EDGES = "aAbB1_'’.,-!?…*~[]> \t\n\r\\\"“”(" + MASK + "İßΣ"
texts = st.text(alphabet=EDGES, max_size=60)
spans = st.tuples(texts, st.integers(0, 60), st.integers(0, 60))


@settings(max_examples=400, deadline=None)
@given(spans)
def test_the_rewritten_patterns_match_as_before(span: tuple[str, int, int]) -> None:
    text, start, end = span
    pairs = (
        (repeated_word._TOKEN, OLD_TOKEN),
        (repeated_phrase._WORD, OLD_PHRASE_WORD),
        (sentence_length._END, OLD_END),
    )
    for new, old in pairs:
        found = [m.span() for m in new.finditer(text, start, end)]
        assert found == [m.span() for m in old.finditer(text, start, end)], new.pattern


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_run_pattern_counts_the_words(text: str) -> None:
    assert len(sentence_length._RUN.findall(text)) == len(sentence_length.WORD.findall(text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_hard_break_needs_a_break_mark(text: str) -> None:
    if OLD_HARD_BREAK.search(text):
        assert sentence_length._may_break(text, 0, len(text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_paragraphs_words_are_its_sentences_words(text: str) -> None:
    """What lets a paragraph of few words skip the split into sentences."""
    total = len(sentence_length.WORD.findall(text))
    parts = sentence_length.sentences(text, 0, len(text))
    assert sum(len(sentence_length.WORD.findall(text[s.start : s.end])) for s in parts) == total


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=2, max_size=2))
def test_equal_keys_are_equal_words(pair: list[str]) -> None:
    words = [TEXT_WORD.findall(text) for text in pair]
    old = [tuple(w.casefold().replace("’", "'") for w in found) for found in words]
    keys = [duplicate_paragraph._key(found) for found in words]
    assert (keys[0] == keys[1]) == (old[0] == old[1])


def _old_runs(prose: str, start: int, end: int) -> list[tuple[str, int, int]]:
    runs, i = [], start
    while i < end:
        char = prose[i]
        if char not in "*_":
            i += 1
            continue
        j = i
        while j < end and prose[j] == char:
            j += 1
        if not (i > start and prose[i - 1] == "\\"):
            runs.append((char, i, j))
        i = j
    return runs


@settings(max_examples=300, deadline=None)
@given(spans)
def test_the_delimiter_runs_are_found_as_before(span: tuple[str, int, int]) -> None:
    text, start, end = span
    end = min(end, len(text))  # a block ends in the text
    found = literal_emphasis._runs(text, text, start, end)
    assert [(r.char, r.start, r.end) for r in found] == _old_runs(text, start, end)


def _cpu(pattern: re.Pattern[str], text: str) -> float:
    return fastest_cpu_seconds(lambda: pattern.findall(text), repeats=5)


SHAPES = (
    "a'",
    "a_",
    "a.",
    "a-",
    "'a",
    "1a",
    "!",
    ". ",
    "a",
    "'",
    "-",
    "a'a_",
    "!a ",
)


def test_the_new_patterns_take_linear_time() -> None:
    patterns = (
        repeated_word._TOKEN,
        repeated_phrase._WORD,
        sentence_length._END,
        sentence_length._RUN,
        literal_emphasis._RUN,
    )
    for pattern in patterns:
        for unit in SHAPES:
            small = _cpu(pattern, unit * 20_000)
            large = _cpu(pattern, unit * 80_000)  # linear: 4x the time; quadratic: 16x
            assert large < 9 * max(small, 0.002), (pattern.pattern, unit, small, large)
