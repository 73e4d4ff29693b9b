"""The structured fuzz campaign of benchmarks/fuzz_structured.py, briefly (CI).

Grammar-built YAML, TOML and JSON posts, configuration tables and cache entries; any failure
raises here with its input. The long campaign runs the same properties with many more inputs:
``nice python benchmarks/fuzz_structured.py 100000``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
EXAMPLES = int(os.environ.get("POSTLINT_FUZZ_EXAMPLES", "15"))


def _campaign_module():
    spec = importlib.util.spec_from_file_location(
        "fuzz_structured", BENCHMARKS / "fuzz_structured.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_structured"] = module
    spec.loader.exec_module(module)
    return module


FUZZ = _campaign_module()


@pytest.mark.parametrize(("name", "share"), [("posts", 3), ("config", 2), ("cache", 1)])
def test_structured_inputs_never_crash(name: str, share: int) -> None:
    tally = FUZZ.campaign({name: EXAMPLES * share}, FUZZ.Tally(raise_on_failure=True))
    assert tally.counts[name] == EXAMPLES * share and not tally.failures


def test_the_grammars_reach_the_hard_cases() -> None:
    """The generators must produce what found the crashes, or the campaign proves nothing."""
    from hypothesis import find

    find(FUZZ.post_bytes(), lambda data: b"!!bool" in data)
    find(FUZZ.post_bytes(), lambda data: b"? " in data and data.startswith(b"---"))
    find(FUZZ.post_bytes(), lambda data: b"[" * 500 in data and data.startswith(b"+++"))
    find(FUZZ.post_bytes(), lambda data: b"\r" in data and b"\n" not in data)
    find(FUZZ.post_bytes(), lambda data: data.startswith(b"\xff\xfe"))
    find(FUZZ.config_table(), lambda table: table.get("time-budget") != table.get("time-budget"))
