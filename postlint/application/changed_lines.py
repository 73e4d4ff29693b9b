"""``--diff-base REF``: report only what a pull request changed.

Files that git says changed since ``REF`` (committed, staged or not, and untracked files that
are not ignored) are checked whole, so rules that judge the whole file still see all of it;
their findings are then kept only when they touch a changed line, or when they belong to the
file rather than to a line (PL diagnostics, findings at the very start of the file). Where lines
were only deleted, the lines on either side count as changed: joining them can make a defect.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from postlint.core.diagnostic import Diagnostic, FileResult

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {b"n": b"\n", b"t": b"\t", b'"': b'"', b"\\": b"\\", b"a": b"\a", b"b": b"\b"}
WHOLE_FILE = None  # an untracked file: every line is new


class DiffBaseError(Exception):
    """git cannot compare with the ref (not a repository, unknown ref): a usage error."""


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=root,
            capture_output=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise DiffBaseError(f"cannot run git: {exc}") from None
    if result.returncode != 0:
        message = os.fsdecode(result.stderr).strip().splitlines()
        raise DiffBaseError(message[0] if message else f"git {args[0]} failed")
    return result.stdout


def _unquote(path: bytes) -> bytes:
    """git's C-style quoting of unusual file names (``"a\\tb.md"``, octal bytes)."""
    if not (path.startswith(b'"') and path.endswith(b'"')):
        return path
    body, out, i = path[1:-1], bytearray(), 0
    while i < len(body):
        if body[i : i + 1] == b"\\" and i + 1 < len(body):
            nxt = body[i + 1 : i + 2]
            if nxt.isdigit():
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            out += _ESCAPES.get(nxt, nxt)
            i += 2
            continue
        out += body[i : i + 1]
        i += 1
    return bytes(out)


def parse_diff(patch: bytes) -> dict[str, frozenset[int]]:
    """Changed line numbers (new side) per path, from ``git diff --unified=0`` output."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in patch.split(b"\n"):
        if line.startswith(b"+++ "):
            target = _unquote(line[4:].rstrip(b"\r"))
            if target == b"/dev/null":  # deleted: nothing left to check
                current = None
                continue
            path = os.fsdecode(target[2:] if target.startswith(b"b/") else target)
            current = changed.setdefault(path, set())
        elif current is not None and (match := _HUNK.match(line)):
            start, count = int(match[1]), int(match[2] or b"1")
            if count:
                current.update(range(start, start + count))
            else:  # lines deleted after line ``start``
                current.update({max(start, 1), start + 1})
    return {path: frozenset(lines) for path, lines in changed.items()}


@dataclass(frozen=True)
class ChangedLines:
    """What changed since a ref: lines per repository-relative path (None: a new file)."""

    lines: Mapping[str, frozenset[int] | None]

    @classmethod
    def since(cls, ref: str, root: Path) -> ChangedLines:
        """Compare the work tree with ``ref``; paths relative to ``root`` (as reports show)."""
        from postlint.application.paths import report_path

        top = Path(os.fsdecode(_git(root, "rev-parse", "--show-toplevel")).strip())
        try:
            _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        except DiffBaseError:
            raise DiffBaseError(f"--diff-base: {ref!r} is not a commit git knows") from None
        patch = _git(top, "diff", "--unified=0", "--no-color", "--no-ext-diff", "-M", ref, "--")
        found: dict[str, frozenset[int] | None] = dict(parse_diff(patch))
        untracked = _git(top, "ls-files", "--others", "--exclude-standard", "-z")
        for name in untracked.split(b"\0"):
            if name:
                found[os.fsdecode(name)] = WHOLE_FILE
        return cls({report_path(path, root, top): lines for path, lines in found.items()})

    def touches(self, path: str) -> bool:
        return path in self.lines

    def keep(self, d: Diagnostic) -> bool:
        changed = self.lines.get(d.path, frozenset())
        if changed is WHOLE_FILE or d.code.startswith("PL") or d.end == 0:
            return True
        return any(line in changed for line in range(d.start_pos.line, d.end_pos.line + 1))

    def __call__(self, result: FileResult) -> FileResult:
        """``result`` (repository-relative paths) with only the findings on changed lines."""
        kept = tuple(d for d in result.diagnostics if self.keep(d))
        return result if len(kept) == len(result.diagnostics) else replace(result, diagnostics=kept)
