"""The prose view: the file with every non-prose character masked in place.

Same length as the original text, line breaks kept, so a regex match on the view is already an
offset into the file. Block structure (code blocks, HTML blocks, tables, paragraphs) comes from
markdown-it-py's block parser; inline spans (code, links, tags, template tags, math) are masked
by a fixed sequence of regex passes, each of which sees the earlier masks and so cannot match
inside code or inside a masked URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

MASK = "\ufffc"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Block:
    """A block of the body, from markdown-it's line map."""

    kind: str  # "paragraph", "heading", "table", "code", "html", "hr", "math"
    start: int
    end: int
    in_list: bool = False
    in_blockquote: bool = False


@dataclass(frozen=True)
class ProseView:
    text: str
    blocks: tuple[Block, ...]

    def prose_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind in ("paragraph", "heading"))


def _block_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # here: a run answered from the cache never parses

    parser = MarkdownIt("commonmark").enable("table")
    # Only block structure is needed; inline parsing would triple the cost for nothing.
    parser.disable(["inline", "text_join"], ignoreInvalid=True)
    return parser


def _masked(text: str) -> str:
    """``text`` with every character but CR and LF replaced by the mask."""
    return _NOT_BREAK.sub(MASK, text)


_NOT_BREAK = re.compile(r"[^\r\n]")


def _mask_match(match: re.Match[str]) -> str:
    return _masked(match.group(0))


def _mask_group(group: int) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        whole, start, end = match.group(0), match.start(group), match.end(group)
        if start < 0:
            return whole
        offset = match.start()
        return (
            whole[: start - offset]
            + _masked(whole[start - offset : end - offset])
            + whole[end - offset :]
        )

    return replace


_M = MASK
# Inline passes, in order. Each pattern runs on the text as masked by the passes before it.
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_LIQUID_RAW_BLOCK = re.compile(
    r"\{%-?\s*(raw|comment|highlight|capture)\b.*?\{%-?\s*end\1\s*-?%\}", re.DOTALL
)
_HUGO_PAIRED = re.compile(
    r"\{\{[<%]\s*(highlight|code|raw|katex|math)\b.*?\{\{[<%]\s*/\1\s*[>%]\}\}", re.DOTALL
)
_HUGO_SHORTCODE = re.compile(r"\{\{<.*?>\}\}|\{\{%.*?%\}\}", re.DOTALL)
_LIQUID_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_RAW_HTML_ELEMENT = re.compile(
    r"<(script|style|pre|code|math|svg)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE
)
_MATH_BLOCK = re.compile(r"\$\$.+?\$\$|\\\[.+?\\\]|\\\(.+?\\\)", re.DOTALL)
_INLINE_CODE = re.compile(r"(?<![`\\])(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)
_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>"
)
_HTML_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
    r"|<![A-Za-z][^>]*>|<\?.*?\?>",
    re.DOTALL,
)
_LINK_DESTINATION = re.compile(
    r"\](\((?:[^()\s]|\((?:[^()\s])*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\))"
)
_LINK_REFERENCE = re.compile(r"\](\[[^\]\n]*\])")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\](?::)?")
_BARE_URL = re.compile(
    r"(?<![\w/@])(?:(?:https?|ftp)://|www\.)[^\s<>\[\]"
    + _M
    + r"]*[^\s<>\[\]().,;:!?'\""
    + _M
    + r"]"
)
_KRAMDOWN_IAL = re.compile(r"\{:[^}\n]*\}")
_INLINE_MATH = re.compile(r"(?<![\\$\w])\$(?=[^\s$])[^$\n]*?(?<=[^\s\\$])\$(?![\d$])")

