"""A byline that names nobody: `admin`, `author`, `Your Name`.

## What it does
Checks the post's byline, the front-matter `author`, `authors`, `byline`, `creator` and
`writer` (a name, a list of names, or a mapping with a `name`), and a body line such as
"By admin" or "Written by: Your Name" in the first or last paragraph, against the option
`placeholders`: the default accounts and template fillers pipelines publish under (`admin`,
`administrator`, `author`, `Author Name`, `Your Name`, `John Doe`, `user`, `webmaster`,
`ChatGPT`, ...). A placeholder matches the whole name, in any letter case, with or without
brackets, braces or angle brackets around it (`[Your Name]`, `{author}`); "Adminton" or
"The Rust Release Team" are names.

## Why is this bad?
The principle: a byline credits a person or a desk, so a byline that is a CMS account or a
template's filler means the post was published by a pipeline that never set its author, and
readers cannot tell who stands behind it.

## Example
```markdown
---
title: Spring fair opens
author: admin
---

The fair opens on Saturday.
```

## Use instead
```markdown
---
title: Spring fair opens
author: Jane Doe-Smith
---

The fair opens on Saturday.
```

## Fix
None: only the editor knows who wrote the post.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.frontmatter import Located
from postlint.core.rule import Rule
from postlint.rules.artefacts._scan import compiled

DEFAULT_PLACEHOLDERS = (
    "admin",
    "administrator",
    "site admin",
    "wp admin",
    "wpadmin",
    "admin user",
    "superuser",
    "root",
    "webmaster",
    "author",
    "author name",
    "authorname",
    "the author",
    "your name",
    "yourname",
    "your full name",
    "name",
    "full name",
    "first last",
    "firstname lastname",
    "first name last name",
    "name surname",
    "insert name",
    "insert author",
    "insert author name",
    "writer name",
    "john doe",
    "jane doe",
    "john smith",
    "user",
    "username",
    "default",
    "unknown",
    "test",
    "tester",
    "demo",
    "lorem ipsum",
    "tbd",
    "tk",
    "xxx",
    "n/a",
    "chatgpt",
    "gpt-4",
    "gpt-4o",
    "openai",
    "ai assistant",
    "assistant",
)
_KEYS = ("author", "authors", "byline", "creator", "writer")
_WRAPPERS = "[]{}<>()%$\"'` \t"
_BODY_BYLINE = (
    r"(?i)[*_]{0,2}(?:by|written[ \t]+by|posted[ \t]+by|author)[ \t]{0,2}:?[*_]{0,2}[ \t]{1,3}"
)
_COMMENT = r"<!--.*?-->"
_LONGEST_BYLINE = 80


@dataclass(frozen=True)
class Options:
    placeholders: tuple[str, ...] = DEFAULT_PLACEHOLDERS

    def __post_init__(self) -> None:
        if isinstance(self.placeholders, str) or not all(
            isinstance(p, str) and p.strip() for p in self.placeholders
        ):
            raise ValueError("placeholders must be a list of non-empty strings")


def _key(name: str) -> str:
    return " ".join(name.strip(_WRAPPERS).split()).casefold()


def _names(node: Located) -> Iterator[Located]:
    if node.tag == "str" and isinstance(node.value, str):
        yield node
    for item in node.items:
        yield from _names(item)
    for key, value in node.entries:
        if key.value == "name":
            yield from _names(value)


def _finding(start: int, end: int, name: str) -> Finding:
    return Finding(
        start,
        end,
        f"the byline '{name.strip()}' is a placeholder, not a person: name the author",
    )


@cache
def _keys(placeholders: tuple[str, ...]) -> frozenset[str]:
    """Keyed once per list of placeholders, not once per post."""
    return frozenset(_key(p) for p in placeholders)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    placeholders = _keys(tuple(options.placeholders))
    fm = doc.front_matter
    if fm is not None and fm.root is not None:
        for key, value in fm.root.entries:
            if key.value in _KEYS:
                for name in _names(value):
                    if _key(name.value) in placeholders:
                        yield _finding(name.start, name.end, name.value)
    body_start = doc.body_start
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph" and b.start >= body_start]
    for block in {id(b): b for b in (paragraphs[:1] + paragraphs[-1:])}.values():
        found = _body_byline(doc, block.start, block.end)
        if found is not None and _key(found[2]) in placeholders:
            yield _finding(*found)


def _body_byline(doc: Document, start: int, end: int) -> tuple[int, int, str] | None:
    """(start, end, name) of a one-line paragraph "By <name>" (the name read from the file's
    text: the prose view masks "<author>" as an HTML tag)."""
    if end - start > _LONGEST_BYLINE or "\n" in doc.text[start:end]:
        return None
    prefix = compiled(_BODY_BYLINE).match(doc.prose, start, end)
    if prefix is None:
        return None
    rest = compiled(_COMMENT).sub("", doc.text[prefix.end() : end])
    name = rest.strip(" \t*_")
    name_start = prefix.end() + len(rest) - len(rest.lstrip(" \t*_"))
    if not name or not doc.text.startswith(name, name_start):
        return None
    return name_start, name_start + len(name), name


RULE = Rule(
    code="AI111",
    name="placeholder-byline",
    summary="The byline is a placeholder such as 'admin' or 'Your Name'",
    severity=Severity.WARNING,
    check=check,
    options=Options,
)
