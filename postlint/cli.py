"""Command line: click options -> Config/RunOptions -> engine -> reporter -> exit code.

Exit codes: 0 clean, 1 problems at or above the fail level, 2 usage or configuration error,
3 internal error (a PL001 was reported, or postlint itself failed): never 1, which means
"problems found".
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import click

from postlint import __version__
from postlint.adoption import adoption_options
from postlint.report import FORMATS

if TYPE_CHECKING:
    from postlint.diagnostic import FileResult

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
INTERNAL_ERROR_CODE = "PL001"


class _Group(click.Group):
    """An uncaught exception is an internal error (exit 3), never "problems found" (1)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            import traceback

            traceback.print_exc(file=sys.stderr)
            click.echo(f"postlint: internal error: {type(exc).__name__}: {exc}", err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="postlint")
def main() -> None:
    """postlint: an editorial linter for Markdown posts with front matter."""


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--schema", type=click.Path(path_type=Path), help="JSON Schema for front matter.")
@click.option("--select", multiple=True, help="Rules to check (codes, names, prefixes, sub-codes).")
@click.option("--extend-select", multiple=True, help="Rules to check in addition to the defaults.")
@click.option("--ignore", multiple=True, help="Rules not to check.")
@click.option(
    "--output-format",
    type=click.Choice(tuple(FORMATS)),
    default=None,
    help="How to print diagnostics [default: full on a terminal, concise otherwise].",
)
@click.option("--show-source/--no-show-source", default=None, help="Show the source line.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto")
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: error].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found.")
@click.option("--stdin-filename", default=None, help="Name of the post read from standard input.")
@click.option("--statistics", is_flag=True, help="Show counts per rule.")
@click.option("-q", "--quiet", is_flag=True, help="Print diagnostics only, no summary.")
@click.option("-o", "--output-file", type=click.Path(path_type=Path), help="Write the report here.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes [default: 0, one per core].",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write .postlint_cache/.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Use this configuration file only.",
)
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option(
    "--diff", is_flag=True, help="Print a diff of the fixes; write nothing (exit 1 if any)."
)
@click.option("--fix-only", is_flag=True, help="Apply fixes; do not report remaining problems.")
@click.option(
    "--show-fixes",
    is_flag=True,
    help="With --fix or --diff, list each fix: line, rule, before -> after.",
)
@adoption_options  # --root, --force-exclude, --baseline, --write-baseline, --diff-base, ...
def check(
    paths: tuple[Path, ...],
    schema: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str | None,
    show_source: bool | None,
    color: str,
    fail_level: str | None,
    exit_zero: bool,
    stdin_filename: str | None,
    statistics: bool,
    quiet: bool,
    output_file: Path | None,
    jobs: int,
    no_cache: bool,
    config_file: Path | None,
    isolated: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    fix_only: bool,
    show_fixes: bool,
    **adoption_values: Any,
) -> None:
    """Check posts (files or folders; default: the current folder; '-' reads standard input)."""
    from postlint.config import Config, ConfigError
    from postlint.config_loader import ConfigResolver
    from postlint.diagnostic import Severity
    from postlint.report import ReportOptions, stream
    from postlint.rule import discover
    from postlint.runner import LinterPool

    def adjust(config: Config) -> Config:
        """Command-line options win over configuration files."""
        values: dict[str, Any] = {}
        if schema is not None:
            values["schema"] = schema.absolute()
        if select:
            values["select"] = _split(select)
        if extend_select:
            values["extend_select"] = config.extend_select + _split(extend_select)
        if ignore:
            values["ignore"] = config.ignore + _split(ignore)
        if fail_level:
            values["fail_level"] = Severity.parse(fail_level)
        return replace(config, **values) if values else config

    # Like ruff: --stdin-filename alone means the post comes on standard input.
    targets = list(paths) or [Path("-" if stdin_filename else ".")]
    rules = discover()
    resolver = ConfigResolver(rules, explicit=config_file, isolated=isolated, adjust=adjust)
    pool = LinterPool(resolver)
    try:  # the Linter refuses unknown rules, from the command line as from files
        anchor = Path(stdin_filename) if stdin_filename and str(targets[0]) == "-" else targets[0]
        linter = pool.for_path(Path.cwd() / anchor if not anchor.is_absolute() else anchor)
    except ConfigError as exc:
        click.echo(f"postlint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)

    from postlint.adoption import Adoption

    adoption = Adoption.of(adoption_values)
    cwd = Path.cwd()
    view, changed = _result_view(adoption, linter.config, cwd)
    fixing = fix or fix_only or diff
    diffs: list[str] = []
    shown: list[str] = []  # --show-fixes
    candidates: list[Any] = []
    results: Iterable[FileResult]
    out = sys.stdout
    reads_stdin = any(str(p) == "-" for p in targets)
    files = [p for p in targets if str(p) != "-"]  # `check - a.md`: standard input and a.md
    if reads_stdin and files and fixing:
        _usage_error("'-' (standard input) cannot be fixed together with files; fix them apart")
    results = []
    if reads_stdin:
        data = sys.stdin.buffer.read()
        name = stdin_filename or "-"
        if fixing:
            from postlint.fix import fix_bytes

            fixed = fix_bytes(linter, name, data, unsafe=unsafe_fixes)
            results = [fixed.result]
            diffs.append(fixed.diff)
            shown += _listed(show_fixes, name, fixed.applied)
            if not diff:  # like ruff: the post (fixed or as it was) on stdout, report on stderr
                sys.stdout.buffer.write(fixed.data)
                sys.stdout.flush()
                out = sys.stderr
        else:
            results = [linter.lint_bytes(name, data)]
    if files or not reads_stdin:
        from postlint.files import discover_files, in_report_order

        cfg = linter.config
        force = adoption.force_exclude if adoption.force_exclude is not None else cfg.force_exclude
        exclude = (*cfg.exclude, *cfg.extend_exclude)
        found = discover_files(files, cfg.include, exclude, root=cfg.root, force_exclude=force)
        candidates = in_report_order(found)
        if changed is not None:  # --diff-base: only the files that changed
            candidates = [c for c in candidates if changed.touches(view.path_of(c.display))]
        if not candidates and not quiet:
            click.echo("postlint: warning: no Markdown files found to check", err=True)
        try:
            for candidate in candidates:  # a nested configuration file with a mistake stops
                pool.for_path(candidate.path)  # the run here, before anything is written
        except ConfigError as exc:
            _usage_error(exc)
        if fixing:
            results = _fix_all(
                pool, candidates, unsafe_fixes, diff, diffs, shown if show_fixes else None
            )
        else:
            from postlint.cache import ResultCache
            from postlint.runner import default_jobs, lint_all

            cache = None if no_cache else ResultCache.create(Path.cwd())
            linted = lint_all(pool, candidates, jobs=jobs or default_jobs(), cache=cache)
            results = itertools.chain(results, linted)
    if shown:  # on standard error: standard output has the diff, the report or the post
        click.echo("Applied fixes:" if not diff else "Fixes (not written):", err=True)
        click.echo("\n".join(shown), err=True)
    if diff:
        sys.exit(_print_diffs(diffs, list(results), quiet))
    if adoption.write_baseline is not None or adoption.add_suppressions:
        from postlint.adoption import record

        sys.exit(record(adoption, view, results, quiet))
    if fix_only:
        from postlint.fix import only_not_fixed

        results = map(only_not_fixed, results)
    to_terminal = output_file is None and sys.stdout.isatty()
    fmt = output_format or linter.config.output_format or ("full" if to_terminal else "concise")
    from postlint.terminal import color_wanted

    use_color = (
        color_wanted(color, to_terminal, os.environ) if output_file is None else color == "always"
    )
    options = ReportOptions(
        color=use_color,
        show_source=show_source if show_source is not None else fmt == "full",
        statistics=statistics,
        root=view.root,
        rules=linter.rules,
        quiet=quiet,
        unsafe_fixes=unsafe_fixes,
        fix_only=fix_only,
    )
    from postlint import progress

    bar = None
    if progress.wanted(fmt, quiet, sys.stderr, os.environ) and out is sys.stdout:
        bar = progress.Progress(len(candidates), sys.stderr)
    failed = internal = False

    def watched(results: Iterable[FileResult]) -> Iterator[FileResult]:
        """Results as they come: note a failure, move the progress bar."""
        nonlocal failed, internal
        for found in results:
            result = view(found)  # paths relative to the root; baseline, changed lines
            failed = failed or pool.for_path(Path(found.path)).fails(result)
            internal = internal or any(d.code == INTERNAL_ERROR_CODE for d in found.diagnostics)
            if bar is not None:
                bar.advance()
            yield result

    with _output(output_file, out, use_color) as write:
        try:
            for chunk in stream(fmt, watched(results), options):
                if bar is not None:
                    bar.clear()
                write(chunk)
                if bar is not None:  # back under the output just written, so it stays in view
                    bar.redraw()
        except ConfigError as exc:  # a nested configuration file with a mistake
            _usage_error(exc)
        finally:
            if bar is not None:
                bar.clear()
    note = view.closing_note()
    if note and not quiet:
        click.echo(note, err=True)
    if internal:
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_CLEAN)


