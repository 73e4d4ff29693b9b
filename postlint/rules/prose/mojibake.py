"""Encoding garbage such as "â€™" or "Ã©" (mojibake) in the text.

## What it does
Finds the character sequences that UTF-8 text turns into when it is decoded as Windows-1252 or
Latin-1 somewhere in a pipeline ("â€™" for ’, "â€œ" for “, "Ã©" for é, "Â " for a no-break
space), and the replacement character U+FFFD.

## Why is this bad?
Readers see garbage in place of quotes, dashes and accents. It is a sure sign of a broken import.

## Example
```markdown
---
title: A post
---

It wasnâ€™t the first time.
```

## Use instead
```markdown
---
title: A post
---

It wasn’t the first time.
```

## Fix
Safe where the intended characters are certain (the run decodes back to valid UTF-8);
otherwise (U+FFFD, whose original is lost) no fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, NoOptions, Rule

# Lead bytes of two- and three-byte UTF-8 sequences seen through cp1252, then continuation bytes.
_CONTINUATION = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_MOJIBAKE = re.compile(
    "(?:[\u00c2-\u00df][" + _CONTINUATION + "]|[\u00e0-\u00ef][" + _CONTINUATION + "]{2})+|\ufffd+"
)


def _repair(run: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            repaired = run.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != run:
            return repaired
    return None


def _findings(text: str, offset: int) -> Iterator[Finding]:
    for match in _MOJIBAKE.finditer(text):
        run = match.group(0)
        repaired = None if "\ufffd" in run else _repair(run)
        if "\ufffd" not in run and repaired is None:
            continue  # not a UTF-8 sequence after all: probably real text
        start, end = offset + match.start(), offset + match.end()
        if repaired is None:
            yield Finding(
                start,
                end,
                "replacement character U+FFFD: the original character was lost in an import; retype it",
            )
        else:
            yield Finding(
                start,
                end,
                f"'{run}' is mojibake for '{repaired}': an encoding error in an import",
                fix=Fix((Edit(start, end, repaired),), message=f"Replace with '{repaired}'"),
            )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    yield from _findings(doc.prose[doc.body_start :], doc.body_start)
    for field in doc.text_fields:
        yield from _findings(field.text, field.start)


RULE = Rule(
    code="PR105",
    name="mojibake",
    summary="Encoding garbage such as 'â€™' in the text",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.SOMETIMES,
)
