"""Which rules and sub-codes are on: ruff's model (the most specific selector wins).

A selector is a rule code (``FM001``), a rule name (``schema-violation``), a code prefix
(``FM``, ``PR1``), ``ALL``, or a sub-code path (``typography`` or ``typography.symbols``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from postlint.rule import Rule, RuleSet

_NO_MATCH = -1


def specificity(selector: str, rule: Rule, sub_code: str | None = None) -> int:
    """How precisely ``selector`` names this rule (or this sub-code of it); -1 if not at all."""
    if selector == "ALL":
        return 0
    if sub_code is not None and (sub_code == selector or sub_code.startswith(selector + ".")):
        return 1000 + len(selector)
    if selector in (rule.code, rule.name) or selector.upper() == rule.code:
        return 500
    if selector.isalnum() and rule.code.startswith(selector.upper()):
        return len(selector)
    return _NO_MATCH


def is_known(selector: str, rules: RuleSet) -> bool:
    if selector == "ALL" or selector.startswith("house."):  # house rules are named in the config
        return True
    return any(
        specificity(selector, rule) != _NO_MATCH
        or any(specificity(selector, rule, sub) != _NO_MATCH for sub in rule.sub_codes)
        for rule in rules
    )


def suggest(selector: str, rules: RuleSet) -> str | None:
    """The closest known code, name or sub-code, for "did you mean" messages."""
    matches = difflib.get_close_matches(selector, rules.all_selectors, n=1, cutoff=0.6)
    return matches[0] if matches else None


@dataclass(frozen=True)
class Selection:
    """Selectors in force for one file. Picklable, so worker processes can use it."""

    select: tuple[str, ...] | None = None  # None: every rule that is on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def enabled(self, rule: Rule, sub_code: str | None = None) -> bool:
        best_on = -1 if self.select is not None else (0 if rule.enabled_by_default else -1)
        if self.select is None and not rule.enabled_by_default:
            best_on = -1
        for selector in (*(self.select or ()), *self.extend_select):
            best_on = max(best_on, specificity(selector, rule, sub_code))
        best_off = max((specificity(s, rule, sub_code) for s in self.ignore), default=-1)
        if best_on < 0:
            return False
        return best_off < best_on

    def rule_enabled(self, rule: Rule) -> bool:
        """On for the rule itself, or for any of its sub-codes."""
        if self.enabled(rule):
            return True
        return any(self.enabled(rule, sub) for sub in rule.sub_codes)

    def with_ignored(self, extra: tuple[str, ...]) -> Selection:
        return Selection(self.select, self.extend_select, self.ignore + extra)
