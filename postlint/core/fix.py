"""Apply fixes without losing a byte: only fixed spans change, writes are atomic, reruns are no-ops.

Fixes are edits into the decoded text; everything outside them (front-matter formatting,
comments, CRLF, the BOM, the presence or absence of a final newline) is carried over as is.
Overlapping fixes are never applied together: one pass applies a non-overlapping set (each fix
whole or not at all), the file is linted again, and the next pass picks up what is left, for at
most ``MAX_PASSES`` passes. A fix that would change the front matter beyond the text it edits
(a title that YAML would now cut at a ``#``, a broken fence) is refused and reported as PL009.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from postlint.core import catalog, fix_guard, frontmatter
from postlint.core.atomic import BeforeReplace, WriteRefused, write_atomic
from postlint.core.diagnostic import Diagnostic, Edit, FileResult, Finding, Fix, Severity
from postlint.core.edits import OverlappingEdits, apply_edits, edits_overlap
from postlint.core.engine import Linter
from postlint.core.fix_display import show_fixes, unified_diff
from postlint.core.fix_frontmatter import front_matter_change
from postlint.core.fix_records import AppliedFix, record
from postlint.core.source import SourceFile

# As ruff: enough for a chain of overlapping fixes (each pass deletes one of two adjacent
# sentences) in any real post; 10 left a generated post unsettled, so a second --fix changed it.
MAX_PASSES = 100
NOT_APPLIED = catalog.FIX_NOT_APPLIED
# Diagnostics that mean "this file was not (fully) fixed": shown even with --fix-only.
NOT_FIXED_CODES = frozenset(
    {
        catalog.UNREADABLE_FILE,
        catalog.INVALID_ENCODING,
        catalog.BINARY_FILE,
        catalog.FILE_TOO_LARGE,
        NOT_APPLIED,
    }
)


def fix_is_valid(fix: Fix, length: int) -> bool:
    """Its edits lie inside a text of ``length`` and do not overlap each other (else: a bug)."""
    if not all(0 <= e.start <= e.end <= length for e in fix.edits):
        return False
    ordered = sorted(fix.edits, key=lambda e: (e.start, e.end))
    return not any(edits_overlap(a, b) for a, b in itertools.pairwise(ordered))


def applicable(diagnostic: Diagnostic, unsafe: bool) -> Fix | None:
    """The diagnostic's fix, if it has edits and is allowed (unsafe ones need ``unsafe``)."""
    fix = diagnostic.fix
    if fix is None or not fix.edits or (not fix.safe and not unsafe):
        return None
    return fix


def select_fixes(
    diagnostics: Sequence[Diagnostic], unsafe: bool, length: int | None = None
) -> list[Fix]:
    """Fixes none of which overlaps another, in file order; a fix is taken whole or not at all.

    The first fix (in file order) wins an overlap; the loser is left for the next pass, against
    the new text. With ``length`` (the text's length), fixes with invalid edits are skipped.
    """
    chosen: list[Fix] = []
    taken: list[Edit] = []
    for diagnostic in sorted(diagnostics, key=lambda d: (d.start, d.end, d.code)):
        fix = applicable(diagnostic, unsafe)
        if fix is None or fix in chosen:
            continue
        if length is not None and not fix_is_valid(fix, length):
            continue
        if any(edits_overlap(edit, other) for edit in fix.edits for other in taken):
            continue
        chosen.append(fix)
        taken.extend(fix.edits)
    return chosen


# --- fixing one text -------------------------------------------------------------------------

Signature = tuple[bool, str, tuple[tuple[str, str], ...]]


def _signature(fix: Fix, text: str) -> Signature:
    """A fix recognised across passes: what it replaces with what (offsets shift, this not)."""
    parts = tuple(
        (text[e.start : e.end], e.replacement) for e in sorted(fix.edits, key=lambda e: e.start)
    )
    return (fix.safe, fix.message, parts)