_INLINE_PASSES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (_HTML_COMMENT, _mask_match),
    (_LIQUID_RAW_BLOCK, _mask_match),
    (_HUGO_PAIRED, _mask_match),
    (_HUGO_SHORTCODE, _mask_match),
    (_LIQUID_TAG, _mask_match),
    (_RAW_HTML_ELEMENT, _mask_match),
    (_INLINE_CODE, _mask_match),
    (_MATH_BLOCK, _mask_match),
    (_AUTOLINK, _mask_match),
    (_HTML_TAG, _mask_match),
    (_LINK_DESTINATION, _mask_group(1)),
    (_LINK_REFERENCE, _mask_group(1)),
    (_FOOTNOTE, _mask_match),
    (_KRAMDOWN_IAL, _mask_match),
    (_BARE_URL, _mask_match),
    (_INLINE_MATH, _mask_match),
)
_TABLE_DELIMITER_ROW = re.compile(
    r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$"
)
_BLOCK_KIND = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "table_open": "table",
    "fence": "code",
    "code_block": "code",
    "html_block": "html",
    "hr": "hr",
    "math_block": "math",
}


def _line_starts(text: str, base: int) -> list[int]:
    starts = [base]
    starts.extend(base + m.end() for m in _LINE_BREAK.finditer(text))
    return starts


def build_prose_view(text: str, body_start: int, parser: MarkdownIt | None = None) -> ProseView:
    """Mask ``text`` outside prose; everything before ``body_start`` is front matter."""
    body_start = max(0, min(body_start, len(text)))
    body = text[body_start:]
    starts = _line_starts(body, body_start)
    starts.append(len(text))  # sentinel: the end of the last line

    def line_end(line: int) -> int:
        """Offset of the end of 0-based ``line``'s text, before its line break."""
        end = starts[line + 1] if line + 1 < len(starts) else len(text)
        while end > starts[line] and text[end - 1] in "\r\n":
            end -= 1
        return end

    tokens = (parser or _block_parser()).parse(body)
    n_lines = len(starts) - 1
    covered = bytearray(n_lines)
    code_lines: list[tuple[int, int]] = []
    blocks: list[Block] = []
    lists = quotes = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif token.type == "blockquote_open":
            quotes += 1
        elif token.type == "blockquote_close":
            quotes -= 1
        if token.map is None:
            continue
        first, last = token.map
        last = min(last, n_lines)
        for line in range(first, last):
            covered[line] = 1
        kind = _BLOCK_KIND.get(token.type)
        if kind is None or first >= last:
            continue
        start, end = starts[first], line_end(last - 1)
        blocks.append(Block(kind, start, end, lists > 0, quotes > 0))
        if kind == "code" or (kind == "html" and _is_raw_html(token.content)):
            code_lines.append((start, end))

    pieces = [_masked(text[:body_start])]
    cursor = body_start
    for start, end in _merge(code_lines):
        pieces.append(text[cursor:start])
        pieces.append(_masked(text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    view = "".join(pieces)

    # Reference definitions are the only non-blank lines markdown-it maps to no block.
    uncovered = [
        (starts[i], line_end(i))
        for i in range(n_lines)
        if not covered[i] and text[starts[i] : line_end(i)].strip()
    ]
    tables = [(b.start, b.end) for b in blocks if b.kind == "table"]
    view = _mask_spans(view, uncovered + _delimiter_rows(view, tables))
    for pattern, replace in _INLINE_PASSES:
        if pattern.search(view, body_start):  # most passes find nothing: skip the rebuild
            view = pattern.sub(replace, view)
    return ProseView(view, tuple(blocks))


def _is_raw_html(content: str) -> bool:
    return bool(re.match(r"\s*<(script|style|pre|textarea)\b", content, re.IGNORECASE))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _mask_spans(view: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return view
    pieces, cursor = [], 0
    for start, end in _merge(spans):
        pieces.append(view[cursor:start])
        pieces.append(_masked(view[start:end]))
        cursor = end
    pieces.append(view[cursor:])
    return "".join(pieces)


def _delimiter_rows(view: str, tables: list[tuple[int, int]]) -> list[tuple[int, int]]:
    rows = []
    for start, end in tables:
        for match in _LINE_BREAK.finditer(view, start, end):
            line_start = match.end()
            next_break = _LINE_BREAK.search(view, line_start, end)
            line_end = next_break.start() if next_break else end
            if _TABLE_DELIMITER_ROW.match(view[line_start:line_end]):
                rows.append((line_start, line_end))
                break  # one delimiter row per table
    return rows
