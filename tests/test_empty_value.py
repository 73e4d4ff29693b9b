"""FM007: a missing value or an empty required one is reported; an optional key written out
as empty text or null is empty on purpose. Real site folders on disk, the real engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from postlint.core.config import Config
from postlint.core.engine import Linter


def _post(root: Path, text: str) -> Path:
    (root / "hugo.toml").write_text("title = 'site'\n", encoding="utf-8")
    post = root / "content" / "post.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(text, encoding="utf-8")
    return post


def _lint(post: Path, root: Path, **config: object) -> list[tuple[str, int, int, str]]:
    linter = Linter(Config(root=root, select=("FM007",), **config))  # type: ignore[arg-type]
    result = linter.lint_bytes(str(post), post.read_bytes())
    return [(d.code, d.start_pos.line, d.start_pos.column, d.message) for d in result.diagnostics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("image:\n", []),
        ("tags:\n", []),
        ("tags: []\n", [(3, 7, "`tags` is an empty list")]),
        ("tweet: ''\n", []),
        ('image: ""\n', []),
        ("image: ~\n", []),
    ],
)
def test_empty_values_missing_or_written_out(
    tmp_path: Path, text: str, expected: list[tuple[int, int, str]]
) -> None:
    post = _post(tmp_path, f"---\ntitle: x\n{text}---\n\nText.\n")
    found = _lint(post, tmp_path)
    assert [(line, column, message.split(":")[0]) for _, line, column, message in found] == expected


def test_a_required_key_written_out_empty_is_still_reported(tmp_path: Path) -> None:
    post = _post(tmp_path, "---\ntitle: x\nsummary: ''\n---\n\nText.\n")
    own = tmp_path / "own.schema.json"
    own.write_text('{"type": "object", "required": ["summary"]}', encoding="utf-8")
    assert _lint(post, tmp_path, schema=own) == [
        ("FM007", 3, 10, "`summary` is required but empty: fill it in")
    ]


def test_a_required_key_left_bare_says_it_is_required(tmp_path: Path) -> None:
    post = _post(tmp_path, "---\ntitle: x\nimage:\n---\n\nText.\n")
    own = tmp_path / "own.schema.json"
    own.write_text('{"type": "object", "required": ["image"]}', encoding="utf-8")
    assert _lint(post, tmp_path, schema=own) == [
        ("FM007", 3, 1, "`image` is required but has no value: fill it in")
    ]
