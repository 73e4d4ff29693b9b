"""Command line: click options -> RunOptions -> :func:`postlint.application.app.start` -> report -> exit code.

The configuration keys that ``check`` can override are declared on their Config fields
(:mod:`postlint.core.config_keys`); the options below are made from those declarations. Exit codes
are in :mod:`postlint.interfaces.cli_output`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from postlint import __version__
from postlint.application.adoption import Adoption, adoption_options
from postlint.core.config_keys import Declared, declared
from postlint.interfaces.cli_output import EXIT_INTERNAL, Report, usage_error
from postlint.report import FORMATS

if TYPE_CHECKING:
    from postlint.application.app import Outcome, Run, RunOptions


class _Group(click.Group):
    """An uncaught exception is an internal error (exit 3), never "problems found" (1)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            _reader_went_away()
        except Exception as exc:
            import traceback

            traceback.print_exc(file=sys.stderr)
            click.echo(f"postlint: internal error: {type(exc).__name__}: {exc}", err=True)
            sys.exit(EXIT_INTERNAL)


def _reader_went_away() -> None:
    """``postlint check | head``: the reader stopped reading; stop quietly, as a shell tool does.

    Standard output is pointed at the null device so that flushing it at exit cannot raise
    again; the exit code is the shell's for a process ended by SIGPIPE.
    """
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_BROKEN_PIPE)


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="postlint")
def main() -> None:
    """postlint: an editorial linter for Markdown posts with front matter."""


def _flagged() -> list[Declared]:
    return [d for d in declared() if d.setting.flag is not None]


def config_flags(command: Callable[..., Any]) -> Callable[..., Any]:
    """One option per configuration key declared with a flag (``--select``, ``--schema``, ...)."""
    for d in reversed(_flagged()):
        flag = d.setting.flag
        assert flag is not None
        extra: dict[str, Any] = {"multiple": True} if flag.multiple else {"default": None}
        if flag.choices:
            extra["type"] = click.Choice(flag.choices)
        if flag.is_path:
            extra["type"] = click.Path(path_type=Path, dir_okay=False)
        if flag.is_flag:
            extra["is_flag"] = True
        command = click.option(f"--{d.key}", d.attr, help=flag.help, **extra)(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_flags  # --select, --extend-select, --ignore, --fail-level, --schema, --baseline, ...
@click.option(
    "--output-format",
    type=click.Choice(tuple(FORMATS)),
    default=None,
    help="How to print diagnostics [default: full on a terminal, concise otherwise].",
)
@click.option("--show-source/--no-show-source", default=None, help="Show the source line.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto")
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
@adoption_options  # --root, --write-baseline, --add-suppressions, --diff-base
def check(paths: tuple[Path, ...], **given: Any) -> None:
    """Check posts (files or folders; default: the current folder; '-' reads standard input)."""
    from postlint.application.app import start
    from postlint.core.config import ConfigError

    adoption = Adoption.of({k: given.pop(k) for k in Adoption.option_names()})
    options = _run_options(given, adoption)
    try:
        run = start(paths, options)
    except ConfigError as exc:
        usage_error(exc)
    if run.discovered and not run.planned and not given["quiet"]:
        click.echo("postlint: warning: no Markdown files found to check", err=True)
    sys.exit(_finish(run, given, adoption))


def _run_options(given: dict[str, Any], adoption: Adoption) -> RunOptions:
    """The run ``check``'s options ask for (the configuration's overrides taken out)."""
    from postlint.application.app import RunOptions
    from postlint.core.config_keys import overrides

    flagged = {d.attr: given.pop(d.attr) for d in _flagged()}
    return RunOptions(
        config_file=given["config_file"],
        isolated=given["isolated"],
        overrides=overrides(flagged),
        jobs=given["jobs"],
        cache=not given["no_cache"],
        fix=given["fix"] or given["fix_only"] or given["diff"],
        unsafe_fixes=given["unsafe_fixes"],
        write=not given["diff"],
        fix_only=given["fix_only"],
        read_stdin=sys.stdin.buffer.read,
        stdin_filename=given["stdin_filename"],
        view=True,
        root=adoption.root,
        recording=adoption.recording,
        diff_base=adoption.diff_base,
    )


def _finish(run: Run, given: dict[str, Any], adoption: Adoption) -> int:
    """Fixed files' diffs and lists, a recorded baseline, or the report: the exit code."""
    from postlint.interfaces import cli_output

    out = sys.stdout
    outcomes: Iterable[Outcome] = _outcomes(run)
    if run.options.fix:
        done = list(outcomes)
        out = _fixed(done, given)
        outcomes = done
        if given["diff"]:
            return cli_output.print_diffs(done, given["quiet"])
    if adoption.recording:
        from postlint.application.adoption import record

        return record(adoption, run.root, ((o.found, o.result) for o in outcomes), given["quiet"])
    names = [f.name for f in Report.__dataclass_fields__.values()]
    return cli_output.report(run, outcomes, Report(**{n: given[n] for n in names}), out)


def _outcomes(run: Run) -> Iterable[Outcome]:
    """The run's outcomes; a configuration mistake found on the way is a usage error."""
    from postlint.core.config import ConfigError

    try:
        yield from run.outcomes()
    except ConfigError as exc:
        usage_error(exc)


def _fixed(done: Sequence[Outcome], given: dict[str, Any]) -> Any:
    """After fixing: errors, the fixed standard input (then the report goes to stderr, like
    ruff), the list of fixes. The stream the report goes to."""
    from postlint.interfaces.cli_output import show_fixes

    out: Any = sys.stdout
    for outcome in done:
        if outcome.error:
            click.echo(f"postlint: error: {outcome.error}", err=True)
        if outcome.data is not None and not given["diff"]:
            sys.stdout.buffer.write(outcome.data)
            sys.stdout.flush()
            out = sys.stderr
    if given["show_fixes"]:
        show_fixes(done, given["diff"])
    return out


def _register() -> None:
    from postlint.interfaces.commands import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_register()
