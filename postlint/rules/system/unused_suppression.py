"""A suppression comment that suppresses nothing.

## What it does
Reports `<!-- postlint-disable ... -->`, `-disable-next-line`, `-disable-file` and YAML
`# postlint: disable=...` comments, or codes within them, that matched no diagnostic in this run
(only codes of rules that are enabled are judged).

## Why is this bad?
Stale suppressions pile up and hide new problems in the lines they cover.

## Example
```markdown
---
title: A post
---

<!-- postlint-disable-next-line repeated-word -->
Nothing is repeated here.
```

## Use instead
```markdown
---
title: A post
---

Nothing is repeated here.
```

## Fix safety
Safe (a comment nobody reads changes no text): removes the comment (its line, when it stands alone) or the unused codes from it.
"""

from postlint.core.diagnostic import Severity
from postlint.core.rule import FixAvailability, Rule

RULE = Rule(
    code="PL100",
    name="unused-suppression",
    summary="A suppression comment suppresses nothing",
    severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    engine_only=True,
)
