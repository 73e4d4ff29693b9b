"""A cached FileResult as JSON, and the strict check that turns JSON back into one.

Reporters trust a FileResult's types (an int line, a str message); a cache entry is a file on
disk. So reading accepts exactly the shape writing produces, with every field of the right
type and every number in range; anything else is None (a miss), never an exception.
"""

from __future__ import annotations

from typing import Any

from postlint.core.diagnostic import Diagnostic, Edit, FileResult, Fix, Severity
from postlint.core.source import Position

MAX_INT = 2**53  # offsets, lines and columns: far beyond any file postlint reads
_SEVERITIES = {s.label: s for s in Severity}


class _Invalid(Exception):
    pass


def _pos(p: Position) -> list[int]:
    return [p.line, p.column]


def _fix_to_json(fix: Fix | None) -> Any:
    if fix is None:
        return None
    return {
        "safe": fix.safe,
        "message": fix.message,
        "edits": [[e.start, e.end, e.replacement] for e in fix.edits],
    }


def result_to_json(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "diagnostics": [
            {
                "code": d.code,
                "name": d.name,
                "severity": d.severity.label,
                "message": d.message,
                "span": [d.start, d.end],
                "start": _pos(d.start_pos),
                "end": _pos(d.end_pos),
                "sub_code": d.sub_code,
                "fix": _fix_to_json(d.fix),
                "docs_url": d.docs_url,
                "source_line": d.source_line,
            }
            for d in result.diagnostics
        ],
        "depends_on": [list(pair) for pair in result.depends_on or ()],
    }


def result_from_json(data: Any) -> FileResult | None:
    """The FileResult ``data`` describes, or None when it is not exactly that shape."""
    try:
        return _result(data)
    except _Invalid:
        return None


def _need(ok: bool) -> None:
    if not ok:
        raise _Invalid


def _str(value: Any) -> str:
    _need(isinstance(value, str))
    return str(value)


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any, low: int = 0) -> int:
    _need(type(value) is int and low <= value <= MAX_INT)
    return int(value)


def _list(value: Any, length: int | None = None) -> list[Any]:
    _need(isinstance(value, list) and (length is None or len(value) == length))
    return list(value)


def _dict(value: Any, keys: set[str]) -> dict[str, Any]:
    _need(isinstance(value, dict) and set(value) == keys)
    return dict(value)


def _position(value: Any) -> Position:
    line, column = _list(value, 2)
    return Position(_int(line, 1), _int(column, 1))


def _fix(value: Any) -> Fix | None:
    if value is None:
        return None
    data = _dict(value, {"safe", "message", "edits"})
    _need(isinstance(data["safe"], bool))
    edits = []
    for edit in _list(data["edits"]):
        start, end, replacement = _list(edit, 3)
        edits.append(Edit(_int(start), _int(end), _str(replacement)))
        _need(edits[-1].start <= edits[-1].end)
    return Fix(tuple(edits), safe=data["safe"], message=_str(data["message"]))


_DIAGNOSTIC_KEYS = {
    "code",
    "name",
    "severity",
    "message",
    "span",
    "start",
    "end",
    "sub_code",
    "fix",
    "docs_url",
    "source_line",
}


def _diagnostic(path: str, value: Any) -> Diagnostic:
    d = _dict(value, _DIAGNOSTIC_KEYS)
    severity = _SEVERITIES.get(_str(d["severity"]))
    _need(severity is not None)
    assert severity is not None
    start, end = _list(d["span"], 2)
    start_offset, end_offset = _int(start), _int(end)
    _need(start_offset <= end_offset)
    return Diagnostic(
        path=path,
        code=_str(d["code"]),
        name=_str(d["name"]),
        severity=severity,
        message=_str(d["message"]),
        start=start_offset,
        end=end_offset,
        start_pos=_position(d["start"]),
        end_pos=_position(d["end"]),
        sub_code=_opt_str(d["sub_code"]),
        fix=_fix(d["fix"]),
        docs_url=_str(d["docs_url"]),
        source_line=_str(d["source_line"]),
    )


def _result(data: Any) -> FileResult:
    top = _dict(data, {"path", "diagnostics", "depends_on"})
    path = _str(top["path"])
    diagnostics = tuple(_diagnostic(path, d) for d in _list(top["diagnostics"]))
    depends_on = []
    for pair in _list(top["depends_on"]):
        watched, state = _list(pair, 2)
        depends_on.append((_str(watched), _str(state)))
    return FileResult(path, diagnostics, depends_on=tuple(depends_on))
