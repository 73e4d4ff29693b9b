"""The hook, for real: `pre-commit try-repo` against this checkout, in a scratch git repo."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SEED, online_env

CLEAN_POST = """---
title: A clean post
date: 2025-11-20 09:30:00 +0000
tags: [news]
---

Nothing here needs an editor's attention.
"""


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("blog")
    _git(root, "init", "-q")
    _git(root, "config", "user.email", "test@example.org")
    _git(root, "config", "user.name", "Test")
    (root / "_posts").mkdir()
    shutil.copy(SEED, root / "_posts" / SEED.name)
    (root / "_posts" / "2025-11-20-clean.md").write_text(CLEAN_POST, encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "posts")
    return root


def _try_repo(blog: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    # pre-commit installs the hook's environment with pip, which may need a package index.
    env = {k: v for k, v in online_env().items() if not k.startswith("PRE_COMMIT")}
    env.setdefault("PRE_COMMIT_HOME", str(blog.parent / "pre-commit-home"))
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), hook, "--files", *files],
        cwd=blog,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )


def test_hook_fails_on_the_seed(blog: Path) -> None:
    result = _try_repo(blog, "postlint", f"_posts/{SEED.name}")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "PR101" in result.stdout and "Failed" in result.stdout


def test_hook_passes_on_a_clean_post(blog: Path) -> None:
    result = _try_repo(blog, "postlint", "_posts/2025-11-20-clean.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


ADOPTING_CONFIG = """\
baseline = "lint/postlint-baseline.json"
force-exclude = true
extend-exclude = ["drafts"]
"""
REPEATED = "We went with with them.\n"


@pytest.fixture
def adopting_blog(tmp_path: Path) -> Path:
    """An archive adopting postlint: a baseline of today's findings, drafts excluded."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "adopting"
    for folder in ("_posts", "drafts"):
        (root / folder).mkdir(parents=True)
    _git(root, "init", "-q")
    _git(root, "config", "user.email", "test@example.org")
    _git(root, "config", "user.name", "Test")
    (root / "_posts" / "2025-11-20-old.md").write_text(CLEAN_POST + REPEATED, encoding="utf-8")
    (root / "drafts" / "draft.md").write_text(CLEAN_POST + REPEATED, encoding="utf-8")
    (root / "ignored.md").write_text(CLEAN_POST + REPEATED, encoding="utf-8")
    (root / ".gitignore").write_text("ignored.md\n", encoding="utf-8")
    (root / "postlint.toml").write_text(ADOPTING_CONFIG, encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "postlint",
            "check",
            "--write-baseline",
            "lint/postlint-baseline.json",
        ],
        cwd=root,
        check=True,
        capture_output=True,
    )
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "adopt postlint")
    return root


def test_hook_with_a_baseline_and_force_exclude_fails_only_on_new_findings(
    adopting_blog: Path,
) -> None:
    files = ("_posts/2025-11-20-old.md", "drafts/draft.md", "ignored.md")
    quiet = _try_repo(adopting_blog, "postlint", *files)
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr  # baseline; excluded; git-ignored
    assert "Passed" in quiet.stdout
    post = adopting_blog / "_posts" / "2025-11-20-old.md"
    post.write_text(CLEAN_POST + REPEATED + "\nIt was was new.\n", encoding="utf-8")
    new = _try_repo(adopting_blog, "postlint", *files)
    assert new.returncode == 1, new.stdout + new.stderr
    assert (
        "_posts/2025-11-20-old.md:10:4: error PR108 'was' is written twice in a row: "
        "delete the second 'was'"
    ) in new.stdout, new.stdout
    assert (
        "'with'" not in new.stdout and "draft.md" not in new.stdout and "ignored" not in new.stdout
    )
    assert new.stdout.count("Found 1 problem") == 1  # require_serial: one run, one summary
