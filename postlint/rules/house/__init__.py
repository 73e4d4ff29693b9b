"""House-style rules written as data in the configuration (Vale's idea: no Python needed).

    [house.kyiv]
    kind = "substitution"
    swap = { Kiev = "Kyiv" }

Kinds: ``existence`` (words, phrases or RE2 patterns that must not appear), ``substitution``
(bad -> preferred, with a safe fix), ``consistency`` (pairs that must not both appear in one
post), ``capitalization`` (sentence or title case for the title and headings) and ``length``
(limits on a front-matter text field). All run as rule HS001 ``house-style``; each diagnostic's
sub-code is ``house.<name>``, the handle for select, ignore, severity and suppression comments.
"""

from postlint.rules.house.patterns import PatternError, compile_user_pattern
from postlint.rules.house.spec import (
    KINDS,
    HouseRule,
    house_rule_schema,
    house_table_schema,
    parse_house_rules,
)

__all__ = [
    "KINDS",
    "HouseRule",
    "PatternError",
    "compile_user_pattern",
    "house_rule_schema",
    "house_table_schema",
    "parse_house_rules",
]
