"""The kinds of house rule, each declared once: its keys, what it needs, its build and check.

Adding a kind means one :class:`Kind` here (and its functions in ``checks``); the schema,
the key validation, the "needs" error, compiling and checking all read this list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from postlint.rules.house import checks
from postlint.rules.house.model import HouseRule

if TYPE_CHECKING:
    from postlint.diagnostic import Finding
    from postlint.document import Document

STYLES = ("sentence", "title")
STRINGS: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}


@dataclass(frozen=True)
class Kind:
    """One kind of house rule."""

    name: str
    keys: dict[str, Any]  # JSON Schema of its own keys (the common ones are added)
    given: Callable[[HouseRule], bool]  # does a rule give what this kind needs?
    needs: str  # ... and what that is, for the error message
    compile: Callable[[HouseRule], checks.Compiled]  # patterns built once per run
    check: Callable[[Document, checks.Compiled], Iterator[Finding]]


KIND_LIST = (
    Kind(
        "existence",
        {
            "tokens": STRINGS,
            "patterns": STRINGS,
            "whole-words": {"type": "boolean"},
            "exceptions": STRINGS,
        },
        lambda rule: bool(rule.tokens or rule.patterns),
        "'tokens' (words or phrases) or 'patterns'",
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
        lambda rule: bool(rule.swap),
        "'swap', a table of bad = \"preferred\"",
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
        lambda rule: bool(rule.pairs),
        "'pairs', a list of two-word lists",
        checks.compile_consistency,
        checks.check_consistency,
    ),
    Kind(
        "capitalization",
        {"style": {"enum": list(STYLES)}, "exceptions": STRINGS},
        lambda rule: True,
        "",
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
        lambda rule: rule.max is not None or rule.min is not None,
        "'max' or 'min'",
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
