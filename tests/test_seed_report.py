"""The seed post's whole report and the bundled examples' report, compared with snapshots.

Restructuring must not change what postlint reports: these snapshots are line for line what
the version before the application layer, the PL catalog and the proselint package reported
(checked with its command line), and any change to them is a change of behaviour to review
(regenerate with POSTLINT_UPDATE_SNAPSHOTS=1).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import REPO, SEED
from postlint.application.app import RunOptions, run

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("POSTLINT_UPDATE_SNAPSHOTS") == "1"


def _report(folder: Path) -> str:
    lines = []
    for result in run([folder], RunOptions(isolated=True, cache=False)):
        name = Path(result.path).as_posix()  # relative to the root, as reports show it
        for d in result.diagnostics:
            sub = f"[{d.sub_code}]" if d.sub_code else ""
            lines.append(
                f"{name}:{d.start_pos.line}:{d.start_pos.column} {d.severity.label} "
                f"{d.code}{sub} {d.message}"
            )
    return "\n".join(sorted(lines)) + "\n"


def _compare(report: str, snapshot: Path) -> None:
    if UPDATE:
        snapshot.write_text(report, encoding="utf-8")
    assert snapshot.is_file(), f"missing snapshot {snapshot}: POSTLINT_UPDATE_SNAPSHOTS=1"
    assert report == snapshot.read_text(encoding="utf-8")


def test_the_seed_report_is_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copyfile(SEED, tmp_path / SEED.name)  # alone: no site, so no generator's facts
    monkeypatch.chdir(tmp_path)
    _compare(_report(tmp_path), SNAPSHOTS / "seed-report.txt")


def test_the_examples_report_is_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blog = tmp_path / "examples"
    shutil.copytree(REPO / "examples", blog)
    monkeypatch.chdir(blog)
    _compare(_report(blog), SNAPSHOTS / "examples-report.txt")