def _result_view(adoption: Any, config: Any, cwd: Path) -> tuple[Any, Any]:
    """The view of results the adoption options ask for (a usage error when they are wrong)."""
    from postlint.adoption import ResultView
    from postlint.baseline import BaselineError
    from postlint.changed_lines import ChangedLines, DiffBaseError
    from postlint.diagnostic import Severity
    from postlint.paths import report_root

    root = report_root(adoption.root, cwd, os.environ)
    try:
        changed = ChangedLines.since(adoption.diff_base, root) if adoption.diff_base else None
        minimum = Severity.parse(adoption.min_severity) if adoption.min_severity else None
        baseline = adoption.baseline_file or config.baseline
        if adoption.write_baseline is not None or adoption.add_suppressions:
            baseline = None  # recording sees every finding
        view = ResultView.build(root, cwd, baseline, changed, minimum or config.min_severity)
    except (BaselineError, DiffBaseError) as exc:
        _usage_error(exc)
    return view, changed


def _usage_error(exc: Exception | str) -> NoReturn:
    click.echo(f"postlint: error: {exc}", err=True)
    sys.exit(EXIT_USAGE)


@contextlib.contextmanager
def _output(path: Path | None, out: TextIO, color: bool) -> Iterator[Callable[[str], object]]:
    """A writer for the report: ``out`` (colours kept only when asked), or the output file,
    replaced only when the report is complete (a failed run leaves the old one)."""
    if path is None:
        yield lambda chunk: click.echo(chunk, nl=False, file=out, color=color)
        return
    from postlint.atomic import temporary_sibling

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary_sibling(path) as handle:
            yield handle.write
    except OSError as exc:
        _usage_error(f"cannot write {path}: {exc.strerror or exc}")


