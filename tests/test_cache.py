"""The result cache and parallel runs: same results every way, keyed on everything that counts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REAL_POSTS, SEED
from postlint.application.cache import CACHE_DIR_NAME, ResultCache
from postlint.application.files import discover_files
from postlint.application.runner import LinterPool, lint_all
from postlint.core.atomic import TEMP_SUFFIX
from postlint.core.config import Config
from postlint.core.engine import Linter

CHECK = ("check", "--exit-zero", "--output-format", "concise")


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    """A folder of real posts: the seed and forty corpus posts, in nested folders."""
    posts = tmp_path / "blog"
    real = sorted(
        p
        for p in REAL_POSTS.rglob("*")
        if p.suffix in (".md", ".markdown") and not p.name.startswith(("LICENSE", "SOURCES"))
    )
    for n, source in enumerate(real[:40]):  # the corpus, or the sample's 42 posts
        target = posts / f"part{n % 3}" / f"{n:02d}-{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    shutil.copyfile(SEED, posts / SEED.name)
    return posts


def test_results_are_the_same_with_and_without_cache_and_for_any_jobs(run_cli, blog: Path) -> None:
    cwd = blog.parent
    reference = run_cli(*CHECK, "--no-cache", "-j", "1", "blog", cwd=cwd)
    assert reference.returncode == 0 and b"PR101" in reference.stdout
    runs = {
        "no cache, 2 jobs": run_cli(*CHECK, "--no-cache", "-j", "2", "blog", cwd=cwd),
        "cold cache, 2 jobs": run_cli(*CHECK, "-j", "2", "blog", cwd=cwd),
        "warm cache, 1 job": run_cli(*CHECK, "-j", "1", "blog", cwd=cwd),
        "warm cache, 3 jobs": run_cli(*CHECK, "-j", "3", "blog", cwd=cwd),
    }
    for name, run in runs.items():
        assert run.stdout == reference.stdout, name
    assert (cwd / CACHE_DIR_NAME / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_no_cache_writes_no_cache(run_cli, blog: Path) -> None:
    run_cli(*CHECK, "--no-cache", "blog", cwd=blog.parent)
    assert not (blog.parent / CACHE_DIR_NAME).exists()


def test_a_changed_file_config_or_schema_is_linted_again(run_cli, blog: Path) -> None:
    cwd = blog.parent
    run_cli(*CHECK, "blog", cwd=cwd)
    post = blog / SEED.name
    post.write_bytes(post.read_bytes().replace(b"Big News: ", b""))
    changed = run_cli(*CHECK, "blog", cwd=cwd)
    assert changed.stdout == run_cli(*CHECK, "--no-cache", "blog", cwd=cwd).stdout
    assert b"PR102" not in changed.stdout  # the label is gone, and the cache knows it

    (cwd / "postlint.toml").write_text('ignore = ["PR101"]\n', encoding="utf-8")
    configured = run_cli(*CHECK, "blog", cwd=cwd)
    assert b"PR101" not in configured.stdout and b"PR114" in configured.stdout

    schema = cwd / "strict.schema.json"
    schema.write_text('{"type": "object", "required": ["title"]}', encoding="utf-8")
    loose = run_cli(*CHECK, "--schema", str(schema), "blog", cwd=cwd)
    schema.write_text('{"type": "object", "required": ["subtitle"]}', encoding="utf-8")
    strict = run_cli(*CHECK, "--schema", str(schema), "blog", cwd=cwd)
    assert b"subtitle" not in loose.stdout and b"subtitle" in strict.stdout


def test_damaged_entries_are_linted_again(run_cli, blog: Path) -> None:
    cwd = blog.parent
    reference = run_cli(*CHECK, "blog", cwd=cwd)
    entries = [p for p in (cwd / CACHE_DIR_NAME).rglob("*.json")]
    assert len(entries) == 41
    for n, entry in enumerate(entries):  # truncated, garbage, or valid JSON of the wrong shape
        entry.write_bytes([b"", b"\x00\xff{", b'{"diagnostics": 3}'][n % 3])
    assert run_cli(*CHECK, "blog", cwd=cwd).stdout == reference.stdout


def test_two_runs_at_once_leave_only_whole_entries(blog: Path) -> None:
    command = [sys.executable, "-m", "postlint", *CHECK, "-j", "2", "blog"]
    runs = [subprocess.Popen(command, cwd=blog.parent, stdout=subprocess.PIPE) for _ in range(3)]
    outputs = {run.communicate(timeout=300)[0] for run in runs}
    assert len(outputs) == 1
    cache = blog.parent / CACHE_DIR_NAME
    assert not [p for p in cache.rglob("*") if p.name.endswith(TEMP_SUFFIX)]
    again = subprocess.run(command, cwd=blog.parent, capture_output=True, check=False)
    assert {again.stdout} == outputs


def test_a_fully_cached_run_compiles_no_proselint_checks(blog: Path, tmp_path: Path) -> None:
    cache = ResultCache.create(tmp_path)
    candidates = list(discover_files([blog], ("*.md",), ()))
    first = list(lint_all(Linter(Config()), candidates, cache=cache))
    fresh = Linter(Config())
    second = list(lint_all(LinterPool.of(fresh), candidates, jobs=2, cache=cache))
    assert second == first
    (prepared,) = [
        a.options for a in fresh.active_rules(fresh.config.selection) if a.rule.code == "PS001"
    ]
    assert prepared._engine is None  # nothing was linted: every result came from the cache


def test_a_file_name_that_is_not_utf8_is_linted_and_not_cached(run_cli, tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.md"
    with open(name, "wb") as handle:
        handle.write(b"---\ntitle: x\n---\n\nthe the\n")
    run = run_cli("check", "--output-format", "concise", ".")
    assert run.returncode == 1 and b"PR108" in run.stdout and b"Traceback" not in run.stderr
    cache = tmp_path / CACHE_DIR_NAME
    assert not [p for p in cache.rglob("*") if p.name.endswith((".json", TEMP_SUFFIX))]


def test_a_post_that_writes_schema_in_its_body_is_cached(tmp_path: Path) -> None:
    """Only a ``$schema`` the front matter may declare makes a result depend on another file;
    a post about JSON Schema that shows one in its body was checked again on every run."""
    about = tmp_path / "about-schemas.md"
    about.write_text('---\ntitle: "On schemas"\n---\n\nWrite `"$schema": "..."` first.\n')
    declares = tmp_path / "declares.md"
    declares.write_text('---\ntitle: "Own"\n$schema: post.schema.json\n---\n\nText.\n')
    (tmp_path / "post.schema.json").write_text('{"type": "object"}')
    cache = ResultCache.create(tmp_path)
    candidates = list(discover_files([tmp_path], ("*.md",), ()))
    list(lint_all(Linter(Config()), candidates, cache=cache))
    cached = {p.name for p in (tmp_path / CACHE_DIR_NAME).rglob("*.json")}
    assert len(cached) == 1  # the first post's result, not the one naming its schema
    fresh = Linter(Config())
    list(lint_all(LinterPool.of(fresh), [c for c in candidates if c.path == about], cache=cache))
    (prepared,) = [
        a.options for a in fresh.active_rules(fresh.config.selection) if a.rule.code == "PS001"
    ]
    assert prepared._engine is None  # answered from the cache
