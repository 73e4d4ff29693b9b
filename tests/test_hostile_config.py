"""Bad configuration (issue 20) is a clear error with exit code 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

POST = "---\ntitle: x\n---\n\nText.\n"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            "max-file-size = 9999999999999999999999",
            "max-file-size: 9999999999999999999999 is too large (at most 9223372036854775807)",
        ),
        ("max-file-size = 99999999999", "max-file-size: 99999999999 is greater than the maximum"),
        ("time-budget = nan", "time-budget: nan is not a usable number"),
        ("time-budget = inf", "time-budget: inf is not a usable number"),
        ("time-budget = -1.0", "time-budget: -1.0 is less than or equal to the minimum of 0"),
        ("max-diagnostics = 0", "max-diagnostics: 0 is less than the minimum of 1"),
        ("[rules.sentence-length]\nmax-words = nan", "rules.sentence-length.max-words: nan"),
        (
            "[rules.sentence-length]\nmax-words = 99999999999999999999999999",
            "rules.sentence-length.max-words: 99999999999999999999999999 is too large",
        ),
        ('[house.x]\nkind = "length"\nfield = "title"\nmax = 1e999', "house.x.max: inf"),
        ("select = [1]", "select.0: 1 is not of type 'string'"),
        ("per-file-ignores = 3", "per-file-ignores: 3 is not of type 'object'"),
        ('schema = "/etc/passwd"', "schema: schema file '/etc/passwd' is outside the project"),
        ('schema = "../outside.json"', "schema: schema file '../outside.json' is outside the"),
    ],
)
def test_bad_values_are_exit_2_with_the_key(
    run_cli, tmp_path: Path, table: str, message: str
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "outside.json").write_text("{}")
    (project / "post.md").write_text(POST, encoding="utf-8")
    (project / "postlint.toml").write_text(table + "\n", encoding="utf-8")
    run = run_cli("check", "--no-cache", "post.md", cwd=project)
    assert run.returncode == 2, run.stderr
    assert b"Traceback" not in run.stderr
    assert message.encode() in run.stderr, run.stderr
