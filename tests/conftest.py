"""Shared fixtures: the repo layout and a real CLI runner; the whole suite runs offline."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# The seed is also the example post (byte for byte): a bare clone has that copy.
_SEED_NAME = "2025-11-26-where-peace-stands-in-ukraine.md"
SEED = SHARED / "seed" / _SEED_NAME
if not SEED.is_file():
    SEED = REPO / "examples" / "_posts" / _SEED_NAME
CORPUS = SHARED / "corpus"
# Real posts for tests that need some but not all: the corpus when it is beside the repo,
# else the licensed sample copied into tests/ (see tests/corpus_sample/SOURCES.md).
CORPUS_SAMPLE = Path(__file__).resolve().parent / "corpus_sample"
REAL_POSTS = CORPUS if CORPUS.is_dir() else CORPUS_SAMPLE
SARIF_SCHEMA = SHARED / "external-schemas" / "sarif-schema-2.1.0.json"
OFFLINE = Path(__file__).resolve().parent / "offline"  # its sitecustomize blocks the network
SOCKET_LOG = "POSTLINT_SOCKET_LOG"


def pytest_configure(config: pytest.Config) -> None:
    """Block the network in this process and in every Python process the tests start."""
    log = Path(tempfile.mkdtemp(prefix="postlint-sockets-")) / "sockets.log"
    os.environ[SOCKET_LOG] = str(log)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(OFFLINE), os.environ.get("PYTHONPATH")])
    )
    spec = importlib.util.spec_from_file_location("postlint_offline", OFFLINE / "sitecustomize.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # installs the blocker here too


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    log = Path(os.environ[SOCKET_LOG])
    if log.exists() and log.read_text(encoding="utf-8").strip():
        sys.stderr.write(f"\nnetwork access attempted during the tests:\n{log.read_text()}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def online_env() -> dict[str, str]:
    """The environment without the blocker, for tools that install packages (pre-commit)."""
    env = {k: v for k, v in os.environ.items() if k != SOCKET_LOG}
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(OFFLINE)]
    if paths:
        env["PYTHONPATH"] = os.pathsep.join(paths)
    else:
        env.pop("PYTHONPATH", None)
    return env


@pytest.fixture
def run_cli(tmp_path: Path):
    """Run the real `postlint` command (python -m postlint) in a subprocess."""

    def run(
        *args: str,
        cwd: Path | None = None,
        input: bytes | None = None,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
        full_env.pop("CI", None) if env is None or "CI" not in env else None
        return subprocess.run(
            [sys.executable, "-m", "postlint", *args],
            cwd=cwd or tmp_path,
            input=input,
            capture_output=True,
            env=full_env,
            timeout=300,
            check=False,
        )

    return run
