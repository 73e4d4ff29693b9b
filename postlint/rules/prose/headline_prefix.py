"""A label such as "Big News:" or "BREAKING -" glued onto the headline.

## What it does
Checks the front-matter `title` and the first level-one `#` heading of the body for a leading
label followed by a separator (`:`, `!`, ` -`, ` –`, ` —`, ` |`) or written in brackets
(`[BREAKING]`): "Big News:", "Breaking:", "BREAKING NEWS -", "Exclusive:", "Must read:",
"JUST IN:", "Update:" and others, in any letter case. The labels are the option `prefixes`.
"Breaking the silence: a history" is not a label: the label must be followed by its separator.

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

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, Rule

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


def check(doc: Document, prepared: Prepared) -> Iterator[Finding]:
    pattern = prepared.pattern
    for field in doc.text_fields:
        if field.key != "title":
            continue
        match = pattern.match(doc.text, field.start, field.end)
        if match:
            rest = doc.text[match.end() : field.end]
            fixable = _quoted(doc, field.start) or rest[:1] not in _YAML_INDICATORS
            yield _finding(doc, match.start(), match.end(), "The title", fixable)
    for block in doc.blocks:
        if block.kind != "heading":
            continue
        heading = _H1.match(doc.prose, block.start, block.end)
        if heading is None:
            continue
        match = pattern.match(doc.prose, heading.end(), block.end)
        if match:
            yield _finding(doc, match.start(), match.end(), "The first heading", True)
        break


RULE = Rule(
    code="PR102",
    name="headline-prefix",
    summary="The headline starts with a label such as 'Breaking:'",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    prepare=prepare,
    fix=FixAvailability.UNSAFE,
)
