"""Find the posts to check: walk folders without following links, honour .gitignore via git."""

from __future__ import annotations

import fnmatch
import os
import stat
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Candidate:
    path: Path
    display: str
    problem: str | None = None  # set when the path cannot be linted (reported as PL002)


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.absolute().relative_to(cwd).as_posix()
    except ValueError:
        return str(path)


def _excluded(name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[Path]:
    """Matching files, and folder links (never followed, so a link loop cannot trap the walk)."""
    for folder, dirs, files in os.walk(root, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(d, exclude))
        yield from (Path(folder) / d for d in dirs if os.path.islink(os.path.join(folder, d)))
        for name in sorted(files):
            if _excluded(name, exclude) or not any(fnmatch.fnmatch(name, p) for p in include):
                continue
            yield Path(folder) / name


def _git_ignored(paths: list[Path], cwd: Path) -> set[Path]:
    """The subset of ``paths`` that git ignores (empty outside a git work tree)."""
    if not paths:
        return set()
    try:
        result = subprocess.run(
            ["git", "check-ignore", "-z", "--stdin"],
            input=b"\0".join(os.fsencode(p) for p in paths),
            capture_output=True,
            cwd=cwd,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if result.returncode not in (0, 1):  # 128: not a git repository
        return set()
    return {Path(os.fsdecode(p)) for p in result.stdout.split(b"\0") if p}


def discover_files(
    paths: Sequence[Path],
    include: Sequence[str],
    exclude: Sequence[str],
    cwd: Path | None = None,
) -> Iterator[Candidate]:
    """Files named on the command line are always checked; folders are walked."""
    cwd = (cwd or Path.cwd()).absolute()
    for given in paths:
        if given.is_dir():
            root = given.resolve()
            found = list(_walk(given, include, exclude))
            ignored = _git_ignored(found, given)
            for path in found:
                if path in ignored:
                    continue
                if path.is_symlink():
                    try:
                        target = path.resolve(strict=True)
                    except (OSError, RuntimeError):
                        yield Candidate(
                            path, display_path(path, cwd), "broken or looping symbolic link"
                        )
                        continue
                    if not target.is_relative_to(root):
                        yield Candidate(
                            path,
                            display_path(path, cwd),
                            "symbolic link points outside the folder being checked; not followed",
                        )
                        continue
                    if path.parent.resolve().is_relative_to(target):
                        yield Candidate(
                            path,
                            display_path(path, cwd),
                            "symbolic link loops back to a folder that holds it; not followed",
                        )
                        continue
                    if target.is_dir():
                        continue  # a folder inside the tree: its posts are checked where they are
                yield Candidate(path, display_path(path, cwd))
        elif given.exists() or given.is_symlink():
            yield Candidate(given, display_path(given, cwd))
        else:
            yield Candidate(given, display_path(given, cwd), "no such file or folder")


def path_state(path: str) -> str:
    """What a cached result may depend on: a path's type, size and time, links not followed."""
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        return "missing"
    kind = "dir" if stat.S_ISDIR(info.st_mode) else "link" if stat.S_ISLNK(info.st_mode) else "file"
    return f"{kind}:{info.st_size}:{info.st_mtime_ns}"


def in_report_order(found: Iterable[Candidate]) -> list[Candidate]:
    """Files by path, as reports list them, each once however often it was named."""
    unique = {os.path.abspath(c.path): c for c in reversed(list(found))}
    return sorted(unique.values(), key=lambda candidate: candidate.display)
