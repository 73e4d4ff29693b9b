"""The file has more diagnostics than max-diagnostics.

## What it does
A file with more diagnostics than `max-diagnostics` (1000 by default); the first ones are shown and the rest counted.

## Why is this bad?
Thousands of diagnostics usually mean a wrong schema or a file that is not a post; printing them all would bury everything else.

## Example
Produced by postlint itself, not by the text of a post.

## Use instead
Fix the file (or raise the limit in the configuration) as the message says.

## Fix
None.
"""

from postlint.core.diagnostic import Severity
from postlint.core.rule import Rule

RULE = Rule(
    code="PL008",
    name="too-many-diagnostics",
    summary="The file has more diagnostics than max-diagnostics",
    severity=Severity.WARNING,
    engine_only=True,
)


def message(hidden: int, limit: int) -> str:
    return (
        f"{hidden} more diagnostics not shown (max-diagnostics is {limit}); "
        "is this the right schema for this file?"
    )
