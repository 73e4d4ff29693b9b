"""Report paths: links are resolved only for a path that lies outside the root, and the answer
is the one the eager lookup (which resolved every path) gave, links, ``..`` and all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.application.paths import report_path


def _eager(path: str, root: Path, cwd: Path) -> str:
    """The lookup as it was: both candidates worked out before the first was tried."""
    if path == "-":
        return path
    absolute = os.path.normpath(os.path.join(cwd, path))
    for candidate, top in (
        (absolute, str(root)),
        (os.path.realpath(absolute), str(root.resolve())),
    ):
        relative = os.path.relpath(candidate, top)
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return Path(relative).as_posix()
    return absolute


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/{posts,drafts}, a link into site from outside it and one out of it from inside."""
    top = tmp_path_factory.mktemp("paths")
    (top / "site" / "posts").mkdir(parents=True)
    (top / "site" / "drafts").mkdir()
    (top / "elsewhere").mkdir()
    (top / "site" / "posts" / "a.md").write_text("a", encoding="utf-8")
    (top / "into-site").symlink_to(top / "site" / "posts")
    (top / "site" / "out").symlink_to(top / "elsewhere")
    (top / "site-link").symlink_to(top / "site")
    return top


_NAMES = st.sampled_from(
    ["site", "posts", "drafts", "a.md", "b.md", "..", ".", "", "into-site", "out", "site-link"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_NAMES, min_size=1, max_size=6),
    st.booleans(),
    st.sampled_from(["site", "site-link", ".", "site/posts", "elsewhere"]),
    st.sampled_from(["site", ".", "site/drafts", "into-site"]),
)
def test_the_report_path_is_the_eager_lookups(
    tree: Path, names: list[str], absolute: bool, root: str, cwd: str
) -> None:
    path = "/".join(names)
    if absolute:
        path = str(tree) + "/" + path
    root_path, cwd_path = tree / root, tree / cwd
    assert report_path(path, root_path, cwd_path) == _eager(path, root_path, cwd_path)


def test_standard_input_and_a_nul_are_as_they_were(tree: Path) -> None:
    assert report_path("-", tree, tree) == "-"
    with pytest.raises(ValueError):
        _eager("a\0b.md", tree, tree)
    with pytest.raises(ValueError):
        report_path("a\0b.md", tree, tree)
