"""The file cannot be read.

## What it does
A path that cannot be read: missing, no permission, a broken or looping symbolic link, or a folder that cannot be listed.

## Why is this bad?
A post that cannot be read cannot be checked; in CI it would otherwise pass silently.

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
    code="PL002",
    name="unreadable-file",
    summary="The file cannot be read",
    severity=Severity.ERROR,
    engine_only=True,
)


def message(reason: str) -> str:
    return f"cannot read file: {reason}"
