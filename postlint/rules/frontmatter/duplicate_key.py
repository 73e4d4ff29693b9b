"""A key that appears twice in the same front-matter mapping.

## What it does
Reports the second (and any later) occurrence of a key in one YAML or JSON mapping.

## Why is this bad?
YAML parsers keep only the last value, silently: the first value is lost, and the author
usually edited the wrong one.

## Example
```markdown
---
title: Draft title
title: Final title
---
Text.
```

## Use instead
```markdown
---
title: Final title
---
Text.
```

## Fix
None: postlint cannot tell which value is meant.
"""

from postlint.core.diagnostic import Severity
from postlint.rules.frontmatter._problems import parser_problem_rule

RULE = parser_problem_rule(
    "duplicate-key",
    code="FM006",
    name="duplicate-key",
    summary="A front-matter key is defined twice",
    severity=Severity.ERROR,
)
