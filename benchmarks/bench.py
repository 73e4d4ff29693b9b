"""postlint against proselint on the same files: medians and ratios for the performance targets.

Run from the repository root, with the Python of an environment where postlint is installed
as users install it (``pip install .``: modules precompiled; an editable install under
``PYTHONDONTWRITEBYTECODE`` compiles its sources at every start):

    python benchmarks/bench.py [FOLDER] [--rounds N] [--only corpus,one,memory,growth]

(Under ``PYTHONDONTWRITEBYTECODE=1`` an editable install recompiles postlint's modules in
every process, about 0.3 s of a one-post run; set ``PYTHONPYCACHEPREFIX`` to a scratch folder
and unset it to measure what an installed postlint costs.)

FOLDER defaults to ../shared/corpus. Each figure is the median CPU time (user + system, of the
command and every process it waited for: ``RUSAGE_CHILDREN``) of N interleaved rounds of a
whole command (a fresh process, as users run it), so a loaded machine does not skew it. It
prints:

1. cold, one process, no cache, all rules            target <= 0.25x proselint
2. --jobs 2, no cache                                (CPU of both workers and the parent)
3. warm cache, nothing changed                       target <= 0.05x of the cold run
4. one median-size post, as pre-commit runs it       target <= 1.0x proselint on that file
5. peak RSS for ten copies of the folder, text and JSON   target < 150 MB
6. cold time for 1x, 2x, 4x copies (linear growth)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = REPO.parent / "shared" / "corpus"


def _bin(name: str) -> list[str]:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        sys.exit(f"{name} is not installed next to {sys.executable}")
    return [found]


def cpu_of(cmd: list[str], cwd: Path) -> float:
    """CPU seconds (user + system) of one run of ``cmd`` and the processes it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(cmd: list[str], cwd: Path, rounds: int) -> float:
    return statistics.median(cpu_of(cmd, cwd) for _ in range(rounds))


def interleaved(cmds: list[list[str]], cwd: Path, rounds: int) -> list[float]:
    """Median CPU time of each command, the commands taking turns round by round."""
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(rounds):
        for index, cmd in enumerate(cmds):
            times[index].append(cpu_of(cmd, cwd))
    return [statistics.median(t) for t in times]


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
    parser.add_argument(
        "--only",
        default="corpus,one,memory,growth",
        help="comma-separated sections: corpus (1-3), one (4), memory (5), growth (6)",
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
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

        if "corpus" in only:
            _corpus(folder, work, check, proselint, args.rounds)
        if "one" in only:
            _one_post(folder, work, check, proselint, args.rounds)
        if "memory" in only:
            _memory(folder, scratch, work, postlint)
        if "growth" in only:
            _growth(folder, scratch, work, check)


def _corpus(folder: Path, work: Path, check: list[str], proselint: list[str], rounds: int) -> None:
    base, cold, parallel = interleaved(
        [
            [*proselint, "check", str(folder)],
            [*check, "--no-cache", "-j", "1", str(folder)],
            [*check, "--no-cache", "-j", "2", str(folder)],
        ],
        work,
        rounds,
    )
    subprocess.run([*check, str(folder)], cwd=work, stdout=subprocess.DEVNULL, check=False)
    warm = timed([*check, str(folder)], work, rounds)
    print(f"proselint check                      {base:8.2f} s CPU")
    print(
        f"1. postlint cold, 1 process          {cold:8.2f} s  {cold / base:6.3f}x proselint   (target <= 0.25)"
    )
    print(
        f"2. postlint --jobs 2                 {parallel:8.2f} s  {parallel / base:6.3f}x proselint"
    )
    print(
        f"3. postlint warm cache               {warm:8.2f} s  {warm / base:6.3f}x proselint, {warm / cold:6.3f}x cold run (target <= 0.05)"
    )


def _one_post(
    folder: Path, work: Path, check: list[str], proselint: list[str], rounds: int
) -> None:
    """The median-size post, alone, as a pre-commit hook checks one changed file."""
    posts = sorted(folder.rglob("*.md"), key=lambda p: p.stat().st_size)
    one = posts[len(posts) // 2]
    one_base, one_post = interleaved(
        [[*proselint, "check", str(one)], [*check, "--no-cache", str(one)]], work, rounds * 3
    )
    print(
        f"4. median post ({one.stat().st_size / 1024:.1f} KiB): postlint {one_post:.3f} s, proselint {one_base:.3f} s  {one_post / one_base:6.3f}x   (target <= 1.0)"
    )


def _memory(folder: Path, scratch: Path, work: Path, postlint: list[str]) -> None:
    ten = copies(folder, 10, scratch)
    for label, fmt in (("text", "concise"), ("JSON", "json")):
        cmd = [*postlint, "check", "--exit-zero", "--output-format", fmt, "--no-cache"]
        rss = peak_rss_mb([*cmd, "-j", "1", str(ten)], work)
        print(
            f"5. peak RSS, 10 copies, {label:5}        {rss:8.1f} MB                        (target < 150)"
        )


def _growth(folder: Path, scratch: Path, work: Path, check: list[str]) -> None:
    timings = []
    for n in (1, 2, 4):
        tree = copies(folder, n, scratch)
        timings.append((n, timed([*check, "--no-cache", "-j", "1", str(tree)], work, 1)))
    per_copy = ", ".join(f"{n}x: {t:.2f} s ({t / n:.2f} s/copy)" for n, t in timings)
    print(f"6. linear growth, 1 process          {per_copy}")


if __name__ == "__main__":
    main()
