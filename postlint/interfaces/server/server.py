"""``postlint server``: the language server wiring (pygls), lints off the event loop.

Each open buffer is linted on open and, debounced, on change, by the same Linter and
configuration discovery as ``postlint check`` (so the editor shows what CI will report). Lints
run in one worker thread; a result whose buffer changed meanwhile is thrown away, and a queued
lint of a buffer that has a newer version is skipped, so a slow post never holds up the latest
text. Closing a buffer clears its diagnostics. A configuration, style, schema or vocabulary
change takes effect on the next lint (files are compared by their modification stamps, and
``workspace/didChangeWatchedFiles`` drops everything cached).
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls import uris
from pygls.lsp.server import LanguageServer

from postlint import __version__
from postlint.application.app import check_bytes
from postlint.core.diagnostic import Diagnostic, Severity
from postlint.core.engine import Linter
from postlint.core.source import SourceFile
from postlint.interfaces.server import actions
from postlint.interfaces.server.actions import Checked
from postlint.interfaces.server.convert import Converter
from postlint.interfaces.server.projects import Projects

log = logging.getLogger(__name__)

SOURCE = "postlint"
DEBOUNCE = 0.3  # seconds after the last keystroke; initializationOptions {"debounce": s}
NOT_POSTS = frozenset({".toml", ".json", ".yaml", ".yml", ".txt", ".py", ".js", ".ts"})
WATCHED = ("**/*.toml", "**/*.txt", "**/*.json")
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class PostlintServer(LanguageServer):
    """The state of one editor session: open buffers' results, pending lints, linters."""

    def __init__(self) -> None:
        super().__init__(
            "postlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.projects = Projects()
        self.debounce = DEBOUNCE
        self.checked: dict[str, Checked] = {}
        self.latest: dict[str, int | None] = {}  # newest version seen per open buffer
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="postlint-lint")

    # --- scheduling ---------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(delay, lambda: loop.create_task(self.lint(uri)))

    def relint_all(self) -> None:
        for uri in list(self.latest):
            self.schedule(uri, 0)

    async def lint(self, uri: str) -> None:
        self.timers.pop(uri, None)
        if uri not in self.latest:
            return
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        negotiated = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        encoding = str(getattr(negotiated, "value", negotiated))  # an enum member or a str
        loop = asyncio.get_running_loop()
        try:
            checked = await loop.run_in_executor(
                self.worker, self.check, uri, version, text, encoding
            )
        except Exception:  # a bug here must not stop the server: say so, keep serving
            log.exception("linting %s failed", uri)
            return
        if checked is None or self.latest.get(uri, -1) != version or uri not in self.latest:
            return  # superseded by a newer change, or closed meanwhile
        if isinstance(checked, str):
            self.checked.pop(uri, None)
            self.publish(uri, version, [_config_problem(checked)])
            return
        self.checked[uri] = checked
        self.publish(uri, version, [lsp for _, lsp in checked.diagnostics])

    def check(
        self, uri: str, version: int | None, text: str, encoding: str
    ) -> Checked | str | None:
        """In the worker thread: lint one buffer (None when a newer version is already in)."""
        if self.latest.get(uri, -1) != version:
            return None
        path = path_of(uri, self.workspace.root_path)
        linter = self.projects.linter_for(path)
        if isinstance(linter, str):
            return linter
        return lint_buffer(linter, uri, version, path, text, encoding)

    def publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )


def path_of(uri: str, root: str | None) -> Path:
    """The post's path on disk (configuration is found from it); an unsaved buffer is taken
    to live in the workspace root."""
    path = uris.to_fs_path(uri) if uri.startswith("file:") else None
    if path:
        return Path(path)
    return Path(root or Path.cwd()) / "untitled.md"


def lint_buffer(
    linter: Linter, uri: str, version: int | None, path: Path, text: str, encoding: str
) -> Checked:
    """What ``postlint check`` reports for this text, as LSP diagnostics. The buffer goes
    through the same door as a file's bytes (size, binary and UTF-8 checks, a BOM)."""
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes a PL003 finding
    result, source = check_bytes(linter, str(path), data)
    if source is None:
        source = SourceFile(str(path), text.removeprefix("\ufeff"), text.startswith("\ufeff"))
    converter = Converter(text, encoding, 1 if source.bom else 0)
    diagnostics = tuple((d, to_lsp(d, converter)) for d in result.diagnostics)
    return Checked(uri, version, linter, source, converter, diagnostics)


def to_lsp(diagnostic: Diagnostic, converter: Converter) -> types.Diagnostic:
    message = diagnostic.message
    if diagnostic.sub_code and not message.startswith("["):
        message = f"[{diagnostic.sub_code}] {message}"
    return types.Diagnostic(
        range=converter.range(diagnostic.start, diagnostic.end)
        if diagnostic.end >= diagnostic.start and (diagnostic.start or diagnostic.end)
        else _at(converter, diagnostic),
        message=message,
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=diagnostic.docs_url)
        if diagnostic.docs_url
        else None,
        source=SOURCE,
        data={"name": diagnostic.name, "sub_code": diagnostic.sub_code},
    )


def _at(converter: Converter, diagnostic: Diagnostic) -> types.Range:
    """A file-level problem (offset 0, or a line:column only: unreadable, not UTF-8)."""
    line = max(diagnostic.start_pos.line - 1, 0)
    if diagnostic.start == diagnostic.end == 0 and (line or diagnostic.start_pos.column > 1):
        column = diagnostic.start_pos.column - 1
        position = types.Position(line, column)
        return types.Range(position, position)
    return converter.range(0, 0)


