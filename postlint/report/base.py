"""What every reporter shares: options, counts, paths relative to the root, fingerprints.

Reporters only read diagnostics; they never look at the file again. Everything here is a pure
function of its arguments (relative paths use the current directory for relative inputs).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from postlint import __version__
from postlint.core.diagnostic import Diagnostic, FileResult, Severity
from postlint.core.rule import RuleSet

TOOL_NAME = "postlint"


@dataclass(frozen=True)
class ReportOptions:
    """How to render one run's results. Built once by the CLI and passed to a renderer."""

    color: bool = False
    show_source: bool = True  # full format: source line, caret under the span, fix hint
    statistics: bool = False  # text formats: append counts per rule
    root: Path = Path(".")  # relative URIs and paths (SARIF %SRCROOT%, GitHub, GitLab)
    rules: RuleSet | None = None  # rule metadata (SARIF tool.driver.rules)
    tool_version: str = __version__
    quiet: bool = False  # text formats: diagnostics only, no summary
    unsafe_fixes: bool = False  # unsafe fixes are enabled, so ``--fix`` applies them too
    fix_only: bool = False  # --fix-only: the summary says what was fixed, not what is left


Renderer = Callable[[Sequence[FileResult], ReportOptions], str]
# A format that can be written while files are still being checked: chunks of output, at
# least one per file, so a long run holds one file's diagnostics at a time.
Streamer = Callable[[Iterable[FileResult], ReportOptions], Iterator[str]]


def by_path(results: Iterable[FileResult]) -> list[FileResult]:
    """Whole-run renderers sort files by path; streaming keeps the order files were checked."""
    return sorted(results, key=lambda result: result.path)


def in_file_order(result: FileResult) -> list[Diagnostic]:
    """One file's diagnostics by line, column, code and message."""
    return sorted(result.diagnostics, key=Diagnostic.sort_key)


def ordered(results: Iterable[FileResult]) -> list[Diagnostic]:
    """All diagnostics of a run in a stable order (path, line, column, code, message)."""
    return sorted((d for result in results for d in result.diagnostics), key=Diagnostic.sort_key)


@dataclass(frozen=True)
class Summary:
    """The counts every format reports the same way."""

    files: int  # files checked
    files_with_problems: int
    errors: int
    warnings: int
    info: int
    safe_fixes: int  # diagnostics with a safe fix
    unsafe_fixes: int  # diagnostics with an unsafe fix
    fixed: int  # problems ``--fix`` already repaired

    @property
    def problems(self) -> int:
        return self.errors + self.warnings + self.info

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> Summary:
        summary = cls(0, 0, 0, 0, 0, 0, 0, 0)
        for result in results:
            summary = summary.plus(result)
        return summary

    def plus(self, result: FileResult) -> Summary:
        """These counts with one more file's; streaming reporters add files as they come."""
        severities = Counter(d.severity for d in result.diagnostics)
        fixes = Counter(d.fix.safe for d in result.diagnostics if d.fix is not None)
        return Summary(
            files=self.files + 1,
            files_with_problems=self.files_with_problems + bool(result.diagnostics),
            errors=self.errors + severities[Severity.ERROR],
            warnings=self.warnings + severities[Severity.WARNING],
            info=self.info + severities[Severity.INFO],
            safe_fixes=self.safe_fixes + fixes[True],
            unsafe_fixes=self.unsafe_fixes + fixes[False],
            fixed=self.fixed + result.fixed,
        )


def rule_label(code: str, sub_code: str | None) -> str:
    """``CODE`` or ``CODE [sub-code]``: how every format names what fired."""
    return f"{code} [{sub_code}]" if sub_code else code


def relative_path(path: str, root: Path) -> str | None:
    """``path`` relative to ``root`` with forward slashes, or None when it lies outside root.

    A relative ``path`` is taken as relative to ``root`` (the CLI passes repository-relative
    paths, whatever the working folder); with the default root, ``.``, that is the working folder.
    """
    top = os.path.abspath(root)
    try:
        relative = Path(os.path.normpath(os.path.join(top, path))).relative_to(top)
    except ValueError:
        return None
    return relative.as_posix()


def repo_path(path: str, root: Path) -> str:
    """The path CI services expect: relative to root when inside it, else as given."""
    return relative_path(path, root) or Path(path).as_posix()


def span_on_line(diagnostic: Diagnostic) -> tuple[int, int]:
    """Code-point indices of the span within ``source_line``, clamped to that line."""
    line = diagnostic.source_line
    start = min(max(diagnostic.start_pos.column - 1, 0), len(line))
    if diagnostic.end_pos.line == diagnostic.start_pos.line:
        end = diagnostic.end_pos.column - 1
    else:
        end = len(line)
    return start, min(max(end, start), len(line))


def fingerprints(diagnostics: Sequence[Diagnostic], root: Path) -> list[str]:
    """One stable, unique fingerprint per diagnostic, in the order given
    (:func:`stable_fingerprints`)."""
    return [fingerprint for _, fingerprint in stable_fingerprints(diagnostics, root)]


def stable_fingerprints(
    diagnostics: Iterable[Diagnostic], root: Path
) -> Iterator[tuple[Diagnostic, str]]:
    """Each diagnostic with its stable, unique fingerprint, as they come.

    The fingerprint hashes the code, sub-code, path relative to root, the start line's content
    (whitespace collapsed), the matched text on that line, and which occurrence of that same
    combination this is. Line numbers and offsets stay out, so a finding keeps its
    fingerprint when lines are added above it or the line is re-indented. Pass diagnostics in
    file order (:func:`ordered`) so occurrence numbers are stable.
    """
    seen: Counter[bytes] = Counter()  # by the key's digest: keys hold whole source lines
    for d in diagnostics:
        start, end = span_on_line(d)
        context = " ".join(d.source_line.split()) if d.source_line else d.message
        key = "\x1f".join(
            (
                "v1",
                d.code,
                d.sub_code or "",
                repo_path(d.path, root),
                context,
                d.source_line[start:end],
            )
        )
        encoded = key.encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(encoded).digest()
        occurrence = seen[digest]
        seen[digest] += 1
        data = encoded + f"\x1f{occurrence}".encode()
        yield d, hashlib.sha256(data).hexdigest()[:32]
