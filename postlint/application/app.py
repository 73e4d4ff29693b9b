"""The application layer: one run of postlint over files, whoever asks for it.

The CLI, the Python API and the language server build a :class:`RunOptions` and call
:func:`run` (or :func:`start`, for the run's details: how many files, the report root, the
baseline's closing note). Here the configuration is resolved, files are found, linted (in
parallel, through the cache) or fixed, and the results are seen through the report's view
(paths relative to the root, a baseline, changed lines, a severity threshold). Interfaces only
turn options into a :class:`RunOptions` and outcomes into output.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from postlint.application.adoption import ResultView
from postlint.application.runner import LinterPool, Planned
from postlint.core.catalog import INTERNAL_ERROR
from postlint.core.config import Config, ConfigError
from postlint.core.diagnostic import FileResult
from postlint.core.engine import Linter
from postlint.core.source import SourceFile

STDIN = "-"


@dataclass(frozen=True)
class RunOptions:
    """What one run does. The defaults lint, like the Python API: no cache, one process,
    configuration files found per post, paths as given."""

    config: Config | None = None  # one configuration for every file (no files are read)
    config_file: Path | None = None  # --config: this file for every post
    isolated: bool = False  # --isolated: no configuration file
    overrides: tuple[tuple[str, Any], ...] = ()  # (Config field, value): --select, --baseline...
    jobs: int = 1  # worker processes; 0: one per core
    cache: bool = False  # read and write .postlint_cache/ in the current folder
    fix: bool = False  # fix (safe fixes; with unsafe_fixes, those too)
    unsafe_fixes: bool = False
    write: bool = True  # with fix: write the fixed files (False: only the diffs, for --diff)
    fix_only: bool = False  # with fix: show only what says a file was not fixed (--fix-only)
    read_stdin: Callable[[], bytes] | None = None  # the post when a target is "-"
    stdin_filename: str | None = None  # its name, for per-file settings and the report
    view: bool = False  # apply the report's view: root-relative paths, baseline, ...
    root: Path | None = None  # report paths relative to it [default: CI workspace, git top]
    recording: bool = False  # --write-baseline, --add-suppressions: the view shows everything
    diff_base: str | None = None  # only findings on lines changed since this git ref


@dataclass(frozen=True)
class Outcome:
    """One file: the engine's result, what the report shows of it, and what fixing did."""

    found: FileResult
    result: FileResult
    linter: Linter
    diff: str = ""
    applied: tuple[Any, ...] = ()  # postlint.core.fix.AppliedFix, for --show-fixes
    error: str | None = None  # a failure to write a fixed file that no diagnostic could carry
    data: bytes | None = None  # standard input, fixed (or as it was)

    @property
    def fails(self) -> bool:
        """At or above the fail level of the file's own configuration."""
        return self.linter.fails(self.result)

    @property
    def internal(self) -> bool:
        return any(d.code == INTERNAL_ERROR for d in self.found.diagnostics)


def default_targets(paths: Sequence[Path], stdin_filename: str | None) -> list[Path]:
    """Like ruff: no path means the current folder, or standard input with a stdin name."""
    return list(paths) or [Path(STDIN if stdin_filename else ".")]


