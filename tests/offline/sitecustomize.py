"""No network in the test suite: loaded by every Python process the suite starts.

conftest.py puts this folder on PYTHONPATH and names a log file in POSTLINT_SOCKET_LOG, so
every ``postlint`` subprocess imports this module at start-up (and the pytest process installs
it too). Any attempt to resolve a host name or to connect an internet socket is written to the
log and fails; the session fails when the log is not empty.
"""

from __future__ import annotations

import os
import socket
from typing import Any

_INTERNET = (socket.AF_INET, socket.AF_INET6)


def _record(what: str) -> None:
    with open(os.environ["POSTLINT_SOCKET_LOG"], "a", encoding="utf-8") as log:
        log.write(f"pid {os.getpid()}: {what}\n")


def _refuse(what: str) -> OSError:
    _record(what)
    return OSError("network access blocked by the postlint test suite")


def install() -> None:
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if self.family in _INTERNET:
            raise _refuse(f"connect {address!r}")
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in _INTERNET:
            raise _refuse(f"connect_ex {address!r}")
        return connect_ex(self, address)

    def blocked_lookup(*args: Any, **kwargs: Any) -> Any:
        raise _refuse(f"getaddrinfo {args[:2]!r}")

    socket.socket.connect = guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = blocked_lookup


if os.environ.get("POSTLINT_SOCKET_LOG"):
    install()
