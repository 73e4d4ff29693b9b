"""The resolved configuration of a run: frozen, built once, passed down (never global).

Every key a configuration file may set is declared once, on its field below: its doc, schema,
conversion and command-line flag (:mod:`postlint.core.config_keys` derives the rest from them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postlint.core.config_keys import (
    Context,
    Flag,
    as_tuple,
    check_selector_map,
    check_selectors,
    declare,
    existing_schema,
    frozen,
    rule_option_kwargs,
    split,
)
from postlint.core.diagnostic import Severity
from postlint.core.document import DEFAULT_PROSE_FIELDS
from postlint.core.selection import Selection
from postlint.site.settings import SiteSettings

if TYPE_CHECKING:
    from postlint.core.rule import Rule, RuleSet

DEFAULT_INCLUDE = ("*.md", "*.markdown")
DEFAULT_EXCLUDE = ("node_modules", "_site", "vendor", ".git", ".postlint_cache")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_FILE_SIZE_LIMIT = 1 << 30  # 1 GiB: no post is larger; beyond, reads would overflow
SEVERITIES = [s.label for s in Severity]
_STRINGS = {"type": "array", "items": {"type": "string"}}
_SITE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "enabled": {"type": "boolean"},
        "authors": {"type": "string", "minLength": 1},
        "tags": {"type": "string", "minLength": 1},
        "categories": {"type": "string", "minLength": 1},
    },
}


class ConfigError(Exception):
    """A usage or configuration problem: the CLI prints it and exits with code 2."""


def _rules_schema(rules: RuleSet) -> dict[str, Any]:
    """``[rules.<name>]`` and ``[rules.<CODE>]``: each rule's options dataclass."""
    from postlint.application.config_schema import options_schema

    props: dict[str, Any] = {}
    for rule in rules:
        schema = options_schema(rule)
        props[rule.name] = schema
        props[rule.code] = schema
    return {"type": "object", "properties": props, "additionalProperties": False}


def _check_rule_options(key: str, value: Mapping[str, Any], context: Context) -> None:
    """Build each configured rule's options once, so a bad value names this file."""
    for name, options in value.items():
        rule = context.rules.get(name)
        if rule is None:
            continue
        try:
            rule.options(**rule_option_kwargs(rule, options))
        except (TypeError, ValueError, ConfigError) as exc:
            raise ConfigError(f"{context.path}: {key}.{name}: {exc}") from None


def _house_schema() -> dict[str, Any]:
    from postlint.rules.house import house_table_schema

    return house_table_schema()


def _profiles() -> Any:
    from postlint.site.generator import PROFILES

    return PROFILES


def _formats() -> Any:
    from postlint.report import FORMATS

    return FORMATS


def _vocabulary(root: Path, value: str | None) -> Any:
    from postlint.core import vocabulary

    return vocabulary.for_config(root, value)


def _site_settings(table: Mapping[str, Any], root: Path) -> SiteSettings:
    """``[site]``: list files relative to the configuration file's folder."""
    lists = tuple(
        (kind, str(root / table[kind]))
        for kind in ("authors", "tags", "categories")
        if kind in table
    )
    return SiteSettings(enabled=table.get("enabled", True), lists=lists, root=str(root))


