"""Citation and tool tokens of a chat assistant left in the text.

## What it does
Finds the markup chat assistants use for their own citations and tools, which means nothing
outside the chat window, in the body and in the front-matter text fields:

- ChatGPT's search citations, with or without their invisible delimiters:
  `citeturn0search3`, `citeturn2news1turn0search5`, `fileciteturn0file2`,
  `turn1view0`, and any character of the private-use range ChatGPT delimits them with;
- the Assistants API's file citations: `【4:0†source】`, `【12†L3-L9】`;
- ChatGPT's copied references: `:contentReference[oaicite:2]{index=2}`, `[oaicite:0]`,
  and links whose text is `oai_citation:1‡example.com`;
- Gemini's `[cite_start]` and `[cite: 3, 7]`; Copilot's `[^1^]`.

Code (fenced and inline) is not read, nor a token in quotation marks, so a post about these
tokens can show them.

## Why is this bad?
The principle: a token that only a chat interface can render is noise to every other reader,
and it proves the text was pasted from a chat without being read.

## Example
```markdown
---
title: Rates rise again
---

The central bank raised rates for the third time this year. citeturn0search3
```

## Use instead
```markdown
---
title: Rates rise again
---

The central bank raised rates for the third time this year.
```

## Fix
Safe for the tokens: deletes the token and the spaces before it, and nothing else (the
spaces after it when it opens a line). No fix when the token is glued to words on both sides
or when deleting it would put a word next to a copy of itself. Unsafe (`--unsafe-fixes`) for
an `oai_citation` link, which deletes the link and so its address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.rule import FixAvailability, NoOptions, Rule
from postlint.rules.artefacts._prefilter import may_match
from postlint.rules.artefacts._scan import Segment, compiled, has_text, quoted, removal

_KINDS = r"(?:search|news|view|fetch|file|image|academia|finance|forecast|sports|product|reddit|calculator|time|video)"
_TURN = rf"turn\d{{1,3}}{_KINDS}\d{{1,4}}(?:L\d{{1,5}}(?:-L\d{{1,5}})?)?"
_PATTERN = (
    r"[\ue200\ue202\ue203][^\ue201\n]{0,200}\ue201"  # ChatGPT's delimited entity
    r"|[\ue200-\ue203]"  # a delimiter left alone
    rf"|(?:file)?cite(?:{_TURN}){{1,12}}"
    rf"|{_TURN}(?:{_TURN}){{0,11}}(?![A-Za-z])"
    r"|【\d{1,4}(?::\d{1,4})?†[^】\n]{0,80}】"
    r"|:{0,2}contentReference\[oaicite:\d{1,4}\](?:\{index=\d{1,4}\})?"
    r"|\[oaicite:\d{1,4}\](?:\{index=\d{1,4}\})?"
    r"|\[cite_start\]|\[cite:[ \t]{0,2}\d{1,4}(?:,[ \t]{0,2}\d{1,4}){0,30}\]"
    r"|\[\^\d{1,3}\^\]"
)
_OAI_LINK = r"\[oai_citation:\d{1,4}‡[^\]\n]{0,200}\](?:\([^)\s]{0,2000}\))?"
# Every token holds one of these ("turn" alone is in most posts: "return"); most posts are
# passed over with one RE2 scan of the file.
_NEEDLES = r"【|oaicite|oai_citation|\[cite|\^\]|turn\d|" + "[\ue200\ue201\ue202\ue203]"
_WORD_BEFORE = re.compile(r"(\w+)[ \t]{0,100}$")
_WORD_AFTER = re.compile(r"[ \t]{0,100}(\w+)")


def _raw_segments(doc: Document) -> Iterator[Segment]:
    """Prose blocks in the file's own text (tokens hide in link text and footnote-like
    syntax the prose view masks), and the front-matter text fields."""
    for block in doc.blocks:
        if block.kind in ("paragraph", "heading", "table") and block.start >= doc.body_start:
            yield Segment(doc.text, block.start, block.end, block.kind)
    for field in doc.text_fields:
        yield Segment(doc.text, field.start, field.end, "field", field.key)


def _safe_edit(doc: Document, segment: Segment, start: int, end: int) -> Edit | None:
    text = doc.text
    if not has_text(text, segment.start, start) and not has_text(text, end, segment.end):
        return removal(doc, segment, start, end)  # the token is the whole block
    before_glued = start > segment.start and text[start - 1].isalnum()
    after_glued = end < segment.end and (text[end].isalnum() or text[end] == "_")
    if before_glued and after_glued:
        return None  # "wordciteturn0search3word": only a writer can say what was there
    word_before = _WORD_BEFORE.search(text, max(segment.start, start - 100), start)
    word_after = _WORD_AFTER.match(text, end, segment.end)
    if word_before and word_after and word_before[1].lower() == word_after[1].lower():
        return None  # "the citeturn0search1 the" would become a repeated word
    cut_start, cut_end = start, end
    if after_glued:
        return Edit(start, end, "")
    while cut_start > segment.start and text[cut_start - 1] in " \t":
        cut_start -= 1
    if cut_start == segment.start or text[cut_start - 1] in "\r\n":
        cut_start = start  # it opens a line: take the spaces after it instead
        while cut_end < segment.end and text[cut_end] in " \t":
            cut_end += 1
    return Edit(cut_start, cut_end, "")


def _findings(doc: Document, segment: Segment) -> Iterator[Finding]:
    text = doc.text
    for source, safe in ((_PATTERN, True), (_OAI_LINK, False)):
        ticks, counted = 0, segment.start  # backticks before the match: odd means inline code
        for match in compiled(source).finditer(text, segment.start, segment.end):
            start, end = match.span()
            ticks, counted = ticks + text.count("`", counted, start), start
            if ticks % 2 == 1 or quoted(text, segment.start, start):
                continue
            token = match.group(0)
            shown = token if token.isprintable() else token.encode("unicode_escape").decode()
            edit = _safe_edit(doc, segment, start, end)
            fix = None
            if edit is not None:
                fix = Fix((edit,), safe=safe, message=f"Remove '{shown[:40]}'")
            yield Finding(
                start,
                end,
                f"'{shown[:60]}' is a chat assistant's citation token, meaningless outside the "
                "chat: delete it (and cite the source properly if one is needed)",
                fix=fix,
            )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    if not may_match(doc.text, _NEEDLES):
        return
    for segment in _raw_segments(doc):
        yield from _findings(doc, segment)


RULE = Rule(
    code="AI106",
    name="leaked-token",
    summary="A chat assistant's citation or tool token is left in the text",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.SOMETIMES,
)