def _apply_guarded(text: str, fixes: Sequence[Fix]) -> tuple[list[Fix], str, list[tuple[Fix, str]]]:
    """Apply ``fixes``; refuse those that would change the front matter beyond their edits."""
    edits = [e for fix in fixes for e in fix.edits]
    new = apply_edits(text, edits)
    if front_matter_change(text, new, edits) is None:
        return list(fixes), new, []
    block = frontmatter.split(text)
    limit = block.body_start if block is not None else text.find("\n") + 1 or len(text) + 1
    applied = [f for f in fixes if all(e.start >= limit for e in f.edits)]
    refused: list[tuple[Fix, str]] = []
    for fix in fixes:
        if fix in applied:
            continue
        trial_edits = [e for f in (*applied, fix) for e in f.edits]
        reason = front_matter_change(text, apply_edits(text, trial_edits), trial_edits)
        if reason is None:
            applied.append(fix)
        else:
            refused.append((fix, reason))
    edits = [e for fix in applied for e in fix.edits]
    new = apply_edits(text, edits)
    reason = front_matter_change(text, new, edits)
    if reason is not None:  # together they still do: apply none of them
        return [], text, [(fix, reason) for fix in fixes]
    return applied, new, refused


@dataclass(frozen=True)
class FixPass:
    """One pass: fixes applied together to the text the previous pass left."""

    fixes: tuple[Fix, ...]
    fixed: int  # diagnostics these fixes repaired
    applied: tuple[AppliedFix, ...] = ()


@dataclass(frozen=True)
class FixOutcome:
    """The fixed text and the diagnostics of that text (positions in the new text)."""

    source: SourceFile  # the original
    text: str  # the fixed text (the original text when nothing changed)
    fixed: int  # problems repaired
    result: FileResult  # diagnostics of the fixed text, with ``fixed`` and ``fixed_text``
    passes: tuple[FixPass, ...] = ()
    settled: bool = True  # False when fixes were still applicable after the last pass
    initial: FileResult | None = None  # the diagnostics of the original text

    @property
    def changed(self) -> bool:
        return self.text != self.source.text

    @property
    def remaining(self) -> tuple[Diagnostic, ...]:
        return self.result.diagnostics

    @property
    def applied(self) -> tuple[AppliedFix, ...]:
        return tuple(a for p in self.passes for a in p.applied)


def fix_source(
    linter: Linter, source: SourceFile, *, unsafe: bool = False, max_passes: int = MAX_PASSES
) -> FixOutcome:
    """Fix, re-lint, repeat until nothing applicable is left (or ``max_passes`` is reached).

    Each fix is checked against the invariants of :mod:`postlint.core.fix_guard` first; after a
    pass the text is linted again, and a pass that created a finding is undone: the fix that
    did it is refused (PL009 says why) and the others are tried again. Fixes that would bring
    back an earlier text are refused from where that round began (see :func:`_round_trip`).
    """
    text, fixed = source.text, 0
    result = initial = linter.lint_source(source)
    passes: list[FixPass] = []
    history: list[list[Edit]] = []
    refused: dict[Signature, str] = {}
    states = [(text, result)]  # the text before each pass, and its lint result
    signed: list[dict[Signature, str]] = []  # each pass's fixes, and the rule of each
    problem: str | None = None
    one_at_a_time = False  # set when fixes create a finding only together
    contextual: set[Signature] = set()  # refused for a finding they would create, in this text
    judge = _Judge(linter, source)

    def candidates() -> list[Diagnostic]:
        return [
            d for d in result.diagnostics if d.fix is None or _signature(d.fix, text) not in refused
        ]

    attempts = 0
    while len(passes) < max_passes and attempts < 4 * max_passes:
        attempts += 1
        current = candidates()
        fixes = _guarded(current, text, unsafe, refused)
        fixes = fixes[:1] if one_at_a_time else fixes
        if not fixes:
            if select_fixes(candidates(), unsafe, len(text)):
                continue  # all refused: the next best ones may be applicable now
            fixes = _together(judge, text, result, unsafe, refused, contextual)
            if not fixes:
                break
        applied, new_text, refusals = _apply_guarded(text, fixes)
        refused.update((_signature(fix, text), reason) for fix, reason in refusals)
        if not applied or new_text == text:
            continue
        new_result = judge.lint(new_text)
        created = judge.created(text, result, new_text, new_result)
        if created:
            culprits = _culprits(judge, text, result, applied, created)
            if not culprits and len(applied) > 1:
                # only together do they create it: try them one by one, refusing none yet
                one_at_a_time = True
                continue
            for fix, found in culprits or [(applied[0], created)]:
                refused[_signature(fix, text)] = fix_guard.creates_reason(found)
                contextual.add(_signature(fix, text))
            continue
        back = next((i for i, (seen, _) in enumerate(states) if seen == new_text), None)
        if back is not None:
            problem = _round_trip(current, applied, text, signed[back:], refused)
            text, result = states[back]
            del passes[back:], history[back:], signed[back:], states[back + 1 :]
            fixed = sum(p.fixed for p in passes)
            continue
        done = set(applied)
        count = sum(1 for d in current if d.fix in done)
        signed.append({_signature(d.fix, text): d.code for d in current if d.fix in done})
        records = record(applied, current, text, history, source.text)
        passes.append(FixPass(tuple(applied), count, records))
        history.append([e for fix in applied for e in fix.edits])
        text, fixed = new_text, fixed + count
        result = new_result
        states.append((text, result))
        # a fix refused for what it created may be harmless in the changed text: try it again
        for signature in contextual:
            refused.pop(signature, None)
        contextual.clear()
    if problem is None and len(passes) >= max_passes:
        problem = _still_changing(candidates(), result, text, unsafe, max_passes)
    fixed_source = replace(source, text=text)
    diagnostics = _with_refusals(linter, fixed_source, result.diagnostics, refused, unsafe)
    if problem is not None:
        diagnostics += _note(
            linter, fixed_source, Finding(0, 0, problem, severity=Severity.WARNING)
        )
    diagnostics.sort(key=Diagnostic.sort_key)
    final = FileResult(
        result.path, tuple(diagnostics), fixed, text if text != source.text else None
    )
    return FixOutcome(source, text, fixed, final, tuple(passes), problem is None, initial)


