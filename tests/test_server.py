"""``postlint server`` through a real LSP client over stdio: diagnostics, actions, hover, reload.

Every test starts the server in a subprocess (``python -m postlint server``), with a temporary
project as its workspace, and ends with shutdown and exit (the exit code must be 0).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from lsp_session import session
from lsprotocol import types

from conftest import CORPUS
from postlint.application.config_loader import ConfigResolver
from postlint.core.engine import Linter
from postlint.core.fix import apply_edits
from postlint.core.rule import discover
from postlint.interfaces.server.convert import Converter, units

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
    from postlint.core.diagnostic import Edit

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
    from postlint.core.document import Document
    from postlint.core.source import SourceFile
    from postlint.interfaces.server.actions import _front_matter_edit

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


VOCABULARY_POST = "---\ntitle: A post\nlayout: post\n---\n\nThe office in Kiev is very unique.\n"


@pytest.mark.asyncio
async def test_vocabulary_is_shared_by_the_cli_and_the_server(tmp_path: Path, run_cli) -> None:
    (tmp_path / "postlint.toml").write_text("", encoding="utf-8")
    post = tmp_path / "post.md"
    post.write_text(VOCABULARY_POST, encoding="utf-8")
    vocabulary = tmp_path / ".postlint-vocabulary.txt"
    async with session(tmp_path) as s:
        uri = s.open(post)
        before = await s.diagnostics(uri)
        assert "uncomparables" in {d.message[1:].split("]")[0] for d in before}
        assert "PR199" not in {d.code for d in before}

        # the CLI writes the file; the server's next lint reads it (no restart)
        done = run_cli("vocabulary", "add", "--reject", "--use", "Kyiv", "Kiev")
        assert done.returncode == 0, done.stderr
        version = s.change(uri, VOCABULARY_POST)
        rejected = _by_code(await s.diagnostics(uri, version))["PR199"]
        assert rejected.range == _range(5, 14, 18)
        assert "'Kiev' is a rejected term" in rejected.message

        # hover on it shows the rule's documentation
        hover = await s.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(5, 15))
        )
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert hover.contents.kind == types.MarkupKind.Markdown
        assert hover.contents.value.startswith("# PR199: rejected-term")
        assert hover.range == rejected.range
        nothing = await s.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(1, 2))
        )
        assert nothing is None

        # the server's action writes the same file; the CLI then agrees
        unique = next(d for d in await s.diagnostics(uri, version) if "uncomparables" in d.message)
        add = next(
            a
            for a in await s.code_actions(uri, unique.range)
            if a.title == "Add 'very unique' to the project vocabulary"
        )
        assert add.command is not None
        mark = len(s.published)
        result = await s.client.workspace_execute_command_async(
            types.ExecuteCommandParams(add.command.command, add.command.arguments)
        )
        assert result == str(vocabulary)
        assert vocabulary.read_text(encoding="utf-8").splitlines()[1:] == [
            "!Kiev -> Kyiv",
            "very unique",
        ]
        after = await s.diagnostics(uri, version, after=mark)
        assert [str(d.code) for d in after] == ["PR199"]  # both of proselint's findings gone
    done = run_cli("check", "--no-cache", "--output-format", "json", "post.md")
    codes = [d["code"] for d in json.loads(done.stdout)["diagnostics"]]
    assert codes == ["PR199"]


RELOAD_POST = "---\ntitle: A post\nlayout: post\n---\n\nIt was the the best.\n"


@pytest.mark.asyncio
async def test_configuration_changes_apply_without_a_restart(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    config = tmp_path / "postlint.toml"
    async with session(tmp_path) as s:
        await s.wait(lambda: s.registrations)  # the server asks to watch configuration files
        assert [r.method for r in s.registrations] == ["workspace/didChangeWatchedFiles"]
        uri = s.open(post, RELOAD_POST)
        assert [d.code for d in await s.diagnostics(uri)] == ["PR108"]

        # a new configuration file, announced by the client: the open post is checked again
        config.write_text('ignore = ["PR108", "lexical_illusions"]\n', encoding="utf-8")
        mark = len(s.published)
        s.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(s.uri(config), types.FileChangeType.Created)]
            )
        )
        assert await s.diagnostics(uri, 1, after=mark) == []

        # a broken configuration is reported on the post, not a crash ...
        config.write_text('ignore = ["PR108"\n', encoding="utf-8")
        version = s.change(uri, RELOAD_POST)
        broken = await s.diagnostics(uri, version)
        assert [d.code for d in broken] == ["configuration"]
        assert "not valid TOML" in broken[0].message
        # ... and mended without any notification: the file's stamp changed
        config.write_text(
            'select = ["PR1"]\n[severity]\nrepeated-word = "info"\n', encoding="utf-8"
        )
        version = s.change(uri, RELOAD_POST)
        mended = await s.diagnostics(uri, version)
        assert [(d.code, d.severity) for d in mended] == [
            ("PR108", types.DiagnosticSeverity.Information)
        ]


@pytest.mark.asyncio
async def test_a_newer_change_supersedes_a_slow_lint(tmp_path: Path) -> None:
    slow = "---\ntitle: A post\nlayout: post\n---\n\n" + "It was the the best of times. " * 3000
    async with session(tmp_path, debounce=0.0) as s:
        uri = s.open(tmp_path / "post.md", slow)
        for _ in range(5):  # typing fast: each change supersedes the one before
            last = s.change(uri, RELOAD_POST.replace("the the", "the"))
        assert await s.diagnostics(uri, last) == []
        await asyncio.sleep(0.5)
        stale = [p.version for p in s.published if p.uri == uri and p.version != last]
        assert stale == []  # the slow first version was never published


def _frame(payload: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(payload) + payload


def _message(**fields: object) -> bytes:
    return _frame(json.dumps({"jsonrpc": "2.0", **fields}).encode())


def test_malformed_messages_and_invalid_documents_never_kill_the_server(tmp_path: Path) -> None:
    """Raw bytes on the server's stdin, as a broken client would send them."""
    import subprocess
    import sys

    uri = (tmp_path / "post.md").as_uri()
    messages = [
        _message(id=1, method="initialize", params={"capabilities": {}}),
        _message(method="initialized", params={}),
        _frame(b"{not json at all"),
        _frame(b'{"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": 5}'),
        _message(id=3, method="no/such/method", params={}),
        _message(method="textDocument/didOpen", params={"textDocument": {"uri": uri}}),
        _message(
            method="textDocument/didOpen",
            params={
                "textDocument": {
                    "uri": uri,
                    "languageId": "markdown",
                    "version": 1,
                    "text": "---\ntitle: [unclosed\n---\n\x00\ud800 the the\n",
                }
            },
        ),
        _message(
            id=4,
            method="workspace/executeCommand",
            params={"command": "postlint.addToVocabulary", "arguments": [1, 2, 3]},
        ),
        _message(
            id=5,
            method="textDocument/hover",
            params={"textDocument": {"uri": uri}, "position": {"line": 99, "character": 99}},
        ),
        _message(id=6, method="shutdown"),
        _message(method="exit"),
    ]
    done = subprocess.run(
        [sys.executable, "-m", "postlint", "server"],
        input=b"".join(messages),
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    replies = _replies(done.stdout)
    by_id = {r["id"]: r for r in replies if r.get("id") is not None}
    assert set(by_id) == {1, 3, 4, 5, 6}  # pygls cannot answer 2: its params do not parse
    assert "error" in by_id[3] and "error" in by_id[4]
    shown = [r["params"]["message"] for r in replies if r.get("method") == "window/showMessage"]
    assert len(shown) == 3  # the broken JSON, hover's params, the open without a text
    assert "result" in by_id[5] and "result" in by_id[6]
    published = [
        r["params"] for r in replies if r.get("method") == "textDocument/publishDiagnostics"
    ]
    codes = {d["code"] for p in published for d in p["diagnostics"]}
    assert codes == {"PL004"}  # a NUL byte: the CLI's binary-file check, not a crash


def _replies(data: bytes) -> list[dict]:
    replies = []
    while data:
        header, _, rest = data.partition(b"\r\n\r\n")
        fields = dict(line.split(b":", 1) for line in header.split(b"\r\n"))
        length = int(fields[b"Content-Length"])
        replies.append(json.loads(rest[:length]))
        data = rest[length:]
    return replies


# --- the server reports what `postlint check` reports --------------------------------------------


def _cli_json(paths: list[Path]) -> dict[str, list[dict]]:
    """``postlint check --output-format json`` for ``paths``, computed in this process the way
    the CLI does (configuration per post, the JSON reporter), by absolute path."""
    from postlint.application.runner import LinterPool
    from postlint.report import ReportOptions
    from postlint.report.json_format import render

    pool = LinterPool(ConfigResolver(discover()))
    results = [pool.for_path(path).lint_file(path, str(path)) for path in paths]
    report = json.loads(render(results, ReportOptions(rules=pool.resolver.rules)))  # type: ignore[union-attr]
    by_path: dict[str, list[dict]] = {str(p): [] for p in paths}
    for diagnostic in report["diagnostics"]:
        by_path[diagnostic["path"]].append(diagnostic)
    return by_path


def _utf16_position(text: str, offset: int) -> tuple[int, int]:
    """Independent of the server's converter: lines end at CR LF, CR or LF."""
    import re

    before = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    line_start = breaks[-1].end() if breaks else 0
    if before.endswith("\r") and text[offset : offset + 1] == "\n":
        breaks, line_start = breaks[:-1], (breaks[-2].end() if len(breaks) > 1 else 0)
    column = before[line_start:]
    return len(breaks), len(column) + sum(1 for c in column if ord(c) > 0xFFFF)


def _expected(text: str, diagnostic: dict) -> tuple:
    shift = 1 if text.startswith("\ufeff") else 0
    start, end = diagnostic["start"]["offset"] + shift, diagnostic["end"]["offset"] + shift
    if start == end == shift and (diagnostic["start"]["line"], diagnostic["start"]["column"]) != (
        1,
        1,
    ):
        # a file-level problem placed by line:column only (not UTF-8): the server says the same
        where = (diagnostic["start"]["line"] - 1, diagnostic["start"]["column"] - 1)
        return (diagnostic["code"], diagnostic["sub_code"], diagnostic["message"], where, where)
    return (
        diagnostic["code"],
        diagnostic["sub_code"],
        diagnostic["message"],
        _utf16_position(text, start),
        _utf16_position(text, end),
    )


def _got(diagnostic: types.Diagnostic) -> tuple:
    assert isinstance(diagnostic.data, dict)
    sub_code = diagnostic.data["sub_code"]
    message = diagnostic.message
    if sub_code and message.startswith(f"[{sub_code}] "):
        message = message[len(sub_code) + 3 :]
    return (
        diagnostic.code,
        sub_code,
        message,
        (diagnostic.range.start.line, diagnostic.range.start.character),
        (diagnostic.range.end.line, diagnostic.range.end.character),
    )


async def _compare_with_cli(root: Path, posts: list[Path]) -> int:
    """Open every post in one server; compare with the CLI's JSON. Returns the diagnostics
    compared (so a test can see that it compared something)."""
    texts = {}
    for post in posts:
        try:
            texts[post] = post.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue  # an editor cannot hold it as text either
    loop = asyncio.get_running_loop()
    async with session(root) as s:
        uris = {post: s.open(post, text) for post, text in texts.items()}
        expected = await loop.run_in_executor(None, _cli_json, list(texts))  # meanwhile
        compared, mismatches = 0, []
        for post, uri in uris.items():
            got = sorted(map(_got, await s.diagnostics(uri)))
            want = sorted(_expected(texts[post], d) for d in expected[str(post)])
            compared += len(want)
            if got != want:
                mismatches.append((str(post), want, got))
        assert mismatches == [], mismatches[:3]
    return compared


@pytest.mark.asyncio
async def test_server_reports_what_the_cli_reports_on_the_examples(tmp_path: Path) -> None:
    """The rule examples and the hostile posts (BOM, CRLF, lone CR, broken front matter)."""
    tests = Path(__file__).parent
    posts = sorted([*tests.glob("examples/*/*.md"), *tests.glob("nasty/*.md")])
    assert len(posts) > 50
    assert await _compare_with_cli(tests, posts) > 100


@pytest.mark.asyncio
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus (../shared/corpus) is absent")
async def test_server_reports_what_the_cli_reports_on_every_corpus_post() -> None:
    posts = sorted(CORPUS.rglob("*.md"))
    assert len(posts) > 1000
    assert await _compare_with_cli(CORPUS, posts) > 1000
