"""Checking the file took longer than its time budget.

## What it does
A file whose rules together ran longer than `time-budget` seconds (10 by default); the rules that had not run yet are skipped and named.

## Why is this bad?
A pathological post must not stall a whole CI run; the budget keeps runs bounded and says what was not checked.

## Example
Produced by postlint itself, not by the text of a post.

## Use instead
Fix the file (or raise the limit in the configuration) as the message says.

## Fix
None.
"""

from postlint.diagnostic import Severity
from postlint.rule import Rule

RULE = Rule(
    code="PL007",
    name="time-budget-exceeded",
    summary="Checking the file took longer than its time budget",
    severity=Severity.WARNING,
    engine_only=True,
)
