"""An unquoted `yes`, `no`, `on`, `off`, `y` or `n` that YAML reads as a boolean.

## What it does
Reports plain YAML values that YAML 1.1 (used by Jekyll and PyYAML) turns into `true` or
`false` although they look like words.

## Why is this bad?
`country: no` becomes `false` (the "Norway problem"); `answer: yes` becomes `true`. Templates
then print "false" or nothing at all.

## Example
```markdown
---
title: Oslo
country: no
---
Text.
```

## Use instead
```markdown
---
title: Oslo
country: "no"
---
Text.
```

## Fix
None: write `true`/`false` for a boolean, or quote the word for text.
"""

from postlint.core.diagnostic import Severity
from postlint.rules.frontmatter._problems import parser_problem_rule

RULE = parser_problem_rule(
    "truthy",
    code="FM010",
    name="yaml-truthy",
    summary="A word that YAML silently reads as true or false",
    severity=Severity.WARNING,
)
