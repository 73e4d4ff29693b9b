"""Adopting postlint on an archive and in CI, in real git repositories through the real CLI:
paths relative to the repository root, .gitignore, FIFOs, exclude patterns, --force-exclude,
baselines, --diff-base, --add-suppressions and --min-severity."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from postlint.application.changed_lines import parse_diff
from postlint.core.patterns import excluded, matches

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

POST = """---
title: A post
date: 2025-11-20 09:30:00 +0000
---

We went with with them.

Another paragraph here.
"""
REPEAT = "error PR108 'with' is written twice in a row: delete the second 'with'"
CONCISE = ("check", "--no-cache", "--output-format", "concise")


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return result.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A blog in a git repository: _posts/a.md (one PR108 at 6:9), committed."""
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    git(root, "init", "-q")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "user.name", "Test")
    (root / "_posts" / "a.md").write_text(POST, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-qm", "posts")
    return root


def lines(run: subprocess.CompletedProcess[bytes]) -> list[str]:
    return [line for line in run.stdout.decode().splitlines() if ": " in line and line[0] != " "]


# --- paths relative to the repository root ----------------------------------------------------


def test_github_annotations_name_the_file_from_the_root_when_run_in_a_subfolder(
    run_cli, repo: Path
) -> None:
    run = run_cli("check", "--no-cache", "--output-format", "github", "a.md", cwd=repo / "_posts")
    assert run.returncode == 1, run.stderr
    assert run.stdout.decode().startswith(
        "::error file=_posts/a.md,line=6,col=9,endLine=6,endColumn=18,title=PR108 repeated-word::"
    )
    concise = run_cli(*CONCISE, "a.md", cwd=repo / "_posts")
    assert lines(concise) == [f"_posts/a.md:6:9: {REPEAT}"]


def test_root_option_and_ci_workspace_set_the_root(run_cli, repo: Path) -> None:
    sub = repo / "_posts"
    run = run_cli(*CONCISE, "--root", str(sub), "a.md", cwd=sub)
    assert lines(run) == [f"a.md:6:9: {REPEAT}"]
    env = {"GITHUB_WORKSPACE": str(sub)}
    assert lines(run_cli(*CONCISE, "a.md", cwd=sub, env=env)) == [f"a.md:6:9: {REPEAT}"]
    gitlab = json.loads(
        run_cli("check", "--no-cache", "--output-format", "gitlab", "a.md", cwd=sub).stdout
    )
    assert [issue["location"]["path"] for issue in gitlab] == ["_posts/a.md"]
    from_root = json.loads(
        run_cli("check", "--no-cache", "--output-format", "gitlab", "_posts/a.md", cwd=repo).stdout
    )
    assert [i["fingerprint"] for i in from_root] == [i["fingerprint"] for i in gitlab]


# --- discovery ----------------------------------------------------------------------------------


def test_gitignore_is_honoured_when_a_subfolder_is_given(run_cli, repo: Path) -> None:
    (repo / ".gitignore").write_text("_posts/generated/\n", encoding="utf-8")
    (repo / "_posts" / "generated").mkdir()
    (repo / "_posts" / "generated" / "g.md").write_text(POST, encoding="utf-8")
    run = run_cli(*CONCISE, "_posts", cwd=repo)
    assert lines(run) == [f"_posts/a.md:6:9: {REPEAT}"]
    from_inside = run_cli(*CONCISE, ".", cwd=repo / "_posts")
    assert lines(from_inside) == [f"_posts/a.md:6:9: {REPEAT}"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_reported_and_does_not_hang_the_run(run_cli, repo: Path) -> None:
    os.mkfifo(repo / "_posts" / "pipe.md")
    for args in (("_posts",), ("_posts/pipe.md",)):
        run = run_cli(*CONCISE, *args, cwd=repo)  # run_cli times out instead of hanging forever
        assert (
            "_posts/pipe.md:1:1: error PL002 cannot read: a named pipe (FIFO), not a regular "
            "file; skipped"
        ) in lines(run)


def test_exclude_patterns_are_gitignore_patterns_and_force_exclude_applies_them(
    run_cli, repo: Path
) -> None:
    (repo / "postlint.toml").write_text(
        'extend-exclude = ["_posts/drafts", "/top.md"]\n', encoding="utf-8"
    )
    for name in ("_posts/drafts/d.md", "top.md", "_posts/top.md", "other/drafts/x.md"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(POST, encoding="utf-8")
    walked = {line.split(":")[0] for line in lines(run_cli(*CONCISE, cwd=repo))}
    assert walked == {"_posts/a.md", "_posts/top.md", "other/drafts/x.md"}
    named = run_cli(*CONCISE, "_posts/drafts/d.md", "top.md", cwd=repo)
    assert {line.split(":")[0] for line in lines(named)} == {"_posts/drafts/d.md", "top.md"}
    forced = run_cli(*CONCISE, "--force-exclude", "_posts/drafts/d.md", "top.md", cwd=repo)
    assert forced.returncode == 0 and lines(forced) == []


def test_per_file_ignores_follow_gitignore_rules(run_cli, repo: Path) -> None:
    (repo / "content" / "nested").mkdir(parents=True)
    for name in ("beside.md", "content/a.md", "content/nested/b.md"):
        (repo / name).write_text(POST, encoding="utf-8")
    (repo / "postlint.toml").write_text(
        '[per-file-ignores]\n"content/*.md" = ["PR108", "lexical_illusions"]\n', encoding="utf-8"
    )
    reported = {line.split(":")[0] for line in lines(run_cli(*CONCISE, cwd=repo))}
    assert reported == {"beside.md", "_posts/a.md", "content/nested/b.md"}
    (repo / "postlint.toml").write_text(
        '[per-file-ignores]\n"**/*.md" = ["PR108", "lexical_illusions"]\n', encoding="utf-8"
    )
    assert lines(run_cli(*CONCISE, cwd=repo)) == []


def test_patterns_module_matches_like_git() -> None:
    assert matches("drafts/x.md", ["drafts"]) and matches("a/drafts/x.md", ["drafts"])
    assert matches("content/a.md", ["content/*.md"])
    assert not matches("content/b/a.md", ["content/*.md"])
    assert matches("a.md", ["**/*.md"]) and matches("x/y/a.md", ["**/*.md"])
    assert not matches("a/top.md", ["/top.md"])
    assert not matches("keep.md", ["*.md", "!keep.md"])
    assert excluded(Path("/r/_site/x/y.md"), Path("/r"), ["_site/"])
    assert not excluded(Path("/r/_site.md"), Path("/r"), ["_site/"])


# --- baseline ---------------------------------------------------------------------------------


def test_baseline_reports_only_new_findings_and_survives_lines_moving(run_cli, repo: Path) -> None:
    wrote = run_cli(*CONCISE, "--write-baseline", "baseline.json", cwd=repo)
    assert wrote.returncode == 0
    assert b"recorded 1 finding in baseline.json" in wrote.stderr
    stored = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert [(f["path"], f["code"], f["line"]) for f in stored["findings"]] == [
        ("_posts/a.md", "PR108", 6)
    ]
    clean = run_cli(*CONCISE, "--baseline", "baseline.json", cwd=repo)
    assert clean.returncode == 0 and b"All checks passed." in clean.stdout
    post = repo / "_posts" / "a.md"
    moved = POST.replace("---\n\n", "---\n\nA new first paragraph.\n\n", 1)
    post.write_text(moved + "\nAnd then then a new one.\n", encoding="utf-8")
    # from the subfolder: the baseline's paths are relative to the root, not the working folder
    new = run_cli(*CONCISE, "--baseline", "../baseline.json", "a.md", cwd=repo / "_posts")
    assert new.returncode == 1
    assert lines(new) == [
        "_posts/a.md:12:5: error PR108 'then' is written twice in a row: delete the second 'then'"
    ]
    post.write_text(POST.replace("with with", "with"), encoding="utf-8")
    gone = run_cli(*CONCISE, "--baseline", "baseline.json", cwd=repo)
    assert gone.returncode == 0
    assert b"postlint: 1 baseline entry no longer occurs" in gone.stderr


def test_baseline_from_configuration_and_a_broken_baseline_is_a_usage_error(
    run_cli, repo: Path
) -> None:
    run_cli(*CONCISE, "--write-baseline", "lint/baseline.json", cwd=repo)
    (repo / "postlint.toml").write_text('baseline = "lint/baseline.json"\n', encoding="utf-8")
    assert run_cli(*CONCISE, cwd=repo / "_posts").returncode == 0
    (repo / "lint" / "baseline.json").write_text("{not json", encoding="utf-8")
    broken = run_cli(*CONCISE, cwd=repo)
    assert broken.returncode == 2 and b"is not JSON" in broken.stderr


# --- --diff-base --------------------------------------------------------------------------------


def test_diff_base_reports_only_changed_lines_and_new_files(run_cli, repo: Path) -> None:
    git(repo, "tag", "base")
    post = repo / "_posts" / "a.md"
    post.write_text(POST + "\nWe saw it it again.\n", encoding="utf-8")
    (repo / "_posts" / "new.md").write_text(POST, encoding="utf-8")  # untracked: all new
    (repo / "_posts" / "old.md").write_text(POST, encoding="utf-8")
    git(repo, "add", "_posts/old.md")
    git(repo, "commit", "-qm", "old", "--", "_posts/old.md")  # changed after base: all new
    full = lines(run_cli(*CONCISE, cwd=repo))
    assert len(full) == 4
    run = run_cli(*CONCISE, "--diff-base", "base", cwd=repo / "_posts")
    assert lines(run) == [
        "_posts/a.md:10:8: error PR108 'it' is written twice in a row: delete the second 'it'",
        f"_posts/new.md:6:9: {REPEAT}",
        f"_posts/old.md:6:9: {REPEAT}",
    ]
    unknown = run_cli(*CONCISE, "--diff-base", "no-such-ref", cwd=repo)
    assert unknown.returncode == 2 and b"'no-such-ref' is not a commit git knows" in unknown.stderr


def test_parse_diff_reads_hunks_deletions_and_quoted_names() -> None:
    patch = (
        b"diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -1,0 +2,2 @@\n+a\n+b\n"
        b"@@ -9 +10,0 @@\n-gone\n"
        b'diff --git "a/t\\tb.md" "b/t\\tb.md"\n--- "a/t\\tb.md"\n+++ "b/t\\tb.md"\n'
        b"@@ -1 +1 @@\n-x\n+y\n"
        b"--- a/del.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n"
    )
    assert parse_diff(patch) == {"x.md": frozenset({2, 3, 10, 11}), "t\tb.md": frozenset({1})}


# --- --add-suppressions, --min-severity -----------------------------------------------------------


def test_add_suppressions_writes_each_format_s_comment_and_silences_everything(
    run_cli, repo: Path
) -> None:
    (repo / "_posts" / "t.md").write_text(
        '+++\ntitle = "Big News: Launch"\ndate = 2025-11-20T09:30:00Z\n+++\n\nBody text.\n',
        encoding="utf-8",
    )
    (repo / "_posts" / "y.md").write_text(
        "---\ntitle: x\ndate: 2025-11-20 09:30:00 +0000\ntags: []\n---\n\n- one\n- two two\n",
        encoding="utf-8",
    )
    run = run_cli(*CONCISE, "--add-suppressions", cwd=repo)
    assert run.returncode == 0, run.stderr
    assert b"added suppressions for 4 findings in 3 files" in run.stderr
    assert (repo / "_posts" / "t.md").read_text(encoding="utf-8").splitlines()[1] == (
        'title = "Big News: Launch"  # postlint: disable=PR102'
    )
    assert (repo / "_posts" / "y.md").read_text(encoding="utf-8") == (
        "---\ntitle: x\ndate: 2025-11-20 09:30:00 +0000\ntags: []  # postlint: disable=FM007\n"
        "---\n\n<!-- postlint-disable PR108 -->\n\n- one\n- two two\n\n"
        "<!-- postlint-enable PR108 -->\n"
    )
    assert "<!-- postlint-disable PR108 -->\n\nWe went with with them.\n\n<!-- postlint-enable" in (
        (repo / "_posts" / "a.md").read_text(encoding="utf-8")
    )
    after = run_cli(*CONCISE, cwd=repo)
    assert after.returncode == 0 and b"All checks passed." in after.stdout, after.stdout


def test_min_severity_hides_findings_below_it(run_cli, repo: Path) -> None:
    (repo / "_posts" / "a.md").write_text(POST + "Trailing space. \n", encoding="utf-8")
    everything = lines(run_cli(*CONCISE, cwd=repo))
    assert "_posts/a.md:9:16: info PR111 trailing whitespace (1 space): delete it" in everything
    shown = lines(run_cli(*CONCISE, "--min-severity", "warning", cwd=repo))
    assert shown == [f"_posts/a.md:6:9: {REPEAT}"]
    (repo / "postlint.toml").write_text('min-severity = "error"\n', encoding="utf-8")
    assert lines(run_cli(*CONCISE, cwd=repo)) == [f"_posts/a.md:6:9: {REPEAT}"]


# --- smaller command-line defects ---------------------------------------------------------------


def test_standard_input_and_files_are_both_checked(run_cli, repo: Path) -> None:
    run = run_cli(*CONCISE, "-", "_posts/a.md", cwd=repo, input=POST.encode())
    assert lines(run) == [f"-:6:9: {REPEAT}", f"_posts/a.md:6:9: {REPEAT}"]
    fixing = run_cli("check", "--fix", "-", "_posts/a.md", cwd=repo, input=POST.encode())
    assert fixing.returncode == 2 and b"cannot be fixed together with files" in fixing.stderr


def test_init_refuses_to_shadow_an_existing_configuration_and_a_missing_folder(
    run_cli, tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.postlint]\nignore = []\n", encoding="utf-8")
    run = run_cli("init", ".", cwd=tmp_path)
    assert run.returncode == 2 and not (tmp_path / "postlint.toml").exists()
    assert b"[tool.postlint] in pyproject.toml already configures postlint here" in run.stderr
    missing = run_cli("init", "no-such-folder", cwd=tmp_path)
    assert missing.returncode == 2 and b"does not exist" in missing.stderr
    assert b"Traceback" not in missing.stderr


def test_generate_docs_never_deletes_files_that_are_not_rule_pages(run_cli, tmp_path: Path) -> None:
    (tmp_path / "my-post.md").write_text(POST, encoding="utf-8")
    (tmp_path / "ZZ999.md").write_text("an old rule page\n", encoding="utf-8")
    run = run_cli("generate-docs", ".", cwd=tmp_path)
    assert run.returncode == 0 and (tmp_path / "my-post.md").read_text(encoding="utf-8") == POST
    assert not (tmp_path / "ZZ999.md").exists() and (tmp_path / "PR108.md").is_file()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    blocked = run_cli("generate-docs", "file/docs", cwd=tmp_path)
    assert blocked.returncode == 2 and b"Traceback" not in blocked.stderr
