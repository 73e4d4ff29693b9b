"""An invisible zero-width character in the text or a heading.

## What it does
The defect: a zero-width character (U+200B zero width space, U+2060 word joiner, U+FEFF inside
the text, U+180E, or U+200C/U+200D outside emoji and the scripts that need them) was pasted
in with the text. It is certain whenever one sits in prose: body paragraphs, headings and the
front-matter text fields. A zero width joiner between emoji (a family, a flag) and the joiners
of scripts that use them (Arabic, Persian, Indic) are kept; code is not read.

## Why is this bad?
It breaks search, heading anchors and links, spell checking and copy-paste, and nobody can see
it.

## Example
```markdown
---
title: A post
---

The council met on Monday​ to vote.
```

## Use instead
```markdown
---
title: A post
---

The council met on Monday to vote.
```

## Fix
Safe: deletes the character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.prose_view import MASK
from postlint.core.rule import FixAvailability, NoOptions, Rule

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u180e]")
_NAMES = {
    "\u200b": "zero width space",
    "\u200c": "zero width non-joiner",
    "\u200d": "zero width joiner",
    "\u2060": "word joiner",
    "\ufeff": "zero width no-break space",
    "\u180e": "Mongolian vowel separator",
}


def _needed(text: str, at: int) -> bool:
    """Joiners that emoji sequences and some scripts need."""
    if text[at] not in "\u200c\u200d":
        return False
    for near in (at - 1, at + 1):
        if not 0 <= near < len(text):
            continue
        code = ord(text[near])
        if code >= 0x1F000 or 0x2600 <= code <= 0x27BF or code == 0xFE0F:
            return True  # emoji
        if 0x0600 <= code <= 0x0DFF:
            return True  # Arabic, Persian, Indic scripts
    return False


def _findings(text: str, start: int, end: int, prose: str | None) -> Iterator[Finding]:
    for match in _INVISIBLE.finditer(text, start, end):
        at = match.start()
        if _needed(text, at) or (prose is not None and prose[at] == MASK):
            continue
        name = _NAMES[text[at]]
        yield Finding(
            at,
            at + 1,
            f"invisible {name} (U+{ord(text[at]):04X}) in the text: delete it",
            fix=Fix((Edit(at, at + 1, ""),), safe=True, message=f"Delete the {name}"),
        )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    text, body_start = doc.text, doc.body_start
    # A block of the body holds none when the body holds none (the fields are looked at apart).
    if _INVISIBLE.search(text, body_start) is not None:
        prose = doc.prose
        for block in doc.view.prose_blocks():
            if block.end > body_start:
                yield from _findings(text, block.start, block.end, prose)
    for field in doc.text_fields:
        yield from _findings(text, field.start, field.end, None)


RULE = Rule(
    code="PR116",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="zero-width-character",
    summary="An invisible zero-width character in the text",
    severity=Severity.WARNING,
    check=check,
    fix=FixAvailability.SAFE,
)
