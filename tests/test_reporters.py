"""Reporters: exact text snapshots, real parsers and validators for the machine formats."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urljoin

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema.validators import Draft4Validator, Draft202012Validator, validator_for

from conftest import SARIF_SCHEMA
from postlint.core.diagnostic import Diagnostic, Edit, FileResult, Fix, Severity
from postlint.core.rule import FixAvailability, Rule, RuleSet
from postlint.core.source import LineIndex
from postlint.report import FORMATS, ReportOptions, render, stream
from postlint.report import text as text_format
from postlint.report.base import fingerprints, ordered
from postlint.report.github import escape_data, escape_property
from postlint.report.rules_doc import render_rule_docs, render_rules_table

REPO = Path(__file__).parents[1]
REPORT_SCHEMA = REPO / "schemas/postlint-report.schema.json"
ESC = "\x1b"

# ---------------------------------------------------------------------------------------------
# Building diagnostics by hand, with positions computed from a real text.


def make(
    path: str,
    text: str,
    start: int,
    end: int,
    code: str = "PR101",
    name: str = "repeated-word",
    severity: Severity = Severity.WARNING,
    message: str = "message",
    sub_code: str | None = None,
    fix: Fix | None = None,
) -> Diagnostic:
    index = LineIndex(text)
    start_pos, end_pos = index.position(start), index.position(end)
    return Diagnostic(
        path=path,
        code=code,
        name=name,
        severity=severity,
        message=message,
        start=start,
        end=end,
        start_pos=start_pos,
        end_pos=end_pos,
        sub_code=sub_code,
        fix=fix,
        docs_url=f"https://github.com/postlint/postlint/blob/main/docs/rules/{code}.md",
        source_line=index.line_text(start_pos.line),
    )


def at(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


POST_PATH = "posts/2025 café/übersicht.md"
POST = (
    "---\n"
    "title: Café\tnews\n"
    "date: 2025-13-01\n"
    "---\n"
    'The the quick fox, 日本語 "quoted" <&>\n'
    "\tIndented line\r\n"
    "last line\n"
)
NO_NEWLINE_PATH = "posts/no-newline.md"
NO_NEWLINE = "---\ntitle: x\n---\nabc"
CLEAN_PATH = "posts/clean.md"


def post_diagnostics(text: str = POST) -> tuple[Diagnostic, ...]:
    date = at(text, "2025-13-01")
    the = at(text, "The the")
    cjk = at(text, "日本語")
    symbols = at(text, "<&>")
    indented = at(text, "Indented")
    title_start = text.index("title")
    return (
        make(
            POST_PATH,
            text,
            *date,
            code="FM001",
            name="schema-violation",
            severity=Severity.ERROR,
            message="'2025-13-01' is not a valid date: use YYYY-MM-DD, e.g. 2025-11-26",
        ),
        make(
            POST_PATH,
            text,
            *the,
            message='Repeated word "the" (100% sure)',
            fix=Fix((Edit(the[0], the[0] + 4, ""),), safe=True, message="Remove the first 'the'"),
        ),
        make(
            POST_PATH,
            text,
            *cjk,
            code="PR102",
            name="foreign-script",
            severity=Severity.INFO,
            message="Non-Latin text: 日本語",
        ),
        make(
            POST_PATH,
            text,
            *symbols,
            code="PR200",
            name="proselint",
            severity=Severity.INFO,
            sub_code="typography.symbols",
            message="Use real symbols\r\nnot <&> (quotes: \"x\", 'y')",
            fix=Fix(
                (Edit(symbols[0], symbols[1], "\u2039&\u203a"),),
                safe=False,
                message="Use \u2039&\u203a",
            ),
        ),
        make(
            POST_PATH,
            text,
            *indented,
            code="PR103",
            name="indented-prose",
            message="Indented prose renders as code",
        ),
        make(
            POST_PATH,
            text,
            title_start,
            text.index("date") + len("date"),
            code="FM002",
            name="key-order",
            severity=Severity.WARNING,
            message="spans two lines",
        ),
    )


def eof_diagnostic() -> Diagnostic:
    return make(
        NO_NEWLINE_PATH,
        NO_NEWLINE,
        len(NO_NEWLINE),
        len(NO_NEWLINE),
        code="FM010",
        name="final-newline",
        message="No newline at end of file",
        fix=Fix((Edit(len(NO_NEWLINE), len(NO_NEWLINE), "\n"),), message="Add a newline"),
    )


def sample_results() -> list[FileResult]:
    return [
        FileResult(POST_PATH, post_diagnostics()),
        FileResult(NO_NEWLINE_PATH, (eof_diagnostic(),)),
        FileResult(CLEAN_PATH, ()),
    ]


@dataclass(frozen=True)
class MaxOptions:
    max_repeats: int = 1
    ignore_case: bool = True
    exceptions: tuple[str, ...] = ("that", "had")
    phrases: list[str] = field(default_factory=lambda: ["a | b"])


REPEATED_DOCS = """Flags a word written twice in a row.

