"""Which folder report paths are relative to: the repository root, whatever the working folder.

CI services place annotations by repository-relative path (GitHub's ``file=``, GitLab's
``location.path``, SARIF's ``%SRCROOT%``), and baseline fingerprints must not change with the
folder postlint was started in. In order: ``--root``, ``GITHUB_WORKSPACE``, ``CI_PROJECT_DIR``,
git's top level for the working folder, the working folder.
"""

from __future__ import annotations

import os
import posixpath
import stat
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from postlint.core.diagnostic import FileResult

CI_ROOT_VARIABLES = ("GITHUB_WORKSPACE", "CI_PROJECT_DIR")
_POSIX = os.path is posixpath  # the shortcuts below follow posixpath's rules


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
    return ReportPaths(root, cwd)(path)


@dataclass(frozen=True)
class ReportPaths:
    """:func:`report_path` for one run's root and working folder, with what every file would
    work out again (the root resolved, each folder's resolved form) kept for the run's length.

    Outside the root a path's links are followed; ``os.path.realpath`` lstats every component
    of every file, yet posts share few folders: each folder is resolved once and only the
    file's own name is looked at (see :meth:`_resolved`). A folder that becomes a link while
    the run reads its posts is seen as it was first.
    """

    root: Path
    cwd: Path
    _folders: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __call__(self, path: str) -> str:
        if path == "-":
            return path
        absolute = os.path.normpath(os.path.join(self.cwd, path))
        if "\0" in absolute:
            os.path.realpath(absolute)  # raises ValueError, as it always did
        relative = _inside(absolute, str(self.root))
        if relative is None:  # resolved (links followed) only when it lies outside root
            relative = _inside(self._resolved(absolute), self._resolved_root)
        if relative is None:
            return absolute
        return relative if os.sep == "/" else Path(relative).as_posix()

    @cached_property
    def _resolved_root(self) -> str:
        return str(self.root.resolve())

    def _resolved(self, absolute: str) -> str:
        """``os.path.realpath(absolute)``, from the cached resolved folder and one lstat.

        Why it is the same (``absolute`` normalised, its last part ``name`` a plain name):
        realpath resolves a path one part at a time, left to right, each step looking only at
        the path resolved so far; after the folder's parts it holds ``realpath(folder)`` = R,
        and the step for ``name`` lstats R/name and, when that is no link (or cannot be
        lstatted), appends ``name``: the answer is R/name. Where the folder's own resolution
        stops at a link loop, realpath leaves the rest of the path unresolved and normalises
        it, which appends a plain ``name`` the same way. When R/name is a link, the full
        realpath is taken. (Windows: no shortcut.)
        """
        folder, name = os.path.split(absolute)
        if not _POSIX or name in ("", os.curdir, os.pardir):
            return os.path.realpath(absolute)
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        candidate = os.path.join(real, name)
        try:
            link = stat.S_ISLNK(os.lstat(candidate).st_mode)
        except OSError:
            link = False
        return os.path.realpath(absolute) if link else candidate


def _inside(path: str, top: str) -> str | None:
    """``path`` relative to ``top`` (normalised, ``/`` or the platform's separator), or None
    when it climbs out of ``top``."""
    relative = os.path.relpath(path, top)
    if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
        return relative
    return None


def rebase(result: FileResult, root: Path, cwd: Path) -> FileResult:
    """``result`` with every path relative to ``root`` (what reports and baselines show)."""
    return rebased(result, report_path(result.path, root, cwd))


def rebased(result: FileResult, path: str) -> FileResult:
    """``result`` with ``path`` as its and every diagnostic's path."""
    if path == result.path and all(d.path == path for d in result.diagnostics):
        return result
    diagnostics = tuple(replace(d, path=path) for d in result.diagnostics)
    return replace(result, path=path, diagnostics=diagnostics)
