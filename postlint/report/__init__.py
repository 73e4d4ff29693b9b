"""Reporters: each output format is a pure ``render(results, options) -> str``.

:data:`FORMATS` is the one list of formats; the CLI builds ``--output-format`` choices from
it. A renderer returns the complete output, ending with a newline, or ``""`` when there is
nothing to print (text formats in quiet mode with no diagnostics).

Line-based formats also stream (:data:`STREAMERS`): the CLI writes each file's diagnostics as
soon as the file is checked and keeps none of them, so memory stays flat on any archive.
Document formats (JSON, SARIF, GitLab, JUnit) need the whole run before they can be written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

from postlint.diagnostic import FileResult
from postlint.report import github, gitlab, json_format, junit, sarif, text
from postlint.report.base import Renderer, ReportOptions, Streamer

__all__ = ["FORMATS", "STREAMERS", "Renderer", "ReportOptions", "Streamer", "render", "stream"]

FORMATS: Mapping[str, Renderer] = MappingProxyType(
    {
        "full": text.render_full,
        "concise": text.render_concise,
        "json": json_format.render,
        "sarif": sarif.render,
        "github": github.render,
        "gitlab": gitlab.render,
        "junit": junit.render,
    }
)


# Document formats that never print a diagnostic's source line (SARIF and GitLab hash it into
# their fingerprints): their results drop it while the run's results are collected.
WITHOUT_SOURCE = frozenset({"json", "junit"})


def without_source(result: FileResult) -> FileResult:
    """``result`` without the source-line excerpts (up to 1,000 characters per diagnostic)."""
    if not any(d.source_line for d in result.diagnostics):
        return result
    slim = tuple(replace(d, source_line="") for d in result.diagnostics)
    return replace(result, diagnostics=slim)


STREAMERS: Mapping[str, Streamer] = MappingProxyType(
    {"full": text.stream_full, "concise": text.stream_concise, "github": github.stream}
)


def stream(fmt: str, results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    """The output of ``render`` in chunks, written while ``results`` are still coming in."""
    streamer = STREAMERS.get(fmt)
    if streamer is not None:
        return streamer(results, options)
    if fmt in WITHOUT_SOURCE:  # held until the end: keep only what the format prints
        results = map(without_source, results)
    return iter((render(fmt, list(results), options),))


def render(fmt: str, results: Sequence[FileResult], options: ReportOptions) -> str:
    """Render ``results`` in the format named ``fmt`` (a key of :data:`FORMATS`)."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        choices = ", ".join(FORMATS)
        raise ValueError(f"unknown output format {fmt!r} (choose from: {choices})") from None
    return renderer(results, options)
