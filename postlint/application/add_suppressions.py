"""``--add-suppressions``: a suppression comment for every current finding (ruff's ``--add-noqa``).

Each comment takes the form postlint.core.suppress reads where the finding is: in YAML or TOML front
matter ``# postlint: disable=CODES`` at the end of the line (merged into one already there);
in the Markdown body ``<!-- postlint-disable CODES -->`` ... ``<!-- postlint-enable CODES -->``
around the block (paragraph, list, table) that holds the finding, each comment a block of its
own at the block's indentation, so no block is split or joined; a finding on a blank line (the
end of the file) gets ``<!-- postlint-disable-file CODES -->`` at the top of the body.
An edit is kept only when it leaves what the file means unchanged: the front matter's data,
and the body's rendered HTML apart from the comments. JSON front matter has no comments, and
PL diagnostics (about the file itself) cannot be suppressed: both are counted as left.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from postlint.core import frontmatter
from postlint.core.diagnostic import Diagnostic
from postlint.core.source import LineIndex, SourceFile

_EXISTING_YAML = re.compile(r"(#[ \t]*postlint:[ \t]*disable[ \t]*=[ \t]*)([\w.,\- \t]*[\w.-])")
_OUR_COMMENTS = re.compile(r"<!-- postlint-(?:disable|enable)[^>\n]*-->\r?\n?")


@dataclass(frozen=True)
class Insertion:
    offset: int
    text: str
    replaces: int = 0  # characters of the original text it replaces (merging a comment)


@dataclass(frozen=True)
class Outcome:
    text: str  # the new text ("" unchanged when nothing was added)
    added: int  # findings now covered by a comment
    left: int  # findings that could not be given one


def _codes(diagnostics: Sequence[Diagnostic]) -> str:
    return " ".join(sorted({d.selector for d in diagnostics}))


def _front_matter_insertion(text: str, lines: LineIndex, line: int, codes: list[str]) -> Insertion:
    start, end = lines.line_span(line)
    existing = _EXISTING_YAML.search(text, start, end)
    if existing is not None:
        merged = ",".join(dict.fromkeys([*re.split(r"[\s,]+", existing[2].strip()), *codes]))
        return Insertion(existing.start(2), merged, len(existing[2]))
    return Insertion(end, f"  # postlint: disable={','.join(codes)}")


def _block_of(lines: LineIndex, line: int, first_body_line: int) -> tuple[int, int]:
    """The lines of the block (between blank lines) that holds ``line``."""
    first = line
    while first > first_body_line and lines.line_text(first - 1).strip():
        first -= 1
    last = line
    while last < lines.line_count and lines.line_text(last + 1).strip():
        last += 1
    return first, last


def _body_insertions(
    lines: LineIndex, first: int, last: int, codes: str, newline: str
) -> list[Insertion]:
    """``disable`` and ``enable`` around the block, each a block of its own (blank lines
    between), so the block still starts and ends where it did for every rule and renderer."""
    text = lines.line_text(first)
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    opening = f"{indent}<!-- postlint-disable {codes} -->{newline}{newline}"
    closing = f"{indent}<!-- postlint-enable {codes} -->"
    if last < lines.line_count:  # the line after the block starts here
        bottom = Insertion(lines.starts[last], newline + closing + newline)
    else:  # the block ends the file without a line break: keep it that way
        bottom = Insertion(len(lines.text), newline + newline + closing)
    return [Insertion(lines.starts[first - 1], opening), bottom]


def _file_insertion(text: str, body_start: int, codes: str, newline: str) -> Insertion:
    """For findings about the file, not a line (blank lines at the end): at the body's top."""
    return Insertion(body_start, f"<!-- postlint-disable-file {codes} -->{newline}{newline}")


def _apply(text: str, insertions: Sequence[Insertion]) -> str:
    out, at = [], 0
    for ins in sorted(insertions, key=lambda i: i.offset):
        out += [text[at : ins.offset], ins.text]
        at = ins.offset + ins.replaces
    out.append(text[at:])
    return "".join(out)


def _same_meaning(before: str, after: str) -> bool:
    """The front matter's data and the body's HTML (without our comments) are unchanged."""
    from markdown_it import MarkdownIt

    old, new = frontmatter.split(before), frontmatter.split(after)
    if (old is None) != (new is None):
        return False
    if old is not None and new is not None:
        if frontmatter.parse(before, old).data != frontmatter.parse(after, new).data:
            return False
        before, after = before[old.body_start :], after[new.body_start :]
    md = MarkdownIt("commonmark")
    return md.render(before) == _OUR_COMMENTS.sub("", md.render(after))


def add_suppressions(source: SourceFile, diagnostics: Sequence[Diagnostic]) -> Outcome:
    """The text with comments that suppress ``diagnostics`` (findings of this file)."""
    text, lines, newline = source.text, source.lines, source.newline
    block = frontmatter.split(text)
    first_body_line = lines.position(block.body_start).line if block is not None else 1
    front: dict[int, list[Diagnostic]] = {}
    body: dict[tuple[int, int], list[Diagnostic]] = {}
    whole: list[Diagnostic] = []
    left = 0
    for d in diagnostics:
        offset = lines.offset(d.start_pos.line, 1)
        if d.code.startswith("PL"):
            left += 1
        elif block is not None and offset < block.body_start:
            inside = block.content_start <= offset < block.content_end
            if not inside or block.kind is frontmatter.Kind.JSON:
                left += 1
            else:
                front.setdefault(d.start_pos.line, []).append(d)
        elif not lines.line_text(d.start_pos.line).strip():
            whole.append(d)
        else:
            span = _block_of(lines, d.start_pos.line, first_body_line)
            body.setdefault(span, []).append(d)
    groups: list[tuple[list[Insertion], int]] = []
    for line, found in front.items():
        codes = sorted({d.selector for d in found})
        groups.append(([_front_matter_insertion(text, lines, line, codes)], len(found)))
    for (first, last), found in body.items():
        groups.append((_body_insertions(lines, first, last, _codes(found), newline), len(found)))
    if whole:
        top = block.body_start if block is not None else 0
        groups.append(([_file_insertion(text, top, _codes(whole), newline)], len(whole)))
    kept = [g for g in groups if _same_meaning(text, _apply(text, g[0]))]
    left += sum(n for g, n in groups if (g, n) not in kept)
    if not kept:
        return Outcome(text, 0, left)
    new = _apply(text, [i for g, _ in kept for i in g])
    if not _same_meaning(text, new):  # each alone was fine; together they are not: add none
        return Outcome(text, 0, left + sum(n for _, n in kept))
    return Outcome(new, sum(n for _, n in kept), left)
