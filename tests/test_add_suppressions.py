"""--add-suppressions' edits, on real lint results: the comment form of each place, and no
edit where a comment would change what the file means (a YAML block scalar, JSON)."""

from __future__ import annotations

from dataclasses import replace

from postlint import Config
from postlint.application.add_suppressions import add_suppressions
from postlint.core.engine import Linter
from postlint.core.source import Position, SourceFile


def suppressed(text: str, select: tuple[str, ...]) -> tuple[str, int, int, list[str]]:
    """The new text, findings covered and left, and what a second run still reports."""
    linter = Linter(Config(select=select))
    source = SourceFile.from_bytes("p.md", text.encode())
    outcome = add_suppressions(source, linter.lint_text(text, path="p.md").diagnostics)
    again = linter.lint_text(outcome.text, path="p.md").diagnostics
    return (
        outcome.text,
        outcome.added,
        outcome.left,
        [f"{d.code}:{d.start_pos.line}" for d in again],
    )


def test_a_block_scalar_line_gets_no_comment_the_body_does() -> None:
    text = "---\ntitle: x\nexcerpt: |\n  It was the the end.\n---\n\nIt was the the end.\n"
    source = SourceFile.from_bytes("p.md", text.encode())
    body = Linter(Config(select=("PR108",))).lint_text(text, path="p.md").diagnostics
    (found,) = body
    start = text.index("the the")  # as a rule reading the excerpt would report it
    in_scalar = replace(
        found, start=start, end=start + 7, start_pos=Position(4, 10), end_pos=Position(4, 17)
    )
    outcome = add_suppressions(source, [in_scalar, found])
    assert (outcome.added, outcome.left) == (1, 1)  # a '#' in the block scalar is its text
    assert outcome.text == (
        "---\ntitle: x\nexcerpt: |\n  It was the the end.\n---\n\n"
        "<!-- postlint-disable PR108 -->\n\nIt was the the end.\n\n<!-- postlint-enable PR108 -->\n"
    )


def test_json_front_matter_has_no_comments_and_crlf_is_kept() -> None:
    text = '{\r\n  "title": "",\r\n  "date": "2025-11-20"\r\n}\r\n\r\nIt was the the end.\r\n'
    new, added, left, again = suppressed(text, ("PR108", "FM001"))
    assert (added, left) == (1, 1) and again == ["FM001:2"]
    assert "\r\n<!-- postlint-disable PR108 -->\r\n\r\nIt was the the end.\r\n\r\n" in new
    assert "\n" not in new.replace("\r\n", "")


def test_existing_front_matter_comment_is_extended_and_a_final_line_without_break() -> None:
    text = "---\ntitle: x\ntags: []  # postlint: disable=PR111\n---\n\nIt was the the end."
    new, added, left, again = suppressed(text, ("PR108", "FM007"))
    assert (added, left, again) == (2, 0, [])
    assert "tags: []  # postlint: disable=PR111,FM007\n" in new
    assert new.endswith("It was the the end.\n\n<!-- postlint-enable PR108 -->")
