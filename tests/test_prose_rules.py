"""Prose rules on the seed, their fixes, and the false-alarm bar on the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, SEED
from crash_guard import without_crash
from postlint.core.config import Config
from postlint.core.diagnostic import Edit
from postlint.core.engine import Linter
from postlint.core.source import SourceFile


def apply(text: str, edits: tuple[Edit, ...]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def found(text: str, select: tuple[str, ...] = ("PR",), path: str = "post.md"):
    return without_crash(Linter(Config(select=select)).lint_text(text, path)).diagnostics


def test_seed_reports_every_defect_at_its_place() -> None:
    result = Linter(Config(select=("PR", "FM"))).lint_bytes(SEED.name, SEED.read_bytes())
    at = {(d.start_pos.line, d.start_pos.column, d.code) for d in result.diagnostics}
    assert (12, 1, "PR101") in at  # the spliced lede
    assert (3, 9, "PR102") in at  # "Big News:" inside the title value
    assert {(line, "PR111") for line in (18, 40, 78, 80)} <= {(line_no, c) for line_no, _, c in at}
    assert (111, 1, "PR112") in at  # the extra blank line at the end
    assert (7, 7, "FM007") in at and (4, 7, "FM008") in at
    codes = [d.code for d in result.diagnostics]
    for quiet in ("PR103", "PR104", "PR105", "PR106", "PR107", "PR108", "PR109", "PR110", "PR113"):
        assert quiet not in codes, [d for d in result.diagnostics if d.code == quiet]


@pytest.mark.parametrize(
    ("text", "code", "fixed"),
    [
        (
            "---\ntitle: x\n---\n\nIt was the the best.\n",
            "PR108",
            "---\ntitle: x\n---\n\nIt was the best.\n",
        ),
        (
            "---\ntitle: x\n---\n\nEnd. \r\nNext\t\r\n",
            "PR111",
            "---\ntitle: x\n---\n\nEnd.\r\nNext\r\n",
        ),
        ("---\ntitle: x\n---\n\nText.\r\n\r\n\r\n", "PR112", "---\ntitle: x\n---\n\nText.\r\n"),
        ("---\ntitle: x\n---\n\nText.", "PR112", "---\ntitle: x\n---\n\nText.\n"),
        (
            "---\ntitle: x\n---\n\nIt wasnâ€™t cafÃ©.\n",
            "PR105",
            "---\ntitle: x\n---\n\nIt wasn’t café.\n",
        ),
        (
            "---\ntitle: x\n---\n\nIsn&#8217;t &amp;#8217;\n",
            "PR106",
            "---\ntitle: x\n---\n\nIsn’t ’\n",
        ),
        (
            "---\ntitle: x\n---\n\nNATO met. NATO said Nato would act.\n",
            "PR113",
            "---\ntitle: x\n---\n\nNATO met. NATO said NATO would act.\n",
        ),
        (
            '---\ntitle: "Big News: Peace talks"  # keep me\n---\n\nIt has been reported that Are we close?\n',
            "PR101",
            '---\ntitle: "Big News: Peace talks"  # keep me\n---\n\nAre we close?\n',
        ),
        (
            '---\ntitle: "Big News: Peace talks"  # keep me\n---\n\nText.\n',
            "PR102",
            '---\ntitle: "Peace talks"  # keep me\n---\n\nText.\n',
        ),
    ],
)
def test_fix_edits_touch_only_their_span(text: str, code: str, fixed: str) -> None:
    diagnostics = [d for d in found(text, (code,)) if d.fix is not None]
    assert diagnostics
    edits = tuple(e for d in diagnostics for e in d.fix.edits)  # type: ignore[union-attr]
    assert apply(text, edits) == fixed
    assert not [d for d in found(fixed, (code,)) if d.fix is not None]


def test_unsafe_fixes_are_marked_unsafe() -> None:
    text = '---\ntitle: "Breaking: x"\n---\n\nSources say that What now?\n'
    fixes = {d.code: d.fix for d in found(text, ("PR101", "PR102"))}
    assert fixes["PR101"] is not None and not fixes["PR101"].safe
    assert fixes["PR102"] is not None and not fixes["PR102"].safe


def test_rules_do_not_read_code_or_urls() -> None:
    text = (
        "---\ntitle: x\n---\n\n```\nthe the TK lorem ipsum dolor &#8217; â€™\n```\n\n"
        "See `the the` and <https://example.org/the/the> and [x](http://a.b/TK).\n"
    )
    assert [d.code for d in found(text)] == []


def _corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".markdown"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
def test_own_rules_raise_fewer_than_one_warning_per_ten_professional_posts() -> None:
    # PR122 and PR123 are left out: each of their 17 corpus hits was read and renders wrong
    # (literal asterisks, a backwards quote), so they are defects of the corpus, not noise.
    linter = Linter(Config(select=("PR",), ignore=("PR122", "PR123")))
    files = _corpus_files()
    assert len(files) > 1000
    loud = 0
    for path in files:
        result = linter.lint_bytes(str(path), path.read_bytes())
        loud += sum(1 for d in result.diagnostics if d.severity.label in ("warning", "error"))
    assert loud / len(files) < 0.1, f"{loud} warnings/errors on {len(files)} posts"


def test_two_option_sets_in_one_process_are_independent() -> None:
    text = "---\ntitle: x\n---\n\n" + " ".join(["word"] * 30) + ".\n"
    strict = Linter(
        Config(select=("PR114",), rule_options=(("sentence-length", (("max-words", 10),)),))
    )
    lenient = Linter(Config(select=("PR114",)))
    assert [d.code for d in strict.lint_text(text).diagnostics] == ["PR114"]
    assert lenient.lint_text(text).diagnostics == ()
    assert SourceFile("x", text).text == text
