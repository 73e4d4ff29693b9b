"""Fuzzed and nasty input: nothing raises, nothing hangs, every position lies inside the file,
line:column round-trips to the offset, and every reporter produces valid output."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from postlint.core.config import Config
from postlint.core.engine import Linter
from postlint.core.frontmatter import parse, split
from postlint.core.prose_view import MASK, build_prose_view
from postlint.core.source import LineIndex, SourceFile
from postlint.core.suppress import parse as parse_suppressions
from postlint.report import FORMATS, ReportOptions, render

LINTER = Linter(Config(select=("ALL",)))
NASTY = REPO / "tests" / "nasty"
# Seconds of fuzzing per property; CI runs a short campaign, benchmarks/fuzz.py a long one.
EXAMPLES = int(os.environ.get("POSTLINT_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

pieces = st.sampled_from(
    [
        "---",
        "+++",
        "{",
        "}",
        "\n",
        "\r\n",
        "\r",
        "\t",
        " ",
        "title: ",
        "x: [",
        "&a ",
        "*a",
        "!!python/object ",
        "```",
        "~~~",
        "`",
        "<!--",
        "-->",
        "<div>",
        "</div>",
        "{% raw %}",
        "{{",
        "}}",
        "[",
        "](",
        ")",
        "$",
        "\\",
        "the the ",
        "TK ",
        "â€™",
        "&#8217;",
        '"',
        "“",
        "”",
        "\u200b",
        "\u202e",
        "\ufeff",
        "\ufffc",
        "日本語",
        "é",
        "# ",
        "> ",
        "- ",
        "1. ",
        "|---|",
        "<!-- postlint-disable PR108 -->",
        "# postlint: disable=FM007",
    ]
)
markdownish = st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=60).map("".join)


def check_invariants(text: str, result) -> None:
    lines = LineIndex(text)
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= len(text), d
        assert lines.position(d.start) == d.start_pos
        assert lines.offset(d.start_pos.line, d.start_pos.column) == d.start
        assert d.code != "PL001", d.message  # no rule crashed


@FUZZ
@given(markdownish)
def test_any_text_lints_without_exceptions(text: str) -> None:
    check_invariants(text, LINTER.lint_text(text))


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_lint_without_exceptions(data: bytes) -> None:
    result = LINTER.lint_bytes("fuzz.md", data)
    if not any(d.code in ("PL003", "PL004") for d in result.diagnostics):
        text = SourceFile.from_bytes("fuzz.md", data).text
        check_invariants(text, result)


@FUZZ
@given(markdownish, st.integers(0, 200))
def test_prose_view_keeps_length_and_line_breaks(text: str, body_start: int) -> None:
    view = build_prose_view(text, body_start)
    assert len(view.text) == len(text)
    for original, masked in zip(text, view.text, strict=True):
        assert masked == original or (masked == MASK and original not in "\r\n")
    assert all(0 <= b.start <= b.end <= len(text) for b in view.blocks)


@FUZZ
@given(markdownish)
def test_front_matter_split_and_parse_stay_in_bounds(text: str) -> None:
    block = split(text)
    if block is None:
        return
    fm = parse(text, block)
    for problem in fm.problems:
        assert 0 <= problem.start <= problem.end <= len(text)


@FUZZ
@given(markdownish)
def test_suppression_parser_is_total(text: str) -> None:
    from postlint.core.document import Document

    parsed = parse_suppressions(Document(SourceFile("x.md", text)))
    for region in parsed.regions:
        assert 1 <= region.first <= max(region.last, 1)
    for comment in parsed.comments:
        assert all(comment.start <= c.start <= c.end <= comment.end for c in comment.codes)


@FUZZ
@given(st.lists(markdownish, min_size=1, max_size=3), st.text(max_size=20))
def test_every_reporter_produces_valid_output(texts: list[str], name: str) -> None:
    results = [LINTER.lint_text(text, f"{name or 'p'}{i}.md") for i, text in enumerate(texts)]
    options = ReportOptions(rules=LINTER.rules, root=Path("."))
    for fmt in FORMATS:
        out = render(fmt, results, options)
        if fmt in ("json", "sarif", "gitlab"):
            json.loads(out)
        elif fmt == "junit":
            ET.fromstring(out)
        elif fmt == "github":
            assert all(line.startswith("::") for line in out.split("\n") if line)


EXPECTED = {
    "unclosed.md": [(1, 1, "FM003")],
    "bom-crlf-empty-title.md": [(2, 8, "FM001")],
    "deep-nesting.md": [(2, 65, "FM012")],  # the explicit depth limit, where it is crossed
    "json-unclosed.md": [(1, 1, "FM003")],
    "lone-cr.md": [(1, 1, "FM001"), (3, 22, "PR108")],  # CR ends lines: the block closes
    "toml-broken-table.md": [(5, 3, "FM002")],
    "unclosed-fence.md": [],
    "unclosed-comment.md": [],
    "rtl-zero-width.md": [],
    "yaml-null-escape.md": [],
    "nothing-after.md": [],
    "long-line.md": None,  # a million-character line of doubled words: bounded, see below
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_nasty_posts(name: str) -> None:
    data = (NASTY / name).read_bytes()
    result = LINTER.lint_bytes(name, data)
    check_invariants(SourceFile.from_bytes(name, data).text, result)
    found = sorted(
        {
            (d.start_pos.line, d.start_pos.column, d.code)
            for d in result.diagnostics
            if d.code[:2] in ("FM", "PL") or d.code == "PR108"
        }
    )
    if EXPECTED[name] is None:
        assert len(result.diagnostics) == LINTER.config.max_diagnostics + 1
        assert result.diagnostics[-1].code == "PL008"
    else:
        assert found == EXPECTED[name]


def test_time_budget_skips_the_remaining_rules() -> None:
    linter = Linter(Config(select=("ALL",), time_budget=1e-9))
    result = linter.lint_text("---\ntitle: x\n---\n\nText.\n")
    [late] = [d for d in result.diagnostics if d.code == "PL007"]
    assert "skipped" in late.message


def test_a_rule_that_raises_becomes_a_diagnostic_and_the_rest_still_run() -> None:
    from postlint.core.diagnostic import Severity
    from postlint.core.rule import Rule, RuleSet, discover

    def broken(doc, options):
        raise RuntimeError("boom")

    rules = RuleSet(
        (
            *discover().rules,
            Rule("XX999", "always-broken", "Broken on purpose", Severity.ERROR, broken),
        )
    )
    result = Linter(Config(select=("XX999", "PR108", "PL")), rules).lint_text(
        "---\ntitle: x\n---\n\nthe the\n"
    )
    codes = sorted(d.code for d in result.diagnostics)
    assert codes == ["PL001", "PR108"]
    assert "XX999" in result.diagnostics[0].message and "boom" in result.diagnostics[0].message
