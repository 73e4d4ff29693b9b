"""A house rule as the configuration gives it: frozen data, shared by every kind."""

from __future__ import annotations

from dataclasses import dataclass

from postlint.core.diagnostic import Severity

# Where each kind looks when ``scope`` is not given: the prose body and the prose fields.
DEFAULT_SCOPE = ("body", "fields")


@dataclass(frozen=True)
class HouseRule:
    """One user rule. Its diagnostics carry the sub-code ``house.<name>`` (select, ignore,
    suppress and override its severity by that name)."""

    name: str
    kind: str
    message: str = ""
    severity: Severity = Severity.WARNING
    ignore_case: bool = False
    whole_words: bool = True
    scope: tuple[str, ...] = ()
    tokens: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    swap: tuple[tuple[str, str], ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    style: str = "sentence"
    field: str = "title"
    max: int | None = None
    min: int | None = None
    safe: bool = True  # substitution: the house declares its swaps safe to apply unread
    source: str = ""  # the file that defined it, for messages

    @property
    def sub_code(self) -> str:
        return f"house.{self.name}"

    def in_scope(self, where: str) -> bool:
        """``where``: "body", "headings" or a front-matter key; "fields" means every prose field."""
        scope = self.scope or DEFAULT_SCOPE
        if where in scope:
            return True
        return where not in ("body", "headings") and "fields" in scope