def _config_problem(message: str) -> types.Diagnostic:
    start = types.Position(0, 0)
    return types.Diagnostic(
        range=types.Range(start, start),
        message=f"postlint cannot check this post: {message}",
        severity=types.DiagnosticSeverity.Error,
        code="configuration",
        source=SOURCE,
    )


def build() -> PostlintServer:
    """The server with every feature registered (tests start it in a subprocess)."""
    server = PostlintServer()
    features: list[tuple[str, Any, Any]] = [
        (types.INITIALIZE, None, initialize),
        (types.INITIALIZED, None, initialized),
        (types.TEXT_DOCUMENT_DID_OPEN, None, did_open),
        (types.TEXT_DOCUMENT_DID_CHANGE, None, did_change),
        (types.TEXT_DOCUMENT_DID_CLOSE, None, did_close),
        (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, None, watched),
        (types.TEXT_DOCUMENT_CODE_ACTION, _CODE_ACTIONS, code_action),
        (types.TEXT_DOCUMENT_HOVER, None, hover),
        (types.SHUTDOWN, None, shutdown),
    ]
    for method, options, handler in features:
        server.feature(method, options)(handler)
    server.command(actions.ADD_TO_VOCABULARY)(add_to_vocabulary)
    return server


_CODE_ACTIONS = types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND]
)


# --- the features: each one a function of the server's state and the request -------------


def initialize(ls: PostlintServer, params: types.InitializeParams) -> None:
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("debounce"), int | float):
        ls.debounce = max(0.0, float(options["debounce"]))


def initialized(ls: PostlintServer, params: types.InitializedParams) -> None:
    watch = ls.client_capabilities.workspace
    changes = watch.did_change_watched_files if watch is not None else None
    if changes is None or not changes.dynamic_registration:
        return  # modification stamps still catch every change, at the next lint
    watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
    registration = types.Registration(
        id="postlint-watch",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
    )
    ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


def did_open(ls: PostlintServer, params: types.DidOpenTextDocumentParams) -> None:
    uri = params.text_document.uri
    if Path(uris.to_fs_path(uri) or uri).suffix.lower() in NOT_POSTS:
        return
    ls.latest[uri] = params.text_document.version
    ls.schedule(uri, 0)


def did_change(ls: PostlintServer, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri in ls.latest:
        ls.latest[uri] = params.text_document.version
        ls.schedule(uri, ls.debounce)


def did_close(ls: PostlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    timer = ls.timers.pop(uri, None)
    if timer is not None:
        timer.cancel()
    ls.latest.pop(uri, None)
    ls.checked.pop(uri, None)
    ls.publish(uri, None, [])


def watched(ls: PostlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.projects.forget()
    ls.relint_all()


async def code_action(
    ls: PostlintServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    checked = _current(ls, params.text_document.uri)
    if checked is None:
        return None
    start = checked.converter.offset(params.range.start)
    end = checked.converter.offset(params.range.end)
    loop = asyncio.get_running_loop()  # fix-all lints again: not on the event loop
    found = await loop.run_in_executor(ls.worker, actions.actions, checked, start, end)
    wanted = params.context.only
    if wanted:
        found = [a for a in found if any(str(a.kind).startswith(str(k)) for k in wanted)]
    return found


def add_to_vocabulary(ls: PostlintServer, *args: Any) -> str:
    from postlint.core import vocabulary

    if len(args) != 2 or not all(isinstance(a, str) for a in args):
        raise ValueError("expected the document's URI and the term")
    uri, term = args
    linter = ls.projects.linter_for(path_of(uri, ls.workspace.root_path))
    if isinstance(linter, str) or linter.config.vocabulary is None:
        raise ValueError("no project vocabulary for this post")
    path = linter.config.vocabulary.path
    vocabulary.add(path, term)
    ls.relint_all()
    return str(path)


def hover(ls: PostlintServer, params: types.HoverParams) -> types.Hover | None:
    from postlint.report.rules_doc import render_rule_docs

    checked = _current(ls, params.text_document.uri)
    if checked is None:
        return None
    at = checked.converter.offset(params.position)
    pages: list[str] = []
    ranges: list[types.Range] = []
    for diagnostic, lsp in checked.diagnostics:
        if diagnostic.start <= at <= diagnostic.end:
            rule = checked.linter.rules.get(diagnostic.code)
            page = render_rule_docs(rule) if rule is not None else diagnostic.message
            if page not in pages:
                pages.append(page)
                ranges.append(lsp.range)
    if not pages:
        return None
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(pages)
        ),
        range=ranges[0],
    )


def shutdown(ls: PostlintServer, params: Any = None) -> None:
    for timer in ls.timers.values():
        timer.cancel()
    ls.timers.clear()
    ls.worker.shutdown(wait=False, cancel_futures=True)


def _current(ls: PostlintServer, uri: str) -> Checked | None:
    """The last result, only while it is the buffer's current version."""
    checked = ls.checked.get(uri)
    if checked is None or ls.latest.get(uri, -1) != checked.version:
        return None
    return checked


def serve() -> None:
    logging.basicConfig(level=logging.WARNING)
    build().start_io()
