"""The prose view equals the one built the plain way: the full block parser, a loop over every
line, and every finder tried on every block that holds its trigger as it stands (the view's
fast paths are kept out of this reference on purpose)."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.core import inline_masks, prose_view
from postlint.core.prose_view import MASK, Block, build_prose_view

_BREAK = re.compile(r"\r\n|\r|\n")
_KIND = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "table_open": "table",
    "fence": "code",
    "code_block": "code",
    "html_block": "html",
    "hr": "hr",
}
_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = MASK
    return "".join(chars)


def _lines(text: str, base: int) -> list[tuple[int, int, int]]:
    """(start, end without the break, end with it) of each line of ``text[base:]``."""
    lines, pos = [], base
    for match in _BREAK.finditer(text, base):
        lines.append((pos, match.start(), match.end()))
        pos = match.end()
    if pos < len(text):
        lines.append((pos, len(text), len(text)))
    return lines


def reference_view(text: str, body_start: int, tex_math: bool = False) -> prose_view.ProseView:
    body_start = max(0, min(body_start, len(text)))
    lines = _lines(text, body_start)
    tokens = prose_view.block_parser().parse(text[body_start:])
    covered = [0] * len(lines)  # 0 nothing, 1 a container, 2 a leaf block
    blocks: list[Block] = []
    code: list[tuple[int, int]] = []
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
        if token.map is None or token.type == "inline":
            continue
        first, last = token.map[0], min(token.map[1], len(lines))
        if first >= last:
            continue
        kind = _KIND.get(token.type)
        for i in range(first, last):
            covered[i] = 2 if kind else max(covered[i], 1)
        if kind is None:
            continue
        start, end = lines[first][0], lines[last - 1][1]
        blocks.append(Block(kind, start, end, lists > 0, quotes > 0))
        raw = re.match(r"\s*<(script|style|pre|textarea)\b", token.content, re.IGNORECASE)
        if kind == "code" or (kind == "html" and raw):
            code.append((start, end))
    view = _mask(text, [(0, body_start), *code])
    uncovered = [
        (s, e)
        for (s, e, full), c in zip(lines, covered, strict=True)
        if c == 0 and text[s:full].strip()
    ]
    for block in blocks:
        if block.kind == "table":
            for s, e, _ in _lines(view[: block.end], block.start)[1:]:
                if _DELIMITER_ROW.fullmatch(view, s, e):
                    uncovered.append((s, e))
                    break
    view = _mask(view, uncovered)
    segments = [(b.start, b.end) for b in blocks if (b.start, b.end) not in set(code)]
    segments += [
        (s, e)
        for (s, e, full), c in zip(lines, covered, strict=True)
        if c == 1 and text[s:full].strip()
    ]
    segments = prose_view._merge(segments)

    def run(view: str, passes: tuple[inline_masks.Pass, ...]) -> str:
        for start, end in segments:
            segment = view[start:end]
            for triggers, finder in passes:
                if any(trigger in segment for trigger in triggers):
                    segment = _mask(segment, finder(segment))
            view = view[:start] + segment + view[end:]
        return view

    view = run(view, ((("<!--",), inline_masks.html_comments),))
    view = _mask(view, inline_masks.liquid_raw_blocks(view) + inline_masks.hugo_paired(view))
    view = run(view, inline_masks.block_passes(tex_math, MASK))
    return prose_view.ProseView(view, tuple(blocks))


PREFIXES = ["", "  ", "    ", "\t", "- ", "* ", "1. ", "2) ", "> ", ">", "> - ", "- > ", "  - "]
CONTENTS = [
    "",
    "text",
    "lazy line",
    "# Heading",
    "===",
    "---",
    "***",
    "```",
    "```py",
    "~~~",
    "| a | b |",
    "|---|---|",
    "a | b",
    ":-: | -:",
    "| a | b |\n|---|:-:|\n| 1 | 2 |",
    "a | b\n--- | ---\nc | `d`",
    "x\n===",
    "<div>",
    "</div>",
    "<!-- c",
    "-->",
    "<script>",
    "</script>",
    "<pre>",
    "<?php ?>",
    '<a href="x">',
    "[x]: /url",
    "[^1]: note",
    "[link](url)",
    "[ref][x]",
    "`code`",
    "``",
    "$$",
    "$x$",
    "\\[a\\]",
    "\\(b\\)",
    "{% raw %}",
    "{% endraw %}",
    "{{< highlight go >}}",
    "{{< /highlight >}}",
    "{{ var }}",
    "{% tag %}",
    "{:.cls}",
    "<https://x.y>",
    "https://ex.com/a.",
    "www.ex.com",
    "a@b.c",
    "<code>c</code>",
    "é ✓ 😀",
    MASK,
]
BREAKS = ["\n", "\n", "\r\n", "\r", "\n\n"]


@st.composite
def posts(draw: st.DrawFn) -> tuple[str, int]:
    lines = draw(
        st.lists(
            st.tuples(
                st.sampled_from(PREFIXES),
                st.lists(st.sampled_from(CONTENTS), max_size=3),
                st.sampled_from(BREAKS),
            ),
            min_size=1,
            max_size=12,
        )
    )
    body = "".join(p + " ".join(c) + b for p, c, b in lines)
    front = draw(st.sampled_from(["", "---\ntitle: x\n---\n", "+++\r\na = 1\r\n+++\r\n"]))
    return front + body, len(front)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(post=posts(), tex_math=st.booleans())
def test_view_equals_the_plain_build(post: tuple[str, int], tex_math: bool) -> None:
    text, body_start = post
    assert build_prose_view(text, body_start, tex_math=tex_math) == reference_view(
        text, body_start, tex_math
    )


EXAMPLES = [
    ("| a | b |\n|---|---|\n| 1 | [l](u) |\n", 0),
    ("---\nt: 1\n---\n- a\n\n  [x]: /u\n> <!-- c\n> -->\n", 12),
    ("<script>\nx `y`\n</script>\n\n```\n$$\n```\n{% raw %}\n\n{% endraw %}\n", 0),
    ("a\r\n\r\n    code\r\n> q\r\nlazy https://x.y\r\n", 0),
]


def test_view_examples() -> None:
    for text, body_start in EXAMPLES:
        for tex_math in (False, True):
            expected = reference_view(text, body_start, tex_math)
            assert build_prose_view(text, body_start, tex_math=tex_math) == expected


@settings(max_examples=300, deadline=None)
@given(
    view=st.text(alphabet="ab<!-`$](^{%:/w.\n" + MASK, max_size=60),
    cuts=st.lists(st.integers(0, 60), max_size=8),
    triggers=st.sampled_from(
        [("<!--",), ("`",), ("](",), ("://", "www."), ("{%", "{{"), ("$$", "\\[", "\\(")]
    ),
)
def test_segments_holding_a_trigger(view: str, cuts: list[int], triggers: tuple[str, ...]) -> None:
    """Whole-line segments (between breaks) that hold a trigger, found by the fast search
    as by testing each segment."""
    starts = [0] + [m.end() for m in _BREAK.finditer(view)]
    bounds = sorted({min(c, len(starts) - 1) for c in cuts})
    segments = []
    for a, b in pairwise(bounds):
        start, end = starts[a], starts[b] - 1
        if start < end:
            segments.append((start, end))
    firsts = [s for s, _ in segments]
    ends = [e for _, e in segments]
    expected = [i for i, (s, e) in enumerate(segments) if any(t in view[s:e] for t in triggers)]
    assert prose_view._segments_holding(view, firsts, ends, triggers) == expected


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab \n\r" + MASK, max_size=30),
    spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6),
)
def test_masking_spans_in_order(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans sorted by their starts (as finders give them) are masked as when merged first."""
    spans = sorted((min(a, b, len(text)), min(max(a, b), len(text))) for a, b in spans)
    assert prose_view._mask_ordered(text, spans) == prose_view._mask_spans(text, spans)
