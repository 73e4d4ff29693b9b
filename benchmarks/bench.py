"""postlint against proselint on the same files: medians and ratios for the performance targets.

Run from the repository root, with the Python of an environment where postlint is installed
as users install it (``pip install .``: modules precompiled; an editable install under
``PYTHONDONTWRITEBYTECODE`` compiles its sources at every start):

    python benchmarks/bench.py [FOLDER] [--rounds N]

FOLDER defaults to ../shared/corpus. Each figure is the median wall time of N rounds of a whole
command (a fresh process, as users run it). It prints:

1. cold, one process, no cache, all rules            target <= 0.5x proselint
2. parallel (--jobs = all cores), no cache           target <= 0.3x proselint
3. warm cache, nothing changed                       target <= 0.05x of the cold run
4. one file, as pre-commit runs it                   target <= 1.2x proselint on that file
5. peak RSS for ten copies of the folder             target < 200 MB
6. cold time for 1x, 2x, 4x copies (linear growth)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = REPO.parent / "shared" / "corpus"


def _bin(name: str) -> list[str]:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        sys.exit(f"{name} is not installed next to {sys.executable}")
    return [found]


def timed(cmd: list[str], cwd: Path, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(
            cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb(cmd: list[str], cwd: Path) -> float:
    """Peak resident memory of a command, measured in a fresh process so that no earlier
    child's peak (the kernel keeps the largest) can stand in for it."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *cmd], cwd=cwd, capture_output=True, text=True, check=True
    )
    return int(out.stdout) / 1024


def copies(folder: Path, count: int, into: Path) -> Path:
    target = into / f"x{count}"
    if not target.exists():
        for i in range(count):
            shutil.copytree(folder, target / f"copy{i}", symlinks=False)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder: Path = args.folder.resolve()
    postlint, proselint = _bin("postlint"), _bin("proselint")
    cores = len(os.sched_getaffinity(0))
    print(
        f"folder: {folder}  rounds: {args.rounds}  cores: {cores}  python: {sys.version.split()[0]}"
    )

    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        work = scratch / "work"
        work.mkdir()
        check = [*postlint, "check", "--exit-zero", "--output-format", "concise"]

        base = timed([*proselint, "check", str(folder)], work, args.rounds)
        cold = timed([*check, "--no-cache", "-j", "1", str(folder)], work, args.rounds)
        parallel = timed([*check, "--no-cache", "-j", str(cores), str(folder)], work, args.rounds)
        subprocess.run([*check, str(folder)], cwd=work, stdout=subprocess.DEVNULL, check=False)
        warm = timed([*check, str(folder)], work, args.rounds)
        print(f"proselint check                      {base:8.2f} s")
        print(
            f"1. postlint cold, 1 process          {cold:8.2f} s  {cold / base:6.3f}x proselint   (target <= 0.5)"
        )
        print(
            f"2. postlint parallel, {cores} processes    {parallel:8.2f} s  {parallel / base:6.3f}x proselint   (target <= 0.3)"
        )
        print(
            f"3. postlint warm cache               {warm:8.2f} s  {warm / cold:6.3f}x cold run    (target <= 0.05)"
        )

        one = max(folder.rglob("*.md"), key=lambda p: p.stat().st_size)
        one_base = timed([*proselint, "check", str(one)], work, args.rounds * 2)
        one_post = timed([*check, "--no-cache", str(one)], work, args.rounds * 2)
        print(
            f"4. one file ({one.stat().st_size // 1024} KiB): postlint {one_post:.3f} s, proselint {one_base:.3f} s  {one_post / one_base:6.3f}x   (target <= 1.2)"
        )

        ten = copies(folder, 10, scratch)
        rss = peak_rss_mb([*check, "--no-cache", "-j", "1", str(ten)], work)
        print(
            f"5. peak RSS, 10 copies, 1 process    {rss:8.1f} MB                        (target < 200)"
        )

        timings = []
        for n in (1, 2, 4):
            tree = copies(folder, n, scratch)
            timings.append((n, timed([*check, "--no-cache", "-j", "1", str(tree)], work, 1)))
        per_copy = ", ".join(f"{n}x: {t:.2f} s ({t / n:.2f} s/copy)" for n, t in timings)
        print(f"6. linear growth, 1 process          {per_copy}")


if __name__ == "__main__":
    main()
