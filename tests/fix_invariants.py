"""The four invariants every fix run must keep, checked on one post (used by several tests).

After ``--fix`` (and after ``--fix --unsafe-fixes``): (1) no character of pattern syntax
appears that was not there, (2) re-linting finds no kind of diagnostic more often than before,
(3) a second run changes nothing, (4) the recorded edits, applied pass by pass, give exactly the
fixed text, so every byte outside the reported edit spans is the original's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from postlint.core.diagnostic import FileResult
from postlint.core.engine import Linter
from postlint.core.fix import apply_edits, fix_source
from postlint.core.fix_guard import PATTERN_SYNTAX

NOTES = frozenset({"PL008", "PL009"})  # the fixer's notes and "more not shown"


def _kinds(result: FileResult) -> Counter[tuple[str, str]]:
    return Counter((d.code, d.sub_code or "") for d in result.diagnostics if d.code not in NOTES)


def violations(linter: Linter, name: str, data: bytes, *, unsafe: bool) -> tuple[list[str], int]:
    """What broke (empty: nothing) and how many fixes were applied."""
    source = linter.decode(name, data)
    if isinstance(source, FileResult):
        return [], 0
    outcome = fix_source(linter, source, unsafe=unsafe)
    problems: list[str] = []
    fixes = sum(len(p.fixes) for p in outcome.passes)
    if not outcome.changed:
        return problems, fixes
    old, new = Counter(source.text), Counter(outcome.text)
    added = sorted(c for c in PATTERN_SYNTAX if new[c] > old[c])
    if added:
        problems.append(f"{name}: pattern syntax {added} appeared")
    before = outcome.initial or linter.lint_source(source)
    if not any(d.code == "PL008" for d in before.diagnostics):
        was, now = _kinds(before), _kinds(outcome.result)
        grown = sorted(k for k, n in now.items() if n > was[k])
        if grown:
            problems.append(f"{name}: new findings {grown}")
    again = fix_source(linter, replace(source, text=outcome.text), unsafe=unsafe)
    if again.changed:
        problems.append(f"{name}: a second run changed the text")
    text = source.text
    for fix_pass in outcome.passes:
        text = apply_edits(text, [e for fix in fix_pass.fixes for e in fix.edits])
    if text != outcome.text:
        problems.append(f"{name}: the text changed outside the reported edits")
    return problems, fixes
