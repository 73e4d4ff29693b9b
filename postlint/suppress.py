"""Inline suppression comments, and the ones that no longer suppress anything.

Markdown: ``<!-- postlint-disable CODES -->`` ... ``<!-- postlint-enable CODES -->`` (all rules
without codes), ``<!-- postlint-disable-next-line CODES -->``, ``<!-- postlint-disable-file
CODES -->``. YAML front matter: ``# postlint: disable=CODES`` on the line it applies to. CODES
are codes, names, prefixes or sub-codes, separated by spaces or commas.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from postlint.diagnostic import Diagnostic, Edit, Finding, Fix
from postlint.rule import RuleSet
from postlint.selection import specificity
from postlint.source import SourceFile

_COMMENT = re.compile(
    r"<!--\s*postlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->"
    r"|#\s*postlint:\s*(disable)=([\w.,\- ]+)"
)


@dataclass(frozen=True)
class Suppression:
    kind: str  # "range", "next-line", "file", "line"
    codes: tuple[str, ...]  # empty: every rule
    start: int  # the comment's span
    end: int
    first_line: int
    last_line: int  # inclusive; a range with no enable runs to the end of the file


def parse(source: SourceFile, front_matter_end: int) -> list[Suppression]:
    text, lines = source.text, source.lines
    found: list[Suppression] = []
    open_ranges: list[tuple[tuple[str, ...], int, int, int]] = []
    for match in _COMMENT.finditer(text):
        line = lines.position(match.start()).line
        if match.group(3):  # YAML comment: only inside the front matter
            if match.start() >= front_matter_end:
                continue
            codes = _codes(match.group(4))
            found.append(Suppression("line", codes, match.start(), match.end(), line, line))
            continue
        kind, codes = match.group(1), _codes(match.group(2))
        if kind == "disable-next-line":
            found.append(
                Suppression("next-line", codes, match.start(), match.end(), line + 1, line + 1)
            )
        elif kind == "disable-file":
            found.append(
                Suppression("file", codes, match.start(), match.end(), 1, lines.line_count)
            )
        elif kind == "disable":
            open_ranges.append((codes, match.start(), match.end(), line))
        else:  # enable: closes the latest matching range (all of them when no codes)
            for index in range(len(open_ranges) - 1, -1, -1):
                codes_open, start, end, first = open_ranges[index]
                if not codes or codes_open == codes or set(codes) & set(codes_open):
                    found.append(Suppression("range", codes_open, start, end, first, line))
                    del open_ranges[index]
                    if codes:
                        break
    for codes_open, start, end, first in open_ranges:
        found.append(Suppression("range", codes_open, start, end, first, lines.line_count))
    return found


def _codes(raw: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[\s,]+", raw.strip()) if part)


def _matches(selector: str, diagnostic: Diagnostic, rules: RuleSet) -> bool:
    rule = rules.get(diagnostic.code)
    if rule is None:
        return selector == diagnostic.code
    return specificity(selector, rule, diagnostic.sub_code) >= 0


def apply(
    diagnostics: Sequence[Diagnostic], suppressions: Sequence[Suppression], rules: RuleSet
) -> tuple[list[Diagnostic], list[tuple[Suppression, tuple[str, ...]]]]:
    """(kept diagnostics, [(suppression, its unused codes)]); () for an unused comment without codes."""
    used: dict[int, set[str]] = {i: set() for i in range(len(suppressions))}
    used_any: set[int] = set()
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        suppressed = False
        line = diagnostic.start_pos.line
        for index, suppression in enumerate(suppressions):
            if not suppression.first_line <= line <= suppression.last_line:
                continue
            if diagnostic.code == "PL100":
                continue
            if not suppression.codes:
                suppressed = True
                used_any.add(index)
                continue
            for code in suppression.codes:
                if _matches(code, diagnostic, rules):
                    suppressed = True
                    used[index].add(code)
                    used_any.add(index)
        if not suppressed:
            kept.append(diagnostic)
    unused: list[tuple[Suppression, tuple[str, ...]]] = []
    for index, suppression in enumerate(suppressions):
        if index not in used_any:
            unused.append((suppression, suppression.codes))
        elif suppression.codes:
            stale = tuple(c for c in suppression.codes if c not in used[index])
            if stale:
                unused.append((suppression, stale))
    return kept, unused


def unused_finding(source: SourceFile, suppression: Suppression, stale: tuple[str, ...]) -> Finding:
    text = source.text
    if stale:
        label = ", ".join(stale)
        comment = text[suppression.start : suppression.end]
        remaining = comment
        for code in stale:
            remaining = re.sub(
                rf"(?:,\s*|\s+)?(?<![\w.-]){re.escape(code)}(?![\w.-])", "", remaining, count=1
            )
        fix = Fix((Edit(suppression.start, suppression.end, remaining),), message=f"Remove {label}")
        return Finding(
            suppression.start, suppression.end, f"unused suppression of {label}: remove it", fix=fix
        )
    start, end = suppression.start, suppression.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end_match = re.compile(r"\r\n|\r|\n|\Z").search(text, end)
    line_end = line_end_match.end() if line_end_match else end
    if (
        not text[line_start:start].strip()
        and not text[end : line_end_match.start() if line_end_match else end].strip()
    ):
        start, end = line_start, line_end  # the comment is alone on its line: remove the line
    elif text[line_start:start].rstrip() != text[line_start:start]:
        start = line_start + len(text[line_start:start].rstrip())
    what = (
        "suppression comment"
        if not suppression.codes
        else f"suppression of {', '.join(suppression.codes)}"
    )
    return Finding(
        suppression.start,
        suppression.end,
        f"unused {what}: nothing here needs it any more; remove it",
        fix=Fix((Edit(start, end, ""),), message="Remove the comment"),
    )
