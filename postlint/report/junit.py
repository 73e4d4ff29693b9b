"""The ``junit`` format: JUnit XML for CI test-report views.

``<testsuites>`` holds one ``<testsuite>`` per file. Each diagnostic is a failing
``<testcase>`` whose ``<failure>`` carries the message and the full-format excerpt; a clean
file gets one passing test case. Characters XML 1.0 cannot carry (most control characters,
lone surrogates) become U+FFFD; everything else is escaped by ElementTree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import replace

from postlint.diagnostic import Diagnostic, FileResult
from postlint.report.base import TOOL_NAME, ReportOptions, rule_label
from postlint.report.text import diagnostic_block

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _testcase(suite: ET.Element, name: str, path: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", name=_xml(name), classname=_xml(path), file=_xml(path))


def _failure(case: ET.Element, d: Diagnostic, options: ReportOptions) -> None:
    failure = ET.SubElement(case, "failure", message=_xml(d.message), type=_xml(d.code))
    failure.text = _xml("\n".join(diagnostic_block(d, options)))


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    plain = replace(options, color=False)
    root = ET.Element("testsuites", name=TOOL_NAME)
    total = failures = 0
    for result in sorted(results, key=lambda r: r.path):
        diagnostics = sorted(result.diagnostics, key=Diagnostic.sort_key)
        count = len(diagnostics) or 1
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_xml(result.path),
            tests=str(count),
            failures=str(len(diagnostics)),
            errors="0",
            skipped="0",
        )
        for d in diagnostics:
            name = f"{rule_label(d.code, d.sub_code)} {d.name} at {d.start_pos.line}:{d.start_pos.column}"
            _failure(_testcase(suite, name, result.path), d, plain)
        if not diagnostics:
            _testcase(suite, TOOL_NAME, result.path)
        total += count
        failures += len(diagnostics)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
