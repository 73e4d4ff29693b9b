"""The prose view: the file with every non-prose character masked in place.

Same length as the original text, line breaks kept, so a regex match on the view is already an
offset into the file. Block structure (code blocks, HTML blocks, tables, paragraphs) comes from
markdown-it-py's block parser; inline spans (code, links, tags, template tags, math) are masked
block by block by the finders of :mod:`postlint.core.inline_masks`, in a fixed order, each of which
sees the earlier masks and so cannot match inside code or inside a masked URL. Every step is
linear in the size of the file (docs/performance.md).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, repeat
from operator import add
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from postlint.core import inline_masks

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


_T = TypeVar("_T")
_Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class ProseView:
    text: str
    blocks: tuple[Block, ...]
    # Analyses of this text computed once for all rules (words, sentences of a block, ...):
    # per document, since a Document keeps its view (``postlint.rules.prose._text``).
    _analyses: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def prose_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind in ("paragraph", "heading"))

    def analysis(self, key: Any, compute: Callable[[], _T]) -> _T:
        """``compute()``, once per view and ``key``: the same analysis is never made twice.
        ``compute`` must be a pure function of the view (and of what ``key`` names)."""
        if key not in self._analyses:
            self._analyses[key] = compute()
        result: _T = self._analyses[key]
        return result


@cache
def block_parser(absent: tuple[str, ...] = ()) -> MarkdownIt:
    """One parser per process and set of ``absent`` block rules (parsing does not change
    it): building one costs more than parsing a short post. Imported here: a run answered
    from the cache never parses."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    # Only block structure is needed; inline parsing would triple the cost for nothing.
    parser.disable(["inline", "text_join", *absent], ignoreInvalid=True)
    return parser


# Block rules that cannot match a body without one of these substrings (or a match of the
# pattern): each returns False
# before it changes any state unless its line holds one (a table's header row a ``|``, a
# fence three markers), so leaving it out of the parser leaves every token as it was, and
# saves its call at each block start and each paragraph line it could interrupt. Leaving
# out ``code`` also makes the other rules' "indented code?" test answer no, which it does
# anyway where no line has four columns of blanks (they come from spaces and tabs only).
# A reference definition needs ``]:`` (its label's closing bracket and the colon after it
# stand on one line): without one, the rule reads a label that starts a line and says no,
# asking along the way whether the lines after it start another block, a question each rule
# answers in silent mode without changing any state. A thematic break (``hr``) needs a line of
# three or more of one marker with only blanks between them (possessive blanks: each run is
# read by the two markers before it at most). A test compares the token streams with the
# full parser's on generated bodies.
_HR_RUN = re.compile(r"([*_-])[ \t]*+\1[ \t]*+\1")
_RULE_NEEDS: tuple[tuple[str, tuple[str, ...] | re.Pattern[str]], ...] = (
    ("table", ("|",)),
    ("html_block", ("<",)),
    ("blockquote", (">",)),
    ("fence", ("```", "~~~")),
    ("heading", ("#",)),
    ("reference", ("]:",)),
    ("code", ("    ", "\t")),
    ("hr", _HR_RUN),
)


def parser_for(body: str) -> MarkdownIt:
    """The block parser without the rules that cannot match ``body``."""
    return block_parser(tuple(rule for rule, needs in _RULE_NEEDS if not _may_use(body, needs)))


def _may_use(body: str, needs: tuple[str, ...] | re.Pattern[str]) -> bool:
    """Whether ``body`` holds one of a rule's substrings, or a match of its pattern."""
    if isinstance(needs, re.Pattern):
        return needs.search(body) is not None
    return any(_holds(body, need) for need in needs)


def _holds(body: str, need: str) -> bool:
    """``need in body``; a fence's marker looked for by its character first, as a trigger is
    (most bodies hold no ``~``; a run of blanks is found faster by the plain search)."""
    if len(need) == 1 or need.isspace():
        return need in body
    from postlint.core import inline_masks

    return inline_masks.trigger_finder(need)(body, 0) >= 0


