"""Placeholder text left in a post: TK, XXX, [INSERT NAME], lorem ipsum, template holes.

## What it does
Finds editors' and templates' placeholders in the body and in the front-matter text fields
(`title`, `excerpt`, `description`):

- `TK`, `TKTK` (the editors' "to come") and `XXX`, as whole upper-case words;
- bracketed instructions such as `[INSERT NAME]`, `[insert quote]`, `[TODO]`, `[TBD]` (but not
  a link whose text happens to start with "Insert");
- "lorem ipsum dolor" filler text;
- template holes: `%%first_name%%` and single-brace `{title}`.

Code, URLs, HTML tags and Liquid or Hugo template tags (`{{ page.title }}`, `{% include %}`,
`{{< shortcode >}}`) are masked and never read. A placeholder that the sentence talks about
("replace {BRANCH} with the branch name", "the placeholder XXX") is not reported.

## Why is this bad?
A placeholder that reaches readers is the most visible mistake a publication can make, and
pipelines that fill templates leave these behind when a field is missing.

## Example
```markdown
---
title: A post
---

The minister, [INSERT NAME], said TK people attended.
```

## Use instead
```markdown
---
title: A post
---

The minister, Jane Doe, said 300 people attended.
```

## Fix
None: only the author knows what belongs there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.prose_view import MASK
from postlint.rule import NoOptions, Rule

# Bracketed editors' notes: "[INSERT NAME]", "[insert quote]", "[TODO]".
_BRACKETED = r"INSERT|[Ii]nsert|ADD|TODO|TBD|TBC|TK|NAME|PLACEHOLDER|HEADLINE|LINK|QUOTE"
_PLACEHOLDER = re.compile(
    r"(?<![\w-])(?:TK(?:TK)*|X{3,})(?![\w-])"
    rf"|\[(?:{_BRACKETED})\b[^\]\n]*\]"
    rf"(?![\[(:{MASK}])"
    r"|(?i:\blorem\s+ipsum\s+dolor\b)"
    r"|%%[A-Za-z_][\w.-]*%%"
    r"|(?<![{\\\w$%#@])\{[A-Za-z_][\w.-]*\}(?![}\w(])"
)
# The sentence is about the placeholder, not a victim of it.
_MENTION = re.compile(
    r"(?i:\b(?:replac\w*|substitut\w*|fill(?:ing)?\s+in|placeholders?|templates?|variables?"
    r"|stands?\s+for)\b)(?:[^.!?\n]|\n(?![ \t]*\n))*\Z"
)
_LOOKBACK = 80
# Every placeholder contains one of these: most posts are passed over with a few fast tests.
_NEEDLES = ("TK", "XXX", "lorem", "Lorem", "LOREM", "%%", "{")
_BRACKET_NEEDLE = re.compile(rf"\[(?:{_BRACKETED})")


def _findings(text: str, start: int, end: int) -> Iterator[Finding]:
    for match in _PLACEHOLDER.finditer(text, start, end):
        before = text[max(start, match.start() - _LOOKBACK) : match.start()]
        if _MENTION.search(before):
            continue
        found = match.group(0)
        yield Finding(
            match.start(),
            match.end(),
            f"placeholder '{found}' left in the text: replace it with the real content",
        )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    prose = doc.prose
    if any(needle in prose for needle in _NEEDLES) or _BRACKET_NEEDLE.search(prose):
        yield from _findings(prose, doc.body_start, len(prose))
    for field in doc.text_fields:
        yield from _findings(doc.text, field.start, field.end)


RULE = Rule(
    code="PR104",
    name="placeholder-left",
    summary="Placeholder text such as TK or [INSERT NAME] is left in the post",
    severity=Severity.ERROR,
    check=check,
)
