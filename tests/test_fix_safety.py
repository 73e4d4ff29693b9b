"""Fixes keep meaning: the named cases keep their words, proselint's replacements are literal,
protected text is never reworded, and a fix that breaks an invariant is refused as PL009."""

from __future__ import annotations

from pathlib import Path

import fix_rules
import pytest

from postlint.core.config import Config
from postlint.core.document import Document
from postlint.core.engine import Linter
from postlint.core.fix import fix_source
from postlint.core.protect import Protected
from postlint.core.source import SourceFile
from postlint.rules.house import HouseRule
from postlint.rules.prose.proselint import fixes as proselint_fixes

REAL = Linter(Config())
# proselint 0.16's whole default set: some of its checks are off by default in postlint
# (PS001's policy), and the fixes must be safe under either selection
FULL = Linter(Config(extend_select=("PS001",)))
HEAD = "---\ntitle: A post\n---\n\n"


def _fixed(body: str, unsafe: bool, linter: Linter = FULL) -> str:
    outcome = fix_source(linter, SourceFile("p.md", HEAD + body + "\n"), unsafe=unsafe)
    return outcome.text[len(HEAD) : -1]


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize(
    "body",
    [
        "Progress will resume next week.",
        "We use rust-analyzer daily. The analyzer is fast. An analyser is slow.",
        "The analyses show a trend. We analyze data. We analyze more.",
        "I met the Centre for Policy Studies. The center was closed. The center opened.",
        "He joined the Labour Party. Labor law. Labor unions.",
        "In Summer we go.",
        "The cafe\u0301 is open.",
        "He said \u201cwe had alot of the the fun\u201d today.",
        "> It was the the best of times in the cafe.",
        "Read [example.com/cafe](https://example.com/cafe) and snake_case v8.3 names.",
    ],
)
def test_named_cases_keep_their_words(body: str, unsafe: bool) -> None:
    assert _fixed(body, unsafe) == body
    assert _fixed(body, unsafe, REAL) == body


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_the_spacing_fix_writes_spaces_not_the_pattern(unsafe: bool) -> None:
    # One sentence gap of each kind: the tie goes to proselint's second term (two spaces).
    assert _fixed("It ends here.  Two. The third.", unsafe) == "It ends here.  Two.  The third."
    assert _fixed("One.  Two. Three. Four.", unsafe) == "One. Two. Three. Four."


def test_word_choices_are_unsafe_and_literal() -> None:
    body = "We had alot of fun at the cafe. It was adequate enough."
    assert _fixed(body, unsafe=False) == body
    assert _fixed(body, unsafe=True) == "We had a lot of fun at the café. It was adequate."


def test_diagnostics_without_a_literal_replacement_have_no_fix() -> None:
    text = (
        HEAD + "The analyses show it. Analyze it. Analyze that. In Summer, Progress will resume.\n"
    )
    fixes = {d.sub_code: d.fix for d in FULL.lint_text(text, "p.md").diagnostics if d.sub_code}
    assert fixes["spelling.consistency"] is None  # "analyses" is not "analyse" + s
    assert fixes["typography.diacritical_marks"] is None  # "resume" is a word of its own


@pytest.mark.parametrize(
    ("path", "replacement", "text", "expected"),
    [
        (
            "misc.phrasal_adjectives.examples",
            "U\\.S\\.-led campaign",
            "a u.s. led campaign",
            "U.S.-led campaign",
        ),
        ("misc.preferred_forms", "meanwhile,", "it rained; meantime, we", None),  # drops the ';'
        ("spelling.consistency", "analyze", "the analyses show", None),
        ("spelling.consistency", "analyze", "rust-analyser", None),
        ("misc.capitalization.seasons", "summer", "Summer", None),  # no-op
        ("typography.diacritical_marks", "café", "cafe\u0301", None),
        ("typography.diacritical_marks", "résumé", "resume", None),
        ("misc.mixed", "(shed|box)", "in the shed", None),
        ("spelling.misc", "a lot", "ALOT", None),  # which letters to raise is a guess
    ],
)
def test_build_makes_literal_fixes_or_none(
    path: str, replacement: str, text: str, expected: str | None
) -> None:
    word = {"cafe\u0301": "cafe", "in the shed": "shed"}.get(text)
    start = text.index(word) if word else 0
    end = start + len(word) if word else len(text)
    if text.startswith("a u.s."):
        start, end = 2, len(text)
    elif text.startswith("it rained"):
        start, end = text.index(";"), len(text) - 3
    elif text.startswith("the analyses"):
        start, end = 4, 11
    elif text.startswith("rust"):
        start, end = 5, 12
    built = proselint_fixes.build(path, replacement, text, start, end)
    if expected is None:
        assert built is None
    else:
        assert built is not None and not built.fix.safe
        (edit,) = built.fix.edits
        assert text[: edit.start] + edit.replacement + text[edit.end :] == text[:start] + expected


