"""Names for the diagnostics postlint raises about a file or a run rather than its writing.

Each PL code is declared once, with its docs, name and severity, in its file under
``rules/system``; the engine, the fixer, the runner and the CLI refer to it through these
names so that no code is a literal anywhere else.
"""

from postlint.rules.system import (
    binary_file,
    cache_refused,
    file_too_large,
    fix_not_applied,
    internal_error,
    invalid_encoding,
    schema_unavailable,
    time_budget,
    too_many,
    unreadable_file,
    unused_suppression,
)

INTERNAL_ERROR = internal_error.RULE.code
UNREADABLE_FILE = unreadable_file.RULE.code
INVALID_ENCODING = invalid_encoding.RULE.code
BINARY_FILE = binary_file.RULE.code
FILE_TOO_LARGE = file_too_large.RULE.code
SCHEMA_UNAVAILABLE = schema_unavailable.RULE.code
TIME_BUDGET_EXCEEDED = time_budget.RULE.code
TOO_MANY_DIAGNOSTICS = too_many.RULE.code
FIX_NOT_APPLIED = fix_not_applied.RULE.code
CACHE_REFUSED = cache_refused.RULE.code
UNUSED_SUPPRESSION = unused_suppression.RULE.code
