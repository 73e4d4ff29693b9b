"""A content-addressed result cache in ``.postlint_cache/`` that cannot be poisoned or go stale.

The key covers the file's bytes and name, the run's configuration, every schema file it may
use (the whole ``$ref`` closure), the rule set, and a digest of postlint's own source, so a hit
is always the result a fresh run would give, even after an edit that kept the version number.

The folder lives in the checkout, so anything in it may have been planted. Hence:
- each entry carries an HMAC made with a per-cache secret (``secret``, mode 0600, created by
  postlint; one that git or an archive could have put there is replaced), so a planted entry
  is a miss;
- entries are JSON (never pickle), bounded in size, and validated field by field on read: any
  mismatch is a miss, never a traceback in a reporter;
- every file and folder is opened relative to its parent's descriptor with ``O_NOFOLLOW``: a
  symbolic link anywhere in the cache is never followed, and a cache folder that is itself a
  link is refused (reported as PL011);
- entries are written to ``tmp/`` and renamed into place, so a crash or two runs at once leave
  only whole entries; temporary files a killed run left behind are removed by the next run.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from postlint import __version__
from postlint.application.cache_entry import result_from_json, result_to_json
from postlint.application.files import path_state
from postlint.core.atomic import TEMP_SUFFIX
from postlint.core.diagnostic import FileResult

CACHE_DIR_NAME = ".postlint_cache"
_FORMAT = "v3"
_MAGIC = b"postlint-cache-v3\n"
SECRET_NAME = "secret"
SECRET_BYTES = 32
MAX_ENTRY_BYTES = 8 * 1024 * 1024
STALE_TEMP_SECONDS = 600  # a temporary file this old belongs to a run that was killed
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def _proselint_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # 0.03 s: only with a cache

    try:
        return version("proselint")
    except PackageNotFoundError:
        return "unknown"


class CacheRefused(Exception):
    """The cache folder cannot be used safely; the message says why."""


@dataclass(frozen=True)
class ResultCache:
    """One run's view of the cache; ``salt`` fingerprints everything but the file itself.

    ``secret`` is None when the cache is not usable (``problem`` says why): every lookup is
    then a miss and nothing is written.
    """

    folder: Path
    salt: str
    secret: bytes | None = None
    problem: str | None = None

    @classmethod
    def create(cls, root: Path) -> ResultCache:
        from postlint.core.rule_fingerprint import code_fingerprint

        folder = root / CACHE_DIR_NAME
        salt = hashlib.sha256(
            f"{_FORMAT}\0{__version__}\0{_proselint_version()}\0{code_fingerprint()}".encode()
        ).hexdigest()
        try:
            secret = _open_cache(folder)
        except CacheRefused as exc:
            return cls(folder, salt, None, str(exc))
        except OSError:
            return cls(folder, salt, None, None)  # a read-only checkout runs without a cache
        return cls(folder, salt, secret, None)

    def key(self, path: str, data: bytes, fingerprint: str) -> str:
        """``fingerprint``: the linter's (configuration, rules, schemas) for this file."""
        digest = hashlib.sha256(f"{self.salt}\0{fingerprint}".encode())
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _parts(self, key: str) -> tuple[str, str]:
        return key[:2], f"{key}.json"

    def has(self, key: str) -> bool:
        """A cheap hint (the entry exists); :meth:`get` decides whether it is good."""
        if self.secret is None:
            return False
        sub, name = self._parts(key)
        try:
            info = os.lstat(os.path.join(self.folder, _FORMAT, sub, name))
        except OSError:
            return False
        return stat.S_ISREG(info.st_mode)

    def get(self, key: str) -> FileResult | None:
        if self.secret is None:
            return None
        sub, name = self._parts(key)
        try:
            with _folder(self.folder, _FORMAT, sub) as fd:
                raw = _read_bounded(name, fd, MAX_ENTRY_BYTES)
        except OSError:
            return None  # missing, a link, too large: lint again
        body = _verified(raw, key, self.secret)
        if body is None:
            return None  # damaged or planted
        try:
            result = result_from_json(json.loads(body))
        except (ValueError, RecursionError):
            return None
        if result is None:
            return None
        if any(path_state(path) != state for path, state in result.depends_on or ()):
            return None  # a file the result depends on has changed: lint again
        return result

    def put(self, key: str, result: FileResult) -> None:
        if result.depends_on is None or self.secret is None:
            return  # depends on something the cache cannot watch, or no usable cache
        try:
            body = json.dumps(result_to_json(result), ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            return  # a file name that is not UTF-8: this result is not cached
        if len(body) > MAX_ENTRY_BYTES - 200:
            return
        sub, name = self._parts(key)
        _store_signed(self.folder, self.secret, (_FORMAT, sub), name, key, body)


def _store_signed(
    folder: Path, secret: bytes, names: tuple[str, ...], name: str, key: str, body: bytes
) -> None:
    """Write ``body`` with its HMAC atomically (temporary file, then rename), following no link."""
    payload = _MAGIC + _mac(secret, key, body).encode() + b"\n" + body
    temp = f"{name[:80]}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
    # a read-only or full disk: run without caching
    with contextlib.suppress(OSError), _folder(folder, "tmp", create=True) as tmp_fd:
        _write_new(temp, tmp_fd, payload)
        try:
            with _folder(folder, *names, create=True) as entry_fd:
                os.replace(temp, name, src_dir_fd=tmp_fd, dst_dir_fd=entry_fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp, dir_fd=tmp_fd)
            raise


def write_signed(folder: Path, sub: str, name: str, body: bytes) -> None:
    """Keep a blob (the site model's entries) in the cache folder, as safely as results."""
    if len(body) > MAX_ENTRY_BYTES * 64:
        return
    try:
        secret = _open_cache(folder)
    except (CacheRefused, OSError):
        return
    _store_signed(folder, secret, (sub,), name, f"{sub}/{name}", body)


def read_signed(folder: Path, sub: str, name: str) -> bytes | None:
    """A blob :func:`write_signed` kept; None when missing, a link, too large or not ours."""
    try:
        secret = _open_cache(folder)
        with _folder(folder, sub) as fd:
            raw = _read_bounded(name, fd, MAX_ENTRY_BYTES * 64 + 200)
    except (CacheRefused, OSError):
        return None
    return _verified(raw, f"{sub}/{name}", secret)


def _mac(secret: bytes, key: str, body: bytes) -> str:
    return hmac.new(secret, key.encode() + b"\0" + body, hashlib.sha256).hexdigest()


def _verified(raw: bytes, key: str, secret: bytes) -> bytes | None:
    if not raw.startswith(_MAGIC):
        return None
    mac, newline, body = raw[len(_MAGIC) :].partition(b"\n")
    if not newline:
        return None
    if not hmac.compare_digest(mac, _mac(secret, key, body).encode()):
        return None
    return body


# --- the folder, opened without following links ----------------------------------------------


@contextlib.contextmanager
def _folder(root: Path, *names: str, create: bool = False) -> Iterator[int]:
    """A descriptor of ``root/names...``; no component may be a symbolic link."""
    fd = os.open(root, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
    try:
        for name in names:
            if create:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(name, 0o777, dir_fd=fd)
            child = os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=fd)
            os.close(fd)
            fd = child
        yield fd
    finally:
        os.close(fd)


def _read_bounded(name: str, dir_fd: int, limit: int) -> bytes:
    fd = os.open(name, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0), dir_fd=dir_fd)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise OSError("not a regular file of a sensible size")
        data = os.read(fd, limit + 1)
        if len(data) > limit:
            raise OSError("grew while being read")
        return data
    finally:
        os.close(fd)


