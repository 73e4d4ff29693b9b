"""The post's JSON Schema cannot be loaded.

## What it does
A schema that a post refers to by a `$schema` key but that cannot be used: missing, invalid, or remote (postlint never uses the network).

## Why is this bad?
Without its schema the post's front matter goes unchecked.

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
    code="PL006",
    name="schema-unavailable",
    summary="The post's JSON Schema cannot be loaded",
    severity=Severity.ERROR,
    engine_only=True,
)
