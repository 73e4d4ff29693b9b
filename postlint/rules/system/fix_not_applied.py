"""`--fix` could not apply a fix, or could not write the fixed file.

## What it does
Reported by `--fix` (and `--fix-only`) when a file was not fixed as asked: the fixed file could
not be written (a read-only file or folder, a full disk, a file with several hard links, a file
that changed on disk while it was being fixed), a fix was refused because it would have changed
the front matter beyond the text it edits (for example a title that YAML would cut at a new
`#`), a fix was refused because it broke one of the fixer's invariants (it would insert
pattern syntax such as `[` or a backslash that nobody wrote, part a letter from its combining
accent, or create a finding that was not there before), or fixes kept changing the text after
the maximum number of passes. The reason is in the message.

## Why is this bad?
`--fix` must never lose data, so in each of these cases postlint keeps the file (or that part
of it) exactly as it was and says so, instead of failing silently or writing something wrong.

## Example
Produced by postlint itself, not by the text of a post.

## Use instead
Do what the message says: make the file writable, fix it by hand, or run `--fix` again.

## Fix
None.
"""

from postlint.core.diagnostic import Severity
from postlint.core.rule import Rule

RULE = Rule(
    code="PL009",
    name="fix-not-applied",
    summary="A fix could not be applied, or the fixed file could not be written",
    severity=Severity.ERROR,
    engine_only=True,
)
