"""The file is larger than max-file-size.

## What it does
A file larger than the configured max-file-size (10 MiB by default); it is skipped.

## Why is this bad?
No real post is that large; it is usually a data dump, and checking it would slow every run.

## Example
Produced by postlint itself, not by the text of a post.

## Use instead
Fix the file (or the configuration) as the message says.

## Fix
None.
"""

from postlint.core.diagnostic import Severity
from postlint.core.rule import Rule

RULE = Rule(
    code="PL005",
    name="file-too-large",
    summary="The file is larger than max-file-size",
    severity=Severity.ERROR,
    engine_only=True,
)


def message(size: int, limit: int) -> str:
    return (
        f"file is {size / 1048576:.1f} MiB, over the {limit / 1048576:.1f} MiB limit; "
        "skipped (raise max-file-size to check it)"
    )
