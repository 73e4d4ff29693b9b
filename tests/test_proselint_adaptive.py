"""The adaptive proselint engine: proselint's own evaluation for a little text, the compiled
engine after that, the same findings either way."""

from __future__ import annotations

from postlint.rules.prose.proselint.engine import DIRECT_CHARS, AdaptiveEngine, ProselintEngine

TEXT = (
    "We will utilize every tool to make it very unique. The the end is near!!! "
    "In my opinion, it's kind of a no-brainer; the café's 漢字 menu was  very unique.\n"
)


def test_a_small_run_never_compiles_and_finds_what_the_engine_finds() -> None:
    adaptive = AdaptiveEngine()
    direct = adaptive.check_text(TEXT)
    assert adaptive._compiled is None
    assert direct == ProselintEngine().check_text(TEXT)
    assert {hit.path for hit in direct} >= {"uncomparables", "lexical_illusions"}


def test_compiles_once_enough_text_was_checked() -> None:
    adaptive = AdaptiveEngine()
    big = TEXT * (DIRECT_CHARS // len(TEXT) + 1)
    hits = adaptive.check_text(big)
    assert adaptive._compiled is not None
    assert hits == ProselintEngine().check_text(big)


def test_selection_narrows_both_paths() -> None:
    only = "uncomparables".__eq__
    direct = AdaptiveEngine(only).check_text(TEXT)
    compiled = AdaptiveEngine(only)
    compiled.warm_up()
    assert direct == compiled.check_text(TEXT)
    assert direct and {hit.path for hit in direct} == {"uncomparables"}
