"""A link copied from a chat assistant's answer, still carrying the assistant's tracking tag.

## What it does
Finds a URL whose query says it was copied from a chat assistant's answer:
`utm_source=chatgpt.com`, `utm_source=openai`, `utm_source=perplexity`,
`utm_source=copilot.com` (any letter case), in link targets, bare URLs, reference
definitions, HTML and front-matter values. Code is not read, nor the tag written about
outside a URL.

## Why is this bad?
The principle: a source the writer cited was opened and read, so a link that still carries the
assistant's referral tag was copied from the assistant's answer, with the claim it supports;
both need checking. The tag also misattributes the site's traffic.

## Example
```markdown
---
title: Rates rise again
---

The bank raised rates ([Reuters](https://www.reuters.com/markets/rates?utm_source=chatgpt.com)).
```

## Use instead
```markdown
---
title: Rates rise again
---

The bank raised rates ([Reuters](https://www.reuters.com/markets/rates)).
```

## Fix
Unsafe (`--unsafe-fixes`): removes the `utm_source` parameter from the URL, keeping every other
parameter and the fragment. It is unsafe because it changes a URL (and because the page
still needs checking against the claim).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.rule import FixAvailability, NoOptions, Rule
from postlint.rules.artefacts._prefilter import may_match
from postlint.rules.artefacts._scan import compiled

_SOURCES = r"(?:chatgpt\.com|chat\.openai\.com|openai(?:\.com)?|perplexity(?:\.ai)?|copilot\.(?:com|microsoft\.com))"
_PARAMETER = rf"(?i)([?&])utm_source={_SOURCES}(?=[&#)\]\s\"'>]|$)(&?)"
_URL_START = r"(?i)https?://|www\."
_URL_STOP = r"[\s()<>\"'\[\]]"
_LONGEST_URL = 2000


def _url_start(text: str, at: int) -> int | None:
    """Where the URL holding ``at`` begins, or None when ``at`` is not in a URL."""
    floor = max(0, at - _LONGEST_URL)
    stops = [m.end() for m in compiled(_URL_STOP).finditer(text, floor, at)]
    begin = stops[-1] if stops else floor
    found = compiled(_URL_START).search(text, begin, at)
    return found.start() if found is not None else None


def _unit_start(doc: Document, starts: list[int], ends: list[int], at: int) -> int:
    """Start of the block holding ``at``, or of its line outside blocks (a reference
    definition, the front matter), looked for within a bounded distance."""
    index = bisect.bisect_right(starts, at) - 1
    if index >= 0 and at <= ends[index]:
        return starts[index]
    floor = max(0, at - 2 * _LONGEST_URL)
    return max(floor, doc.text.rfind("\n", floor, at) + 1)


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    text = doc.text
    # RE2 first: lower-casing the whole file costs more, and nearly every post stops here.
    if not may_match(text, "(?i)utm_source=") or "utm_source=" not in text.lower():
        return
    blocks = [b for b in doc.blocks if b.start >= doc.body_start]
    code = [b for b in blocks if b.kind == "code"]
    code_starts = [b.start for b in code]
    starts, ends = [b.start for b in blocks], [b.end for b in blocks]
    unit, ticks, counted = -1, 0, 0  # the block or line of the last URL, backticks before it
    for match in compiled(_PARAMETER).finditer(text):
        start, end = match.span()
        index = bisect.bisect_right(code_starts, start) - 1
        if index >= 0 and start < code[index].end:
            continue  # in a code block
        url = _url_start(text, start)
        if url is None:
            continue  # "utm_source=chatgpt.com" written about, not in a link
        here = _unit_start(doc, starts, ends, url)
        if here != unit:
            unit, ticks, counted = here, 0, here
        ticks, counted = ticks + text.count("`", counted, url), url
        if ticks % 2 == 1:
            continue  # inline code
        separator, following = match.group(1), match.group(2)
        if separator == "?" and following:
            edit = Edit(start + 1, end, "")  # "?utm_source=x&a=1" -> "?a=1"
        else:
            edit = Edit(start, end - len(following), "")
        tag = text[start + 1 : end - len(following)]
        yield Finding(
            start + 1,
            end - len(following),
            f"'{tag}': this link was copied from a chat assistant's answer; check that the page "
            "says what the post claims, and remove the tag",
            fix=Fix((edit,), safe=False, message=f"Remove '{tag}'"),
        )


RULE = Rule(
    code="AI107",
    name="chatbot-link",
    summary="A link still carries a chat assistant's referral tag (utm_source=chatgpt.com)",
    severity=Severity.WARNING,
    check=check,
    fix=FixAvailability.UNSAFE,
)
