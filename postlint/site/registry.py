"""The site's closed lists: authors, tags and categories, from data files or `[site]` paths.

A list file may be YAML, JSON, TOML or plain text (one name a line, `#` comments). A mapping
names its entries by its keys (`_data/authors.yml`: `jane: {name: Jane Doe}`), a list by its
items (strings, or mappings with `name`, `id`, `slug` or `title`). Hugo's `data/authors/`
folder names one author a file. A broken file is a located problem, never a crash.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from postlint.site.facts import SiteProblem, load_data

_NAME_KEYS = ("name", "id", "slug", "title", "key")
_DATA_SUFFIXES = (".yml", ".yaml", ".json", ".toml")
MAX_FOLDER_FILES = 10_000


@dataclass(frozen=True)
class Registry:
    """One closed list; ``source`` names where it came from, for messages."""

    kind: str  # "authors", "tags", "categories"
    source: str
    names: frozenset[str] = frozenset()
    problem: SiteProblem | None = None

    def knows(self, name: str) -> bool:
        if name in self.names:
            return True
        folded = name.strip().casefold()
        return any(known.strip().casefold() == folded for known in self.names)


def _names(data: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(data, str):
        for line in data.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                names.add(line)
    elif isinstance(data, dict):
        for key, value in data.items():
            names.add(str(key))
            if isinstance(value, dict):
                names.update(str(value[k]) for k in _NAME_KEYS if isinstance(value.get(k), str))
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, str | int | float):
                names.add(str(item))
            elif isinstance(item, dict):
                names.update(str(item[k]) for k in _NAME_KEYS if isinstance(item.get(k), str))
    return names


def _inside(path: Path, root: Path) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
    except (OSError, ValueError):
        return False


def load_registry(kind: str, path: Path, root: Path) -> Registry:
    display = os.path.relpath(path, root)
    if not _inside(path, root):
        outside = SiteProblem(display, 1, 1, "is outside the site's folder; not read")
        return Registry(kind, display, problem=outside)
    if os.path.isdir(path):
        return _folder_registry(kind, path, display, root)
    data, problem = load_data(path, display)
    if problem is not None:
        return Registry(kind, display, problem=problem)
    return Registry(kind, display, frozenset(_names(data)))


def _folder_registry(kind: str, folder: Path, display: str, root: Path) -> Registry:
    """Hugo's `data/authors/jane.toml`: each file's name (and its `name`) is an author."""
    names: set[str] = set()
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)[:MAX_FOLDER_FILES]
    except OSError as exc:
        return Registry(kind, display, problem=SiteProblem(display, 1, 1, f"cannot read: {exc}"))
    for entry in entries:
        stem, suffix = os.path.splitext(entry.name)
        if suffix.lower() not in _DATA_SUFFIXES or not entry.is_file(follow_symlinks=False):
            continue
        names.add(stem)
        data, problem = load_data(Path(entry.path), os.path.relpath(entry.path, root))
        if problem is not None:
            return Registry(kind, display, frozenset(names), problem)
        if isinstance(data, dict):
            names.update(str(data[k]) for k in _NAME_KEYS if isinstance(data.get(k), str))
    return Registry(kind, display, frozenset(names))


def default_registry_path(kind: str, root: Path, generator: str) -> Path | None:
    """Where the generator's sites keep the list by convention, when it is there."""
    folders = {"jekyll": ("_data",), "hugo": ("data",)}.get(generator, ("_data", "data"))
    for folder in folders:
        base = root / folder
        if kind == "authors" and os.path.isdir(base / "authors"):
            return base / "authors"
        for suffix in (*_DATA_SUFFIXES, ".txt"):
            candidate = base / f"{kind}{suffix}"
            if os.path.isfile(candidate):
                return candidate
    return None
