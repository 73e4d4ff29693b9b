"""One RE2 set for the options groups that differ only in case finds what separate sets find."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_proselint_parity import CHUNKS, _texts

from postlint.rules.prose.proselint.checks import _default_checks
from postlint.rules.prose.proselint.compiler import _Compiler
from postlint.rules.prose.proselint.prefilter import _Prefilter, _prefilter_options, _SetGroup


@pytest.fixture(scope="module")
def groups() -> list[tuple[object, list[str]]]:
    compiler = _Compiler()
    for check in _default_checks():
        compiler.plan(check)
    return [(options, list(patterns)) for options, patterns in compiler.re2_groups.items()]


@pytest.fixture(scope="module")
def both(groups: list[tuple[object, list[str]]]) -> tuple[_Prefilter, list[_SetGroup]]:
    separate = [_SetGroup(p, _prefilter_options(o)) for o, p in groups]  # type: ignore[arg-type]
    return _Prefilter(groups), separate  # type: ignore[arg-type]


def _same(both: tuple[_Prefilter, list[_SetGroup]], text: str) -> None:
    merged, separate = both
    data = f"\n{text}\n".encode()
    assert merged.match(data) == tuple(group.match(data) for group in separate)


def test_the_groups_share_one_set(both: tuple[_Prefilter, list[_SetGroup]]) -> None:
    assert both[0]._sets == [] and both[0]._merged is not None


@pytest.mark.parametrize(
    "text", ["", "TODO todo FIXME fixme", "But no.\n\nBut yes. 12 pm, 3am", "Alack anent BEGAT"]
)
def test_targeted_texts(both: tuple[_Prefilter, list[_SetGroup]], text: str) -> None:
    _same(both, text)


@pytest.mark.skipif(not CHUNKS, reason="../shared/corpus is not beside the repo")
def test_corpus_posts(both: tuple[_Prefilter, list[_SetGroup]]) -> None:
    for _, files in CHUNKS[::2]:
        for path in files[:5]:
            _same(both, Path(path).read_bytes().decode("utf-8"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts() | st.text(max_size=80))
def test_generated_texts(both: tuple[_Prefilter, list[_SetGroup]], text: str) -> None:
    _same(both, text)
