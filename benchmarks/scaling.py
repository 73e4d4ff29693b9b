"""Time per MB of a whole lint at several sizes, for every shape in benchmarks/shapes.py.

A linear linter spends the same CPU time per MB at every size; the figure to watch is the
ratio of the largest size to the smallest (issue 19: within 2x from 200 KB to 2 MB).

    python benchmarks/scaling.py [--sizes 200000,2000000,9000000] [--shapes a,b] [--proselint]

CPU time (``time.process_time``) of ``Linter.lint_text`` in this process, the budget switched
off, after one warm-up lint (so start-up is not counted). ``--proselint`` also times proselint
itself on the same text at the smallest size (its CLI's work: ``LintFile(...).lint()``).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import shapes

from postlint.core.config import Config
from postlint.core.engine import Linter


def cpu(call: object) -> float:
    started = time.process_time()
    call()  # type: ignore[operator]
    return time.process_time() - started


def proselint_seconds(text: str) -> float:
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    registry = CheckRegistry()
    if not registry.checks:
        from proselint.checks import __register__

        registry.register_many(__register__)
    return cpu(lambda: LintFile("<bench>", text).lint())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200000,2000000")
    parser.add_argument("--shapes", default=",".join(shapes.NAMES))
    parser.add_argument("--proselint", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    linter = Linter(replace(Config(), time_budget=1e9))
    linter.lint_text(shapes.make("prose", 2000))
    header = "".join(f"{s // 1000:>9} KB" for s in sizes)
    print(
        f"{'shape':24}{header}   ratio  (CPU s per MB)" + ("  proselint" if args.proselint else "")
    )
    for name in args.shapes.split(","):
        per_mb = []
        for size in sizes:
            text = shapes.make(name, size)
            per_mb.append(cpu(lambda text=text: linter.lint_text(text)) / (len(text) / 1e6))
        row = "".join(f"{v:12.2f}" for v in per_mb)
        extra = ""
        if args.proselint:
            text = shapes.make(name, sizes[0])
            extra = f"  {proselint_seconds(text) / (len(text) / 1e6):9.2f}"
        print(f"{name:24}{row}   {per_mb[-1] / per_mb[0]:5.2f}{extra}", flush=True)


if __name__ == "__main__":
    main()
