"""Front matter that expands beyond postlint's limits (aliases, nesting).

## What it does
Reports YAML whose aliases expand to more than 100,000 values (a "billion laughs" bomb),
that nests deeper than 64 levels, or whose alias refers to the value containing it.

## Why is this bad?
Such front matter makes parsers and site generators hang or run out of memory. Real posts
never need it.

## Example
```markdown
---
a: &a [*a]
---
Text.
```

## Use instead
```markdown
---
a: [1, 2]
---
Text.
```

## Fix
None.
"""

from postlint.diagnostic import Severity
from postlint.rules.frontmatter._problems import parser_problem_rule

RULE = parser_problem_rule(
    "too-complex",
    code="FM012",
    name="front-matter-too-complex",
    summary="Front matter expands or nests beyond safe limits",
    severity=Severity.ERROR,
)
