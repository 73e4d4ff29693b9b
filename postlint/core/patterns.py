"""Path patterns as git reads .gitignore (and as ruff reads exclude): one meaning everywhere.

``exclude``, ``extend-exclude``, ``per-file-ignores`` and ``schemas`` keys are gitignore
patterns relative to the configuration file's folder: ``drafts`` matches a file or folder of
that name at any depth, ``content/*.md`` only files directly in ``content/``, ``**/*.md`` every
post including one beside the config, ``/top.md`` only at the top, ``!keep.md`` re-includes.
pathspec implements git's rules; compiled specs are kept per pattern list (immutable values).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec


@functools.lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # 0.05 s to import: only runs with patterns to match pay it

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def matches(relative: str, patterns: Iterable[str], folder: bool = False) -> bool:
    """Whether the root-relative posix path ``relative`` (a folder when ``folder``) matches."""
    patterns = tuple(patterns)
    if not patterns:
        return False
    spec = _compiled(patterns)
    if not relative.isascii():  # a name that is not UTF-8 (surrogate escapes): match it as
        relative = relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return bool(spec.match_file(relative + "/" if folder else relative))


def relative_to(path: Path | str, root: Path) -> str | None:
    """``path`` relative to ``root`` in posix form (links not resolved), or None outside it."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
    except ValueError:
        return None
    return PurePosixPath(relative).as_posix()


def excluded(path: Path | str, root: Path, patterns: Iterable[str], folder: bool = False) -> bool:
    """Whether ``path`` or a folder holding it is excluded (outside root: by its name only)."""
    relative = relative_to(path, root)
    if relative is None:
        relative = Path(path).name
    if not relative or relative == ".":
        return False
    parts = relative.split("/")
    return any(
        matches("/".join(parts[: n + 1]), patterns, folder=folder or n < len(parts) - 1)
        for n in range(len(parts))
    )
