"""Suppression comments: every form, what each one covers, and PL100 for the stale ones."""

from __future__ import annotations

import pytest

from postlint.core.config import Config
from postlint.core.engine import Linter
from postlint.core.fix import fix_source
from postlint.core.source import SourceFile
from postlint.rules.house import HouseRule

HEAD = "---\ntitle: x\n---\n\n"  # the body starts on line 5


def lint(text: str, *select: str, config: Config | None = None) -> list[tuple[int, str]]:
    linter = Linter(config or Config(select=select))
    return [(d.start_pos.line, d.code) for d in linter.lint_text(text).diagnostics]


def fixed(text: str, *select: str) -> str:
    return fix_source(Linter(Config(select=select)), SourceFile("p.md", text)).text


def test_disable_enable_range() -> None:
    text = HEAD + (
        "the the\n"  # 5
        "<!-- postlint-disable PR108 -->\n"
        "or or\n"  # 7
        "and and\n"  # 8
        "<!-- postlint-enable PR108 -->\n"
        "it it\n"  # 10
    )
    assert lint(text, "PR108", "PL100") == [(5, "PR108"), (10, "PR108")]


def test_disable_without_enable_runs_to_the_end_of_the_file() -> None:
    text = HEAD + "the the\n<!-- postlint-disable repeated-word -->\nor or\n\nand and\n"
    assert lint(text, "PR108", "PL100") == [(5, "PR108")]


def test_disable_without_codes_disables_everything_until_enable() -> None:
    text = HEAD + "<!-- postlint-disable -->\nthe the TK\n<!-- postlint-enable -->\nTK\n"
    assert lint(text, "PR108", "PR104", "PL100") == [(8, "PR104")]


def test_enable_of_one_code_keeps_the_others_off() -> None:
    text = HEAD + (
        "<!-- postlint-disable PR108, PR104 -->\n"  # 5
        "the the TK\n"  # 6
        "<!-- postlint-enable PR108 -->\n"  # 7
        "or or TK\n"  # 8: PR108 back on, PR104 still off
    )
    assert lint(text, "PR108", "PR104", "PL100") == [(8, "PR108")]
    everything = (
        HEAD + "<!-- postlint-disable -->\nTK\n<!-- postlint-enable PR104 -->\nTK the the\n"
    )
    assert lint(everything, "PR108", "PR104", "PL100") == [(8, "PR104")]


def test_disable_next_line_covers_only_the_next_line() -> None:
    text = HEAD + "<!-- postlint-disable-next-line PR108 -->\nthe the\nor or\n"
    assert lint(text, "PR108", "PL100") == [(7, "PR108")]


def test_disable_file_covers_lines_before_it_too() -> None:
    text = HEAD + "TK\n\nthe the\n\n<!-- postlint-disable-file placeholder-left -->\n"
    assert lint(text, "PR108", "PR104", "PL100") == [(7, "PR108")]


def test_yaml_comment_suppresses_its_own_line() -> None:
    text = "---\ntitle: x\ntags: []  # postlint: disable=FM007\nauthor: []\n---\n\nText.\n"
    assert lint(text, "FM007", "PL100") == [(4, "FM007")]


def test_yaml_comment_form_is_only_read_in_front_matter() -> None:
    text = HEAD + "the the # postlint: disable=PR108\n"
    assert lint(text, "PR108", "PL100") == [(5, "PR108")]


@pytest.mark.parametrize(
    "selector", ["PR108", "pr108", "repeated-word", "PR1", "PR", "ALL", "PR104,PR108"]
)
def test_codes_names_and_prefixes_are_accepted(selector: str) -> None:
    text = HEAD + f"<!-- postlint-disable-next-line {selector} -->\nthe the\n"
    assert lint(text, "PR108") == []


def test_sub_codes_suppress_only_that_part_of_a_rule() -> None:
    text = HEAD + "<!-- postlint-disable-next-line typography.symbols -->\nWait... the the\n"
    found = Linter(Config(select=("PS001", "PL100"))).lint_text(text).diagnostics
    assert [d.sub_code for d in found] == ["lexical_illusions"]


def test_house_rule_names_are_accepted() -> None:
    house = (
        HouseRule("kyiv", "substitution", swap=(("Kiev", "Kyiv"),)),
        HouseRule("no-very", "existence", tokens=("very",), ignore_case=True),
    )
    text = HEAD + "<!-- postlint-disable-next-line house.kyiv -->\nVery nice Kiev.\n"
    config = Config(select=("HS001", "PL100"), house=house)
    found = Linter(config).lint_text(text).diagnostics
    assert [(d.start_pos.line, d.sub_code) for d in found] == [(6, "house.no-very")]


def test_comments_in_code_are_examples_not_suppressions() -> None:
    text = HEAD + (
        "```markdown\n<!-- postlint-disable -->\n```\n\n"  # 5-7
        "Write `<!-- postlint-disable-next-line PR108 -->` before it.\n"  # 9
        "the the\n"  # 10
    )
    assert lint(text, "PR108", "PL100") == [(10, "PR108")]


# --- PL100 unused-suppression ------------------------------------------------------------------


