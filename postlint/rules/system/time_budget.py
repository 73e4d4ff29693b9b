"""Checking the file took longer than its time budget.

## What it does
A file whose checking (parsing and rules together) took more than `time-budget` seconds of CPU time (10 by default). The rule running when the budget ran out is stopped, not waited for; the rules after it still get a short grace (the cheap ones finish in it), and the message names every rule that was stopped or skipped. The result is never cached, and it is an error by default: a post that was not fully checked must not pass.

## Why is this bad?
A pathological post must not stall a whole CI run; the budget keeps runs bounded and says what was not checked. CPU time, not wall-clock time, so that a loaded machine does not give up sooner.

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
    code="PL007",
    name="time-budget-exceeded",
    summary="Checking the file took longer than its time budget",
    severity=Severity.ERROR,
    engine_only=True,
)


def message(limit: float, stopped: list[str], skipped: list[str]) -> str:
    """Which rules were stopped (ran out of time) or skipped (no time left)."""
    parts = [f"stopped: {', '.join(stopped)}"] if stopped else []
    if skipped:
        parts.append(f"skipped: {', '.join(skipped)}")
    return (
        f"checking took longer than the {limit:g} s time budget (CPU time), so this file was "
        f"not fully checked; {'; '.join(parts)} (raise time-budget to check everything)"
    )
