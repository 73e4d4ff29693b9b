"""A long fuzzing campaign (outside CI): the robustness properties with many more examples.

    python benchmarks/fuzz.py [EXAMPLES_PER_PROPERTY]   # default 20000

CI runs the same properties with 120 examples each (tests/test_robustness.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "20000"
    env = {**os.environ, "POSTLINT_FUZZ_EXAMPLES": examples}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(REPO / "tests" / "test_robustness.py"),
        "-k",
        "lints or view or split or suppression or reporter",
    ]
    return subprocess.call(command, env=env, cwd=REPO)


if __name__ == "__main__":
    raise SystemExit(main())
