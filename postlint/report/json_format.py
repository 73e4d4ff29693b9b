"""The ``json`` format: postlint's own machine-readable report.

Its shape is documented by ``schemas/postlint-report.schema.json`` (shipped as
``postlint.schemas``). ``version`` changes only when a change would break a consumer; new
optional fields do not need a new version but do need the schema updated.

Offsets count code points in the decoded file (without a BOM); lines and columns are 1-based,
columns count code points; ``end`` is exclusive. Fix edits carry offsets only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from json.encoder import encode_basestring
from typing import Any

from postlint.core.diagnostic import Diagnostic, FileResult, Fix
from postlint.report import json_stream
from postlint.report.base import TOOL_NAME, ReportOptions, Summary
from postlint.report.spool import Spool, slim, without_source

REPORT_VERSION = 1


def _fix(fix: Fix | None) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {
        "message": fix.message,
        "safe": fix.safe,
        "edits": [
            {"start": e.start, "end": e.end, "replacement": e.replacement} for e in fix.edits
        ],
    }


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    return {
        "path": d.path,
        "code": d.code,
        "name": d.name,
        "sub_code": d.sub_code,
        "severity": d.severity.label,
        "message": d.message,
        "start": {"offset": d.start, "line": d.start_pos.line, "column": d.start_pos.column},
        "end": {"offset": d.end, "line": d.end_pos.line, "column": d.end_pos.column},
        "fix": _fix(d.fix),
        "docs_url": d.docs_url,
    }


def _diagnostic_at(d: Diagnostic, depth: int) -> str:
    """``json_stream.dumps_at(_diagnostic(d), depth)``, filled into the shape every
    diagnostic shares (a third of the time); a field of another type goes the general way."""
    values = (d.path, d.code, d.name, d.message, d.docs_url)
    numbers = (d.start, d.start_pos.line, d.start_pos.column, d.end, d.end_pos.line)
    if (
        any(type(value) is not str for value in values)
        or any(type(number) is not int for number in (*numbers, d.end_pos.column))
        or (d.sub_code is not None and type(d.sub_code) is not str)
        or type(d.severity.label) is not str
    ):
        return json_stream.dumps_at(_diagnostic(d), depth)
    close = "\n" + json_stream.INDENT * depth
    field = close + json_stream.INDENT
    inner = field + json_stream.INDENT
    sub_code = "null" if d.sub_code is None else encode_basestring(d.sub_code)
    fix = "null" if d.fix is None else json_stream.dumps_at(_fix(d.fix), depth + 1)
    return (
        f'{{{field}"path": {encode_basestring(d.path)},'
        f'{field}"code": {encode_basestring(d.code)},'
        f'{field}"name": {encode_basestring(d.name)},'
        f'{field}"sub_code": {sub_code},'
        f'{field}"severity": {encode_basestring(d.severity.label)},'
        f'{field}"message": {encode_basestring(d.message)},'
        f'{field}"start": {{{inner}"offset": {d.start:d},{inner}"line": '
        f'{d.start_pos.line:d},{inner}"column": {d.start_pos.column:d}{field}}},'
        f'{field}"end": {{{inner}"offset": {d.end:d},{inner}"line": '
        f'{d.end_pos.line:d},{inner}"column": {d.end_pos.column:d}{field}}},'
        f'{field}"fix": {fix},'
        f'{field}"docs_url": {encode_basestring(d.docs_url)}{close}}}'
    )


def _summary(summary: Summary) -> dict[str, Any]:
    return {
        "problems": summary.problems,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "info": summary.info,
        "files_with_problems": summary.files_with_problems,
        "fixable": {"safe": summary.safe_fixes, "unsafe": summary.unsafe_fixes},
        "fixed": summary.fixed,
    }


def stream(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    """The whole run as one JSON document (UTF-8 text, not ASCII-escaped), in chunks: the
    results wait in a spool on disk, without their source lines, until the last one is in."""
    with Spool(keep=lambda result: without_source(slim(result))) as spool:
        spool.add_all(results)
        yield from json_stream.document(
            [
                ("version", REPORT_VERSION),
                ("tool", {"name": TOOL_NAME, "version": options.tool_version}),
                ("files", len(spool)),
                ("diagnostics", json_stream.array(spool.ordered(), 1, _diagnostic_at)),
                ("summary", _summary(spool.summary)),
            ]
        )
        yield "\n"


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    return "".join(stream(results, options))
