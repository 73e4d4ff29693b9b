"""The ``github`` format: GitHub Actions workflow commands, one annotation per diagnostic.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message`` (``warning`` and
``notice`` for the other severities). Property values escape ``% CR LF : ,``; the message
escapes ``% CR LF``, so every annotation is exactly one line. GitHub takes columns only when
the annotation stays on one line, so multi-line spans carry lines only. ``endColumn`` is the
exclusive end column, as in SARIF.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from postlint.core.diagnostic import Diagnostic, FileResult, Severity
from postlint.report.base import ReportOptions, by_path, in_file_order, repo_path, rule_label

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic, options: ReportOptions) -> str:
    one_line = d.start_pos.line == d.end_pos.line
    properties: list[tuple[str, object]] = [
        ("file", repo_path(d.path, options.root)),
        ("line", d.start_pos.line),
        *([("col", d.start_pos.column)] if one_line else []),
        ("endLine", d.end_pos.line),
        *([("endColumn", d.end_pos.column)] if one_line else []),
    ]
    properties.append(("title", f"{rule_label(d.code, d.sub_code)} {d.name}"))
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{_COMMAND[d.severity]} {props}::{escape_data(d.message)}"


def stream(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    """One chunk of annotations per file with problems."""
    for result in results:
        if result.diagnostics:
            yield "".join(annotation(d, options) + "\n" for d in in_file_order(result))


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    return "".join(stream(by_path(results), options))
