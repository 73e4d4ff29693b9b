"""Replace a file's contents in one step: anyone reading it sees the old file or the new one.

The new bytes go to a temporary file in the same folder (same file system, so the rename is
atomic), are flushed to disk, get the old file's permissions (and owner, where allowed), and
only then replace the old file with ``os.replace``. Any failure before the rename leaves the
old file untouched and removes the temporary file.

A symbolic link is never replaced by a regular file: its target is written and the link stays.
Files postlint should not silently rewrite are refused with :class:`WriteRefused`: read-only
files, files that are not regular files, files with several hard links (a rename would split
them), and files whose contents changed on disk after they were read.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

TEMP_SUFFIX = ".postlint-tmp"
STALE_SECONDS = 600  # a temporary file this old was left by a run that was killed mid-write

# Called with the finished temporary file before the last check and the rename: tests use it
# to fail there, or to change the file as another program would.
BeforeReplace = Callable[[Path], None]


class WriteRefused(Exception):
    """postlint chose not to write this file; the message says why and what to do."""


def write_atomic(
    path: Path,
    data: bytes,
    *,
    expected: bytes | None = None,
    before_replace: BeforeReplace | None = None,
) -> Path:
    """Replace the contents of ``path`` (or of its target, for a link) with ``data``.

    ``expected``: the bytes the caller read; if the file no longer holds them, nothing is
    written. Returns the path actually written. Raises ``OSError`` or :class:`WriteRefused`.
    """
    target = Path(os.path.realpath(path))
    info = os.stat(target)
    _refuse_unsafe_target(target, info)
    remove_stale_temporaries(target)
    fd, tmp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX
    )
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_owner_and_mode(tmp, info)
        if before_replace is not None:
            before_replace(tmp)
        if expected is not None and target.read_bytes() != expected:
            raise WriteRefused(
                "it changed on disk while postlint was fixing it; nothing was written "
                "(run postlint again)"
            )
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return target


@contextlib.contextmanager
def temporary_sibling(path: Path) -> Iterator[TextIO]:
    """Write a new text file (a report) in one step: ``path`` appears, or is replaced, only
    when the ``with`` block ends normally; otherwise the old file stays and nothing is left."""
    folder = path.parent
    remove_stale_temporaries(path)
    tmp = folder / f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
    # os.open with 0o666: the umask applies, as for any file the user creates (not mkstemp's 0o600).
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temporaries(path: Path) -> None:
    """Delete ``.NAME.*.postlint-tmp`` files beside ``path`` that a killed run left behind
    (old enough that no running writer can still own them; links are never followed)."""
    import time

    prefix = f".{path.name}."
    now = time.time()
    try:
        names = [
            n for n in os.listdir(path.parent) if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)
        ]
    except OSError:
        return
    for name in names:
        with contextlib.suppress(OSError):
            info = os.lstat(path.parent / name)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                os.unlink(path.parent / name)


def _refuse_unsafe_target(target: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused("it is not a regular file; nothing was written")
    if info.st_nlink > 1:
        raise WriteRefused(
            f"it has {info.st_nlink} hard links and replacing it would split them; "
            "nothing was written (fix a copy, or see the change with --diff)"
        )
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):  # root: access says yes
        raise WriteRefused("it is read-only; nothing was written (make it writable first)")


def _copy_owner_and_mode(tmp: Path, info: os.stat_result) -> None:
    """The new file gets the old one's permissions; its owner too when we may set it."""
    # Not allowed unless root or a member of the group: then the new file keeps ours.
    with contextlib.suppress(OSError):
        os.chown(tmp, info.st_uid, info.st_gid)  # before chmod: chown clears set-id bits
    os.chmod(tmp, stat.S_IMODE(info.st_mode))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
