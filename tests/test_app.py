"""The application layer used directly: real files on disk, fixes on a copy, the cache, the
report's view, and the configuration keys declared once on Config."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED
from postlint.application.app import RunOptions, run, start
from postlint.application.cache import ResultCache
from postlint.application.config_loader import config_schema
from postlint.application.files import Candidate
from postlint.application.runner import Job, LinterPool, cached_key
from postlint.core.config import Config, ConfigError
from postlint.core.config_keys import declared, overrides
from postlint.core.diagnostic import Severity
from postlint.core.engine import Linter
from postlint.core.rule import discover

# The seed's findings that every version of postlint has reported, with their positions.
SEED_FINDINGS = {("PR102", 3, 9), ("FM008", 4, 7), ("FM007", 7, 7), ("PR101", 12, 1)}


@pytest.fixture
def blog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seed in a folder of its own, the current folder (the cache lives there)."""
    folder = tmp_path / "blog"
    folder.mkdir()
    shutil.copyfile(SEED, folder / SEED.name)
    monkeypatch.chdir(folder)
    return folder


def _found(results: list) -> set[tuple[str, int, int]]:
    return {(d.code, d.start_pos.line, d.start_pos.column) for r in results for d in r.diagnostics}


def test_run_lints_real_files_like_the_cli(blog: Path) -> None:
    results = list(run([blog], RunOptions(isolated=True)))
    assert [Path(r.path).name for r in results] == [SEED.name]
    assert _found(results) >= SEED_FINDINGS
    cli = subprocess.run(
        [sys.executable, "-m", "postlint", "check", "--isolated", "--no-cache", "."],
        capture_output=True,
        text=True,
        cwd=blog,
        check=False,
    )
    assert cli.returncode == 1
    lines = {line.split(": ", 1)[0] for line in cli.stdout.splitlines() if line.count(":") >= 3}
    reported = {
        f"{r.path}:{d.start_pos.line}:{d.start_pos.column}" for r in results for d in r.diagnostics
    }
    assert lines == reported


def test_fix_on_a_copy_writes_once_and_then_has_nothing_to_do(blog: Path) -> None:
    post = blog / SEED.name
    before = post.read_bytes()
    options = RunOptions(isolated=True, fix=True)
    [first] = list(run([post], options))
    assert first.fixed > 0 and post.read_bytes() != before
    [second] = list(run([post], options))
    assert second.fixed == 0
    assert _found([second]) == _found([first])  # what is left is the same


def test_diff_only_computes_the_fixes(blog: Path) -> None:
    post = blog / SEED.name
    before = post.read_bytes()
    [outcome] = list(start([post], RunOptions(isolated=True, fix=True, write=False)).outcomes())
    assert post.read_bytes() == before
    assert outcome.diff.startswith("---") and outcome.found.fixed > 0
    assert outcome.applied  # what --show-fixes lists


def test_second_run_is_served_from_the_cache(blog: Path) -> None:
    options = RunOptions(config=Config(root=blog), cache=True)
    first = list(run([blog], options))
    cache = ResultCache.create(blog)
    candidate = Candidate(blog / SEED.name, SEED.name)
    job = Job(LinterPool.of(Linter(Config(root=blog))), cache)
    assert cached_key(job, candidate) is not None  # stored under the key the next run asks for
    assert list(run([blog], options)) == first
    without = list(run([blog], dataclasses.replace(options, cache=False)))
    assert without == first


def test_baseline_and_severity_through_the_view(blog: Path) -> None:
    from postlint.application.baseline import write_baseline

    shown = start([blog], RunOptions(isolated=True, view=True, root=blog))
    results = [o.result for o in shown.outcomes()]
    assert results[0].path == SEED.name  # relative to the root
    baseline = blog / "baseline.json"
    assert write_baseline(baseline, results, blog) == sum(len(r.diagnostics) for r in results)
    given = overrides({"baseline": str(baseline)})
    later = start([blog], RunOptions(isolated=True, view=True, root=blog, overrides=given))
    assert all(not o.result.diagnostics and o.found.diagnostics for o in later.outcomes())
    assert later.closing_note() is None  # every entry still occurs
    only = overrides({"min_severity": "error"})
    errors = RunOptions(isolated=True, view=True, root=blog, overrides=only)
    kept = [d for o in start([blog], errors).outcomes() for d in o.result.diagnostics]
    assert kept and all(d.severity is Severity.ERROR for d in kept)


def test_standard_input_and_usage_errors(blog: Path) -> None:
    data = (blog / SEED.name).read_bytes()
    options = RunOptions(isolated=True, read_stdin=lambda: data, stdin_filename="_posts/a.md")
    [result] = list(run(["-"], options))
    assert result.path == "_posts/a.md" and _found([result]) >= SEED_FINDINGS
    with pytest.raises(ConfigError, match="standard input"):
        start(["-", blog], dataclasses.replace(options, fix=True))
    with pytest.raises(ConfigError, match="baseline"):
        missing = overrides({"baseline": str(blog / "missing.json")})
        start([blog], RunOptions(isolated=True, view=True, overrides=missing))


def test_command_line_overrides_come_from_the_declarations(blog: Path) -> None:
    given = overrides({"select": ("PR1,FM",), "ignore": ("PR114",), "fail_level": "warning"})
    assert dict(given) == {
        "select": ("PR1", "FM"),
        "ignore": ("PR114",),
        "fail_level": Severity.WARNING,
    }
    (blog / "postlint.toml").write_text('ignore = ["PR111"]\n', encoding="utf-8")
    results = list(run([blog], RunOptions(overrides=given)))
    codes = {d.code for r in results for d in r.diagnostics}
    assert codes and all(c.startswith(("PR1", "FM")) for c in codes)
    assert not codes & {"PR111", "PR114"}  # --ignore adds to the file's ignore


def test_every_declared_key_is_in_the_schema_and_the_cli() -> None:
    keys = {d.key for d in declared()}
    properties = config_schema(discover())["properties"]
    assert keys <= set(properties) and set(properties) - keys == {"styles"}
    help_text = subprocess.run(
        [sys.executable, "-m", "postlint", "check", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for d in declared():
        assert d.setting.flag is None or f"--{d.key} " in help_text, d.key
    assert "--output-format " in help_text  # a report option; the key applies when not given
    fields = {f.name for f in dataclasses.fields(Config)}
    assert fields - {d.attr for d in declared()} == {"root", "source"}


def test_the_api_is_the_same_run_with_fix_and_cache(blog: Path) -> None:
    from postlint.api import iter_results, lint_paths

    config = Config(root=blog)
    linted = lint_paths([blog], config)
    assert linted == list(run([blog], RunOptions(config=config)))
    assert not (blog / ".postlint_cache").exists()
    assert list(iter_results([blog], config, cache=True)) == linted
    assert (blog / ".postlint_cache").is_dir()
    before = (blog / SEED.name).read_bytes()
    [fixed] = list(iter_results([blog], config, fix=True))
    assert fixed.fixed > 0 and (blog / SEED.name).read_bytes() != before
