"""The string readings of paths on the site layer's hot path give pathlib's answers."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest

from postlint.core.schema_choice import relative_posix
from postlint.rules.frontmatter.image_not_found import _look_up
from postlint.site.generator import _parent_folder

PATHS = [
    "",
    ".",
    "..",
    "a.md",
    "./a.md",
    "a//b/./c.md",
    "a/b/",
    "x/../a.md",
    "a/..",
    "/",
    "/a",
    "//a/b",
    "///a/b",
    "/tmp/../tmp/a.md",
    "a\\b.md",
]


def _pathlib_relative(path: str, root: Path) -> str:
    try:
        return PurePosixPath(Path(path).absolute().relative_to(root.absolute())).as_posix()
    except ValueError:
        return PurePosixPath(path.replace("\\", "/")).as_posix()


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("root", [".", "/", "..", "x", "/tmp/x/.."])
def test_relative_posix_reads_paths_as_pathlib(path: str, root: str) -> None:
    assert relative_posix(path, Path(root)) == _pathlib_relative(path, Path(root))


@pytest.mark.parametrize("path", PATHS)
def test_parent_folder_is_pathlibs_parent(path: str) -> None:
    assert _parent_folder(path) == os.path.abspath(Path(path).parent)


def test_a_linked_image_is_followed_inside_the_project(tmp_path: Path) -> None:
    """The last name a link: the walk is made again from the top, and stays inside."""
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "real.png").write_bytes(b"")
    os.symlink("real.png", tmp_path / "img" / "alias.png")
    os.symlink(tmp_path.parent, tmp_path / "img" / "out.png")
    post = tmp_path / "post.md"
    found, seen = _look_up("/img/alias.png", post, tmp_path)
    assert found is None
    assert seen == (str(tmp_path / "img" / "real.png"), str(tmp_path / "img"))
    found, seen = _look_up("/img/out.png", post, tmp_path)
    assert seen is None and found is not None and "link out of the project" in found
