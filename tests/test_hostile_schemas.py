"""Schemas stay inside the project (issue 20): no read outside it, no leak, no hang.

Each test builds a real project folder with a real secret file beside it and lints a post
whose ``$schema`` (or a schema's ``$ref``) tries to reach it.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from crash_guard import without_crash
from postlint.core.config import Config, ConfigError
from postlint.core.engine import Linter
from postlint.core.schema import SchemaLoadError, load_schema
from postlint.core.schema_sandbox import MAX_SCHEMA_BYTES, SchemaSandbox

SECRET = "SECRET-TOKEN-abc123"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """``tmp/project`` holds the posts; ``tmp/secret.json`` is a schema outside it."""
    root = tmp_path / "project"
    (root / "posts").mkdir(parents=True)
    (tmp_path / "secret.json").write_text(
        json.dumps({"properties": {"title": {"enum": [SECRET]}}}), encoding="utf-8"
    )
    return root


def lint(
    root: Path, schema_line: str, name: str = "posts/post.md"
) -> list[tuple[int, int, str, str]]:
    post = root / name
    post.write_text(f"---\ntitle: hello\n$schema: {schema_line}\n---\nText.\n", encoding="utf-8")
    linter = Linter(Config(select=("FM001", "PL006"), root=root))
    result = without_crash(linter.lint_file(post, str(post)))
    return [(d.start_pos.line, d.start_pos.column, d.code, d.message) for d in result.diagnostics]


def test_a_schema_inside_the_project_still_works(project: Path) -> None:
    (project / "schemas").mkdir()
    (project / "schemas" / "post.json").write_text('{"required": ["title", "author"]}')
    assert lint(project, "../schemas/post.json") == [
        (1, 1, "FM001", "missing required key `author`")
    ]


@pytest.mark.parametrize(
    "reference",
    [
        "ABSOLUTE",
        "../../secret.json",
        "file://ABSOLUTE",
        "file:../../secret.json",
        "/dev/zero",
        "/dev/stdin",
        "/etc/passwd",
        "//host/share/x.json",
        "https://example.org/s.json",
    ],
)
def test_a_post_schema_outside_the_project_is_refused_and_never_read(
    project: Path, reference: str
) -> None:
    reference = reference.replace("ABSOLUTE", str(project.parent / "secret.json"))
    started = time.perf_counter()
    (diagnostic,) = lint(project, reference)
    assert time.perf_counter() - started < 5  # /dev/stdin and /dev/zero neither block nor grow
    assert diagnostic[:3] == (3, 10, "PL006")
    assert "refused" in diagnostic[3] and SECRET not in diagnostic[3]


def test_a_refusal_does_not_tell_whether_the_file_exists(project: Path) -> None:
    there = lint(project, "../../secret.json")[0][3]
    missing = lint(project, "../../nothing.json")[0][3]
    assert there.replace("secret", "X") == missing.replace("nothing", "X")


def test_a_link_inside_the_project_to_a_file_outside_is_refused(project: Path) -> None:
    (project / "posts" / "s.json").symlink_to(project.parent / "secret.json")
    (diagnostic,) = lint(project, "s.json")
    assert diagnostic[2] == "PL006" and "outside the project" in diagnostic[3]
    assert SECRET not in diagnostic[3]


def test_a_fifo_or_a_huge_file_in_the_project_is_refused_at_once(project: Path) -> None:
    os.mkfifo(project / "posts" / "fifo.json")
    started = time.perf_counter()
    (diagnostic,) = lint(project, "fifo.json")
    assert time.perf_counter() - started < 5
    assert diagnostic[2] == "PL006" and "not a regular file" in diagnostic[3]
    with open(project / "posts" / "big.json", "wb") as handle:  # sparse: no disk used
        handle.truncate(MAX_SCHEMA_BYTES + 1)
    (diagnostic,) = lint(project, "big.json")
    assert diagnostic[2] == "PL006" and "byte limit" in diagnostic[3]


@pytest.mark.parametrize(
    "ref", ["file:///ABSOLUTE", "../secret.json", "../../secret.json", "file:../secret.json"]
)
def test_a_ref_out_of_the_project_is_a_load_error(project: Path, ref: str) -> None:
    ref = ref.replace("/ABSOLUTE", str(project.parent / "secret.json"))
    schema = project / "post.schema.json"
    schema.write_text(json.dumps({"properties": {"title": {"$ref": ref}}}), encoding="utf-8")
    with pytest.raises(SchemaLoadError, match="refused") as raised:
        load_schema(schema, SchemaSandbox.at(project))
    assert SECRET not in str(raised.value)
    with pytest.raises(ConfigError, match="refused"):
        Linter(Config(schema=schema, root=project))


def test_a_configuration_schema_outside_the_project_is_not_quoted(
    project: Path, tmp_path: Path
) -> None:
    (project / "posts" / "post.md").write_text("---\ntitle: hello\n---\nText.\n")
    linter = Linter(Config(select=("FM001",), root=project, schema=tmp_path / "secret.json"))
    result = linter.lint_file(project / "posts" / "post.md", str(project / "posts" / "post.md"))
    assert [d.message for d in result.diagnostics] == [
        "`title` does not satisfy the schema's `enum` rule"
    ]


def test_dynamic_and_recursive_refs_are_resolved_or_refused_at_load(project: Path) -> None:
    (project / "posts" / "dyn.json").write_text(
        '{"$schema": "https://json-schema.org/draft/2020-12/schema",'
        ' "properties": {"title": {"$dynamicRef": "#meta"}}}'
    )
    (diagnostic,) = lint(project, "dyn.json")
    assert diagnostic[2] == "PL006" and "cannot resolve $dynamicRef '#meta'" in diagnostic[3]
    (project / "posts" / "ok.json").write_text(
        '{"$schema": "https://json-schema.org/draft/2020-12/schema", "$dynamicAnchor": "meta",'
        ' "properties": {"title": {"type": "string"}, "n": {"$dynamicRef": "#meta"}}}'
    )
    assert lint(project, "ok.json") == []
    (project / "posts" / "rec.json").write_text(
        '{"$schema": "https://json-schema.org/draft/2019-09/schema",'
        ' "properties": {"title": {"type": "integer"}, "n": {"$recursiveRef": "#"}}}'
    )
    assert lint(project, "rec.json") == [
        (2, 8, "FM001", '`title` must be a whole number, not "hello"')
    ]


# A schema that names its draft ran its patterns in Python's re: the validator was rebuilt
# from the class its $schema names, without postlint's RE2 keywords.
@pytest.mark.parametrize(
    "draft",
    [
        None,
        "https://json-schema.org/draft/2020-12/schema",
        "http://json-schema.org/draft-07/schema#",
    ],
)
def test_a_catastrophic_pattern_runs_in_linear_time(project: Path, draft: str | None) -> None:
    schema: dict[str, object] = {} if draft is None else {"$schema": draft}
    schema |= {
        "properties": {"title": {"pattern": "^(a+)+$"}},
        "patternProperties": {"^(x+)+$": {"type": "integer"}},
        "additionalProperties": False,
    }
    (project / "posts" / "p.json").write_text(json.dumps(schema))
    post = project / "posts" / "post.md"
    title = "a" * 27 + "!"
    post.write_text(f"---\ntitle: {title}\n$schema: p.json\n{'x' * 27}!: 1\n---\nText.\n")
    linter = Linter(Config(select=("FM001",), root=project))
    started = time.perf_counter()
    result = without_crash(linter.lint_file(post, str(post)))
    assert time.perf_counter() - started < 2  # Python's re takes 46 s on this title
    assert [(d.start_pos.line, d.message) for d in result.diagnostics] == [
        (2, f"`title` is \"{title}\"; expected text matching '^(a+)+$'"),
        (3, "unexpected key `$schema` in `front matter`; remove it or add it to the schema"),
        (4, f"unexpected key `{'x' * 27}!` in `front matter`; remove it or add it to the schema"),
    ]


@pytest.mark.parametrize(
    ("schema", "words"),
    [
        ({"properties": {"title": {"pattern": "(a)\\1"}}}, "cannot be run by RE2"),
        ({"properties": {"title": {"pattern": "a(?=b)"}}}, "cannot be run by RE2"),
        ({"patternProperties": {"(?<=x)y": {}}}, "cannot be run by RE2"),
        (
            {"patternProperties": {"^x": {}}, "unevaluatedProperties": False},
            "unevaluatedProperties and patternProperties",
        ),
    ],
)
def test_a_pattern_re2_cannot_run_is_a_clear_load_error(
    project: Path, schema: dict, words: str
) -> None:
    (project / "posts" / "re.json").write_text(json.dumps(schema))
    (diagnostic,) = lint(project, "re.json")
    assert diagnostic[2] == "PL006" and words in diagnostic[3]