## What it does
Finds "the the".

## Why is this bad?
Readers stumble.

## Example
The the fox.

## Use instead
The fox."""


def rule_set() -> RuleSet:
    return RuleSet(
        (
            Rule(
                "FM001",
                "schema-violation",
                "Front matter does not match the schema",
                Severity.ERROR,
                docs="## What it does\nValidates front matter.",
            ),
            Rule(
                "PR101",
                "repeated-word",
                "A word is repeated",
                Severity.WARNING,
                options=MaxOptions,
                fix=FixAvailability.SAFE,
                docs=REPEATED_DOCS,
            ),
            Rule(
                "PR200",
                "proselint",
                "proselint checks",
                Severity.INFO,
                sub_codes=("typography.symbols",),
            ),
            Rule(
                "ZZ999",
                "never-reported",
                "Not reported here",
                Severity.INFO,
                enabled_by_default=False,
            ),
        )
    )


# ---------------------------------------------------------------------------------------------
# full and concise: exact snapshots.

FULL_SNAPSHOT = """\
posts/2025 café/übersicht.md:2:1: warning FM002 spans two lines
  |
2 | title: Café news
  | ^^^^^^^^^^^^^^^^

posts/2025 café/übersicht.md:3:7: error FM001 '2025-13-01' is not a valid date: use YYYY-MM-DD, e.g. 2025-11-26
  |
3 | date: 2025-13-01
  |       ^^^^^^^^^^

posts/2025 café/übersicht.md:5:1: warning PR101 Repeated word "the" (100% sure)
  |
5 | The the quick fox, 日本語 "quoted" <&>
  | ^^^^^^^
  = fix available: Remove the first 'the'

posts/2025 café/übersicht.md:5:20: info PR102 Non-Latin text: 日本語
  |
5 | The the quick fox, 日本語 "quoted" <&>
  |                    ^^^^^^

posts/2025 café/übersicht.md:5:33: info PR200 [typography.symbols] Use real symbols\\r\\nnot <&> (quotes: "x", 'y')
  |
5 | The the quick fox, 日本語 "quoted" <&>
  |                                    ^^^
  = unsafe fix available: Use \u2039&\u203a

posts/2025 café/übersicht.md:6:2: warning PR103 Indented prose renders as code
  |
6 |     Indented line
  |     ^^^^^^^^

posts/no-newline.md:4:4: warning FM010 No newline at end of file
  |
4 | abc
  |    ^
  = fix available: Add a newline

Found 7 problems (1 error, 4 warnings, 2 info) in 2 files.
2 fixable with `--fix` (1 more with `--unsafe-fixes`).
"""

CONCISE_SNAPSHOT = """\
posts/2025 café/übersicht.md:2:1: warning FM002 spans two lines
posts/2025 café/übersicht.md:3:7: error FM001 '2025-13-01' is not a valid date: use YYYY-MM-DD, e.g. 2025-11-26
posts/2025 café/übersicht.md:5:1: warning PR101 Repeated word "the" (100% sure)
posts/2025 café/übersicht.md:5:20: info PR102 Non-Latin text: 日本語
posts/2025 café/übersicht.md:5:33: info PR200 [typography.symbols] Use real symbols\\r\\nnot <&> (quotes: "x", 'y')
posts/2025 café/übersicht.md:6:2: warning PR103 Indented prose renders as code
posts/no-newline.md:4:4: warning FM010 No newline at end of file

