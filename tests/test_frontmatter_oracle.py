"""python-frontmatter as the reference: same values on real posts, and louder on its traps.

postlint splits and reads front matter itself, because it needs a position for every key and
value and python-frontmatter keeps none (and is silent on the traps below). Where
python-frontmatter reads a post correctly, postlint must read the same values.
"""

from __future__ import annotations

import datetime
from typing import Any

import frontmatter
import pytest
import yaml

from conftest import CORPUS, REAL_POSTS
from postlint.core.config import Config
from postlint.core.document import Document
from postlint.core.engine import Linter
from postlint.core.frontmatter import Kind
from postlint.core.source import SourceFile


def same(ours: Any, theirs: Any) -> bool:
    """Equal values; a YAML date is kept by postlint as the text the author wrote."""
    if isinstance(theirs, datetime.date):
        return isinstance(ours, str) and yaml.safe_load(ours) == theirs
    if isinstance(theirs, dict):
        return (
            isinstance(ours, dict)
            and ours.keys() == theirs.keys()
            and all(same(ours[k], theirs[k]) for k in theirs)
        )
    if isinstance(theirs, list):
        return (
            isinstance(ours, list)
            and len(ours) == len(theirs)
            and all(same(a, b) for a, b in zip(ours, theirs, strict=True))
        )
    return type(ours) is type(theirs) and ours == theirs


def test_every_yaml_post_of_the_corpus_reads_as_python_frontmatter_reads_it() -> None:
    compared = 0
    for path in sorted(p for p in REAL_POSTS.rglob("*") if p.suffix in (".md", ".markdown")):
        source = SourceFile.from_bytes(str(path), path.read_bytes())
        doc = Document(source)
        if doc.front_matter is None or doc.front_matter.block.kind is not Kind.YAML:
            continue
        expected = frontmatter.loads(source.text).metadata
        assert same(doc.data, expected), path
        compared += 1
    assert compared > (500 if REAL_POSTS == CORPUS else 20)  # the corpus, or the sample


@pytest.mark.parametrize(
    ("text", "code", "silent"),
    [
        ("---\ntitle: x\n\nText with no closing fence.\n", "FM003", True),  # "no metadata"
        ("\ufeff---\ntitle: ''\n---\nText.\n", "FM001", True),  # a BOM hides the front matter
        ("---\n- a\n- b\n---\nText.\n", "FM004", True),  # a list comes back as empty metadata
        ("---\ntitle: a\ntitle: b\n---\nText.\n", "FM006", False),  # the last one wins, silently
        ("+++\ntitle = ''\n+++\nText.\n", "FM001", False),  # TOML only with a TOML library
    ],
)
def test_where_python_frontmatter_is_silent_postlint_reports(
    text: str, code: str, silent: bool
) -> None:
    if silent:
        assert frontmatter.loads(text).metadata == {}
    found = Linter(Config(select=("FM",))).lint_bytes("post.md", text.encode()).diagnostics
    assert code in {d.code for d in found}


def test_text_that_still_starts_with_a_byte_order_mark_has_its_front_matter_read() -> None:
    text = "\ufeff---\ntitle: ''\n---\nText.\n"  # as read_text() gives it
    found = Linter(Config(select=("FM",))).lint_text(text, "post.md").diagnostics
    assert [(d.start, d.start_pos.line, d.code) for d in found] == [(12, 2, "FM001")]
