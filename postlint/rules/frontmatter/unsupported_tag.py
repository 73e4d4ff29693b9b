"""A YAML tag such as `!!python/object` in the front matter.

## What it does
Reports explicit YAML tags that a safe loader refuses (anything beyond the standard scalar,
list and mapping types).

## Why is this bad?
Unsafe tags can run code in tools that load YAML unsafely, and safe loaders reject them, so
the post fails to build. Front matter never needs them.

## Example
```markdown
---
title: !!python/object:os.system "echo hi"
---
Text.
```

## Use instead
```markdown
---
title: echo hi
---
Text.
```

## Fix
None.
"""

from postlint.core.diagnostic import Severity
from postlint.rules.frontmatter._problems import parser_problem_rule

RULE = parser_problem_rule(
    "unsupported-tag",
    code="FM011",
    name="unsupported-yaml-tag",
    summary="Front matter uses a YAML tag that safe loading refuses",
    severity=Severity.ERROR,
)
