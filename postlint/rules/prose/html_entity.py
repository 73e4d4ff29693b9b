"""An HTML entity such as `&#8217;`, `&amp;#8217;` or `&rsquo;` written into the text.

## What it does
The defect: text that should be a character reached the source as an HTML character
reference, the mark of an HTML import or a double escape. It is certain when a named or
numeric reference that stands for a printable character sits in prose and the writer did not
need it there:

- in the front-matter text fields (`title`, `excerpt`, `description`), every entity:
  `&amp;`, `&#39;`, `&rsquo;`, `&nbsp;`... Titles and excerpts reach feeds, social cards and
  search snippets, which often show them undecoded;
- in body paragraphs and headings, numeric references (`&#8217;`, `&#x2019;`: unreadable in
  the source) and double-escaped ones (`&amp;#8217;`, `&amp;mdash;`, which render literally as
  `&#8217;`) as warnings, and named ones (`&mdash;`, `&rsquo;`, `&amp;`) as info: Markdown
  renders those as intended, but the source is harder to read and to search.

Never reported: entities that escape Markdown or HTML syntax (`&lt;`, `&gt;`, `&#124;`,
`&#96;`, `&#42;`...); in the body, entities for invisible or spacing characters (`&nbsp;`,
`&shy;`, `&zwj;`, `&thinsp;`: the entity is the readable way to write them), and a letter or
digit written as an entity inside a word (`f&#x6f;o`: an escape that stops a renderer reading
emphasis or an autolink there); anything in code, HTML blocks or tables. Set
`named-in-body = false` to leave named references in the body alone.

## Why is this bad?
They come from copying HTML or from importers that escape text twice. Markdown renderers
usually decode them, but feeds, excerpts, social cards and search snippets often show
`&#8217;` as is, and the source is harder to read and to search. Write the character itself.

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

## Fix safety
Safe, because the text then reads exactly as the renderer showed it: replaces the entity with the character it stands for (`html.unescape`, twice for a
double-escaped one; `&nbsp;` becomes a no-break space U+00A0). In a quoted front-matter value a
quote character is escaped as the quoting needs (`\\"` or `''`); where the quoting cannot hold
it (a TOML literal string) there is no fix.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document, TextField
from postlint.core.frontmatter import Kind
from postlint.core.rule import FixAvailability, Rule

# Also a double-escaped entity as one token: "&amp;#8217;" renders literally as "&#8217;".
_ENTITY = re.compile(
    r"&(?P<double>amp;(?=#|[A-Za-z][A-Za-z0-9]*;))?"
    r"(?:(?P<numeric>#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6})|[A-Za-z][A-Za-z0-9]{1,31});"
)
_KEPT_ASCII = frozenset("&\"'")
_NOT_TEXT = frozenset(
    {"Cc", "Cs", "Cn", "Co"}
)  # ASCII characters an entity stands for only by accident


@dataclass(frozen=True)
class Options:
    named_in_body: bool = True  # false: in the body, only numeric and double-escaped ones

    def __post_init__(self) -> None:
        if not isinstance(self.named_in_body, bool):
            raise ValueError("named-in-body must be true or false")


# Invisible or spacing characters: the entity is the readable way to write them in a source.
_INVISIBLE = frozenset("\u00a0\u00ad\u2002\u2003\u2009\u200a\u200b\u200c\u200d\u200e\u200f\u2060")


def _defeats_markup(text: str, start: int, end: int, char: str) -> bool:
    """A letter or digit written as an entity inside a word: `snake&#95;case`, `f&#x6f;o`.

    Writers do this on purpose to stop a renderer reading emphasis or an autolink there.
    """
    if not char.isascii() or not char.isalnum():
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isalnum() or after.isalnum() or before in "_*" or after in "_*"


def _decoded(entity: str) -> str | None:
    """The character ``entity`` stands for, or None for unknown or deliberate escapes."""
    char = html.unescape(html.unescape(entity))
    if (
        char == entity
        or len(char) != 1
        or char == "\ufffd"
        or unicodedata.category(char) in _NOT_TEXT
    ):
        return None  # unknown, or a control or non-character such as &#0;
    if char.isascii() and not char.isalnum() and char not in _KEPT_ASCII:
        return None  # escapes Markdown or HTML syntax on purpose: &lt; &#124; &#x60;
    return char


def _shown(char: str) -> str:
    return "a no-break space" if char == "\u00a0" else f"'{char}'"


def _finding(match: re.Match[str], char: str, replacement: str | None) -> Finding:
    entity, shown = match.group(0), _shown(char)
    fix = None
    if replacement is not None:
        fix = Fix((Edit(match.start(), match.end(), replacement),), message=f"Write {shown}")
    return Finding(
        match.start(),
        match.end(),
        f"HTML entity '{entity}' in the text: write {shown} instead",
        fix=fix,
    )


def _field_replacement(doc: Document, field: TextField, char: str) -> str | None:
    """``char`` written so that the front-matter value keeps its quoting valid."""
    quote = doc.text[field.start - 1] if field.start > 0 else ""
    if quote == '"' and char in '"\\':
        return "\\" + char  # YAML and TOML double-quoted strings
    if quote == "'" and char == "'":
        block = doc.block
        return "''" if block is not None and block.kind is Kind.YAML else None
    return char


def check(doc: Document, options: Options) -> Iterator[Finding]:
    prose = doc.prose
    for block in doc.view.prose_blocks():  # HTML blocks and tables need their entities
        for match in _ENTITY.finditer(prose, block.start, block.end):
            if not (options.named_in_body or match.group("double") or match.group("numeric")):
                continue
            char = _decoded(match.group(0))
            if char is None or char in _INVISIBLE:
                continue
            if _defeats_markup(prose, match.start(), match.end(), char):
                continue
            finding = _finding(match, char, char)
            if not (match.group("double") or match.group("numeric")):
                finding = replace(finding, severity=Severity.INFO)  # renders as intended
            yield finding
    for field in doc.text_fields:  # feeds and social cards often show these raw
        for match in _ENTITY.finditer(doc.text, field.start, field.end):
            char = _decoded(match.group(0))
            if char is not None:
                yield _finding(match, char, _field_replacement(doc, field, char))


RULE = Rule(
    code="PR106",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="html-entity",
    summary="An HTML entity is written into the prose",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    fix=FixAvailability.SOMETIMES,
)
