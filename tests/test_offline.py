"""No network, ever: CLI runs with every socket call made to fail loudly and leave a trace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import OFFLINE, REPO, SOCKET_LOG


@pytest.fixture
def offline(tmp_path: Path):
    """Run the CLI with the suite's network blocker and a log of its own."""
    log = tmp_path / "sockets.log"

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(OFFLINE), os.environ.get("PYTHONPATH")])
            ),
            SOCKET_LOG: str(log),
            "NO_COLOR": "1",
        }
        return subprocess.run(
            [sys.executable, "-m", "postlint", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )

    run.log = log  # type: ignore[attr-defined]
    return run


def test_blocker_really_blocks(offline, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(OFFLINE), SOCKET_LOG: str(offline.log)}
    for code in (
        "import socket; socket.create_connection(('127.0.0.1', 9))",
        "import socket; socket.getaddrinfo('example.org', 443)",
        "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/')",
    ):
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, check=False
        )
        assert result.returncode != 0 and b"blocked by the postlint test suite" in result.stderr
    assert len(offline.log.read_text().splitlines()) == 3


def test_this_process_is_blocked_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import socket

    log = tmp_path / "sockets.log"
    monkeypatch.setenv(
        SOCKET_LOG, str(log)
    )  # this attempt is expected: keep it off the suite's log
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    assert "127.0.0.1" in log.read_text()


def test_examples_and_remote_schemas_never_touch_the_network(offline, tmp_path: Path) -> None:
    (tmp_path / "remote.schema.json").write_text(
        json.dumps({"$ref": "https://example.org/post.schema.json"}), encoding="utf-8"
    )
    (tmp_path / "declares.md").write_text(
        "---\n$schema: https://example.org/post.schema.json\ntitle: x\n---\n\nText.\n",
        encoding="utf-8",
    )
    examples = offline("check", "--no-cache", str(REPO / "examples"), cwd=tmp_path)
    assert examples.returncode == 1, examples.stderr
    declared = offline("check", "--no-cache", "--select", "PL006", "declares.md", cwd=tmp_path)
    assert declared.returncode == 1 and "never uses the network" in declared.stdout
    assert "declares.md:2:10" in declared.stdout
    remote = offline("check", "--schema", "remote.schema.json", "declares.md", cwd=tmp_path)
    assert remote.returncode == 2 and "refused" in remote.stderr
    for fmt in ("json", "sarif", "github", "gitlab", "junit"):
        out = offline(
            "check", "--no-cache", "--output-format", fmt, str(REPO / "examples"), cwd=tmp_path
        )
        assert out.returncode == 1, (fmt, out.stderr)
    assert not offline.log.exists(), offline.log.read_text()
