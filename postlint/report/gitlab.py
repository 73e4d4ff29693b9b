"""The ``gitlab`` format: a GitLab Code Quality report (a JSON array of issues).

Each issue has the fields GitLab requires: ``description``, ``check_name``, ``fingerprint``,
``severity`` and ``location.path`` (relative to ``options.root``) with ``location.lines.begin``.
Fingerprints are the same stable, unique ones as SARIF's, so an issue keeps its identity when
lines move and merge requests show only what changed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from postlint.diagnostic import Diagnostic, FileResult, Severity
from postlint.report.base import ReportOptions, fingerprints, ordered, repo_path, rule_label

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


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    diagnostics = ordered(results)
    issues = [
        _issue(d, fingerprint, options)
        for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, options.root), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
