"""The ``junit`` format: JUnit XML for CI test-report views.

``<testsuites>`` holds one ``<testsuite>`` per file. Each diagnostic is a failing
``<testcase>`` whose ``<failure>`` carries the message and the full-format excerpt; a clean
file gets one passing test case. Characters XML 1.0 cannot carry (most control characters,
lone surrogates) become U+FFFD; everything else is escaped by ElementTree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from postlint.core.diagnostic import Diagnostic, FileResult
from postlint.report.base import TOOL_NAME, ReportOptions, rule_label
from postlint.report.spool import Spool
from postlint.report.text import diagnostic_block

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _testcase(suite: ET.Element, name: str, path: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", name=_xml(name), classname=_xml(path), file=_xml(path))


def _failure(case: ET.Element, d: Diagnostic, options: ReportOptions) -> None:
    failure = ET.SubElement(case, "failure", message=_xml(d.message), type=_xml(d.code))
    failure.text = _xml("\n".join(diagnostic_block(d, options)))


def _suite(result: FileResult, options: ReportOptions) -> ET.Element:
    diagnostics = sorted(result.diagnostics, key=Diagnostic.sort_key)
    suite = ET.Element(
        "testsuite",
        name=_xml(result.path),
        tests=str(len(diagnostics) or 1),
        failures=str(len(diagnostics)),
        errors="0",
        skipped="0",
    )
    for d in diagnostics:
        name = (
            f"{rule_label(d.code, d.sub_code)} {d.name} at {d.start_pos.line}:{d.start_pos.column}"
        )
        _failure(_testcase(suite, name, result.path), d, options)
    if not diagnostics:
        _testcase(suite, TOOL_NAME, result.path)
    return suite


def stream(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    """The report in chunks, one ``<testsuite>`` per file, as ``ET.indent`` lays out the whole
    tree; the results wait in a spool on disk until the last one is in (the totals come first)."""
    plain = replace(options, color=False)
    with Spool() as spool:
        spool.add_all(results)
        summary = spool.summary
        failures = summary.problems
        total = failures + summary.files - summary.files_with_problems
        root = ET.Element("testsuites", name=TOOL_NAME)
        for key, value in (("tests", total), ("failures", failures), ("errors", 0)):
            root.set(key, str(value))
        head = '<?xml version="1.0" encoding="UTF-8"?>\n'
        if not len(spool):
            yield head + ET.tostring(root, encoding="unicode") + "\n"
            return
        yield head + ET.tostring(root, encoding="unicode").removesuffix(" />") + ">"
        for result in spool.by_path():
            suite = _suite(result, plain)
            ET.indent(suite, level=1)
            yield "\n  " + ET.tostring(suite, encoding="unicode")
        yield "\n</testsuites>\n"


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    return "".join(stream(results, options))