def _write_new(name: str, dir_fd: int, data: bytes, mode: int = 0o666) -> None:
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, mode, dir_fd=dir_fd)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _open_cache(folder: Path) -> bytes:
    """Create or check the cache folder; return its secret. Raises CacheRefused or OSError."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        os.mkdir(folder, 0o777)
        info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode):
        raise CacheRefused(
            f"{CACHE_DIR_NAME} is a symbolic link; postlint does not write through it (results "
            "could land outside the project): remove the link to use the cache"
        )
    if not stat.S_ISDIR(info.st_mode):
        raise CacheRefused(f"{CACHE_DIR_NAME} is not a folder; remove it to use the cache")
    with _folder(folder) as fd:
        with contextlib.suppress(FileExistsError):
            _write_new(".gitignore", fd, b"# Created by postlint.\n*\n")
        secret = _secret(fd)
        _remove_stale_temporaries(fd)
    return secret


def _secret(dir_fd: int) -> bytes:
    """The cache's secret; one postlint did not create (wrong mode or owner) is replaced."""
    for _ in range(3):
        try:
            fd = os.open(
                SECRET_NAME, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0), dir_fd=dir_fd
            )
        except FileNotFoundError:
            # another run may make one at the same moment: then read that one
            with contextlib.suppress(FileExistsError):
                _write_new(SECRET_NAME, dir_fd, secrets.token_bytes(SECRET_BYTES), 0o600)
            continue
        except OSError:  # a link, or unreadable: replace it
            os.unlink(SECRET_NAME, dir_fd=dir_fd)
            continue
        try:
            info = os.fstat(fd)
            data = os.read(fd, SECRET_BYTES + 1)
        finally:
            os.close(fd)
        trusted = (
            stat.S_ISREG(info.st_mode)
            and not info.st_mode & 0o077  # git and archives never make a 0600 file of ours
            and info.st_uid == os.getuid()
            and len(data) == SECRET_BYTES
        )
        if trusted:
            return data
        os.unlink(SECRET_NAME, dir_fd=dir_fd)  # planted or damaged: every entry becomes a miss
    raise CacheRefused(f"{CACHE_DIR_NAME}/{SECRET_NAME} cannot be created")


def _remove_stale_temporaries(dir_fd: int) -> None:
    try:
        tmp_fd = os.open("tmp", os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=dir_fd)
    except OSError:
        return
    now = time.time()
    try:
        for name in os.listdir(tmp_fd):
            with contextlib.suppress(OSError):
                info = os.lstat(name, dir_fd=tmp_fd)
                if now - info.st_mtime > STALE_TEMP_SECONDS or not stat.S_ISREG(info.st_mode):
                    os.unlink(name, dir_fd=tmp_fd)
    finally:
        os.close(tmp_fd)


__all__ = ["CACHE_DIR_NAME", "CacheRefused", "ResultCache", "result_from_json", "result_to_json"]
