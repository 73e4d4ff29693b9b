"""The Python API: what the CLI does, as functions that return results (a thin layer over
:func:`postlint.application.app.run`, like the CLI)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from postlint.core.config import Config
from postlint.core.diagnostic import Diagnostic, FileResult
from postlint.core.engine import Linter


def lint_text(
    text: str, path: str = "<text>", config: Config | None = None
) -> tuple[Diagnostic, ...]:
    """Lint one post given as text; ``path`` matters for per-file settings and _posts dates."""
    return Linter(config).lint_text(text, path).diagnostics


def iter_results(
    paths: Sequence[str | Path],
    config: Config | None = None,
    *,
    jobs: int = 1,
    fix: bool = False,
    unsafe_fixes: bool = False,
    cache: bool = False,
) -> Iterator[FileResult]:
    """Lint files and folders, one result per file, as they are checked.

    Without ``config`` every file gets the configuration the CLI would give it (the nearest
    ``postlint.toml``, ``.postlint.toml`` or ``pyproject.toml`` with ``[tool.postlint]``);
    a given ``config`` applies to all files. A configuration file with a mistake raises
    :class:`postlint.core.config.ConfigError`. ``fix`` writes the fixed files (``unsafe_fixes``:
    those fixes too) and gives the results of what is left; ``cache`` reads and writes
    ``.postlint_cache/`` in the current folder, as ``postlint check`` does.
    """
    from postlint.application.app import RunOptions, run

    options = RunOptions(config=config, jobs=jobs, fix=fix, unsafe_fixes=unsafe_fixes, cache=cache)
    return run(paths or ["."], options)


def lint_paths(
    paths: Sequence[str | Path], config: Config | None = None, *, jobs: int = 1
) -> list[FileResult]:
    """:func:`iter_results` as a list."""
    return list(iter_results(paths, config, jobs=jobs))
