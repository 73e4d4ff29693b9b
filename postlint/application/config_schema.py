"""The JSON Schema of a postlint configuration, generated from the known keys and the rules.

Every rule's options dataclass becomes the schema of ``[rules.<name>]`` (kebab-case keys), so
the schema can never drift from the code. The same schema validates configuration files and is
printed by ``postlint config --schema`` for editors.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from postlint.core.config import MAX_FILE_SIZE_LIMIT, SEVERITIES, ConfigError
from postlint.core.rule import FROM_CONFIG, Rule, RuleSet

__all__ = ["MAX_FILE_SIZE_LIMIT", "SEVERITIES", "config_schema", "options_schema", "validate"]
MAX_CONFIG_INT = 2**63 - 1  # any integer in a configuration file must fit in 64 bits


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


def options_schema(rule: Rule) -> dict[str, Any]:
    """``[rules.<name>]``: the rule's options dataclass, field names in kebab-case."""
    hints = typing.get_type_hints(rule.options)
    props = {
        f.name.replace("_", "-"): _json_type(hints.get(f.name))
        for f in dataclasses.fields(rule.options)
        if not f.metadata.get(FROM_CONFIG)  # filled in from elsewhere (HS001's [house])
    }
    return {"type": "object", "properties": props, "additionalProperties": False}


def config_schema(rules: RuleSet) -> dict[str, Any]:
    """The schema of ``[tool.postlint]`` (or of a postlint.toml's top level): every key
    declared on :class:`~postlint.core.config.Config`."""
    from postlint.core.config_keys import table_schema

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "postlint configuration",
        "type": "object",
        "additionalProperties": False,
        "properties": table_schema(rules),
    }


def validate(
    path: Path, table: Mapping[str, Any], schema: Mapping[str, Any], prefix: str = ""
) -> None:
    """Raise a ConfigError for the first problem: the file, the key and what is allowed."""
    import jsonschema  # here, not at the top: only a run with a configuration file needs it

    _check_numbers(path, table, prefix)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(
        validator.iter_errors(table),
        key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))),
    )
    if not errors:
        return
    error = errors[0]
    where = prefix + ".".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, Mapping):
        allowed = sorted(error.schema.get("properties", {}))
        extra = next(k for k in error.instance if k not in allowed)
        hint = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
        listing = ", ".join(allowed) if len(allowed) <= 24 else "see 'postlint rules'"
        raise ConfigError(
            f"{path}: unknown key {extra!r} in {where or 'the top level'}"
            + (f"; did you mean {hint[0]!r}?" if hint else "")
            + f" (allowed: {listing or 'none'})"
        )
    raise ConfigError(f"{path}: {where or 'the top level'}: {error.message}")


def _check_numbers(path: Path, table: Any, prefix: str = "") -> None:
    """NaN, infinities and integers beyond 64 bits are errors wherever they appear: JSON Schema's
    comparisons let NaN through (``nan > 0`` and ``nan <= 0`` are both false)."""
    import math

    stack: list[tuple[Any, str]] = [(table, prefix)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, Mapping):
            stack.extend((v, f"{where}.{k}" if where else str(k)) for k, v in value.items())
        elif isinstance(value, list | tuple):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(f"{path}: {where or 'the top level'}: {value} is not a usable number")
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_CONFIG_INT:
            raise ConfigError(
                f"{path}: {where or 'the top level'}: {value} is too large (at most {MAX_CONFIG_INT})"
            )
