"""FM009's severity: a day apart is how drafted-then-published posts look; more is a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from postlint.core.config import Config
from postlint.core.engine import Linter


@pytest.mark.parametrize(
    ("date", "severity"),
    [("2025-11-26 09:00:00 -0800", "info"), ("2025-11-24", "info"), ("2025-12-24", "warning")],
)
def test_one_day_apart_is_info_and_more_is_a_warning(
    tmp_path: Path, date: str, severity: str
) -> None:
    post = tmp_path / "_posts" / "2025-11-25-peace.md"
    post.parent.mkdir()
    post.write_text(f"---\ntitle: x\ndate: {date}\n---\n\nText.\n", encoding="utf-8")
    result = Linter(Config(root=tmp_path, select=("FM009",))).lint_bytes(
        str(post), post.read_bytes()
    )
    assert [
        (d.code, d.start_pos.line, d.start_pos.column, d.severity.label, d.message)
        for d in result.diagnostics
    ] == [
        (
            "FM009",
            3,
            7,
            severity,
            f"`date` is {date[:10]} but the file name says 2025-11-25: "
            "rename the file or correct the date",
        )
    ]
