"""Which of proselint's checks run, and the facts about proselint the engine relies on.

Nothing here imports proselint at import time: rule discovery imports every module of the
rules package, and proselint's import alone costs a tenth of a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from proselint.registry.checks import Check, CheckResult

# proselint keeps the first 1000 results (in check order): ``DEFAULT["max_errors"]``, which a
# test compares with this copy (reading it here would import proselint).
MAX_ERRORS = 1000

# Patterns that backtrack in vain, with a faster pattern that finds exactly the same matches.
_EQUIVALENT_PATTERNS: tuple[tuple[str, str], ...] = (
    # lexical_illusions, the repeated-phrase check. Making \w+ and \s+ possessive cannot change
    # a match: every \w+ is followed by \s+ (another word of the phrase, or the repetition), so
    # a \w+ that gave back characters would leave a word character where \s+ must start; every
    # \s+ is followed by \w+ or by \1, which starts with a word character, so one that gave
    # back would leave a space where a word character must be (no character is both \w and \s,
    # and case folding never maps one to the other). Only the {0,3} word count and the number
    # of repetitions still backtrack, as they must. About 2.5x faster; the parity tests and a
    # property test compare both patterns.
    (
        r"(?<![A-Za-z'-])(\w+(?:\s+\w+){0,3})(\s+\1)+(?![A-Za-z'-])",
        r"(?<![A-Za-z'-])(\w++(?:\s++\w++){0,3})(\s++\1)+(?![A-Za-z'-])",
    ),
)


_REPEATED_PHRASE = _EQUIVALENT_PATTERNS[0][1]


@dataclass(frozen=True)
class ProselintHit:
    """One proselint finding; offsets index the unpadded text given to ``check_text``."""

    path: str
    message: str
    start: int
    end: int
    replacement: str | None

    @staticmethod
    def of(result: CheckResult, limit: int) -> ProselintHit:
        """proselint's span is 1-based, into the padded text: made 0-based and kept inside."""
        return ProselintHit(
            result.check_path,
            result.message,
            min(max(result.span[0] - 1, 0), limit),
            min(max(result.span[1] - 1, 0), limit),
            result.replacements,
        )


def _on_by_default(check: Check) -> bool:
    """proselint's ``CheckRegistry.get_all_enabled``: the first matching key of the config."""
    from proselint.config import DEFAULT

    toggles = DEFAULT["checks"]
    return next((on for key, on in toggles.items() if check.matches_partial(key)), False)


@cache
def _default_checks() -> tuple[Check, ...]:
    """Computed once: matching every check against the configuration's keys took a fifth of
    proselint's own evaluation of a post (the direct path runs it per text)."""
    from proselint.checks import __register__

    return tuple(check for check in __register__ if _on_by_default(check))