def _round_trip(
    current: list[Diagnostic],
    applied: list[Fix],
    text: str,
    since: list[dict[Signature, str]],
    refused: dict[Signature, str],
) -> str:
    """Refuse the fixes that undo each other: those of the rules whose fixes in this pass
    repeat a fix of the round since the text it would bring back (``since``: each pass's fixes
    and their rules), in every pass of the round; and say so. The fixer then goes back to where
    the round began, so that a second run, which would start the same round there, stops there
    too (stopping anywhere else left a text that the next run changed)."""
    now = {_signature(d.fix, text): d.code for d in current if d.fix in applied}
    before = {signature: code for fixes in since for signature, code in fixes.items()}
    codes = {code for signature, code in now.items() if signature in before} or set(now.values())
    named = ", ".join(sorted(codes))
    reason = f"it undoes a fix of {named} (they would change the text back and forth)"
    for signature, code in (*now.items(), *before.items()):
        if code in codes:
            refused[signature] = reason
    return (
        f"fixes of {named} undo each other; stopped before they change the text back "
        "(fix the rest by hand, and please report it)"
    )


def _together(
    judge: _Judge,
    text: str,
    result: FileResult,
    unsafe: bool,
    refused: dict[Signature, str],
    contextual: set[Signature],
) -> list[Fix]:
    """One rule's fixes refused one by one for what each would create, if together they
    create nothing (the two halves of a quotation's mojibake each leave the quotation
    unbalanced): they are no longer refused and are applied as one pass. Tried once per text."""
    if not contextual:
        return []
    refused_here = [
        d for d in result.diagnostics if d.fix is not None and _signature(d.fix, text) in contextual
    ]
    for code in sorted({d.code for d in refused_here}):  # a rule's fixes complete each other
        group = select_fixes([d for d in refused_here if d.code == code], unsafe, len(text))
        if len(group) < 2 or any(fix_guard.static_problem(text, fix) for fix in group):
            continue
        new_text = apply_edits(text, [e for fix in group for e in fix.edits])
        if new_text != text and not judge.created(text, result, new_text):
            break
    else:
        contextual.clear()  # no rule's fixes complete each other: not asked again for this text
        return []
    # The group's refusals end now; the other rules' stay contextual, so that they are tried
    # again once the group has changed the text (clearing them all kept them refused for good).
    for fix in group:
        signature = _signature(fix, text)
        refused.pop(signature, None)
        contextual.discard(signature)
    return group


