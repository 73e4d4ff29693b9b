"""The subcommands besides ``check``: rules and their docs, the starter and effective
configuration, the project vocabulary, the language server. Each one is a thin layer over the
module that does the work."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from postlint.interfaces.cli_output import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, usage_error


@click.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def rules_command(output_format: str) -> None:
    """List every rule: code, name, severity, fixability, default state."""
    from postlint.core.rule import discover
    from postlint.report.rules_doc import render_rules_table

    click.echo(render_rules_table(discover(), output_format), nl=False)  # type: ignore[arg-type]


@click.command("rule")
@click.argument("code_or_name")
def rule_command(code_or_name: str) -> None:
    """Show a rule's documentation (by code, name or proselint sub-code)."""
    from postlint.core.rule import discover
    from postlint.core.selection import suggest
    from postlint.report.rules_doc import render_rule_docs

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


@click.command("generate-docs")
@click.argument("folder", type=click.Path(path_type=Path), default=Path("docs/rules"))
@click.option("--check", is_flag=True, help="Exit 1 if the pages are stale; write nothing.")
def generate_docs_command(folder: Path, check: bool) -> None:
    """Write one Markdown page per rule (docs/rules/CODE.md) and an index, from the rule files."""
    from postlint.application.docs_pages import stale_pages, write_pages
    from postlint.core.rule import discover

    rules = discover()
    if check:
        stale = stale_pages(rules, folder)
        for name in stale:
            click.echo(f"stale: {folder / name}")
        sys.exit(EXIT_FINDINGS if stale else EXIT_CLEAN)
    try:
        written = write_pages(rules, folder)
    except OSError as exc:
        usage_error(f"cannot write {folder}: {exc.strerror or exc}")
    click.echo(f"wrote {len(written)} pages to {folder}")


STARTER_CONFIG = """\
# postlint configuration: https://github.com/postlint/postlint/blob/main/docs/configuration.md
# Rules are named by code (FM001), name (schema-violation), prefix (FM, PR1) or proselint
# sub-code (typography.symbols). Run `postlint rules` for the list.

# select = ["FM", "PR", "PS", "PL", "HS"]   # the default: every rule that is on by default
# extend-select = []
ignore = []
# fail-level = "error"                      # error, warning or info
# schema = "schemas/post.schema.json"       # default: the schema of the site's generator
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


@click.command("init")
@click.argument(
    "folder", type=click.Path(path_type=Path, file_okay=False, exists=True), default=Path(".")
)
def init_command(folder: Path) -> None:
    """Write a commented starter postlint.toml."""
    from postlint.application.config_loader import CONFIG_NAMES, _read_table
    from postlint.core.config import ConfigError

    target = folder / "postlint.toml"
    if target.exists():
        usage_error(f"{target} already exists")
    for name in CONFIG_NAMES[1:]:  # postlint.toml would silently take the place of these
        existing = folder / name
        try:
            found = existing.is_file() and _read_table(existing) is not None
        except ConfigError:  # a broken file is still a configuration the user meant to have
            found = True
        if found:
            where = "[tool.postlint] in " if name == "pyproject.toml" else ""
            usage_error(
                f"{where}{existing} already configures postlint here; a postlint.toml would "
                "take its place: edit that one instead"
            )
    try:
        target.write_text(STARTER_CONFIG, encoding="utf-8")
    except OSError as exc:
        usage_error(f"cannot write {target}: {exc.strerror or exc}")
    click.echo(f"wrote {target}")


@click.command("config")
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

    from postlint.application.config_loader import ConfigResolver, config_schema
    from postlint.core.config import ConfigError
    from postlint.core.rule import discover

    rules = discover()
    if print_schema:
        click.echo(json.dumps(config_schema(rules), indent=2))
        return
    if not path.exists():
        usage_error(f"no such file or folder: {path}")
    try:
        resolver = ConfigResolver(rules, explicit=config_file, isolated=isolated)
        config = resolver.config_for(path.absolute())
    except ConfigError as exc:
        usage_error(exc)

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


@click.group("vocabulary")
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
    from postlint.application.config_loader import ConfigResolver
    from postlint.core import vocabulary
    from postlint.core.config import ConfigError
    from postlint.core.rule import discover

    try:
        config = ConfigResolver(discover()).config_for(anchor.absolute())
        path = config.vocabulary.path
        for term in terms:
            changed = vocabulary.add(path, term, rejected=reject, replacement=replacement)
            click.echo(f"{'added' if changed else 'already there'}: {term} ({path})")
    except ConfigError as exc:
        usage_error(exc)


@click.command("server")
def server_command() -> None:
    """Run the language server (LSP over standard input and output) for editors."""
    from postlint.interfaces.server import serve

    serve()


COMMANDS = (
    rules_command,
    rule_command,
    generate_docs_command,
    init_command,
    config_command,
    vocabulary_group,
    server_command,
)
