"""Document formats written in chunks: the same text as one ``json.dumps`` / ``ET`` of the
whole run, results spooled to disk in path order, and memory that does not hold the run."""

from __future__ import annotations

import json
import random
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from test_reporters import rule_set, sample_results

from postlint.core.diagnostic import FileResult
from postlint.report import ReportOptions, gitlab, json_format, junit, sarif, stream
from postlint.report.base import Summary, by_path, fingerprints, ordered
from postlint.report.spool import Spool, without_source


def many_results() -> list[FileResult]:
    """The sample run many times over, under shuffled paths (some repeated, some clean)."""
    rng = random.Random(7)
    found: list[FileResult] = []
    for copy in range(40):
        for result in sample_results():
            path = f"{rng.choice(['a', 'a-b', 'a/b', 'z'])}/{copy % 7}/{result.path}"
            diagnostics = tuple(replace(d, path=path) for d in result.diagnostics)
            found.append(FileResult(path, diagnostics if copy % 5 else ()))
    rng.shuffle(found)
    return found


def _json_reference(results: list[FileResult], options: ReportOptions) -> str:
    report = {
        "version": json_format.REPORT_VERSION,
        "tool": {"name": "postlint", "version": options.tool_version},
        "files": len(results),
        "diagnostics": [json_format._diagnostic(d) for d in ordered(results)],
        "summary": json_format._summary(Summary.of(results)),
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def _gitlab_reference(results: list[FileResult], options: ReportOptions) -> str:
    diagnostics = ordered(results)
    issues = [
        gitlab._issue(d, f, options)
        for d, f in zip(diagnostics, fingerprints(diagnostics, options.root), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _junit_reference(results: list[FileResult], options: ReportOptions) -> str:
    root = ET.Element("testsuites", name="postlint")
    suites = [junit._suite(result, options) for result in by_path(results)]
    root.extend(suites)
    total = sum(int(suite.get("tests", "0")) for suite in suites)
    root.set("tests", str(total))
    root.set("failures", str(sum(len(r.diagnostics) for r in results)))
    root.set("errors", "0")
    ET.indent(root)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{ET.tostring(root, encoding="unicode")}\n'


@pytest.mark.parametrize("results", [[], sample_results()[:1], sample_results(), many_results()])
def test_streamed_documents_are_the_whole_documents(results: list[FileResult]) -> None:
    options = ReportOptions(rules=rule_set())
    assert json_format.render(results, options) == _json_reference(results, options)
    assert gitlab.render(results, options) == _gitlab_reference(results, options)
    assert junit.render(results, options) == _junit_reference(results, options)
    whole = json.dumps(sarif.build(results, options), indent=2, ensure_ascii=False) + "\n"
    assert sarif.render(results, options) == whole
    json.loads(json_format.render(results, options))  # and they parse


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab", "junit"])
def test_stream_writes_a_document_in_many_chunks(fmt: str) -> None:
    results = many_results()
    chunks = list(stream(fmt, iter(results), ReportOptions(rules=rule_set())))
    assert len(chunks) > len([d for r in results for d in r.diagnostics]) // 2 or fmt == "junit"
    assert len(chunks) > len(results) // 2
    expected = json_format.render if fmt == "json" else {"sarif": sarif.render}.get(fmt)
    if expected is not None:
        assert "".join(chunks) == expected(results, ReportOptions(rules=rule_set()))


def test_spool_on_disk_gives_the_order_of_a_global_sort() -> None:
    results = many_results()
    with Spool(in_memory=0) as disk, Spool() as memory:
        disk.add_all(results)
        memory.add_all(results)
        assert disk._file is not None and memory._file is None
        assert list(disk.ordered()) == list(memory.ordered()) == ordered(results)
        assert [r.path for r in disk.by_path()] == [r.path for r in by_path(results)]
        assert disk.summary == Summary.of(results)


def test_spool_keeps_what_the_format_prints() -> None:
    results = sample_results()
    with Spool(keep=without_source) as spool:
        spool.add_all(results)
        kept = list(spool.ordered())
    assert kept and not any(d.source_line for d in kept)
    assert any(d.source_line for r in results for d in r.diagnostics)
