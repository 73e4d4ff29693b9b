"""The prose view built by the current code equals the one built by the code as it was before
its speed-ups (``prose_view_reference`` and ``inline_masks_reference``, frozen copies): same
text, same masks, same blocks with the same kinds, offsets and containers, on generated bodies
that mix every construct a finder or a block rule reacts to, and on the sample posts."""

from __future__ import annotations

import re
from pathlib import Path

import inline_masks_reference
import prose_view_reference
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.core import frontmatter, inline_masks, prose_view
from postlint.core.prose_view import MASK, Block, ProseView, build_prose_view

Shape = tuple[str, tuple[tuple[str, int, int, bool, bool], ...]]


def _shape(view: ProseView | prose_view_reference.ProseView) -> Shape:
    blocks = tuple((b.kind, b.start, b.end, b.in_list, b.in_blockquote) for b in view.blocks)
    return view.text, blocks


def _both(text: str, body_start: int, tex_math: bool) -> tuple[Shape, Shape]:
    new = build_prose_view(text, body_start, tex_math=tex_math)
    old = prose_view_reference.build_prose_view(text, body_start, tex_math=tex_math)
    assert len(new.text) == len(text)
    # Blocks built straight into their fields are the dataclass's own: equal, same hash, repr.
    plain = tuple(Block(*fields) for fields in _shape(new)[1])
    assert new.blocks == plain
    assert [hash(b) for b in new.blocks] == [hash(b) for b in plain]
    assert [repr(b) for b in new.blocks] == [repr(b) for b in plain]
    assert [vars(b) for b in new.blocks] == [vars(b) for b in plain]
    assert new.prose_blocks() == tuple(b for b in new.blocks if b.kind in ("paragraph", "heading"))
    return _shape(new), _shape(old)


PREFIXES = ["", "", "  ", "    ", "\t", "- ", "* ", "+ ", "1. ", "2) ", "> ", ">", "> - ", "- > "]
PIECES = [
    "text",
    "word",
    "é",
    "ü ✓",
    "😀",
    "日本",
    MASK,
    " ",
    "  ",
    "\t",
    "# Heading",
    "## H2 ##",
    "===",
    "---",
    "***",
    "```",
    "```py",
    "~~~",
    "````",
    "| a | b |",
    "|---|---|",
    "|:-:|--:|",
    "a | b",
    "<div>",
    "</div>",
    "<div class='x'>",
    "<!--",
    "-->",
    "<!-- c -->",
    "<script>",
    "</script>",
    "<pre>",
    "</pre>",
    "<?php x ?>",
    "<!DOCTYPE html>",
    '<a href="x">',
    "</a>",
    "<br/>",
    "<span title=é>",
    "<code>c</code>",
    "<CODE>",
    "</code >",
    "<svg>",
    "</svg>",
    "[x]: /url",
    "[x]: <u> 't'",
    "[^1]: note",
    "[^n]",
    "[link](url)",
    "[l](u 't')",
    '[l](<u> "t")',
    "[l](a(b)c)",
    "](",
    "][",
    "[ref][x]",
    "[",
    "]",
    "(",
    ")",
    "`code`",
    "``a`b``",
    "`",
    "``",
    "\\`",
    "$$",
    "$x$",
    "$ y$",
    "$1",
    "\\$",
    "\\[a\\]",
    "\\(b\\)",
    "\\[",
    "\\)",
    "{% raw %}",
    "{% endraw %}",
    "{%- comment -%}",
    "{% endcomment %}",
    "{% highlight go %}",
    "{% endhighlight %}",
    "{% capture x %}",
    "{{< highlight go >}}",
    "{{< /highlight >}}",
    "{{% code %}}",
    "{{% /code %}}",
    "{{< katex >}}",
    "{{< /katex >}}",
    "{{< ref x >}}",
    "{{ var }}",
    "{% tag %}",
    "{%",
    "%}",
    "{{",
    "}}",
    "{:.cls}",
    "{: #id}",
    "<https://x.y>",
    "<a@b.c>",
    "<mailto:a@b.c>",
    "https://ex.com/a.",
    "http://é.fr/(x)",
    "ftp://f.g",
    "www.ex.com",
    "/www.x",
    "a@b.c",
    "<",
    ">",
    "&amp;",
    '"',
    "'",
    "*em*",
    "_u_",
    # HTML blocks that run over blank lines: blocks (so segments) that hold a blank line.
    "<!-- a\n\n`b\n \nc` -->",
    "<?x\n\n``a\n\t\n``?>\n",
    "<!X\n`a`\n\n` b`>",
]
BREAKS = ["\n", "\n", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n  \n"]


@st.composite
def posts(draw: st.DrawFn) -> tuple[str, int]:
    lines = draw(
        st.lists(
            st.tuples(
                st.sampled_from(PREFIXES),
                st.lists(st.sampled_from(PIECES), max_size=5),
                st.sampled_from(["", " ", "\t"]),
                st.sampled_from(BREAKS),
            ),
            max_size=16,
        )
    )
    body = "".join(p + sep.join(c) + b for p, c, sep, b in lines)
    if draw(st.booleans()):
        body = body.rstrip("\r\n")  # no break after the last line
    front = draw(st.sampled_from(["", "", "---\ntitle: x\n---\n", "+++\r\na = 1\r\n+++\r\n"]))
    return front + body, len(front)


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(post=posts(), tex_math=st.booleans(), shift=st.integers(-3, 3))
def test_view_equals_the_old_code(post: tuple[str, int], tex_math: bool, shift: int) -> None:
    text, body_start = post
    new, old = _both(text, body_start + shift if body_start else body_start, tex_math)
    assert new == old


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=80), body_start=st.integers(-2, 90), tex_math=st.booleans())
def test_view_equals_the_old_code_on_any_text(text: str, body_start: int, tex_math: bool) -> None:
    new, old = _both(text, body_start, tex_math)
    assert new == old


