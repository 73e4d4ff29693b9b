"""A real LSP client (pytest-lsp's, over stdio) talking to ``python -m postlint server``."""

from __future__ import annotations

import ast
import asyncio
import contextlib
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

TIMEOUT = 30.0


@dataclass
class Published:
    uri: str
    version: int | None
    diagnostics: list[types.Diagnostic]


@dataclass
class Session:
    client: LanguageClient
    root: Path
    published: list[Published] = field(default_factory=list)
    registrations: list[types.Registration] = field(default_factory=list)
    versions: dict[str, int] = field(default_factory=dict)

    def uri(self, path: Path) -> str:
        uri = from_fs_path(str(path))
        assert uri is not None
        return uri

    def open(self, path: Path, text: str | None = None) -> str:
        uri = self.uri(path)
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(
                    uri=uri,
                    language_id="markdown",
                    version=1,
                    text=path.read_text(encoding="utf-8") if text is None else text,
                )
            )
        )
        return uri

    def change(self, uri: str, text: str, at: types.Range | None = None) -> int:
        """Replace the whole buffer (or the range ``at``) with ``text``; the new version."""
        self.versions[uri] += 1
        if at is None:
            at = types.Range(types.Position(0, 0), types.Position(1_000_000, 0))
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[types.TextDocumentContentChangePartial(range=at, text=text)],
            )
        )
        return self.versions[uri]

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        )

    async def diagnostics(
        self, uri: str, version: int | None = 1, after: int = 0
    ) -> list[types.Diagnostic]:
        """The first diagnostics published for ``uri`` at ``version``, after message ``after``."""
        found = await self.wait(
            lambda: next(
                (
                    p
                    for p in self.published[after:]
                    if p.uri == uri and (version is None or p.version == version)
                ),
                None,
            )
        )
        return found.diagnostics

    async def wait(self, probe: Callable[[], Any], timeout: float = TIMEOUT) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = probe()
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError("the server did not answer in time")
            await asyncio.sleep(0.01)

    async def code_actions(self, uri: str, at: types.Range) -> list[types.CodeAction]:
        result = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri),
                range=at,
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
        return [_action(a) for a in result or []]


def _action(item: types.CodeAction | types.Command) -> types.CodeAction:
    """lsprotocol reads every code action that carries a command as a Command (its hook
    checks for a "command" key), the command object turned into a string: undo that here."""
    if isinstance(item, types.CodeAction):
        return item
    command = ast.literal_eval(item.command)
    return types.CodeAction(title=item.title, command=types.Command(**command))


def capabilities(encodings: list[str] | None = None) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind(e) for e in encodings]
        )
        if encodings
        else None,
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            )
        ),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True)
        ),
    )


@contextlib.asynccontextmanager
async def session(
    root: Path, encodings: list[str] | None = None, debounce: float = 0.02
) -> AsyncIterator[Session]:
    """A started and initialised server with ``root`` as its workspace and working folder;
    shut down (shutdown, exit) at the end, and its exit code checked."""
    client = LanguageClient(converter_factory=default_converter)
    state = Session(client, root)

    def publish(params: types.PublishDiagnosticsParams) -> None:
        state.published.append(Published(params.uri, params.version, list(params.diagnostics)))

    def register(params: types.RegistrationParams) -> None:
        state.registrations.extend(params.registrations)

    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
        types.CLIENT_REGISTER_CAPABILITY: register,
    }
    register_lsp_features(client, features)
    await client.start_io(sys.executable, "-m", "postlint", "server", cwd=str(root))
    try:
        await client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities(encodings),
                root_uri=from_fs_path(str(root)),
                initialization_options={"debounce": debounce},
            )
        )
        yield state
        await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
        assert client._server is not None
        assert client._server.returncode == 0, "the server did not exit cleanly"
    finally:
        if client._server is not None and client._server.returncode is None:
            client._server.kill()  # a failed test: do not wait for a clean shutdown
        await client.stop()
