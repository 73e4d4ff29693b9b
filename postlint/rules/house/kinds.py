"""The kinds of house rule, each declared once: its keys, how they are read and judged, and
how a rule of that kind is built and checked.

Adding a kind means one :class:`Kind` here (and its functions in ``checks``); the schema,
key validation, parsing, error messages, compiling and checking all read this list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from postlint.rules.house import checks
from postlint.rules.house.model import HouseRule
from postlint.rules.house.patterns import PatternError, compile_user_pattern

if TYPE_CHECKING:
    from postlint.core.diagnostic import Finding
    from postlint.core.document import Document

STYLES = ("sentence", "title")
STRINGS: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}


@dataclass(frozen=True)
class Kind:
    """One kind of house rule."""

    name: str
    keys: dict[str, Any]  # JSON Schema of its own keys (the common ones are added)
    read: Callable[[dict[str, Any]], dict[str, Any]]  # its keys -> HouseRule fields
    problem: Callable[[HouseRule], str | None]  # what a rule of this kind lacks or gets wrong
    compile: Callable[[HouseRule], checks.Compiled]  # patterns built once per run
    check: Callable[[Document, checks.Compiled], Iterator[Finding]]


def _strings(spec: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(map(str, spec.get(key, ())))


def _needs(rule: HouseRule, what: str) -> str:
    return f"a {rule.kind} rule needs {what}"


def _bad_pattern(rule: HouseRule) -> str | None:
    for pattern in rule.patterns:
        try:
            compile_user_pattern(pattern, rule.ignore_case)
        except PatternError as exc:
            return f"pattern {pattern!r} does not compile: {exc}"
    return None


def _length_problem(rule: HouseRule) -> str | None:
    if rule.max is None and rule.min is None:
        return _needs(rule, "'max' or 'min'")
    if rule.max is not None and rule.min is not None and rule.min > rule.max:
        return f"min ({rule.min}) is larger than max ({rule.max})"
    return None


KIND_LIST = (
    Kind(
        "existence",
        {
            "tokens": STRINGS,
            "patterns": STRINGS,
            "whole-words": {"type": "boolean"},
            "exceptions": STRINGS,
        },
        lambda spec: {
            "tokens": _strings(spec, "tokens"),
            "patterns": _strings(spec, "patterns"),
            "exceptions": _strings(spec, "exceptions"),
            "whole_words": bool(spec.get("whole-words", True)),
        },
        lambda rule: (
            _needs(rule, "'tokens' (words or phrases) or 'patterns'")
            if not (rule.tokens or rule.patterns)
            else _bad_pattern(rule)
        ),
        checks.compile_existence,
        checks.check_existence,
    ),
    Kind(
        "substitution",
        {
            "swap": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "minProperties": 1,
            },
            "whole-words": {"type": "boolean"},
            "safe": {"type": "boolean"},
        },
        lambda spec: {
            "swap": tuple((str(k), str(v)) for k, v in dict(spec.get("swap", {})).items()),
            "whole_words": bool(spec.get("whole-words", True)),
            "safe": bool(spec.get("safe", True)),
        },
        lambda rule: None if rule.swap else _needs(rule, "'swap', a table of bad = \"preferred\""),
        checks.compile_substitution,
        checks.check_substitution,
    ),
    Kind(
        "consistency",
        {
            "pairs": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1},
                    "minItems": 2,
                    "maxItems": 2,
                },
            },
        },
        lambda spec: {"pairs": tuple((str(p[0]), str(p[1])) for p in spec.get("pairs", ()))},
        lambda rule: None if rule.pairs else _needs(rule, "'pairs', a list of two-word lists"),
        checks.compile_consistency,
        checks.check_consistency,
    ),
    Kind(
        "capitalization",
        {"style": {"enum": list(STYLES)}, "exceptions": STRINGS},
        lambda spec: {
            "style": str(spec.get("style", "sentence")),
            "exceptions": _strings(spec, "exceptions"),
        },
        lambda rule: (
            None
            if rule.style in STYLES
            else f"style must be one of {', '.join(STYLES)}, not {rule.style!r}"
        ),
        checks.compile_capitalization,
        checks.check_capitalization,
    ),
    Kind(
        "length",
        {
            "field": {"type": "string", "minLength": 1},
            "max": {"type": "integer", "minimum": 0},
            "min": {"type": "integer", "minimum": 0},
        },
        lambda spec: {
            "field": str(spec.get("field", "title")),
            "max": spec.get("max"),
            "min": spec.get("min"),
        },
        _length_problem,
        checks.compile_length,
        checks.check_length,
    ),
)
KINDS = tuple(kind.name for kind in KIND_LIST)
BY_NAME = {kind.name: kind for kind in KIND_LIST}


def compile_rule(rule: HouseRule) -> checks.Compiled:
    return BY_NAME[rule.kind].compile(rule)


def check_rule(doc: Document, compiled: checks.Compiled) -> Iterator[Finding]:
    return BY_NAME[compiled.rule.kind].check(doc, compiled)
