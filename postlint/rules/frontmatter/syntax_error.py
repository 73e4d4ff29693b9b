"""Front matter that the YAML, TOML or JSON parser cannot read.

## What it does
Reports a syntax error in the front matter at the position where the parser stopped,
with a hint for the usual causes (an unquoted `: ` inside a value, tabs used for indentation).

## Why is this bad?
A site generator either fails the build or, worse, silently publishes the post without its
metadata: no title, no date, no layout.

## Example
```markdown
---
title: Big News: Where peace stands
---
Text.
```

## Use instead
```markdown
---
title: "Big News: Where peace stands"
---
Text.
```

## Fix
None: only the author knows what the value should be.
"""

from postlint.core.diagnostic import Severity
from postlint.rules.frontmatter._problems import parser_problem_rule

RULE = parser_problem_rule(
    "syntax",
    code="FM002",
    name="front-matter-syntax",
    summary="Front matter cannot be parsed",
    severity=Severity.ERROR,
)
