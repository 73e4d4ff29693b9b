"""The file is not valid UTF-8.

## What it does
A file whose bytes are not UTF-8, at the first byte that cannot be decoded. A file that starts
with a UTF-16 or UTF-32 byte order mark is decoded and checked as usual, and this diagnostic
says which encoding it is in.

## Why is this bad?
Site generators expect UTF-8; other encodings turn accents and quotes into garbage (mojibake) on the published page.

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
    code="PL003",
    name="invalid-encoding",
    summary="The file is not valid UTF-8",
    severity=Severity.ERROR,
    engine_only=True,
)


def not_utf8(name: str) -> str:
    """A UTF-16 or UTF-32 file: decoded and checked, but generators expect UTF-8."""
    return (
        f"file is {name} (it starts with a {name} byte order mark); "
        "site generators expect UTF-8: save it as UTF-8"
    )
