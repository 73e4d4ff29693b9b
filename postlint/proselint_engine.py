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


def _factored_uncomparables(check: Any) -> Any:
    """proselint's "fancy" uncomparables check, with the same results, about 30 times faster.

    proselint joins 2 x N alternatives ``(?<!at\\s)\b{comp}\\s+{adj}\b`` into one Python
    regex, so every position of the text tries every alternative and its look-behind (70% of
    proselint's whole run time). Factoring the shared prefix out keeps the alternatives' order
    within each comparator, and at most one comparator can match at a position, so the
    leftmost-first matches, and with them the findings, are identical (see the parity test).
    """
    from proselint.checks import uncomparables as data
    from proselint.registry.checks import types

    adjectives = "|".join(data.UNCOMPARABLES)
    branches = "|".join(rf"{comp}\s+(?:{adjectives})\b" for comp in data.FANCY_COMPARATORS)
    pattern = rf"(?:(?<!at\s)\b(?:{branches}))"
    no_exceptions = check.engine.make_set(types.Padding.RAW, (), types.Anchor.ANCHOR_BOTH)

    def run(text: str, check: Any) -> Any:
        return types._process_existence(pattern, no_exceptions, text, check)

    return check._replace(check_type=run)


def _dispatched(padding: Any, items: tuple[str, ...]) -> str | None:
    """One alternation per first character, behind a look-ahead on that character.

    proselint's "fancy" sets join all items into ``(?:i1|i2|...)``, so Python's regex engine
    tries every item at every position. At a position only the items whose (literal) first
    character matches there can match, so grouping them by first character, each group in the
    original order, finds exactly the same leftmost-first matches, many times faster.
    None when an item does not start with a literal letter or digit.
    """
    groups: dict[str, list[str]] = {}
    for item in items:
        if not item[:1].isalnum() or not item[:1].isascii():
            return None
        groups.setdefault(item[0].lower(), []).append(item)
    body = "|".join(f"(?={first})(?:{'|'.join(group)})" for first, group in groups.items())
    return padding.format(f"(?:{body})")


def _speed_up(check: Any) -> Any:
    from functools import partial

    from proselint.checks import uncomparables
    from proselint.registry.checks import engine, types

    if check is uncomparables.check_fancy_uncomparables:
        return _factored_uncomparables(check)
    kind = check.check_type
    if not isinstance(check.engine, engine.Fancy):
        return check
    if isinstance(kind, types.PreferredFormsSimple):
        pattern = _dispatched(kind.padding, tuple(kind.items.keys()))
        if pattern is not None:

            def preferred(text: str, check: Any, pattern: str = pattern, kind: Any = kind) -> Any:
                return map(partial(kind.map_match, check), check.engine.finditer(pattern, text))

            return check._replace(check_type=preferred)
    if isinstance(kind, types.Existence):
        pattern = _dispatched(kind.padding, kind.items)
        if pattern is not None:
            exceptions = check.engine.make_set(
                kind.padding, kind.exceptions, types.Anchor.ANCHOR_BOTH
            )

            def existence(
                text: str, check: Any, pattern: str = pattern, exceptions: Any = exceptions
            ) -> Any:
                return types._process_existence(pattern, exceptions, text, check)

            return check._replace(check_type=existence)
    return check


class ProselintEngine:
    """proselint's default checks, filtered by ``enabled(check_path)``; immutable once built."""

    def __init__(
        self, enabled: Callable[[str], bool] | None = None, *, exact: bool = False
    ) -> None:
        checks = _default_checks()
        chosen = (c for c in checks if enabled is None or enabled(c.path))
        # exact=True runs proselint's own check objects: the reference for the parity test.
        self._checks = tuple(chosen) if exact else tuple(_speed_up(c) for c in chosen)
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
    """proselint's own results for ``text`` (its check objects, its LintFile), for parity tests."""
    return ProselintEngine(exact=True).check_text(text)