@dataclass(frozen=True)
class Config:
    """Each field that a configuration file sets is declared here once (see config_keys)."""

    select: tuple[str, ...] | None = field(
        default=None,
        metadata=declare(
            doc="Rules to check (codes, names, prefixes, sub-codes); default: every rule on by default.",
            schema=_STRINGS,
            convert=as_tuple,
            check=check_selectors,
            flag=Flag("Rules to check (codes, names, prefixes, sub-codes).", split, multiple=True),
        ),
    )
    extend_select: tuple[str, ...] = field(
        default=(),
        metadata=declare(
            doc="Rules to check in addition to the selected ones.",
            schema=_STRINGS,
            convert=as_tuple,
            check=check_selectors,
            flag=Flag(
                "Rules to check in addition to the defaults.", split, multiple=True, extends=True
            ),
        ),
    )
    ignore: tuple[str, ...] = field(
        default=(),
        metadata=declare(
            doc="Rules not to check.",
            schema=_STRINGS,
            convert=as_tuple,
            check=check_selectors,
            flag=Flag("Rules not to check.", split, multiple=True, extends=True),
        ),
    )
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = field(
        default=(),
        metadata=declare(
            doc="Glob -> rules not to check in the posts it matches.",
            schema={"type": "object", "additionalProperties": _STRINGS},
            convert=lambda value, _: tuple((p, tuple(c)) for p, c in value.items()),
            check=check_selector_map,
        ),
    )
    severity: tuple[tuple[str, Severity], ...] = field(
        default=(),
        metadata=declare(
            doc="Rule or sub-code -> the severity its findings get.",
            schema={"type": "object", "additionalProperties": {"enum": SEVERITIES}},
            convert=lambda value, _: tuple((k, Severity.parse(v)) for k, v in value.items()),
            check=check_selector_map,
        ),
    )
    rule_options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = field(
        default=(),
        metadata=declare(
            key="rules",
            doc="[rules.<name>]: each rule's options, as its options dataclass declares them.",
            schema=_rules_schema,
            convert=lambda value, _: tuple(
                (name, tuple((k, frozen(v)) for k, v in options.items()))
                for name, options in value.items()
            ),
            check=_check_rule_options,
        ),
    )
    fail_level: Severity = field(
        default=Severity.ERROR,
        metadata=declare(
            doc="Lowest severity that makes the exit code 1.",
            schema={"enum": SEVERITIES},
            convert=lambda value, _: Severity.parse(value),
            flag=Flag(
                "Lowest severity that makes the exit code 1 [default: error].",
                Severity.parse,
                choices=("error", "warning", "info"),
            ),
        ),
    )
    schema: Path | None = field(
        default=None,  # None: the bundled post schema
        metadata=declare(
            doc="JSON Schema for front matter (relative to the configuration file).",
            schema={"type": "string", "minLength": 1},
            convert=lambda value, context: existing_schema("schema", value, context),
            flag=Flag(
                "JSON Schema for front matter.", lambda value: Path(value).absolute(), is_path=True
            ),
        ),
    )
    schemas: tuple[tuple[str, Path], ...] = field(
        default=(),  # glob -> schema, first match wins
        metadata=declare(
            doc="Glob -> the JSON Schema for the posts it matches (first match wins).",
            schema={"type": "object", "additionalProperties": {"type": "string"}},
            convert=lambda value, context: tuple(
                (glob, existing_schema(f"schemas.{glob}", target, context))
                for glob, target in value.items()
            ),
        ),
    )
    prose_fields: tuple[str, ...] = field(
        default=DEFAULT_PROSE_FIELDS,
        metadata=declare(
            doc="Front matter fields whose text prose rules check.",
            schema=_STRINGS,
            convert=as_tuple,
        ),
    )
    include: tuple[str, ...] = field(
        default=DEFAULT_INCLUDE,
        metadata=declare(doc="Globs of the posts to check.", schema=_STRINGS, convert=as_tuple),
    )
    exclude: tuple[str, ...] = field(
        default=DEFAULT_EXCLUDE,
        metadata=declare(doc="Globs not to check.", schema=_STRINGS, convert=as_tuple),
    )
    extend_exclude: tuple[str, ...] = field(
        default=(),
        metadata=declare(
            doc="Globs not to check, besides exclude.", schema=_STRINGS, convert=as_tuple
        ),
    )
    max_file_size: int = field(
        default=DEFAULT_MAX_FILE_SIZE,
        metadata=declare(
            doc="Bytes; a larger file is skipped with PL005.",
            schema={"type": "integer", "minimum": 1, "maximum": MAX_FILE_SIZE_LIMIT},
            convert=lambda value, _: int(value),
        ),
    )
    max_diagnostics: int = field(
        default=1000,  # per file; the rest are counted in one PL008 diagnostic
        metadata=declare(
            doc="Diagnostics per file; the rest are counted in one PL008.",
            schema={"type": "integer", "minimum": 1, "maximum": 1_000_000},
            convert=lambda value, _: int(value),
        ),
    )
    time_budget: float = field(
        default=10.0,  # seconds per file; later rules are skipped with PL007
        metadata=declare(
            doc="Seconds per file; later rules are skipped with PL007.",
            schema={"type": "number", "exclusiveMinimum": 0, "maximum": 86_400},
            convert=lambda value, _: float(value),
        ),
    )
    tex_math: bool = field(
        default=False,
        metadata=declare(
            doc="\\[...\\] and \\(...\\) are math on this site, not escaped brackets.",
            schema={"type": "boolean"},
            convert=lambda value, _: bool(value),
        ),
    )
    house: tuple[Any, ...] = field(
        default=(),  # postlint.rules.house.HouseRule: [house.*] and styles files
        metadata=declare(
            doc="[house.<name>] tables and the style files styles names: house-style rules.",
            schema=lambda _: _house_schema(),
            also={"styles": _STRINGS},
            always=True,
            convert=lambda _, context: context.house,
        ),
    )
    profile: str | None = field(
        default=None,  # a generator's name: its facts instead of the detected ones
        metadata=declare(
            doc="A site generator's name: its facts instead of the detected ones.",
            schema=lambda _: {"enum": list(_profiles())},
        ),
    )
    output_format: str | None = field(
        default=None,
        metadata=declare(
            doc="The report format when --output-format is not given.",
            schema=lambda _: {"enum": list(_formats())},
        ),
    )
    vocabulary: Any = field(
        default=None,  # postlint.core.vocabulary.Vocabulary: accepted and rejected terms
        metadata=declare(
            doc="The project vocabulary file: accepted and rejected terms.",
            schema={"type": "string", "minLength": 1},
            always=True,
            convert=lambda value, context: _vocabulary(context.root, value),
        ),
    )
    min_severity: Severity = field(
        default=Severity.INFO,  # findings below it are not shown (nor fail the run)
        metadata=declare(
            doc="Findings below this severity are not shown (nor fail the run).",
            schema={"enum": SEVERITIES},
            convert=lambda value, _: Severity.parse(value),
            flag=Flag(
                "Show only findings at or above this severity [default: info].",
                Severity.parse,
                choices=("error", "warning", "info"),
            ),
        ),
    )
    baseline: Path | None = field(
        default=None,  # may not exist yet: --write-baseline creates it
        metadata=declare(
            doc="Findings recorded in this file are not shown (postlint.application.baseline).",
            schema={"type": "string", "minLength": 1},
            convert=lambda value, context: context.root / value,
            flag=Flag(
                "Report only findings not recorded in this baseline file.", Path, is_path=True
            ),
        ),
    )
    force_exclude: bool = field(
        default=False,
        metadata=declare(
            doc="exclude applies to files named on the command line too.",
            schema={"type": "boolean"},
            convert=lambda value, _: bool(value),
            flag=Flag(
                "Apply exclude and .gitignore to files named on the command line too "
                "(for pre-commit).",
                bool,
                is_flag=True,
            ),
        ),
    )
    root: Path = field(default_factory=Path.cwd)  # relative paths in the config start here
    source: Path | None = None  # the file this config was read from
    site: SiteSettings = field(
        default_factory=SiteSettings,
        metadata=declare(
            doc="[site]: whether site rules run, and the authors/tags/categories list files.",
            schema=_SITE_SCHEMA,
            convert=lambda value, context: _site_settings(value, context.root),
        ),
    )

    def __post_init__(self) -> None:
        # Built from Python, lists are natural: keep them as tuples so a Config stays hashable.
        for name, value in vars(self).items():
            if isinstance(value, list):
                object.__setattr__(self, name, _frozen(value))

    @property
    def selection(self) -> Selection:
        return Selection(self.select, self.extend_select, self.ignore)

    def options_for(self, code: str, name: str) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for key, values in self.rule_options:
            if key in (code, name):
                merged.update(dict(values))
        return merged

    def severity_for(self, rule: Rule, sub_code: str | None) -> Severity | None:
        """The override for a rule or sub-code; the most specific key wins."""
        from postlint.core.selection import specificity

        best, found = -1, None
        for key, level in self.severity:
            score = specificity(key, rule, sub_code)
            if score > best:
                best, found = score, level
        return found


def _frozen(value: Any) -> Any:
    return tuple(_frozen(v) for v in value) if isinstance(value, list | tuple) else value
