"""The remembered valid values change no verdict: a loaded schema, asked about the same and
similar front matter again and again, answers as a plain validator asked once."""

from __future__ import annotations

from typing import Any

import jsonschema
from hypothesis import example, given, settings
from hypothesis import strategies as st

from postlint.core.schema import GENERATOR_SCHEMAS, bundled_schema_path, load_schema

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([0.0, -0.0, 1.0, 2.5]),
    st.sampled_from(["", " ", "x", "2025-11-26", "2025-11-26 15:29:13 +0000", "a b", "1"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["title", "date", "name", "x"]), inner, max_size=3)
    ),
    max_leaves=8,
)
_KEYS = st.sampled_from(
    ["title", "date", "tags", "categories", "layout", "draft", "author", "lastmod", "x"]
)
_POSTS = st.lists(st.dictionaries(_KEYS, _VALUES, max_size=6), min_size=1, max_size=6)
_LOADED = {name: load_schema(bundled_schema_path(name)) for name in set(GENERATOR_SCHEMAS.values())}


def _described(errors: Any) -> list[tuple[Any, ...]]:
    return [
        (e.message, list(e.absolute_path), list(e.schema_path), e.validator, len(e.context))
        for e in errors
    ]


@settings(max_examples=150, deadline=None)
@given(_POSTS, st.sampled_from(sorted(_LOADED)))
@example(
    [{"draft": True, "published": True, "title": 1}, {"draft": 1, "published": 1}],
    "hugo.schema.json",
)
@example(
    [{"published": True, "tags": ["a"]}, {"published": 1, "tags": [1.0, ""]}], "jekyll.schema.json"
)
def test_repeated_validation_matches_a_fresh_validator(
    posts: list[dict[str, Any]], name: str
) -> None:
    loaded = _LOADED[name]
    plain = jsonschema.Draft202012Validator(
        loaded.validator.schema,
        registry=loaded.validator._registry,
        format_checker=loaded.validator.format_checker,
    )
    for post in posts + posts:
        assert _described(loaded.errors(post)) == _described(plain.iter_errors(post))
