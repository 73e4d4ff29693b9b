"""Configuration files, selection, suppression comments and house rules, through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postlint.config import Config, ConfigError
from postlint.config_loader import load_config_file
from postlint.engine import Linter
from postlint.rule import discover

POST = "---\ntitle: x\ntags: []\n---\n\nIt was the the best of times.\n"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "postlint", *args, "--no-cache", "--output-format", "concise"]
        if args and args[0] == "check"
        else [sys.executable, "-m", "postlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def codes(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [
        line.split()[2]
        for line in result.stdout.splitlines()
        if ": " in line and line[:1] not in " F"
    ]


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text(POST, encoding="utf-8")
    return tmp_path


def test_pyproject_table_is_read(blog: Path) -> None:
    (blog / "pyproject.toml").write_text(
        '[tool.postlint]\nselect = ["PR108", "FM007"]\nignore = ["empty-value"]\n'
    )
    assert codes(run(blog, "check", "posts")) == ["PR108"]


def test_nested_config_closer_to_the_file_wins(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["PR108", "FM007"]\n')
    (blog / "posts" / ".postlint.toml").write_text('select = ["FM007"]\n')
    (blog / "top.md").write_text(POST, encoding="utf-8")
    result = run(blog, "check", ".")
    by_file = {
        line.split(":")[0]: line.split()[2] for line in result.stdout.splitlines() if ".md:" in line
    }
    assert sorted(result.stdout.count(c) for c in ("PR108",)) == [1]
    assert by_file["posts/a.md"] == "FM007"


def test_config_and_isolated_flags(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["FM007"]\n')
    other = blog / "other.toml"
    other.write_text('select = ["PR108"]\n')
    assert codes(run(blog, "check", "posts")) == ["FM007"]
    assert codes(run(blog, "check", "--config", "other.toml", "posts")) == ["PR108"]
    assert set(codes(run(blog, "check", "--isolated", "--select", "PR108,FM007", "posts"))) == {
        "PR108",
        "FM007",
    }


def test_per_file_ignores_severity_and_rule_options(blog: Path) -> None:
    (blog / "postlint.toml").write_text(
        'select = ["PR108", "FM007", "PR114"]\nfail-level = "warning"\n'
        '[per-file-ignores]\n"posts/**" = ["repeated-word"]\n'
        '[severity]\nFM007 = "info"\n'
        "[rules.sentence-length]\nmax-words = 3\n"
    )
    result = run(blog, "check", "posts")
    assert sorted(codes(result)) == ["FM007", "PR114"]
    assert "info FM007" in result.stdout
    assert result.returncode == 0  # info is below the fail level


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('selcet = ["FM"]\n', "unknown key 'selcet'"),
        ('select = ["FM999"]\n', "unknown rule 'FM999'"),
        ('select = ["repeated-wrod"]\n', "did you mean 'repeated-word'"),
        ('fail-level = "fatal"\n', "fail-level"),
        ('[rules.sentence-length]\nmax-words = "many"\n', "rules.sentence-length.max-words"),
        ("[rules.sentence-length]\nmax-wrods = 3\n", "unknown key 'max-wrods'"),
        ("select = [\n", "not valid TOML"),
        ('[house.x]\nkind = "existence"\npatterns = ["(unclosed"]\n', "does not compile"),
        ('[house.x]\nkind = "nonsense"\n', "kind must be one of"),
    ],
)
def test_a_wrong_config_is_a_clear_error_and_exit_2(
    blog: Path, content: str, expected: str
) -> None:
    (blog / "postlint.toml").write_text(content)
    result = run(blog, "check", "posts")
    assert result.returncode == 2, result.stdout + result.stderr
    assert expected in result.stderr and "postlint.toml" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_code_on_the_command_line_suggests(blog: Path) -> None:
    result = run(blog, "check", "--select", "PR1O8", "posts")
    assert result.returncode == 2 and "did you mean" in result.stderr


def test_init_and_config_commands(blog: Path) -> None:
    assert run(blog, "init").returncode == 0
    assert (blog / "postlint.toml").read_text().startswith("# postlint configuration")
    assert run(blog, "init").returncode == 2  # never overwrites
    shown = json.loads(run(blog, "config", "posts/a.md").stdout)
    assert shown["source"].endswith("postlint.toml") and shown["fail_level"] == "error"
    schema = json.loads(run(blog, "config", "--schema").stdout)
    assert (
        "max-words" in schema["properties"]["rules"]["properties"]["sentence-length"]["properties"]
    )


def test_two_configs_in_one_process_are_independent(tmp_path: Path) -> None:
    rules = discover()
    (tmp_path / "a.toml").write_text('select = ["PR108"]\n')
    (tmp_path / "b.toml").write_text('select = ["FM007"]\n')
    a, b = (
        load_config_file(tmp_path / "a.toml", rules),
        load_config_file(tmp_path / "b.toml", rules),
    )
    la, lb = Linter(a, rules), Linter(b, rules)
    assert [d.code for d in la.lint_text(POST).diagnostics] == ["PR108"]
    assert [d.code for d in lb.lint_text(POST).diagnostics] == ["FM007"]
    assert [d.code for d in la.lint_text(POST).diagnostics] == ["PR108"]


# --- suppression comments ------------------------------------------------------------------


def lint(text: str, *select: str) -> list[tuple[int, str]]:
    result = Linter(Config(select=select)).lint_text(text)
    return [(d.start_pos.line, d.code) for d in result.diagnostics]


def test_disable_enable_range_next_line_and_file() -> None:
    text = (
        "---\ntitle: x\n---\n\n"
        "<!-- postlint-disable PR108 -->\nthe the\n<!-- postlint-enable PR108 -->\n\n"  # 5-7
        "and and\n\n"  # 9
        "<!-- postlint-disable-next-line repeated-word -->\nor or\n\n"  # 11-12
        "<!-- postlint-disable-file PR104 -->\nTK\n"  # 14-15
    )
    assert lint(text, "PR108", "PR104", "PL100") == [(9, "PR108")]


def test_disable_without_codes_disables_everything_until_enable() -> None:
    text = "---\ntitle: x\n---\n\n<!-- postlint-disable -->\nthe the TK\n<!-- postlint-enable -->\nTK\n"
    assert lint(text, "PR108", "PR104") == [(8, "PR104")]


def test_yaml_comment_suppresses_its_line() -> None:
    text = "---\ntitle: x\ntags: []  # postlint: disable=FM007\nauthor: []\n---\n\nText.\n"
    assert lint(text, "FM007", "PL100") == [(4, "FM007")]


def test_unused_suppression_is_reported_with_a_fix() -> None:
    text = "---\ntitle: x\n---\n\n<!-- postlint-disable-next-line PR108, PR104 -->\nthe the\n"
    result = Linter(Config(select=("PR108", "PR104", "PL100"))).lint_text(text)
    [unused] = [d for d in result.diagnostics if d.code == "PL100"]
    assert unused.start_pos.line == 5 and "PR104" in unused.message
    assert unused.fix is not None and unused.fix.safe


# --- house rules -----------------------------------------------------------------------------

HOUSE = """
[house.kyiv]
kind = "substitution"
swap = { Kiev = "Kyiv" }

