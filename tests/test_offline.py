"""No network, ever: CLI runs with every socket call made to fail loudly and leave a trace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

BLOCKER = """
import os, socket

def _blocked(*args, **kwargs):
    with open(os.environ["POSTLINT_SOCKET_LOG"], "a") as log:
        log.write(repr(args[:2]) + "\\n")
    raise OSError("network access blocked by the postlint test suite")

socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
"""


@pytest.fixture
def offline(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    log = tmp_path / "sockets.log"

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])),
            "POSTLINT_SOCKET_LOG": str(log),
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
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp_path / "site"),
        "POSTLINT_SOCKET_LOG": str(offline.log),
    }
    code = "import socket; socket.create_connection(('127.0.0.1', 9))"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=False)
    assert result.returncode != 0 and offline.log.read_text()


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
