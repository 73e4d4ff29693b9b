"""The real ``proselint check`` command, run in a fresh process, as the oracle parity tests
compare with: its own home folder, so no user configuration changes what it reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

_SCRIPT = "import sys; from proselint.command_line import main; sys.argv[0] = 'proselint'; main()"


def proselint_results(paths: list[Path], cwd: Path) -> dict[str, Any]:
    """``proselint check -o json PATHS``: its ``result`` mapping, keyed by each file's URI."""
    env = {**os.environ, "HOME": str(cwd), "XDG_CONFIG_HOME": str(cwd)}
    run = subprocess.run(
        [sys.executable, "-c", _SCRIPT, "check", "-o", "json", *map(str, paths)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    result: dict[str, Any] = json.loads(run.stdout)["result"]
    return result
