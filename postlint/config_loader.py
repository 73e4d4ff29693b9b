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

from postlint.config import Config, ConfigError
from postlint.config_schema import config_schema, validate
from postlint.diagnostic import Severity
from postlint.rule import RuleSet
from postlint.selection import is_known, unknown_message

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


def _check_selectors(
    path: Path, key: str, values: list[str], rules: RuleSet, house: tuple[str, ...]
) -> None:
    for selector in values:
        if not is_known(selector, rules, house):
            raise ConfigError(f"{path}: {key}: {unknown_message(selector, rules, house)}")


def _check_options(path: Path, table: Mapping[str, Any], rules: RuleSet) -> None:
    """Build each configured rule's options once, so a bad value names this file."""
    for key, options in table.get("rules", {}).items():
        rule = rules.get(key)
        if rule is None:
            continue
        kwargs = {k.replace("-", "_"): _frozen(v) for k, v in options.items()}
        try:
            rule.options(**kwargs)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: rules.{key}: {exc}") from None


def _house_rules(path: Path, table: Mapping[str, Any], root: Path) -> tuple[Any, ...]:
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


def _existing(path: Path, key: str, root: Path, target: str) -> Path:
    from postlint.schema_sandbox import SchemaSandbox

    resolved = root / target
    if not SchemaSandbox.at(root).contains(resolved):  # a checkout must not read other files
        raise ConfigError(
            f"{path}: {key}: schema file {target!r} is outside the project ({root}); "
            "configuration files may name schemas inside it only (--schema may name any)"
        )
    if not resolved.is_file():
        raise ConfigError(f"{path}: {key}: schema file {target!r} not found (relative to {root})")
    return resolved


def config_from_table(
    path: Path, table: Mapping[str, Any], rules: RuleSet, base: Config | None = None
) -> Config:
    """A Config from a validated table; relative paths start at the file's folder."""
    validate(path, table, config_schema(rules))
    root = path.parent.resolve()
    house = _house_rules(path, table, root)
    names = tuple(rule.sub_code for rule in house)
    for key in ("select", "extend-select", "ignore"):
        _check_selectors(path, key, list(table.get(key, [])), rules, names)
    for pattern, codes in table.get("per-file-ignores", {}).items():
        _check_selectors(path, f"per-file-ignores.{pattern}", list(codes), rules, names)
    for code in table.get("severity", {}):
        _check_selectors(path, f"severity.{code}", [code], rules, names)
    _check_options(path, table, rules)
    config = base or Config()
    values: dict[str, Any] = {"root": root, "source": path}
    if "select" in table:
        values["select"] = tuple(table["select"])
    for key, attr in (
        ("extend-select", "extend_select"),
        ("ignore", "ignore"),
        ("include", "include"),
        ("exclude", "exclude"),
        ("extend-exclude", "extend_exclude"),
        ("prose-fields", "prose_fields"),
    ):
        if key in table:
            values[attr] = tuple(table[key])
    if "per-file-ignores" in table:
        values["per_file_ignores"] = tuple(
            (p, tuple(c)) for p, c in table["per-file-ignores"].items()
        )
    if "fail-level" in table:
        values["fail_level"] = Severity.parse(table["fail-level"])
    if "severity" in table:
        values["severity"] = tuple((k, Severity.parse(v)) for k, v in table["severity"].items())
    if "rules" in table:
        values["rule_options"] = tuple(
            (name, tuple((k, _frozen(v)) for k, v in options.items()))
            for name, options in table["rules"].items()
        )
    if "schema" in table:
        values["schema"] = _existing(path, "schema", root, table["schema"])
    if "schemas" in table:
        values["schemas"] = tuple(
            (glob, _existing(path, f"schemas.{glob}", root, target))
            for glob, target in table["schemas"].items()
        )
    if "max-file-size" in table:
        values["max_file_size"] = int(table["max-file-size"])
    if "max-diagnostics" in table:
        values["max_diagnostics"] = int(table["max-diagnostics"])
    if "time-budget" in table:
        values["time_budget"] = float(table["time-budget"])
    if "tex-math" in table:
        values["tex_math"] = bool(table["tex-math"])
    if "profile" in table:
        values["profile"] = table["profile"]
    if "output-format" in table:
        values["output_format"] = table["output-format"]
    if "min-severity" in table:
        values["min_severity"] = Severity.parse(table["min-severity"])
    if "baseline" in table:  # may not exist yet: --write-baseline creates it
        values["baseline"] = root / table["baseline"]
    if "force-exclude" in table:
        values["force_exclude"] = bool(table["force-exclude"])
    if house:
        values["house"] = house
    from postlint import vocabulary

    values["vocabulary"] = vocabulary.for_config(root, table.get("vocabulary"))
    if "site" in table:
        values["site"] = _site_settings(table["site"], root)
    return replace(config, **values)


def _site_settings(table: Mapping[str, Any], root: Path) -> Any:
    """``[site]``: list files relative to the configuration file's folder."""
    from postlint.site.settings import SiteSettings

    lists = tuple(
        (kind, str(root / table[kind]))
        for kind in ("authors", "tags", "categories")
        if kind in table
    )
    return SiteSettings(enabled=table.get("enabled", True), lists=lists, root=str(root))


def _frozen(value: Any) -> Any:
    """TOML arrays become tuples so Config stays hashable and immutable."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _frozen(v)) for k, v in value.items())
    return value


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a pyproject.toml counts only with a table)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file():
                if name == "pyproject.toml" and _read_table(candidate) is None:
                    continue
                return candidate
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

    def _config(self, source: Path | None) -> Config:
        if source not in self._by_file:
            base = Config() if source is None else load_config_file(source, self.rules)
            if source is None and not self.isolated:  # no configuration: the default file here
                from postlint import vocabulary

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
            if folder not in self._by_folder:
                self._by_folder[folder] = find_config_file(folder)
            self._by_written[written] = self._by_folder[folder]
        return self._by_written[written]

    def config_for(self, path: Path) -> Config:
        return self._config(self.source_for(path))
