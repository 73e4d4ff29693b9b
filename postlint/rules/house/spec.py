"""House rules as data: the TOML a user writes, checked and turned into frozen HouseRules.

A house rule is a table with a ``kind`` and the keys of that kind (see ``KEYS``). Tables come
from ``[house.<name>]`` in the configuration or from the top level of the style files its
``styles`` key names. The JSON Schema below validates them (it also feeds ``postlint config
--schema``); :func:`parse_house_rules` adds what a schema cannot say, such as whether an RE2
pattern compiles, so every mistake is a ConfigError naming the file and the rule.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from postlint.core.config import ConfigError
from postlint.core.diagnostic import Severity
from postlint.rules.house.kinds import BY_NAME, KIND_LIST, KINDS, STRINGS
from postlint.rules.house.model import HouseRule

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")

_COMMON: dict[str, Any] = {
    "kind": {"enum": list(KINDS)},
    "message": {"type": "string"},
    "severity": {"enum": [s.label for s in Severity]},
    "ignore-case": {"type": "boolean"},
    "scope": STRINGS,
}
KEYS: dict[str, dict[str, Any]] = {kind.name: {**_COMMON, **kind.keys} for kind in KIND_LIST}


def house_rule_schema() -> dict[str, Any]:
    """One house rule table: ``kind`` decides which keys are allowed."""
    return {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": _COMMON["kind"]},
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"properties": keys, "additionalProperties": False},
            }
            for kind, keys in KEYS.items()
        ],
    }


def house_table_schema() -> dict[str, Any]:
    """``[house]``: rule name -> rule table."""
    return {
        "type": "object",
        "propertyNames": {"pattern": f"^{NAME.pattern}$"},
        "additionalProperties": house_rule_schema(),
    }


def _fail(path: Path, name: str, message: str) -> ConfigError:
    return ConfigError(f"{path}: house.{name}: {message}")


def parse_house_rules(path: Path, table: dict[str, Any]) -> tuple[HouseRule, ...]:
    """Rules from a validated ``[house]`` table (or a style file's top level)."""
    rules = []
    for name, spec in table.items():
        if not NAME.fullmatch(name):
            raise _fail(path, name, "a house rule name uses letters, digits, '-' and '_' only")
        if not isinstance(spec, dict):
            raise _fail(path, name, "must be a table with a 'kind' key")
        kind = spec.get("kind")
        if kind not in KINDS:
            raise _fail(path, name, f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        unknown = sorted(set(spec) - set(KEYS[kind]))
        if unknown:
            allowed = ", ".join(sorted(KEYS[kind]))
            raise _fail(
                path, name, f"unknown key {unknown[0]!r} for kind {kind!r}; allowed: {allowed}"
            )
        try:
            severity = Severity.parse(str(spec.get("severity", "warning")))
        except ValueError as exc:
            raise _fail(path, name, str(exc)) from None
        rule = HouseRule(
            name=name,
            kind=kind,
            message=str(spec.get("message", "")),
            severity=severity,
            ignore_case=bool(spec.get("ignore-case", False)),
            scope=tuple(map(str, spec.get("scope", ()))),
            source=str(path),
            **BY_NAME[kind].read(spec),
        )
        problem = BY_NAME[kind].problem(rule)
        if problem is not None:
            raise _fail(path, name, problem)
        rules.append(rule)
    return tuple(rules)
