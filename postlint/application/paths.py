"""Which folder report paths are relative to: the repository root, whatever the working folder.

CI services place annotations by repository-relative path (GitHub's ``file=``, GitLab's
``location.path``, SARIF's ``%SRCROOT%``), and baseline fingerprints must not change with the
folder postlint was started in. In order: ``--root``, ``GITHUB_WORKSPACE``, ``CI_PROJECT_DIR``,
git's top level for the working folder, the working folder.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from postlint.core.diagnostic import FileResult

CI_ROOT_VARIABLES = ("GITHUB_WORKSPACE", "CI_PROJECT_DIR")


def git_top_level(folder: Path) -> Path | None:
    """The work tree that holds ``folder``, or None outside git (or without git)."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=folder,
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    top = os.fsdecode(result.stdout).strip()
    return Path(top) if result.returncode == 0 and top else None


def report_root(explicit: Path | None, cwd: Path, env: Mapping[str, str]) -> Path:
    """The folder every report's paths are relative to (absolute)."""
    if explicit is not None:
        return explicit.absolute()
    for name in CI_ROOT_VARIABLES:
        value = env.get(name)
        if value and Path(value).is_dir() and cwd.resolve().is_relative_to(Path(value).resolve()):
            return Path(value).absolute()
    return git_top_level(cwd) or cwd.absolute()


def report_path(path: str, root: Path, cwd: Path) -> str:
    """``path`` (as checked, relative to ``cwd``) relative to ``root`` in posix form; absolute
    when it lies outside ``root``; standard input (``-``) as it is."""
    if path == "-":
        return path
    absolute = os.path.normpath(os.path.join(cwd, path))
    if "\0" in absolute:
        os.path.realpath(absolute)  # raises ValueError, as it always did
    relative = _inside(absolute, str(root))
    if relative is None:  # resolved (links followed) only when it lies outside root
        relative = _inside(os.path.realpath(absolute), str(root.resolve()))
    if relative is None:
        return absolute
    return relative if os.sep == "/" else Path(relative).as_posix()


def _inside(path: str, top: str) -> str | None:
    """``path`` relative to ``top`` (normalised, ``/`` or the platform's separator), or None
    when it climbs out of ``top``."""
    relative = os.path.relpath(path, top)
    if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
        return relative
    return None


def rebase(result: FileResult, root: Path, cwd: Path) -> FileResult:
    """``result`` with every path relative to ``root`` (what reports and baselines show)."""
    path = report_path(result.path, root, cwd)
    if path == result.path and all(d.path == path for d in result.diagnostics):
        return result
    diagnostics = tuple(replace(d, path=path) for d in result.diagnostics)
    return replace(result, path=path, diagnostics=diagnostics)