EDGES = [
    "",
    "\n",
    "\r",
    "\r\n",
    "a",
    "é",
    MASK,
    "    ",
    "\t\n",
    "`",
    "<",
    "- ",
    "> ",
    "[x]: /u",
    "- [x]: /u\n",
    "> [x]: /u\r\n>\r\n",
    "a\n\n\n\nb",
    "| a |\n|---|\n",
    "```\nno close",
    "<!-- no close\n\nstill\n",
    "{% raw %}\n\n`x`\n\n{% endraw %}\n",
    "{{< highlight >}}\r\n\r\nx\r\n{{< /highlight >}}",
    "<script>\n</script>\n`a`",
    'é`ü`[l](ü "é")<b é=ü>',
]


def test_view_equals_the_old_code_on_edge_bodies() -> None:
    for body in EDGES:
        for front in ("", "---\na: 1\n---\n"):
            for tex_math in (False, True):
                new, old = _both(front + body, len(front), tex_math)
                assert new == old, (front + body, tex_math)


def test_view_equals_the_old_code_on_the_sample_posts() -> None:
    root = Path(__file__).parent / "corpus_sample"
    paths = sorted(p for p in root.rglob("*") if p.suffix in (".md", ".markdown"))
    assert paths
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace")
        block = frontmatter.split(text)
        start = block.body_start if block else 0
        for tex_math in (False, True):
            new, old = _both(text, start, tex_math)
            assert new == old, path


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["`", "``", "```", "\n", "\n\n", " ", "\t", "a", "\\", "é", MASK]),
        max_size=24,
    ).map("".join)
)
def test_inline_code_equals_the_old_finder(text: str) -> None:
    assert inline_masks.inline_code(text) == inline_masks_reference.inline_code(text)


_LINK_TEXT = [
    "](",
    "]",
    "(",
    ")",
    " ",
    "\t",
    "\n",
    '"',
    "'",
    "a",
    "é",
    "😀",
    MASK,
    "\u2003",
    "\x85",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_LINK_TEXT), max_size=30).map("".join))
def test_link_destinations_equal_the_old_finder(text: str) -> None:
    """Plain destinations by the fast path, the others by RE2 from their ``](``: the same."""
    assert inline_masks.link_destinations(text) == inline_masks_reference.link_destinations(text)


_FINDER_TEXT = ["](", ")", "(", " ", '"t"', "'t'", "<", ">", "a", "é", "😀", MASK, "/", "[^"]
_FINDER_TEXT += ["]", "[", "\n", "\t", "{:", "}", "x", "b=1", "@", ":", "`", "$", "https://"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_FINDER_TEXT), max_size=30).map("".join))
def test_finders_equal_the_old_ones(text: str) -> None:
    for name in (
        "autolinks",
        "html_tags",
        "link_destinations",
        "link_references",
        "footnotes",
        "kramdown_ials",
        "inline_code",
        "raw_html_elements",
        "html_comments",
    ):
        assert getattr(inline_masks, name)(text) == getattr(inline_masks_reference, name)(text)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.sampled_from(["{", "%", "{ ", "a", "é", MASK, "\n"]), max_size=40).map("".join),
    st.sampled_from(["{%", "{{"]),
)
def test_pair_search_is_in(text: str, pair: str) -> None:
    """The search by the first character (a few tries, then the plain search) is ``in``."""
    assert inline_masks._holds(text, pair) == (pair in text)
    assert inline_masks._holds("{ " * 12 + text, pair) == (pair in text)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.sampled_from(["`", "``", "~", "~~", " ", "  ", "\t", "a", "é", "\n"]), max_size=30)
)
def test_parser_needs_are_found_as_by_in(pieces: list[str]) -> None:
    """The rules left out of the parser are those whose needs are not in the body."""
    body = "".join(pieces)
    for text in (body, "` ~ " * 10 + body):
        for _, needs in prose_view._RULE_NEEDS:
            if isinstance(needs, re.Pattern):
                continue  # a pattern is searched for as it is
            for need in needs:
                assert prose_view._holds(text, need) == (need in text)
