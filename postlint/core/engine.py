"""Lint one file: read it safely, run the selected rules, place and sort their findings.

Everything a run needs (rules, prepared options, loaded schemas) lives in a :class:`Linter`
built from one :class:`Config`; two linters in one process never share state.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from postlint.core import catalog
from postlint.core.config import Config, ConfigError
from postlint.core.diagnostic import Diagnostic, FileResult, Finding, Severity
from postlint.core.document import Document
from postlint.core.patterns import matches
from postlint.core.rule import Rule, RuleSet, discover
from postlint.core.schema_choice import Schemas
from postlint.core.schema_choice import relative_posix as _relative_posix
from postlint.core.selection import Selection
from postlint.core.source import DecodeError, LineIndex, SourceFile, wide_bom
from postlint.rules.system import (
    binary_file,
    file_too_large,
    internal_error,
    invalid_encoding,
    time_budget,
    too_many,
    unreadable_file,
)
from postlint.site.generator import Site, SiteFinder, profile_site
from postlint.site.model import SiteModel
from postlint.site.store import SiteModels

BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    options: Any


class Linter:
    """One run's rules, options and schemas. Build it once, lint many files with it."""

    def __init__(self, config: Config | None = None, rules: RuleSet | None = None) -> None:
        self.config = config or Config()
        self.rules = rules if rules is not None else discover()
        self._active: dict[Selection, tuple[ActiveRule, ...]] = {}
        self._uses_site: dict[Selection, bool] = {}  # whether a selected rule reads the site
        self._fingerprint: str | None = None
        self._sites = SiteFinder(self.config.root)
        self._site_models: SiteModels | None = None
        self._schemas = Schemas(self.config)  # a broken schema the user named fails here
        self._check_selectors()
        self.active_rules(self.config.selection)  # validates rule options early

    # --- setup -----------------------------------------------------------------------------

    def _check_selectors(self) -> None:
        """An unknown code in select/ignore is a mistake, from a file, the CLI or the API."""
        from postlint.core.selection import is_known, unknown_message

        house = tuple(rule.sub_code for rule in self.config.house)
        selectors = (*(self.config.select or ()), *self.config.extend_select, *self.config.ignore)
        for selector in selectors:
            if not is_known(selector, self.rules, house):
                raise ConfigError(unknown_message(selector, self.rules, house))

    def active_rules(self, selection: Selection) -> tuple[ActiveRule, ...]:
        if selection not in self._active:
            active: list[ActiveRule] = []
            for rule in self.rules:
                if rule.engine_only or not selection.rule_enabled(rule):
                    continue
                options = self._options(rule)
                if rule.prepare is not None:
                    options = rule.prepare(options, _SubCodeFilter(selection, rule))
                active.append(ActiveRule(rule, options))
            self._active[selection] = tuple(active)
        return self._active[selection]

    def warm_up(self) -> None:
        """Let rules build their expensive per-run state now (options with a ``warm_up``)."""
        for active in self.active_rules(self.config.selection):
            warm_up = getattr(active.options, "warm_up", None)
            if callable(warm_up):
                warm_up()

    def _options(self, rule: Rule) -> Any:
        from postlint.core.config_keys import rule_option_kwargs

        given = self.config.options_for(rule.code, rule.name)
        kwargs = rule_option_kwargs(rule, given, freeze=False)
        if rule.config_options is not None:
            kwargs.update(rule.config_options(self.config))
        try:
            return rule.options(**kwargs)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"invalid options for rule {rule.code} ({rule.name}): {exc}"
            ) from None

    # --- per file ----------------------------------------------------------------------------

    def selection_for(self, path: str) -> Selection:
        selection = self.config.selection
        if not self.config.per_file_ignores:  # asked several times for every file
            return selection
        relative = _relative_posix(path, self.config.root)
        extra: list[str] = []
        for pattern, codes in self.config.per_file_ignores:
            if _glob_match(relative, pattern):
                extra.extend(codes)
        return selection.with_ignored(tuple(extra)) if extra else selection

    def site_for(self, path: str) -> Site:
        """The site facts for a post: the configured profile, else the detected generator."""
        if self.config.profile is not None:
            return profile_site(self.config.profile)
        return self._sites.site_for(path)

    def lint_source(self, source: SourceFile) -> FileResult:
        """A crash anywhere in here (not only in a rule) is PL001 for this file only."""
        try:
            return self._lint_source(source)
        except Exception as exc:  # a postlint bug must not stop the run or hide the file
            message = internal_error.crashed(exc)
            return FileResult(source.path, (self._internal_error(source, Finding(0, 0, message)),))

    def _internal_error(self, source: SourceFile, finding: Finding) -> Diagnostic:
        """PL001, whatever the selection, ignores and suppressions: a crash is never silent."""
        # a rule set without the system rules (tests) still gets its diagnostic
        rule = self.rules.get(catalog.INTERNAL_ERROR) or internal_error.RULE
        return self._place(source, rule, finding)

    def _lint_source(self, source: SourceFile) -> FileResult:
        from postlint.core import budget

        started = budget.cpu_time()  # the budget covers the whole file, parsing included
        selection = self.selection_for(source.path)
        doc = Document(
            source,
            schemas=self._schemas.choose,
            prose_fields=self.config.prose_fields,
            tex_math=self.config.tex_math,
            site=self.site_for(source.path),
            site_model=self.site_model(source.path),
        )
        diagnostics = self._file_notes(source, doc, selection)
        rules = self.active_rules(selection)
        run = self._run_rules(source, doc, rules, selection, started)
        diagnostics.extend(run.diagnostics)
        if run.cut_short:
            late = Finding(
                0, 0, time_budget.message(self.config.time_budget, run.stopped, run.skipped)
            )
            diagnostics.extend(
                self._engine_diagnostic(source, catalog.TIME_BUDGET_EXCEEDED, late, selection)
            )
        diagnostics = _without_superseded(diagnostics, self.rules)
        if self.config.vocabulary is not None:  # accepted terms silence the word rules
            from postlint.core.vocabulary import without_accepted

            diagnostics = without_accepted(source.text, diagnostics, self.config.vocabulary)
        if "postlint" in source.text:
            diagnostics = self._suppress(source, doc, diagnostics, selection)
        diagnostics.extend(run.internal)  # PL001: after selection and suppression
        diagnostics.sort(key=Diagnostic.sort_key)
        diagnostics = self._capped(source, diagnostics, selection)
        # A result cut short by the budget is never cached: the next run checks it again.
        depends_on = None if run.cut_short else self._depends_on(doc, rules)
        return FileResult(source.path, tuple(diagnostics), depends_on=depends_on)

    def _file_notes(
        self, source: SourceFile, doc: Document, selection: Selection
    ) -> list[Diagnostic]:
        """What the engine says about the file itself: an unusable schema, a UTF-16/32 file."""
        notes: list[Diagnostic] = []
        schema_problem = doc.schema_choice.problem
        if schema_problem is not None:
            notes.extend(
                self._engine_diagnostic(
                    source, catalog.SCHEMA_UNAVAILABLE, schema_problem, selection
                )
            )
        if source.encoding != "utf-8":  # decoded and checked, but generators expect UTF-8
            name = source.encoding_name
            wide = Finding(0, 0, invalid_encoding.not_utf8(name))
            notes.extend(self._engine_diagnostic(source, catalog.INVALID_ENCODING, wide, selection))
        return notes

    def _run_rules(
        self,
        source: SourceFile,
        doc: Document,
        rules: tuple[ActiveRule, ...],
        selection: Selection,
        started: float,
    ) -> _RulesRun:
        """Every active rule within the time budget; a rule that raises becomes PL001."""
        from postlint.core import budget

        run = _RulesRun()
        limit = self.config.time_budget
        deadline = started + limit
        # Once the budget is spent, the rules still to run share a small grace: the cheap ones
        # finish in it, the first expensive one spends it and the rest are skipped.
        grace_end: float | None = None
        with budget.Alarm() as alarm:
            for active in rules:
                rule = active.rule
                now = budget.cpu_time()  # the clock, not the timer, says when the budget is spent
                if now >= deadline:
                    if grace_end is None:
                        grace_end = now + min(1.0, limit * _GRACE)
                    deadline = grace_end
                if now >= deadline:
                    run.skipped.append(rule.code)
                    continue
                try:
                    findings = alarm.run(
                        partial(rule.check, doc, active.options), deadline - now, deadline
                    )
                except budget.BudgetExceeded:
                    run.stopped.append(rule.code)
                    continue
                except Exception as exc:  # a rule bug must not stop the run
                    failed = internal_error.rule_failed(rule.code, rule.name, exc)
                    run.internal.append(self._internal_error(source, Finding(0, 0, failed)))
                    continue
                if findings:
                    self._place_findings(source, rule, findings, selection, run)
        return run

    def _place_findings(
        self,
        source: SourceFile,
        rule: Rule,
        findings: list[Finding],
        selection: Selection,
        run: _RulesRun,
    ) -> None:
        """The selected findings of one rule, placed; a span outside the file is PL001."""
        wanted: dict[str | None, bool] = {}  # by sub-code: thousands of findings share a few
        for finding in findings:
            sub_code = finding.sub_code
            if sub_code not in wanted:
                wanted[sub_code] = selection.enabled(rule, sub_code)
            if not wanted[sub_code]:
                continue
            if not 0 <= finding.start <= finding.end <= len(source.text):
                outside = internal_error.span_outside(
                    rule.code, rule.name, finding.start, finding.end
                )
                bad = Finding(0, 0, outside)
                run.internal.append(self._internal_error(source, bad))
                continue
            run.diagnostics.append(self._place(source, rule, finding))

    def _capped(
        self, source: SourceFile, diagnostics: list[Diagnostic], selection: Selection
    ) -> list[Diagnostic]:
        """At most max-diagnostics, then one PL008 saying how many more there were."""
        limit = self.config.max_diagnostics
        if len(diagnostics) <= limit:
            return diagnostics
        last = diagnostics[limit - 1]
        more = Finding(last.start, last.end, too_many.message(len(diagnostics) - limit, limit))
        return diagnostics[:limit] + self._engine_diagnostic(
            source, catalog.TOO_MANY_DIAGNOSTICS, more, selection
        )

    def _depends_on(
        self, doc: Document, rules: tuple[ActiveRule, ...]
    ) -> tuple[tuple[str, str], ...] | None:
        from postlint.application.files import path_state

        paths: set[str] = set()
        for active in rules:
            if active.rule.looks_up is None:
                continue
            try:
                looked_up = active.rule.looks_up(doc, active.options)
            except Exception:  # reported by its check already; just never cache this result
                return None
            if looked_up is None:
                return None
            paths.update(looked_up)
        return tuple((path, path_state(path)) for path in sorted(paths))

    def _suppress(
        self, source: SourceFile, doc: Document, diagnostics: list[Diagnostic], selection: Selection
    ) -> list[Diagnostic]:
        from postlint.core import suppress

        house = tuple(rule.sub_code for rule in self.config.house)
        kept, unused = suppress.suppress(doc, diagnostics, selection, self.rules, house)
        for finding in unused:
            kept.extend(
                self._engine_diagnostic(source, catalog.UNUSED_SUPPRESSION, finding, selection)
            )
        return kept

    def _place(self, source: SourceFile, rule: Rule, finding: Finding) -> Diagnostic:
        lines = source.lines
        start_pos = lines.position(finding.start)
        end_pos = lines.position(finding.end)
        severity = (
            self.config.severity_for(rule, finding.sub_code) or finding.severity or rule.severity
        )
        return Diagnostic(
            path=source.path,
            code=rule.code,
            name=rule.name,
            severity=severity,
            message=finding.message,
            start=finding.start,
            end=finding.end,
            start_pos=start_pos,
            end_pos=end_pos,
            sub_code=finding.sub_code,
            fix=finding.fix,
            docs_url=rule.docs_url,
            source_line=_excerpt(lines, start_pos.line),
        )

    def _engine_diagnostic(
        self, source: SourceFile, code: str, finding: Finding, selection: Selection
    ) -> list[Diagnostic]:
        rule = self.rules.get(code)
        if rule is None or not selection.enabled(rule):
            return []
        return [self._place(source, rule, finding)]

    def _file_problem(
        self, path: str, code: str, message: str, line: int = 1, column: int = 1
    ) -> FileResult:
        selection = self.selection_for(path)
        rule = self.rules.get(code)
        if rule is None or not selection.enabled(rule):
            return FileResult(path, ())
        from postlint.core.source import Position

        severity = self.config.severity_for(rule, None) or rule.severity
        pos = Position(line, column)
        diagnostic = Diagnostic(
            path=path,
            code=rule.code,
            name=rule.name,
            severity=severity,
            message=message,
            start=0,
            end=0,
            start_pos=pos,
            end_pos=pos,
            docs_url=rule.docs_url,
        )
        return FileResult(path, (diagnostic,))

    file_problem = _file_problem  # public: the runner reports paths it cannot read (PL002)

    def lint_bytes(self, path: str, data: bytes) -> FileResult:
        source = self.decode(path, data)
        return source if isinstance(source, FileResult) else self.lint_source(source)

    def decode(self, path: str, data: bytes) -> SourceFile | FileResult:
        """The post as text, or the result saying why it is not one (too large, binary, not
        UTF-8). Linting and fixing both start here."""
        if len(data) > self.config.max_file_size:
            return self._too_large(path, len(data))
        if b"\x00" in data[:BINARY_SNIFF_BYTES] and wide_bom(data) is None:
            return self._file_problem(
                path,
                catalog.BINARY_FILE,
                binary_file.MESSAGE,
            )
        try:
            return SourceFile.from_bytes(path, data)
        except DecodeError as exc:
            return self._file_problem(
                path, catalog.INVALID_ENCODING, str(exc), exc.line, exc.column
            )

    def _too_large(self, path: str, size: int) -> FileResult:
        limit = self.config.max_file_size
        return self._file_problem(
            path,
            catalog.FILE_TOO_LARGE,
            file_too_large.message(size, limit),
        )

    def read_file(self, path: Path, display: str) -> bytes | FileResult:
        """The file's bytes, or a result saying why it cannot be linted (too large, unreadable)."""
        try:
            size = os.stat(path).st_size
            if size > self.config.max_file_size:
                return self._too_large(display, size)
            with open(path, "rb") as handle:
                data = handle.read(self.config.max_file_size + 1)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            return self._file_problem(
                display, catalog.UNREADABLE_FILE, unreadable_file.message(reason)
            )
        return data

    def lint_file(self, path: Path, display: str | None = None) -> FileResult:
        name = display or str(path)
        data = self.read_file(path, name)
        return data if isinstance(data, FileResult) else self.lint_bytes(name, data)

    def fingerprint(self) -> str:
        """Everything besides a file's bytes that its result depends on (for the cache)."""
        if self._fingerprint is None:
            self._fingerprint = self._compute_fingerprint()
        return self._fingerprint

    def _compute_fingerprint(self) -> str:
        import hashlib

        from postlint.core.rule_fingerprint import rules_fingerprint

        digest = hashlib.sha256(repr(self.config).encode())
        digest.update(rules_fingerprint(self.rules).encode())
        digest.update(self._schemas.digests().encode())
        return digest.hexdigest()

    def site_model(self, path: str, cache_folder: Path | None = None) -> SiteModel | None:
        """The model of the site ``path`` belongs to, when a selected rule reads it (built on
        first use; ``cache_folder`` keeps its per-post entries between runs)."""
        selection = self.selection_for(path)
        uses_site = self._uses_site.get(selection)
        if uses_site is None:
            uses_site = any(a.rule.uses_site for a in self.active_rules(selection))
            self._uses_site[selection] = uses_site
        if not uses_site:
            return None
        if self._site_models is None:
            self._site_models = SiteModels(self.config)
        return self._site_models.model_for(path, cache_folder)

    def fingerprint_for(self, path: str, cache_folder: Path | None = None) -> str:
        """The fingerprint of one file's result: with its site model's digest, if any."""
        model = self.site_model(path, cache_folder)
        return self.fingerprint() if model is None else f"{self.fingerprint()}:{model.digest}"

    def lint_text(self, text: str, path: str = "<text>") -> FileResult:
        """Lint decoded text; offsets and columns count every character of ``text``."""
        return self.lint_source(SourceFile(path, text))

    def lint_many(self, paths: Iterable[tuple[Path, str]]) -> Iterable[FileResult]:
        for path, display in paths:
            yield self.lint_file(path, display)

    def fails(self, result: FileResult) -> bool:
        return any(d.severity >= self.config.fail_level for d in result.diagnostics)


