"""Dense use of the words and phrases typical of generated text ("delve", "tapestry", ...).

## What it does
Counts, in the post's prose (body and front-matter text fields), the words and phrases of the
option `phrases`: the stock vocabulary of language models ("delve into", "a rich tapestry",
"in today's fast-paced world", "it's important to note", "navigating the complexities",
"a testament to", ...). A phrase ending in `*` matches any ending (`delv*`: delve, delves,
delving). It reports the post, once, at the first such phrase, when both hold:

- the phrases come at least `threshold` times per 1,000 words (default 15.0), and
- at least `min-distinct` different phrases are used (default 4),

so one word, however often repeated ("crucial", "robust"), never fires alone. The rule is off
by default: select it (`--select AI112`, or `AI`) for a house style that screens for
generated copy. The defaults sit above every post of the six public blogs the rule was
measured on (1,963 posts): the densest with four different phrases scores 11.9.

## Why is this bad?
The principle: any one of these words is fine, but a writer does not reach for a model's whole
stock vocabulary at once, so a high density of it marks text that was generated and not
edited; readers recognise the register and discount the content.

## Example
```markdown
---
title: Our city
---

In today's fast-paced world, it's important to note that our city is a rich tapestry of
cultures. Let's delve into its vibrant neighbourhoods, a testament to its bustling history.
```

## Use instead
```markdown
---
title: Our city
---

Our city has people from forty countries. Start with the market district, where the oldest
houses stand.
```

## Fix
None: the text needs an editor's rewrite, not a word swap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import Rule, require_count
from postlint.rules.artefacts._scan import APOSTROPHE, segments
from postlint.rules.prose._text import WORD

DEFAULT_PHRASES = (
    "delv*",
    "tapestry",
    "testament to",
    "in today's fast-paced world",
    "in today's digital age",
    "in today's world",
    "in the ever-evolving",
    "ever-evolving landscape",
    "it's important to note",
    "it is important to note",
    "it's worth noting",
    "it is worth noting",
    "it's essential to",
    "navigat* the complexities",
    "navigat* the intricacies",
    "embark* on a journey",
    "unlock the potential",
    "unlock the power",
    "unleash the power",
    "harness the power",
    "game-changer",
    "game changer",
    "seamlessly",
    "elevate your",
    "in the realm of",
    "multifaceted",
    "underscores the importance",
    "underscoring",
    "pivotal",
    "crucial",
    "vibrant",
    "bustling",
    "intricacies",
    "holistic",
    "synergy",
    "paramount",
    "fostering",
    "showcasing",
    "a comprehensive guide",
    "let's dive in",
    "dive into",
    "in conclusion",
    "whether you're a",
    "look no further",
    "plays a crucial role",
    "plays a vital role",
    "plays a pivotal role",
    "a myriad of",
    "plethora",
    "cutting-edge",
    "revolutioniz*",
    "transformative",
    "treasure trove",
    "a beacon of",
    "labyrinth",
    "symphony of",
    "dynamic landscape",
    "digital landscape",
    "to the next level",
    "resonat*",
    "meticulous*",
    "commendable",
    "ever-changing",
    "stand* as a",
    "a nuanced",
    "not only * but also",
)


@dataclass(frozen=True)
class Options:
    phrases: tuple[str, ...] = DEFAULT_PHRASES
    threshold: float = 15.0
    min_distinct: int = 4

    def __post_init__(self) -> None:
        if isinstance(self.phrases, str) or not all(
            isinstance(p, str) and p.strip(" *") and not p.strip().startswith("*")
            for p in self.phrases
        ):
            raise ValueError("phrases must be a list of non-empty strings, not starting with *")
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, int | float):
            raise ValueError("threshold must be a number")
        if self.threshold <= 0:
            raise ValueError("threshold must be above 0")
        require_count(self, "min_distinct")


@dataclass(frozen=True)
class Prepared:
    """The phrases as patterns, indexed by their first word (or its stem, for ``delv*``), so
    a post is searched only for the phrases whose first word it contains."""

    options: Options
    by_word: dict[str, tuple[tuple[int, str, re.Pattern[str]], ...]]
    by_stem: dict[str, tuple[tuple[int, str, re.Pattern[str]], ...]]
    stem_lengths: tuple[int, ...]


def _key(word: str) -> str:
    return word.casefold().replace("’", "'").replace("ʼ", "'")


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    parts = []
    for token in phrase.split():
        if token == "*":
            parts.append(r"[\w'’-]{1,20}")  # any one word
            continue
        stem = re.escape(token.rstrip("*")).replace("'", APOSTROPHE)
        parts.append(stem + (r"[\w'’-]{0,12}" if token.endswith("*") else ""))
    return re.compile(r"(?i)(?<![\w'’-])" + r"[\s*_]{1,4}".join(parts) + r"(?![\w'’-])")


def _probe(phrase: str) -> str:
    """The phrase's longest literal piece, lower-cased: a text without it cannot match."""
    pieces = re.split(r"[\s*'’ʼ]+", _key(phrase))
    return max(pieces, key=len)


