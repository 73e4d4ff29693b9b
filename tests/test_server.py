"""``postlint server`` through a real LSP client over stdio: diagnostics, actions, hover, reload.

Every test starts the server in a subprocess (``python -m postlint server``), with a temporary
project as its workspace, and ends with shutdown and exit (the exit code must be 0).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_session import session
from lsprotocol import types

from postlint.config_loader import ConfigResolver
from postlint.engine import Linter
from postlint.fix import apply_edits
from postlint.rule import discover
from postlint.server.convert import Converter, units

# CRLF line endings, astral characters before the findings (two UTF-16 units, four UTF-8 bytes).
POST = (
    '---\r\ntitle: "Emoji 😀 title"\r\nlayout: post\r\ntags: 5\r\n---\r\n'
    "\r\n😀😀 It was the the best.\r\n"
)


def _range(line: int, start: int, end: int) -> types.Range:
    return types.Range(types.Position(line, start), types.Position(line, end))


def _by_code(diagnostics: list[types.Diagnostic]) -> dict[str, types.Diagnostic]:
    return {str(d.code): d for d in diagnostics}


def _apply(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply LSP text edits the way an editor does (positions in ``encoding``)."""
    from postlint.diagnostic import Edit

    converter = Converter(text, encoding)
    return apply_edits(
        text,
        [
            Edit(converter.offset(e.range.start), converter.offset(e.range.end), e.new_text)
            for e in edits
        ],
    )


def _edits(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


def _codes_in_process(path: Path, text: str) -> list[str]:
    """What ``postlint check`` reports for ``text`` at ``path`` (its configuration lookup)."""
    rules = discover()
    linter = Linter(ConfigResolver(rules).config_for(path), rules)
    return [d.selector for d in linter.lint_text(text, str(path)).diagnostics]


@pytest.mark.asyncio
async def test_open_change_close_with_exact_ranges(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    async with session(tmp_path) as s:
        uri = s.open(post, POST)
        found = _by_code(await s.diagnostics(uri, 1))
        assert set(found) == {"FM001", "PR108"}
        schema = found["FM001"]  # front matter: `5` in "tags: 5", line 4 (0-based 3)
        assert schema.range == _range(3, 6, 7)
        assert schema.severity == types.DiagnosticSeverity.Error
        assert schema.source == "postlint"
        assert schema.message.startswith("`tags` is 5; expected a list")
        assert schema.code_description is not None
        assert schema.code_description.href.endswith("/docs/rules/FM001.md")
        # "😀😀 It was " is 12 UTF-16 units (10 code points): "the the" starts there.
        assert found["PR108"].range == _range(6, 12, 19)
        assert found["PR108"].message == "'the' is written twice in a row: delete the second 'the'"

        # An incremental change: delete the second "the " (units 16..20 of line 6).
        version = s.change(uri, "", _range(6, 16, 20))
        assert set(_by_code(await s.diagnostics(uri, version))) == {"FM001"}
        version = s.change(uri, "---\ntitle: Fine\nlayout: post\n---\n\nAll good.\n")
        assert await s.diagnostics(uri, version) == []

        mark = len(s.published)
        s.close(uri)
        assert await s.diagnostics(uri, None, after=mark) == []


@pytest.mark.asyncio
@pytest.mark.parametrize(("encoding", "start", "end"), [("utf-8", 16, 23), ("utf-32", 10, 17)])
async def test_positions_in_the_negotiated_encoding(
    tmp_path: Path, encoding: str, start: int, end: int
) -> None:
    async with session(tmp_path, encodings=[encoding]) as s:
        uri = s.open(tmp_path / "post.md", POST)
        assert _by_code(await s.diagnostics(uri))["PR108"].range == _range(6, start, end)


def test_converter_round_trips_astral_and_crlf() -> None:
    text = "a😀b\r\n\U0001f600\rc\n"
    for encoding in ("utf-8", "utf-16", "utf-32"):
        converter = Converter(text, encoding)
        for offset in range(len(text) + 1):
            if text[max(offset - 1, 0) : offset] == "\r" and text[offset : offset + 1] == "\n":
                continue  # between CR and LF: not a place on any line
            assert converter.offset(converter.position(offset)) == offset
    assert units("😀", "utf-16") == 2 and units("😀", "utf-8") == 4 and units("😀", "utf-32") == 1
    # a column inside a surrogate pair rounds down to the character's start
    assert Converter("😀x", "utf-16").offset(types.Position(0, 1)) == 0


ACTIONS_POST = """---
title: A post
layout: post
tags: 5
---

It was the the best.
We utilize it, and the the end
came later.
"""


@pytest.mark.asyncio
async def test_every_code_action(tmp_path: Path) -> None:
    (tmp_path / "postlint.toml").write_text('ignore = ["PS"]\n', encoding="utf-8")
    (tmp_path / ".postlint-vocabulary.txt").write_text("!utilize -> use\n", encoding="utf-8")
    post = tmp_path / "post.md"
    post.write_text(ACTIONS_POST, encoding="utf-8")
    async with session(tmp_path) as s:
        uri = s.open(post)
        diagnostics = await s.diagnostics(uri)
        assert sorted((str(d.code), d.range.start.line) for d in diagnostics) == [
            ("FM001", 3), ("PR108", 6), ("PR108", 7), ("PR199", 7)
        ]  # fmt: skip
        first = next(d for d in diagnostics if d.code == "PR108")
        titles = [a.title for a in await s.code_actions(uri, first.range)]
        assert titles == [
            "Delete the repeated 'the' (PR108)",
            "Disable PR108 on this line",
            "Add 'the the' to the project vocabulary",
            "Fix all safe problems in this file (postlint: 2)",
        ]
        by_title = {a.title: a for a in await s.code_actions(uri, first.range)}

        # a safe fix: applied, the problem is gone and nothing new appears
        safe = by_title["Delete the repeated 'the' (PR108)"]
        assert safe.is_preferred and safe.kind == types.CodeActionKind.QuickFix
        fixed = _apply(ACTIONS_POST, _edits(safe, uri))
        assert "It was the best." in fixed
        assert sorted(_codes_in_process(post, fixed)) == ["FM001", "PR108", "PR199"]

        # an unsafe fix is labelled as such and not preferred
        rejected = next(d for d in diagnostics if d.code == "PR199")
        unsafe = next(a for a in await s.code_actions(uri, rejected.range) if "PR199" in a.title)
        assert unsafe.title == "Replace with 'use' (PR199, unsafe)" and not unsafe.is_preferred
        assert "We use it" in _apply(ACTIONS_POST, _edits(unsafe, uri))

        # fix all: every safe fix (both PR108), never the unsafe one
        everything = by_title["Fix all safe problems in this file (postlint: 2)"]
        assert everything.kind == "source.fixAll.postlint"
        all_fixed = _apply(ACTIONS_POST, _edits(everything, uri))
        assert sorted(_codes_in_process(post, all_fixed)) == ["FM001", "PR199"]

        # disable on this line: a comment line before a paragraph's first line ...
        disable = _apply(ACTIONS_POST, _edits(by_title["Disable PR108 on this line"], uri))
        assert "\n<!-- postlint-disable-next-line PR108 -->\nIt was the the best.\n" in disable
        assert sorted(_codes_in_process(post, disable)) == ["FM001", "PR108", "PR199"]
        # ... inside a paragraph, a disable/enable pair at the end of the line (a comment line
        # there would split the paragraph in two)
        second = [d for d in diagnostics if d.code == "PR108"][1]
        inner = next(
            a for a in await s.code_actions(uri, second.range) if a.title.startswith("Disable")
        )
        paired = _apply(ACTIONS_POST, _edits(inner, uri))
        assert (
            "the the end <!-- postlint-disable PR108 --><!-- postlint-enable PR108 -->\n" in paired
        )
        assert sorted(_codes_in_process(post, paired)) == ["FM001", "PR108", "PR199"]
        # ... and in YAML front matter, a YAML comment on the line
        schema = next(d for d in diagnostics if d.code == "FM001")
        yaml_action = next(
            a for a in await s.code_actions(uri, schema.range) if a.title.startswith("Disable")
        )
        in_yaml = _apply(ACTIONS_POST, _edits(yaml_action, uri))
        assert "\ntags: 5  # postlint: disable=FM001\n" in in_yaml
        assert sorted(_codes_in_process(post, in_yaml)) == ["PR108", "PR108", "PR199"]

        # only= asks for one kind
        only = await s.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri),
                range=first.range,
                context=types.CodeActionContext(
                    diagnostics=[], only=[types.CodeActionKind.SourceFixAll]
                ),
            )
        )
        assert [a.title for a in only or []] == ["Fix all safe problems in this file (postlint: 2)"]


