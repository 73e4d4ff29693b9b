"""One term spelled two ways in one post: NATO and Nato, Kyiv and Kiev, organise and organize.

## What it does
Counts the spellings of known variant pairs (option `pairs`; by default NATO/Nato, Kyiv/Kiev,
email/e-mail, online/on-line, website/web site, and every -ise/-ize and -isation/-ization word
pair) and reports each occurrence of the less frequent form. On a tie the form that appears
first wins.

## Why is this bad?
Inconsistent spelling looks careless and breaks search within the site; house style picks one.

## Example
```markdown
---
title: A post
---

NATO leaders met in Brussels. Nato officials said NATO would respond.
```

## Use instead
```markdown
---
title: A post
---

NATO leaders met in Brussels. NATO officials said NATO would respond.
```

## Fix
Safe: replaces the minority form with the majority form, keeping a leading capital.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, Rule

DEFAULT_PAIRS = (
    ("NATO", "Nato"),
    ("Kyiv", "Kiev"),
    ("email", "e-mail"),
    ("online", "on-line"),
    ("website", "web site"),
)
_IZE = re.compile(r"\b([a-z]{3,})i([sz])(e|es|ed|ing|er|ers|ation|ations)\b", re.IGNORECASE)
_NOT_IZE = frozenset(
    {
        "advis",
        "compris",
        "devis",
        "exercis",
        "supervis",
        "surpris",
        "televis",
        "revis",
        "improvis",
        "promis",
        "premis",
        "expertis",
        "merchandis",
        "enterpris",
        "franchis",
        "chastis",
        "despis",
        "disguis",
        "excis",
        "incis",
        "circumcis",
        "demis",
        "prais",
        "rais",
        "pois",
        "wis",
        "ris",
        "sei",
        "siz",
        "pri",
        "pris",
        "cap",
        "pr",
        "appris",
        "arabis",
        "tw",
        "mis",
        "compromis",
        "reprise",
        "ra",
    }
)


@dataclass(frozen=True)
class Options:
    pairs: tuple[tuple[str, str], ...] = DEFAULT_PAIRS


def _case_like(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() and word[:1].islower() else word


@dataclass(frozen=True)
class Prepared:
    """The pairs' patterns, compiled once per run."""

    pairs: tuple[tuple[tuple[str, re.Pattern[str]], ...], ...]


def prepare(options: Options, enabled: object) -> Prepared:
    compiled = []
    for first, second in options.pairs:
        flags = 0 if first.lower() == second.lower() else re.IGNORECASE
        compiled.append(
            tuple(
                (
                    form,
                    re.compile(
                        r"(?<![\w-])" + re.escape(form).replace(r"\ ", r"\s+") + r"(?![\w-])", flags
                    ),
                )
                for form in (first, second)
            )
        )
    return Prepared(tuple(compiled))


def _variant_groups(
    prose: str, prepared: Prepared
) -> Iterator[list[tuple[str, list[re.Match[str]]]]]:
    for pair in prepared.pairs:
        yield [(form, list(pattern.finditer(prose))) for form, pattern in pair]
    by_stem: dict[str, dict[str, list[re.Match[str]]]] = {}
    for match in _IZE.finditer(prose):
        stem = match.group(1).lower()
        if stem in _NOT_IZE or (stem + "i") in _NOT_IZE:
            continue
        key = f"{stem}i_{match.group(3).lower()}"
        by_stem.setdefault(key, {}).setdefault(match.group(2).lower(), []).append(match)
    for key, forms in by_stem.items():
        if len(forms) == 2:
            stem, suffix = key.split("_")
            yield [(f"{stem}{z}{suffix}", forms[z]) for z in ("s", "z")]


def check(doc: Document, prepared: Prepared) -> Iterator[Finding]:
    prose = doc.prose
    for groups in _variant_groups(prose, prepared):
        present = [(form, matches) for form, matches in groups if matches]
        if len(present) < 2:
            continue
        counts = Counter({form: len(matches) for form, matches in present})
        majority = max(present, key=lambda fm: (counts[fm[0]], -fm[1][0].start()))[0]
        for form, matches in present:
            if form == majority:
                continue
            for match in matches:
                replacement = _case_like(match.group(0), majority)
                yield Finding(
                    match.start(),
                    match.end(),
                    f"'{match.group(0)}' is spelled '{majority}' elsewhere in this post "
                    f"({counts[majority]} times): use one spelling",
                    fix=Fix(
                        (Edit(match.start(), match.end(), replacement),),
                        message=f"Replace with '{replacement}'",
                    ),
                )


RULE = Rule(
    code="PR113",
    name="inconsistent-spelling",
    summary="One term is spelled two ways in the same post",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    prepare=prepare,
    fix=FixAvailability.SAFE,
)
