"""Rule metadata and discovery.

A rule is one module under ``postlint.rules`` that defines ``RULE = Rule(...)``; its module
docstring is its documentation. Nothing lists rules by hand: :func:`discover` walks the
package, so adding a rule means adding one file (and its examples folder).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from postlint.core.diagnostic import Finding, Severity

if TYPE_CHECKING:
    from postlint.core.document import Document

DOCS_BASE_URL = "https://github.com/postlint/postlint/blob/main/docs/rules/"


class FixAvailability(StrEnum):
    """What ``--fix`` can do for a rule's findings (shown in ``postlint rules``)."""

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"
    SOMETIMES = "sometimes"  # safe for some findings, unsafe or absent for others


# Field metadata for rule options filled in from the rest of the configuration by a rule's
# ``config_options`` (HS001's house rules, FM013's project root), never from its own
# ``[rules.<name>]`` table: ``field(default=..., metadata={FROM_CONFIG: True})``.
FROM_CONFIG = "postlint-from-config"


def require_count(options: object, *names: str) -> None:
    """For an options dataclass's ``__post_init__``: each named field is a whole number >= 1."""
    for name in names:
        value = getattr(options, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name.replace('_', '-')} must be a whole number of at least 1")


@dataclass(frozen=True)
class NoOptions:
    """For rules that take no options."""


CheckFn = Callable[["Document", Any], Iterable[Finding]]
# Builds a rule's expensive per-run resources once (e.g. compiled patterns) from its options and
# a predicate telling which of its sub-codes are selected; returns the options the check gets.
PrepareFn = Callable[[Any, Callable[[str], bool]], Any]


def _no_findings(doc: Document, options: Any) -> Iterator[Finding]:
    """For rules whose diagnostics the engine itself produces (unreadable file, ...)."""
    return iter(())


@dataclass(frozen=True)
class Rule:
    """A rule's identity, documentation and check. ``check`` must be a pure function."""

    code: str
    name: str
    summary: str
    severity: Severity
    check: CheckFn = _no_findings
    options: type = NoOptions
    fix: FixAvailability = FixAvailability.NONE
    enabled_by_default: bool = True
    docs: str = ""
    sub_codes: tuple[str, ...] = ()  # selectable parts, e.g. proselint check paths
    engine_only: bool = False  # produced by the engine, not by ``check``
    prepare: PrepareFn | None = None
    # Options that come from elsewhere in the configuration (house rules), not from its table.
    config_options: Callable[[Any], dict[str, Any]] | None = None
    # Sub-codes named by the configuration under this prefix (``house`` -> ``house.kyiv``).
    sub_code_prefix: str = ""
    # For a rule that looks at other files: the paths (inside the project) its result depends
    # on, or None when its result must not be cached. The cache keeps their state with it.
    looks_up: Callable[[Document, Any], tuple[str, ...] | None] | None = None
    # A rule that reads the whole site's model (``doc.site_model``): the engine builds it first.
    uses_site: bool = False
    # Codes this rule says more than: when both report the same span, only this one is kept
    # (PR108 "the the" over proselint's lexical illusion). The engine names no rule itself.
    supersedes: tuple[str, ...] = ()

    @property
    def docs_url(self) -> str:
        return f"{DOCS_BASE_URL}{self.code}.md"

    def default_options(self) -> Any:
        return self.options()

    def option_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self.options))


@dataclass(frozen=True)
class RuleSet:
    """All rules known to one run, in code order. Built per run: no global registry."""

    rules: tuple[Rule, ...]
    _by_key: dict[str, Rule] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, Rule] = {}
        for rule in self.rules:
            for key in (rule.code, rule.name):
                if key in by_key:
                    raise ValueError(f"duplicate rule code or name {key!r}")
                by_key[key] = rule
        object.__setattr__(self, "_by_key", by_key)

    def get(self, code_or_name: str) -> Rule | None:
        return self._by_key.get(code_or_name) or self._by_key.get(code_or_name.upper())

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    @cached_property
    def all_selectors(self) -> tuple[str, ...]:
        """Every code, name and sub-code a user may write (for suggestions)."""
        names: list[str] = []
        for rule in self.rules:
            names.extend((rule.code, rule.name, *rule.sub_codes))
        return tuple(names)


def _iter_rule_modules(package: str) -> Iterator[Any]:
    pkg = importlib.import_module(package)
    for info in pkgutil.walk_packages(pkg.__path__, prefix=f"{package}."):
        module = importlib.import_module(info.name)
        if hasattr(module, "RULE"):
            yield module


def discover(package: str = "postlint.rules") -> RuleSet:
    """Import every rule module below ``package`` and collect its ``RULE``."""
    rules: list[Rule] = []
    for module in _iter_rule_modules(package):
        rule: Rule = module.RULE
        if not rule.docs and module.__doc__:
            rule = _with_docs(rule, module.__doc__)
        rules.append(rule)
    rules.sort(key=lambda r: r.code)
    return RuleSet(tuple(rules))


def _with_docs(rule: Rule, docs: str) -> Rule:
    from dataclasses import replace

    return replace(rule, docs=_dedent_docs(docs))


def _dedent_docs(docs: str) -> str:
    import inspect

    return inspect.cleandoc(docs)