def test_an_unused_comment_is_reported_and_removed_by_its_fix() -> None:
    text = HEAD + "Fine.\n<!-- postlint-disable-next-line PR108 -->\nNothing repeated.\n"
    [diagnostic] = Linter(Config(select=("PR108", "PL100"))).lint_text(text).diagnostics
    assert (diagnostic.code, diagnostic.start_pos.line, diagnostic.start_pos.column) == (
        "PL100",
        6,
        1,
    )
    assert "nothing here is reported for PR108" in diagnostic.message
    assert diagnostic.fix is not None and diagnostic.fix.safe
    assert fixed(text, "PR108", "PL100") == HEAD + "Fine.\nNothing repeated.\n"


def test_an_unused_code_is_removed_from_a_comment_that_is_still_needed() -> None:
    text = HEAD + "<!-- postlint-disable-next-line PR108, PR104 -->\nthe the\n"
    [diagnostic] = Linter(Config(select=("PR108", "PR104", "PL100"))).lint_text(text).diagnostics
    assert diagnostic.code == "PL100" and diagnostic.start_pos.line == 5
    assert "PR104" in diagnostic.message and "PR108" not in diagnostic.message
    assert fixed(text, "PR108", "PR104", "PL100") == (
        HEAD + "<!-- postlint-disable-next-line PR108 -->\nthe the\n"
    )


def test_an_unused_range_is_removed_with_its_enable_comment() -> None:
    text = HEAD + "<!-- postlint-disable PR108 -->\nFine.\n<!-- postlint-enable PR108 -->\nEnd.\n"
    assert lint(text, "PR108", "PL100") == [(5, "PL100")]
    assert fixed(text, "PR108", "PL100") == HEAD + "Fine.\nEnd.\n"


def test_an_unused_yaml_comment_fix_keeps_the_value() -> None:
    text = "---\ntitle: x  # postlint: disable=FM007\n---\n\nText.\n"
    assert lint(text, "FM007", "PL100") == [(2, "PL100")]
    assert fixed(text, "FM007", "PL100") == "---\ntitle: x\n---\n\nText.\n"


def test_an_enable_that_closes_nothing_is_reported() -> None:
    text = HEAD + "Fine.\n<!-- postlint-enable PR108 -->\n"
    assert lint(text, "PR108", "PL100") == [(6, "PL100")]


def test_an_unknown_code_is_reported_with_a_suggestion() -> None:
    text = HEAD + "<!-- postlint-disable-next-line PR108 repeated-wrod -->\nthe the\n"
    [diagnostic] = Linter(Config(select=("PR108", "PL100"))).lint_text(text).diagnostics
    assert "unknown rule 'repeated-wrod' (did you mean 'repeated-word'?)" in diagnostic.message
    assert (
        fixed(text, "PR108", "PL100")
        == HEAD + "<!-- postlint-disable-next-line PR108 -->\nthe the\n"
    )


def test_codes_of_rules_that_are_off_are_not_judged() -> None:
    text = HEAD + "<!-- postlint-disable-next-line PR104 -->\nthe the\n"
    assert lint(text, "PR108", "PL100") == [(6, "PR108")]


def test_pl100_is_not_reported_when_it_is_off_or_suppressed() -> None:
    text = HEAD + "<!-- postlint-disable-next-line PR108 -->\nFine.\n"
    assert lint(text, "PR108") == []
    quiet = (
        HEAD
        + "<!-- postlint-disable-file PL100 -->\n<!-- postlint-disable-next-line PR108 -->\nFine.\n"
    )
    assert lint(quiet, "PR108", "PL100") == []


def test_a_comment_cannot_suppress_its_own_report() -> None:
    text = HEAD + "<!-- postlint-disable -->\nFine.\n"
    assert lint(text, "PR108", "PL100") == [(5, "PL100")]


def test_fixing_twice_changes_nothing() -> None:
    text = HEAD + (
        "<!-- postlint-disable-next-line PR108, PR104 -->\nthe the\n\n"
        "<!-- postlint-disable PR108 -->\nFine.\n<!-- postlint-enable PR108 -->\n"
    )
    once = fixed(text, "PR108", "PR104", "PL100")
    assert once != text and fixed(once, "PR108", "PR104", "PL100") == once
    assert lint(once, "PR108", "PR104", "PL100") == []


def test_crlf_positions_and_fix() -> None:
    text = "---\r\ntitle: x\r\n---\r\n\r\n<!-- postlint-disable-next-line PR108 -->\r\nFine.\r\n"
    assert lint(text, "PR108", "PL100") == [(5, "PL100")]
    assert fixed(text, "PR108", "PL100") == "---\r\ntitle: x\r\n---\r\n\r\nFine.\r\n"


def test_naming_pl100_keeps_a_comment_on_purpose() -> None:
    text = HEAD + "<!-- postlint-disable-next-line PR108 PL100 -->\nFine.\n"
    assert lint(text, "PR108", "PL100") == []
    broad = HEAD + "<!-- postlint-disable-file ALL -->\nFine.\n"
    assert lint(broad, "PR108", "PL100") == [(5, "PL100")]  # ALL does not silence PL100 itself
