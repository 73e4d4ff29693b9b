"""Configuration files and keys, through the real CLI (in process and as a subprocess)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from postlint.application.config_loader import ConfigResolver, find_config_file, load_config_file
from postlint.core.config import ConfigError
from postlint.core.engine import Linter
from postlint.core.rule import discover
from postlint.interfaces.cli import main

POST = "---\ntitle: x\ntags: []\n---\n\nIt was the the best of times.\n"
RULES = discover()


def check(cwd: Path, *args: str) -> tuple[int, list[dict[str, Any]], str]:
    """Run `postlint check` in process: (exit code, diagnostics from the JSON report, stderr)."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(
            main, ["check", "--no-cache", "--jobs", "1", "--output-format", "json", *args]
        )
    finally:
        os.chdir(old)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    report = json.loads(result.stdout) if result.stdout.strip() else {"diagnostics": []}
    return result.exit_code, report["diagnostics"], result.stderr


def codes(cwd: Path, *args: str) -> list[tuple[str, str]]:
    """Sorted (path, code) pairs reported."""
    _, found, stderr = check(cwd, *args)
    assert not stderr, stderr
    return sorted((d["path"], d["code"]) for d in found)


def subprocess_check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "postlint", "check", "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)},
        check=False,
        timeout=120,
    )


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text(POST, encoding="utf-8")
    return tmp_path


# --- where configuration comes from ------------------------------------------------------------


def test_pyproject_table_is_read(blog: Path) -> None:
    (blog / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.postlint]\nselect = ["PR108", "FM007"]\nignore = ["empty-value"]\n'
    )
    assert codes(blog, "posts") == [("posts/a.md", "PR108")]


