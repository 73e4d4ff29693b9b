"""The TOML shortcuts answer as the full scans they skip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.core import fm_limits
from postlint.core.fm_limits import (
    MAX_DEPTH,
    _toml_nesting_scan,
    _yaml_event_scan,
    toml_too_deep,
    yaml_too_deep,
)

_PIECES = st.sampled_from(["[", "]", "{", "}", ".", "a", "=", ",", " ", "\n", "#", '"', "'", "\\"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=200), st.integers(1, 6))
def test_toml_too_deep_matches_the_scan(pieces: list[str], limit: int) -> None:
    content = "".join(pieces)
    saved = fm_limits.MAX_DEPTH
    fm_limits.MAX_DEPTH = limit  # a small limit, so the generated text reaches it
    try:
        assert toml_too_deep(content) == _toml_nesting_scan(content)
    finally:
        fm_limits.MAX_DEPTH = saved
    assert toml_too_deep(content) == _toml_nesting_scan(content)
    assert MAX_DEPTH == fm_limits.MAX_DEPTH


_YAML_PIECES = st.sampled_from(
    ["[", "]", "{", "}", "- ", "-", ": ", ":", "? ", "a", "b", ",", " ", "  ", "\n", "#", '"', "'"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_YAML_PIECES, max_size=120), st.integers(1, 6))
def test_yaml_too_deep_matches_the_event_pass(pieces: list[str], limit: int) -> None:
    content = "".join(pieces)
    saved = fm_limits.MAX_DEPTH
    fm_limits.MAX_DEPTH = limit
    try:
        assert yaml_too_deep(content) == _yaml_event_scan(content)
    finally:
        fm_limits.MAX_DEPTH = saved
