"""What ``postlint check`` prints of a run's outcomes: the report (streamed, under a progress
bar), the diffs of ``--diff``, the list of ``--show-fixes``; and the exit code they give.

Exit codes: 0 clean, 1 problems at or above the fail level, 2 usage or configuration error,
3 internal error (a PL001 was reported, or postlint itself failed): never 1, which means
"problems found".
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import click

from postlint.core.catalog import INTERNAL_ERROR

if TYPE_CHECKING:
    from postlint.application.app import Outcome, Run
    from postlint.core.diagnostic import FileResult

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def usage_error(exc: Exception | str) -> NoReturn:
    click.echo(f"postlint: error: {exc}", err=True)
    sys.exit(EXIT_USAGE)


@contextlib.contextmanager
def output(path: Path | None, out: TextIO, color: bool) -> Iterator[Callable[[str], object]]:
    """A writer for the report: ``out`` (colours kept only when asked), or the output file,
    replaced only when the report is complete (a failed run leaves the old one)."""
    if path is None:
        yield lambda chunk: click.echo(chunk, nl=False, file=out, color=color)
        return
    from postlint.core.atomic import temporary_sibling

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary_sibling(path) as handle:
            yield handle.write
    except OSError as exc:
        usage_error(f"cannot write {path}: {exc.strerror or exc}")


def show_fixes(outcomes: Sequence[Outcome], diff: bool) -> None:
    """--show-fixes, on standard error (standard output has the diff, the report or the post)."""
    from postlint.core.fix import show_fixes as listed

    shown = [line for o in outcomes for line in listed(o.found.path, o.applied)]
    if shown:
        click.echo("Applied fixes:" if not diff else "Fixes (not written):", err=True)
        click.echo("\n".join(shown), err=True)


def print_diffs(outcomes: Sequence[Outcome], quiet: bool) -> int:
    """--diff: the diffs on stdout (bytes, line endings as in the files); counts and files
    that could not be read on stderr. Exit 1 when something would change (or was unreadable)."""
    from postlint.core.fix import NOT_FIXED_CODES

    sys.stdout.buffer.write("".join(o.diff for o in outcomes).encode("utf-8"))
    sys.stdout.flush()
    problems = [d for o in outcomes for d in o.found.diagnostics if d.code in NOT_FIXED_CODES]
    for d in problems:
        where = f"{d.path}:{d.start_pos.line}:{d.start_pos.column}"
        click.echo(f"{where}: {d.code} {d.message}", err=True)
    would_fix = sum(o.found.fixed for o in outcomes)
    if would_fix and not quiet:
        click.echo(f"Would fix {would_fix} problem{'s' if would_fix != 1 else ''}.", err=True)
    if any(o.internal for o in outcomes):
        return EXIT_INTERNAL
    return EXIT_FINDINGS if any(o.diff for o in outcomes) or problems else EXIT_CLEAN


@dataclass(frozen=True)
class Report:
    """How the report is to be printed (from ``check``'s options and the configuration)."""

    output_format: str | None
    show_source: bool | None
    color: str
    statistics: bool
    quiet: bool
    output_file: Path | None
    unsafe_fixes: bool
    fix_only: bool
    exit_zero: bool


class _Watch:
    """Results as they come: note a failure or an internal error, move the progress bar."""

    def __init__(self, bar: object | None) -> None:
        self.bar = bar
        self.failed = self.internal = False

    def __call__(self, outcomes: Iterable[Outcome], fix_only: bool) -> Iterator[FileResult]:
        from postlint.core.fix import only_not_fixed

        for outcome in outcomes:
            found = only_not_fixed(outcome.found) if fix_only else outcome.found
            self.failed = self.failed or outcome.fails
            self.internal = self.internal or any(
                d.code == INTERNAL_ERROR for d in found.diagnostics
            )
            if self.bar is not None:
                self.bar.advance()  # type: ignore[attr-defined]
            yield outcome.result


def report(run: Run, outcomes: Iterable[Outcome], how: Report, out: TextIO) -> int:
    """Stream the report of ``outcomes`` to ``out`` (or the output file); the exit code."""
    from postlint.core.config import ConfigError
    from postlint.interfaces import progress
    from postlint.interfaces.terminal import color_wanted
    from postlint.report import ReportOptions, stream

    to_terminal = how.output_file is None and sys.stdout.isatty()
    config = run.linter.config
    fmt = how.output_format or config.output_format or ("full" if to_terminal else "concise")
    use_color = (
        color_wanted(how.color, to_terminal, os.environ)
        if how.output_file is None
        else how.color == "always"
    )
    options = ReportOptions(
        color=use_color,
        show_source=how.show_source if how.show_source is not None else fmt == "full",
        statistics=how.statistics,
        root=run.root,
        rules=run.linter.rules,
        quiet=how.quiet,
        unsafe_fixes=how.unsafe_fixes,
        fix_only=how.fix_only,
    )
    bar = None
    if progress.wanted(fmt, how.quiet, sys.stderr, os.environ) and out is sys.stdout:
        bar = progress.Progress(run.count, sys.stderr)
    watch = _Watch(bar)
    with output(how.output_file, out, use_color) as write:
        try:
            for chunk in stream(fmt, watch(outcomes, how.fix_only), options):
                if bar is not None:
                    bar.clear()
                write(chunk)
                if bar is not None:  # back under the output just written, so it stays in view
                    bar.redraw()
        except ConfigError as exc:  # a configuration file with a mistake
            usage_error(exc)
        finally:
            if bar is not None:
                bar.clear()
    note = run.closing_note()
    if note and not how.quiet:
        click.echo(note, err=True)
    if watch.internal:
        return EXIT_INTERNAL
    return EXIT_FINDINGS if watch.failed and not how.exit_zero else EXIT_CLEAN