def _guarded(
    diagnostics: list[Diagnostic], text: str, unsafe: bool, refused: dict[Signature, str]
) -> list[Fix]:
    """The fixes to try now; those breaking a static invariant are added to ``refused``."""
    chosen = []
    for fix in select_fixes(diagnostics, unsafe, len(text)):
        reason = fix_guard.static_problem(text, fix)
        if reason is None:
            chosen.append(fix)
        else:
            refused[_signature(fix, text)] = reason
    return chosen


def _still_changing(
    candidates: list[Diagnostic], result: FileResult, text: str, unsafe: bool, max_passes: int
) -> str | None:
    """Why fixing stopped with applicable fixes left (the pass limit), or None."""
    left = select_fixes(candidates, unsafe, len(text))
    left = [f for f in left if fix_guard.static_problem(text, f) is None]
    if not left:
        return None
    codes = sorted({d.code for d in result.diagnostics if d.fix in set(left)})
    return (
        f"fixes of {', '.join(codes)} were still changing the text after {max_passes} "
        "passes; run --fix again to apply the rest"
    )


def _culprits(
    judge: _Judge, text: str, result: FileResult, applied: list[Fix], created: list[Diagnostic]
) -> list[tuple[Fix, list[Diagnostic]]]:
    """The fixes that, each on its own, create a finding (halving the applied set)."""
    if len(applied) == 1:
        return [(applied[0], created)]
    middle = len(applied) // 2
    return judge.culprits(text, result, applied[:middle]) + judge.culprits(
        text, result, applied[middle:]
    )


class _Judge:
    """Does a new text have a finding the old one had not? Judged on every diagnostic: when a
    report is cut at max-diagnostics, both texts are linted again without the cut."""

    def __init__(self, linter: Linter, source: SourceFile) -> None:
        self._linter, self._source = linter, source
        self._unlimited: Linter | None = None
        self._full: dict[str, tuple[Diagnostic, ...]] = {}

    def lint(self, text: str) -> FileResult:
        return self._linter.lint_source(replace(self._source, text=text))

    def _all(self, text: str, result: FileResult) -> tuple[Diagnostic, ...]:
        if not fix_guard.truncated(result.diagnostics):
            return result.diagnostics
        if text not in self._full:
            if self._unlimited is None:
                config = replace(self._linter.config, max_diagnostics=sys.maxsize)
                self._unlimited = Linter(config, rules=self._linter.rules)
            found = self._unlimited.lint_source(replace(self._source, text=text))
            self._full[text] = found.diagnostics
        return self._full[text]

    def created(
        self, old: str, old_result: FileResult, new: str, new_result: FileResult | None = None
    ) -> list[Diagnostic]:
        new_result = new_result if new_result is not None else self.lint(new)
        return fix_guard.new_findings(self._all(old, old_result), self._all(new, new_result))

    def culprits(
        self, text: str, result: FileResult, fixes: Sequence[Fix]
    ) -> list[tuple[Fix, list[Diagnostic]]]:
        """The fixes that would create a finding (and what they create), found by halving the
        set: a few lints even when a pass holds thousands of fixes. Fixes that create a
        finding only together with others are not found here."""
        edits = [e for fix in fixes for e in fix.edits]
        created = self.created(text, result, apply_edits(text, edits))
        if not created:
            return []
        if len(fixes) == 1:
            return [(fixes[0], created)]
        middle = len(fixes) // 2
        return self.culprits(text, result, fixes[:middle]) + self.culprits(
            text, result, fixes[middle:]
        )


def _note(linter: Linter, source: SourceFile, finding: Finding) -> list[Diagnostic]:
    """A PL009 diagnostic (none when the user turned PL009 off)."""
    selection = linter.selection_for(source.path)
    return linter._engine_diagnostic(source, NOT_APPLIED, finding, selection)