def test_protected_spans() -> None:
    text = HEAD + (
        'He said \u201cthe cafe\u201d and "the cafe". We use rust-analyzer, snake_case and v8.3. '
        "The Labour Party met the Centre for Policy Studies. See [www.example.com](x). "
        "The cafe opens.\n"
    )
    protected = Protected(Document(SourceFile("p.md", text)))

    def reason(word: str, nth: int = 0) -> str | None:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return protected.reason(start, start + len(word))

    assert reason("cafe") == "a quotation"
    assert reason("cafe", 1) == "a quotation"
    assert reason("analyzer") == "an identifier"
    assert reason("case") == "an identifier"
    assert reason("8.3") == "an identifier"
    assert reason("Labour") == "a name"
    assert reason("Centre") == "a name"
    assert reason("Studies") == "a name"
    assert reason("example") in ("a link text that is a URL", "an identifier")
    assert reason("cafe", 2) is None
    assert reason("opens") is None


def test_a_fix_inserting_pattern_text_is_refused_with_pl009() -> None:
    linter = fix_rules.linter(*fix_rules.REFUSED)
    text = HEAD + "A colour.\n"
    outcome = fix_source(linter, SourceFile("p.md", text))
    assert outcome.text == text
    (note,) = [d for d in outcome.result.diagnostics if d.code == "PL009"]
    assert (note.start_pos.line, note.start_pos.column) == (5, 3)
    assert note.message == (
        "the fix for T910 (leak) was not applied: it would insert pattern syntax (?) that nobody "
        "wrote; fix it by hand"
    )


def test_a_fix_creating_a_finding_is_refused_with_pl009() -> None:
    linter = fix_rules.linter(*fix_rules.REFUSED, *fix_rules.SETTLING)
    text = HEAD + "A xyzzy day. The \u201ccolour\n"
    outcome = fix_source(linter, SourceFile("p.md", text))
    assert "xyzzy" in outcome.text and "very" not in outcome.text
    notes = {d.message for d in outcome.result.diagnostics if d.code == "PL009"}
    assert (
        "the fix for T911 (spawn) was not applied: it would create a new finding (T905: very); "
        "fix it by hand"
    ) in notes


def test_a_fix_that_changes_nothing_is_no_fix() -> None:
    linter = fix_rules.linter(*fix_rules.REFUSED)
    outcome = fix_source(linter, SourceFile("p.md", HEAD + "In Summer.\n"))
    assert not outcome.changed and outcome.fixed == 0
    (found,) = outcome.result.diagnostics
    assert (found.code, found.fix) == ("T912", None)  # not counted as fixable


def test_house_substitution_declared_unsafe() -> None:
    rule = HouseRule(name="kyiv", kind="substitution", swap=(("Kiev", "Kyiv"),), safe=False)
    linter = Linter(Config(house=(rule,)))
    assert _fixed("Talks in Kiev.", False, linter) == "Talks in Kiev."
    assert _fixed("Talks in Kiev.", True, linter) == "Talks in Kyiv."


def test_house_substitution_of_a_name_fixes_the_name_but_not_a_quotation() -> None:
    rule = HouseRule(name="kyiv", kind="substitution", swap=(("Kiev", "Kyiv"),))
    linter = Linter(Config(house=(rule,)))
    assert _fixed("The Kiev Ballet came.", False, linter) == "The Kyiv Ballet came."
    assert _fixed("She said \u201cin Kiev\u201d.", False, linter) == "She said \u201cin Kiev\u201d."
    # Both at once: fixing the name would make PR113 report the quotation, so it is refused.
    body = "The Kiev Ballet came. She said \u201cin Kiev\u201d."
    outcome = fix_source(linter, SourceFile("p.md", HEAD + body + "\n"))
    assert not outcome.changed
    assert any(
        d.code == "PL009" and "it would create a new finding (PR113" in d.message
        for d in outcome.result.diagnostics
    )


def test_show_fixes_and_statistics(tmp_path: Path, run_cli) -> None:
    post = tmp_path / "a.md"
    post.write_text(HEAD + "It ends here.  Two. The third.\nIt was the the end. \n\nAt the cafe.\n")
    result = run_cli(
        "check",
        "--diff",
        "--show-fixes",
        "--unsafe-fixes",
        "--no-cache",
        "--extend-select",
        "PS001",
        "a.md",
        cwd=tmp_path,
    )
    assert result.stderr.decode().splitlines()[:5] == [
        "Fixes (not written):",
        "a.md:5: PS001 [typography.punctuation.spacing] 'Two. The' -> 'Two.  The'",
        "a.md:6: PR108 'the the end.' -> 'the end.'",
        "a.md:6: PR111 'end. ' -> 'end.'",
        "a.md:8: PS001 [typography.diacritical_marks] (unsafe) 'cafe.' -> 'café.'",
    ]
    result = run_cli(
        "check",
        "--fix",
        "--show-fixes",
        "--no-cache",
        "--extend-select",
        "PS001",
        "a.md",
        cwd=tmp_path,
    )
    assert (
        "Applied fixes:\na.md:5: PS001 [typography.punctuation.spacing]" in result.stderr.decode()
    )
    assert "(unsafe)" not in result.stderr.decode()
    result = run_cli(
        "check",
        "--statistics",
        "--no-cache",
        "--extend-select",
        "PS001",
        "--output-format",
        "concise",
        "a.md",
        cwd=tmp_path,
    )
    assert "  1  PS001 [typography.diacritical_marks]  [-] proselint" in result.stdout.decode()


def test_rule_docs_state_the_fix_contract(run_cli) -> None:
    result = run_cli("rule", "PS001")
    assert "## Fix safety" in result.stdout.decode()
    assert "Safe: only `typography.punctuation.spacing`" in result.stdout.decode()
