"""A label such as "Big News:" or "BREAKING -" glued onto the headline.

## What it does
The defect: a label that sells the story ("Big News:", "BREAKING -", "Must see!") was put in
front of the headline by an importer or a rewriter. It is certain when the front-matter
`title` or the first level-one `#` heading starts with a short label (one to four words) and a
separator (`:`, `!`, ` -`, ` –`, ` —`, ` |`), or with a label in brackets (`[BREAKING]`), and
the label is made of attention words only: every word is one of urgency, novelty, size or
exclusivity ("breaking", "just in", "huge", "hot", "exclusive", "must", "watch", "update",
"shocking", "live", ...), at least one of them a flash word, or the label is two or more
words in capitals ("MUST SEE:"). The option `prefixes` adds labels of your own.

A topic before a colon is the author's headline and is left alone: "Core Team Update: May
2021", "Call for Testing: ...", "RSoC 2025: ...", "Hot off the press: our API standards"
(words that are not attention words), and "Breaking the silence: a history" (no separator
after the label). When an unquoted title breaks the YAML (`title: Big News: Talks resume` is a
syntax error), the title line is still read from the text of the front matter, so the label is
reported beside the syntax error. A title folded over several lines is read on its first
line.

## Why is this bad?
Importers and rewriters add these labels; on a site they are clutter in the headline, in feeds
and in search results, and they age badly ("Breaking" a week later).

## Example
```markdown
---
title: "Big News: Where peace stands in Ukraine"
---

Text.
```

## Use instead
```markdown
---
title: "Where peace stands in Ukraine"
---

Text.
```

## Fix safety
Unsafe (`--unsafe-fixes`): removes the label, its separator and the spaces after it. Quotes
around the title and the rest of the headline stay byte for byte, including the capital of the
next word. It is unsafe because a label is sometimes the author's choice. No fix is offered
when the title is an unquoted YAML value whose remainder would start with a YAML indicator
such as `"` or `[`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.rule import FixAvailability, Rule

DEFAULT_PREFIXES = (
    "big news",
    "breaking",
    "breaking news",
    "exclusive",
    "must read",
    "must-read",
    "just in",
    "update",
    "updated",
    "developing",
    "developing story",
    "news alert",
    "alert",
    "urgent",
    "read this",
)
# Attention words: every word of a label is one of these or a short joining word...
_ATTENTION = (
    r"big|huge|major|massive|breaking|exclusive|exclusively|urgent|alert|alerts|just|in|now|live"
    r"|latest|hot|flash|news|update|updated|updates|developing|story|must|read|see|watch"
    r"|important|shocking|shock|confirmed|revealed|official|trending|viral|top|wow|omg"
    r"|attention|warning|special|report|new|mega|amazing|incredible|unbelievable|finally"
    r"|this|of|the|a"
)
# ... and at least one is a flash word, which says "look" rather than what the story is.
_FLASH = (
    r"big|huge|major|massive|breaking|exclusive|exclusively|urgent|alert|just|live|hot|flash"
    r"|developing|must|watch|shocking|shock|trending|viral|wow|omg|attention|mega|amazing"
    r"|incredible|unbelievable"
)
_SEPARATOR = r"[ \t]*(?::|!+|[ \t](?:--?|[–—|]))"


@cache
def _label() -> re.Pattern[str]:
    return re.compile(
        rf"(?i:(?P<words>(?:(?:{_ATTENTION})[ \t]+){{0,3}}(?:{_ATTENTION}))){_SEPARATOR}"
        rf"|[\[(](?i:(?P<bracketed>(?:(?:{_ATTENTION})[ \t]+){{0,3}}(?:{_ATTENTION})))[\])]"
        r"|(?P<capitals>[A-Z]{2,}(?:[ \t]+[A-Z]{2,}){1,3})" + _SEPARATOR
    )


@cache
def _flash_word() -> re.Pattern[str]:
    return re.compile(rf"(?i:\b(?:{_FLASH})\b)")


@cache
def _after_label() -> re.Pattern[str]:
    return re.compile(r"[ \t]+(?=\S)")


# `title: ...` as a line of broken YAML front matter (or `title = ...` in TOML).
# The value may start on the next, indented line (a folded scalar).
@cache
def _title_line() -> re.Pattern[str]:
    return re.compile(r"^title[ \t]*[:=][ \t]*(?:\r?\n[ \t]+)?[\"']?", re.MULTILINE)


_H1 = re.compile(r"[ \t]{0,3}#[ \t]+(?=\S)")
# A plain YAML scalar may not start with these once the label is gone.
_YAML_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


@dataclass(frozen=True)
class Options:
    prefixes: tuple[str, ...] = DEFAULT_PREFIXES

    def __post_init__(self) -> None:
        if isinstance(self.prefixes, str) or not all(
            isinstance(p, str) and p.strip() for p in self.prefixes
        ):
            raise ValueError("prefixes must be a list of non-empty strings")


@dataclass(frozen=True)
class Prepared:
    """The labels as one pattern, compiled once per run."""

    pattern: re.Pattern[str]


def _label_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(
        re.escape(p.strip()).replace(r"\ ", r"\s+") for p in sorted(prefixes, key=len, reverse=True)
    )
    return re.compile(
        rf"(?i)(?:(?:{words})[ \t]*(?::|!+|[ \t](?:--?|[–—|]))|[\[(](?:{words})[\])])[ \t]+(?=\S)"
    )


def prepare(options: Options, enabled: object) -> Prepared:
    return Prepared(_label_pattern(tuple(options.prefixes)))


def _finding(doc: Document, start: int, end: int, where: str, fixable: bool) -> Finding:
    label = doc.text[start:end].strip()
    fix = Fix((Edit(start, end, ""),), safe=False, message=f"Remove '{label}'") if fixable else None
    return Finding(
        start,
        end,
        f"{where} starts with the label '{label}': remove it and let the headline speak",
        fix=fix,
    )


def _quoted(doc: Document, start: int) -> bool:
    return start > 0 and doc.text[start - 1] in "\"'"


def _label_end(doc: Document, text: str, start: int, end: int, pattern: re.Pattern[str]) -> int:
    """Where the label at ``start`` ends (with the spaces after it), or -1 for none."""
    configured = pattern.match(text, start, end)
    if configured:
        return configured.end()
    label = _label().match(text, start, end)
    if label is None:
        return -1
    if not label.group("capitals") and not _flash_word().search(label.group(0)):
        return -1
    after = _after_label().match(text, label.end(), end)
    return after.end() if after else -1


def _broken_title(doc: Document) -> tuple[int, int, bool] | None:
    """The title's text span in front matter that does not parse, and whether it is quoted."""
    block, fm = doc.block, doc.front_matter
    if block is None or fm is None or fm.data is not None:
        return None
    line = _title_line().search(doc.text, block.content_start, block.content_end)
    if line is None:
        return None
    end = doc.text.find("\n", line.end(), block.content_end)
    return line.end(), block.content_end if end < 0 else end, doc.text[line.end() - 1] in "\"'"


