"""A rule failed on this file (a bug in postlint).

## What it does
An internal error in one rule while checking a file.

## Why is this bad?
postlint reports it instead of crashing, names the rule, and goes on with the other rules and files. Please report it with the file that triggers it.

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
    code="PL001",
    name="internal-error",
    summary="A rule failed on this file (a bug in postlint)",
    severity=Severity.ERROR,
    engine_only=True,
)


def crashed(exc: BaseException) -> str:
    """A failure outside any rule: the file is reported, the run goes on."""
    return f"checking this file failed: {type(exc).__name__}: {exc}"


def rule_failed(code: str, name: str, exc: BaseException) -> str:
    return f"rule {code} ({name}) failed: {type(exc).__name__}: {exc}"


def span_outside(code: str, name: str, start: int, end: int) -> str:
    return f"rule {code} ({name}) reported a span outside the file ({start}..{end})"
