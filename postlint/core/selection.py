"""Which rules and sub-codes are on: ruff's model (the most specific selector wins).

A selector is a rule code (``FM001``), a rule name (``schema-violation``), a code prefix
(``FM``, ``PR1``), ``ALL``, a sub-code path (``typography`` or ``typography.symbols``), or a
sub-code the configuration defines under a rule's ``sub_code_prefix`` (``house.kyiv``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from postlint.core.rule import Rule, RuleSet

_NO_MATCH = -1
_SUB_CODE = 1000  # specificity of a selector that names a sub-code or a part of its path


def specificity(selector: str, rule: Rule, sub_code: str | None = None) -> int:
    """How precisely ``selector`` names this rule (or this sub-code of it); -1 if not at all."""
    if selector == "ALL":
        return 0
    if sub_code is not None and (sub_code == selector or sub_code.startswith(selector + ".")):
        return _SUB_CODE + len(selector)
    if selector in (rule.code, rule.name) or selector.upper() == rule.code:
        return 500
    if selector.isalnum() and rule.code.startswith(selector.upper()):
        return len(selector)
    return _NO_MATCH


def _under_prefix(selector: str, rule: Rule) -> bool:
    prefix = rule.sub_code_prefix
    return bool(prefix) and (selector == prefix or selector.startswith(prefix + "."))


def is_known(
    selector: str, rules: RuleSet, dynamic_sub_codes: tuple[str, ...] | None = None
) -> bool:
    """Does ``selector`` name any rule or sub-code? ``dynamic_sub_codes``: the configuration's
    own sub-codes (``house.kyiv``); None accepts any selector under a rule's sub-code prefix."""
    if selector == "ALL":
        return True
    for rule in rules:
        if specificity(selector, rule) != _NO_MATCH:
            return True
        if any(specificity(selector, rule, sub) != _NO_MATCH for sub in rule.sub_codes):
            return True
        if _under_prefix(selector, rule):
            if dynamic_sub_codes is None or selector == rule.sub_code_prefix:
                return True
            if any(specificity(selector, rule, sub) != _NO_MATCH for sub in dynamic_sub_codes):
                return True
    return False


def suggest(selector: str, rules: RuleSet, dynamic_sub_codes: Iterable[str] = ()) -> str | None:
    """The closest known code, name or sub-code, for "did you mean" messages."""
    known = (*rules.all_selectors, *dynamic_sub_codes)
    typo_free = selector.upper().replace("O", "0").replace("I", "1").replace("L", "1")
    if typo_free in known:  # PR1O1 -> PR101: letters typed for digits
        return typo_free
    matches = difflib.get_close_matches(selector, known, n=1, cutoff=0.6)
    if not matches and selector.upper() != selector:
        matches = difflib.get_close_matches(selector.upper(), known, n=1, cutoff=0.6)
    return matches[0] if matches else None


def unknown_message(
    selector: str, rules: RuleSet, dynamic_sub_codes: tuple[str, ...] | None = None
) -> str:
    """ "unknown rule 'X'; did you mean 'Y'?" (or a pointer to `postlint rules`)."""
    hint = suggest(selector, rules, dynamic_sub_codes or ())
    return f"unknown rule {selector!r}" + (
        f"; did you mean {hint!r}?" if hint else "; see 'postlint rules' for codes and names"
    )


@dataclass(frozen=True)
class Selection:
    """Selectors in force for one file. Picklable, so worker processes can use it."""

    select: tuple[str, ...] | None = None  # None: every rule that is on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def enabled(self, rule: Rule, sub_code: str | None = None) -> bool:
        best_on = 0 if self.select is None and rule.enabled_by_default else _NO_MATCH
        for selector in (*(self.select or ()), *self.extend_select):
            best_on = max(best_on, specificity(selector, rule, sub_code))
        if best_on < 0:
            return False
        best_off = max((specificity(s, rule, sub_code) for s in self.ignore), default=_NO_MATCH)
        return best_off < best_on

    def rule_enabled(self, rule: Rule) -> bool:
        """On for the rule itself, or for any of its sub-codes (known or configured)."""
        if self.enabled(rule):
            return True
        named = (s for s in (*(self.select or ()), *self.extend_select) if _under_prefix(s, rule))
        return any(self.enabled(rule, sub) for sub in (*rule.sub_codes, *named))

    def names_enabled(self, selector: str, rules: RuleSet) -> bool:
        """Does ``selector`` name a rule or sub-code that is on (so its absence means something)?"""
        for rule in rules:
            if specificity(selector, rule) >= 0 and self.rule_enabled(rule):
                return True
            subs = [s for s in rule.sub_codes if specificity(selector, rule, s) >= 0]
            if _under_prefix(selector, rule):
                subs.append(selector)
            if any(self.enabled(rule, sub) for sub in subs):
                return True
        return False

    def names_sub_code(self, rule: Rule, sub_code: str) -> bool:
        """Whether select or extend-select names this sub-code, a part of its path or its rule
        (not only "ALL" or the defaults)."""
        selectors = (*(self.select or ()), *self.extend_select)
        return any(specificity(s, rule, sub_code) > 0 for s in selectors)

    def with_ignored(self, extra: tuple[str, ...]) -> Selection:
        return Selection(self.select, self.extend_select, self.ignore + extra)
