"""House-style rules written as data: each kind, exact positions, fixes, safety and errors."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from postlint.application.config_loader import load_config_file
from postlint.core.config import Config, ConfigError
from postlint.core.engine import Linter
from postlint.core.fix import fix_source
from postlint.core.rule import discover
from postlint.core.source import SourceFile

RULES = discover()


def configure(tmp_path: Path, toml: str, select: str = '["HS001"]') -> Config:
    (tmp_path / "postlint.toml").write_text(f"select = {select}\n{toml}", encoding="utf-8")
    return load_config_file(tmp_path / "postlint.toml", RULES)


def found(config: Config, text: str) -> list[tuple[str, int, int, int, int, str]]:
    """(sub-code, line, column, end line, end column, message) of each diagnostic."""
    return [
        (
            d.sub_code or d.code,
            d.start_pos.line,
            d.start_pos.column,
            d.end_pos.line,
            d.end_pos.column,
            d.message,
        )
        for d in Linter(config, RULES).lint_text(text).diagnostics
    ]


def spans(config: Config, text: str) -> list[tuple[str, int, int, str]]:
    """(sub-code, line, column, the text covered)."""
    return [
        (d.sub_code or d.code, d.start_pos.line, d.start_pos.column, text[d.start : d.end])
        for d in Linter(config, RULES).lint_text(text).diagnostics
    ]


# --- existence ------------------------------------------------------------------------------


def test_existence_tokens_patterns_exceptions_and_message(tmp_path: Path) -> None:
    config = configure(
        tmp_path,
        '[house.banned]\nkind = "existence"\ntokens = ["utilise", "going forward"]\n'
        "patterns = ['\\bsynerg\\w*']\nignore-case = true\nexceptions = [\"Synergy Labs\"]\n"
        'message = "house style bans \'{match}\'"\nseverity = "error"\n',
    )
    text = (
        "---\ntitle: Utilise this\n---\n\n"
        "Going\nforward we utilise synergies at Synergy Labs.\n"  # 5-6
    )
    assert spans(config, text) == [
        ("house.banned", 2, 8, "Utilise"),
        ("house.banned", 5, 1, "Going\nforward"),
        ("house.banned", 6, 12, "utilise"),
        ("house.banned", 6, 20, "synergies"),
    ]
    diagnostics = Linter(config, RULES).lint_text(text).diagnostics
    assert diagnostics[0].message == "house style bans 'Utilise'"
    assert {d.severity.label for d in diagnostics} == {"error"}


def test_existence_whole_words_and_case(tmp_path: Path) -> None:
    config = configure(tmp_path, '[house.x]\nkind = "existence"\ntokens = ["very"]\n')
    text = "---\ntitle: x\n---\n\nVery everyday, very.\n"
    assert spans(config, text) == [("house.x", 5, 16, "very")]
    parts = configure(
        tmp_path, '[house.x]\nkind = "existence"\ntokens = ["very"]\nwhole-words = false\n'
    )
    assert spans(parts, text) == [("house.x", 5, 7, "very"), ("house.x", 5, 16, "very")]


def test_positions_are_exact_after_non_ascii_text(tmp_path: Path) -> None:
    config = configure(
        tmp_path,
        '[house.w]\nkind = "existence"\ntokens = ["café"]\npatterns = ["Zür\\\\w+"]\n',
    )
    text = "---\ntitle: Ünïcödé “quotes” café\n---\n\n— A café in Zürich, 😀 café.\n"
    assert spans(config, text) == [
        ("house.w", 2, 25, "café"),
        ("house.w", 5, 5, "café"),
        ("house.w", 5, 13, "Zürich"),
        ("house.w", 5, 23, "café"),
    ]


def test_never_on_code_urls_or_html(tmp_path: Path) -> None:
    config = configure(tmp_path, '[house.x]\nkind = "existence"\ntokens = ["kiev"]\n')
    text = (
        "---\ntitle: x\nslug: kiev\n---\n\n"
        "```\nkiev\n```\n\n"
        "Run `kiev` at <https://example.org/kiev> or [here](https://kiev.example).\n\n"
        "<!-- kiev -->\n\n"
        "Then kiev.\n"
    )
    assert spans(config, text) == [("house.x", 14, 6, "kiev")]


def test_a_pathological_pattern_cannot_hang_the_run(tmp_path: Path) -> None:
    config = configure(tmp_path, '[house.x]\nkind = "existence"\npatterns = ["(a+)+$"]\n')
    text = "---\ntitle: x\n---\n\n" + "a" * 50_000 + "b\n"
    started = time.perf_counter()
    assert spans(config, text) == []
    assert time.perf_counter() - started < 5  # Python's re would take longer than the universe


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("(?<=a)b", "invalid perl operator"),
        ("(a", "missing )"),
        ("a{1001}", "invalid repetition size"),
    ],
)
def test_a_pattern_re2_cannot_compile_is_a_config_error(
    tmp_path: Path, pattern: str, why: str
) -> None:
    with pytest.raises(ConfigError) as error:
        configure(tmp_path, f'[house.x]\nkind = "existence"\npatterns = ["{pattern}"]\n')
    assert f"house.x: pattern '{pattern}' does not compile: {why}" in str(error.value)
    assert str(tmp_path / "postlint.toml") in str(error.value)


# --- substitution -----------------------------------------------------------------------------


def test_substitution_positions_fix_and_case(tmp_path: Path) -> None:
    config = configure(
        tmp_path,
        '[house.kyiv]\nkind = "substitution"\nswap = { Kiev = "Kyiv", "e-mail" = "email", utilise = "use" }\n'
        "ignore-case = true\n",
    )
    text = "---\ntitle: Kiev talks\n---\n\nUtilise e-mail in kiev. Kyiv is right.\n"
    assert found(config, text) == [
        ("house.kyiv", 2, 8, 2, 12, "use 'Kyiv' instead of 'Kiev' (house style)"),
        ("house.kyiv", 5, 1, 5, 8, "use 'Use' instead of 'Utilise' (house style)"),
        ("house.kyiv", 5, 9, 5, 15, "use 'email' instead of 'e-mail' (house style)"),
        ("house.kyiv", 5, 19, 5, 23, "use 'Kyiv' instead of 'kiev' (house style)"),
    ]
    outcome = fix_source(Linter(config, RULES), SourceFile("p.md", text))
    assert outcome.text == "---\ntitle: Kyiv talks\n---\n\nUse email in Kyiv. Kyiv is right.\n"
    assert outcome.result.diagnostics == ()


def test_substitution_leaves_the_preferred_form_alone(tmp_path: Path) -> None:
    config = configure(
        tmp_path,
        '[house.js]\nkind = "substitution"\nswap = { javascript = "JavaScript" }\nignore-case = true\n',
    )
    text = "---\ntitle: x\n---\n\nJavaScript, not Javascript.\n"
    assert spans(config, text) == [("house.js", 5, 17, "Javascript")]


# --- consistency --------------------------------------------------------------------------------


def test_consistency_reports_the_less_used_form(tmp_path: Path) -> None:
    config = configure(
        tmp_path,
        '[house.email]\nkind = "consistency"\npairs = [["email", "e-mail"], ["online", "on-line"]]\n',
    )
    text = "---\ntitle: An email about email\n---\n\nSend an e-mail, then an email. Go online.\n"
    assert found(config, text) == [
        (
            "house.email",
            5,
            9,
            5,
            15,
            "'e-mail' and 'email' both appear in this post (1 vs 3); use one of them",
        )
    ]
    only_one = "---\ntitle: x\n---\n\nSend an e-mail.\n"
    assert found(config, only_one) == []


# --- capitalization -----------------------------------------------------------------------------


def test_sentence_case_for_title_and_headings(tmp_path: Path) -> None:
    config = configure(
        tmp_path,
        '[house.case]\nkind = "capitalization"\nstyle = "sentence"\nexceptions = ["Geneva", "New York"]\n',
    )
    text = (
        "---\ntitle: Talks In Geneva Went Well\n---\n\n"
        "## Talks in Geneva and New York\n\n"  # 5: fine
        "## What The `Code` Said ##\n\n"  # 7
        "NATO and the EU: A new start\n============================\n\n"  # 9: fine (acronyms, colon)
        "### iPhone sales in Geneva's x.py and cloud.gov\n"  # 12: fine
        "### lower case start\n"  # 13
    )
    assert spans(config, text) == [
        ("house.case", 2, 14, "In Geneva Went Well"),
        ("house.case", 7, 9, "The `Code` Said"),
        ("house.case", 13, 5, "lower"),
    ]
    [first, *_] = Linter(config, RULES).lint_text(text).diagnostics
    assert first.message.startswith(
        "`title` is not in sentence case: 'In' -> 'in', 'Went' -> 'went'"
    )
    assert first.fix is not None and not first.fix.safe
    outcome = fix_source(Linter(config, RULES), SourceFile("p.md", text), unsafe=True)
    assert "title: Talks in Geneva went well\n" in outcome.text
    assert (
        "## What the `Code` said ##\n" in outcome.text and "### Lower case start\n" in outcome.text
    )


def test_title_case(tmp_path: Path) -> None:
    config = configure(
        tmp_path, '[house.case]\nkind = "capitalization"\nstyle = "title"\nscope = ["headings"]\n'
    )
    text = (
        "---\ntitle: not checked here\n---\n\n"
        "# The War and the Peace in Europe\n\n"  # 5: fine
        "# the talks went on\n\n"  # 7
        "# Where it ends up\n"  # 9: "it" and last word "up"
    )
    assert spans(config, text) == [
        ("house.case", 7, 3, "the talks went on"),
        ("house.case", 9, 9, "it ends up"),
    ]


# --- length -------------------------------------------------------------------------------------


def test_length_of_front_matter_fields(tmp_path: Path) -> None:
    config = configure(
        tmp_path,
        '[house.seo-title]\nkind = "length"\nfield = "title"\nmax = 20\n'
        '[house.seo-excerpt]\nkind = "length"\nfield = "excerpt"\nmin = 10\nmax = 30\n'
        '[house.teaser]\nkind = "length"\nfield = "teaser"\nmax = 5\n',
    )
    text = (
        '---\ntitle: "A title that is \\"far\\" too long"\n'  # decoded: 30 characters
        "excerpt: Short.\n"
        "teaser: >-\n  folded\n  text\n"
        "---\n\nBody.\n"
    )
    assert found(config, text) == [
        (
            "house.seo-title",
            2,
            8,
            2,
            42,
            "`title` is 30 characters long; house style allows at most 20",
        ),
        (
            "house.seo-excerpt",
            3,
            10,
            3,
            16,
            "`excerpt` is 6 characters long; house style allows at least 10",
        ),
        (
            "house.teaser",
            4,
            9,
            6,
            7,
            "`teaser` is 11 characters long; house style allows at most 5",
        ),
    ]


# --- selection, severity, style files, errors ----------------------------------------------------

HOUSE = """
[house.kyiv]
kind = "substitution"
swap = { Kiev = "Kyiv" }

