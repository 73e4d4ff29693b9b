"""Front matter that expands beyond postlint's limits (aliases, nesting).

## What it does
Reports front matter that nests deeper than 64 levels, in YAML, TOML or JSON alike (counting
lists, mappings, inline tables, and each part of a dotted TOML key or `[table.header]`), at
the place the limit is crossed; and YAML whose aliases expand to more than 100,000 values (a
"billion laughs" bomb) or whose alias refers to the value containing it.

## Why is this bad?
Such front matter makes parsers and site generators hang, run out of memory or crash (their
parsers recurse once per level). Real posts never need it.

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

from postlint.core.diagnostic import Severity
from postlint.rules.frontmatter._problems import parser_problem_rule

RULE = parser_problem_rule(
    "too-complex",
    code="FM012",
    name="front-matter-too-complex",
    summary="Front matter expands or nests beyond safe limits",
    severity=Severity.ERROR,
)
