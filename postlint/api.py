"""The Python API: what the CLI does, as functions that return results."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from postlint.config import Config
from postlint.diagnostic import Diagnostic, FileResult
from postlint.engine import Linter
from postlint.files import discover_files


def lint_text(
    text: str, path: str = "<text>", config: Config | None = None
) -> tuple[Diagnostic, ...]:
    """Lint one post given as text; ``path`` matters for per-file settings and _posts dates."""
    return Linter(config).lint_text(text, path).diagnostics


def iter_results(
    paths: Sequence[str | Path], config: Config | None = None, linter: Linter | None = None
) -> Iterator[FileResult]:
    """Lint files and folders, one result per file, as they are checked."""
    from postlint.runner import lint_all

    linter = linter or Linter(config)
    cfg = linter.config
    candidates = discover_files(
        [Path(p) for p in paths], cfg.include, (*cfg.exclude, *cfg.extend_exclude)
    )
    yield from lint_all(linter, candidates)


def lint_paths(paths: Sequence[str | Path], config: Config | None = None) -> list[FileResult]:
    return list(iter_results(paths, config))
