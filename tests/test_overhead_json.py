"""The report's own JSON writer gives exactly ``json.dumps(indent=2, ensure_ascii=False)``,
indented by depth, for any value: the ones it writes itself and the ones it leaves to json;
and the spool's results without source lines are the ones ``replace`` gives."""

from __future__ import annotations

import enum
import json
import pickle
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core.diagnostic import Diagnostic, Edit, FileResult, Fix, Severity
from postlint.core.source import Position
from postlint.report import json_format
from postlint.report.json_stream import dumps_at
from postlint.report.spool import without_source


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


_TEXT = st.text() | st.sampled_from(["", '"', "\\", "\n", "\u2028", "é", "\ud800"])
_EDITS = st.builds(Edit, st.integers(min_value=0), st.integers(min_value=0), _TEXT)
_DIAGNOSTICS = st.builds(
    Diagnostic,
    path=_TEXT,
    code=_TEXT,
    name=_TEXT,
    severity=st.sampled_from(list(Severity)),
    message=_TEXT,
    start=st.integers(),
    end=st.integers(min_value=0),
    start_pos=st.builds(Position, st.integers(min_value=1), st.integers(min_value=1)),
    end_pos=st.builds(Position, st.integers(min_value=1), st.integers(min_value=1)),
    sub_code=st.none() | _TEXT,
    fix=st.none() | st.builds(Fix, st.lists(_EDITS, max_size=3).map(tuple), st.booleans(), _TEXT),
    docs_url=_TEXT,
    source_line=_TEXT,
)


@settings(max_examples=400, deadline=None)
@given(_DIAGNOSTICS, st.integers(min_value=0, max_value=4))
def test_a_diagnostic_is_written_as_its_mapping_would_be(d: Diagnostic, depth: int) -> None:
    assert json_format._diagnostic_at(d, depth) == _reference(json_format._diagnostic(d), depth)


def test_a_diagnostic_with_a_field_of_another_type_goes_the_general_way() -> None:
    where = Position(1, 2)
    odd = Diagnostic("p", "C1", "n", Severity.INFO, "m", True, 3, where, where)  # type: ignore[arg-type]
    assert json_format._diagnostic_at(odd, 1) == _reference(json_format._diagnostic(odd), 1)
    named = Diagnostic(_Name("p"), "C1", "n", Severity.INFO, "m", 0, 3, where, where)
    assert json_format._diagnostic_at(named, 2) == _reference(json_format._diagnostic(named), 2)


@settings(max_examples=200, deadline=None)
@given(st.lists(_DIAGNOSTICS, max_size=4))
def test_a_result_without_source_lines_is_the_one_replace_gives(
    diagnostics: list[Diagnostic],
) -> None:
    result = FileResult("p.md", tuple(diagnostics))
    slim = without_source(result)
    expected = replace(
        result, diagnostics=tuple(replace(d, source_line="") for d in result.diagnostics)
    )
    assert slim == expected
    assert [d.source_line for d in slim.diagnostics] == [""] * len(diagnostics)
    assert [vars(d) for d in slim.diagnostics] == [vars(d) for d in expected.diagnostics]
    assert pickle.dumps(slim) == pickle.dumps(expected)
