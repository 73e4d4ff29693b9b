"""Find the posts to check: walk folders without following links, honour .gitignore via git,
exclude by gitignore patterns, and never open what is not a regular file (a FIFO would hang)."""

from __future__ import annotations

import fnmatch
import os
import stat
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from postlint.core.patterns import excluded, matches, relative_to


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


def _not_regular(path: Path) -> str | None:
    """Why ``path`` (links followed) is not a file postlint may open, or None when it is one.

    Opening a named pipe blocks until something writes to it, so a FIFO left in a blog would
    hang the run; sockets and devices are no posts either.
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None  # reading it reports the problem
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    return f"{kind}, not a regular file; skipped"


def _walk(
    given: Path, include: Sequence[str], exclude: Sequence[str], root: Path
) -> Iterator[Path]:
    """Matching files, and folder links (never followed, so a link loop cannot trap the walk).

    ``exclude`` holds gitignore patterns relative to ``root`` (see postlint.core.patterns).
    """
    for folder, dirs, files in os.walk(given, onerror=None):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not _excluded(Path(folder, d), root, exclude, True)
        )
        yield from (Path(folder) / d for d in dirs if os.path.islink(os.path.join(folder, d)))
        for name in sorted(files):
            if not any(fnmatch.fnmatch(name, p) for p in include):
                continue
            if _excluded(Path(folder, name), root, exclude, False):
                continue
            yield Path(folder) / name


def _excluded(path: Path, root: Path, patterns: Sequence[str], folder: bool) -> bool:
    relative = relative_to(path, root) or path.name
    return bool(patterns) and matches(relative, patterns, folder=folder)


def _git_ignored(paths: list[Path], folder: Path) -> set[Path]:
    """The subset of ``paths`` (each inside ``folder``) that git ignores; empty outside git.

    git runs in ``folder`` and reads paths relative to its working folder, so each path is
    given relative to ``folder`` (not to the process's working folder).
    """
    if not paths:
        return set()
    relative = [os.path.relpath(p, folder) for p in paths]
    try:
        result = subprocess.run(
            ["git", "check-ignore", "-z", "--stdin"],
            input=b"\0".join(os.fsencode(p) for p in relative),
            capture_output=True,
            cwd=folder,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if result.returncode not in (0, 1):  # 128: not a git repository
        return set()
    ignored = {os.fsdecode(p) for p in result.stdout.split(b"\0") if p}
    return {p for p, rel in zip(paths, relative, strict=True) if rel in ignored}


def _force_excluded(paths: Sequence[Path], root: Path, exclude: Sequence[str]) -> set[Path]:
    """--force-exclude: the paths named on the command line that exclude or .gitignore cover
    (one git call for all of them: pre-commit names every staged post)."""
    existing = [p for p in paths if p.exists() or p.is_symlink()]
    found = {p for p in existing if excluded(p, root, exclude, folder=p.is_dir())}
    return found | _git_ignored([p for p in existing if p not in found], Path.cwd())


def discover_files(
    paths: Sequence[Path],
    include: Sequence[str],
    exclude: Sequence[str],
    cwd: Path | None = None,
    *,
    root: Path | None = None,
    force_exclude: bool = False,
) -> Iterator[Candidate]:
    """Files named on the command line are checked (unless ``force_exclude`` and excluded);
    folders are walked. ``exclude`` patterns are relative to ``root`` (the config's folder)."""
    cwd = (cwd or Path.cwd()).absolute()
    root = (root or cwd).absolute()
    skipped = _force_excluded(paths, root, exclude) if force_exclude else set()
    for given in paths:
        exists = given.exists() or given.is_symlink()
        if given in skipped:
            continue
        if given.is_dir():
            yield from _walk_candidates(given, include, exclude, root, cwd)
        elif exists:
            yield Candidate(given, display_path(given, cwd), _not_regular(given))
        else:
            yield Candidate(given, display_path(given, cwd), "no such file or folder")


def _walk_candidates(
    given: Path, include: Sequence[str], exclude: Sequence[str], root: Path, cwd: Path
) -> Iterator[Candidate]:
    top = given.resolve()
    found = list(_walk(given, include, exclude, root))
    ignored = _git_ignored(found, given)
    for path in found:
        if path in ignored:
            continue
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                yield Candidate(path, display_path(path, cwd), "broken or looping symbolic link")
                continue
            if not target.is_relative_to(top):
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
        yield Candidate(path, display_path(path, cwd), _not_regular(path))


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