def _folded_title(doc: Document) -> tuple[int, int, bool] | None:
    """The first line of a title written over several lines (a folded YAML scalar).

    Its text in the file is not its value (the line breaks fold into spaces), so it is not a
    text field; a label is on its first line all the same.
    """
    fm = doc.front_matter
    if fm is None or fm.root is None or fm.root.tag != "map":
        return None
    for key, value in fm.root.entries:
        if key.value != "title" or not isinstance(value.value, str):
            continue
        start = value.start
        quoted = doc.text[start : start + 1] in ("'", '"')
        start += quoted
        line_end = doc.text.find("\n", start, value.end)
        return (start, line_end, quoted) if line_end > start else None
    return None


def check(doc: Document, prepared: Prepared) -> Iterator[Finding]:
    pattern = prepared.pattern
    titles = [(f.start, f.end, _quoted(doc, f.start)) for f in doc.text_fields if f.key == "title"]
    if not titles:
        folded = _folded_title(doc)
        if folded is not None:
            titles.append(folded)
    broken = _broken_title(doc)
    if broken is not None:
        titles.append(broken)
    for start, end, quoted in titles:
        label_end = _label_end(doc, doc.text, start, end, pattern)
        if label_end >= 0:
            rest = doc.text[label_end:end]
            fixable = broken is None and (quoted or rest[:1] not in _YAML_INDICATORS)
            yield _finding(doc, start, label_end, "The title", fixable)
    for block in doc.blocks:
        if block.kind != "heading":
            continue
        heading = _H1.match(doc.prose, block.start, block.end)
        if heading is None:
            continue
        label_end = _label_end(doc, doc.prose, heading.end(), block.end, pattern)
        if label_end >= 0:
            yield _finding(doc, heading.end(), label_end, "The first heading", True)
        break


RULE = Rule(
    code="PR102",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="headline-prefix",
    summary="The headline starts with a label such as 'Breaking:'",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    prepare=prepare,
    fix=FixAvailability.UNSAFE,
)
