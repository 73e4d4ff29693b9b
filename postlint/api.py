"""The Python API: what the CLI does, as functions that return results."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from postlint.config import Config
from postlint.diagnostic import Diagnostic, FileResult
from postlint.engine import Linter


def lint_text(
    text: str, path: str = "<text>", config: Config | None = None
) -> tuple[Diagnostic, ...]:
    """Lint one post given as text; ``path`` matters for per-file settings and _posts dates."""
    return Linter(config).lint_text(text, path).diagnostics


def iter_results(
    paths: Sequence[str | Path], config: Config | None = None, *, jobs: int = 1
) -> Iterator[FileResult]:
    """Lint files and folders, one result per file, as they are checked.

    Without ``config`` every file gets the configuration the CLI would give it (the nearest
    ``postlint.toml``, ``.postlint.toml`` or ``pyproject.toml`` with ``[tool.postlint]``);
    a given ``config`` applies to all files. A configuration file with a mistake raises
    :class:`postlint.config.ConfigError`.
    """
    from postlint.config_loader import ConfigResolver
    from postlint.files import discover_files, in_report_order
    from postlint.rule import discover
    from postlint.runner import LinterPool, lint_all

    targets = [Path(p) for p in paths] or [Path(".")]
    pool = (
        LinterPool.of(Linter(config))
        if config is not None
        else LinterPool(ConfigResolver(discover()))
    )
    settings = pool.for_path(targets[0].absolute()).config  # discovery follows the first path's
    candidates = in_report_order(
        discover_files(
            targets,
            settings.include,
            (*settings.exclude, *settings.extend_exclude),
            root=settings.root,
        )
    )
    yield from lint_all(pool, candidates, jobs=jobs)


def lint_paths(
    paths: Sequence[str | Path], config: Config | None = None, *, jobs: int = 1
) -> list[FileResult]:
    """:func:`iter_results` as a list."""
    return list(iter_results(paths, config, jobs=jobs))
