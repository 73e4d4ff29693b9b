"""The RE2 prefilter of the artefact rules: it must find a candidate wherever the rule's own
Python pattern matches, or a post would lose a finding (postlint.rules.artefacts._prefilter)."""

from __future__ import annotations

import random
import re

import pytest
from artefact_variants import MAKERS

from postlint.rules.artefacts import (
    assistant_preamble,
    date_contradiction,
    knowledge_cutoff,
    model_refusal,
    model_self_reference,
    requester_address,
)
from postlint.rules.artefacts._prefilter import (
    _FOLDS_TO_ASCII,
    candidate_spans,
    scannable,
    superset,
)

SOURCES = {
    "AI101": model_self_reference._PATTERN,
    "AI102": model_refusal._PATTERN,
    "AI103": knowledge_cutoff._PATTERN,
    "AI104": requester_address._PATTERN,
    "AI105": assistant_preamble._PATTERN,
    "AI110": date_contradiction._TRIGGER_THEN_DATE,
}


def test_the_characters_python_folds_to_ascii_letters_are_all_listed() -> None:
    letter = re.compile("(?i)[a-z]")
    folding = {
        chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000 and letter.match(chr(c))
    }
    assert folding == set(_FOLDS_TO_ASCII)


def test_every_python_whitespace_character_is_outside_ascii_letters_and_digits() -> None:
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert all(not c.isascii() or not c.isalnum() for c in spaces)


def test_the_rewriting() -> None:
    space = "[^0-9A-Za-z]"
    assert superset(r"(?i)(?=[ab])\bas[\s*_]{1,4}an?(?![\s-]x)\b") == f"(?i)as{space}{{1,}}an?"
    assert superset(r"[\w-]{2,20}?x\d$") == r"[0-9A-Za-z_\x80-\xff-]{2,80}x[0-9\x80-\xff]"
    assert superset(r"a{2,19}b{3}") == "a{2,}b{3,}"  # narrow counts stay open
    assert superset("['’]") == r"(?:[']|(?:\xe2\x80\x99))"
    assert superset(r"[\sa]") == r"[\t-\r\x1c-\x20\x80-\xffa]"
    assert superset(r"[^.!?\n]{0,80}?") == r"[^.!?\n]{0,320}"
    for unsupported in (r"\S", r"[^\w]", "[^’]", "[a-’]", r"\p{L}", "a{,3}", "\ufffc"):
        with pytest.raises(ValueError):
            superset(unsupported)


_NOISE = (" ", "\n", "\u00a0", "\u3000", "**", "_", "\ufffc", "’", "é", "—", "“", '"', ", ", ". ")


def _noisy(rng: random.Random, text: str) -> str:
    """``text`` with some spaces swapped for other blanks and marks, and noise around it."""
    words = text.split(" ")
    gaps = [rng.choice((" ", " ", " ", "\u00a0", "\n", " **", "\u2003", "  ")) for _ in words]
    joined = "".join(w + g for w, g in zip(words, gaps, strict=True))
    before = "".join(rng.choice(_NOISE) for _ in range(rng.randint(0, 6)))
    after = "".join(rng.choice(_NOISE) for _ in range(rng.randint(0, 6)))
    return before + joined + after


@pytest.mark.parametrize("code", list(SOURCES))
def test_every_match_of_the_python_pattern_is_a_candidate(code: str) -> None:
    source = SOURCES[code]
    pattern = re.compile(source)
    rng = random.Random(f"prefilter-{code}")
    matched = 0
    for _, make in MAKERS.values():
        for _ in range(40):
            variant = make(rng)
            text = _noisy(rng, variant.artefact) + rng.choice(_NOISE) + variant.text
            encoded = scannable(text)
            if encoded is None:
                continue
            spans = candidate_spans(len(text), encoded, source)
            for match in pattern.finditer(text):
                matched += 1
                assert any(s <= match.start() <= e for s, e in spans), (text, match)
    assert matched > 20
