"""How a top-level configuration key is declared: once, on its :class:`~postlint.core.config.Config`
field, with its doc, its JSON Schema, the conversion from the file's value and its command-line
override, if any. The loader, the generated schema and the CLI all read these declarations, so
a new key is one field and nothing else.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from postlint.core.config import Config
    from postlint.core.rule import RuleSet

SETTING = "postlint.setting"  # the metadata key of a declared field
Schema = Mapping[str, Any] | Callable[["RuleSet"], Mapping[str, Any]]


class Context:
    """What converting one configuration file needs besides a key's value."""

    def __init__(self, path: Path, table: Mapping[str, Any], rules: RuleSet) -> None:
        self.path = path
        self.table = table
        self.rules = rules
        self.root = path.parent.resolve()

    @functools.cached_property
    def house(self) -> tuple[Any, ...]:
        """The house rules (read once: the selectors of every other key may name them)."""
        from postlint.application.config_loader import house_rules

        return house_rules(self.path, self.table, self.root)

    @functools.cached_property
    def house_names(self) -> tuple[str, ...]:
        return tuple(rule.sub_code for rule in self.house)


@dataclass(frozen=True)
class Flag:
    """A ``check`` option that overrides the key for the run."""

    help: str
    parse: Callable[[Any], Any]  # the option's value -> the Config field's value
    multiple: bool = False
    choices: tuple[str, ...] = ()
    is_path: bool = False  # a file's path (not a folder)
    is_flag: bool = False  # on when given, the configuration's value otherwise
    extends: bool = False  # added to the configuration's value rather than put in its place


@dataclass(frozen=True)
class Setting:
    """One key: its doc, schema, conversion, checks and optional command-line flag."""

    doc: str
    schema: Schema
    convert: Callable[[Any, Context], Any] = lambda value, _: value
    check: Callable[[str, Any, Context], None] | None = None
    key: str = ""  # the file's key: the field's name in kebab-case unless given
    also: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # other keys it reads
    always: bool = False  # converted even when the file does not have the key
    flag: Flag | None = None

    def schema_for(self, rules: RuleSet) -> Mapping[str, Any]:
        return self.schema(rules) if callable(self.schema) else self.schema


def declare(**declared: Any) -> dict[str, Setting]:
    """The metadata of a Config field that a configuration file sets."""
    return {SETTING: Setting(**declared)}


@dataclass(frozen=True)
class Declared:
    attr: str  # the Config field
    key: str  # the key in the file
    setting: Setting


def declared() -> Iterator[Declared]:
    """Every declared key, in the order of the Config fields."""
    from postlint.core.config import Config

    for f in dataclasses.fields(Config):
        found = f.metadata.get(SETTING)
        if isinstance(found, Setting):
            yield Declared(f.name, found.key or f.name.replace("_", "-"), found)


def table_schema(rules: RuleSet) -> dict[str, Any]:
    """The ``properties`` of the configuration's schema, from the declarations."""
    props: dict[str, Any] = {}
    for d in declared():
        props[d.key] = dict(d.setting.schema_for(rules))
        props.update(d.setting.also)
    return props


def values_from(table: Mapping[str, Any], context: Context) -> dict[str, Any]:
    """The Config values of a validated table (checks first, so a mistake names the file)."""
    values: dict[str, Any] = {}
    for d in declared():
        present = d.key in table
        if not (present or d.setting.always):
            continue
        value = table.get(d.key)
        if present and d.setting.check is not None:
            d.setting.check(d.key, value, context)
        values[d.attr] = d.setting.convert(value, context)
    return values


def flags() -> list[tuple[str, Flag]]:
    """(option name, flag) of each key the command line can override."""
    return [(f"--{d.key}", d.setting.flag) for d in declared() if d.setting.flag is not None]


def overrides(given: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    """The (field, value) pairs of the flags given; ``given`` is keyed by field name."""
    out: list[tuple[str, Any]] = []
    for d in declared():
        flag, value = d.setting.flag, given.get(d.attr)
        if flag is None or value in (None, (), "") or (flag.is_flag and not value):
            continue  # not given: an absent flag leaves the configuration's value
        out.append((d.attr, flag.parse(value)))
    return tuple(out)


def apply_overrides(config: Config, pairs: Sequence[tuple[str, Any]]) -> Config:
    """Command-line values win over the file's (or are added to them, for extending flags)."""
    if not pairs:
        return config
    by_attr = {d.attr: d.setting for d in declared()}
    values: dict[str, Any] = {}
    for attr, value in pairs:
        flag = by_attr[attr].flag
        extend = flag is not None and flag.extends
        values[attr] = getattr(config, attr) + value if extend else value
    return dataclasses.replace(config, **values)


# --- the conversions and checks the declarations share ------------------------------------


def split(values: Sequence[str]) -> tuple[str, ...]:
    """``--select A,B --select C``: one tuple."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def as_tuple(value: Any, _: Context) -> tuple[Any, ...]:
    return tuple(value)


def check_selectors(key: str, value: Any, context: Context) -> None:
    """Every selector names a rule, a prefix or a sub-code (house rules included)."""
    from postlint.core.config import ConfigError
    from postlint.core.selection import is_known, unknown_message

    for selector in value:
        if not is_known(selector, context.rules, context.house_names):
            message = unknown_message(selector, context.rules, context.house_names)
            raise ConfigError(f"{context.path}: {key}: {message}")


def check_selector_map(key: str, value: Any, context: Context) -> None:
    """A table of selector lists (per-file-ignores) or keyed by selector (severity)."""
    for name, selectors in value.items():
        listed = selectors if isinstance(selectors, list) else [name]
        check_selectors(f"{key}.{name}", listed, context)


def existing_schema(key: str, target: str, context: Context) -> Path:
    """A schema file the configuration names: inside the project, and there."""
    from postlint.core.config import ConfigError
    from postlint.core.schema_sandbox import SchemaSandbox

    root = context.root
    if "\x00" in target:  # no file system path holds one (realpath would raise)
        raise ConfigError(f"{context.path}: {key}: schema file {target!r} holds a NUL character")
    resolved = root / target
    if not SchemaSandbox.at(root).contains(resolved):  # a checkout must not read other files
        raise ConfigError(
            f"{context.path}: {key}: schema file {target!r} is outside the project ({root}); "
            "configuration files may name schemas inside it only (--schema may name any)"
        )
    if not resolved.is_file():
        raise ConfigError(
            f"{context.path}: {key}: schema file {target!r} not found (relative to {root})"
        )
    return resolved


def frozen(value: Any) -> Any:
    """TOML arrays become tuples so Config stays hashable and immutable."""
    if isinstance(value, list):
        return tuple(frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, frozen(v)) for k, v in value.items())
    return value


def rule_option_kwargs(
    rule: Any, given: Mapping[str, Any], *, freeze: bool = True
) -> dict[str, Any]:
    """A rule's keyword arguments from its table: kebab-case or Python names (``freeze``: TOML
    arrays and tables as tuples). The loader's check and the engine both build options with
    it, so a value the loader accepts is the value the run gets."""
    from postlint.core.config import ConfigError

    names = rule.option_names()
    known = {name.replace("_", "-"): name for name in names}
    kwargs: dict[str, Any] = {}
    for key, value in given.items():
        name = known.get(key) or (key if key in names else None)
        if name is None:
            allowed = ", ".join(sorted(known)) or "none"
            raise ConfigError(
                f"unknown option {key!r} for rule {rule.code} ({rule.name}); allowed: {allowed}"
            )
        kwargs[name] = frozen(value) if freeze else value
    return kwargs
