"""Front matter that is a list or a single value instead of `key: value` pairs.

## What it does
Reports front matter whose top level is not a mapping.

## Why is this bad?
Site generators expect named fields. A list or a bare value is dropped without a word by
most of them (python-frontmatter returns empty metadata), so the post loses its title and date.

## Example
```markdown
---
- title
- date
---
Text.
```

## Use instead
```markdown
---
title: A post
date: 2025-11-26
---
Text.
```

## Fix
None.
"""

from postlint.core.diagnostic import Severity
from postlint.rules.frontmatter._problems import parser_problem_rule

RULE = parser_problem_rule(
    "not-mapping",
    code="FM004",
    name="front-matter-not-mapping",
    summary="Front matter is not a mapping of keys to values",
    severity=Severity.ERROR,
)
