"""Apply fixes without losing a byte: only fixed spans change, writes are atomic, reruns are no-ops.

Fixes are edits into the decoded text; everything outside them (front-matter formatting,
comments, CRLF, the BOM, the presence or absence of a final newline) is carried over as is.
Overlapping fixes are never applied together: one pass applies a non-overlapping set, the file
is linted again, and the next pass picks up what is left (bounded).
"""

from __future__ import annotations

import difflib
import itertools
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from postlint.diagnostic import Diagnostic, Edit, FileResult, Fix
from postlint.engine import Linter
from postlint.source import SourceFile

MAX_PASSES = 10


class OverlappingEdits(ValueError):
    """Two edits touch the same text; applying both would corrupt it."""


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one point: their order would be a guess
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (in any order) to ``text``."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for first, second in itertools.pairwise(ordered):
        if _overlaps(first, second):
            raise OverlappingEdits(f"edits overlap at offsets {first.start}..{second.end}")
    pieces: list[str] = []
    cursor = 0
    for edit in ordered:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise ValueError(f"edit {edit.start}..{edit.end} lies outside the text")
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def applicable(diagnostic: Diagnostic, unsafe: bool) -> Fix | None:
    fix = diagnostic.fix
    if fix is None or not fix.edits or (not fix.safe and not unsafe):
        return None
    return fix


def select_fixes(diagnostics: Sequence[Diagnostic], unsafe: bool) -> list[Fix]:
    """A set of fixes none of which overlaps another, in file order; a fix is all or nothing."""
    chosen: list[Fix] = []
    taken: list[Edit] = []
    for diagnostic in sorted(diagnostics, key=lambda d: (d.start, d.end, d.code)):
        fix = applicable(diagnostic, unsafe)
        if fix is None or fix in chosen:
            continue
        if any(_overlaps(edit, other) for edit in fix.edits for other in taken):
            continue  # picked up by the next pass, against the new text
        chosen.append(fix)
        taken.extend(fix.edits)
    return chosen


@dataclass(frozen=True)
class FixOutcome:
    source: SourceFile  # the original
    text: str  # the fixed text (equal to the original text when nothing changed)
    fixed: int
    result: FileResult  # diagnostics of the fixed text

    @property
    def changed(self) -> bool:
        return self.text != self.source.text


def fix_source(
    linter: Linter, source: SourceFile, *, unsafe: bool = False, max_passes: int = MAX_PASSES
) -> FixOutcome:
    """Fix, re-lint, repeat until nothing applicable is left (or ``max_passes`` is reached)."""
    text, fixed = source.text, 0
    result = linter.lint_source(source)
    for _ in range(max_passes):
        fixes = select_fixes(result.diagnostics, unsafe)
        if not fixes:
            break
        new_text = apply_edits(text, (edit for fix in fixes for edit in fix.edits))
        if new_text == text:
            break
        text, fixed = new_text, fixed + len(fixes)
        result = linter.lint_source(replace(source, text=text))
    final = FileResult(
        result.path, result.diagnostics, fixed, text if text != source.text else None
    )
    return FixOutcome(source, text, fixed, final)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path``'s contents in one step: readers see the old file or the new, never half.

    A link is not replaced by a file: its target is written. The file's permissions are kept.
    """
    target = Path(os.path.realpath(path))
    mode = os.stat(target).st_mode & 0o7777
    fd, tmp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".postlint-tmp"
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff with ``a/`` and ``b/`` names; line endings stay as they are in the file."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(
            line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        )
    return "".join(out)


@dataclass(frozen=True)
class FileFix:
    result: FileResult
    diff: str = ""
    error: str | None = None  # why the fixed text could not be written


def fix_file(linter: Linter, path: Path, display: str, *, unsafe: bool, write: bool) -> FileFix:
    """Fix one file on disk (or, with ``write=False``, only compute the diff)."""
    data = linter.read_file(path, display)
    if isinstance(data, FileResult):
        return FileFix(data)
    try:
        source = SourceFile.from_bytes(display, data)
    except ValueError:
        return FileFix(linter.lint_bytes(display, data))  # reports the encoding problem
    if b"\x00" in data[:8192]:
        return FileFix(linter.lint_bytes(display, data))
    outcome = fix_source(linter, source, unsafe=unsafe)
    if not outcome.changed:
        return FileFix(outcome.result)
    diff = unified_diff(display, source.text, outcome.text)
    if write:
        try:
            write_atomic(path, source.to_bytes(outcome.text))
        except OSError as exc:
            unfixed = linter.lint_source(source)
            return FileFix(
                unfixed, diff, f"{display}: cannot write the fixed file: {exc.strerror or exc}"
            )
    return FileFix(outcome.result, diff)
