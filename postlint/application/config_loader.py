"""Find, read and validate configuration files; build one frozen Config per file found.

Sources, nearest to the post first: ``postlint.toml``, ``.postlint.toml`` (top level) or
``pyproject.toml`` (``[tool.postlint]``) in the post's folder or any parent. ``--config`` names
one file for everything; ``--isolated`` uses none. The file itself is validated against a JSON
Schema generated from the known keys and the rules' option dataclasses, so a typo is an error
naming the file, the key and what is allowed.
"""

from __future__ import annotations

import glob
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from postlint.application.config_schema import config_schema, validate
from postlint.core.config import Config, ConfigError
from postlint.core.rule import RuleSet

CONFIG_NAMES = ("postlint.toml", ".postlint.toml", "pyproject.toml")

__all__ = [
    "CONFIG_NAMES",
    "ConfigResolver",
    "config_schema",
    "find_config_file",
    "load_config_file",
]


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM is no mistake
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _read_table(path: Path) -> dict[str, Any] | None:
    """The postlint table of a config file, or None when a pyproject.toml has none."""
    data = _load_toml(path)
    tool = data.get("tool")
    table = tool.get("postlint") if isinstance(tool, dict) else None
    if path.name == "pyproject.toml":
        return table if isinstance(table, dict) else None
    return table if isinstance(table, dict) else data


def house_rules(path: Path, table: Mapping[str, Any], root: Path) -> tuple[Any, ...]:
    """``[house.<name>]`` tables, then the rules of each style file ``styles`` names."""
    from postlint.rules.house import house_table_schema, parse_house_rules

    found = list(parse_house_rules(path, dict(table.get("house", {}))))
    for pattern in table.get("styles", ()):
        files = [Path(f) for f in sorted(glob.glob(str(root / pattern), recursive=True))]
        files = [f for f in files if f.is_file()]
        if not files:
            raise ConfigError(f"{path}: styles: {pattern!r} names no file (relative to {root})")
        for style in files:
            style_table = _load_toml(style)
            validate(style, style_table, house_table_schema())
            found.extend(parse_house_rules(style, style_table))
    seen: dict[str, str] = {}
    for rule in found:
        if rule.name in seen:
            raise ConfigError(
                f"{rule.source}: house rule {rule.name!r} is already defined in {seen[rule.name]}"
            )
        seen[rule.name] = rule.source
    return tuple(found)


def config_from_table(
    path: Path, table: Mapping[str, Any], rules: RuleSet, base: Config | None = None
) -> Config:
    """A Config from a validated table; relative paths start at the file's folder. Each key's
    conversion and checks are its declaration's, on the Config field."""
    from postlint.core.config_keys import Context, values_from

    validate(path, table, config_schema(rules))
    context = Context(path, table, rules)
    _ = context.house  # first: a mistake in a house rule is reported before the keys naming it
    values = values_from(table, context)
    values.update(root=context.root, source=path)
    if not values.get("house"):
        values.pop("house", None)
    return replace(base or Config(), **values)


def _config_in(folder: Path) -> Path | None:
    """The config file in ``folder`` itself (a pyproject.toml counts only with a table)."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file():
            if name == "pyproject.toml" and _read_table(candidate) is None:
                continue
            return candidate
    return None


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a pyproject.toml counts only with a table)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate_dir in (folder, *folder.parents):
        found = _config_in(candidate_dir)
        if found is not None:
            return found
    return None


def load_config_file(path: Path, rules: RuleSet, base: Config | None = None) -> Config:
    table = _read_table(path)
    return config_from_table(path, table or {}, rules, base)


@dataclass
class ConfigResolver:
    """Per run: which Config applies to a post (nearest file wins), cached per folder."""

    rules: RuleSet
    explicit: Path | None = None
    isolated: bool = False
    adjust: Callable[[Config], Config] | None = None  # command-line options, applied last
    _by_file: dict[Path | None, Config] = field(default_factory=dict)
    _by_folder: dict[Path, Path | None] = field(default_factory=dict)
    _by_written: dict[str, Path | None] = field(default_factory=dict)

    def config_for_source(self, source: Path | None) -> Config:
        """The Config of one configuration file (None: no file), built once per run."""
        if source not in self._by_file:
            base = Config() if source is None else load_config_file(source, self.rules)
            if source is None and not self.isolated:  # no configuration: the default file here
                from postlint.core import vocabulary

                base = replace(base, vocabulary=vocabulary.for_config(base.root, None))
            self._by_file[source] = self.adjust(base) if self.adjust is not None else base
        return self._by_file[source]

    def source_for(self, path: Path) -> Path | None:
        if self.isolated:
            return None
        if self.explicit is not None:
            return self.explicit
        # Keyed by the folder as written first: resolving links costs several system calls, and
        # a run asks this for every file (twice) while folders are few.
        written = os.path.abspath(path if path.is_dir() else path.parent)
        if written not in self._by_written:
            folder = Path(written).resolve()
            self._by_written[written] = self._nearest(folder)
        return self._by_written[written]

    def _nearest(self, folder: Path) -> Path | None:
        """``find_config_file`` of a resolved folder, each folder above it looked at once per
        run: sibling folders share their parents' answer."""
        walked: list[Path] = []
        found: Path | None = None
        for candidate_dir in (folder, *folder.parents):
            if candidate_dir in self._by_folder:
                found = self._by_folder[candidate_dir]
                break
            walked.append(candidate_dir)
            found = _config_in(candidate_dir)
            if found is not None:
                break
        for each in walked:
            self._by_folder[each] = found
        return found

    def config_for(self, path: Path) -> Config:
        return self.config_for_source(self.source_for(path))
