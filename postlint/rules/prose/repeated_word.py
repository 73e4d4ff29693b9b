"""The same word twice in a row: "the the".

## What it does
The defect: a word was typed twice, and the reader's eye skips the copy. It is certain when
the same word follows itself within one paragraph or heading with nothing but blanks between
them (at most one line break, and block-quote markers), emphasis or link markup ("the
**the**", "[the](url) the"), or the same punctuation after both copies ("penalty, penalty,").
Words may start with a digit or hold dots ("2024 2024", "Node.js Node.js").

Ordinary words are compared ignoring case where the case is the sentence's ("The the" at the
start of a sentence); identifiers (with digits, dots or inner capitals: "V8 v8.3",
"GitHub github") only as written, and a copy in capitals beside one in lower case
("unreachable UNREACHABLE") or a capitalised word after a lower-case one ("call Call") is a
name or an emphasis, not a slip. Never across masked text: in "the `x` the" the code stands
between the two words.

Repetitions that are usually meant are left alone: "had had", "that that" and "her her",
names written twice with capitals ("Walla Walla", "Bora Bora", but "I I" is a slip), a
capitalised name before its common noun ("Frictionless Data data package"), doubled
interjections and intensifiers ("bye bye", "ha ha", "very very", "many many"), a word written
three or more times in a row ("done done done"), a doubled word quoted or emphasised as a
phrase of its own (“done done”, *no no*), a copy in emphasis after the plain word (a stress:
"the interviews we did *did* help"), an image's alt text and its caption, a copy inside the link text of a list item (a
release note quoting a commit subject), and repeats in a transcript of speech (a post of
speaker turns with spoken fillers such as "yeah" and "I mean", where speakers do repeat
themselves).

## Why is this bad?
Readers' eyes skip the second word (a "lexical illusion"), so it survives proofreading; on the
page it looks careless.

## Example
```markdown
---
title: A post
---

It was the the best of times, and we wanted to
to share it.
```

## Use instead
```markdown
---
title: A post
---

It was the best of times, and we wanted to
share it. He had had enough, and the team called it “done done”.
```

## Fix safety
Safe: a word written twice in a row, outside the repetitions that are meant (above), is an
unambiguous typo. The fix deletes the second word and the whitespace before it (a line break
between the two goes with it, so the line is joined); the first word, with its case, stays.
Inside a quotation, a block quote, a name or an identifier the words are someone else's or
not words at all: the diagnostic stays, with no fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count, islice
from operator import eq

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.prose_view import MASK, Block
from postlint.core.protect import Protected
from postlint.core.rule import FixAvailability, NoOptions, Rule
from postlint.rules.prose._text import casefolded, repeat_hints, starts_sentence

# A token: a letter or digit first, then letters and digits, with apostrophes, dots and
# underscores between them ("it's", "Node.js", "v8.3", "snake_case"; "_help_" is emphasis). The patterns here are linear: the token and the gap are
# each matched once per token, and the gap's repetitions have disjoint first characters.
# The look-behind stands after the first character, so the scan for a start is a fast
# character-set search, and runs of letters are one repeat rather than a branch per character;
# the ends tried are the same, longest first, so the tokens are too.
_TOKEN = re.compile(r"[^\W_](?<![^\W_].|['’.-].)[^\W_]*(?:['’._][^\W_]+)*(?![^\W_]|['’-])")
_BLANKS = r"(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t>]*)"
# Between two copies: closing markup, the same punctuation as after the second copy, blanks
# with at most one line break, opening markup.
_GAP = re.compile(
    rf"(?P<close>(?:[*_~]|\]{MASK}*)*)(?P<punct>[,;:]?)(?P<close2>[*_~]*)"
    rf"{_BLANKS}(?P<open>[*_~\[]*)"
)
_IDENTIFIER = re.compile(r".*(?:\d|\.|[a-z][A-Z])", re.DOTALL)
# Doubled on purpose: grammar ("had had", "that that"), interjections and intensifiers.
ALLOWED = frozenset(
    {
        "had", "that", "is", "do", "her",
        "bye", "no", "yes", "yada", "ha", "haha", "ho", "ah", "oh", "aha", "tsk", "tut",
        "knock", "choo", "blah", "bla", "la", "boo", "hip", "hush", "chop", "hey", "well",
        "so", "very", "many", "really", "much", "far", "more", "again", "bang", "beep",
    }
)  # fmt: skip
_QUOTE_OPEN = frozenset("\"“‘'*_")
_QUOTE_CLOSE = frozenset("\"”’'*_")
_PUNCTUATION = frozenset(".,;:!?")
FUNCTION_WORDS = frozenset(
    {
        "the", "a", "an", "to", "of", "in", "on", "at", "for", "and", "or", "but", "is", "are",
        "was", "were", "it", "we", "this", "these", "those", "our", "their", "his", "its", "as",
        "by", "with", "from",
    }
)  # fmt: skip
# A transcript: turns that open with a speaker's name and a colon, and spoken fillers.
_SPEAKER_TURN = re.compile(
    r"^[ \t]*(?:\*\*[^*\n]{1,40}:\*\*|\*\*[^*\n]{1,40}\*\*:|[A-Z][A-Z .]{1,30}:)", re.MULTILINE
)
_FILLER = re.compile(r"(?i:\b(?:yeah|um+|uh+|i mean|you know|kind of like|sort of like)\b)")
_TRANSCRIPT_TURNS = 3
_TRANSCRIPT_FILLERS = 3


def _same(first: str, second: str, sentence_start: bool) -> bool:
    """Whether ``second`` is a copy of ``first`` rather than a name, an emphasis or a case."""
    if first == second:
        if first == "I" or (sentence_start and first.lower() in FUNCTION_WORDS):
            return True  # "I I", "The The vote": no name starts that way
        if _IDENTIFIER.match(first):
            return True
        return not first[0].isupper()  # "Walla Walla", "Bora Bora": names
    if _IDENTIFIER.match(first) or _IDENTIFIER.match(second):
        return False  # identifiers only as written: "V8 v8", "GitHub github"
    if first.casefold() != second.casefold():
        return False
    if first.isupper() or second.isupper():
        return False  # "unreachable UNREACHABLE": an emphasis or a constant
    if second[0].isupper():
        return False  # "call Call": the second is a name
    return sentence_start  # "The the": the capital is the sentence's


def _is_run(tokens: list[re.Match[str]], index: int) -> bool:
    """The word is written a third time, before or after the pair: meant, not a slip."""
    word = tokens[index].group(0).casefold()
    for other in (index - 1, index + 2):
        if 0 <= other < len(tokens) and tokens[other].group(0).casefold() == word:
            near = tokens[other]
            left, right = sorted((near, tokens[index if other < index else index + 1]), key=_start)
            if _GAP.fullmatch(left.string, left.end(), right.start()):
                return True
    return False


def _start(match: re.Match[str]) -> int:
    return match.start()


def _is_quoted_phrase(prose: str, start: int, end: int) -> bool:
    """“done done”: the doubled word is the whole quoted or emphasised phrase."""
    before = prose[start - 1] if start else " "
    after = prose[end : end + 2]
    if after[:1] in _PUNCTUATION:
        after = after[1:]  # “done done.” quotes the phrase too
    return before in _QUOTE_OPEN and after[:1] in _QUOTE_CLOSE


def _in_list_link_text(prose: str, block: Block, start: int) -> bool:
    """Inside `[...]` in a list item: a release note quoting a commit or pull-request title."""
    if not block.in_list:
        return False
    line_start = prose.rfind("\n", block.start, start) + 1
    opening = prose.rfind("[", max(line_start, block.start), start)
    return opening >= 0 and prose.find("]", opening, start) < 0


def _stressed(prose: str, gap: re.Match[str], end: int) -> bool:
    """ "we did *did* give": the copy alone in emphasis is a stress the writer meant."""
    opening = gap.group("open")
    return bool(opening) and "[" not in opening and prose.startswith(opening[::-1], end)


def _in_image_text(prose: str, block: Block, gap: re.Match[str]) -> bool:
    """The first copy ends an image's alt text; the second starts its caption."""
    if "]" not in gap.group("close"):
        return False
    opening = prose.rfind("[", block.start, gap.start())
    return opening > 0 and prose[opening - 1] == "!"


