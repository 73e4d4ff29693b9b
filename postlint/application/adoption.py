"""``check`` options for adopting postlint on an existing archive and in CI, and the view of
the results they give: paths relative to the repository root, a baseline, changed lines only,
a display threshold. The application layer (:mod:`postlint.application.app`) applies :class:`ResultView`
to every result before the report sees it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from postlint.application.paths import ReportPaths, rebased
from postlint.core.diagnostic import FileResult, Severity

if TYPE_CHECKING:
    from postlint.application.baseline import BaselineFilter
    from postlint.application.changed_lines import ChangedLines


def adoption_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options below, as one block (the command receives them as keyword arguments).
    ``--baseline``, ``--min-severity`` and ``--force-exclude`` override configuration keys:
    they are declared on their Config fields."""
    options = [
        click.option(
            "--root",
            type=click.Path(path_type=Path, file_okay=False, exists=True),
            help="Report paths relative to this folder [default: GITHUB_WORKSPACE, "
            "CI_PROJECT_DIR, the git top level, or the current folder].",
        ),
        click.option(
            "--write-baseline",
            type=click.Path(path_type=Path, dir_okay=False),
            help="Record every current finding in this file (then exit 0).",
        ),
        click.option(
            "--add-suppressions",
            is_flag=True,
            help="Add a suppression comment for every current finding (then exit 0).",
        ),
        click.option(
            "--diff-base",
            metavar="REF",
            help="Report only findings on lines changed since this git ref.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@dataclass(frozen=True)
class Adoption:
    """The block's values, as ``check`` received them."""

    root: Path | None = None
    write_baseline: Path | None = None
    add_suppressions: bool = False
    diff_base: str | None = None

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Adoption:
        return cls(**values)

    @classmethod
    def option_names(cls) -> tuple[str, ...]:
        """The block's option names, as the command receives them."""
        return tuple(f.name for f in fields(cls))

    @property
    def recording(self) -> bool:
        """--write-baseline or --add-suppressions: the run notes every finding shown."""
        return self.write_baseline is not None or self.add_suppressions


@dataclass
class ResultView:
    """What a report shows of one result; keeps the baseline's counts for the closing note."""

    root: Path
    cwd: Path
    min_severity: Severity = Severity.INFO
    baseline: BaselineFilter | None = None
    changed: ChangedLines | None = None

    @cached_property
    def _paths(self) -> ReportPaths:
        """Report paths for this view's root and folder (what it works out kept for the run)."""
        return ReportPaths(self.root, self.cwd)

    def path_of(self, display: str) -> str:
        """The report path of a file checked under the name ``display``."""
        return self._paths(display)

    def __call__(self, result: FileResult) -> FileResult:
        result = rebased(result, self._paths(result.path))
        if self.baseline is not None:
            result = self.baseline(result)
        if self.changed is not None:
            result = self.changed(result)
        if self.min_severity > Severity.INFO:
            kept = tuple(d for d in result.diagnostics if d.severity >= self.min_severity)
            if len(kept) != len(result.diagnostics):
                result = replace(result, diagnostics=kept)
        return result

    @classmethod
    def build(
        cls,
        root: Path,
        cwd: Path,
        baseline: Path | None,
        changed: ChangedLines | None,
        minimum: Severity,
    ) -> ResultView:
        loaded = None
        if baseline is not None:  # imported only then: it brings the reporters' fingerprints
            from postlint.application.baseline import Baseline, BaselineFilter

            loaded = BaselineFilter(Baseline.load(baseline), root)
        return cls(root, cwd, minimum, loaded, changed)

    def closing_note(self) -> str | None:
        """How many baseline entries no longer occur (so the baseline can be rewritten)."""
        if self.baseline is None:
            return None
        stale = self.baseline.stale()
        if not stale:
            return None
        what = "entry no longer occurs" if stale == 1 else "entries no longer occur"
        return f"postlint: {stale} baseline {what}; --write-baseline rewrites the baseline"


def record(
    adoption: Adoption, root: Path, results: Iterable[tuple[FileResult, FileResult]], quiet: bool
) -> int:
    """--write-baseline / --add-suppressions: take note of every finding shown; exit code.

    ``results``: each file's result as found and as the report shows it (paths from ``root``).
    """
    pairs = list(results)
    if adoption.write_baseline is not None:
        from postlint.application.baseline import write_baseline

        try:
            count = write_baseline(adoption.write_baseline, (s for _, s in pairs), root)
        except OSError as exc:
            click.echo(f"postlint: error: cannot write {adoption.write_baseline}: {exc}", err=True)
            return 2
        if not quiet:
            noun = "finding" if count == 1 else "findings"
            click.echo(f"postlint: recorded {count} {noun} in {adoption.write_baseline}", err=True)
    if adoption.add_suppressions:
        return _suppress_all(pairs, quiet)
    return 0


def _suppress_all(pairs: list[tuple[FileResult, FileResult]], quiet: bool) -> int:
    from postlint.application.add_suppressions import add_suppressions
    from postlint.core.atomic import WriteRefused, write_atomic
    from postlint.core.source import DecodeError, SourceFile

    added = left = files = 0
    status = 0
    for found, shown in pairs:
        if not shown.diagnostics:
            continue
        if found.path == "-":
            click.echo("postlint: error: --add-suppressions needs files, not stdin", err=True)
            return 2
        path = Path(found.path)
        try:
            data = path.read_bytes()
            source = SourceFile.from_bytes(found.path, data)
        except (OSError, DecodeError):
            left += len(shown.diagnostics)
            continue
        outcome = add_suppressions(source, shown.diagnostics)
        left += outcome.left
        if not outcome.added:
            continue
        try:
            write_atomic(path, source.to_bytes(outcome.text), expected=data)
        except (OSError, WriteRefused) as exc:
            click.echo(f"postlint: error: {found.path}: not written: {exc}", err=True)
            status = 2
            left += outcome.added
            continue
        added += outcome.added
        files += 1
    if not quiet:
        click.echo(
            f"postlint: added suppressions for {added} finding{'s' if added != 1 else ''} "
            f"in {files} file{'s' if files != 1 else ''}"
            + (f"; {left} could not be suppressed by a comment" if left else ""),
            err=True,
        )
    return status
