"""For test helpers: a result with an internal error (PL001) fails the test that asked for it.

A rule that raises becomes PL001 instead of stopping the run; a helper that filtered the
result down to one code would otherwise let a crashing rule pass every ``ok-*`` example.
"""

from __future__ import annotations

from collections.abc import Iterable

from postlint.core.diagnostic import Diagnostic, FileResult


def without_crash(result: FileResult) -> FileResult:
    """``result`` unchanged; raises AssertionError when a rule (or the engine) crashed on it."""
    assert_no_crash(result.diagnostics)
    return result


def assert_no_crash(diagnostics: Iterable[Diagnostic]) -> None:
    crashes = [
        f"{d.path}:{d.start_pos.line}: {d.message}" for d in diagnostics if d.code == "PL001"
    ]
    assert not crashes, "internal error (PL001):\n" + "\n".join(crashes)
