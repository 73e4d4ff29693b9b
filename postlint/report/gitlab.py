"""The ``gitlab`` format: a GitLab Code Quality report (a JSON array of issues).

Each issue has the fields GitLab requires: ``description``, ``check_name``, ``fingerprint``,
``severity`` and ``location.path`` (relative to ``options.root``) with ``location.lines.begin``.
Fingerprints are the same stable, unique ones as SARIF's, so an issue keeps its identity when
lines move and merge requests show only what changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from postlint.core.diagnostic import Diagnostic, FileResult, Severity
from postlint.report import json_stream
from postlint.report.base import ReportOptions, repo_path, rule_label, stable_fingerprints
from postlint.report.spool import Spool

# Code Quality knows info, minor, major, critical and blocker; postlint has three levels.
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _issue(d: Diagnostic, fingerprint: str, options: ReportOptions) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": f"{d.code}/{d.sub_code}" if d.sub_code else d.code,
        "description": f"{rule_label(d.code, d.sub_code)} {d.message}",
        "categories": ["Style"],
        "severity": _SEVERITY[d.severity],
        "fingerprint": fingerprint,
        "location": {
            "path": repo_path(d.path, options.root),
            "lines": {"begin": d.start_pos.line, "end": d.end_pos.line},
        },
    }


def stream(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    """The issues in chunks; the results wait in a spool on disk until the last one is in."""
    with Spool() as spool:
        spool.add_all(results)
        issues = (
            _issue(d, fingerprint, options)
            for d, fingerprint in stable_fingerprints(spool.ordered(), options.root)
        )
        yield from json_stream.array(issues, 0)
        yield "\n"


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    return "".join(stream(results, options))
