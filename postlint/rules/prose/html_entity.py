"""An HTML entity such as `&amp;`, `&#8217;` or `&nbsp;` written into the prose.

## What it does
Finds character references where they do harm: numeric ones (`&#8217;`, the mark of an HTML
import) and double-escaped ones (`&amp;#8217;`, which render literally) in paragraphs and
headings, and any entity in front-matter text fields (titles and excerpts reach feeds and
social cards undecoded). Named entities in the body (`&mdash;`) render well and are left alone. Entities inside HTML blocks and tables are left alone, and so are escapes of Markdown
syntax characters such as `&lt;`, `&#124;` or `&#x60;`, which are deliberate.

## Why is this bad?
They come from copying HTML or from importers that escape text twice. Markdown renderers
usually decode them, but feeds, excerpts, social cards and search snippets often show
`&#8217;` as is. Write the character itself.

## Example
```markdown
---
title: A post
---

Rock and roll isn&#8217;t dead.
```

## Use instead
```markdown
---
title: A post
---

Rock and roll isn’t dead.
```

## Fix
Safe: replaces the entity with its character, except `&lt;` and `&gt;`, which may protect
text that would otherwise be read as an HTML tag (no fix; decide by hand).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, NoOptions, Rule

# Also a double-escaped entity as one token: "&amp;#8217;" renders literally as "&#8217;".
_ENTITY = re.compile(
    r"&(?:amp;(?=#|[A-Za-z][A-Za-z0-9]*;))?(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_UNSAFE = frozenset({"&lt;", "&gt;", "&#60;", "&#62;", "&#x3c;", "&#x3e;", "&#X3C;", "&#X3E;"})


def _findings(text: str, offset: int) -> Iterator[Finding]:
    for match in _ENTITY.finditer(text):
        entity = match.group(0)
        char = html.unescape(html.unescape(entity))
        if char == entity or (char.isascii() and not char.isalnum() and char not in "&\"'"):
            continue  # unknown, or a deliberate escape of Markdown syntax such as &#124; or &lt;
        start, end = offset + match.start(), offset + match.end()
        shown = {"\u00a0": "a no-break space"}.get(char, f"'{char}'")
        fix = None
        if entity.lower() not in _UNSAFE:
            fix = Fix((Edit(start, end, char),), message=f"Replace with {shown}")
        yield Finding(
            start, end, f"HTML entity '{entity}' in the text: write {shown} instead", fix=fix
        )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    prose = doc.prose
    for block in doc.view.prose_blocks():  # HTML blocks and tables need their entities
        for finding in _findings(prose[block.start : block.end], block.start):
            # In the body, a named entity (&mdash;) is a deliberate Markdown idiom that renders
            # well; numeric ones (&#8217;) are the mark of an HTML import.
            entity = doc.text[finding.start : finding.end]
            if entity.startswith(("&#", "&amp;#")) or (
                entity.startswith("&amp;") and len(entity) > 5
            ):
                yield finding
    for field in doc.text_fields:  # feeds and social cards often show these raw
        yield from _findings(field.text, field.start)


RULE = Rule(
    code="PR106",
    name="html-entity",
    summary="An HTML entity is written into the prose",
    severity=Severity.WARNING,
    check=check,
    fix=FixAvailability.SOMETIMES,
)
