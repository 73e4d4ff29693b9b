"""The ``sarif`` format: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. ``tool.driver.rules`` lists exactly the rules that reported something, with their
docs; results point at them by ``ruleIndex``. Files under ``options.root`` get URIs relative
to ``%SRCROOT%``; others get absolute ``file:`` URIs. Columns count code points
(``columnKind: unicodeCodePoints``) and ``endColumn`` is exclusive, as SARIF defines it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any
from urllib.parse import quote

from postlint.core.diagnostic import Diagnostic, FileResult, Fix, Severity
from postlint.core.rule import DOCS_BASE_URL, Rule
from postlint.report import json_stream
from postlint.report.base import (
    TOOL_NAME,
    ReportOptions,
    ordered,
    relative_path,
    stable_fingerprints,
)
from postlint.report.spool import Spool

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "postlint/v1"
INFORMATION_URI = DOCS_BASE_URL.partition("/blob/")[0]

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _root_uri(root: Path) -> str:
    uri = Path(os.path.abspath(root)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def artifact_location(path: str, root: Path) -> dict[str, str]:
    """A relative, percent-encoded URI under %SRCROOT%, or an absolute file URI."""
    relative = relative_path(path, root)
    if relative is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    # Encode the UTF-8 bytes (surrogateescape keeps undecodable file names exact).
    return {
        "uri": quote(relative.encode("utf-8", "surrogateescape"), safe="/"),
        "uriBaseId": SRCROOT,
    }


def _first_paragraph(docs: str) -> str:
    """The first paragraph of prose in Markdown docs (headings skipped), on one line."""
    paragraph: list[str] = []
    for line in docs.splitlines():
        text = line.strip()
        if text and not text.startswith("#"):
            paragraph.append(text)
        elif paragraph:
            break
    return " ".join(paragraph)


def _descriptor(code: str, rule: Rule | None, sample: Diagnostic) -> dict[str, Any]:
    """A reportingDescriptor from the rule's metadata, or from a diagnostic when unknown."""
    if rule is None:
        descriptor: dict[str, Any] = {"id": code, "name": sample.name}
        if sample.docs_url:
            descriptor["helpUri"] = sample.docs_url
        return descriptor
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
    }
    full = _first_paragraph(rule.docs)
    if full:
        descriptor["fullDescription"] = {"text": full}
    if rule.docs:
        descriptor["help"] = {"text": rule.docs, "markdown": rule.docs}
    descriptor["helpUri"] = rule.docs_url
    descriptor["defaultConfiguration"] = {
        "enabled": rule.enabled_by_default,
        "level": _LEVEL[rule.severity],
    }
    descriptor["properties"] = {"fix": rule.fix.value}
    return descriptor


def _region(d: Diagnostic) -> dict[str, int]:
    return {
        "startLine": d.start_pos.line,
        "startColumn": d.start_pos.column,
        "endLine": d.end_pos.line,
        "endColumn": d.end_pos.column,
        "charOffset": d.start,
        "charLength": d.end - d.start,
    }


def _fix(fix: Fix, location: dict[str, str]) -> dict[str, Any]:
    replacements: list[dict[str, Any]] = []
    for edit in fix.edits:
        replacement: dict[str, Any] = {
            "deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start}
        }
        if edit.replacement:
            replacement["insertedContent"] = {"text": edit.replacement}
        replacements.append(replacement)
    return {
        "description": {"text": fix.message or "Apply postlint's fix."},
        "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
        "properties": {"safe": fix.safe},
    }


def _result(
    d: Diagnostic, rule_index: int, fingerprint: str, options: ReportOptions
) -> dict[str, Any]:
    location = artifact_location(d.path, options.root)
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(d)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if d.fix is not None and d.fix.edits:
        result["fixes"] = [_fix(d.fix, location)]
    properties = {"name": d.name}
    if d.sub_code:
        properties["subCode"] = d.sub_code
    result["properties"] = properties
    return result


def _driver(diagnostics: Iterable[Diagnostic], options: ReportOptions) -> dict[str, Any]:
    """The tool driver, with a descriptor for each code that reported (in code order)."""
    samples: dict[str, Diagnostic] = {}
    for d in diagnostics:
        samples.setdefault(d.code, d)
    codes = sorted(samples)
    rules = [
        _descriptor(code, options.rules.get(code) if options.rules else None, samples[code])
        for code in codes
    ]
    return {
        "name": TOOL_NAME,
        "version": options.tool_version,
        "informationUri": INFORMATION_URI,
        "rules": rules,
    }


def _results(
    diagnostics: Iterable[Diagnostic], driver: dict[str, Any], options: ReportOptions
) -> Iterator[dict[str, Any]]:
    index = {rule["id"]: i for i, rule in enumerate(driver["rules"])}
    for d, fingerprint in stable_fingerprints(diagnostics, options.root):
        yield _result(d, index[d.code], fingerprint, options)


def _run_fields(driver: dict[str, Any], options: ReportOptions) -> list[tuple[str, Any]]:
    return [
        ("tool", {"driver": driver}),
        ("originalUriBaseIds", {SRCROOT: {"uri": _root_uri(options.root)}}),
        ("columnKind", "unicodeCodePoints"),
    ]


def build(results: Sequence[FileResult], options: ReportOptions) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    diagnostics = ordered(results)
    driver = _driver(diagnostics, options)
    run = dict(_run_fields(driver, options))
    run["results"] = list(_results(diagnostics, driver, options))
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def stream(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    """The SARIF log in chunks. The results wait in a spool on disk, read twice: once for the
    rules that reported (they come first in the log), once for the results."""
    with Spool() as spool:
        spool.add_all(results)
        driver = _driver(spool.ordered(), options)
        run = json_stream.document(
            [
                *_run_fields(driver, options),
                ("results", json_stream.array(_results(spool.ordered(), driver, options), 3)),
            ],
            2,
        )
        runs = chain(("[\n    ",), run, ("\n  ]",))
        yield from json_stream.document(
            [("$schema", SARIF_SCHEMA), ("version", SARIF_VERSION), ("runs", runs)]
        )
        yield "\n"


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    return "".join(stream(results, options))
