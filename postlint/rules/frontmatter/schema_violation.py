"""Front matter that does not match the post's JSON Schema.

## What it does
Validates the front matter against a JSON Schema (the bundled Jekyll post schema by default,
`--schema`, a `[tool.postlint.schemas]` mapping, or a `$schema` key in the post) and reports
every violation at the offending value, at the key for unexpected keys, and at the opening
`---` for a missing required key. YAML dates are checked as the text the author wrote.

## Why is this bad?
A post with a missing title, a misspelt date or a list where the theme expects text breaks
the page, the feed or the build, usually without an error from the site generator.

## Example
```markdown
---
title: ""
date: 2025-13-45
---
Text.
```

## Use instead
```markdown
---
title: Where peace stands in Ukraine
date: 2025-11-26
---
Text.
```

## Fix
None: the right value is the author's call.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core import schema
from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or doc.schema is None or not fm.parsed or not isinstance(fm.data, dict):
        return
    for problem in schema.problems(fm, doc.schema, doc.schema_errors.replay()):
        yield Finding(problem.start, problem.end, problem.message, sub_code=None)


RULE = Rule(
    code="FM001",
    name="schema-violation",
    summary="Front matter does not match the JSON Schema",
    severity=Severity.ERROR,
    check=check,
)
