"""Placeholder text left in a post: TK, XXX, [INSERT NAME], lorem ipsum, template holes.

## What it does
The defect: a slot that an editor or a template meant to fill reached the reader unfilled. It
is certain when the text has the shape of a slot (an editors' mark, a bracketed instruction or
slot name, filler text, or a template variable) and the sentence uses it where content belongs
rather than talking about it. Found in the body and in the front-matter text fields (`title`,
`excerpt`, `description`):

- `TK`, `TKTK` (the editors' "to come") and `XXX`, as whole upper-case words;
- bracketed instructions such as `[INSERT NAME]`, `[insert quote]`, `[TODO]`, `[TBD]` (but not
  a link whose text happens to start with "Insert"), and bracketed slot names such as `[Name]`,
  `[City]`, `[Company Name]` that are not reference links;
- "lorem ipsum dolor" filler text;
- template variables: `%%first_name%%`, `%author%`, single-brace `{title}` and a bare
  Mustache/Liquid variable `{{city}}` that the post never assigns.

Not reported: code, URLs, HTML tags and template tags with a path or filter
(`{{ page.title }}`, `{% include %}`, `{{< shortcode >}}`); a placeholder that the sentence
talks about ("replace {BRANCH} with the branch name", "the pattern is {verb} {object}", "the
{Year} field", "**{verb}**: a verb describing"); a capitalised or one-letter brace word, which
is an API type annotation or a regex count (`{Object}`, `{Number}`, `{N}`) rather than a
template variable; a bare `[TODO]` or `[done]` at the start or end of a list item, which is a
status mark in a task list; the knowing blank used as a modifier inside a noun phrase ("the
[insert buzzword here] editor").

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
from collections.abc import Callable, Iterator
from functools import cache

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.prose_view import MASK
from postlint.core.rule import NoOptions, Rule

# Every pattern here is linear: no repetition contains another, and each bracketed or braced
# run stops at the next opening bracket, so no start position rescans text a later one scans.
# Bracketed editors' notes: "[INSERT NAME]", "[insert quote]", "[TODO]".
_BRACKETED = r"INSERT|[Ii]nsert|ADD|TODO|TBD|TBC|TK|NAME|PLACEHOLDER|HEADLINE|LINK|QUOTE"
# Bracketed names of the slot itself: "[Name]", "[Company Name]", "[CITY]".
_SLOT_NOUNS = (
    r"Name|City|Date|Title|Quote|Number|Amount|Location|Author|Email|E-mail|Phone|Address"
    r"|Headline|Photo|Image|Caption|Company|Organi[sz]ation|Person|Role|Country|Price|Venue"
    r"|Speaker|Spokesperson|Figure|Percentage|Day|Month|Time"
)
_SLOT_MODIFIERS = r"Your|First|Last|Full|Company|Job|Product|Event|Org|Client|Customer|Partner"
_SLOT = rf"(?:(?:{_SLOT_MODIFIERS})[ _])?(?:{_SLOT_NOUNS})"


@cache
def _placeholder() -> re.Pattern[str]:
    """Every alternative starts with a literal character, the look-behind that guards it
    checking the character before (``(?<!C)x`` is ``x(?<!Cx)``, ``\\bl`` is ``l(?<!\\wl)``): the
    regex engine then skips to those characters in C instead of trying every position."""
    lorem = r"(?i:orem\s+ipsum\s+dolor\b)"
    return re.compile(
        r"T(?<![\w-]T)K(?:TK)*(?![\w-])"
        r"|X(?<![\w-]X)X{2,}(?![\w-])"
        rf"|\[(?:{_BRACKETED})\b[^\]\[\n]*\]"
        rf"(?![\[(:{MASK}])"
        rf"|\[(?<![\]\w!]\[)(?P<slot>{_SLOT}|(?i:{_SLOT}))\](?![\[(:{MASK}])"
        rf"|L(?<!\wL){lorem}|l(?<!\wl){lorem}"
        r"|%%[A-Za-z_][\w.-]*%%"
        r"|%(?<![\w%]%)[a-z][a-z0-9]*(?:_[a-z0-9]+)*%(?![\w%])"
        r"|\{(?<![{\\\w$%#@]\{)(?P<brace>[a-z][a-z0-9]*(?:_[a-z0-9]+)*[a-z0-9]|[a-z]+(?:[A-Z][a-z0-9]+)+)\}"
        r"(?![}\w(])"
    )


# A bare `{{ name }}`: masked in the prose view as a template tag, so found in the text.
@cache
def _bare_variable() -> re.Pattern[str]:
    return re.compile(r"\{\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}")


@cache
def _assigned() -> re.Pattern[str]:
    return re.compile(r"\{%-?[ \t]*(?:assign|capture|for|increment|decrement)[ \t]+([A-Za-z_]\w*)")


# The sentence is about the placeholder, not a victim of it.
@cache
def _mention() -> re.Pattern[str]:
    return re.compile(
        r"(?i:\b(?:replac\w*|substitut\w*|fill(?:ing)?\s+in|placeholders?|templates?|variables?"
        r"|stands?\s+for|patterns?|formats?|syntax|form\s+of|looks?\s+like)\b)"
        r"(?:[^.!?\n]|\n(?![ \t]*\n))*\Z"
    )


# A paragraph ending in a colon that introduces the next block as a pattern.
@cache
def _introduction() -> re.Pattern[str]:
    return re.compile(r"(?i:\b(?:structures?|shapes?|layouts?|outlines?)\b)")


# A link reference definition: "[time]: https://..." makes "[time]" a link.
@cache
def _reference_definition() -> re.Pattern[str]:
    return re.compile(r"^[ \t]{0,3}\[([^\]\n]+)\]:", re.MULTILINE)


# After the placeholder: the noun naming what it is ("the {Year} field") or a definition's
# colon ("**{verb}**: a verb ...").
@cache
def _named_after() -> re.Pattern[str]:
    return re.compile(
        r"[*_]*(?::|[ \t]+(?i:fields?|columns?|sections?|buttons?|inputs?|keys?|parameters?"
        r"|params?|tags?|tabs?|menus?|options?|boxes|box|placeholders?|variables?|tokens?)\b)"
    )


# A task list's status mark: "* Write the post [TODO]", "* [TODO] Compute the size".
@cache
def _status() -> re.Pattern[str]:
    return re.compile(r"\[(?i:todo|tbd|tbc|done|wip|fixme)\]")


@cache
def _list_item_start() -> re.Pattern[str]:
    return re.compile(r"[ \t]*(?:[*+-]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")


_LOOKBACK = 80


# The knowing blank used as a modifier: "the [insert buzzword here] editor" is a joke, not a hole.
@cache
def _joke() -> re.Pattern[str]:
    return re.compile(r"\[insert [a-z -]+ here\][ \t]+[a-z]+\b.*", re.DOTALL)


# Every placeholder contains one of these: most posts are passed over with a few fast tests.
_NEEDLES = ("TK", "XXX", "lorem", "Lorem", "LOREM", "%", "{")


@cache
def _bracket_needle() -> re.Pattern[str]:
    return re.compile(rf"\[(?:{_BRACKETED}|{_SLOT}|(?i:{_SLOT}))")


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return text.rfind("\n", 0, start) + 1, len(text) if (e := text.find("\n", end)) < 0 else e


def _is_status_mark(text: str, start: int, end: int) -> bool:
    """A bare status word at the very start or end of a list item."""
    if not _status().fullmatch(text, start, end):
        return False
    line_start, line_end = _line_bounds(text, start, end)
    head = _list_item_start().match(text, line_start)
    if head is None:
        return False
    return head.end() == start or not text[end:line_end].strip(MASK + " \t\r.")


def _introduced(text: str, start: int, floor: int) -> bool:
    """The sentence, or the paragraph that introduces this block with a colon, is about it."""
    before = text[max(floor, start - _LOOKBACK) : start]
    if _mention().search(before):
        return True
    block_start = before.rfind("\n\n")
    if block_start < 0:
        return False
    lead = before[:block_start].rstrip(MASK + " \t\r\n")
    if not lead.endswith(":"):
        return False
    return bool(_mention().search(lead[:-1]) or _introduction().search(lead))


def _no_references() -> frozenset[str]:
    return frozenset()


def _findings(
    text: str,
    start: int,
    end: int,
    references: Callable[[], frozenset[str]] = _no_references,
) -> Iterator[Finding]:
    """``references``: the labels of the link reference definitions, casefolded, asked for
    only when a slot name is found (finding them tries a match at every character of the
    body, and nearly no post holds a slot)."""
    labels: frozenset[str] | None = None
    for match in _placeholder().finditer(text, start, end):
        if match.group("slot"):
            labels = references() if labels is None else labels
            if match.group("slot").casefold() in labels:
                continue
        if _introduced(text, match.start(), start):
            continue
        named = match.group("brace") or match.group("slot")
        if named and _named_after().match(text, match.end()):
            continue
        if _is_status_mark(text, match.start(), match.end()) or _joke().fullmatch(
            text, match.start(), min(end, match.end() + _LOOKBACK)
        ):
            continue
        yield _finding(match.start(), match.end(), match.group(0))


def _finding(start: int, end: int, found: str) -> Finding:
    return Finding(
        start, end, f"placeholder '{found}' left in the text: replace it with the real content"
    )


def _bare_variables(doc: Document) -> Iterator[Finding]:
    """`{{city}}` on its own in prose: a template hole, unless the post assigns the name."""
    text, prose = doc.text, doc.prose
    assigned: set[str] | None = None
    for block in doc.view.prose_blocks():
        for match in _bare_variable().finditer(text, block.start, block.end):
            start, end = match.span()
            if prose[start] != MASK or (start > 0 and prose[start - 1] == MASK):
                continue  # inside code or another masked span
            if end < len(prose) and prose[end] == MASK:
                continue
            if assigned is None:
                assigned = set(_assigned().findall(text, doc.body_start))
            if match.group(1) in assigned or _introduced(prose, start, block.start):
                continue
            yield _finding(start, end, match.group(0))


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    prose = doc.prose
    if any(needle in prose for needle in _NEEDLES) or (
        "[" in prose and _bracket_needle().search(prose)
    ):

        def references() -> frozenset[str]:
            found = _reference_definition().findall(doc.text, doc.body_start)
            return frozenset(label.casefold() for label in found)

        yield from _findings(prose, doc.body_start, len(prose), references)
    if "{{" in doc.text:
        yield from _bare_variables(doc)
    for field in doc.text_fields:
        if _may_hold_placeholder(doc.text[field.start : field.end]):
            yield from _findings(doc.text, field.start, field.end)


def _may_hold_placeholder(text: str) -> bool:
    """Whether ``_placeholder()`` may match in ``text``: each of its alternatives holds one of
    these (lorem ipsum in any case): most titles need no regex, and no compiled pattern."""
    return any(needle in text for needle in _FIELD_NEEDLES) or "lorem" in text.lower()


_FIELD_NEEDLES = ("TK", "XXX", "[", "%", "{")


RULE = Rule(
    code="PR104",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="placeholder-left",
    summary="Placeholder text such as TK or [INSERT NAME] is left in the post",
    severity=Severity.ERROR,
    check=check,
)
