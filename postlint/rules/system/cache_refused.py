"""The result cache folder cannot be used safely, so this run does not use it.

## What it does
Reported once per run when `.postlint_cache` is a symbolic link (or not a folder): postlint
then runs without a cache instead of writing through the link.

## Why is this bad?
A cache folder that links elsewhere would put postlint's files outside the project, or (linked
to `.`) drop a `.gitignore` of `*` into the project root, after which git and postlint skip every
new post. A checkout can contain such a link, so postlint never follows one.

## Example
Produced by postlint itself, not by the text of a post.

## Use instead
Remove the link (`rm .postlint_cache`); postlint creates a real folder on the next run.

## Fix
None.
"""

from postlint.core.diagnostic import Severity
from postlint.core.rule import Rule

RULE = Rule(
    code="PL011",
    name="cache-refused",
    summary="The result cache folder is a link or not a folder; the run does not use it",
    severity=Severity.WARNING,
    engine_only=True,
)
