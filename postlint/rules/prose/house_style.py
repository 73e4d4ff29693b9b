"""House-style rules defined as data in the configuration.

## What it does
Runs the rules of `[tool.postlint.house.<name>]` tables (see docs/configuration.md): words that
must not appear (`existence`), words to replace (`substitution`, with a safe fix), pairs that
must not both appear (`consistency`), sentence or title case for the title and headings
(`capitalization`) and length limits for front-matter text fields (`length`). Each diagnostic's
sub-code is `house.<name>`, so one house rule can be selected, ignored or suppressed alone.

## Why is this bad?
Every publication has a style guide; a rule that lives in the configuration is applied to every
post, every time, without anyone writing code.

## Example
```markdown
---
title: A post
---

The talks took place in Kiev.
```

## Use instead
```markdown
---
title: A post
---

The talks took place in Kyiv.
```

(With `[tool.postlint.house.kyiv] kind = "substitution"` and `swap = { Kiev = "Kyiv" }`; the
examples above run with that configuration.)

## Fix
Safe for `substitution` rules (the preferred word replaces the other); none for the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.house import HouseRule, compile_pattern
from postlint.rule import FixAvailability, Rule

# The docs' example runs with this rule; a real configuration replaces it.
EXAMPLE_RULES = (HouseRule(name="kyiv", kind="substitution", swap=(("Kiev", "Kyiv"),)),)


@dataclass(frozen=True)
class Options:
    rules: tuple[HouseRule, ...] = ()


@dataclass(frozen=True)
class Prepared:
    rules: tuple[
        tuple[HouseRule, tuple[tuple[Any, str | None], ...]], ...
    ]  # (rule, ((pattern, replacement),))


def _literal(token: str, whole_words: bool) -> str:
    body = re.escape(token).replace(r"\ ", r"\s+")
    return rf"\b{body}\b" if whole_words else body


def prepare(options: Options, enabled: Any) -> Prepared:
    compiled = []
    for rule in options.rules or ():
        if not enabled(rule.sub_code):
            continue
        patterns: list[tuple[Any, str | None]] = []
        if rule.kind == "existence":
            sources = [_literal(t, rule.whole_words) for t in rule.tokens] + list(rule.patterns)
            patterns = [(compile_pattern(p, rule.ignore_case), None) for p in sources]
        elif rule.kind == "substitution":
            patterns = [
                (compile_pattern(_literal(bad, rule.whole_words), rule.ignore_case), good)
                for bad, good in rule.swap
            ]
        elif rule.kind == "consistency":
            patterns = [
                (compile_pattern(_literal(w, True), rule.ignore_case), None)
                for pair in rule.pairs
                for w in pair
            ]
        compiled.append((rule, tuple(patterns)))
    return Prepared(tuple(compiled))


def _areas(doc: Document, rule: HouseRule) -> list[tuple[str, int]]:
    """(text, offset) pairs a rule reads: the prose body and the front-matter text fields."""
    areas: list[tuple[str, int]] = []
    if not rule.scope or "body" in rule.scope:
        areas.append((doc.prose, 0))
    for field in doc.text_fields:
        if not rule.scope or field.key in rule.scope:
            areas.append((field.text, field.start))
    return areas


def _message(rule: HouseRule, default: str, match: str) -> str:
    return (rule.message or default).replace("{match}", match)


def _existence(doc: Document, rule: HouseRule, patterns: Any) -> Iterator[Finding]:
    exceptions = {e.lower() if rule.ignore_case else e for e in rule.exceptions}
    for text, offset in _areas(doc, rule):
        for pattern, _ in patterns:
            for m in pattern.finditer(text):
                word = m.group(0)
                if (word.lower() if rule.ignore_case else word) in exceptions:
                    continue
                yield Finding(
                    offset + m.start(),
                    offset + m.end(),
                    _message(rule, f"avoid '{word}' (house style)", word),
                    sub_code=rule.sub_code,
                    severity=rule.severity,
                )


def _substitution(doc: Document, rule: HouseRule, patterns: Any) -> Iterator[Finding]:
    for text, offset in _areas(doc, rule):
        for pattern, good in patterns:
            for m in pattern.finditer(text):
                start, end = offset + m.start(), offset + m.end()
                word = m.group(0)
                yield Finding(
                    start,
                    end,
                    _message(rule, f"use '{good}' instead of '{word}' (house style)", word),
                    fix=Fix((Edit(start, end, good),), message=f"Replace with '{good}'"),
                    sub_code=rule.sub_code,
                    severity=rule.severity,
                )


def _consistency(doc: Document, rule: HouseRule, patterns: Any) -> Iterator[Finding]:
    for index in range(0, len(patterns), 2):
        (first, _), (second, _) = patterns[index], patterns[index + 1]
        hits = [list(first.finditer(doc.prose)), list(second.finditer(doc.prose))]
        if hits[0] and hits[1]:
            minority = 1 if len(hits[1]) <= len(hits[0]) else 0
            majority_word = hits[1 - minority][0].group(0)
            for m in hits[minority]:
                yield Finding(
                    m.start(),
                    m.end(),
                    _message(
                        rule,
                        f"'{m.group(0)}' and '{majority_word}' both appear: use one (house style)",
                        m.group(0),
                    ),
                    sub_code=rule.sub_code,
                    severity=rule.severity,
                )


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MINOR = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "vs",
        "via",
        "with",
    ]
)


def _case_problem(text: str, style: str, exceptions: set[str]) -> str | None:
    words = [m.group(0) for m in _WORD.finditer(text)]
    for index, word in enumerate(words):
        if word in exceptions or word.isupper():
            continue
        if (
            style == "sentence"
            and index > 0
            and word[0].isupper()
            and word.lower() not in exceptions
        ):
            return f"'{word}' should be lower case in sentence case"
        if style == "title" and word[0].islower() and (index == 0 or word not in _MINOR):
            return f"'{word}' should be capitalised in title case"
    return None


def _capitalization(doc: Document, rule: HouseRule) -> Iterator[Finding]:
    exceptions = set(rule.exceptions)
    targets: list[tuple[int, int, str]] = []
    scope = rule.scope or ("title", "headings")
    for field in doc.text_fields:
        if field.key in scope:
            targets.append((field.start, field.end, field.text))
    if "headings" in scope:
        for block in doc.view.blocks:
            if block.kind == "heading":
                line = doc.prose[block.start : block.end]
                body = line.lstrip("# ").rstrip("# ")
                start = block.start + (len(line) - len(line.lstrip("# ")))
                targets.append((start, start + len(body), body))
    for start, end, text in targets:
        problem = _case_problem(text, rule.style, exceptions)
        if problem:
            yield Finding(
                start,
                end,
                _message(rule, f"{problem} (house style: {rule.style} case)", text),
                sub_code=rule.sub_code,
                severity=rule.severity,
            )


def _length(doc: Document, rule: HouseRule) -> Iterator[Finding]:
    for field in doc.text_fields:
        if field.key != rule.field:
            continue
        size = len(field.text)
        if rule.max is not None and size > rule.max:
            yield Finding(
                field.start,
                field.end,
                _message(
                    rule,
                    f"`{field.key}` is {size} characters; at most {rule.max} (house style)",
                    field.text,
                ),
                sub_code=rule.sub_code,
                severity=rule.severity,
            )
        if rule.min is not None and size < rule.min:
            yield Finding(
                field.start,
                field.end,
                _message(
                    rule,
                    f"`{field.key}` is {size} characters; at least {rule.min} (house style)",
                    field.text,
                ),
                sub_code=rule.sub_code,
                severity=rule.severity,
            )


def check(doc: Document, prepared: Prepared) -> Iterator[Finding]:
    for rule, patterns in prepared.rules:
        if rule.kind == "existence":
            yield from _existence(doc, rule, patterns)
        elif rule.kind == "substitution":
            yield from _substitution(doc, rule, patterns)
        elif rule.kind == "consistency":
            yield from _consistency(doc, rule, patterns)
        elif rule.kind == "capitalization":
            yield from _capitalization(doc, rule)
        else:
            yield from _length(doc, rule)


def _from_config(config: Any) -> dict[str, Any]:
    return {"rules": config.house} if config.house else {}


RULE = Rule(
    code="HS001",
    name="house-style",
    summary="A house-style rule from the configuration",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    prepare=prepare,
    config_options=_from_config,
    fix=FixAvailability.SOMETIMES,
)
