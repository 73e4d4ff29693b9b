"""Find, read and validate configuration files; build one frozen Config per file found.

Sources, nearest to the post first: ``postlint.toml``, ``.postlint.toml`` (top level) or
``pyproject.toml`` (``[tool.postlint]``) in the post's folder or any parent. ``--config`` names
one file for everything; ``--isolated`` uses none. The file itself is validated against a JSON
Schema generated from the known keys and the rules' option dataclasses, so a typo is an error
naming the file, the key and what is allowed.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jsonschema

from postlint.config import Config, ConfigError
from postlint.diagnostic import Severity
from postlint.rule import RuleSet
from postlint.selection import is_known, suggest

CONFIG_NAMES = ("postlint.toml", ".postlint.toml", "pyproject.toml")
_SEVERITIES = [s.label for s in Severity]


def _json_type(annotation: Any) -> dict[str, Any]:
    origin = typing.get_origin(annotation)
    if annotation in (bool, "bool"):
        return {"type": "boolean"}
    if annotation in (int, "int"):
        return {"type": "integer"}
    if annotation in (float, "float"):
        return {"type": "number"}
    if annotation in (str, "str"):
        return {"type": "string"}
    if origin in (tuple, list):
        args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
        items = _json_type(args[0]) if args else {}
        return {"type": "array", "items": items}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_json_type(a) for a in typing.get_args(annotation)]}
    return {}


def _options_schema(rule_options: type) -> dict[str, Any]:
    hints = typing.get_type_hints(rule_options)
    props = {
        f.name.replace("_", "-"): _json_type(hints.get(f.name))
        for f in dataclasses.fields(rule_options)
    }
    return {"type": "object", "properties": props, "additionalProperties": False}


def config_schema(rules: RuleSet) -> dict[str, Any]:
    """The JSON Schema of ``[tool.postlint]``, generated from the rules (also `postlint config --schema`)."""
    strings = {"type": "array", "items": {"type": "string"}}
    rule_props: dict[str, Any] = {}
    for rule in rules:
        schema = _options_schema(rule.options)
        rule_props[rule.name] = schema
        rule_props[rule.code] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "postlint configuration",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "select": strings,
            "extend-select": strings,
            "ignore": strings,
            "per-file-ignores": {"type": "object", "additionalProperties": strings},
            "include": strings,
            "exclude": strings,
            "extend-exclude": strings,
            "fail-level": {"enum": _SEVERITIES},
            "severity": {"type": "object", "additionalProperties": {"enum": _SEVERITIES}},
            "rules": {"type": "object", "properties": rule_props, "additionalProperties": False},
            "schema": {"type": "string"},
            "schemas": {"type": "object", "additionalProperties": {"type": "string"}},
            "prose-fields": strings,
            "max-file-size": {"type": "integer", "minimum": 1},
            "max-diagnostics": {"type": "integer", "minimum": 1},
            "time-budget": {"type": "number", "exclusiveMinimum": 0},
            "output-format": {"type": "string"},
            "house": {"type": "object"},
        },
    }


def _read_table(path: Path) -> dict[str, Any] | None:
    """The postlint table of a config file, or None when a pyproject.toml has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("postlint")
        return table if isinstance(table, dict) else None
    return data.get("tool", {}).get("postlint", data) if "tool" in data else data


def _validate(path: Path, table: Mapping[str, Any], rules: RuleSet) -> None:
    validator = jsonschema.Draft202012Validator(config_schema(rules))
    errors = sorted(validator.iter_errors(table), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    error = errors[0]
    where = ".".join(str(p) for p in error.absolute_path) or "(top level)"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))  # type: ignore[union-attr]
        extra = [k for k in error.instance if k not in allowed]
        raise ConfigError(
            f"{path}: unknown key {extra[0]!r} in {where}; allowed: {', '.join(allowed)}"
        )
    raise ConfigError(f"{path}: {where}: {error.message}")


def _check_selectors(path: Path, key: str, values: list[str], rules: RuleSet) -> None:
    for selector in values:
        if not is_known(selector, rules):
            hint = suggest(selector, rules)
            raise ConfigError(
                f"{path}: {key}: unknown rule {selector!r}"
                + (f"; did you mean {hint!r}?" if hint else "; see 'postlint rules'")
            )


def config_from_table(
    path: Path, table: Mapping[str, Any], rules: RuleSet, base: Config | None = None
) -> Config:
    """A Config from a validated table; relative paths start at the file's folder."""
    _validate(path, table, rules)
    root = path.parent.resolve()
    for key in ("select", "extend-select", "ignore"):
        _check_selectors(path, key, list(table.get(key, [])), rules)
    for pattern, codes in table.get("per-file-ignores", {}).items():
        _check_selectors(path, f"per-file-ignores.{pattern}", list(codes), rules)
    for code in table.get("severity", {}):
        _check_selectors(path, f"severity.{code}", [code], rules)
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
        values["schema"] = root / table["schema"]
    if "schemas" in table:
        values["schemas"] = tuple(
            (glob, root / target) for glob, target in table["schemas"].items()
        )
    if "max-file-size" in table:
        values["max_file_size"] = int(table["max-file-size"])
    if "max-diagnostics" in table:
        values["max_diagnostics"] = int(table["max-diagnostics"])
    if "time-budget" in table:
        values["time_budget"] = float(table["time-budget"])
    if "house" in table:
        from postlint.house import parse_house_rules

        values["house"] = parse_house_rules(path, table["house"])
    return replace(config, **values)


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

    def _config(self, source: Path | None) -> Config:
        if source not in self._by_file:
            base = Config() if source is None else load_config_file(source, self.rules)
            self._by_file[source] = self.adjust(base) if self.adjust is not None else base
        return self._by_file[source]

    def source_for(self, path: Path) -> Path | None:
        if self.isolated:
            return None
        if self.explicit is not None:
            return self.explicit
        folder = (path if path.is_dir() else path.parent).resolve()
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config_file(folder)
        return self._by_folder[folder]

    def config_for(self, path: Path) -> Config:
        return self._config(self.source_for(path))