[house.banned]
kind = "existence"
tokens = ["utilise"]
patterns = ["\\\\bsynerg\\\\w*"]
ignore-case = true
message = "house style bans '{match}'"
severity = "error"

[house.email]
kind = "consistency"
pairs = [["email", "e-mail"]]

[house.case]
kind = "capitalization"
style = "sentence"
exceptions = ["Kyiv", "Geneva"]

[house.seo]
kind = "length"
field = "title"
max = 20
"""


def test_each_house_rule_kind_with_positions(tmp_path: Path) -> None:
    (tmp_path / "postlint.toml").write_text('select = ["HS001"]\n' + HOUSE)
    (tmp_path / "p.md").write_text(
        "---\ntitle: Talks In Geneva Went On And On\n---\n\n"
        "## Talks in Geneva\n\n"
        "We met in Kiev to utilise Synergies.\n\n"
        "Send an email, not an e-mail, or an email.\n",
        encoding="utf-8",
    )
    result = run(tmp_path, "check", "p.md")
    lines = [line for line in result.stdout.splitlines() if "p.md:" in line]
    found = {
        (line.split(":")[1], line.split(":")[2], line.split("[")[1].split("]")[0]) for line in lines
    }
    assert found == {
        ("2", "8", "house.case"),
        ("2", "8", "house.seo"),
        ("7", "11", "house.kyiv"),
        ("7", "19", "house.banned"),
        ("7", "27", "house.banned"),
        ("9", "23", "house.email"),
    }
    assert result.returncode == 1  # house.banned is an error
    fixed = run(tmp_path, "check", "--fix", "p.md")
    assert "Kyiv" in (tmp_path / "p.md").read_text(encoding="utf-8") and fixed.returncode == 1


def test_house_rules_can_be_ignored_by_name(tmp_path: Path) -> None:
    (tmp_path / "postlint.toml").write_text('select = ["HS001"]\nignore = ["house.kyiv"]\n' + HOUSE)
    (tmp_path / "p.md").write_text("---\ntitle: x\n---\n\nIn Kiev.\n", encoding="utf-8")
    assert "house.kyiv" not in run(tmp_path, "check", "p.md").stdout


def test_config_error_for_bad_pattern_names_the_rule(tmp_path: Path) -> None:
    (tmp_path / "postlint.toml").write_text(
        '[house.bad]\nkind = "existence"\npatterns = ["(unclosed"]\n'
    )
    with pytest.raises(ConfigError, match=r"house\.bad"):
        load_config_file(tmp_path / "postlint.toml", discover())


def test_the_documented_full_example_loads_and_works(tmp_path: Path) -> None:
    from conftest import REPO

    doc = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "postlint.toml").write_text(example, encoding="utf-8")
    (tmp_path / "schemas").mkdir()
    for name in ("post", "blog", "docs"):
        (tmp_path / "schemas" / f"{name}.schema.json").write_text('{"type": "object"}')
    config = load_config_file(tmp_path / "postlint.toml", discover())
    assert config.ignore == ("sentence-length", "hedging") and len(config.house) == 6
    text = "---\ntitle: x\n---\n\nWe met in Kiev... to utilise it.\n"
    found = {
        (d.code, d.sub_code, d.severity.label) for d in Linter(config).lint_text(text).diagnostics
    }
    assert ("PS001", "typography.symbols.ellipsis", "info") in found  # severity by sub-code prefix
    assert ("HS001", "house.banned", "error") in found and (
        "HS001",
        "house.kyiv",
        "warning",
    ) in found
