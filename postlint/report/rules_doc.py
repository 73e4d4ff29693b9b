"""Rule listings and rule pages: ``postlint rules``, ``postlint rule CODE`` and ``docs/rules/``.

Everything comes from the rule itself (its metadata, its options dataclass and its
docstring), so the CLI, the generated pages and SARIF's rule help say the same thing.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Literal

from postlint.core.rule import FROM_CONFIG, FixAvailability, Rule, RuleSet

_FIX_TEXT = {
    FixAvailability.NONE: "none",
    FixAvailability.SAFE: "safe (applied by `--fix`)",
    FixAvailability.UNSAFE: "unsafe (applied by `--fix --unsafe-fixes`)",
    FixAvailability.SOMETIMES: "sometimes (safe for some findings, unsafe or none for others)",
}
_TABLE_COLUMNS = ("code", "name", "severity", "fix", "enabled", "summary")


def _row(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.label,
        "fix": rule.fix.value,
        "enabled_by_default": rule.enabled_by_default,
        "summary": rule.summary,
        "docs_url": rule.docs_url,
    }


def render_rules_table(rules: RuleSet, fmt: Literal["text", "json"] = "text") -> str:
    """All rules in code order: code, name, default severity, fix, enabled by default, summary."""
    rows = [_row(rule) for rule in rules]
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt != "text":
        raise ValueError(f"unknown rules table format {fmt!r} (choose from: text, json)")
    cells = [list(_TABLE_COLUMNS)] + [
        [
            row["code"],
            row["name"],
            row["severity"],
            "-" if row["fix"] == FixAvailability.NONE.value else row["fix"],
            "yes" if row["enabled_by_default"] else "no",
            row["summary"],
        ]
        for row in rows
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(_TABLE_COLUMNS) - 1)]
    lines = []
    for line in cells:
        padded = [cell.ljust(width) for cell, width in zip(line[:-1], widths, strict=True)]
        lines.append("  ".join([*padded, line[-1]]).rstrip() + "\n")
    return "".join(lines)


def _literal(value: Any) -> str:
    """An option default as it would be written in the TOML config."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        return "[" + ", ".join(_literal(item) for item in items) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_literal(v)}" for k, v in value.items()) + "}"
    if value is None:
        return "(none)"
    return str(value)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _options_section(rule: Rule) -> list[str]:
    option_fields = tuple(
        f
        for f in (
            dataclasses.fields(rule.options) if dataclasses.is_dataclass(rule.options) else ()
        )
        if not f.metadata.get(FROM_CONFIG)  # filled in from the rest of the configuration
    )
    if not option_fields:
        return ["## Options", "", "This rule has no options."]
    defaults = rule.default_options()
    lines = ["## Options", "", "| Option | Type | Default |", "|---|---|---|"]
    for f in option_fields:
        kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
        default = _literal(getattr(defaults, f.name))
        name = f.name.replace("_", "-")  # as written in [rules.<name>]
        lines.append(f"| `{name}` | `{_cell(kind)}` | `{_cell(default)}` |")
    return lines


def render_rule_docs(rule: Rule) -> str:
    """The rule's page in Markdown: a header with its metadata and options, then its docs."""
    lines = [
        f"# {rule.code}: {rule.name}",
        "",
        _cell(rule.summary),
        "",
        "| | |",
        "|---|---|",
        f"| Code | `{rule.code}` |",
        f"| Name | `{rule.name}` |",
        f"| Default severity | {rule.severity.label} |",
        f"| Enabled by default | {'yes' if rule.enabled_by_default else 'no'} |",
        f"| Fix | {_FIX_TEXT[rule.fix]} |",
    ]
    if rule.sub_codes:
        lines.append(f"| Sub-codes | {', '.join(f'`{_cell(s)}`' for s in rule.sub_codes)} |")
    lines += ["", *_options_section(rule)]
    if rule.docs.strip():
        lines += ["", rule.docs.strip()]
    return "\n".join(lines) + "\n"
