"""Reporters: each output format is a pure ``render(results, options) -> str``.

:data:`FORMATS` is the one list of formats; the CLI builds ``--output-format`` choices from
it. A renderer returns the complete output, ending with a newline, or ``""`` when there is
nothing to print (text formats in quiet mode with no diagnostics).

Every format also streams (:func:`stream`, chunks of text), so memory stays flat on any
archive. Line-based formats (:data:`STREAMERS`) write each file's diagnostics as soon as the
file is checked and keep none of them. Document formats (JSON, SARIF, GitLab, JUnit) print
files in path order, so they wait for the whole run, but in a spool on disk
(:mod:`postlint.report.spool`), and write the document one element at a time.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from postlint.core.diagnostic import FileResult
from postlint.report.base import Renderer, ReportOptions, Streamer
from postlint.report.spool import without_source

__all__ = [
    "FORMATS",
    "STREAMERS",
    "Renderer",
    "ReportOptions",
    "Streamer",
    "render",
    "stream",
    "without_source",
]


class _Registry(Mapping[str, Any]):
    """Format name -> function, the reporter module imported when a format is first used: a
    run imports the one reporter it writes with (ElementTree for JUnit, ...), not all seven."""

    def __init__(self, targets: dict[str, str]) -> None:
        self._targets = dict(targets)  # name -> "module:function" below postlint.report

    def __getitem__(self, name: str) -> Any:
        module, _, function = self._targets[name].partition(":")
        return getattr(importlib.import_module(f"postlint.report.{module}"), function)

    def __iter__(self) -> Iterator[str]:
        return iter(self._targets)

    def __len__(self) -> int:
        return len(self._targets)


FORMATS: Mapping[str, Renderer] = _Registry(
    {
        "full": "text:render_full",
        "concise": "text:render_concise",
        "json": "json_format:render",
        "sarif": "sarif:render",
        "github": "github:render",
        "gitlab": "gitlab:render",
        "junit": "junit:render",
    }
)


# Document formats that never print a diagnostic's source line (SARIF and GitLab hash it into
# their fingerprints): their results drop it while the run's results are collected.
WITHOUT_SOURCE = frozenset({"json", "junit"})


STREAMERS: Mapping[str, Streamer] = _Registry(
    {"full": "text:stream_full", "concise": "text:stream_concise", "github": "github:stream"}
)
# Document formats: one document, written in chunks once the run is over (same text as render).
DOCUMENT_STREAMERS: Mapping[str, Streamer] = _Registry(
    {
        "json": "json_format:stream",
        "sarif": "sarif:stream",
        "gitlab": "gitlab:stream",
        "junit": "junit:stream",
    }
)


def stream(fmt: str, results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    """The output of ``render`` in chunks, written while ``results`` are still coming in."""
    streamer = STREAMERS.get(fmt)
    if streamer is not None:
        return streamer(results, options)
    if fmt in WITHOUT_SOURCE:  # held until the end: keep only what the format prints
        results = map(without_source, results)
    document = DOCUMENT_STREAMERS.get(fmt)
    if document is not None:
        return document(results, options)
    return iter((render(fmt, list(results), options),))


def render(fmt: str, results: Sequence[FileResult], options: ReportOptions) -> str:
    """Render ``results`` in the format named ``fmt`` (a key of :data:`FORMATS`)."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        choices = ", ".join(FORMATS)
        raise ValueError(f"unknown output format {fmt!r} (choose from: {choices})") from None
    return renderer(results, options)
