"""A term the project vocabulary rejects.

## What it does
Reports each occurrence of a term written as `!term` or `!term -> replacement` in the project
vocabulary (`.postlint-vocabulary.txt` beside the configuration, or the file `vocabulary`
names; see docs/configuration.md), in the prose of the body and of the front-matter text
fields; code, URLs and HTML are never looked at. A term written in lower case matches in any
case; a term with a capital letter matches only as written. Whole words only.

The principle: a project decides once which words it does not use, in one file that the
editor, the CLI and CI all read, so a term rejected there is reported everywhere.

## Why is this bad?
A publication's word list (names, spellings, banned jargon) is only useful if every post
follows it; readers notice when one post says "Kiev" and the next "Kyiv".

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

(With the line `!Kiev -> Kyiv` in the vocabulary; the examples above run with it.)

## Fix
Unsafe: the replacement the vocabulary names takes the term's place (capitalised when the term
starts a sentence with a capital); a vocabulary choosing between words cannot know every
context (a quotation, a historical name). No fix when the vocabulary names no replacement.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.rule import FROM_CONFIG, FixAvailability, Rule
from postlint.core.vocabulary import REJECTED_CODE, Rejected, Vocabulary


@dataclass(frozen=True)
class Options:
    vocabulary: Vocabulary | None = field(default=None, metadata={FROM_CONFIG: True})


def _replacement(found: str, replacement: str) -> str:
    """Keep a capital the writer put at the start ("Utilize" -> "Use")."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def check(doc: Document, options: Options) -> Iterator[Finding]:
    vocabulary = options.vocabulary
    if vocabulary is None or not vocabulary.rejected:
        return
    areas = [(doc.prose, 0), *((f.text, f.start) for f in doc.text_fields)]
    for text, offset in areas:
        for start, end, entry in vocabulary.rejected_matches(text):
            yield _finding(text[start:end], offset + start, offset + end, entry, vocabulary)


def _finding(found: str, start: int, end: int, entry: Rejected, vocabulary: Vocabulary) -> Finding:
    where = vocabulary.path.name
    if not entry.replacement:
        return Finding(start, end, f"'{found}' is a rejected term (project vocabulary {where})")
    better = _replacement(found, entry.replacement)
    return Finding(
        start,
        end,
        f"'{found}' is a rejected term (project vocabulary {where}): use '{better}'",
        fix=Fix((Edit(start, end, better),), safe=False, message=f"Replace with '{better}'"),
    )


def _from_config(config: Any) -> dict[str, Any]:
    return {"vocabulary": config.vocabulary} if config.vocabulary is not None else {}


RULE = Rule(
    code=REJECTED_CODE,
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="rejected-term",
    summary="A term the project vocabulary rejects",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    config_options=_from_config,
    fix=FixAvailability.UNSAFE,
)
