"""The language server (``postlint server``): LSP over standard input and output."""

from __future__ import annotations


def serve() -> None:
    """Run the server until the client says exit (imports pygls only when asked)."""
    from postlint.interfaces.server.server import serve as run

    run()
