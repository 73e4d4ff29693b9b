"""Bad input from the foundation issue: each case gives a clear diagnostic at an exact place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from postlint.core.config import Config
from postlint.core.engine import Linter

FM = ("FM", "PL")  # front-matter and file rules only: prose rules are tested elsewhere


def lint(data: bytes | str, path: str = "post.md", **config: object) -> list[tuple[int, int, str]]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    linter = Linter(Config(select=FM, **config))  # type: ignore[arg-type]
    result = linter.lint_bytes(path, raw)
    return [(d.start_pos.line, d.start_pos.column, d.code) for d in result.diagnostics]


def messages(data: str) -> list[str]:
    return [d.message for d in Linter(Config(select=FM)).lint_text(data).diagnostics]


def test_no_front_matter() -> None:
    assert lint("# Title\n\nText.\n") == [(1, 1, "FM005")]


def test_empty_front_matter_reports_missing_title_at_fence() -> None:
    assert lint("---\n---\nText.\n") == [(1, 1, "FM001")]


def test_unclosed_front_matter() -> None:
    assert lint("---\ntitle: x\n\nText.\n") == [(1, 1, "FM003")]


def test_bom_before_fence_is_front_matter_and_columns_ignore_the_bom() -> None:
    data = b"\xef\xbb\xbf---\ntitle: 5\n---\nText.\n"
    assert lint(data) == [(2, 8, "FM001")]


def test_crlf_columns_are_exact() -> None:
    data = "---\r\nlayout: post\r\ntitle: [a]\r\ndate: 2025-11-26T15:29:13\r\n---\r\nText.\r\n"
    assert lint(data) == [(3, 8, "FM001"), (4, 7, "FM008")]


def test_tabs_and_non_ascii_count_as_one_column() -> None:
    data = '---\ntitle: "Ünïcödé 🎉"\nauthor: 12\n---\nText.\n'
    assert lint(data) == [(3, 9, "FM001")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\n- a\n- b\n---\n", [(2, 1, "FM004")]),
        ("---\njust text\n---\n", [(2, 1, "FM004")]),
    ],
)
def test_front_matter_that_is_not_a_mapping(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert lint(text) == expected


def test_unquoted_colon_points_at_the_colon_with_a_hint() -> None:
    text = "---\ntitle: Big News: Where peace stands\n---\n"
    assert lint(text) == [(2, 16, "FM002")]
    assert "quote the value" in messages(text)[0]


def test_tab_indentation() -> None:
    text = "---\ntitle: x\ntags:\n\t- a\n---\n"
    found = lint(text)
    assert found == [(4, 1, "FM002")]
    assert "tabs" in messages(text)[0]


def test_tabs_between_tokens_are_read_as_jekyll_reads_them() -> None:
    # A tab after a value or a colon is a separator for libyaml (Jekyll, Hugo), not an error.
    text = (
        "---\ntitle:\tx\nauthors:\n- melody\t\t\ndate: 2025-11-26\t# a comment\nempty: []\t\n---\n"
    )
    assert lint(text) == [(6, 8, "FM007")]


def test_duplicate_key_at_second_key() -> None:
    assert lint("---\ntitle: a\ntitle: b\n---\n") == [(3, 1, "FM006")]
    assert "line 2" in messages("---\ntitle: a\ntitle: b\n---\n")[0]


def test_python_tag_is_refused_not_constructed() -> None:
    text = "---\ntitle: !!python/object/apply:os.system [echo hi]\n---\n"
    assert lint(text) == [(2, 8, "FM011")]


def test_billion_laughs_is_bounded() -> None:
    lines = ["---", "title: bomb", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghijklmnop":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    lines.append("---")
    found = lint("\n".join(lines) + "\n")
    assert [code for *_, code in found] == ["FM012"]


def test_country_no_is_a_truthy_warning() -> None:
    assert lint("---\ntitle: Oslo\ncountry: no\n---\n") == [(3, 10, "FM010")]


def test_impossible_date_is_a_schema_violation_at_the_value() -> None:
    assert lint("---\ntitle: x\ndate: 2025-13-45\n---\n") == [(3, 7, "FM001")]


def test_bytes_that_are_not_utf8_point_at_the_bad_byte() -> None:
    data = "---\ntitle: café\n---\n".encode("latin-1")
    assert lint(data) == [(2, 11, "PL003")]


def test_binary_file() -> None:
    assert lint(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == [(1, 1, "PL004")]


def test_empty_file() -> None:
    assert lint(b"") == [(1, 1, "FM005")]


def test_huge_file_is_reported_and_skipped(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with big.open("wb") as handle:
        handle.write(b"---\ntitle: x\n---\n")
        handle.write(b"word " * (10 * 1024 * 1024))  # 50 MiB
    result = Linter(Config()).lint_file(big, "big.md")
    assert [(d.start_pos.line, d.code) for d in result.diagnostics] == [(1, "PL005")]
    assert "50.0 MiB" in result.diagnostics[0].message


def test_horizontal_rule_in_body_is_not_front_matter() -> None:
    assert lint("---\ntitle: x\n---\nText.\n\n---\n\nMore.\n") == []


def test_toml_syntax_error_position() -> None:
    assert lint("+++\ntitle = 'x'\ndate = \n+++\n") == [(3, 8, "FM002")]


def test_json_front_matter() -> None:
    assert lint('{\n  "title": 1\n}\nText.\n') == [(2, 12, "FM001")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without permission")
def test_unreadable_file(tmp_path: Path) -> None:
    post = tmp_path / "secret.md"
    post.write_text("---\ntitle: x\n---\n")
    post.chmod(0)
    result = Linter(Config()).lint_file(post, "secret.md")
    assert [d.code for d in result.diagnostics] == ["PL002"]


def test_unreadable_path_is_a_diagnostic(tmp_path: Path) -> None:
    link = tmp_path / "dangling.md"
    link.symlink_to(tmp_path / "missing.md")
    result = Linter(Config()).lint_file(link, "dangling.md")
    assert [d.code for d in result.diagnostics] == ["PL002"]
    assert "cannot read" in result.diagnostics[0].message


def test_symlink_loops_while_walking(tmp_path: Path) -> None:
    from postlint.api import lint_paths

    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text("---\ntitle: x\n---\nText.\n")
    (tmp_path / "posts" / "loop").symlink_to(tmp_path / "posts")
    (tmp_path / "posts" / "self.md").symlink_to(tmp_path / "posts" / "self.md")
    results = lint_paths([tmp_path / "posts"], Config(select=FM))
    by_name = {Path(r.path).name: [d.code for d in r.diagnostics] for r in results}
    assert by_name == {"a.md": [], "loop": ["PL002"], "self.md": ["PL002"]}


def test_two_configs_in_one_process_are_independent() -> None:
    text = "---\ntitle: x\ntags: []\n---\n"
    strict = Linter(Config(select=("FM007",)))
    quiet = Linter(Config(select=("FM",), ignore=("FM007",)))
    assert [d.code for d in strict.lint_text(text).diagnostics] == ["FM007"]
    assert [d.code for d in quiet.lint_text(text).diagnostics] == []
    assert [d.code for d in strict.lint_text(text).diagnostics] == ["FM007"]


def test_stdin_filename_alone_reads_standard_input(run_cli, tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("---\ntitle: x\n---\n\nthe the\n", encoding="utf-8")
    post = b"---\ntitle: ''\n---\n\nText.\n"
    run = run_cli("check", "--isolated", "--no-cache", "--stdin-filename", "p.md", input=post)
    assert run.stdout.startswith(b"p.md:2:8: error FM001") and b"other.md" not in run.stdout


def test_no_files_found_is_said(run_cli, tmp_path: Path) -> None:
    run = run_cli("check", "--isolated", "--no-cache", ".")
    assert run.returncode == 0 and b"no Markdown files found" in run.stderr


def test_output_file_folders_are_created(run_cli, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: x\n---\n\nText.\n", encoding="utf-8")
    run = run_cli("check", "--isolated", "--no-cache", "-o", "reports/deep/out.txt", "a.md")
    assert run.returncode == 0 and (tmp_path / "reports/deep/out.txt").read_text().strip()


def test_folder_links_that_loop_or_leave_are_reported_and_not_followed(
    run_cli, tmp_path: Path
) -> None:
    blog = tmp_path / "blog"
    (blog / "real").mkdir(parents=True)
    (blog / "sub").mkdir()
    (blog / "real" / "a.md").write_text("---\ntitle: x\n---\n\nText.\n", encoding="utf-8")
    os.symlink("..", blog / "sub" / "up")
    os.symlink("../..", blog / "sub" / "out")
    os.symlink("../real", blog / "sub" / "alias")  # inside the tree: its posts are read once
    run = run_cli("check", "--isolated", "--no-cache", "--output-format", "concise", "blog")
    lines = run.stdout.decode().splitlines()
    assert [line.split(" ", 3)[:3] for line in lines if "PL002" in line] == [
        ["blog/sub/out:1:1:", "error", "PL002"],
        ["blog/sub/up:1:1:", "error", "PL002"],
    ]
    assert "in 2 files" in lines[-1]
