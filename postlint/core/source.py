"""The original file as bytes and text, and the one place offsets become line:column.

Positions are code-point offsets into ``SourceFile.text`` (the decoded file without its BOM).
Columns count code points, so a tab, an emoji or an accented letter is one column; CR LF is
kept in the text, so offsets stay exact for Windows line endings too.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

UTF8_BOM = b"\xef\xbb\xbf"
# UTF-32 first: its little-endian BOM starts with UTF-16's
WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 BE"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 BE"),
)


def wide_bom(data: bytes) -> tuple[bytes, str, str] | None:
    """(BOM, codec, name) when ``data`` starts with a UTF-16 or UTF-32 byte order mark."""
    return next((entry for entry in WIDE_BOMS if data.startswith(entry[0])), None)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# What str.splitlines ends a line at besides CR LF, CR and LF.
_OTHER_BREAKS = ("\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def line_starts(text: str) -> tuple[int, ...]:
    """The offset of each line's start (CR LF, lone CR and LF end a line). ``splitlines`` does
    the work in C when the text holds none of the other breaks it knows (a third of the time
    of a regex scan), else the scan."""
    if any(char in text for char in _OTHER_BREAKS):
        return (0, *(match.end() for match in _LINE_BREAK.finditer(text)))
    starts = list(accumulate(map(len, text.splitlines(True)), initial=0))
    if text and text[-1] not in "\r\n":
        starts.pop()  # the last line has no break: it ends the text, it starts no line
    return tuple(starts)


@dataclass(frozen=True)
class Position:
    """A 1-based line and column (columns count Unicode code points)."""

    line: int
    column: int


class DecodeError(ValueError):
    """The bytes are not UTF-8; ``offset`` is the byte where decoding failed."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass(frozen=True)
class LineIndex:
    """Maps offsets to positions for one text (CR LF, lone CR and LF all end a line)."""

    text: str
    starts: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", line_starts(self.text))

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return Position(line + 1, offset - self.starts[line] + 1)

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position` (clamped to the text)."""
        line = max(1, min(line, len(self.starts)))
        start = self.starts[line - 1]
        return min(start + max(column, 1) - 1, len(self.text))

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of a 1-based line's text, without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.text[start:end]

    @property
    def line_count(self) -> int:
        return len(self.starts)


@dataclass(frozen=True)
class SourceFile:
    """A decoded file. ``bom`` and line endings are kept so fixes can restore every byte."""

    path: str
    text: str
    bom: bool = False
    encoding: str = "utf-8"  # or a UTF-16/32 codec, for a file that starts with its BOM

    @property
    def encoding_name(self) -> str:
        return next((name for _, codec, name in WIDE_BOMS if codec == self.encoding), "UTF-8")

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> SourceFile:
        wide = wide_bom(data)
        if wide is not None:  # decoded, so it can be checked; the engine says it is not UTF-8
            mark, codec, name = wide
            try:
                text = data[len(mark) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"file starts with a {name} byte order mark but is not valid {name} "
                    f"(byte {exc.start + len(mark)}); save the file as UTF-8",
                    1,
                    1,
                ) from None
            return cls(path=path, text=text, bom=True, encoding=codec)
        bom = data.startswith(UTF8_BOM)
        payload = data[len(UTF8_BOM) :] if bom else data
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            good = payload[: exc.start].decode("utf-8", errors="replace")
            index = LineIndex(good)
            pos = index.position(len(good))
            raise DecodeError(
                f"file is not valid UTF-8: byte 0x{payload[exc.start]:02x} cannot be decoded "
                "(save the file as UTF-8)",
                pos.line,
                pos.column,
            ) from None
        return cls(path=path, text=text, bom=bom)

    def to_bytes(self, text: str | None = None) -> bytes:
        """Encode ``text`` (default: this file's text) with this file's BOM restored."""
        if self.encoding != "utf-8":
            mark = next(m for m, codec, _ in WIDE_BOMS if codec == self.encoding)
            return mark + (self.text if text is None else text).encode(self.encoding)
        body = (self.text if text is None else text).encode("utf-8")
        return UTF8_BOM + body if self.bom else body

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def newline(self) -> str:
        """The file's dominant line ending, for rules that insert one."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        cr = self.text.count("\r") - crlf
        if cr > max(crlf, lf):  # old Mac line endings: a rule must not insert an LF among them
            return "\r"
        return "\r\n" if crlf > lf else "\n"
