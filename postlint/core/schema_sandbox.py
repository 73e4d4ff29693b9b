"""Where a schema may come from: regular files inside one folder (the project), never more.

A post's ``$schema`` and every ``$ref`` are written by whoever wrote the post or the schema;
in CI that can be a pull request. Left alone they could read any file on the machine (an
absolute path, ``../``, ``file:`` URLs), block forever (``/dev/stdin``, a FIFO) or fill memory
(``/dev/zero``), and the diagnostics would quote what they read. Here a reference resolves only
to a regular file under the sandbox's root, read through a size limit; everything else is a
:class:`~postlint.core.schema.SchemaLoadError` that says what was refused without telling whether
the file exists.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

MAX_SCHEMA_BYTES = 4 * 1024 * 1024  # the SARIF schema, one of the largest in use, is 0.2 MiB


class SandboxRefused(Exception):
    """A schema reference that leaves the sandbox, or a file that is not a small regular file."""


@dataclass(frozen=True)
class SchemaSandbox:
    """Schema files may be read only below ``root`` (a resolved folder)."""

    root: Path

    @classmethod
    def at(cls, root: Path) -> SchemaSandbox:
        return cls(Path(os.path.realpath(root)))

    def contains(self, path: Path) -> bool:
        return Path(os.path.realpath(path)).is_relative_to(self.root)

    def resolve(self, reference: str, base_dir: Path) -> Path:
        """The file a post's ``$schema`` (relative to the post's folder) names, if allowed."""
        if "://" in reference or urlsplit(reference).scheme or reference.startswith("//"):
            raise SandboxRefused(
                f"{reference!r} refused: a schema must be a file inside the project, named by a "
                "relative path (postlint never uses the network or reads other folders)"
            )
        if reference.startswith(("/", "\\")) or PurePosixPath(reference).is_absolute():
            raise SandboxRefused(
                f"{reference!r} refused: an absolute path; name the schema by a path relative "
                "to the post, inside the project"
            )
        return self.checked(base_dir / reference, reference)

    def resolve_uri(self, uri: str, base_dir: Path) -> Path:
        """The file a ``$ref`` names, if allowed (a relative one: relative to ``base_dir``)."""
        parts = urlsplit(uri)
        if parts.scheme not in ("", "file") or parts.netloc not in ("", "localhost"):
            raise SandboxRefused(
                f"$ref {uri!r} refused: postlint never uses the network; "
                "download the schema into the project and refer to it by a relative path"
            )
        target = Path(unquote(parts.path))
        if not target.is_absolute():
            target = base_dir / target
        return self.checked(target, uri)

    def checked(self, target: Path, shown: str) -> Path:
        real = Path(os.path.realpath(target))
        if not real.is_relative_to(self.root):
            # the same words whether or not the file exists: a refusal must not be a probe
            raise SandboxRefused(
                f"{shown!r} refused: it is outside the project ({self.root.name}/); schemas "
                "are read only from files inside it"
            )
        return real

    def read(self, path: Path) -> bytes:
        """The bytes of a regular file inside the sandbox, at most :data:`MAX_SCHEMA_BYTES`."""
        real = self.checked(path, str(path))
        return read_regular_file(real, MAX_SCHEMA_BYTES)


def read_regular_file(path: Path, limit: int) -> bytes:
    """Read a regular file without blocking on FIFOs or devices, and never more than ``limit``.

    O_NONBLOCK makes opening a FIFO return at once; the type is then checked on the open
    descriptor (no race with a swapped file); O_NOFOLLOW refuses a link planted after the
    path was resolved.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SandboxRefused(f"cannot read {path.name}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SandboxRefused(f"{path.name} is not a regular file")
        if info.st_size > limit:
            raise SandboxRefused(
                f"{path.name} is {info.st_size} bytes, over the {limit} byte limit for schemas"
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise SandboxRefused(f"{path.name} grew past the {limit} byte limit for schemas")
        return b"".join(chunks)
    finally:
        os.close(fd)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


REF_KEYWORDS = ("$ref", "$dynamicRef", "$recursiveRef")
MAX_CLOSURE_FILES = 1000


def closure_digests(path: Path, sandbox: SchemaSandbox) -> tuple[str, ...]:
    """A digest of the schema and of every file its references reach (for the cache key),
    found without loading jsonschema: a run answered from the cache never loads a schema."""
    import json
    from urllib.parse import urldefrag

    seen: set[Path] = set()
    pending = [Path(os.path.realpath(path))]
    found: list[str] = []
    while pending and len(seen) < MAX_CLOSURE_FILES:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            data = sandbox.read(current)
            document = json.loads(data)
        except (SandboxRefused, ValueError, RecursionError):
            found.append(f"{current}:unusable")
            continue
        found.append(f"{current}:{digest(data)}")
        for ref in _refs(document):
            target = urldefrag(ref).url
            if not target or urlsplit(target).scheme:
                continue
            try:
                pending.append(sandbox.checked(current.parent / unquote(target), target))
            except SandboxRefused:
                found.append(f"refused:{target}")
    return tuple(sorted(found))


def _refs(document: object) -> list[str]:
    refs: list[str] = []
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            refs.extend(v for k, v in node.items() if k in REF_KEYWORDS and isinstance(v, str))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return refs
