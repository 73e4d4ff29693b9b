"""A long fuzzing campaign (outside CI): the robustness properties with many more examples.

    python benchmarks/fuzz.py [EXAMPLES_PER_PROPERTY]   # default 20000

The properties: any text or bytes lints with every span inside the file and positions that
round-trip; the prose view keeps length and line breaks; front matter splits and parses in
bounds; the suppression parser is total; every reporter gives valid output; fixing changes only
the fixed spans, settles, and writes the fixed text with the file's mode. CI runs the same
properties with fewer examples (120 each for robustness, 25 to 300 for fixing).
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
        "-p",
        "no:randomly",
        str(REPO / "tests" / "test_robustness.py"),
        str(REPO / "tests" / "test_fix_properties.py"),
        "-k",
        "lint or view or split or suppression or reporter or span or rules or disk",
        "--hypothesis-show-statistics",
    ]
    return subprocess.call(command, env=env, cwd=REPO)


if __name__ == "__main__":
    raise SystemExit(main())