def _listed(wanted: bool, path: str, applied: Any) -> list[str]:
    from postlint.fix import show_fixes

    return show_fixes(path, applied) if wanted else []


def _fix_all(
    pool: Any,
    candidates: Any,
    unsafe: bool,
    diff: bool,
    diffs: list[str],
    shown: list[str] | None = None,
) -> list[Any]:
    """Fix files one by one (each write is atomic); collect diffs when only diffing (and,
    for --show-fixes, the list of fixes)."""
    from postlint.fix import fix_file

    results = []
    for candidate in candidates:
        linter = pool.for_path(candidate.path)
        if candidate.problem is not None:
            results.append(
                linter._file_problem(
                    candidate.display, "PL002", f"cannot read: {candidate.problem}"
                )
            )
            continue
        outcome = fix_file(linter, candidate.path, candidate.display, unsafe=unsafe, write=not diff)
        if outcome.error:
            click.echo(f"postlint: error: {outcome.error}", err=True)
        diffs.append(outcome.diff)
        if shown is not None:
            shown += _listed(True, candidate.display, outcome.applied)
        results.append(outcome.result)
    return results


def _print_diffs(diffs: list[str], results: list[Any], quiet: bool) -> int:
    """--diff: the diffs on stdout (bytes, line endings as in the files); counts and files
    that could not be read on stderr. Exit 1 when something would change (or was unreadable)."""
    from postlint.fix import NOT_FIXED_CODES

    sys.stdout.buffer.write("".join(diffs).encode("utf-8"))
    sys.stdout.flush()
    problems = [d for r in results for d in r.diagnostics if d.code in NOT_FIXED_CODES]
    for d in problems:
        where = f"{d.path}:{d.start_pos.line}:{d.start_pos.column}"
        click.echo(f"{where}: {d.code} {d.message}", err=True)
    would_fix = sum(r.fixed for r in results)
    if would_fix and not quiet:
        click.echo(f"Would fix {would_fix} problem{'s' if would_fix != 1 else ''}.", err=True)
    if any(d.code == INTERNAL_ERROR_CODE for r in results for d in r.diagnostics):
        return EXIT_INTERNAL
    return EXIT_FINDINGS if any(diffs) or problems else EXIT_CLEAN