def prepare(options: Options, enabled: object) -> Prepared:
    by_word: dict[str, list[tuple[int, str, re.Pattern[str]]]] = {}
    by_stem: dict[str, list[tuple[int, str, re.Pattern[str]]]] = {}
    for index, phrase in enumerate(options.phrases):
        first = phrase.split()[0]
        entry = (index, _probe(phrase), _phrase_pattern(phrase))
        if first.endswith("*"):
            by_stem.setdefault(_key(first.rstrip("*")), []).append(entry)
        else:
            by_word.setdefault(_key(first), []).append(entry)
    return Prepared(
        Options(tuple(options.phrases), options.threshold, options.min_distinct),
        {k: tuple(v) for k, v in by_word.items()},
        {k: tuple(v) for k, v in by_stem.items()},
        tuple(sorted({len(k) for k in by_stem})),
    )


def _phrases(text: str, start: int, end: int, prepared: Prepared) -> Iterator[tuple[int, int, int]]:
    """(start, end, phrase index) of each phrase in ``text[start:end]``, left to right, none
    overlapping (at one place, the phrase listed first). Only the phrases whose first word
    occurs in the text are searched for."""
    lowered = _key(text[start:end])
    present = set(WORD.findall(lowered))
    entries = [e for word in present & prepared.by_word.keys() for e in prepared.by_word[word]]
    for stem, stemmed in prepared.by_stem.items():  # a substring test first: most are absent
        if stem in lowered and any(word.startswith(stem) for word in present):
            entries.extend(stemmed)
    found = sorted(
        (match.start(), index, match.end())
        for index, probe, pattern in entries
        if probe in lowered
        for match in pattern.finditer(text, start, end)
    )
    after = start
    for begin, index, finish in found:
        if begin >= after:
            yield begin, finish, index
            after = finish


def check(doc: Document, prepared: Prepared) -> Iterator[Finding]:
    options = prepared.options
    words = 0
    hits: list[tuple[int, int, int]] = []  # (start, end, phrase index)
    for segment in segments(doc):
        words += len(WORD.findall(segment.text, segment.start, segment.end))
        hits.extend(_phrases(segment.text, segment.start, segment.end, prepared))
    if not hits or not words:
        return
    distinct = {index for _, _, index in hits}
    density = len(hits) * 1000 / words
    if len(distinct) < options.min_distinct or density < options.threshold:
        return
    start, end, _ = min(hits)
    shown = ", ".join(f"'{options.phrases[i].strip()}'" for i in sorted(distinct)[:6])
    more = ", ..." if len(distinct) > 6 else ""
    yield Finding(
        start,
        end,
        f"{len(hits)} phrases typical of generated text ({density:.1f} per 1,000 words; the "
        f"limit is {options.threshold:g}): {shown}{more}: rewrite the post in its own voice",
    )


RULE = Rule(
    code="AI112",
    name="generated-phrasing",
    summary="The words and phrases typical of generated text are dense in the post",
    severity=Severity.INFO,
    check=check,
    options=Options,
    prepare=prepare,
    enabled_by_default=False,
)
