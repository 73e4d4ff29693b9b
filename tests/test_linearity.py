"""No pattern whose cost outgrows the text: each shape's lint time at 4x the size stays far
below the 16x a quadratic step would cost.

Not a timed benchmark (benchmarks/scaling.py is): a ratio of CPU times in one process, with a
generous bound, so a loaded machine does not fail it; a quadratic pattern still does.
"""

from __future__ import annotations

import importlib.util
from dataclasses import replace

import pytest
from cpu_time import fastest_cpu_seconds

from conftest import REPO
from postlint.core.config import Config
from postlint.core.engine import Linter

_spec = importlib.util.spec_from_file_location("shapes", REPO / "benchmarks" / "shapes.py")
assert _spec is not None and _spec.loader is not None
shapes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shapes)

SMALL, LARGE = 6_000, 24_000  # quadratic: 16x the time; linear: 4x
BOUND = 9.0
LINTER = Linter(replace(Config(), time_budget=1e9))


def _cpu(text: str) -> float:
    return fastest_cpu_seconds(lambda: LINTER.lint_text(text), repeats=2)


@pytest.mark.parametrize("name", shapes.NAMES)
def test_time_grows_linearly(name: str) -> None:
    LINTER.lint_text(shapes.make("prose", 1000))  # start-up is not part of the ratio
    small = _cpu(shapes.make(name, SMALL))
    large = _cpu(shapes.make(name, LARGE))
    assert large < BOUND * max(small, 0.002), (name, small, large)
