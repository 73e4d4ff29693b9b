"""The human formats: ``full`` (with source excerpt, caret and fix hint) and ``concise``.

Both share the first line of a diagnostic, ``path:line:col: severity CODE [sub-code] message``,
the statistics table and the summary. Text that comes from the checked file (messages, paths,
source lines) is made printable first: line breaks, control characters, bidirectional
overrides and lone surrogates are shown escaped, so a file cannot move the cursor, recolour
the terminal or split one diagnostic over several lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from postlint.core.diagnostic import Diagnostic, FileResult, Severity
from postlint.report.base import (
    ReportOptions,
    Summary,
    by_path,
    in_file_order,
    rule_label,
    span_on_line,
)

TAB_SIZE = 4
WINDOW = 120  # code points of a long source line shown around the span in the full format
WINDOW_BEFORE = 40  # of them, before the span starts

# Characters never written raw: C0 and C1 controls (TAB is handled by the caller), DEL,
# characters some viewers treat as line breaks, bidirectional controls, lone surrogates.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r"}

_RESET = "\x1b[0m"
_BOLD = "1"
_SEVERITY_STYLE = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;36"}
_GUTTER_STYLE = "34"
_SAFE_FIX_STYLE = "32"
_UNSAFE_FIX_STYLE = "33"
_CLEAN_STYLE = "1;32"


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{style}m{text}{_RESET}" if color and text else text


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED_ESCAPES.get(char) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")


def printable(text: str) -> str:
    """``text`` on one line, with unprintable characters written as escapes (``\\x1b``)."""
    return _UNPRINTABLE.sub(_escape_char, text)


def _cell(char: str) -> tuple[str, int]:
    """How one code point of a source line is shown, and how many terminal columns it takes."""
    if _UNPRINTABLE.match(char):
        code = ord(char)
        if code < 0x20:
            return chr(0x2400 + code), 1  # the Unicode "control picture", e.g. U+241B for ESC
        if code == 0x7F:
            return "\u2421", 1
        shown = f"<U+{code:04X}>"
        return shown, len(shown)
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):  # combining marks, zero-width joiners
        return char, 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return char, 2
    return char, 1


def _layout(line: str) -> tuple[str, list[int]]:
    """The line as displayed (tabs expanded) and the display column of each code point.

    The list has one more entry than the line: the column just after its end.
    """
    parts: list[str] = []
    columns: list[int] = []
    column = 0
    for char in line:
        columns.append(column)
        if char == "\t":
            width = TAB_SIZE - column % TAB_SIZE
            parts.append(" " * width)
        else:
            shown, width = _cell(char)
            parts.append(shown)
        column += width
    columns.append(column)
    return "".join(parts), columns


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """A line longer than :data:`WINDOW` code points, cut to a window around the span (marked
    with "…" where text was left out), and the span's indices in it. A paragraph on one line
    can be a thousand characters; the excerpt should show where, not everything."""
    if len(line) <= WINDOW:
        return line, start, end
    first = max(0, min(start - WINDOW_BEFORE, len(line) - WINDOW))
    last = min(len(line), first + WINDOW)  # a span longer than the window is cut at its end
    head = "…" if first > 0 else ""
    tail = "…" if last < len(line) else ""
    offset = len(head) - first
    return head + line[first:last] + tail, start + offset, min(end, last) + offset


def headline(d: Diagnostic, color: bool = False) -> str:
    """``path:line:col: severity CODE [sub-code] message`` (the concise line)."""
    location = f"{_paint(printable(d.path), _BOLD, color)}:{d.start_pos.line}:{d.start_pos.column}:"
    severity = _paint(d.severity.label, _SEVERITY_STYLE[d.severity], color)
    label = _paint(printable(rule_label(d.code, d.sub_code)), _BOLD, color)
    return f"{location} {severity} {label} {printable(d.message)}"


def diagnostic_block(d: Diagnostic, options: ReportOptions) -> list[str]:
    """The lines of one diagnostic in the full format."""
    lines = [headline(d, options.color)]
    if not options.show_source:
        return lines
    number = str(d.start_pos.line)
    pad = " " * len(number)
    bar = _paint("|", _GUTTER_STYLE, options.color)
    if d.source_line:
        line, start, end = _window(d.source_line, *span_on_line(d))
        shown, columns = _layout(line)
        width = max(columns[end] - columns[start], 1)
        caret = _paint("^" * width, _SEVERITY_STYLE[d.severity], options.color)
        gutter = _paint(number, _GUTTER_STYLE, options.color)
        lines += [
            f"{pad} {bar}",
            f"{gutter} {bar} {shown}",
            f"{pad} {bar} {' ' * columns[start]}{caret}",
        ]
    if d.fix is not None:
        hint = "fix available" if d.fix.safe else "unsafe fix available"
        if d.fix.message:
            hint += f": {printable(d.fix.message)}"
        style = _SAFE_FIX_STYLE if d.fix.safe else _UNSAFE_FIX_STYLE
        lines.append(
            f"{pad} {_paint('=', _GUTTER_STYLE, options.color)} {_paint(hint, style, options.color)}"
        )
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary_lines(summary: Summary, options: ReportOptions) -> list[str]:
    """The closing lines; none in quiet mode."""
    if options.quiet:
        return []
    lines = [f"Fixed {_count(summary.fixed, 'problem')}."] if summary.fixed else []
    if options.fix_only and not summary.problems:
        return lines or ["Nothing to fix."]
    if not summary.problems:
        return [*lines, _paint("All checks passed.", _CLEAN_STYLE, options.color)]
    found = (
        f"Found {_count(summary.problems, 'problem')} ({_count(summary.errors, 'error')}, "
        f"{_count(summary.warnings, 'warning')}, {summary.info} info) "
        f"in {_count(summary.files_with_problems, 'file')}."
    )
    lines.append(_paint(found, _BOLD, options.color))
    safe, unsafe = summary.safe_fixes, summary.unsafe_fixes
    if options.unsafe_fixes:  # --fix applies unsafe fixes too
        safe, unsafe = safe + unsafe, 0
    if safe and unsafe:
        lines.append(f"{safe} fixable with `--fix` ({unsafe} more with `--unsafe-fixes`).")
    elif safe:
        lines.append(f"{safe} fixable with `--fix`.")
    elif unsafe:
        lines.append(f"{unsafe} fixable with `--unsafe-fixes`.")
    return lines


def statistics_lines(
    counts: Counter[tuple[str, str, str]], fixable: Mapping[tuple[str, str, str], str] | None = None
) -> list[str]:
    """Counts per rule (and sub-code), most frequent first; ``counts`` by (code, sub-code, name).

    ``fixable`` marks rows with a fix, as ruff does: ``[*]`` safe (``--fix``), ``[-]`` only with
    ``--unsafe-fixes``, ``[ ]`` no fix (no column when no row has a fix).
    """
    if not counts:
        return []
    marks = {key: mark for key, mark in (fixable or {}).items() if mark.strip()}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    labels = [printable(rule_label(code, sub or None)) for (code, sub, _), _ in rows]
    count_width = len(str(rows[0][1]))
    label_width = max(map(len, labels))
    lines = ["Problems by rule:"]
    for (key, count), label in zip(rows, labels, strict=True):
        mark = marks.get(key, "[ ]") + " " if marks else ""
        lines.append(f"  {count:>{count_width}}  {label:<{label_width}}  {mark}{printable(key[2])}")
    return lines


def _fix_mark(d: Diagnostic, current: str) -> str:
    """The statistics mark of a row after seeing ``d``: a safe fix anywhere wins."""
    if d.fix is None or not d.fix.edits or current == "[*]":
        return current
    return "[*]" if d.fix.safe else "[-]"


def _stream(
    results: Iterable[FileResult],
    options: ReportOptions,
    block: Callable[[Diagnostic], str],
    separator: str,
) -> Iterator[str]:
    """One chunk per file with problems (files in the order given), then the closing sections."""
    summary = Summary.of(())
    counts: Counter[tuple[str, str, str]] = Counter()
    fixable: dict[tuple[str, str, str], str] = {}
    # Each chunk ends its last line, so a progress bar drawn in between erases nothing; the
    # separator's extra line break (a blank line in the full format) goes in front instead.
    gap = separator[1:]
    wrote = False
    for result in results:
        summary = summary.plus(result)
        diagnostics = in_file_order(result)
        if not diagnostics:
            continue
        if options.statistics:
            for d in diagnostics:
                key = (d.code, d.sub_code or "", d.name)
                counts[key] += 1
                fixable[key] = _fix_mark(d, fixable.get(key, "   "))
            continue  # as ruff: the table instead of the diagnostics
        chunk = separator.join(block(d) for d in diagnostics)
        yield (gap if wrote else "") + chunk + "\n"
        wrote = True
    sections = [] if not options.statistics else ["\n".join(statistics_lines(counts, fixable))]
    sections += ["\n".join(summary_lines(summary, options))]
    tail = "\n\n".join(section for section in sections if section)
    if tail:
        yield ("\n" if wrote else "") + tail + "\n"


def stream_full(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    """Each diagnostic with its source line, a caret under the span and any fix; then counts."""
    separator = "\n\n" if options.show_source else "\n"  # without excerpts, as concise
    return _stream(results, options, lambda d: "\n".join(diagnostic_block(d, options)), separator)


def stream_concise(results: Iterable[FileResult], options: ReportOptions) -> Iterator[str]:
    """One line per diagnostic; then counts."""
    return _stream(results, options, lambda d: headline(d, options.color), "\n")


def render_full(results: Sequence[FileResult], options: ReportOptions) -> str:
    return "".join(stream_full(by_path(results), options))


def render_concise(results: Sequence[FileResult], options: ReportOptions) -> str:
    return "".join(stream_concise(by_path(results), options))
