"""PS001: postlint's proselint findings equal proselint's own on the same masked text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from proselint_command import proselint_results

from conftest import CORPUS, SEED
from postlint.core.config import Config
from postlint.core.document import Document
from postlint.core.engine import Linter
from postlint.core.source import SourceFile
from postlint.rules.prose.proselint.direct import reference_check
from postlint.rules.prose.proselint.engine import ProselintEngine

FAST = ProselintEngine()


def _corpus(folder: str) -> list:
    return sorted(p for p in (CORPUS / folder).rglob("*") if p.suffix in (".md", ".markdown"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
@pytest.mark.parametrize(
    "folder", ["18F__18f.gsa.gov", "rust-lang__blog.rust-lang.org", "jekyll__jekyll"]
)
def test_parity_with_proselint_on_the_masked_corpus(folder: str) -> None:
    files = _corpus(folder)
    assert files
    for path in files[
        :: 3 if folder != "jekyll__jekyll" else 1
    ]:  # a third of the big blogs; all of jekyll
        prose = Document(SourceFile.from_bytes(str(path), path.read_bytes())).prose
        assert FAST.check_text(prose) == reference_check(prose), path


def test_parity_on_tricky_text() -> None:
    for text in (
        "",
        "x",
        "\r\n“Very unique,” he said...\r\n",
        "the the the\n\nmost unique most perfect",
        "Ünïcödé utilize 'quoted very unique' \"more perfect\"",
    ):
        assert FAST.check_text(text) == reference_check(text)


def test_sub_codes_select_and_ignore_precisely() -> None:
    text = "---\ntitle: x\n---\n\nWe will utilize it... It is very unique.\n"
    only_symbols = Linter(Config(select=("typography.symbols",))).lint_text(text).diagnostics
    assert {d.sub_code for d in only_symbols} == {"typography.symbols.ellipsis"}
    without = Linter(Config(ignore=("typography",), select=("PS001",))).lint_text(text).diagnostics
    assert "typography.symbols.ellipsis" not in {d.sub_code for d in without} and without


def test_code_urls_and_front_matter_are_not_read_but_title_is() -> None:
    text = '---\ntitle: "A very unique title"\nlayout: very unique\n---\n\n`very unique` [x](http://very.unique/) <!-- very unique -->\n'
    found = Linter(Config(select=("PS001",))).lint_text(text).diagnostics
    assert {(d.start_pos.line, d.start_pos.column) for d in found} == {(2, 11)}


def test_seed_quotes_are_respected() -> None:
    result = Linter(Config(select=("PS001",))).lint_bytes(SEED.name, SEED.read_bytes())
    assert result.diagnostics and all(d.sub_code for d in result.diagnostics)


def test_two_engines_with_different_selections_are_independent() -> None:
    text = "We will utilize it... It is very unique."
    a = ProselintEngine(lambda path: path.startswith("typography"))
    b = ProselintEngine(lambda path: not path.startswith("typography"))
    assert {h.path.split(".")[0] for h in a.check_text(text)} == {"typography"}
    assert "typography" not in {h.path.split(".")[0] for h in b.check_text(text)}
    assert {h.path.split(".")[0] for h in a.check_text(text)} == {"typography"}


def test_proselint_does_not_echo_what_an_own_rule_reported() -> None:
    text = "---\ntitle: x\n---\n\nIt was the the end of the day.\n"
    both = Linter(Config(select=("PR108", "PS001"))).lint_text(text, "p.md").diagnostics
    assert [(d.code, d.sub_code) for d in both] == [("PR108", None)]
    alone = Linter(Config(select=("PS001",))).lint_text(text, "p.md").diagnostics
    assert [d.sub_code for d in alone] == ["lexical_illusions"]  # kept when PR108 is off


def test_select_ps001_reports_what_the_proselint_command_reports_on_its_own_demo(
    tmp_path: Path,
) -> None:
    """proselint ships its example text (``demo.md``, one or more examples of each check):
    with ``select = ["PS001"]`` postlint reports exactly what ``proselint check`` does there."""
    import proselint

    demo = tmp_path / "demo.md"
    shutil.copyfile(Path(proselint.__file__).parent / "demo.md", demo)
    (found,) = proselint_results([demo], tmp_path).values()
    expected = sorted((d["check_path"], d["span"][0] - 1) for d in found["diagnostics"])
    text = demo.read_text(encoding="utf-8")
    result = Linter(Config(select=("PS001",))).lint_text(text, "demo.md")
    assert len(expected) > 100  # the demo exercises most checks
    assert sorted((d.sub_code, d.start) for d in result.diagnostics) == expected