@main.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def rules_command(output_format: str) -> None:
    """List every rule: code, name, severity, fixability, default state."""
    from postlint.report.rules_doc import render_rules_table
    from postlint.rule import discover

    click.echo(render_rules_table(discover(), output_format), nl=False)  # type: ignore[arg-type]


@main.command("rule")
@click.argument("code_or_name")
def rule_command(code_or_name: str) -> None:
    """Show a rule's documentation (by code, name or proselint sub-code)."""
    from postlint.report.rules_doc import render_rule_docs
    from postlint.rule import discover
    from postlint.selection import suggest

    rules = discover()
    prefix = code_or_name + "."  # typography.symbols: a group of proselint's checks
    rule = rules.get(code_or_name) or next(
        (r for r in rules if any(s == code_or_name or s.startswith(prefix) for s in r.sub_codes)),
        None,
    )
    if rule is None:
        hint = suggest(code_or_name, rules)
        click.echo(
            f"postlint: error: unknown rule {code_or_name!r}"
            + (f"; did you mean {hint!r}?" if hint else "; see 'postlint rules'"),
            err=True,
        )
        sys.exit(EXIT_USAGE)
    click.echo(render_rule_docs(rule), nl=False)


@main.command("generate-docs")
@click.argument("folder", type=click.Path(path_type=Path), default=Path("docs/rules"))
@click.option("--check", is_flag=True, help="Exit 1 if the pages are stale; write nothing.")
def generate_docs_command(folder: Path, check: bool) -> None:
    """Write one Markdown page per rule (docs/rules/CODE.md) and an index, from the rule files."""
    from postlint.docs_pages import stale_pages, write_pages
    from postlint.rule import discover

    rules = discover()
    if check:
        stale = stale_pages(rules, folder)
        for name in stale:
            click.echo(f"stale: {folder / name}")
        sys.exit(EXIT_FINDINGS if stale else EXIT_CLEAN)
    try:
        written = write_pages(rules, folder)
    except OSError as exc:
        _usage_error(f"cannot write {folder}: {exc.strerror or exc}")
    click.echo(f"wrote {len(written)} pages to {folder}")


STARTER_CONFIG = """\
# postlint configuration: https://github.com/postlint/postlint/blob/main/docs/configuration.md
# Rules are named by code (FM001), name (schema-violation), prefix (FM, PR1) or proselint
# sub-code (typography.symbols). Run `postlint rules` for the list.

# select = ["FM", "PR", "PS", "PL", "HS"]   # the default: every rule that is on by default
# extend-select = []
ignore = []
# fail-level = "error"                      # error, warning or info
# schema = "schemas/post.schema.json"       # default: postlint's Jekyll post schema
# prose-fields = ["title", "excerpt", "description"]
# max-file-size = 10485760
# output-format = "concise"                 # when --output-format is not given
# min-severity = "warning"                  # do not show info findings
# baseline = "lint/postlint-baseline.json"  # written by: postlint check --write-baseline FILE
# force-exclude = true                      # exclude applies to files pre-commit names too
# styles = ["styles/*.toml"]                # house rules in files, one table per rule

# [per-file-ignores]
# "drafts/**" = ["PR110", "placeholder-left"]

# [severity]
# trailing-whitespace = "warning"

# [rules.sentence-length]
# max-words = 40

# [schemas]
# "content/blog/**" = "schemas/blog.schema.json"

# House-style rules, of kinds existence, substitution, consistency, capitalization, length.
# Each one's diagnostics are HS001 with the sub-code house.<name> (select, ignore, suppress it).
# [house.kyiv]
# kind = "substitution"
# swap = { Kiev = "Kyiv" }

# [house.seo-title]
# kind = "length"
# field = "title"
# max = 70
"""


