"""Offsets <-> LSP positions, in the encoding the client and server agreed on.

postlint's offsets count code points of the decoded file without its BOM; an LSP position is a
0-based line and a column counted in UTF-16 code units (the default), UTF-8 bytes or UTF-32
code points. Lines end at CR LF, CR or LF, in LSP as in postlint (:class:`LineIndex`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from lsprotocol import types

from postlint.core.source import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many code units ``text`` takes in ``encoding``."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


@dataclass(frozen=True)
class Converter:
    """For one text: ``shift`` code points (a BOM the editor kept) come before offset 0."""

    text: str  # the whole buffer, as the editor has it
    encoding: str = UTF16
    shift: int = 0

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, offset: int) -> types.Position:
        at = max(0, min(offset + self.shift, len(self.text)))
        pos = self.lines.position(at)
        line_start = self.lines.starts[pos.line - 1]
        return types.Position(pos.line - 1, units(self.text[line_start:at], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The postlint offset of an LSP position (clamped to its line, never inside a
        character: a column in the middle of a surrogate pair or UTF-8 sequence rounds down)."""
        line = min(max(position.line, 0), self.lines.line_count - 1) + 1
        start, end = self.lines.line_span(line)
        wanted, count, at = max(position.character, 0), 0, start
        while at < end:
            width = units(self.text[at], self.encoding)
            if count + width > wanted:
                break
            count += width
            at += 1
        return at - self.shift