def test_pyproject_without_a_table_does_not_count(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["FM007"]\n')
    (blog / "posts" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file(blog / "posts" / "a.md") == (blog / "postlint.toml").resolve()
    assert codes(blog, "posts") == [("posts/a.md", "FM007")]


def test_dot_postlint_toml_and_order_within_one_folder(blog: Path) -> None:
    (blog / ".postlint.toml").write_text('select = ["FM007"]\n')
    assert codes(blog, "posts") == [("posts/a.md", "FM007")]
    (blog / "postlint.toml").write_text('select = ["PR108"]\n')  # postlint.toml comes first
    assert codes(blog, "posts") == [("posts/a.md", "PR108")]


def test_nested_config_closer_to_the_file_wins(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["PR108", "FM007"]\n')
    (blog / "posts" / ".postlint.toml").write_text('select = ["FM007"]\n')
    (blog / "top.md").write_text(POST, encoding="utf-8")
    assert codes(blog, ".") == [
        ("posts/a.md", "FM007"),
        ("top.md", "FM007"),
        ("top.md", "PR108"),
    ]


def test_nested_config_paths_are_relative_to_their_own_file(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["PR108"]\n')
    (blog / "posts" / "postlint.toml").write_text(
        'select = ["PR108"]\n[per-file-ignores]\n"a.md" = ["PR108"]\n'
    )
    (blog / "a.md").write_text(POST, encoding="utf-8")
    assert codes(blog, ".") == [("a.md", "PR108")]  # "a.md" in posts/ means posts/a.md only


def test_config_and_isolated_flags(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["FM007"]\n')
    (blog / "other.toml").write_text('select = ["PR108"]\n')
    assert codes(blog, "posts") == [("posts/a.md", "FM007")]
    assert codes(blog, "--config", "other.toml", "posts") == [("posts/a.md", "PR108")]
    assert codes(blog, "--isolated", "--select", "PR108,FM007", "posts") == [
        ("posts/a.md", "FM007"),
        ("posts/a.md", "PR108"),
    ]


def test_command_line_options_win_over_the_file(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["FM007"]\nfail-level = "error"\n')
    assert codes(blog, "--select", "PR108", "posts") == [("posts/a.md", "PR108")]
    assert codes(blog, "--extend-select", "PR108", "--ignore", "FM007", "posts") == [
        ("posts/a.md", "PR108")
    ]
    assert check(blog, "posts")[0] == 0  # FM007 is a warning
    assert check(blog, "--fail-level", "warning", "posts")[0] == 1


def test_the_nearest_config_file_applies_to_stdin_by_its_name(blog: Path) -> None:
    (blog / "posts" / "postlint.toml").write_text('select = ["FM007"]\n')
    old = Path.cwd()
    os.chdir(blog)
    try:
        result = CliRunner().invoke(
            main,
            ["check", "--output-format", "json", "--stdin-filename", "posts/b.md", "-"],
            input=POST,
        )
    finally:
        os.chdir(old)
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["FM007"]


# --- each key ------------------------------------------------------------------------------------


def test_select_by_code_name_prefix_and_sub_code(blog: Path) -> None:
    post = "---\ntitle: x\n---\n\nIt was the the best... TK\n"
    (blog / "posts" / "a.md").write_text(post, encoding="utf-8")
    for select, expected in [
        ('["PR108"]', {"PR108"}),
        ('["repeated-word"]', {"PR108"}),
        ('["PR1"]', {"PR104", "PR108"}),
        ('["typography.symbols"]', {"PS001"}),
    ]:
        (blog / "postlint.toml").write_text(f"select = {select}\n")
        assert {c for _, c in codes(blog, "posts")} == expected, select
    (blog / "postlint.toml").write_text('select = ["PS"]\nignore = ["typography.symbols"]\n')
    _, found, _ = check(blog, "posts")
    assert found and not any(d["sub_code"].startswith("typography.symbols") for d in found)


def test_extend_select_adds_to_select(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["FM007"]\nextend-select = ["PR108"]\n')
    assert codes(blog, "posts") == [("posts/a.md", "FM007"), ("posts/a.md", "PR108")]


def test_per_file_ignores_severity_rule_options_and_fail_level(blog: Path) -> None:
    (blog / "posts" / "long.md").write_text(
        "---\ntitle: x\n---\n\nOne two three four five six seven the the.\n", encoding="utf-8"
    )
    (blog / "postlint.toml").write_text(
        'select = ["PR108", "FM007", "PR114"]\nfail-level = "warning"\n'
        '[per-file-ignores]\n"posts/a.md" = ["repeated-word"]\n'
        '[severity]\nFM007 = "info"\n'
        "[rules.sentence-length]\nmax-words = 3\n"
    )
    exit_code, found, _ = check(blog, "posts")
    assert sorted((d["path"], d["code"], d["severity"]) for d in found) == [
        ("posts/a.md", "FM007", "info"),
        ("posts/a.md", "PR114", "info"),
        ("posts/long.md", "PR108", "error"),
        ("posts/long.md", "PR114", "info"),
    ]
    assert exit_code == 1
    (blog / "postlint.toml").write_text(
        'select = ["FM007"]\nfail-level = "warning"\n[severity]\nFM007 = "info"\n'
    )
    assert check(blog, "posts")[0] == 0  # info is below the fail level


def test_include_exclude_and_extend_exclude(blog: Path) -> None:
    (blog / "posts" / "b.markdown").write_text(POST, encoding="utf-8")
    (blog / "posts" / "c.txt").write_text(POST, encoding="utf-8")
    (blog / "drafts").mkdir()
    (blog / "drafts" / "d.md").write_text(POST, encoding="utf-8")
    (blog / "postlint.toml").write_text('select = ["FM007"]\n')
    assert {p for p, _ in codes(blog, ".")} == {"posts/a.md", "posts/b.markdown", "drafts/d.md"}
    (blog / "postlint.toml").write_text('select = ["FM007"]\ninclude = ["*.md", "*.txt"]\n')
    assert {p for p, _ in codes(blog, ".")} == {"posts/a.md", "posts/c.txt", "drafts/d.md"}
    (blog / "postlint.toml").write_text('select = ["FM007"]\nextend-exclude = ["drafts"]\n')
    assert {p for p, _ in codes(blog, ".")} == {"posts/a.md", "posts/b.markdown"}
    (blog / "postlint.toml").write_text('select = ["FM007"]\nexclude = ["b.*"]\n')
    assert {p for p, _ in codes(blog, ".")} == {"posts/a.md", "drafts/d.md"}


def test_prose_fields_are_checked_as_prose(blog: Path) -> None:
    (blog / "posts" / "a.md").write_text(
        "---\ntitle: x\nsummary: fix this TK\n---\n\nText.\n", encoding="utf-8"
    )
    (blog / "postlint.toml").write_text('select = ["PR104"]\n')
    assert codes(blog, "posts") == []
    (blog / "postlint.toml").write_text('select = ["PR104"]\nprose-fields = ["title", "summary"]\n')
    assert codes(blog, "posts") == [("posts/a.md", "PR104")]


def test_schema_and_schemas_by_glob_and_dollar_schema(blog: Path) -> None:
    (blog / "schemas").mkdir()
    (blog / "schemas" / "default.json").write_text('{"required": ["title", "author"]}')
    (blog / "schemas" / "news.json").write_text('{"required": ["title", "desk"]}')
    (blog / "schemas" / "own.json").write_text('{"required": ["title"]}')
    (blog / "news").mkdir()
    (blog / "news" / "n.md").write_text("---\ntitle: x\n---\n\nText.\n", encoding="utf-8")
    (blog / "posts" / "a.md").write_text("---\ntitle: x\n---\n\nText.\n", encoding="utf-8")
    (blog / "posts" / "own.md").write_text(
        "---\n$schema: ../schemas/own.json\ntitle: x\n---\n\nText.\n", encoding="utf-8"
    )
    (blog / "postlint.toml").write_text(
        'select = ["FM001"]\nschema = "schemas/default.json"\n'
        '[schemas]\n"news/**" = "schemas/news.json"\n'
    )
    _, found, _ = check(blog, ".")
    messages = {d["path"]: d["message"] for d in found}
    assert set(messages) == {"news/n.md", "posts/a.md"}
    assert "desk" in messages["news/n.md"] and "author" in messages["posts/a.md"]


def test_max_file_size_max_diagnostics_and_output_format(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["FM007", "PL005"]\nmax-file-size = 10\n')
    assert codes(blog, "posts") == [("posts/a.md", "PL005")]
    (blog / "postlint.toml").write_text('select = ["FM007"]\noutput-format = "github"\n')
    old = Path.cwd()
    os.chdir(blog)
    try:
        result = CliRunner().invoke(main, ["check", "--no-cache", "posts"])
    finally:
        os.chdir(old)
    assert result.stdout.startswith("::warning ")


# --- wrong configuration -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('selcet = ["FM"]\n', "unknown key 'selcet' in the top level; did you mean 'select'?"),
        ('select = ["FM999"]\n', "select: unknown rule 'FM999'"),
        ('select = ["repeated-wrod"]\n', "did you mean 'repeated-word'?"),
        (
            'ignore = ["house.kyvi"]\n[house.kyiv]\nkind = "substitution"\nswap = {Kiev = "Kyiv"}\n',
            "did you mean 'house.kyiv'?",
        ),
        ('[per-file-ignores]\n"x/**" = ["PR1O8"]\n', "per-file-ignores.x/**: unknown rule 'PR1O8'"),
        ('[severity]\nPR108 = "fatal"\n', "severity.PR108: 'fatal' is not one of"),
        ('fail-level = "fatal"\n', "fail-level: 'fatal' is not one of"),
        ('select = "FM"\n', "select: 'FM' is not of type 'array'"),
        ('[rules.sentence-length]\nmax-words = "many"\n', "rules.sentence-length.max-words"),
        (
            "[rules.sentence-length]\nmax-wrods = 3\n",
            "unknown key 'max-wrods' in rules.sentence-length; did you mean 'max-words'?",
        ),
        ("[rules.sentense-length]\nmax-words = 3\n", "did you mean 'sentence-length'?"),
        ("[rules.house-style]\nrules = [1]\n", "unknown key 'rules' in rules.house-style"),
        ('schema = "missing.json"\n', "schema: schema file 'missing.json' not found"),
        (
            '[schemas]\n"a/**" = "missing.json"\n',
            "schemas.a/**: schema file 'missing.json' not found",
        ),
        (
            '[schemas]\n"a/**" = "a\\u0000b.json"\n',
            "schemas.a/**: schema file 'a\\x00b.json' holds a NUL character",
        ),
        ('output-format = "xml"\n', "output-format: 'xml' is not one of"),
        ("max-file-size = 0\n", "max-file-size: 0 is less than the minimum of 1"),
        ('styles = ["styles/*.toml"]\n', "styles: 'styles/*.toml' names no file"),
        ("select = [\n", "not valid TOML"),
        (
            '[house.x]\nkind = "existence"\npatterns = ["(unclosed"]\n',
            "house.x: pattern '(unclosed' does not compile: missing )",
        ),
        ('[house.x]\nkind = "nonsense"\n', "house.x.kind: 'nonsense' is not one of"),
        (
            '[house.x]\nkind = "length"\nfield = "title"\n',
            "house.x: a length rule needs 'max' or 'min'",
        ),
        (
            '[house.x]\nkind = "existence"\ntokens = ["a"]\nswap = {a = "b"}\n',
            "unknown key 'swap' in house.x",
        ),
        ('[house."a b"]\nkind = "length"\nmax = 3\n', "does not match"),
        ("tool = 1\n", "unknown key 'tool'"),
    ],
)
def test_a_wrong_config_is_a_clear_error_and_exit_2(
    blog: Path, content: str, expected: str
) -> None:
    (blog / "postlint.toml").write_text(content)
    exit_code, _, stderr = check(blog, "posts")
    assert exit_code == 2, stderr
    assert expected in stderr and str(blog / "postlint.toml") in stderr, stderr


def test_a_wrong_config_never_shows_a_traceback(blog: Path) -> None:
    (blog / "postlint.toml").write_text('[house.x]\nkind = "existence"\npatterns = ["a{2,1}"]\n')
    result = subprocess_check(blog, "posts")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "re2.cc" not in result.stderr
    assert result.stderr.startswith("postlint: error: ") and "house.x" in result.stderr


def test_a_wrong_nested_config_is_found_during_the_run(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["FM007"]\n')
    (blog / "posts" / "postlint.toml").write_text('selct = ["FM007"]\n')
    (blog / "top.md").write_text(POST, encoding="utf-8")
    result = subprocess_check(blog, "top.md", "posts")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "posts/postlint.toml: unknown key 'selct'" in result.stderr


def test_unknown_code_on_the_command_line_suggests(blog: Path) -> None:
    exit_code, _, stderr = check(blog, "--select", "PR1O8", "posts")
    assert exit_code == 2 and "did you mean 'PR108'?" in stderr


# --- commands ------------------------------------------------------------------------------------


def test_init_writes_a_starter_that_loads(blog: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(blog)]).exit_code == 0
    written = (blog / "postlint.toml").read_text()
    assert written.startswith("# postlint configuration")
    config = load_config_file(blog / "postlint.toml", RULES)
    assert config.source == blog / "postlint.toml"
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and ("=" in line or line.startswith("# [")) else line
        for line in written.splitlines()
    )
    (blog / "full.toml").write_text(uncommented)
    (blog / "schemas").mkdir()
    for name in ("post", "blog"):
        (blog / "schemas" / f"{name}.schema.json").write_text("{}")
    (blog / "styles").mkdir()
    (blog / "styles" / "a.toml").write_text('[very]\nkind = "existence"\ntokens = ["very"]\n')
    full = load_config_file(blog / "full.toml", RULES)  # every commented example is valid too
    assert [r.name for r in full.house] == ["kyiv", "seo-title", "very"]
    assert full.output_format == "concise" and full.per_file_ignores
    result = runner.invoke(main, ["init", str(blog)])
    assert result.exit_code == 2 and "already exists" in result.stderr  # never overwrites


def test_config_command_shows_the_effective_config_and_its_schema(blog: Path) -> None:
    (blog / "postlint.toml").write_text(
        'select = ["PR108"]\n[house.kyiv]\nkind = "substitution"\nswap = {Kiev = "Kyiv"}\n'
    )
    (blog / "posts" / "postlint.toml").write_text('select = ["FM007"]\n')
    runner = CliRunner()
    shown = json.loads(runner.invoke(main, ["config", str(blog / "posts" / "a.md")]).stdout)
    assert shown["source"] == str((blog / "posts" / "postlint.toml").resolve())
    assert shown["select"] == ["FM007"] and shown["fail-level"] == "error"
    assert shown["enabled-rules"] == ["FM007"] and shown["schema"].endswith("post.schema.json")
    top = json.loads(runner.invoke(main, ["config", str(blog)]).stdout)
    assert top["house"][0]["name"] == "kyiv" and top["house"][0]["swap"] == [["Kiev", "Kyiv"]]
    isolated = json.loads(runner.invoke(main, ["config", "--isolated", str(blog)]).stdout)
    assert isolated["source"] is None and isolated["select"] is None
    schema = json.loads(runner.invoke(main, ["config", "--schema"]).stdout)
    props = schema["properties"]
    assert "max-words" in props["rules"]["properties"]["sentence-length"]["properties"]
    assert {"existence", "length"} <= set(
        props["house"]["additionalProperties"]["properties"]["kind"]["enum"]
    )
    bad = runner.invoke(main, ["config", "--config", str(blog / "missing.toml"), str(blog)])
    assert bad.exit_code == 2 and "cannot read" in bad.stderr


# --- no global state -----------------------------------------------------------------------------


def test_two_configs_in_one_process_are_independent(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        'select = ["PR108", "HS001"]\n[house.a]\nkind = "existence"\ntokens = ["best"]\n'
    )
    (tmp_path / "b.toml").write_text(
        'select = ["FM007", "HS001"]\n[house.b]\nkind = "existence"\ntokens = ["times"]\n'
    )
    a, b = (
        load_config_file(tmp_path / "a.toml", RULES),
        load_config_file(tmp_path / "b.toml", RULES),
    )
    la, lb = Linter(a, RULES), Linter(b, RULES)
    first = [(d.code, d.sub_code) for d in la.lint_text(POST).diagnostics]
    assert first == [("PR108", None), ("HS001", "house.a")]
    assert [(d.code, d.sub_code) for d in lb.lint_text(POST).diagnostics] == [
        ("FM007", None),
        ("HS001", "house.b"),
    ]
    assert [(d.code, d.sub_code) for d in la.lint_text(POST).diagnostics] == first
    assert [d.code for d in Linter().lint_text(POST).diagnostics] != first  # defaults untouched


def test_config_is_frozen_and_picklable(tmp_path: Path) -> None:
    (tmp_path / "postlint.toml").write_text(
        '[rules.sentence-length]\nmax-words = 5\n[house.kyiv]\nkind = "substitution"\nswap = {Kiev = "Kyiv"}\n'
    )
    config = load_config_file(tmp_path / "postlint.toml", RULES)
    assert pickle.loads(pickle.dumps(config)) == config
    with pytest.raises(AttributeError):
        config.select = ("PR108",)  # type: ignore[misc]
    hash(config)


def test_resolver_caches_per_folder_and_reads_each_file_once(blog: Path) -> None:
    (blog / "postlint.toml").write_text('select = ["FM007"]\n')
    (blog / "posts" / "b.md").write_text(POST)
    resolver = ConfigResolver(RULES)
    first = resolver.config_for(blog / "posts" / "a.md")
    (blog / "postlint.toml").write_text('select = ["PR108"]\n')  # a run sees one version
    assert resolver.config_for(blog / "posts" / "b.md") is first
    assert ConfigResolver(RULES).config_for(blog / "posts" / "a.md").select == ("PR108",)


def test_the_documented_full_example_loads_and_works(tmp_path: Path) -> None:
    doc = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "postlint.toml").write_text(example, encoding="utf-8")
    (tmp_path / "schemas").mkdir()
    for name in ("post", "blog", "docs"):
        (tmp_path / "schemas" / f"{name}.schema.json").write_text('{"type": "object"}')
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "newsroom.toml").write_text(
        '[no-very]\nkind = "existence"\ntokens = ["very"]\n'
    )
    config = load_config_file(tmp_path / "postlint.toml", RULES)
    assert config.ignore == ("sentence-length", "hedging") and len(config.house) >= 6
    text = "---\ntitle: x\n---\n\nWe met in Kiev... to utilise it.\n"
    found = {
        (d.code, d.sub_code, d.severity.label) for d in Linter(config).lint_text(text).diagnostics
    }
    assert ("PS001", "typography.symbols.ellipsis", "info") in found  # severity by sub-code prefix
    assert ("HS001", "house.banned", "error") in found
    assert ("HS001", "house.kyiv", "warning") in found


# --- never a traceback -----------------------------------------------------------------------------

_KEYS = [
    "select", "ignore", "extend-select", "per-file-ignores", "include", "exclude", "fail-level",
    "severity", "rules", "schema", "schemas", "prose-fields", "max-file-size", "house", "styles",
    "output-format", "bogus",
]  # fmt: skip
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False), st.text(max_size=8),
    st.sampled_from(["PR108", "house.x", "error", "existence", "length", "title", "(a", "*.md"]),
)  # fmt: skip
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["kind", "max", "tokens", "x", "max-words", "a/**"]), inner, max_size=3
        )
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.dictionaries(st.sampled_from(_KEYS), _values, max_size=4))
def test_any_table_gives_a_config_or_a_config_error(table: dict[str, Any]) -> None:
    from postlint.application.config_loader import config_from_table

    path = Path("/nonexistent/postlint.toml")
    try:
        config = config_from_table(path, table, RULES)
        Linter(config, RULES).lint_text(POST)
    except ConfigError as exc:
        assert str(exc).startswith(str(path)) or "schema" in str(exc), exc


