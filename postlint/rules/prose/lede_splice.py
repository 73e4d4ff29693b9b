"""A reporting lead-in glued onto a sentence that cannot continue it.

## What it does
Finds a reporting lead-in ("It has been recently reported that", "Sources say that", "It is
understood that", "According to reports,") followed by something that cannot continue it:

- the capitalised start of a new sentence that is not a name: a question word, an auxiliary
  verb, a pronoun, a conjunction ("It has been recently reported that Are we any closer?"),
  or an article or preposition followed by a lower-case word ("Sources say that The talks...");
- a direct question ("It is understood that will the talks resume?").

A name after the lead-in ("It was reported that Zelensky met the envoy"), a title such as
"The Guardian", a quotation, or an ordinary lower-case clause is fine. Only paragraphs are
read; code, quotes in code, links' targets and HTML are masked.

## Why is this bad?
This is the mark of an automated rewriter that prefixes boilerplate to the first sentence of a
story. The result is ungrammatical, and it attributes a question or a claim to nobody.

## Example
```markdown
---
title: Peace talks
---

It has been recently reported that Are we any closer to peace in Ukraine?
```

## Use instead
```markdown
---
title: Peace talks
---

Are we any closer to peace in Ukraine?
```

## Fix safety
Unsafe (`--unsafe-fixes`): removes the lead-in and the space after it, keeping the sentence that
follows byte for byte. It is unsafe because a lead-in in the middle of a sentence may leave a
sentence that needs rewording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, NoOptions, Rule
from postlint.rules.prose._text import starts_sentence

_VERBS = (
    r"reported|said|claimed|understood|announced|revealed|alleged|suggested|learned|learnt"
    r"|confirmed|believed|rumou?red|noted|thought"
)
_SAYING = (
    r"say|says|said|suggest|suggests|suggested|claim|claims|claimed"
    r"|indicate|indicates|indicated|believe|believes|believed"
)
_WHO = r"reports|sources|officials|critics|experts|insiders|analysts|observers"
LEAD_IN = re.compile(
    r"(?=[IiWwRrSsOoCcEeAa])"  # the first letters below: lets the regex engine skip ahead fast
    r"\b(?:"
    rf"[Ii]t\s+(?:has|had)\s+(?:\w+ly\s+)?been\s+(?:\w+ly\s+)?(?:{_VERBS})\s+that"
    rf"|[Ii]t\s+(?:is|was)\s+(?:\w+ly\s+)?(?:{_VERBS})\s+that"
    rf"|(?i:{_WHO})\s+(?:\w+ly\s+)?(?:{_SAYING})(?:\s+that)?"
    r"|[Ww]e\s+(?:have\s+)?(?:learned|learnt|understand|heard)\s+that"
    r"|(?i:according\s+to\s+(?:recent\s+|some\s+|media\s+|local\s+|news\s+|unconfirmed\s+)?"
    r"(?:reports|sources|officials|insiders))\s*,"
    r")[ \t]+"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised in the middle of a sentence, these can only open a new sentence.
_NEVER_NAMES = _words(
    "What Why How When Where Who Whom Whose Which Whether "
    "Are Is Was Were Do Does Did Could Should Would Shall Might Must Has Have Had "
    "We You They He She It Our Your Their Its There These Those "
    "And But Yet Or Nor If While Although Though Because Since Unless "
    "However Meanwhile Nevertheless Nonetheless Indeed Moreover Furthermore Also"
)
# These open a new sentence when a lower-case word or a number follows; before a capitalised
# word they may begin a name or a title ("The Guardian", "This American Life", "In Bruges").
_BEFORE_LOWER = _words(
    "The A An This That Here Her His My So Then Now Still Today Yesterday Last Next "
    "In On At After Before Despite During With Without For From By As Over Under"
)
# Names too ("Will", "May", "Can Dündar"): a new sentence only when a subject follows them.
_BEFORE_SUBJECT = _words("Will May Can")
_SUBJECTS = _words(
    "we you they he she it i the a an this that these those there our your their his her its "
    "anyone anybody someone somebody people"
)
_QUESTION_WORDS = _words(
    "what why how when where who whom whose which is are was were do does did can could "
    "should would will shall may might must has have had"
)
_NEXT = re.compile(r"[*_]*([A-Za-z]+)(-?)(,?)[ \t]*([A-Za-z0-9]?)")
_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE_END = re.compile(r"[.!?](?=[\s\"'”’)\]*_]|$)")


def _cannot_continue(prose: str, at: int, end: int, opens_sentence: bool) -> bool:
    """Whether the text at ``at`` (just after a lead-in) cannot continue the lead-in."""
    following = _NEXT.match(prose, at, end)
    if following is None:
        return False  # a quotation, a number, a link or the end of the paragraph
    word, hyphen, comma, after = following.groups()
    if hyphen:
        return False  # "Will-o'-the-wisp", "In-N-Out": a compound, probably a name
    if word[0].isupper():
        if word in _NEVER_NAMES:
            return True
        if word in _BEFORE_LOWER:
            return bool(comma) or (after != "" and not after.isupper())
        if word in _BEFORE_SUBJECT:
            subject = _WORD.match(prose, following.start(4), end)
            return subject is not None and subject.group(0).lower() in _SUBJECTS
    if opens_sentence and word.lower() in _QUESTION_WORDS:
        # "It is understood that will the talks resume?" (but not "Do sources say that is so?")
        clause_end = _CLAUSE_END.search(prose, at, end)
        return clause_end is not None and clause_end.group(0) == "?"
    return False


def splices(prose: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of lead-ins glued onto a new sentence in ``prose[start:end]``.

    Shared with unattributed-claim, which leaves these to this rule.
    """
    for match in LEAD_IN.finditer(prose, start, end):
        opens = starts_sentence(prose, match.start(), start)
        if _cannot_continue(prose, match.end(), end, opens):
            yield match.start(), match.end()


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    prose = doc.prose
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        for start, end in splices(prose, block.start, block.end):
            lead_in = doc.text[start:end].strip()
            yield Finding(
                start,
                end,
                f"'{lead_in}' is glued onto a sentence that cannot continue it: "
                "remove the lead-in, or name the source and rewrite the sentence",
                fix=Fix((Edit(start, end, ""),), safe=False, message=f"Remove '{lead_in}'"),
            )


RULE = Rule(
    code="PR101",
    name="lede-splice",
    summary="A reporting lead-in is glued onto a sentence that cannot continue it",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.UNSAFE,
)
