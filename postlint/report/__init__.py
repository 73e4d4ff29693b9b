"""Reporters: each output format is a pure ``render(results, options) -> str``.

:data:`FORMATS` is the one list of formats; the CLI builds ``--output-format`` choices from
it. A renderer returns the complete output, ending with a newline, or ``""`` when there is
nothing to print (text formats in quiet mode on a clean run).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from postlint.diagnostic import FileResult
from postlint.report import github, gitlab, json_format, junit, sarif, text
from postlint.report.base import Renderer, ReportOptions

__all__ = ["FORMATS", "Renderer", "ReportOptions", "render"]

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


def render(fmt: str, results: Sequence[FileResult], options: ReportOptions) -> str:
    """Render ``results`` in the format named ``fmt`` (a key of :data:`FORMATS`)."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        choices = ", ".join(FORMATS)
        raise ValueError(f"unknown output format {fmt!r} (choose from: {choices})") from None
    return renderer(results, options)
