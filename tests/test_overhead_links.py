"""The link scan passes over a region that cannot hold an HTML attribute or a reference
definition without running their patterns, and pairs backticks by run lengths: the links it
finds are the ones the full scan finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core.document import Document
from postlint.core.source import SourceFile
from postlint.site import links

_TICKS = re.compile(r"`+")


def _paired(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Backtick pairing as it was written first: by the runs' own text."""
    spans: list[tuple[int, int]] = []
    opened: re.Match[str] | None = None
    for run in _TICKS.finditer(text, start, end):
        if opened is None:
            opened = run
        elif len(run.group()) == len(opened.group()):
            spans.append((opened.start(), run.end()))
            opened = None
    return spans


_PIECES = st.sampled_from(
    [
        "word ",
        "\n",
        "\n\n",
        "`",
        "``",
        "```\n",
        "    indented\n",
        "[a](b.md)",
        "![i](p.png)",
        '[t](/x/ "title")',
        "[ref]",
        "[ref]: /posts/a/\n",
        "[Ref]:<x.md>\n",
        '<a href="/a/">',
        "<img SRC='p.png'>",
        "href = 'q'",
        "ſrc='x'",
        "=",
        '="',
        "]:",
        "<!-- ",
        " -->",
        "{% post_url 2020-01-01-a %}",
        "{% link a.md %}",
        '{{< ref "b.md" >}}',
        "é",
        "# heading\n",
        "> quote [q](q.md)\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_the_links_are_the_full_scans(body: str) -> None:
    text = f"---\ntitle: t\n---\n{body}"
    fast = tuple(links._scan(Document(SourceFile("p.md", text))))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(links, "_may_match", lambda *args: True)
        full = tuple(links._scan(Document(SourceFile("p.md", text))))
    assert fast == full


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["`", "``", "```", "a", " ", "\n"]), max_size=30).map("".join))
def test_backticks_pair_as_they_did(text: str) -> None:
    for start, end in ((0, len(text)), (1, len(text)), (0, max(0, len(text) - 2))):
        assert links._code_spans(text, start, end) == _paired(text, start, end)
