"""A cache that cannot be poisoned or go stale (issue 20), with the real CLI and real files."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import REPO
from postlint.application.cache import CACHE_DIR_NAME, SECRET_NAME, STALE_TEMP_SECONDS, ResultCache
from postlint.application.files import discover_files
from postlint.application.runner import lint_all
from postlint.core.atomic import TEMP_SUFFIX
from postlint.core.config import Config
from postlint.core.engine import Linter

CHECK = ("check", "--output-format", "concise")
FAILING = "---\ntitle: x\ntags: []\n---\n\nthe the end.\n"


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text(FAILING, encoding="utf-8")
    (tmp_path / "posts" / "b.md").write_text("---\ntitle: y\n---\n\nFine text.\n")
    (tmp_path / "postlint.toml").write_text('select = ["FM", "PR108"]\n', encoding="utf-8")
    return tmp_path


def _entries(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR_NAME).rglob("*.json"))


def test_a_planted_entry_is_a_miss(run_cli, blog: Path) -> None:
    reference = run_cli(*CHECK, cwd=blog)
    assert reference.returncode == 1 and b"PR108" in reference.stdout
    entries = _entries(blog)
    assert len(entries) == 2
    for planted in (
        '{"diagnostics": []}',
        '{"path": "posts/a.md", "diagnostics": [], "depends_on": []}',
    ):
        for entry in entries:  # what an attacker would plant: a clean result
            entry.write_text(planted)
        again = run_cli(*CHECK, cwd=blog)
        assert again.returncode == 1 and again.stdout == reference.stdout


def test_a_planted_secret_is_replaced_so_entries_made_with_it_are_misses(
    run_cli, blog: Path
) -> None:
    reference = run_cli(*CHECK, cwd=blog)
    secret = blog / CACHE_DIR_NAME / SECRET_NAME
    os.chmod(secret, 0o644)  # as git or an archive would leave a file it put there
    planted = secret.read_bytes()
    again = run_cli(*CHECK, cwd=blog)
    assert again.stdout == reference.stdout
    assert secret.read_bytes() != planted and (secret.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\x00\xff{",
        b'{"diagnostics": 3}',
        b'{"path": "a.md", "diagnostics": [{"code": 1}], "depends_on": []}',
        b"[1, 2, 3]",
        b"9" * 5000,
        b"[" * 100_000,
    ],
    ids=["empty", "garbage", "wrong-type", "wrong-field", "list", "big-number", "deep"],
)
def test_corrupt_entries_are_misses_in_every_reporter(run_cli, blog: Path, body: bytes) -> None:
    formats = ("concise", "full", "json", "sarif", "github", "gitlab", "junit")
    reference = {f: run_cli("check", "--output-format", f, cwd=blog).stdout for f in formats}
    for entry in _entries(blog):
        entry.write_bytes(body)
    for fmt in formats:
        run = run_cli("check", "--output-format", fmt, cwd=blog)
        assert b"Traceback" not in run.stderr, run.stderr
        if fmt in {"concise", "full", "github"}:
            assert run.stdout == reference[fmt]
        assert run.returncode == 1


def test_a_huge_sparse_entry_is_not_read(blog: Path) -> None:
    cache = ResultCache.create(blog)
    linter = Linter(Config(select=("PR108",)))
    candidates = list(discover_files([blog / "posts"], ("*.md",), ()))
    first = list(lint_all(linter, candidates, cache=cache))
    for entry in _entries(blog):
        with open(entry, "r+b") as handle:
            handle.truncate(8 * 1024**3)  # 8 GB, sparse
    started = time.perf_counter()
    second = list(lint_all(Linter(Config(select=("PR108",))), candidates, cache=cache))
    assert time.perf_counter() - started < 30 and second == first


@pytest.mark.parametrize("target", [".", "elsewhere"])
def test_a_symlinked_cache_folder_is_refused_with_pl011(
    run_cli, blog: Path, tmp_path_factory: pytest.TempPathFactory, target: str
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (blog / CACHE_DIR_NAME).symlink_to(blog if target == "." else outside)
    run = run_cli(*CHECK, cwd=blog)
    assert run.returncode == 1 and b"PR108" in run.stdout
    assert (
        f"{CACHE_DIR_NAME}:1:1: warning PL011 {CACHE_DIR_NAME} is a symbolic link; "
        "postlint does not write through it"
    ).encode() in run.stdout
    assert not (blog / ".gitignore").exists()  # ln -s . .postlint_cache: no "*" in the root
    assert list(outside.iterdir()) == []


def test_a_symlinked_folder_inside_the_cache_is_not_followed(run_cli, blog: Path) -> None:
    outside = blog.parent / f"{blog.name}-outside"
    outside.mkdir()
    cache = blog / CACHE_DIR_NAME
    cache.mkdir()
    (cache / "v3").symlink_to(outside)
    (cache / "tmp").symlink_to(outside)
    run = run_cli(*CHECK, cwd=blog)
    assert run.returncode == 1 and b"PR108" in run.stdout and b"Traceback" not in run.stderr
    assert list(outside.iterdir()) == []


def test_stale_temporary_files_are_removed(run_cli, blog: Path) -> None:
    run_cli(*CHECK, cwd=blog)
    tmp = blog / CACHE_DIR_NAME / "tmp"
    old = tmp / f"0123.json.abcdef{TEMP_SUFFIX}"
    new = tmp / f"4567.json.abcdef{TEMP_SUFFIX}"
    old.write_text("{", encoding="utf-8")
    new.write_text("{", encoding="utf-8")
    past = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(old, (past, past))
    run_cli(*CHECK, cwd=blog)
    assert not old.exists() and new.exists()  # a running writer's file is left alone


def test_a_changed_schema_reached_by_ref_is_linted_again(run_cli, blog: Path) -> None:
    (blog / "schemas").mkdir()
    (blog / "schemas" / "post.json").write_text('{"properties": {"title": {"$ref": "title.json"}}}')
    (blog / "schemas" / "title.json").write_text('{"type": "string"}')
    (blog / "postlint.toml").write_text('select = ["FM001"]\nschema = "schemas/post.json"\n')
    assert run_cli(*CHECK, cwd=blog).returncode == 0
    (blog / "schemas" / "title.json").write_text('{"type": "string", "minLength": 5}')
    changed = run_cli(*CHECK, cwd=blog)
    assert changed.returncode == 1 and b"`title` is too short" in changed.stdout


def test_an_edited_rule_in_a_copy_of_postlint_misses_the_cache(run_cli, blog: Path) -> None:
    """The same version number, different code: the cache key changes with the source."""
    copy = blog.parent / f"{blog.name}-site"
    shutil.copytree(
        REPO / "postlint", copy / "postlint", ignore=shutil.ignore_patterns("__pycache__")
    )
    schemas = copy / "postlint" / "schemas"
    if not schemas.exists():
        shutil.copytree(REPO / "schemas", schemas)
    env = {"PYTHONPATH": os.pathsep.join([str(copy), os.environ.get("PYTHONPATH", "")])}
    (blog / "postlint.toml").write_text('select = ["FM007"]\n')
    first = run_cli(*CHECK, cwd=blog, env=env)
    assert b"`tags` is an empty list: fill it in or remove the key" in first.stdout
    rule = copy / "postlint" / "rules" / "frontmatter" / "empty_value.py"
    rule.write_text(rule.read_text().replace("fill it in or remove the key", "say something"))
    second = run_cli(*CHECK, cwd=blog, env=env)
    assert b"`tags` is an empty list: say something" in second.stdout, second.stdout


def test_the_rule_set_is_part_of_the_linter_fingerprint() -> None:
    from dataclasses import replace

    from postlint.core.rule import RuleSet, discover

    rules = discover()
    renamed = RuleSet(
        tuple(replace(r, severity=type(r.severity)(1)) if r.code == "FM007" else r for r in rules)
    )
    assert Linter(Config(), rules).fingerprint() != Linter(Config(), renamed).fingerprint()


def test_entries_written_by_this_version_are_hits(blog: Path) -> None:
    cache = ResultCache.create(blog)
    candidates = list(discover_files([blog / "posts"], ("*.md",), ()))
    first = list(lint_all(Linter(Config(select=("PR108",))), candidates, cache=cache))
    from postlint.application.runner import Job, LinterPool, cached_key

    fresh = Linter(Config(select=("PR108",)))
    key = cached_key(Job(LinterPool.of(fresh), cache), candidates[0])
    assert key is not None and cache.get(key) == first[0]


def test_a_temporary_file_left_by_a_killed_fix_or_report_is_removed(run_cli, blog: Path) -> None:
    post = blog / "posts" / "a.md"
    stale = blog / "posts" / f".a.md.0a1b2c{TEMP_SUFFIX}"
    fresh = blog / "posts" / f".a.md.3d4e5f{TEMP_SUFFIX}"
    report = blog / "report.json"
    stale_report = blog / f".report.json.0a1b2c3d4e5f{TEMP_SUFFIX}"
    for path in (stale, fresh, stale_report):
        path.write_text("half a file", encoding="utf-8")
    past = time.time() - STALE_TEMP_SECONDS - 60
    for path in (stale, stale_report):
        os.utime(path, (past, past))
    run_cli("check", "--fix", "--no-cache", str(post), cwd=blog)
    run_cli("check", "--no-cache", "--output-format", "json", "-o", str(report), cwd=blog)
    assert not stale.exists() and not stale_report.exists()
    assert fresh.exists()  # young: it may belong to a run still writing
    assert report.exists() and "the the" not in post.read_text(encoding="utf-8")
