"""An image without alternative text.

## What it does
The defect: an image reaches readers who cannot see it with nothing to say what it shows. It is
certain when a Markdown image has empty alt text (`![](chart.png)`, `![ ](chart.png)`) or an
HTML `<img>` tag has no `alt` attribute. An HTML image with `alt=""` is marked decorative on
purpose and is left alone; images in code are not read.

Reported as info: images without alt text are common on real blogs, and only the author can
write the text.

## Why is this bad?
Screen readers announce the file name or nothing; search engines and feeds lose the image's
meaning; a broken image shows nothing in its place.

## Example
```markdown
---
title: A post
---

![](turnout-chart.png)
```

## Use instead
```markdown
---
title: A post
---

![Turnout by district, 2024](turnout-chart.png)
```

## Fix
None: only the author knows what the image shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.prose_view import MASK
from postlint.core.rule import NoOptions, Rule

# Linear: fixed text, or a run that stops at the next angle bracket.
_EMPTY_ALT = re.compile(rf"!\[[ \t]*\](?=[(\[{MASK}])")
_IMG_TAG = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
_ALT = re.compile(r"\salt\s*=", re.IGNORECASE)


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    text, prose = doc.text, doc.prose
    if "![" not in text and "<img" not in text.lower():
        return
    for block in doc.view.blocks:
        if block.end <= doc.body_start or block.kind not in ("paragraph", "heading", "html"):
            continue
        if block.kind != "html":
            for match in _EMPTY_ALT.finditer(prose, block.start, block.end):
                yield Finding(
                    match.start(),
                    match.end() - 1,
                    "image without alt text: say in the brackets what it shows",
                )
        for match in _IMG_TAG.finditer(text, block.start, block.end):
            if _ALT.search(match.group(0)) is None:
                yield Finding(
                    match.start(),
                    match.end(),
                    '<img> without an alt attribute: add alt="what it shows" '
                    '(or alt="" for a decorative image)',
                )


RULE = Rule(
    code="PR117",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="image-without-alt",
    summary="An image has no alternative text",
    severity=Severity.INFO,  # accessibility advice: common in real posts, never a broken build
    check=check,
)
