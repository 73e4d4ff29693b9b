"""proselint's default checks, evaluated exactly as proselint's own LintFile does.

Built from ``proselint.checks.__register__`` directly: proselint's ``CheckRegistry`` is a
process-wide singleton that duplicates checks when registered twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Any

MAX_ERRORS = 1000  # proselint's default max_errors


@dataclass(frozen=True)
class ProselintHit:
    path: str
    message: str
    start: int  # offsets into the unpadded text
    end: int
    replacement: str | None


def _default_checks() -> tuple[Any, ...]:
    from proselint.checks import __register__
    from proselint.config import DEFAULT

    toggles = sorted(DEFAULT["checks"].items(), key=lambda kv: kv[0].count("."), reverse=True)
    return tuple(
        check
        for check in __register__
        if next((on for key, on in toggles if check.matches_partial(key)), False)
    )


class ProselintEngine:
    """proselint's default checks, filtered by ``enabled(check_path)``; immutable once built."""

    def __init__(self, enabled: Callable[[str], bool] | None = None) -> None:
        checks = _default_checks()
        self._checks = tuple(c for c in checks if enabled is None or enabled(c.path))
        self._paths = tuple(sorted({c.path for c in checks}))

    @property
    def check_paths(self) -> tuple[str, ...]:
        return self._paths

    def check_text(self, text: str) -> list[ProselintHit]:
        if not text:
            return []
        from proselint.tools import LintFile

        lint_file = LintFile("<text>", text)
        padded = lint_file.content
        found = islice(
            (
                (lint_file.line_col_of(result.span[0]), result)
                for check in self._checks
                for result in check.check_with_flags(padded)
                if check.flags.allow_quotes or not lint_file.is_quoted_pos(result.span[0])
            ),
            MAX_ERRORS,
        )
        ordered = sorted(found, key=lambda pair: pair[0])
        limit = len(text)
        return [
            ProselintHit(
                r.check_path,
                r.message,
                min(max(r.span[0] - 1, 0), limit),
                min(max(r.span[1] - 1, 0), limit),
                r.replacements,
            )
            for _, r in ordered
        ]


def reference_check(text: str) -> list[ProselintHit]:
    return ProselintEngine().check_text(text)