def test_python_api_finds_configuration_files_as_the_cli_does(blog: Path) -> None:
    from postlint.api import lint_paths
    from postlint.core.config import Config

    (blog / "postlint.toml").write_text('select = ["PR108", "FM007"]\n')
    (blog / "posts" / ".postlint.toml").write_text('select = ["FM007"]\n')
    (blog / "top.md").write_text(POST, encoding="utf-8")
    found = sorted(
        (Path(r.path).name, d.code) for r in lint_paths([blog], jobs=2) for d in r.diagnostics
    )
    assert found == [("a.md", "FM007"), ("top.md", "FM007"), ("top.md", "PR108")]
    given = Config(select=("PR108",))  # a Config passed in applies to every file
    found = sorted(
        (Path(r.path).name, d.code) for r in lint_paths([blog], given) for d in r.diagnostics
    )
    assert found == [("a.md", "PR108"), ("top.md", "PR108")]


def test_a_wrong_nested_config_stops_the_run_before_any_output(blog: Path) -> None:
    (blog / "top.md").write_text(POST, encoding="utf-8")
    (blog / "posts" / "postlint.toml").write_text('select = ["NOPE"]\n')
    (blog / "report.txt").write_text("the last report\n")
    run = subprocess_check(blog, "-o", "report.txt", ".")
    assert run.returncode == 2 and "NOPE" in run.stderr and run.stdout == ""
    assert (blog / "report.txt").read_text() == "the last report\n"  # kept, not truncated
    assert sorted(p.name for p in blog.iterdir()) == ["posts", "report.txt", "top.md"]


def test_files_are_reported_in_path_order_and_once(blog: Path) -> None:
    (blog / "b.md").write_text(POST, encoding="utf-8")
    run = subprocess_check(
        blog, "--isolated", "--select", "PR108", "b.md", "posts", "b.md", "./b.md"
    )
    paths = [line.split(":", 1)[0] for line in run.stdout.splitlines() if "PR108" in line]
    assert paths == ["b.md", "posts/a.md"]


def test_resolver_nearest_matches_find_config_file(tmp_path: Path) -> None:
    """Sharing parents' answers gives each folder what the walk from it finds."""
    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    (tmp_path / "a" / "d").mkdir()
    (tmp_path / "e" / "f").mkdir(parents=True)
    (tmp_path / "a" / "postlint.toml").write_text("")
    (tmp_path / "e" / "pyproject.toml").write_text("[project]\n")  # no table: not a config
    (tmp_path / "a" / "b" / ".postlint.toml").write_text("")
    resolver = ConfigResolver(RULES)
    folders = ["a/b/c", "a/d", "a", "e/f", "e", "a/b", "."]
    for name in folders + folders[::-1]:
        folder = tmp_path / name
        assert resolver.source_for(folder / "x.md") == find_config_file(folder / "x.md")
