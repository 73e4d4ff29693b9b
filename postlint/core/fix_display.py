"""What fixing shows: the unified diff of ``--diff`` and the lines of ``--show-fixes``."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postlint.core.fix_records import AppliedFix


def _diff_lines(text: str) -> list[str]:
    """Lines as ``patch`` sees them: split at LF only, so CR LF and lone CR stay in the line."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff with ``a/`` and ``b/`` names; line endings stay exactly as in the file."""
    out: list[str] = []
    lines = difflib.unified_diff(
        _diff_lines(before), _diff_lines(after), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _visible(text: str) -> str:
    from postlint.report.text import printable

    return printable(text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t"))


def show_fixes(path: str, applied: Sequence[AppliedFix]) -> list[str]:
    """``--show-fixes``: one line per applied fix, ``path:line: CODE [sub-code] before -> after``."""
    lines = []
    for fix in applied:
        rule = fix.code + (f" [{fix.sub_code}]" if fix.sub_code else "")
        unsafe = " (unsafe)" if not fix.safe else ""
        lines.append(
            f"{path}:{fix.line}: {rule}{unsafe} '{_visible(fix.before)}' -> '{_visible(fix.after)}'"
        )
    return lines
