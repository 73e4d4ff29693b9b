"""The headline pasted again as the first paragraph of the body.

## What it does
Compares the front-matter `title` with the first paragraph of the body and reports the
paragraph when it is the title again (or its first line is, with the text following on the
next line), ignoring letter case, emphasis, quotation-mark style and end punctuation:
`**Where peace stands in Ukraine**` repeats the title "Where peace stands in Ukraine". Titles
shorter than three words are not compared. A first-level heading that repeats the title is the
usual Markdown convention and is not reported.

## Why is this bad?
The principle: the page template already prints the title, so a paragraph that repeats it is
the headline pasted into the body by an import or a generator, and readers see it twice.

## Example
```markdown
---
title: Where peace stands in Ukraine
---

Where peace stands in Ukraine

Are we any closer to peace in Ukraine?
```

## Use instead
```markdown
---
title: Where peace stands in Ukraine
---

Are we any closer to peace in Ukraine?
```

## Fix
Unsafe (`--unsafe-fixes`): deletes the repeated headline (the paragraph and the blank lines
after it, or its first line). It is unsafe because the paragraph may be meant as a standfirst.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.rule import FixAvailability, NoOptions, Rule
from postlint.rules.artefacts._headings import normalise
from postlint.rules.artefacts._scan import Segment, removal

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MIN_WORDS = 3
_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    title = doc.data.get("title")
    if not isinstance(title, str) or len(title.split()) < _MIN_WORDS:
        return
    wanted = normalise(title)
    first = next(
        (b for b in doc.blocks if b.start >= doc.body_start and b.kind == "paragraph"), None
    )
    if first is None or first.in_blockquote:
        return
    # An image's alt text is not the paragraph's text.
    prose = doc.prose[: first.start] + _IMAGE.sub(_blank, doc.prose[first.start : first.end])
    if normalise(prose[first.start : first.end]) == wanted:
        edit = removal(
            doc, Segment(prose, first.start, first.end, "paragraph"), first.start, first.end
        )
        yield _finding(first.start, first.end, edit)
        return
    line_break = _LINE_BREAK.search(prose, first.start, first.end)
    if line_break is not None and normalise(prose[first.start : line_break.start()]) == wanted:
        yield _finding(first.start, line_break.start(), Edit(first.start, line_break.end(), ""))


def _finding(start: int, end: int, edit: Edit | None) -> Finding:
    fix = Fix((edit,), safe=False, message="Remove the repeated headline") if edit else None
    return Finding(
        start,
        end,
        "the first paragraph repeats the title: the page already shows it; delete the copy",
        fix=fix,
    )


RULE = Rule(
    code="AI108",
    name="headline-repeated",
    summary="The first paragraph of the body repeats the title",
    severity=Severity.WARNING,
    check=check,
    fix=FixAvailability.UNSAFE,
)