def _masked(text: str) -> str:
    """``text`` with every character but CR and LF replaced by the mask: one piece per line
    (a substitution per character was the view's main cost on code blocks)."""
    if "\r" in text:
        return _NOT_BREAKS.sub(_mask_run, text)
    if "\n" not in text:
        return MASK * len(text)
    return "\n".join([MASK * len(line) for line in text.split("\n")])


def _mask_run(match: re.Match[str]) -> str:
    return MASK * (match.end() - match.start())


_NOT_BREAKS = re.compile(r"[^\r\n]+")  # one match per run: linear


# Possessive: the adjacent runs of blanks cannot trade characters (that was quadratic).
_TABLE_DELIMITER_ROW = re.compile(
    r"[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+"
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


_NESTING = {  # how a token changes the depth of lists and of block quotes
    "bullet_list_open": (1, 0),
    "ordered_list_open": (1, 0),
    "bullet_list_close": (-1, 0),
    "ordered_list_close": (-1, 0),
    "blockquote_open": (0, 1),
    "blockquote_close": (0, -1),
}
_CONTAINER, _LEAF = 1, 2  # what covers a line: a list or quote only, or a leaf block
_LEAF_LINE = bytes([_LEAF])
_NOT_LEAF = re.compile(b"[\\x00\\x01]+")  # runs of lines outside leaf blocks


def _line_starts(text: str, base: int) -> list[int]:
    if "\r" in text:
        starts = [base]
        starts.extend(base + m.end() for m in _LINE_BREAK.finditer(text))
        return starts
    # LF only: each start is the last one plus the line's length and its break (all in C).
    lines = text.split("\n")
    lines.pop()
    return list(accumulate(map(add, map(len, lines), repeat(1)), initial=base))


# Tokens that carry no lines of their own to mark and change no depth: the inline content of
# a block (its lines are its block's), closers (no line map), and the rows and cells of a
# table (inside the table's lines, already marked as a leaf).
_SKIPPED = frozenset(
    (
        "inline",
        "paragraph_close",
        "heading_close",
        "list_item_close",
        "table_close",
        "thead_open",
        "thead_close",
        "tbody_open",
        "tbody_close",
        "tr_open",
        "tr_close",
        "th_open",
        "th_close",
        "td_open",
        "td_close",
    )
)


# Containers whose lines lie within those of the container around them (markdown-it parses
# a container's contents in the container's own range of lines, and a list's items tile the
# list's): marking them inside another container changes nothing (see ``_read_blocks``).
_NESTED_CONTAINERS = frozenset((*_NESTING, "list_item_open"))


def _read_blocks(
    tokens: list[Any], covered: bytearray, starts: list[int], text: str
) -> tuple[list[Block], _Spans, _Spans, _Spans]:
    """The leaf blocks of ``tokens``, the spans of those masked whole (code, raw HTML), those
    of the others and those of the tables; marks in ``covered`` the lines of leaf blocks and
    those that only a container covers.

    A container marks only the lines no mark covers yet, so one inside another container
    (whose lines it shares and which comes first in the stream) marks nothing: it is skipped.
    """
    n_lines = len(covered)
    code_lines: list[tuple[int, int]] = []
    leaves: list[tuple[int, int]] = []
    tables: list[tuple[int, int]] = []
    blocks: list[Block] = []
    lists = quotes = 0
    in_list = in_quote = False
    for token in tokens:
        ttype = token.type
        if ttype in _SKIPPED:
            continue
        kind = _BLOCK_KIND.get(ttype)
        if kind is None:
            outside = not (lists or quotes) or ttype not in _NESTED_CONTAINERS
            nesting = _NESTING.get(ttype)
            if nesting is not None:
                lists += nesting[0]
                quotes += nesting[1]
                in_list, in_quote = lists > 0, quotes > 0
            if outside and token.map is not None:
                first, last = token.map
                last = min(last, n_lines)
                if first < last:  # a container marks only the lines no leaf covers
                    covered[first:last] = covered[first:last].replace(b"\x00", b"\x01")
            continue
        lines = token.map
        if lines is None:
            continue
        first, last = lines
        if last > n_lines:
            last = n_lines
        if last - first == 1:
            covered[first] = _LEAF
        elif first < last:
            covered[first:last] = _LEAF_LINE * (last - first)
        else:
            continue
        start = starts[first]
        end = starts[last]  # the end of the block's last line, before its break
        while end > starts[last - 1] and text[end - 1] in "\r\n":
            end -= 1
        blocks.append(Block(kind, start, end, in_list, in_quote))
        if kind == "code" or (kind == "html" and _is_raw_html(token.content)):
            code_lines.append((start, end))
        else:
            leaves.append((start, end))
            if kind == "table":
                tables.append((start, end))
    return blocks, code_lines, leaves, tables


def build_prose_view(
    text: str, body_start: int, parser: MarkdownIt | None = None, *, tex_math: bool = False
) -> ProseView:
    """Mask ``text`` outside prose; everything before ``body_start`` is front matter.

    ``tex_math``: the site renders ``\\[...\\]`` and ``\\(...\\)`` as math (otherwise they
    are escaped brackets, as in CommonMark).
    """
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

    tokens = (parser or parser_for(body)).parse(body)
    covered = bytearray(len(starts) - 1)
    blocks, code_lines, leaves, tables = _read_blocks(tokens, covered, starts, text)

    pieces = [_masked(text[:body_start])]
    cursor = body_start
    for start, end in _merge(code_lines):
        pieces.append(text[cursor:start])
        pieces.append(_masked(text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    view = "".join(pieces)

    # Reference definitions are the only non-blank lines markdown-it maps to no block; inside
    # a list or a quote they (and lines holding only markers) are in no leaf block: the inline
    # finders still read them.
    uncovered: list[tuple[int, int]] = []
    in_container: list[tuple[int, int]] = []
    for run in _NOT_LEAF.finditer(covered):
        first, stop = run.span()
        if not text[starts[first] : starts[stop]].strip():
            continue  # blank lines only (most runs: the one between two blocks)
        for i in range(first, stop):
            if text[starts[i] : starts[i + 1]].strip():  # the line with its break
                (in_container if covered[i] else uncovered).append((starts[i], line_end(i)))
    view = _mask_spans(view, uncovered + _delimiter_rows(view, tables))
    if code_lines:  # a block of another kind may share a code block's span (as before)
        code_spans = set(code_lines)
        leaves = [span for span in leaves if span not in code_spans]
    inline = _merge(leaves + in_container)
    view = _mask_inline(view, inline, tex_math)
    return ProseView(view, tuple(blocks))


def _mask_inline(view: str, segments: list[tuple[int, int]], tex_math: bool) -> str:
    """Inline spans are bounded by the block they sit in: comments first, then the paired
    template blocks (which may span blocks), then the other finders in order, each seeing the
    masks of the ones before it."""
    from postlint.core import inline_masks

    view = _per_block(view, segments, ((("<!--",), inline_masks.html_comments),))
    view = _mask_spans(view, inline_masks.liquid_raw_blocks(view) + inline_masks.hugo_paired(view))
    return _per_block(view, segments, inline_masks.block_passes(tex_math, MASK))


def _per_block(
    view: str, segments: list[tuple[int, int]], passes: tuple[inline_masks.Pass, ...]
) -> str:
    """Run each of ``passes`` on each segment that holds one of its triggers as it stands.

    The segments that may hold them are located once in the whole view, before any pass:
    most blocks need no finder at all. Masks replace characters and never join two, so a
    trigger in a masked segment was there before: a pass whose triggers were absent at the
    start has nothing to find, and one whose triggers were there is searched for them again
    only once the segment has changed (a URL masked inside a link's destination). Passes
    whose triggers all hold one of ``_GATES`` look for that character instead (one search of
    the view for several passes), and for their triggers in each segment that holds it.
    """
    firsts = [start for start, _ in segments]
    ends = [end for _, end in segments]
    todo: dict[int, list[int]] = {}
    holding: dict[tuple[str, ...], list[int]] = {}  # passes that share a search look once
    gated: list[bool] = []
    for number, (triggers, _) in enumerate(passes):
        gate = _gate(triggers)
        gated.append(gate != triggers)
        if gate not in holding:
            holding[gate] = _segments_holding(view, firsts, ends, gate)
        for index in holding[gate]:
            todo.setdefault(index, []).append(number)
    if not todo:
        return view
    pieces, cursor = [], 0
    for index in sorted(todo):
        start, end = segments[index]
        segment = view[start:end]
        masked = False
        for number in todo[index]:
            triggers, finder = passes[number]
            if masked or gated[number]:
                for trigger in triggers:
                    if trigger in segment:
                        break
                else:
                    continue
            spans = finder(segment)
            if spans:
                segment = _mask_ordered(segment, spans)
                masked = True
        pieces.append(view[cursor:start])
        pieces.append(segment)
        cursor = end
    pieces.append(view[cursor:])
    return "".join(pieces)


# Characters common to the triggers of several passes (Liquid and Hugo tags and IALs; the
# two kinds of math; link destinations and references), looked for once for all of them.
_GATES = "{$]"


@cache
def _gate(triggers: tuple[str, ...]) -> tuple[str, ...]:
    """What to look for in the view for a pass with ``triggers``: a character of ``_GATES``
    that each trigger holds (so a segment without it holds none of them), else the triggers."""
    for char in _GATES:
        if all(char in trigger for trigger in triggers):
            return (char,)
    return triggers


def _segments_holding(
    view: str, firsts: list[int], ends: list[int], triggers: tuple[str, ...]
) -> list[int]:
    """The segments in which one of ``triggers`` starts, in order. Segments are whole lines
    and no trigger holds a line break, so none spans two: after a hit the search resumes at
    the next segment, and the view is read once for each trigger. Several triggers: the
    union of each one's segments (cheaper than interleaving their searches)."""
    found = _segments_holding_one(view, firsts, ends, triggers[0])
    for trigger in triggers[1:]:
        more = _segments_holding_one(view, firsts, ends, trigger)
        if more:
            found = sorted(set(found).union(more)) if found else more
    return found


def _segments_holding_one(view: str, firsts: list[int], ends: list[int], trigger: str) -> list[int]:
    from postlint.core import inline_masks

    find = inline_masks.trigger_finder(trigger)
    found: list[int] = []
    pos = 0
    while (at := find(view, pos)) >= 0:
        index = bisect_right(firsts, at) - 1
        if index >= 0 and at < ends[index]:
            found.append(index)
        if index + 1 >= len(firsts):
            break
        pos = firsts[index + 1]
    return found


_RAW_HTML = re.compile(r"\s*<(script|style|pre|textarea)\b", re.IGNORECASE)


def _is_raw_html(content: str) -> bool:
    return _RAW_HTML.match(content) is not None


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


def _mask_ordered(text: str, spans: list[tuple[int, int]]) -> str:
    """:func:`_mask_spans` for spans in order of their starts, as a finder gives them: no
    sort, no merge (a span that overlaps the one before is masked from where that one
    ended)."""
    pieces, cursor = [], 0
    breaks = "\n" in text or "\r" in text  # without any, a span's mask is one run
    for start, end in spans:
        if start < cursor:
            start = cursor
        if end <= start:
            continue
        pieces.append(text[cursor:start])
        pieces.append(_masked(text[start:end]) if breaks else MASK * (end - start))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _delimiter_rows(view: str, tables: list[tuple[int, int]]) -> list[tuple[int, int]]:
    rows = []
    for start, end in tables:
        for match in _LINE_BREAK.finditer(view, start, end):
            line_start = match.end()
            next_break = _LINE_BREAK.search(view, line_start, end)
            line_end = next_break.start() if next_break else end
            if _TABLE_DELIMITER_ROW.fullmatch(view, line_start, line_end):
                rows.append((line_start, line_end))
                break  # one delimiter row per table
    return rows