def _with_refusals(
    linter: Linter,
    source: SourceFile,
    diagnostics: Sequence[Diagnostic],
    refused: dict[Signature, str],
    unsafe: bool,
) -> list[Diagnostic]:
    """A refused fix is no longer offered; a PL009 warning says why, where it was."""
    if not refused:
        return list(diagnostics)
    out: list[Diagnostic] = []
    for d in diagnostics:
        reason = refused.get(_signature(d.fix, source.text)) if d.fix is not None else None
        if reason is None:
            out.append(d)
            continue
        out.append(replace(d, fix=None))
        if reason != fix_guard.NO_OP and applicable(d, unsafe) is not None:
            message = f"the fix for {d.code} ({d.name}) was not applied: {reason}; fix it by hand"
            finding = Finding(d.start, d.end, message, severity=Severity.WARNING)
            out.extend(_note(linter, source, finding))
    return out


# --- diffs, bytes and files ------------------------------------------------------------------


@dataclass(frozen=True)
class BytesFix:
    """A fixed file: its result, its new bytes (the input itself when unchanged) and a diff."""

    result: FileResult
    data: bytes
    diff: str = ""
    applied: tuple[AppliedFix, ...] = ()


def fix_bytes(
    linter: Linter, name: str, data: bytes, *, unsafe: bool = False, max_passes: int = MAX_PASSES
) -> BytesFix:
    """Fix a file given as bytes. Bytes that cannot be fixed (too large, binary, not UTF-8)
    come back unchanged, with the diagnostic that says why."""
    source = linter.decode(name, data)
    if isinstance(source, FileResult):
        return BytesFix(source, data)
    outcome = fix_source(linter, source, unsafe=unsafe, max_passes=max_passes)
    if not outcome.changed:
        return BytesFix(outcome.result, data)
    bom = "\ufeff" if source.bom else ""  # in the diff too, so that it applies to the file
    diff = unified_diff(name, bom + source.text, bom + outcome.text)
    return BytesFix(outcome.result, source.to_bytes(outcome.text), diff, outcome.applied)


@dataclass(frozen=True)
class FileFix:
    """What fixing one file on disk did. ``error``: a failure no diagnostic could carry."""

    result: FileResult
    diff: str = ""
    error: str | None = None
    applied: tuple[AppliedFix, ...] = ()


def fix_file(
    linter: Linter,
    path: Path,
    display: str,
    *,
    unsafe: bool,
    write: bool,
    max_passes: int = MAX_PASSES,
    before_replace: BeforeReplace | None = None,
) -> FileFix:
    """Fix one file on disk atomically (or, with ``write=False``, only compute the diff).

    When the fixed file cannot be written, the file stays as it was and the result is that of
    the unfixed file plus a PL009 error.
    """
    data = linter.read_file(path, display)
    if isinstance(data, FileResult):
        return FileFix(data)
    fixed = fix_bytes(linter, display, data, unsafe=unsafe, max_passes=max_passes)
    if not fixed.diff or not write:
        return FileFix(fixed.result, fixed.diff, applied=fixed.applied)
    try:
        write_atomic(path, fixed.data, expected=data, before_replace=before_replace)
    except (OSError, WriteRefused) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        if isinstance(exc, OSError):
            reason += "; nothing was written"
        message = f"cannot write the fixed file: {reason}"
        unfixed = linter.lint_bytes(display, data)
        source = SourceFile.from_bytes(display, data)
        note = _note(linter, source, Finding(0, 0, message))
        diagnostics = tuple(sorted((*unfixed.diagnostics, *note), key=Diagnostic.sort_key))
        error = None if note else f"{display}: {message}"
        return FileFix(FileResult(display, diagnostics), fixed.diff, error)
    return FileFix(fixed.result, fixed.diff, applied=fixed.applied)


def only_not_fixed(result: FileResult) -> FileResult:
    """For ``--fix-only``: keep the count and the diagnostics that say a file was not fixed."""
    kept = tuple(d for d in result.diagnostics if d.code in NOT_FIXED_CODES)
    return FileResult(result.path, kept, result.fixed, result.fixed_text)


__all__ = [  # the edit primitives and the front-matter guard live in their own modules
    "MAX_PASSES",
    "NOT_FIXED_CODES",
    "FixOutcome",
    "OverlappingEdits",
    "applicable",
    "apply_edits",
    "edits_overlap",
    "fix_bytes",
    "fix_file",
    "fix_source",
    "front_matter_change",
    "only_not_fixed",
    "select_fixes",
    "show_fixes",
    "unified_diff",
]
