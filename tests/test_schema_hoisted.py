"""Work hoisted from every post to once per loaded schema changes no verdict: references
looked up once per scope, RE2 patterns searched on bytes, and values remembered by type where
a subschema reads nothing else. Each is compared with a plain jsonschema validator (or the
re2 module's own str search) on generated input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import re2
import referencing._core
from hypothesis import example, given, settings
from hypothesis import strategies as st

from postlint.core.schema import LoadedSchema, SchemaApplyError, load_schema
from postlint.core.schema_re2 import Patterns

# --- RE2 on bytes -------------------------------------------------------------------------

_PATTERNS = [
    r"\S",
    r"^$",
    r"^.{2}$",
    r"^\w+$",
    r"\b\w+\b",
    r"[^\x00-\x7f]",
    r"é$",
    r"(?i)É",
    r"\r\n",
    "\ufffc",
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([T ].*)?$",
    r"^(\p{L}| )+$",
    r"^\s*$",
    r"x*",
]
_TEXT = st.text(
    alphabet=st.sampled_from(["a", "Z", "é", "É", " ", "\t", "\r", "\n", "\ufffc", "😀", "0", "-"]),
    max_size=12,
) | st.sampled_from(["", "2025-11-26", "2025-11-26T15:29:13Z", "é", "\r\n", "ab"])


def _options() -> Any:
    options = re2.Options()
    options.log_errors = False
    return options


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_PATTERNS), _TEXT)
@example(r"^.{2}$", "é😀")
@example(r"\S", "")
@example("\ufffc", "a\ufffcb")
def test_search_on_bytes_answers_as_the_str_search(pattern: str, text: str) -> None:
    patterns = Patterns()
    expected = re2.compile(pattern, _options()).search(text) is not None
    assert patterns.search(pattern, text) is expected
    assert patterns.search(pattern, text) is expected  # the second time, compiled


def test_search_on_a_lone_surrogate_fails_as_the_str_search() -> None:
    with pytest.raises(UnicodeEncodeError):
        re2.compile(r"\S", _options()).search("a\ud800")
    with pytest.raises(UnicodeEncodeError):
        Patterns().search(r"\S", "a\ud800")


# --- references looked up once per scope -------------------------------------------------


def _write(path: Path, schema: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(schema), encoding="utf-8")
    return path


def _described(errors: Any) -> list[tuple[Any, ...]]:
    return [
        (
            e.message,
            list(e.absolute_path),
            list(e.schema_path),
            e.validator,
            json.dumps(e.validator_value, sort_keys=True, default=str),
            json.dumps(e.schema, sort_keys=True, default=str),
            _described(e.context),
        )
        for e in errors
    ]


def _plain(loaded: LoadedSchema) -> Any:
    return jsonschema.Draft202012Validator(
        loaded.validator.schema,
        registry=loaded.validator._registry,
        format_checker=loaded.validator.format_checker,
    )


_OTHER = {
    "$defs": {
        "name": {"type": "string", "minLength": 2},
        "names": {"type": "array", "items": {"$ref": "#/$defs/name"}},
        "tagged": {"$anchor": "tagged", "type": "object", "required": ["tag"]},
    },
    "anyOf": [{"$ref": "#/$defs/name"}, {"$ref": "#/$defs/names"}],
}
_MAIN = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["title"],
    "$defs": {
        "title": {"type": "string", "minLength": 1, "pattern": r"\S"},
        "digit": {"type": "integer", "maximum": 5},  # "#/$defs/digit" outside "scoped"
        "tree": {
            "type": "object",
            "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/tree"}}},
            "additionalProperties": False,
        },
        "scoped": {
            "$id": "nested/scoped.json",
            "properties": {"own": {"$ref": "#/$defs/digit"}},
            "$defs": {"digit": {"type": "integer", "maximum": 9}},
        },
    },
    "properties": {
        "title": {"$ref": "#/$defs/title"},
        "subtitle": {"$ref": "#/$defs/title"},
        "who": {"$ref": "other.json"},
        "name": {"$ref": "other.json#/$defs/name"},
        "mark": {"$ref": "other.json#tagged"},
        "tree": {"$ref": "#/$defs/tree"},
        "scoped": {"$ref": "#/$defs/scoped"},
        "self": {"$ref": "#"},
        "digit": {"$ref": "#/$defs/digit"},
        "list": {"type": "array", "items": {"$ref": "#/$defs/title"}},
    },
}

_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 12),
    st.sampled_from([1.0, 2.5]),
    st.sampled_from(["", " ", "x", "xy", "é😀", "\r\n", "\ufffc"]),
)
_VALUE = st.recursive(
    _LEAF,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["tag", "kids", "own", "title", "x"]), inner, max_size=3)
    ),
    max_leaves=8,
)
_KEYS = st.sampled_from(
    ["title", "subtitle", "who", "name", "mark", "tree", "scoped", "self", "digit", "list", "x"]
)
_POSTS = st.lists(st.dictionaries(_KEYS, _VALUE, max_size=6), min_size=1, max_size=5)


@pytest.fixture(scope="module")
def referring(tmp_path_factory: pytest.TempPathFactory) -> LoadedSchema:
    folder = tmp_path_factory.mktemp("refs")
    _write(folder / "other.json", _OTHER)
    return load_schema(_write(folder / "main.json", _MAIN))


@settings(max_examples=200, deadline=None)
@given(_POSTS)
@example([{"tree": {"kids": [{"kids": [{"x": 1}]}, {"kids": []}]}, "title": "a"}])
@example([{"self": {"self": {"title": ""}}, "who": ["ab", "c"], "mark": {}}, {"who": "ab"}])
@example([{"scoped": {"own": 7}, "digit": 7, "name": "a", "list": ["a", "", 3]}, {"digit": 1}])
def test_cached_references_answer_as_a_plain_validator(
    referring: LoadedSchema, posts: list[dict[str, Any]]
) -> None:
    plain = _plain(referring)
    for post in posts + posts:
        assert _described(referring.errors(post)) == _described(plain.iter_errors(post))


def test_each_reference_is_looked_up_once_per_scope(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "other.json", _OTHER)
    loaded = load_schema(_write(tmp_path / "main.json", _MAIN))
    calls: list[str] = []
    lookup = referencing._core.Resolver.lookup

    def counted(self: Any, ref: str) -> Any:
        calls.append(ref)
        return lookup(self, ref)

    monkeypatch.setattr(referencing._core.Resolver, "lookup", counted)
    post = {"title": "a", "who": "ab", "name": "cd", "mark": {"tag": 1}, "scoped": {"own": 3}}
    list(loaded.errors(post))
    first = len(calls)
    assert first > 0
    for n in range(20):  # new values each time: validated again, but no reference looked up
        list(loaded.errors({**post, "title": f"t{n}", "who": f"w{n}", "scoped": {"own": n % 9}}))
    assert len(calls) == first


def test_a_reference_unresolvable_in_its_scope_fails_as_before(tmp_path: Path) -> None:
    # resolvable from the schema's root (checked at load), not from the subschema's own $id
    _write(tmp_path / "other.json", _OTHER)
    schema = {
        "properties": {
            "inner": {"$id": "sub/inner.json", "properties": {"x": {"$ref": "other.json"}}}
        }
    }
    loaded = load_schema(_write(tmp_path / "main.json", schema))
    post = {"inner": {"x": "ab"}}
    with pytest.raises(Exception) as plain_failure:
        list(_plain(loaded).iter_errors(post))
    for _ in range(2):
        with pytest.raises(SchemaApplyError) as failure:
            list(loaded.errors(post))
        assert f"({type(plain_failure.value).__name__})" in str(failure.value)
    assert list(loaded.errors({"inner": {"y": 1}})) == []


# --- values remembered by kind (and the presence of required keys) -----------------------


def _by_kind_schema(draft: str) -> dict[str, Any]:
    always, never = (True, False) if "draft-04" not in draft else ({}, {"not": {}})
    return {
        "$schema": draft,
        "type": "object",
        "if": {"not": {"anyOf": [{"required": ["Title"]}, {"required": ["TITLE"]}]}},
        "then": {"required": ["title"]},
        "else": {"properties": {"Title": {"type": "string", "minLength": 2}}},
        "properties": {
            "title": {"type": ["string", "integer"]},
            "count": {"type": "integer"},
            "ratio": {"type": "number", "description": "annotations are not read"},
            "flag": {"anyOf": [{"type": "boolean"}, {"type": "null"}]},
            "image": {"oneOf": [{"type": "string"}, {"type": "object", "required": ["src"]}]},
            "odd": {"oneOf": [{"type": "number"}, {"type": "integer"}]},
            "neither": {"not": {"type": ["array", "object"]}},
            "both": {"allOf": [{"type": "object"}, {"required": ["a", "b"]}, always]},
            "never": {"anyOf": [never, {"type": "array", "items": {"type": "integer"}}]},
            "long": {"type": "string", "minLength": 3},  # reads the value: not by kind
            "list": {"type": "array", "items": {"type": ["string", "number"]}},
        },
    }


_DRAFTS = [
    "https://json-schema.org/draft/2020-12/schema",
    "https://json-schema.org/draft/2019-09/schema",
    "http://json-schema.org/draft-07/schema#",
    "http://json-schema.org/draft-04/schema#",
]
_ANY = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-2, 3),
        st.sampled_from([0.0, -0.0, 1.0, 2.5, float("inf"), float("nan")]),
        st.sampled_from(["", "x", "abc", "é😀", "\r\n", "\ufffc"]),
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "src", "Title", "x", 1]), inner, max_size=3)
    ),
    max_leaves=6,
)
_KIND_KEYS = st.sampled_from(
    [
        "title",
        "Title",
        "TITLE",
        "count",
        "ratio",
        "flag",
        "image",
        "odd",
        "neither",
        "both",
        "never",
        "long",
        "list",
        "x",
    ]
)


@pytest.fixture(scope="module")
def by_kind(tmp_path_factory: pytest.TempPathFactory) -> dict[str, LoadedSchema]:
    folder = tmp_path_factory.mktemp("kinds")
    return {
        draft: load_schema(_write(folder / f"s{n}.json", _by_kind_schema(draft)))
        for n, draft in enumerate(_DRAFTS)
    }


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.dictionaries(_KIND_KEYS, _ANY, max_size=6), min_size=1, max_size=6),
    st.sampled_from(_DRAFTS),
)
@example([{"count": 1.0, "odd": 1.0, "title": 2.0}, {"count": 2.0, "odd": 2}], _DRAFTS[3])
@example([{"count": 1.0, "odd": 1.0}, {"count": 2.0, "odd": 3.0}], _DRAFTS[0])
@example([{"Title": "ab"}, {"Title": "a"}, {"TITLE": 1}, {"title": 1}, {}], _DRAFTS[0])
@example(
    [{"both": {"a": 1, "b": 2}}, {"both": {"a": 1}}, {"image": {"src": 1}}, {"image": {}}],
    _DRAFTS[0],
)
@example([{"flag": True, "neither": 1}, {"flag": 1, "neither": True}, {"flag": 0}], _DRAFTS[2])
@example(
    [{"ratio": float("nan"), "count": float("inf")}, {"ratio": True, "count": True}], _DRAFTS[0]
)
def test_values_remembered_by_kind_answer_as_a_plain_validator(
    by_kind: dict[str, LoadedSchema], posts: list[dict[Any, Any]], draft: str
) -> None:
    loaded = by_kind[draft]
    plain = jsonschema.validators.validator_for(loaded.validator.schema)(
        loaded.validator.schema,
        registry=loaded.validator._registry,
        format_checker=loaded.validator.format_checker,
    )
    for post in posts + posts:
        assert _described(loaded.errors(post)) == _described(plain.iter_errors(post))


def test_which_subschemas_are_judged_by_kind_and_keys() -> None:
    from jsonschema import Draft4Validator, Draft202012Validator

    from postlint.core.schema_re2 import _names_read

    validators = Draft202012Validator.VALIDATORS
    assert _names_read({"type": "string", "description": "x"}, validators) == frozenset()
    assert _names_read(True, validators) == frozenset()
    assert _names_read(
        {"not": {"anyOf": [{"required": ["A"]}, {"required": ["B"]}]}}, validators
    ) == {"A", "B"}
    for reads_more in (
        {"type": "string", "minLength": 1},
        {"pattern": "x"},
        {"enum": [1]},
        {"const": 1},
        {"format": "date"},
        {"$ref": "#"},
        {"type": "string", "$schema": "http://json-schema.org/draft-04/schema#"},
        {"type": "any"},
        {"type": {"type": "string"}},
        {"anyOf": {"type": "string"}},
        {"anyOf": [{"type": "string"}, {"maximum": 3}]},
        {"properties": {"a": {"type": "string"}}},
        {"items": {"type": "string"}},
        {"if": {"type": "string"}},
        {"required": [1]},
        "not a schema",
    ):
        assert _names_read(reads_more, validators) is None, reads_more
    assert _names_read({"type": "integer"}, Draft4Validator.VALIDATORS) == frozenset()
