"""A reporting lead-in glued onto a sentence that cannot continue it.

## What it does
Finds a lead-in clause such as "It has been recently reported that", "Sources say that" or
"According to reports," followed by a capitalised start of a new sentence that is not a name:
a question word, an auxiliary verb, a pronoun or an article ("It has been recently reported that
Are we any closer to peace?"). A name after the lead-in ("It was reported that Zelensky met...")
or a quotation is fine.

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

## Fix
Unsafe: removes the lead-in, keeping the sentence that follows it (`--unsafe-fixes`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, NoOptions, Rule

_VERBS = r"reported|said|claimed|understood|announced|revealed|alleged|suggested|learned|learnt|confirmed|believed|rumou?red|noted"
LEAD_IN = re.compile(
    r"(?:\b(?:It|it)\s+(?:has|had)\s+been\s+(?:\w+ly\s+)?(?:" + _VERBS + r")"
    r"|\b(?:It|it)\s+(?:is|was)\s+(?:\w+ly\s+)?(?:" + _VERBS + r")"
    r"|\b(?:Reports|Sources|Officials|Critics|Experts|Insiders|Analysts)\s+(?:\w+ly\s+)?(?:say|said|suggest|suggested|claim|claimed|indicate|indicated|believe|believed)"
    r"|\b(?:We|we)\s+(?:have\s+)?(?:learned|learnt|understand|heard))"
    r"\s+that\s+"
    r"|\bAccording\s+to\s+(?:recent\s+|some\s+|media\s+)?(?:reports|sources|officials)\s*,\s*"
)
# Words that start a new sentence but cannot continue "it was reported that ...".
SENTENCE_STARTERS = frozenset(
    [
        "Are",
        "Is",
        "Was",
        "Were",
        "Do",
        "Does",
        "Did",
        "Can",
        "Could",
        "Should",
        "Would",
        "Will",
        "Shall",
        "May",
        "Might",
        "Must",
        "Has",
        "Have",
        "Had",
        "What",
        "Why",
        "How",
        "When",
        "Where",
        "Who",
        "Whom",
        "Whose",
        "Which",
        "The",
        "A",
        "An",
        "This",
        "These",
        "Those",
        "Our",
        "My",
        "Your",
        "Their",
        "Its",
        "His",
        "Her",
        "We",
        "I",
        "You",
        "They",
        "There",
        "Here",
        "In",
        "On",
        "At",
        "After",
        "Before",
        "Despite",
        "With",
        "Without",
        "For",
        "From",
        "By",
        "As",
        "So",
        "And",
        "But",
        "Yet",
        "Or",
        "If",
        "While",
        "Although",
        "Though",
        "Because",
        "Since",
        "Meanwhile",
        "However",
        "Nevertheless",
        "Indeed",
        "Still",
        "Now",
        "Then",
        "Today",
        "Yesterday",
        "Last",
        "Next",
    ]
)
_NEXT_WORD = re.compile(r"[A-Z][a-z]*")
_SENTENCE_END = re.compile(r"[.!?\n]")


def splices(prose: str) -> Iterator[tuple[int, int]]:
    """Spans of lead-ins glued onto a new sentence (shared with unattributed-claim)."""
    for match in LEAD_IN.finditer(prose):
        following = _NEXT_WORD.match(prose, match.end())
        if following is None:
            continue  # a quotation, a number or a lower-case continuation
        end = _SENTENCE_END.search(prose, match.end())
        question = end is not None and end.group(0) == "?"
        if following.group(0) in SENTENCE_STARTERS or question:
            yield match.start(), match.end()


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for start, end in splices(doc.prose):
        lead_in = doc.text[start:end].strip()
        yield Finding(
            start,
            end,
            f"'{lead_in}' is glued onto a sentence that cannot continue it: "
            "remove the lead-in or rewrite the sentence",
            fix=Fix((Edit(start, end, ""),), safe=False, message="Remove the lead-in"),
        )


RULE = Rule(
    code="PR101",
    name="lede-splice",
    summary="A reporting lead-in is glued onto a sentence that cannot continue it",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.UNSAFE,
)
