"""Shared fixtures: the repo layout and a real CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "2025-11-26-where-peace-stands-in-ukraine.md"
CORPUS = SHARED / "corpus"


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
