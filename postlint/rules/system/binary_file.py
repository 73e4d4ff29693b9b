"""The file is binary, not text.

## What it does
A file with NUL bytes in its first kilobytes, such as an image saved with a .md name.

## Why is this bad?
Binary data is not a post; it usually comes from a broken importer or a misnamed upload.

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
    code="PL004",
    name="binary-file",
    summary="The file is binary, not text",
    severity=Severity.ERROR,
    engine_only=True,
)


MESSAGE = "file looks binary (it contains NUL bytes); posts must be text"