@dataclass
class _RulesRun:
    """What running one file's rules gave: placed diagnostics, PL001s, rules cut short."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal: list[Diagnostic] = field(default_factory=list)
    stopped: list[str] = field(default_factory=list)  # ran out of time while running
    skipped: list[str] = field(default_factory=list)  # not run: no time left

    @property
    def cut_short(self) -> bool:
        return bool(self.stopped or self.skipped)


_GRACE = 0.1  # of the budget, at most a second: the CPU time left for rules after it ran out


MAX_SOURCE_LINE = 1000  # longer lines are not copied into every diagnostic (memory stays flat)


def _excerpt(lines: LineIndex, line: int) -> str:
    start, end = lines.line_span(line)
    return lines.text[start:end] if end - start <= MAX_SOURCE_LINE else ""


@dataclass(frozen=True)
class _SubCodeFilter:
    """Picklable predicate: is this sub-code of ``rule`` selected?"""

    selection: Selection
    rule: Rule

    def __call__(self, sub_code: str) -> bool:
        return self.selection.enabled(self.rule, sub_code)

    def named(self, sub_code: str) -> bool:
        """Selected by name, not only as part of the rule's default set."""
        return self.selection.names_sub_code(self.rule, sub_code)


def _glob_match(relative: str, pattern: str) -> bool:
    """A gitignore pattern, as git and ruff read it (see postlint.core.patterns)."""
    return matches(relative, (pattern,))


def _without_superseded(diagnostics: list[Diagnostic], rules: RuleSet) -> list[Diagnostic]:
    """A diagnostic on exactly the span of a rule that supersedes its code is dropped: the
    more specific rule says more and can often fix it (see ``Rule.supersedes``)."""
    covered: dict[str, set[tuple[int, int]]] = {}
    for diagnostic in diagnostics:
        rule = rules.get(diagnostic.code)
        for code in rule.supersedes if rule is not None else ():
            covered.setdefault(code, set()).add((diagnostic.start, diagnostic.end))
    if not covered:
        return diagnostics
    return [d for d in diagnostics if (d.start, d.end) not in covered.get(d.code, ())]


__all__ = ["Linter", "Severity"]