TOML_POST = '+++\ntitle = "A post"\nlayout = "post"\ntags = 5\n+++\n\nFine.\n'
BLOCK_POST = "---\ntitle: A post\nlayout: post\ndate: >\n  yesterday\n---\n\nFine.\n"


@pytest.mark.asyncio
async def test_disable_in_toml_front_matter_and_on_a_block_scalar(tmp_path: Path) -> None:
    async with session(tmp_path) as s:
        uri = s.open(tmp_path / "toml.md", TOML_POST)
        schema = _by_code(await s.diagnostics(uri))["FM001"]
        action = next(
            a for a in await s.code_actions(uri, schema.range) if a.title.startswith("Disable")
        )
        in_toml = _apply(TOML_POST, _edits(action, uri))
        assert "\ntags = 5  # postlint: disable=FM001\n" in in_toml
        assert _codes_in_process(tmp_path / "toml.md", in_toml) == []
        # the comment goes on the key's line, after the block indicator, not into the value
        uri = s.open(tmp_path / "block.md", BLOCK_POST)
        schema = _by_code(await s.diagnostics(uri))["FM001"]
        assert schema.range.start == types.Position(3, 6)
        actions = await s.code_actions(uri, schema.range)
        assert [a.title for a in actions] == ["Disable FM001 on this line"]
        on_key = _apply(BLOCK_POST, _edits(actions[0], uri))
        assert "date: >  # postlint: disable=FM001\n  yesterday\n" in on_key
        assert _codes_in_process(tmp_path / "block.md", on_key) == []


def test_no_disable_comment_inside_a_multi_line_value() -> None:
    """A '#' inside a block scalar or a multi-line string is part of the value."""
    from postlint.document import Document
    from postlint.server.actions import _front_matter_edit
    from postlint.source import SourceFile

    for text, line in (
        ("---\ntitle: A post\nbody: |\n  first\n  second\n---\n", 4),
        ('+++\ntitle = """first\nsecond"""\n+++\n', 2),
    ):
        source = SourceFile("post.md", text)
        block = Document(source).block
        assert block is not None
        start, end = source.lines.line_span(line)
        assert _front_matter_edit(text, block, start, end, "FM001") is None
    yaml_text = "---\ntitle: A post\nbody: |\n  first\n---\n"
    source = SourceFile("post.md", yaml_text)
    start, end = source.lines.line_span(2)
    block = Document(source).block
    assert block is not None
    edit = _front_matter_edit(yaml_text, block, start, end, "FM001")
    assert edit is not None and edit.replacement == "  # postlint: disable=FM001"
