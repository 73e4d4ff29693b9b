"""The data that flows from rules to reporters. All frozen, all picklable (for ``--jobs``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from postlint.core.source import Position


class Severity(IntEnum):
    """Ordered so that ``severity >= fail_level`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            allowed = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (allowed: {allowed})") from None


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (offsets into the decoded file)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """A set of edits applied together. Unsafe fixes may change meaning; they need opting in."""

    edits: tuple[Edit, ...]
    safe: bool = True
    message: str = ""


@dataclass(frozen=True)
class Finding:
    """What a rule yields: a span in the original text and what is wrong there."""

    start: int
    end: int
    message: str
    fix: Fix | None = None
    sub_code: str | None = None
    severity: Severity | None = None  # overrides the rule's default when set


@dataclass(frozen=True)
class Diagnostic:
    """A finding placed in a file, ready for any reporter."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    start_pos: Position
    end_pos: Position
    sub_code: str | None = None
    fix: Fix | None = None
    docs_url: str = ""
    source_line: str = field(default="", compare=False)

    @property
    def selector(self) -> str:
        """The most precise name a user can select or suppress this diagnostic by."""
        return self.sub_code or self.code

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.start_pos.line, self.start_pos.column, self.code, self.message)


@dataclass(frozen=True)
class FileResult:
    """Everything postlint learned about one file."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    fixed: int = 0  # how many problems ``--fix`` repaired in this file
    fixed_text: str | None = None  # the new text when a fix changed the file
    # Other files the result depends on, as (path, state) pairs seen while checking (FM013's
    # images), so a cached result is used only while they are unchanged; None: never cache.
    depends_on: tuple[tuple[str, str], ...] | None = ()