class Run:
    """One run, started: its configuration resolved and its files found (a mistake in either
    raises :class:`ConfigError` here, before any file is read or written)."""

    def __init__(self, targets: Sequence[Path], options: RunOptions) -> None:
        self.options = options
        self.cwd = Path.cwd()
        targets = default_targets(targets, options.stdin_filename)
        self.reads_stdin = any(str(p) == STDIN for p in targets)
        self.files = [p for p in targets if str(p) != STDIN]  # `check - a.md`: both
        if self.reads_stdin and self.files and options.fix:
            raise ConfigError(
                "'-' (standard input) cannot be fixed together with files; fix them apart"
            )
        self.pool = _pool(options)
        self.linter = self.pool.for_path(self._anchor(targets[0]))
        self.view = _view(options, self.linter.config, self.cwd) if options.view else None
        self.planned = self._plan() if self.files or not self.reads_stdin else []
        self.discovered = bool(self.files) or not self.reads_stdin

    def _anchor(self, first: Path) -> Path:
        name = self.options.stdin_filename
        anchor = Path(name) if name and str(first) == STDIN else first
        return anchor if anchor.is_absolute() else self.cwd / anchor

    def _plan(self) -> list[Planned]:
        """The files to check, each with its configuration file (looked up once, here)."""
        from postlint.application.files import discover_files, in_report_order

        cfg = self.linter.config
        exclude = (*cfg.exclude, *cfg.extend_exclude)
        force = cfg.force_exclude
        found = discover_files(self.files, cfg.include, exclude, root=cfg.root, force_exclude=force)
        candidates = in_report_order(found)
        changed = self.view.changed if self.view is not None else None
        if changed is not None:  # --diff-base: only the files that changed
            assert self.view is not None
            candidates = [c for c in candidates if changed.touches(self.view.path_of(c.display))]
        planned = [Planned(c, self.pool.source_for(c.path)) for c in candidates]
        for item in planned:  # a nested configuration file with a mistake stops the run here
            self.pool.for_source(item.source)
        return planned

    @property
    def count(self) -> int:
        """How many files will be checked (standard input not counted)."""
        return len(self.planned)

    @property
    def root(self) -> Path:
        return self.view.root if self.view is not None else self.cwd

    def outcomes(self) -> Iterator[Outcome]:
        """One outcome per file, in report order, as each is done (standard input first)."""
        if self.reads_stdin:
            yield self._stdin()
        if self.options.fix:
            yield from self._fixed()
            return
        from postlint.application.cache import ResultCache
        from postlint.application.runner import default_jobs, lint_planned

        cache = ResultCache.create(self.cwd) if self.options.cache else None
        jobs = self.options.jobs or default_jobs()
        for found, linter in lint_planned(self.pool, self.planned, jobs=jobs, cache=cache):
            yield self._seen(Outcome(found, found, linter))

    def _seen(self, outcome: Outcome) -> Outcome:
        """The outcome with what the report shows of it (the baseline sees that only)."""
        shown = outcome.found
        if self.options.fix_only and not self.options.recording:
            from postlint.core.fix import only_not_fixed

            shown = only_not_fixed(shown)
        if self.view is not None:
            shown = self.view(shown)
        return outcome if shown is outcome.found else replace(outcome, result=shown)

    def _stdin(self) -> Outcome:
        from postlint.core.fix import fix_bytes

        if self.options.read_stdin is None:
            raise ConfigError("'-' names standard input, but this run has none")
        data = self.options.read_stdin()
        name = self.options.stdin_filename or STDIN
        if not self.options.fix:
            found, _ = check_bytes(self.linter, name, data)
            return self._seen(Outcome(found, found, self.linter))
        fixed = fix_bytes(self.linter, name, data, unsafe=self.options.unsafe_fixes)
        outcome = Outcome(fixed.result, fixed.result, self.linter, fixed.diff, fixed.applied)
        return self._seen(replace(outcome, data=fixed.data))

    def _fixed(self) -> Iterator[Outcome]:
        """Fix files one by one (each write is atomic)."""
        from postlint.application.runner import unreadable
        from postlint.core.fix import fix_file

        for item in self.planned:
            linter, candidate = self.pool.for_source(item.source), item.candidate
            if candidate.problem is not None:
                found = unreadable(linter, candidate)
                yield self._seen(Outcome(found, found, linter))
                continue
            done = fix_file(
                linter,
                candidate.path,
                candidate.display,
                unsafe=self.options.unsafe_fixes,
                write=self.options.write,
            )
            outcome = Outcome(done.result, done.result, linter, done.diff, done.applied, done.error)
            yield self._seen(outcome)

    def closing_note(self) -> str | None:
        """The baseline's note on entries that no longer occur (after the outcomes)."""
        return self.view.closing_note() if self.view is not None else None


def start(targets: Sequence[str | Path], options: RunOptions | None = None) -> Run:
    """A run of ``options`` over ``targets`` (files, folders, "-"), ready to iterate."""
    return Run([Path(t) for t in targets], options or RunOptions())


def run(targets: Sequence[str | Path], options: RunOptions | None = None) -> Iterator[FileResult]:
    """Lint (or fix) ``targets``: one result per file, as each is done."""
    for outcome in start(targets, options).outcomes():
        yield outcome.result


def check_bytes(linter: Linter, name: str, data: bytes) -> tuple[FileResult, SourceFile | None]:
    """One post given as bytes (standard input, an editor's buffer), through the same door as
    a file's (size, binary and UTF-8 checks, a BOM); its text, when it is one."""
    source = linter.decode(name, data)
    if isinstance(source, FileResult):
        return source, None
    return linter.lint_source(source), source


def _pool(options: RunOptions) -> LinterPool:
    from postlint.core.config_keys import apply_overrides

    if options.config is not None:
        return LinterPool.of(Linter(apply_overrides(options.config, options.overrides)))
    from postlint.application.config_loader import ConfigResolver
    from postlint.core.rule import discover

    def adjust(config: Config) -> Config:
        return apply_overrides(config, options.overrides)

    resolver = ConfigResolver(
        discover(), explicit=options.config_file, isolated=options.isolated, adjust=adjust
    )
    return LinterPool(resolver)


def _view(options: RunOptions, config: Config, cwd: Path) -> ResultView:
    """The report's view the options ask for (a ConfigError when they are wrong)."""
    from postlint.application.baseline import BaselineError
    from postlint.application.changed_lines import ChangedLines, DiffBaseError
    from postlint.application.paths import report_root

    root = report_root(options.root, cwd, os.environ)
    try:
        changed = ChangedLines.since(options.diff_base, root) if options.diff_base else None
        baseline = None if options.recording else config.baseline  # recording sees everything
        return ResultView.build(root, cwd, baseline, changed, config.min_severity)
    except (BaselineError, DiffBaseError) as exc:
        raise ConfigError(str(exc)) from None