def is_transcript(doc: Document) -> bool:
    """Speaker turns and spoken fillers: a transcript, where repeats are speech."""
    text = doc.prose
    turns = len(_SPEAKER_TURN.findall(text, doc.body_start))
    return turns >= _TRANSCRIPT_TURNS and len(_FILLER.findall(text, doc.body_start)) >= (
        _TRANSCRIPT_FILLERS
    )


def _candidates(prose: str, block: Block) -> list[int]:
    """Indexes of the tokens followed by the same token, ignoring case: the only places a
    repeat can be (a copy is equal to the word, or equal once both are casefolded).

    Tokenizing, casefolding and comparing neighbours run in C, so a paragraph with no doubled
    word, nearly every one, costs no Python work per word.
    """
    folded = casefolded(_TOKEN.findall(prose, block.start, block.end))
    return list(compress(count(), map(eq, folded, islice(folded, 1, None))))


def _repeats(
    doc: Document, block: Block, protected: Protected, candidates: list[int]
) -> Iterator[Finding]:
    prose = doc.prose
    # The tokens up to two after the last candidate: all that is read (a pair and its neighbours).
    tokens = list(islice(_TOKEN.finditer(prose, block.start, block.end), candidates[-1] + 3))
    for index in candidates:
        first, second = tokens[index], tokens[index + 1]
        gap = _GAP.fullmatch(prose, first.end(), second.start())
        if gap is None:
            continue
        punct = gap.group("punct")
        if punct and not prose.startswith(punct, second.end()):
            continue  # "yes, yes" is speech; "penalty, penalty," is a copy
        word, copy = first.group(0), second.group(0)
        if word.casefold() in ALLOWED:
            continue
        if not _same(word, copy, starts_sentence(prose, first.start(), block.start)):
            continue
        if _is_quoted_phrase(prose, first.start(), second.end()) or _is_run(tokens, index):
            continue
        if _in_list_link_text(prose, block, first.start()):
            continue
        if _stressed(prose, gap, second.end()) or _in_image_text(prose, block, gap):
            continue
        plain = not (gap.group("close") or gap.group("close2") or gap.group("open"))
        fix = None
        if plain and protected.reason(first.start(), second.end()) is None:
            fix = Fix(
                (Edit(first.end(), second.end(), ""),),
                safe=True,
                message=f"Delete the repeated '{copy}'",
            )
        yield Finding(
            first.start(),
            second.end(),
            f"'{word}' is written twice in a row: delete the second '{copy}'",
            fix=fix,
        )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    transcript: bool | None = None
    protected = doc.protected  # its spans are computed on first use
    prose, body_start = doc.prose, doc.body_start
    hinted = repeat_hints(doc).words
    if not hinted:
        return  # no block may hold a doubled word
    for block in doc.view.prose_blocks():
        if block.start not in hinted or block.end <= body_start:
            continue  # nearly every block: no coarse word recurs where a copy would stand
        candidates = _candidates(prose, block)
        if not candidates:
            continue  # nearly every block: no token is followed by itself
        for finding in _repeats(doc, block, protected, candidates):
            if transcript is None:
                transcript = is_transcript(doc)
            if transcript:
                return
            yield finding


RULE = Rule(
    code="PR108",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="repeated-word",
    summary="A word is repeated: 'the the'",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.SOMETIMES,
)