@main.command("init")
@click.argument(
    "folder", type=click.Path(path_type=Path, file_okay=False, exists=True), default=Path(".")
)
def init_command(folder: Path) -> None:
    """Write a commented starter postlint.toml."""
    from postlint.config import ConfigError
    from postlint.config_loader import CONFIG_NAMES, _read_table

    target = folder / "postlint.toml"
    if target.exists():
        _usage_error(f"{target} already exists")
    for name in CONFIG_NAMES[1:]:  # postlint.toml would silently take the place of these
        existing = folder / name
        try:
            found = existing.is_file() and _read_table(existing) is not None
        except ConfigError:  # a broken file is still a configuration the user meant to have
            found = True
        if found:
            where = "[tool.postlint] in " if name == "pyproject.toml" else ""
            _usage_error(
                f"{where}{existing} already configures postlint here; a postlint.toml would "
                "take its place: edit that one instead"
            )
    try:
        target.write_text(STARTER_CONFIG, encoding="utf-8")
    except OSError as exc:
        _usage_error(f"cannot write {target}: {exc.strerror or exc}")
    click.echo(f"wrote {target}")


@main.command("config")
@click.argument("path", type=click.Path(path_type=Path), default=Path("."))
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--isolated", is_flag=True)
@click.option(
    "--schema", "print_schema", is_flag=True, help="Print the JSON Schema of the configuration."
)
def config_command(
    path: Path, config_file: Path | None, isolated: bool, print_schema: bool
) -> None:
    """Print the effective configuration for a post or folder (as JSON)."""
    import dataclasses
    import json

    from postlint.config import ConfigError
    from postlint.config_loader import ConfigResolver, config_schema
    from postlint.rule import discover

    rules = discover()
    if print_schema:
        click.echo(json.dumps(config_schema(rules), indent=2))
        return
    if not path.exists():
        _usage_error(f"no such file or folder: {path}")
    try:
        resolver = ConfigResolver(rules, explicit=config_file, isolated=isolated)
        config = resolver.config_for(path.absolute())
    except ConfigError as exc:
        _usage_error(exc)

    def plain(value: Any) -> Any:
        """Keys as the configuration file writes them (kebab-case)."""
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {
                f.name.replace("_", "-"): plain(getattr(value, f.name))
                for f in dataclasses.fields(value)
            }
        if isinstance(value, tuple | list):
            return [plain(v) for v in value]
        if isinstance(value, Path):
            return str(value)
        if hasattr(value, "label"):
            return value.label
        return value

    shown = plain(config)
    selection = config.selection  # what select/extend-select/ignore add up to
    shown["enabled-rules"] = [
        r.code for r in rules if not r.engine_only and selection.rule_enabled(r)
    ]
    from postlint.site.generator import SiteFinder, describe, profile_site

    post = path.absolute() if path.is_dir() else path.absolute().parent
    site = (
        profile_site(config.profile) if config.profile else SiteFinder(config.root).site_for(post)
    )
    shown["site"] = describe(site, config.profile, config.schema)
    shown["schema"] = shown["site"]["schema"]["path"]  # the one chosen for this post
    click.echo(json.dumps(shown, indent=2, ensure_ascii=False))


@main.group("vocabulary")
def vocabulary_group() -> None:
    """The project vocabulary: accepted and rejected terms, read by check and by the server."""


@vocabulary_group.command("add")
@click.argument("terms", nargs=-1, required=True)
@click.option("--reject", is_flag=True, help="Add the terms as rejected, not accepted.")
@click.option("--use", "replacement", default="", help="With --reject: the replacement.")
@click.option(
    "--for",
    "anchor",
    type=click.Path(path_type=Path),
    default=Path("."),
    help="The post or folder whose configuration names the file [default: .].",
)
def vocabulary_add_command(
    terms: tuple[str, ...], reject: bool, replacement: str, anchor: Path
) -> None:
    """Add terms (a multi-word term is one quoted argument) to the project vocabulary file."""
    from postlint import vocabulary
    from postlint.config import ConfigError
    from postlint.config_loader import ConfigResolver
    from postlint.rule import discover

    try:
        config = ConfigResolver(discover()).config_for(anchor.absolute())
        path = config.vocabulary.path
        for term in terms:
            changed = vocabulary.add(path, term, rejected=reject, replacement=replacement)
            click.echo(f"{'added' if changed else 'already there'}: {term} ({path})")
    except ConfigError as exc:
        _usage_error(exc)


@main.command("server")
def server_command() -> None:
    """Run the language server (LSP over standard input and output) for editors."""
    from postlint.server import serve

    serve()
