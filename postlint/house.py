"""House-style rules written as data in the configuration (Vale's idea, no Python needed).

    [tool.postlint.house.kyiv]
    kind = "substitution"
    swap = { Kiev = "Kyiv" }

Kinds: ``existence`` (words, phrases or patterns that must not appear), ``substitution`` (bad ->
preferred, with a safe fix), ``consistency`` (pairs that must not both appear in one post),
``capitalization`` (sentence or title case for the title and headings) and ``length`` (limits
on front-matter text fields). Patterns are RE2: linear time, so no pattern can hang a run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from postlint.config import ConfigError
from postlint.diagnostic import Severity

KINDS = ("existence", "substitution", "consistency", "capitalization", "length")
_COMMON = {"kind", "message", "severity", "ignore-case", "scope"}
_KEYS = {
    "existence": _COMMON | {"tokens", "patterns", "whole-words", "exceptions"},
    "substitution": _COMMON | {"swap", "whole-words"},
    "consistency": _COMMON | {"pairs"},
    "capitalization": _COMMON | {"style", "exceptions"},
    "length": _COMMON | {"field", "max", "min"},
}


@dataclass(frozen=True)
class HouseRule:
    """One user rule; ``name`` is its sub-code (``house.<name>``) for select, ignore and comments."""

    name: str
    kind: str
    message: str = ""
    severity: Severity = Severity.WARNING
    ignore_case: bool = False
    whole_words: bool = True
    tokens: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    swap: tuple[tuple[str, str], ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    style: str = "sentence"
    scope: tuple[str, ...] = ()
    field: str = "title"
    max: int | None = None
    min: int | None = None

    @property
    def sub_code(self) -> str:
        return f"house.{self.name}"


def _fail(path: Path, name: str, message: str) -> ConfigError:
    return ConfigError(f"{path}: house.{name}: {message}")


def compile_pattern(pattern: str, ignore_case: bool) -> Any:
    import re2

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.word_boundary = True
    options.perl_classes = True
    return re2.compile(pattern, options)


def parse_house_rules(path: Path, table: dict[str, Any]) -> tuple[HouseRule, ...]:
    rules = []
    for name, spec in table.items():
        if not isinstance(spec, dict):
            raise _fail(path, name, "must be a table with a 'kind' key")
        kind = spec.get("kind")
        if kind not in KINDS:
            raise _fail(path, name, f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        unknown = sorted(set(spec) - _KEYS[kind])
        if unknown:
            raise _fail(
                path,
                name,
                f"unknown key {unknown[0]!r} for kind {kind!r}; allowed: {', '.join(sorted(_KEYS[kind]))}",
            )
        try:
            severity = Severity.parse(spec.get("severity", "warning"))
        except ValueError as exc:
            raise _fail(path, name, str(exc)) from None
        rule = HouseRule(
            name=name,
            kind=kind,
            message=str(spec.get("message", "")),
            severity=severity,
            ignore_case=bool(spec.get("ignore-case", False)),
            whole_words=bool(spec.get("whole-words", True)),
            tokens=tuple(map(str, spec.get("tokens", ()))),
            patterns=tuple(map(str, spec.get("patterns", ()))),
            exceptions=tuple(map(str, spec.get("exceptions", ()))),
            swap=tuple((str(k), str(v)) for k, v in dict(spec.get("swap", {})).items()),
            pairs=tuple((str(p[0]), str(p[1])) for p in spec.get("pairs", ()) if len(p) == 2),
            style=str(spec.get("style", "sentence")),
            scope=tuple(map(str, spec.get("scope", ()))),
            field=str(spec.get("field", "title")),
            max=spec.get("max"),
            min=spec.get("min"),
        )
        _check(path, rule)
        rules.append(rule)
    return tuple(rules)


def _check(path: Path, rule: HouseRule) -> None:
    if rule.kind == "existence" and not (rule.tokens or rule.patterns):
        raise _fail(path, rule.name, "an existence rule needs 'tokens' or 'patterns'")
    if rule.kind == "substitution" and not rule.swap:
        raise _fail(path, rule.name, "a substitution rule needs 'swap' (a table of bad = good)")
    if rule.kind == "consistency" and not rule.pairs:
        raise _fail(path, rule.name, "a consistency rule needs 'pairs' (a list of two-word lists)")
    if rule.kind == "capitalization" and rule.style not in ("sentence", "title"):
        raise _fail(path, rule.name, "style must be 'sentence' or 'title'")
    if rule.kind == "length" and rule.max is None and rule.min is None:
        raise _fail(path, rule.name, "a length rule needs 'max' or 'min'")
    for pattern in rule.patterns:
        try:
            compile_pattern(pattern, rule.ignore_case)
        except Exception as exc:  # re2.error: the message says what is wrong
            raise _fail(path, rule.name, f"pattern {pattern!r} does not compile: {exc}") from None
