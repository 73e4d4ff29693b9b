"""The block parser without the rules a body cannot match gives the very tokens of the full
parser: the rules left out would only have said no (or, for indented code, the blanks that
make it are not there for any other rule to see either)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.core import prose_view

# Line starts and contents that exercise every block rule, nested and lazy.
PREFIXES = [
    "",
    " ",
    "  ",
    "   ",
    "    ",
    "     ",
    "\t",
    " \t",
    "- ",
    "-  ",
    "-     ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "10.  ",
    "> ",
    ">",
    ">  ",
    ">     ",
    "> > ",
    "> - ",
    "- > ",
    "  - ",
    "   > ",
    ">\t",
    "-\t",
]
CONTENTS = [
    "",
    "text",
    "lazy line",
    "# Heading",
    "### h ###",
    "#no",
    "===",
    "---",
    "***",
    "* * *",
    "___",
    "```",
    "```py",
    "~~~",
    "````",
    "| a | b |",
    "|---|---|",
    "a | b",
    "--- | ---",
    ":-: | -:",
    "<div>",
    "</div>",
    "<!-- c -->",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<pre>",
    "<?php",
    "?>",
    "<!DOCTYPE x>",
    "<![CDATA[",
    "]]>",
    '<a href="x">',
    "[x]: /url",
    '[x]: /url "title"',
    "[x]:",
    "[^1]: note",
    "[link](url)",
    "[open label",
    "label end]",
    "label end] :",
    "[a] [b]",
    "[\\]",
    "`code`",
    "$$",
    "\\",
    "1.",
    "-",
    ">",
]
BREAKS = ["\n", "\n", "\n", "\r\n", "\r", "\n\n"]
# Each gate's substrings (or pattern): the pieces that hold one go for a body to lack them.
Needs = tuple[str, ...] | re.Pattern[str]
GATES: list[Needs] = [needs for _, needs in prose_view._RULE_NEEDS]


def _lacks(piece: str, needs: Needs) -> bool:
    if isinstance(needs, re.Pattern):
        return needs.search(piece) is None
    return not any(need in piece for need in needs)


def _allowed(piece: str, banned: list[Needs]) -> bool:
    return all(_lacks(piece, needs) for needs in banned)


@st.composite
def bodies(draw: st.DrawFn) -> str:
    """Markdown lines, without the substrings of a drawn set of gates (so that the parser
    actually leaves rules out), or with all of them."""
    banned = draw(st.lists(st.sampled_from(GATES), max_size=len(GATES), unique=True))
    prefixes = [p for p in PREFIXES if _allowed(p, banned)]
    contents = [c for c in CONTENTS if _allowed(c, banned)]
    lines = draw(
        st.lists(
            st.tuples(
                st.sampled_from(prefixes), st.sampled_from(contents), st.sampled_from(BREAKS)
            ),
            min_size=1,
            max_size=14,
        )
    )
    body = "".join(prefix + content + brk for prefix, content, brk in lines)
    if draw(st.booleans()):
        body = body.rstrip("\r\n")
    # Joining pieces can make a banned substring ("    " from two indents): drop the draw.
    if not all(_allowed(body, [needs]) for needs in banned):
        body = "".join(c for c in body if c not in "|<>`~#[]: \t*_-")
    return body


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=bodies())
def test_gated_parser_gives_the_tokens_of_the_full_parser(body: str) -> None:
    full = prose_view.block_parser().parse(body)
    assert prose_view.parser_for(body).parse(body) == full


def test_each_gate_leaves_its_rule_out() -> None:
    """The gates are used: a body without any of their substrings is parsed by a parser
    without any of those rules (and the names are real rule names)."""
    parser = prose_view.parser_for("plain text\n\n- item\n")
    active = set(parser.block.ruler.get_active_rules())
    gated = {rule for rule, _ in prose_view._RULE_NEEDS}
    assert gated <= set(prose_view.block_parser().block.ruler.get_active_rules())
    assert not active & gated


def test_examples_with_and_without_each_construct() -> None:
    examples = [
        "a | b\n--- | ---\n1 | 2\n",
        "a\n---\n",
        "> quote\nlazy\n",
        "- item\n\n      code\n",
        "-     code in item\n",
        ">     code in quote\n",
        "   three spaces\n",
        "```\nfence\n",
        "<div>\n\nafter\n",
        "[x]: /u\n[y]: /v 'z'\n",
        "# h\nSetext\n===\n",
        "1. a\n   b\n\n2) c\n",
        "\ttab\n",
        "line\r\n\r\n    code\r\n",
        "a\n- - -\nb\n",
        "a\n* *\n-\t-  -\n",
        "- a\n- b\n\n__x__\n",
        "> ***\n",
    ]
    for body in examples:
        assert prose_view.parser_for(body).parse(body) == prose_view.block_parser().parse(body)