[house.very]
kind = "existence"
tokens = ["very"]
"""
TEXT = "---\ntitle: x\n---\n\nA very long day in Kiev.\n"


def test_house_rules_are_selected_ignored_and_overridden_by_name(tmp_path: Path) -> None:
    assert {s for s, *_ in spans(configure(tmp_path, HOUSE), TEXT)} == {"house.kyiv", "house.very"}
    only = configure(tmp_path, HOUSE, select='["house.kyiv"]')
    assert {s for s, *_ in spans(only, TEXT)} == {"house.kyiv"}
    ignored = configure(tmp_path, 'ignore = ["house.kyiv"]\n' + HOUSE)
    assert {s for s, *_ in spans(ignored, TEXT)} == {"house.very"}
    by_default = configure(tmp_path, HOUSE, select='["PR108"]')
    assert spans(by_default, TEXT) == []
    house = configure(tmp_path, HOUSE, select='["house"]')
    assert {s for s, *_ in spans(house, TEXT)} == {"house.kyiv", "house.very"}
    everything = configure(tmp_path, HOUSE, select='["ALL"]')
    assert {s for s, *_ in spans(everything, TEXT)} >= {"house.kyiv", "house.very"}
    loud = configure(tmp_path, '[severity]\n"house.very" = "error"\n' + HOUSE)
    levels = {d.sub_code: d.severity.label for d in Linter(loud, RULES).lint_text(TEXT).diagnostics}
    assert levels == {"house.very": "error", "house.kyiv": "warning"}


def test_rules_from_style_files(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "names.toml").write_text(
        '[kyiv]\nkind = "substitution"\nswap = { Kiev = "Kyiv" }\n'
    )
    (tmp_path / "styles" / "words.toml").write_text(
        '[very]\nkind = "existence"\ntokens = ["very"]\n'
    )
    config = configure(tmp_path, 'styles = ["styles/*.toml"]\n')
    assert [r.name for r in config.house] == ["kyiv", "very"]
    assert {s for s, *_ in spans(config, TEXT)} == {"house.kyiv", "house.very"}
    (tmp_path / "styles" / "bad.toml").write_text('[oops]\nkind = "existence"\ntoken = ["x"]\n')
    with pytest.raises(
        ConfigError, match=r"bad\.toml: unknown key 'token' in oops; did you mean 'tokens'"
    ):
        configure(tmp_path, 'styles = ["styles/*.toml"]\n')
    (tmp_path / "styles" / "bad.toml").write_text('[very]\nkind = "existence"\ntokens = ["so"]\n')
    with pytest.raises(ConfigError, match="house rule 'very' is already defined in"):
        configure(tmp_path, 'styles = ["styles/*.toml"]\n')


def test_the_example_config_runs_through_the_cli(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "postlint.toml").write_text('select = ["HS001"]\n' + HOUSE)
    (tmp_path / "p.md").write_text(TEXT, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--output-format", "concise", "p.md", cwd=tmp_path)
    stdout = result.stdout.decode() if isinstance(result.stdout, bytes) else result.stdout
    assert "p.md:5:3: warning HS001 [house.very] avoid 'very' (house style)" in stdout
    assert "p.md:5:20: warning HS001 [house.kyiv] use 'Kyiv' instead of 'Kiev'" in stdout
    assert result.returncode == 0
    run_cli("check", "--no-cache", "--fix", "p.md", cwd=tmp_path)
    assert (tmp_path / "p.md").read_text(encoding="utf-8").endswith("in Kyiv.\n")
