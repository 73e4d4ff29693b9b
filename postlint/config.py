"""The resolved configuration of a run: frozen, built once, passed down (never global)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postlint.diagnostic import Severity
from postlint.document import DEFAULT_PROSE_FIELDS
from postlint.selection import Selection
from postlint.site.settings import SiteSettings

if TYPE_CHECKING:
    from postlint.rule import Rule

DEFAULT_INCLUDE = ("*.md", "*.markdown")
DEFAULT_EXCLUDE = ("node_modules", "_site", "vendor", ".git", ".postlint_cache")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


class ConfigError(Exception):
    """A usage or configuration problem: the CLI prints it and exits with code 2."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    rule_options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    fail_level: Severity = Severity.ERROR
    schema: Path | None = None  # None: the bundled post schema
    schemas: tuple[tuple[str, Path], ...] = ()  # glob -> schema, first match wins
    prose_fields: tuple[str, ...] = DEFAULT_PROSE_FIELDS
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_diagnostics: int = 1000  # per file; the rest are counted in one PL008 diagnostic
    time_budget: float = 10.0  # seconds per file; later rules are skipped with PL007
    tex_math: bool = False  # \[...\] and \(...\) are math on this site, not escaped brackets
    house: tuple[Any, ...] = ()  # postlint.rules.house.HouseRule: [house.*] and styles files
    profile: str | None = None  # a generator's name: its facts instead of the detected ones
    output_format: str | None = None  # the report format when --output-format is not given
    vocabulary: Any = None  # postlint.vocabulary.Vocabulary: accepted and rejected terms
    min_severity: Severity = Severity.INFO  # findings below it are not shown (nor fail the run)
    baseline: Path | None = None  # findings recorded here are not shown (postlint.baseline)
    force_exclude: bool = False  # exclude applies to files named on the command line too
    root: Path = field(default_factory=Path.cwd)  # relative paths in the config start here
    source: Path | None = None  # the file this config was read from
    site: SiteSettings = field(default_factory=SiteSettings)  # the [site] table

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
        from postlint.selection import specificity

        best, found = -1, None
        for key, level in self.severity:
            score = specificity(key, rule, sub_code)
            if score > best:
                best, found = score, level
        return found


def _frozen(value: Any) -> Any:
    return tuple(_frozen(v) for v in value) if isinstance(value, list | tuple) else value
