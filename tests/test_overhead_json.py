"""The report's own JSON writer gives exactly ``json.dumps(indent=2, ensure_ascii=False)``,
indented by depth, for any value: the ones it writes itself and the ones it leaves to json."""

from __future__ import annotations

import enum
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.report.json_stream import dumps_at


def _reference(value: Any, depth: int) -> str:
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + "  " * depth) if depth else text


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.text(alphabet=st.characters(max_codepoint=0x3F))
    | st.sampled_from(["", '"', "\\", "\n", "\u2028", "\x00", "\x7f", "é", "\ud800", "😀"])
)
_KEYS = st.text() | st.sampled_from(["path", '"', "\n", "é"])
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(_KEYS, inner, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(_VALUES, st.integers(min_value=0, max_value=4))
def test_any_json_value_is_written_as_json_dumps_writes_it(value: Any, depth: int) -> None:
    assert dumps_at(value, depth) == _reference(value, depth)


class _Level(enum.IntEnum):
    LOW = 1


class _Name(str):
    pass


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False) | _KEYS,
        _SCALARS,
        max_size=4,
    ),
    st.integers(min_value=0, max_value=3),
)
def test_keys_that_are_not_strings_are_written_as_json_writes_them(
    value: dict[Any, Any], depth: int
) -> None:
    assert dumps_at(value, depth) == _reference(value, depth)


def test_subclasses_and_deep_nesting_are_written_as_json_writes_them() -> None:
    odd: list[Any] = [
        _Level.LOW,
        _Name("a\nb"),
        {"level": _Level.LOW, "name": _Name("x")},
        [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
        {"a": {"b": {"c": {"d": [{"e": ()}]}}}},
        float("nan"),
        -0.0,
        1e300,
    ]
    for value in odd:
        for depth in range(3):
            assert dumps_at(value, depth) == _reference(value, depth)


def test_a_diagnostic_as_the_json_format_builds_it() -> None:
    value = {
        "path": "posts/a “b”.md",
        "code": "AI105",
        "name": "assistant-preamble",
        "sub_code": None,
        "severity": "error",
        "message": "'Sure! Here's' is \"quoted\"\t\\ and \u2028 odd",
        "start": {"offset": 0, "line": 1, "column": 1},
        "end": {"offset": 12, "line": 1, "column": 13},
        "fix": {
            "message": "Remove",
            "safe": False,
            "edits": [{"start": 0, "end": 12, "replacement": ""}],
        },
        "docs_url": "https://example.org/rules/AI105",
    }
    for depth in range(4):
        assert dumps_at(value, depth) == _reference(value, depth)
