"""A reader that stops reading (``postlint check | head``) ends the run quietly, not with a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

POST = "---\ntitle: 'Breaking: a post'\n---\n\nIt was was here.\n"


def test_a_closed_pipe_is_not_an_internal_error(tmp_path: Path) -> None:
    for n in range(400):  # enough output to outlast the pipe's buffer
        (tmp_path / f"p{n}.md").write_text(POST, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "postlint", "check", "--no-cache", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert b"PR102" in first
    assert code == 141, err
    assert "Traceback" not in err and "internal error" not in err