Found 7 problems (1 error, 4 warnings, 2 info) in 2 files.
2 fixable with `--fix` (1 more with `--unsafe-fixes`).
"""


def test_full_snapshot() -> None:
    assert render("full", sample_results(), ReportOptions()) == FULL_SNAPSHOT


def test_concise_snapshot() -> None:
    assert render("concise", sample_results(), ReportOptions()) == CONCISE_SNAPSHOT


def test_full_without_source_is_concise() -> None:
    options = ReportOptions(show_source=False)
    assert render("full", sample_results(), options) == CONCISE_SNAPSHOT


def test_input_order_does_not_matter() -> None:
    shuffled = [
        replace(r, diagnostics=tuple(reversed(r.diagnostics))) for r in reversed(sample_results())
    ]
    assert render("full", shuffled, ReportOptions()) == FULL_SNAPSHOT


def test_statistics_table_sorted_by_count() -> None:
    text = "a a a a\n"
    fix = Fix((Edit(0, 1, "b"),))
    diags = [
        make("x.md", text, 0, 1, code="PR101", name="repeated-word", fix=fix),
        make("x.md", text, 2, 3, code="PR200", name="proselint", sub_code="typography.symbols"),
        make("x.md", text, 4, 5, code="PR200", name="proselint", sub_code="typography.symbols"),
        make("x.md", text, 6, 7, code="FM001", name="schema-violation", severity=Severity.ERROR),
        make("x.md", text, 6, 7, code="PR101", name="repeated-word"),
    ]
    for fmt in ("concise", "full"):  # as ruff: the table instead of the diagnostics
        out = render(fmt, [FileResult("x.md", tuple(diags))], ReportOptions(statistics=True))
        assert out == (
            "Problems by rule:\n"
            "  2  PR101                       [*] repeated-word\n"
            "  2  PR200 [typography.symbols]  [ ] proselint\n"
            "  1  FM001                       [ ] schema-violation\n"
            "\n"
            "Found 5 problems (1 error, 4 warnings, 0 info) in 1 file.\n"
            "1 fixable with `--fix`.\n"
        )
    assert "Problems by rule" not in render(
        "concise", [FileResult("x.md", tuple(diags))], ReportOptions()
    )


def test_full_format_shows_a_window_of_a_long_line_around_the_span() -> None:
    text = "Some words. " * 30 + "It went with with us." + " Other words." * 30 + "\n"
    start = text.index("with with")
    d = make("x.md", text, start, start + 9, code="PR108", name="repeated-word")
    block = text_format.diagnostic_block(d, ReportOptions())
    source, caret = block[2], block[3]
    assert source.startswith("1 | … words. Some") and source.endswith("…")
    assert len(source) == len("1 | ") + 1 + text_format.WINDOW + 1
    column = caret.index("^")
    assert source[column : column + 9] == "with with" and caret[column:] == "^" * 9


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_colour_only_when_asked(fmt: str) -> None:
    plain = render(fmt, sample_results(), ReportOptions())
    coloured = render(fmt, sample_results(), ReportOptions(color=True))
    assert ESC not in plain
    assert f"{ESC}[1;31merror{ESC}[0m" in coloured
    assert f"{ESC}[1;33mwarning{ESC}[0m" in coloured
    assert f"{ESC}[1;36minfo{ESC}[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_file_content_cannot_inject_terminal_codes() -> None:
    text = "bad\x1b[2Jline\u202eevil\n"
    d = make("p\x1b.md", text, 3, 7, message="msg\x1b[31m red\x07\u2028next", sub_code="s\nx")
    out = render("full", [FileResult("p.md", (d,))], ReportOptions())
    assert ESC not in out and "\x07" not in out and "\u202e" not in out and "\u2028" not in out
    assert out.startswith(
        "p\\x1b.md:1:4: warning PR101 [s\\nx] msg\\x1b[31m red\\x07\\u2028next\n"
        "  |\n"
        "1 | bad\u241b[2Jline<U+202E>evil\n"
        "  |    ^^^^\n"
    )


def test_tabs_and_caret_stay_aligned() -> None:
    text = "a\tbc\t\tdef\n"
    d = make("t.md", text, *at(text, "def"))
    block = text_format.diagnostic_block(d, ReportOptions())
    assert block[2] == "1 | a   bc      def"
    assert block[3] == "  |             ^^^"


@settings(max_examples=200, deadline=None)
@given(
    line=st.text(alphabet="ab \t", min_size=1, max_size=30),
    data=st.data(),
)
def test_caret_matches_expandtabs(line: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(line)))
    end = data.draw(st.integers(start, len(line)))
    d = make("t.md", line + "\n", start, end)
    block = text_format.diagnostic_block(d, ReportOptions())
    tab = text_format.TAB_SIZE
    assert block[2] == "1 | " + line.expandtabs(tab)
    caret = block[3][len("  | ") :]
    lead = len(line[:start].expandtabs(tab))
    width = len(line[:end].expandtabs(tab)) - lead
    assert caret == " " * lead + "^" * max(width, 1)


def test_wide_and_zero_width_characters() -> None:
    text = "\uff41\uff42 e\u0301x 😀!\n"
    d = make("w.md", text, *at(text, "e\u0301x 😀"))
    block = text_format.diagnostic_block(d, ReportOptions())
    assert block[3] == "  |      ^^^^^"


def test_multiline_span_is_clamped_to_its_first_line() -> None:
    text = "one two\nthree\n"
    d = make("m.md", text, 4, len(text))
    assert d.end_pos.line == 3
    assert text_format.diagnostic_block(d, ReportOptions())[1:] == [
        "  |",
        "1 | one two",
        "  |     ^^^",
    ]


def test_zero_width_on_an_empty_last_line_has_no_excerpt() -> None:
    text = "abc\n"
    d = make("e.md", text, len(text), len(text), message="at end")
    assert d.start_pos.line == 2 and d.source_line == ""
    assert text_format.diagnostic_block(d, ReportOptions()) == ["e.md:2:1: warning PR101 at end"]


def test_summary_when_clean() -> None:
    clean = [FileResult("a.md", ()), FileResult("b.md", ())]
    assert render("full", clean, ReportOptions()) == "All checks passed.\n"
    assert render("concise", clean, ReportOptions(quiet=True)) == ""
    assert render("full", [], ReportOptions()) == "All checks passed.\n"
    fixed = [FileResult("a.md", (), fixed=1), FileResult("b.md", (), fixed=2)]
    assert render("concise", fixed, ReportOptions()) == "Fixed 3 problems.\nAll checks passed.\n"
    assert render("concise", fixed, ReportOptions(quiet=True)) == ""


def test_quiet_prints_diagnostics_only_and_counts_singulars() -> None:
    text = "x\n"
    results = [FileResult("a.md", (make("a.md", text, 0, 1, severity=Severity.ERROR),), fixed=1)]
    assert (
        render("concise", results, ReportOptions(quiet=True)) == "a.md:1:1: error PR101 message\n"
    )
    assert render("concise", results, ReportOptions()).endswith(
        "\n\nFixed 1 problem.\nFound 1 problem (1 error, 0 warnings, 0 info) in 1 file.\n"
    )


def test_fix_only_summary_says_what_was_fixed() -> None:
    fixed = [FileResult("a.md", (), fixed=2)]
    assert render("concise", fixed, ReportOptions(fix_only=True)) == "Fixed 2 problems.\n"
    clean = [FileResult("a.md", ())]
    assert render("concise", clean, ReportOptions(fix_only=True)) == "Nothing to fix.\n"


def test_summary_unsafe_fixes() -> None:
    text = "x y\n"
    unsafe = Fix((Edit(0, 1, "z"),), safe=False)
    only_unsafe = [FileResult("a.md", (make("a.md", text, 0, 1, fix=unsafe),))]
    assert render("concise", only_unsafe, ReportOptions()).endswith(
        "1 fixable with `--unsafe-fixes`.\n"
    )
    assert render("concise", only_unsafe, ReportOptions(unsafe_fixes=True)).endswith(
        "1 fixable with `--fix`.\n"
    )
    both = render("concise", sample_results(), ReportOptions(unsafe_fixes=True))
    assert both.endswith("in 2 files.\n3 fixable with `--fix`.\n")


# ---------------------------------------------------------------------------------------------
# json: validates against the shipped schema and carries exact positions.


def report_validator() -> Draft202012Validator:
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert validator_for(schema) is Draft202012Validator
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize(
    "results",
    [sample_results(), [], [FileResult("a.md", (), fixed=2)]],
    ids=["problems", "no-files", "clean"],
)
def test_json_validates_against_shipped_schema(results: list[FileResult]) -> None:
    out = render("json", results, ReportOptions())
    report = json.loads(out)
    errors = [e.message for e in report_validator().iter_errors(report)]
    assert errors == []


def test_json_schema_rejects_drift() -> None:
    validator = report_validator()
    report = json.loads(render("json", sample_results(), ReportOptions()))
    report["diagnostics"][0]["extra"] = 1
    assert not validator.is_valid(report)
    del report["diagnostics"][0]["extra"]
    report["diagnostics"][0]["severity"] = "fatal"
    assert not validator.is_valid(report)


def test_json_content() -> None:
    report = json.loads(render("json", sample_results(), ReportOptions(tool_version="9.9")))
    assert report["version"] == 1
    assert report["tool"] == {"name": "postlint", "version": "9.9"}
    assert report["files"] == 3
    assert report["summary"] == {
        "problems": 7,
        "errors": 1,
        "warnings": 4,
        "info": 2,
        "files_with_problems": 2,
        "fixable": {"safe": 2, "unsafe": 1},
        "fixed": 0,
    }
    by_code = {d["code"]: d for d in report["diagnostics"]}
    symbols = by_code["PR200"]
    start, end = at(POST, "<&>")
    assert symbols["path"] == POST_PATH
    assert symbols["sub_code"] == "typography.symbols"
    assert symbols["message"] == "Use real symbols\r\nnot <&> (quotes: \"x\", 'y')"
    assert symbols["start"] == {"offset": start, "line": 5, "column": 33}
    assert symbols["end"] == {"offset": end, "line": 5, "column": 36}
    assert POST[symbols["start"]["offset"] : symbols["end"]["offset"]] == "<&>"
    assert symbols["fix"] == {
        "message": "Use \u2039&\u203a",
        "safe": False,
        "edits": [{"start": start, "end": end, "replacement": "\u2039&\u203a"}],
    }
    assert by_code["FM001"]["fix"] is None and by_code["FM001"]["sub_code"] is None
    assert by_code["FM001"]["docs_url"].endswith("/FM001.md")


# ---------------------------------------------------------------------------------------------
# sarif: validates against the official SARIF 2.1.0 schema.


# The official schema's licence grants no terms of its own, so it is not copied into tests/:
# without ../shared these tests skip (CI, which has it, runs them).
needs_sarif_schema = pytest.mark.skipif(
    not SARIF_SCHEMA.is_file(), reason="../shared/external-schemas (the SARIF schema) is absent"
)


def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = validator_for(schema)
    assert cls is Draft4Validator  # what the official file declares
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def sarif(results: list[FileResult], **kwargs: object) -> dict:
    options = ReportOptions(rules=rule_set(), **kwargs)  # type: ignore[arg-type]
    log = json.loads(render("sarif", results, options))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator().iter_errors(log)]
    assert errors == []
    return log


@needs_sarif_schema
def test_sarif_valid_for_empty_and_clean_runs() -> None:
    for results in ([], [FileResult("a.md", ())]):
        run = sarif(results)["runs"][0]
        assert run["results"] == [] and run["tool"]["driver"]["rules"] == []


@needs_sarif_schema
def test_sarif_driver_and_rules() -> None:
    log = sarif(sample_results(), tool_version="1.2.3")
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "postlint"
    assert driver["version"] == "1.2.3"
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    # Exactly the reported rules, known or not, and never the unreported ZZ999.
    assert [r["id"] for r in rules] == [
        "FM001",
        "FM002",
        "FM010",
        "PR101",
        "PR102",
        "PR103",
        "PR200",
    ]
    repeated = rules[3]
    assert repeated == {
        "id": "PR101",
        "name": "repeated-word",
        "shortDescription": {"text": "A word is repeated"},
        "fullDescription": {"text": "Flags a word written twice in a row."},
        "help": {"text": REPEATED_DOCS, "markdown": REPEATED_DOCS},
        "helpUri": "https://github.com/postlint/postlint/blob/main/docs/rules/PR101.md",
        "defaultConfiguration": {"enabled": True, "level": "warning"},
        "properties": {"fix": "safe"},
    }
    assert rules[0]["fullDescription"] == {"text": "Validates front matter."}
    assert rules[6]["defaultConfiguration"]["level"] == "note"
    # A code the rule set does not know (FM002 here) still gets a descriptor.
    assert rules[1] == {
        "id": "FM002",
        "name": "key-order",
        "helpUri": "https://github.com/postlint/postlint/blob/main/docs/rules/FM002.md",
    }
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert run["columnKind"] == "unicodeCodePoints"


@needs_sarif_schema
def test_sarif_results_regions_and_levels() -> None:
    run = sarif(sample_results())["runs"][0]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["FM001"] == "error" and levels["PR101"] == "warning" and levels["PR102"] == "note"
    symbols = next(r for r in run["results"] if r["ruleId"] == "PR200")
    assert symbols["message"]["text"] == "Use real symbols\r\nnot <&> (quotes: \"x\", 'y')"
    assert symbols["properties"] == {"name": "proselint", "subCode": "typography.symbols"}
    region = symbols["locations"][0]["physicalLocation"]["region"]
    start, _ = at(POST, "<&>")
    assert region == {
        "startLine": 5,
        "startColumn": 33,
        "endLine": 5,
        "endColumn": 36,  # exclusive: the column after ">"
        "charOffset": start,
        "charLength": 3,
    }
    line = POST.splitlines()[4]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "<&>"
    multi = next(r for r in run["results"] if r["ruleId"] == "FM002")
    region = multi["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"], region["endColumn"]) == (2, 3, 5)
    eof = next(r for r in run["results"] if r["ruleId"] == "FM010")
    region = eof["locations"][0]["physicalLocation"]["region"]
    assert region["charLength"] == 0 and region["startColumn"] == region["endColumn"] == 4


@needs_sarif_schema
def test_sarif_fixes() -> None:
    run = sarif(sample_results())["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    start, end = at(POST, "<&>")
    fix = by_rule["PR200"]["fixes"][0]
    assert fix["description"] == {"text": "Use \u2039&\u203a"}
    assert fix["properties"] == {"safe": False}
    (change,) = fix["artifactChanges"]
    assert (
        change["artifactLocation"]
        == by_rule["PR200"]["locations"][0]["physicalLocation"]["artifactLocation"]
    )
    assert change["replacements"] == [
        {
            "deletedRegion": {"charOffset": start, "charLength": end - start},
            "insertedContent": {"text": "\u2039&\u203a"},
        }
    ]
    deletion = by_rule["PR101"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert deletion == {"deletedRegion": {"charOffset": POST.index("The the"), "charLength": 4}}
    assert "fixes" not in by_rule["FM001"]


URI_CHARS = re.compile(r"^[A-Za-z0-9._~/-]*(?:%[0-9A-F]{2}[A-Za-z0-9._~/-]*)*$")


@needs_sarif_schema
def test_sarif_uris_are_relative_and_percent_encoded(tmp_path: Path) -> None:
    inside = tmp_path / "posts" / "2025 café" / "naïve #1?.md"
    outside = tmp_path.parent / "elsewhere dir" / "x.md"
    text = "abc\n"
    results = [
        FileResult(str(inside), (make(str(inside), text, 0, 1),)),
        FileResult(str(outside), (make(str(outside), text, 0, 1),)),
    ]
    run = sarif(results, root=tmp_path)["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == tmp_path.as_uri() + "/"
    locations = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r["locations"][0][
            "physicalLocation"
        ]["artifactLocation"]
        for r in run["results"]
    }
    relative = "posts/2025%20caf%C3%A9/na%C3%AFve%20%231%3F.md"
    assert locations[relative] == {"uri": relative, "uriBaseId": "%SRCROOT%"}
    assert URI_CHARS.match(relative)
    assert unquote(relative) == "posts/2025 café/naïve #1?.md"
    assert urljoin(base, relative) == inside.as_uri()
    absolute = outside.as_uri()
    assert locations[absolute] == {"uri": absolute}
    assert "%20" in absolute


@needs_sarif_schema
def test_sarif_relative_to_default_root() -> None:
    run = sarif(sample_results())["runs"][0]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"posts/2025%20caf%C3%A9/%C3%BCbersicht.md", "posts/no-newline.md"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().as_uri() + "/"


# ---------------------------------------------------------------------------------------------
# Fingerprints (SARIF partialFingerprints and GitLab).


def sarif_fingerprints(results: list[FileResult]) -> list[str]:
    """Not validated against the schema (the sarif tests do that): these run without it."""
    run = json.loads(render("sarif", results, ReportOptions(rules=rule_set())))["runs"][0]
    return [r["partialFingerprints"]["postlint/v1"] for r in run["results"]]


def test_fingerprints_stable_across_runs() -> None:
    first = sarif_fingerprints(sample_results())
    assert first == sarif_fingerprints(sample_results())
    assert len(set(first)) == len(first)
    assert all(re.fullmatch(r"[0-9a-f]{32}", f) for f in first)


def test_fingerprints_survive_lines_moving_down() -> None:
    moved = "<!-- a new first line -->\n" + POST
    before = sarif_fingerprints([FileResult(POST_PATH, post_diagnostics())])
    after_diags = post_diagnostics(moved)
    assert after_diags[0].start_pos.line == post_diagnostics()[0].start_pos.line + 1
    after = sarif_fingerprints([FileResult(POST_PATH, after_diags)])
    assert before == after


def test_fingerprints_distinguish_occurrences_paths_and_codes() -> None:
    text = "the the\nthe the\n"
    first, second = at(text, "the the"), at(text, "the the", 1)
    a = make("a.md", text, *first)
    b = make("a.md", text, *second)
    assert a.source_line == b.source_line
    other_path = replace(a, path="b.md")
    other_code = replace(a, code="PR999")
    prints = fingerprints([a, b, other_path, other_code], Path("."))
    assert len(set(prints)) == 4
    # Re-indenting the line keeps the fingerprint.
    indented = "  " + text
    c = make("a.md", indented, *at(indented, "the the"))
    assert fingerprints([c], Path("."))[0] == prints[0]


def test_gitlab_and_sarif_share_fingerprints() -> None:
    issues = json.loads(render("gitlab", sample_results(), ReportOptions()))
    assert [i["fingerprint"] for i in issues] == sarif_fingerprints(sample_results())


# ---------------------------------------------------------------------------------------------
# github: the exact workflow-command grammar, and escaping that round-trips.

GITHUB_LINE = re.compile(
    r"::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:\r\n]+),line=(?P<line>[1-9][0-9]*)"
    r"(?:,col=(?P<col>[1-9][0-9]*))?"
    r",endLine=(?P<endLine>[1-9][0-9]*)"
    r"(?:,endColumn=(?P<endColumn>[1-9][0-9]*))?"
    r",title=(?P<title>[^,:\r\n]+)"
    r"::(?P<message>[^\r\n]*)"
)
ESCAPE = re.compile(r"%(?![0-9A-F]{2})|%(?!25|0D|0A|3A|2C)")


def unescape(value: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def parse_github(out: str) -> list[dict[str, str]]:
    # The runner reads lines split at CR and LF only (not at U+2028, U+001E, ...).
    assert out == "" or out.endswith("\n")
    assert "\r" not in out
    parsed = []
    for line in out[:-1].split("\n") if out else []:
        match = GITHUB_LINE.fullmatch(line)
        assert match, line
        fields = {k: v for k, v in match.groupdict().items() if v is not None}
        for key in ("file", "title", "message"):
            assert not ESCAPE.search(fields[key]), fields[key]
        parsed.append(fields)
    return parsed


def test_github_annotations() -> None:
    out = render("github", sample_results(), ReportOptions())
    parsed = parse_github(out)
    assert len(parsed) == 7
    by_title = {unescape(p["title"]): p for p in parsed}
    symbols = by_title["PR200 [typography.symbols] proselint"]
    assert symbols["command"] == "notice"
    assert unescape(symbols["file"]) == POST_PATH
    assert unescape(symbols["message"]) == "Use real symbols\r\nnot <&> (quotes: \"x\", 'y')"
    assert (symbols["line"], symbols["col"], symbols["endLine"], symbols["endColumn"]) == (
        "5",
        "33",
        "5",
        "36",
    )
    date = by_title["FM001 schema-violation"]
    assert date["command"] == "error"
    assert unescape(date["message"]) == (
        "'2025-13-01' is not a valid date: use YYYY-MM-DD, e.g. 2025-11-26"
    )
    # GitHub takes columns only for one-line annotations.
    multi = by_title["FM002 key-order"]
    assert (multi["line"], multi["endLine"]) == ("2", "3")
    assert "col" not in multi and "endColumn" not in multi
    assert render("github", [FileResult("a.md", ())], ReportOptions()) == ""
    lines = out.splitlines()
    assert (
        lines[4]
        == "::notice file=posts/2025 café/übersicht.md,line=5,col=33,endLine=5,endColumn=36,"
        "title=PR200 [typography.symbols] proselint"
        "::Use real symbols%0D%0Anot <&> (quotes: \"x\", 'y')"
    )


def test_github_escaping_of_properties() -> None:
    text = "x\n"
    path = "dir, with: 100%/ünï cödé.md"
    d = make(path, text, 0, 1, sub_code="a,b:c%", message="50% done,\nnext: line\r")
    (parsed,) = parse_github(render("github", [FileResult(path, (d,))], ReportOptions()))
    assert unescape(parsed["file"]) == path
    assert unescape(parsed["title"]) == "PR101 [a,b:c%] repeated-word"
    assert unescape(parsed["message"]) == "50% done,\nnext: line\r"
    assert parsed["message"] == "50%25 done,%0Anext: line%0D"


@settings(max_examples=200, deadline=None)
@given(
    message=st.text(),
    path=st.text(
        alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00/"),
        min_size=1,
    ),
)
def test_github_escaping_round_trips(message: str, path: str) -> None:
    assert unescape(escape_data(message)) == message
    assert unescape(escape_property(path)) == path
    d = make(path, "x\n", 0, 1, message=message)
    (parsed,) = parse_github(
        render("github", [FileResult(path, (d,))], ReportOptions(root=Path("/nonexistent-root")))
    )
    assert unescape(parsed["message"]) == message


def test_github_paths_relative_to_root(tmp_path: Path) -> None:
    path = tmp_path / "posts" / "a.md"
    d = make(str(path), "x\n", 0, 1)
    (parsed,) = parse_github(
        render("github", [FileResult(str(path), (d,))], ReportOptions(root=tmp_path))
    )
    assert parsed["file"] == "posts/a.md"


# ---------------------------------------------------------------------------------------------
# gitlab: Code Quality's required fields.

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_code_quality(tmp_path: Path) -> None:
    results = [
        FileResult(
            str(tmp_path / r.path),
            tuple(replace(d, path=str(tmp_path / d.path)) for d in r.diagnostics),
        )
        for r in sample_results()
    ]
    issues = json.loads(render("gitlab", results, ReportOptions(root=tmp_path)))
    assert isinstance(issues, list) and len(issues) == 7
    for issue in issues:
        for key in ("description", "check_name", "fingerprint", "severity"):
            assert isinstance(issue[key], str) and issue[key], key
        assert issue["severity"] in GITLAB_SEVERITIES
        path = issue["location"]["path"]
        assert path in {POST_PATH, NO_NEWLINE_PATH}
        begin = issue["location"]["lines"]["begin"]
        assert isinstance(begin, int) and begin >= 1
        assert issue["location"]["lines"]["end"] >= begin
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    by_check = {i["check_name"]: i for i in issues}
    assert by_check["FM001"]["severity"] == "major"
    assert by_check["PR101"]["severity"] == "minor"
    assert by_check["PR200/typography.symbols"]["severity"] == "info"
    assert by_check["PR200/typography.symbols"]["description"] == (
        "PR200 [typography.symbols] Use real symbols\r\nnot <&> (quotes: \"x\", 'y')"
    )
    assert render("gitlab", [], ReportOptions()) == "[]\n"


# ---------------------------------------------------------------------------------------------
# junit: parsed by a real XML parser.


def parse_junit(out: str) -> ET.Element:
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def test_junit_structure_and_counts() -> None:
    root = parse_junit(render("junit", sample_results(), ReportOptions(color=True)))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("8", "7", "0")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {POST_PATH, NO_NEWLINE_PATH, CLEAN_PATH}
    post = suites[POST_PATH]
    assert (post.get("tests"), post.get("failures")) == ("6", "6")
    cases = post.findall("testcase")
    assert len(cases) == 6 and all(c.find("failure") is not None for c in cases)
    clean = suites[CLEAN_PATH]
    (case,) = clean.findall("testcase")
    assert (clean.get("tests"), clean.get("failures")) == ("1", "0")
    assert case.find("failure") is None and case.get("classname") == CLEAN_PATH
    symbols = next(c for c in cases if c.get("name", "").startswith("PR200"))
    failure = symbols.find("failure")
    assert failure is not None
    assert failure.get("type") == "PR200"
    assert failure.get("message") == "Use real symbols\r\nnot <&> (quotes: \"x\", 'y')"
    assert failure.text is not None
    assert '5 | The the quick fox, 日本語 "quoted" <&>' in failure.text
    assert ESC not in failure.text  # no colour in XML even when asked for


def test_junit_empty_run() -> None:
    root = parse_junit(render("junit", [], ReportOptions()))
    assert (root.get("tests"), root.get("failures")) == ("0", "0")
    assert list(root) == []


@settings(max_examples=200, deadline=None)
@given(message=st.text(), path=st.text(min_size=1))
def test_junit_always_parses(message: str, path: str) -> None:
    d = make(path, "x\n", 0, 1, message=message)
    root = parse_junit(render("junit", [FileResult(path, (d,))], ReportOptions()))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    legal = re.sub("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", "\ufffd", message)
    assert failure.get("message") == legal


# ---------------------------------------------------------------------------------------------
# The registry of formats.


def test_formats_mapping() -> None:
    assert list(FORMATS) == ["full", "concise", "json", "sarif", "github", "gitlab", "junit"]
    with pytest.raises(TypeError):
        FORMATS["x"] = FORMATS["full"]  # type: ignore[index]
    with pytest.raises(ValueError, match="choose from: full, concise, json"):
        render("xml", [], ReportOptions())


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_is_deterministic_text(fmt: str) -> None:
    out = render(fmt, sample_results(), ReportOptions(rules=rule_set()))
    assert out.endswith("\n")
    assert out == render(fmt, sample_results(), ReportOptions(rules=rule_set()))
    out.encode("utf-8")
    assert render(fmt, [], ReportOptions()).endswith("\n") or fmt == "github"


def test_ordered_is_stable() -> None:
    diags = ordered(sample_results())
    assert [d.start_pos.line for d in diags if d.path == POST_PATH] == [2, 3, 5, 5, 5, 6]


# ---------------------------------------------------------------------------------------------
# Rule listings and rule pages.


def test_rules_table_text() -> None:
    out = render_rules_table(rule_set(), "text")
    assert out == (
        "code   name              severity  fix   enabled  summary\n"
        "FM001  schema-violation  error     -     yes      Front matter does not match the schema\n"
        "PR101  repeated-word     warning   safe  yes      A word is repeated\n"
        "PR200  proselint         info      -     yes      proselint checks\n"
        "ZZ999  never-reported    info      -     no       Not reported here\n"
    )


def test_rules_table_json() -> None:
    rows = json.loads(render_rules_table(rule_set(), "json"))
    assert [r["code"] for r in rows] == ["FM001", "PR101", "PR200", "ZZ999"]
    assert rows[1] == {
        "code": "PR101",
        "name": "repeated-word",
        "severity": "warning",
        "fix": "safe",
        "enabled_by_default": True,
        "summary": "A word is repeated",
        "docs_url": "https://github.com/postlint/postlint/blob/main/docs/rules/PR101.md",
    }
    with pytest.raises(ValueError):
        render_rules_table(rule_set(), "yaml")  # type: ignore[arg-type]


def test_rule_docs_page() -> None:
    rules = rule_set()
    page = render_rule_docs(rules.get("PR101"))  # type: ignore[arg-type]
    assert page == (
        "# PR101: repeated-word\n"
        "\n"
        "A word is repeated\n"
        "\n"
        "| | |\n"
        "|---|---|\n"
        "| Code | `PR101` |\n"
        "| Name | `repeated-word` |\n"
        "| Default severity | warning |\n"
        "| Enabled by default | yes |\n"
        "| Fix | safe (applied by `--fix`) |\n"
        "\n"
        "## Options\n"
        "\n"
        "| Option | Type | Default |\n"
        "|---|---|---|\n"
        "| `max-repeats` | `int` | `1` |\n"
        "| `ignore-case` | `bool` | `true` |\n"
        '| `exceptions` | `tuple[str, ...]` | `["that", "had"]` |\n'
        '| `phrases` | `list[str]` | `["a \\| b"]` |\n'
        "\n" + REPEATED_DOCS + "\n"
    )
    bare = render_rule_docs(rules.get("PR200"))  # type: ignore[arg-type]
    assert "| Sub-codes | `typography.symbols` |" in bare
    assert "This rule has no options." in bare
    assert bare.endswith("This rule has no options.\n")


@pytest.mark.parametrize("fmt", ["full", "concise", "github"])
def test_streamed_output_is_the_rendered_output_in_chunks_per_file(fmt: str) -> None:
    results = sorted(sample_results(), key=lambda r: r.path)
    chunks = list(stream(fmt, iter(results), ReportOptions()))
    assert "".join(chunks) == render(fmt, results, ReportOptions())
    with_problems = [r for r in results if r.diagnostics]
    assert len(chunks) >= len(with_problems)  # one chunk per file, so nothing piles up
    assert all(chunk.endswith("\n") for chunk in chunks)  # a progress bar may follow any chunk
