"""A phrase of two to four words written twice in a row: "in the in the".

## What it does
The defect: a few words were typed or pasted twice. It is certain when a run of two to four
words is followed directly by the same words (ignoring case; blanks and at most one line
break between them) within one paragraph or heading: "in the in the", "at the end of at the
end of". A single doubled word is repeated-word's (PR108). Left alone: refrains and idioms
("again and again and again", "over and over", "more and more", "grown and grown"), a word
run ("a long long long time"), transcripts of speech (see PR108), and code.

## Why is this bad?
The eye skips the copy, so it survives proofreading; readers notice.

## Example
```markdown
---
title: A post
---

We met in the in the town hall.
```

## Use instead
```markdown
---
title: A post
---

We met in the town hall.
```

## Fix
Safe: deletes the second copy and the blanks before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.prose_view import Block
from postlint.core.rule import FixAvailability, NoOptions, Rule
from postlint.rules.prose._text import LONGEST_PHRASE, doubled_runs, repeat_hints
from postlint.rules.prose.repeated_word import FUNCTION_WORDS, is_transcript

# A word: a letter, not after a letter, digit, apostrophe or hyphen, then letters and digits
# with apostrophes between them. The look-behind stands after the first character, so the
# scan for a start is a fast character-set search. Linear: a run of letters ends only where
# no letter follows, and each repeat after it starts with an apostrophe, so no character is
# matched twice.
_WORD = re.compile(r"[^\W\d_](?<![^\W_].|['’-].)[^\W_]*(?:['’][^\W_]+)*")
_BLANK = re.compile(r"[ \t]*(?:\r\n|\r|\n)?[ \t]*")


# "over and over", "more and more", "one by one": the idiom repeats a word around these.
_IDIOM_JOINERS = frozenset({"and", "or", "by", "after", "upon"})


def _meant(folded: list[str], index: int, size: int) -> bool:
    """A refrain or an idiom, not a slip: a third copy, a longer alternating run, one word
    repeated ("long long long long"), or "X and X" ("grown and grown and")."""
    phrase = folded[index : index + size]
    if folded[index + 2 * size : index + 3 * size] == phrase or len(set(phrase)) == 1:
        return True
    if index > 0 and folded[index - 1] == phrase[-1]:
        return True  # "over and over and over", "lots of lots of lots of"
    if phrase[0] in _IDIOM_JOINERS:
        return True  # "and more and more", "and so on and so on"
    # "grown and grown", "from place to place to": a content word around a joiner
    return size == 2 and phrase[1] in _IDIOM_JOINERS | {"to"} and phrase[0] not in FUNCTION_WORDS


def _tokens(prose: str, block: Block) -> list[str]:
    """The block's words, casefolded (tokenizing and casefolding in C)."""
    return list(map(str.casefold, _WORD.findall(prose, block.start, block.end)))


def _starts(folded: list[str]) -> list[int]:
    """The indexes, ascending, at which some ``size`` words (two to four) equal the ``size``
    words after them: the only ones where a repeated phrase can begin.

    Why no start is missed: the phrase at ``index`` equals the next ``size`` words exactly when
    ``folded[index + k] == folded[index + size + k]`` for every ``k`` below ``size``, that is,
    when the comparisons of each word with the one ``size`` later are true at ``size``
    consecutive places from ``index``: a run of ``size`` ones found in a byte string made in
    C. The last of those comparisons needs ``index + 2 * size - 1`` to be a word, so every
    start found leaves room for both copies. A paragraph without one, nearly every paragraph
    these are asked about, costs no Python work per word.
    """
    return sorted(set(doubled_runs(folded)))


def _joins(prose: str, words: list[re.Match[str]], starts: list[int]) -> Callable[[int, int], bool]:
    """Whether only blanks (and at most one line break) stand between each word from ``first``
    to ``last`` and the next: each gap is tested when asked, or, where the starts are dense
    (one word repeated: a start at nearly every word, whose phrases share gaps), every gap once
    up front."""

    def gap(k: int) -> bool:
        return _BLANK.fullmatch(prose, words[k].end(), words[k + 1].start()) is not None

    if 4 * len(starts) > len(words):
        gaps = [gap(k) for k in range(len(words) - 1)]
        return lambda first, last: all(gaps[first:last])
    return lambda first, last: all(gap(k) for k in range(first, last))


def _repeats(prose: str, block: Block, folded: list[str], starts: list[int]) -> Iterator[Finding]:
    """The repeated phrases of ``block`` (``folded``: its words; ``starts``: see
    :func:`_starts`). Only the starts are visited: at any other index no size's phrase equals
    the words after it, so the word-by-word walk would pass it without a finding."""
    words = list(_WORD.finditer(prose, block.start, block.end))
    joined = _joins(prose, words, starts)
    index = 0  # the walk's next index: a finding moves it past the copy
    for candidate in starts:
        if candidate < index:
            continue
        index = candidate
        # Linear: at most three sizes of at most eight words are compared at each start.
        for size in range(LONGEST_PHRASE, 1, -1):
            end = index + 2 * size
            phrase = folded[index : index + size]
            if end > len(words) or phrase != folded[index + size : end]:
                continue
            if not joined(index, end - 1) or _meant(folded, index, size):
                continue
            first_end, second_end = words[index + size - 1].end(), words[end - 1].end()
            shown = " ".join(prose[words[index].start() : first_end].split())
            yield Finding(
                words[index].start(),
                second_end,
                f"'{shown}' is written twice in a row: delete the copy",
                fix=Fix((Edit(first_end, second_end, ""),), safe=True, message="Delete the copy"),
            )
            index = end
            break


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    transcript: bool | None = None
    prose, body_start = doc.prose, doc.body_start
    hinted = repeat_hints(doc).phrases
    for block in doc.view.prose_blocks():
        if block.start not in hinted or block.end <= body_start:
            continue
        folded = _tokens(prose, block)
        starts = _starts(folded)
        if not starts:
            continue  # nearly every block: no words recur right after themselves
        for finding in _repeats(prose, block, folded, starts):
            if transcript is None:
                transcript = is_transcript(doc)
            if transcript:
                return  # speakers repeat themselves: not a slip of the writer
            yield finding


RULE = Rule(
    code="PR119",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="repeated-phrase",
    summary="A phrase of a few words is written twice in a row",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.SAFE,
)
