"""Hostile posts (issue 20): every reproducer gives a located diagnostic, never a crash.

Each case is the shape the adversarial review found (structured inputs: deep nesting, odd tags,
complex keys, CR-only line endings, UTF-16), checked for code, line, column and message.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from crash_guard import assert_no_crash, without_crash
from postlint.core.config import Config
from postlint.core.engine import Linter
from postlint.core.fix import fix_bytes
from postlint.core.rule import RuleSet, discover

LINTER = Linter(Config(select=("FM", "PL")))


def found(text: str | bytes, linter: Linter = LINTER) -> list[tuple[int, int, str, str]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = without_crash(linter.lint_bytes("post.md", data))
    return [(d.start_pos.line, d.start_pos.column, d.code, d.message) for d in result.diagnostics]


def _deep(kind: str) -> str:
    return f"{kind} front matter is nested deeper than 64 levels: flatten it (no real post needs that much nesting)"


TOO_DEEP = [
    pytest.param(
        "+++\ntitle = 'x'\na = " + "[" * 500 + "]" * 500 + "\n+++\nText.\n",
        (3, 69, "FM012", _deep("TOML")),
        id="toml-500-brackets",
    ),
    pytest.param(
        "+++\ntitle = 'x'\na = " + "{b = " * 300 + "1" + "}" * 300 + "\n+++\nText.\n",
        (3, 325, "FM012", _deep("TOML")),
        id="toml-deep-inline-tables",
    ),
    pytest.param(
        "+++\ntitle = 'x'\n[" + ".".join(["a"] * 3000) + "]\nx = 1\n+++\nText.\n",
        (3, 129, "FM012", _deep("TOML")),
        id="toml-3000-part-header",
    ),
    pytest.param(
        "+++\ntitle = 'x'\n" + ".".join(["a"] * 3000) + " = 1\n+++\nText.\n",
        (3, 130, "FM012", _deep("TOML")),
        id="toml-3000-part-dotted-key",
    ),
    pytest.param(
        "+++\ntitle = 'x'\n[" + ".".join(["a"] * 40) + "]\n" + ".".join(["b"] * 40) + " = 1\n+++\n",
        (4, 50, "FM012", _deep("TOML")),  # the 25th dot: 40 + 25 levels
        id="toml-header-plus-dotted-key",
    ),
    pytest.param(
        '{\n"title": "x", "a": ' + "[" * 500 + "]" * 500 + "\n}\nText.\n",
        (2, 83, "FM012", _deep("JSON")),
        id="json-500-brackets",
    ),
    pytest.param(
        "---\ntitle: x\na: " + "[" * 500 + "]" * 500 + "\n---\nText.\n",
        (3, 67, "FM012", _deep("YAML")),
        id="yaml-500-brackets",
    ),
    pytest.param(
        "---\ntitle: x\n" + "".join(" " * i + "a:\n" for i in range(200)) + "---\nText.\n",
        (67, 65, "FM012", _deep("YAML")),
        id="yaml-200-block-levels",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TOO_DEEP)
def test_nesting_beyond_the_limit_is_fm012_where_it_is_crossed(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


def test_nesting_at_the_limit_is_fine_in_all_three_languages() -> None:
    assert found("+++\ntitle = 'x'\na = " + "[" * 63 + "]" * 63 + "\n+++\nText.\n") == []
    assert found('{\n"title": "x", "a": ' + "[" * 63 + "]" * 63 + "\n}\nText.\n") == []
    assert found("---\ntitle: x\na: " + "[" * 63 + "]" * 63 + "\n---\nText.\n") == []
    assert found("+++\ntitle = 'x'\n[a.b.c]\nd.e = [[1], {x = 1}]\n+++\nText.\n") == []


def test_a_bool_tag_on_a_word_it_cannot_read_is_a_located_syntax_error() -> None:
    text = "---\ntitle: x\npublished: !!bool maybe\n---\nText.\n"
    assert found(text) == [
        (3, 12, "FM002", "'maybe' is not a valid !!bool value: fix it or remove the tag")
    ]
    assert found("---\ntitle: x\nn: !!int twelve\n---\nText.\n") == [
        (3, 4, "FM002", "'twelve' is not a valid !!int value: fix it or remove the tag")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "+++\ntitle = 'x'\nn = " + "9" * 5000 + "\n+++\nText.\n",
            (
                3,
                5,
                "FM002",
                "TOML value cannot be read (a number longer than 4,300 digits): "
                "shorten it or quote it as text",
            ),
        ),
        (
            '{\n"title": "x", "n": ' + "9" * 5000 + "\n}\nText.\n",
            (
                2,
                20,
                "FM002",
                "JSON value cannot be read (a number longer than 4,300 digits): "
                "shorten it or quote it as text",
            ),
        ),
        (
            "---\ntitle: x\nn: " + "9" * 5000 + "\n---\nText.\n",
            (
                3,
                4,
                "FM002",
                "'9999999999999999999999999999999999999...' is not a valid !!int "
                "value: fix it or remove the tag",
            ),
        ),
    ],
    ids=["toml", "json", "yaml"],
)
def test_a_number_python_will_not_read_is_a_located_syntax_error(
    text: str, expected: tuple
) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "front",
    [
        "? [a, b]\n: 1\ntitle: x\ndate: 2020-01-01T10:00:00",
        "? {a: 1}\n: ''\ntitle: x",
        "? [date]\n: 2020-01-01T10:00:00\ntitle: x\ntags: []",
    ],
)
def test_complex_keys_do_not_crash_the_key_rules(front: str) -> None:
    linter = Linter(Config(select=("FM007", "FM008", "FM001")))
    result = without_crash(linter.lint_text(f"---\n{front}\n---\nText.\n", "post.md"))
    assert all(d.code in {"FM001", "FM007", "FM008"} for d in result.diagnostics)


def test_cr_only_line_endings_close_the_front_matter_and_keep_positions() -> None:
    text = "---\rtitle: x\rdate: 2020-01-01T10:00:00\r---\rHello there.\r"
    assert found(text, Linter(Config(select=("FM", "PR108")))) == [
        (
            3,
            7,
            "FM008",
            "`date` has a time but no time zone: add an offset such as '2020-01-01T10:00:00 +0000'",
        )
    ]
    toml = "+++\rtitle = 'x'\rdraft = 3\r+++\rText.\r"
    assert found(toml, Linter(Config(select=("FM002", "FM003")))) == []


@pytest.mark.parametrize(
    ("codec", "bom", "name"),
    [
        ("utf-16-le", b"\xff\xfe", "UTF-16 LE"),
        ("utf-16-be", b"\xfe\xff", "UTF-16 BE"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32 LE"),
        ("utf-32-be", b"\x00\x00\xfe\xff", "UTF-32 BE"),
    ],
)
def test_utf16_and_utf32_with_a_bom_are_decoded_checked_and_reported(
    codec: str, bom: bytes, name: str
) -> None:
    data = bom + "---\ntitle: x\n---\nthe the cat.\n".encode(codec)
    linter = Linter(Config(select=("PL003", "PR108")))
    assert found(data, linter) == [
        (
            1,
            1,
            "PL003",
            f"file is {name} (it starts with a {name} byte order mark); "
            "site generators expect UTF-8: save it as UTF-8",
        ),
        (4, 1, "PR108", "'the' is written twice in a row: delete the second 'the'"),
    ]
    fixed = fix_bytes(linter, "post.md", data)
    assert fixed.data == bom + "---\ntitle: x\n---\nthe cat.\n".encode(codec)  # same encoding


def test_a_bom_that_lies_is_an_encoding_error_not_a_crash() -> None:
    assert found(b"\xff\xfe\x00") == [
        (
            1,
            1,
            "PL003",
            "file starts with a UTF-16 LE byte order mark but is not valid UTF-16 LE (byte 2); "
            "save the file as UTF-8",
        )
    ]


# --- a crashing rule is never silent ---------------------------------------------------------


def _with_crashing(code: str) -> RuleSet:
    def boom(doc: object, options: object) -> list[object]:
        raise RuntimeError("rule bug")

    rules = discover()
    return RuleSet(tuple(replace(r, check=boom) if r.code == code else r for r in rules))


@pytest.mark.parametrize(
    "config",
    [
        Config(select=("FM013",)),
        Config(select=("FM013",), ignore=("PL001",)),
        Config(select=("FM013",), per_file_ignores=(("*.md", ("PL",)),)),
    ],
    ids=["selected-alone", "pl001-ignored", "pl-ignored-per-file"],
)
def test_a_crashing_rule_is_reported_whatever_the_selection(config: Config) -> None:
    linter = Linter(config, _with_crashing("FM013"))
    text = "---\ntitle: x\n---\n<!-- postlint-disable PL001 -->\nText.\n"
    result = linter.lint_text(text, "post.md")
    assert [(d.start_pos.line, d.code, d.message) for d in result.diagnostics] == [
        (1, "PL001", "rule FM013 (image-not-found) failed: RuntimeError: rule bug")
    ]
    with pytest.raises(AssertionError, match="internal error"):
        assert_no_crash(result.diagnostics)  # so a test helper fails on an ok-*.md example


def test_the_example_helper_fails_when_the_rule_crashes_on_an_ok_example() -> None:
    from test_examples import EXAMPLES

    linter = Linter(Config(select=("FM013",)), _with_crashing("FM013"))
    post = next((EXAMPLES / "FM013_image-not-found").glob("ok-*.md"))
    with pytest.raises(AssertionError, match="PL001"):
        without_crash(linter.lint_bytes(post.name, post.read_bytes()))


def test_a_crash_outside_any_rule_is_pl001_for_that_file_only() -> None:
    # a schema mapping that is not a path (only the API can build it) fails in the engine,
    # before any rule runs, for the files the glob matches
    linter = Linter(Config(select=("FM001", "PR108"), schemas=(("news-*", 42),)))  # type: ignore[arg-type]
    text = "---\ntitle: x\n---\nthe the end.\n"
    broken = linter.lint_text(text, "news-1.md")
    assert [d.code for d in broken.diagnostics] == ["PL001"]
    assert broken.diagnostics[0].message.startswith("checking this file failed: TypeError")
    assert [d.code for d in linter.lint_text(text, "post.md").diagnostics] == ["PR108"]


def test_the_cli_exits_3_on_an_internal_error_never_1(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text("---\ntitle: x\n---\nText.\n", encoding="utf-8")
    program = (
        "import sys, dataclasses\n"
        "import postlint.rules.frontmatter.empty_value as m\n"
        "def boom(doc, options):\n    raise RuntimeError('rule bug')\n"
        "m.RULE = dataclasses.replace(m.RULE, check=boom)\n"
        "from postlint.interfaces.cli import main\n"
        "sys.argv = ['postlint', 'check', '--no-cache', '--select', 'FM007', 'post.md']\n"
        "main()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 3, run.stderr
    assert "PL001 rule FM007 (empty-value) failed: RuntimeError: rule bug" in run.stdout
    assert "All checks passed" not in run.stdout
