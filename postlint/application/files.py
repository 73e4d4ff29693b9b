"""Find the posts to check: walk folders without following links, honour .gitignore via git,
exclude by gitignore patterns, and never open what is not a regular file (a FIFO would hang)."""

from __future__ import annotations

import fnmatch
import os
import posixpath
import stat
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from postlint.core.patterns import excluded, matches, relative_to

_POSIX = os.path is posixpath  # the walk's shortcuts follow posixpath's rules


@dataclass(frozen=True)
class Candidate:
    path: Path
    display: str
    problem: str | None = None  # set when the path cannot be linted (reported as PL002)


def display_path(path: Path, cwd: Path) -> str:
    shown = _shown(path, cwd)
    return str(path) if shown is None else shown


def _shown(path: Path, cwd: Path) -> str | None:
    """:func:`display_path` when ``path`` lies in ``cwd``; None when it does not."""
    try:
        return path.absolute().relative_to(cwd).as_posix()
    except ValueError:
        return None


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


@dataclass(frozen=True)
class _Entry:
    """A walked folder or file with what the per-path helpers made of it: ``relative_to`` the
    config's root (None outside it), the path relative to the working folder (None outside
    it), and ``os.path.relpath`` from the folder being walked ('' for that folder). Worked out
    once per folder and extended by each entry's name (see :meth:`_Walk.child`), not parsed
    again for every file."""

    path: Path
    from_root: str | None
    shown: str | None
    below: str

    @property
    def display(self) -> str:
        """:func:`display_path` of the entry."""
        return str(self.path) if self.shown is None else self.shown


@dataclass(frozen=True)
class _Walk:
    """One folder's walk: the folder, the root its exclude patterns start from and the working
    folder."""

    given: Path
    root: Path
    cwd: Path

    def top(self) -> _Entry:
        """The walked folder itself, through the helpers."""
        given = self.given
        return _Entry(given, relative_to(given, self.root), _shown(given, self.cwd), "")

    def child(self, entry: _Entry, name: str) -> _Entry:
        """``entry``'s ``name`` (a name os.walk listed: no separator, not ``.`` or ``..``).

        Why extending gives what the helpers would compute on the child: both compare the
        absolute path's parts (pathlib's, after ``os.path.abspath`` for the root) with a
        top's, and the child's parts are the folder's plus ``name``. Inside the top, the
        rest grows by ``name``; outside it, the child is inside only when it *is* the top,
        which needs ``name`` to be the top's last part: then the helper itself is asked.
        ``relpath`` from the walked folder is the names below it joined by the separator.
        (Elsewhere than on posix, where ``abspath`` asks the system, the helpers are asked.)
        """
        path = entry.path / name
        if not _POSIX:
            return _Entry(
                path,
                relative_to(path, self.root),
                _shown(path, self.cwd),
                os.path.relpath(path, self.given),
            )
        if entry.from_root is not None:
            from_root: str | None = _extend(entry.from_root, name)
        elif name.lower() == self._root_name:
            from_root = relative_to(path, self.root)
        else:
            from_root = None
        shown: str | None
        if entry.shown is not None:
            shown = _extend(entry.shown, name)
        elif name.lower() == self._cwd_name:
            shown = _shown(path, self.cwd)
        else:
            shown = None
        below = f"{entry.below}{os.sep}{name}" if entry.below else name  # os.path.join's
        return _Entry(path, from_root, shown, below)

    @cached_property
    def _root_name(self) -> str:
        """The root's last part, lowered: an entry of another name cannot be the root (pathlib
        compares parts as they are, or lowered on Windows)."""
        return Path(os.path.abspath(self.root)).name.lower()

    @cached_property
    def _cwd_name(self) -> str:
        """The working folder's last part, lowered (as for the root)."""
        return self.cwd.name.lower()


def _extend(relative: str, name: str) -> str:
    """A posix relative path (``.`` for the top itself) one name deeper."""
    return name if relative == "." else f"{relative}/{name}"


def _walk(
    given: Path, include: Sequence[str], exclude: Sequence[str], root: Path, cwd: Path
) -> Iterator[_Entry]:
    """Matching files, and folder links (never followed, so a link loop cannot trap the walk).

    ``exclude`` holds gitignore patterns relative to ``root`` (see postlint.core.patterns).
    """
    walk = _Walk(given, root, cwd)
    folders = {os.fspath(given): walk.top()}  # what os.walk will list next, by its name
    for folder, dirs, files in os.walk(given, onerror=None):
        here = folders.pop(folder)
        kept = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            entry = walk.child(here, d)
            if not _excluded(entry, d, exclude, True):
                kept.append(d)
                folders[os.path.join(folder, d)] = entry
        dirs[:] = kept
        yield from (folders[os.path.join(folder, d)] for d in kept if _is_link(folder, d))
        for name in sorted(files):
            if not any(fnmatch.fnmatch(name, p) for p in include):
                continue
            entry = walk.child(here, name)
            if not _excluded(entry, name, exclude, False):
                yield entry


def _is_link(folder: str, name: str) -> bool:
    return os.path.islink(os.path.join(folder, name))


def _excluded(entry: _Entry, name: str, patterns: Sequence[str], folder: bool) -> bool:
    relative = entry.from_root or name
    return bool(patterns) and matches(relative, patterns, folder=folder)


def _git_ignored(paths: list[Path], folder: Path) -> set[Path]:
    """The subset of ``paths`` (each inside ``folder``) that git ignores; empty outside git.

    git runs in ``folder`` and reads paths relative to its working folder, so each path is
    given relative to ``folder`` (not to the process's working folder).
    """
    relative = [os.path.relpath(p, folder) for p in paths]
    ignored = _git_check_ignore(relative, folder)
    return {p for p, rel in zip(paths, relative, strict=True) if rel in ignored}


def _git_check_ignore(relative: list[str], folder: Path) -> set[str]:
    """Which of ``relative`` (paths relative to ``folder``) git ignores, as given."""
    if not relative:
        return set()
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
    return {os.fsdecode(p) for p in result.stdout.split(b"\0") if p}


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
    found = list(_walk(given, include, exclude, root, cwd))
    ignored = _git_check_ignore([entry.below for entry in found], given)
    for entry in found:
        if entry.below in ignored:
            continue
        path = entry.path
        if path.is_symlink():
            problem = _link_problem(path, top)
            if problem == _INSIDE_FOLDER:
                continue  # a folder inside the tree: its posts are checked where they are
            if problem is not None:
                yield Candidate(path, entry.display, problem)
                continue
        yield Candidate(path, entry.display, _not_regular(path))


_INSIDE_FOLDER = "a folder inside the tree"


def _link_problem(path: Path, top: Path) -> str | None:
    """Why the walk does not check the link ``path`` (``_INSIDE_FOLDER``: a folder checked
    where it is), or None when it is checked as the file it points to."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "broken or looping symbolic link"
    if not target.is_relative_to(top):
        return "symbolic link points outside the folder being checked; not followed"
    if path.parent.resolve().is_relative_to(target):
        return "symbolic link loops back to a folder that holds it; not followed"
    if target.is_dir():
        return _INSIDE_FOLDER
    return None


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
