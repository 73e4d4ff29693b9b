"""Schemas: drafts, formats, local and remote refs, and where errors point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postlint.core.config import Config, ConfigError
from postlint.core.engine import Linter
from postlint.core.schema import SchemaLoadError, load_schema


def write(path: Path, schema: object) -> Path:
    path.write_text(json.dumps(schema), encoding="utf-8")
    return path


def lint(schema: Path, text: str) -> list[tuple[int, int, str]]:
    linter = Linter(Config(select=("FM001",), schema=schema))
    return [
        (d.start_pos.line, d.start_pos.column, d.message)
        for d in linter.lint_text(text).diagnostics
    ]


def test_local_ref_resolves_relative_to_the_schema_file(tmp_path: Path) -> None:
    (tmp_path / "defs").mkdir()
    write(tmp_path / "defs" / "title.json", {"type": "string", "maxLength": 5})
    schema = write(tmp_path / "post.json", {"properties": {"title": {"$ref": "defs/title.json"}}})
    assert lint(schema, "---\ntitle: far too long\n---\n") == [
        (2, 8, "`title` is too long (12 characters): at most 5 allowed")
    ]


def test_remote_ref_is_refused_before_any_lookup(tmp_path: Path) -> None:
    schema = write(
        tmp_path / "s.json", {"properties": {"a": {"$ref": "https://example.org/a.json"}}}
    )
    with pytest.raises(SchemaLoadError, match="never uses the network"):
        load_schema(schema)
    with pytest.raises(ConfigError, match="refused"):
        Linter(Config(schema=schema))


def test_fragment_refs_work_with_a_remote_id(tmp_path: Path) -> None:
    schema = write(
        tmp_path / "s.json",
        {
            "$id": "https://example.org/post.json",
            "properties": {"n": {"$ref": "#/$defs/n"}},
            "$defs": {"n": {"type": "integer"}},
        },
    )
    assert lint(schema, "---\nn: x\n---\n") == [(2, 4, '`n` must be a whole number, not "x"')]


def test_declared_draft_is_used(tmp_path: Path) -> None:
    draft4 = {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "properties": {"n": {"type": "number", "maximum": 5, "exclusiveMaximum": True}},
    }
    schema = write(tmp_path / "s.json", draft4)
    assert [m for *_, m in lint(schema, "---\nn: 5\n---\n")]  # draft-04 boolean exclusiveMaximum


def test_invalid_schema_is_a_config_error(tmp_path: Path) -> None:
    schema = write(tmp_path / "s.json", {"type": 12})
    with pytest.raises(ConfigError, match="invalid"):
        Linter(Config(schema=schema))


def test_formats_are_checked_on_dates_as_written(tmp_path: Path) -> None:
    schema = write(
        tmp_path / "s.json",
        {
            "properties": {
                "d": {"type": "string", "format": "date"},
                "t": {"type": "string", "format": "date-time"},
                "e": {"format": "email"},
            }
        },
    )
    text = "---\nd: 2025-02-30\nt: 2025-11-26T15:29:13+00:00\ne: not-an-email\n---\n"
    assert [(line, col) for line, col, _ in lint(schema, text)] == [(2, 4), (4, 4)]


def test_additional_property_points_at_each_key(tmp_path: Path) -> None:
    schema = write(
        tmp_path / "s.json", {"properties": {"title": {}}, "additionalProperties": False}
    )
    found = lint(schema, "---\ntitle: x\nfoo: 1\nbar: 2\n---\n")
    assert [(line, col) for line, col, _ in found] == [(3, 1), (4, 1)]
    assert "unexpected key `foo`" in found[0][2]


def test_nested_required_points_at_the_parent_key(tmp_path: Path) -> None:
    schema = write(
        tmp_path / "s.json", {"properties": {"image": {"type": "object", "required": ["path"]}}}
    )
    assert lint(schema, "---\nimage:\n  alt: x\n---\n") == [
        (2, 1, "missing required key `path` in `image`")
    ]
