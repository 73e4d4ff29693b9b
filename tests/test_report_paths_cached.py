"""Report paths for a run: each folder resolved once and the file's own name lstatted gives
``os.path.realpath`` exactly (links to files and folders, chains, dangling links, loops), and one
:class:`ReportPaths` used for many paths answers what a fresh lookup per path answered."""

from __future__ import annotations

import itertools
import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.application import paths as paths_module
from postlint.application.paths import ReportPaths, _inside, rebase, rebased
from postlint.core.diagnostic import Diagnostic, FileResult, Fix, Severity
from postlint.core.source import Position

pytestmark = pytest.mark.skipif(os.name != "posix", reason="posix links")


def _fresh(path: str, root: Path, cwd: Path) -> str:
    """The lookup as it was before the per-run cache: realpath and relpath on every call."""
    if path == "-":
        return path
    absolute = os.path.normpath(os.path.join(cwd, path))
    if "\0" in absolute:
        os.path.realpath(absolute)
    relative = _inside(absolute, str(root))
    if relative is None:
        relative = _inside(os.path.realpath(absolute), str(root.resolve()))
    if relative is None:
        return absolute
    return relative if os.sep == "/" else Path(relative).as_posix()


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Files, folders and every kind of link: to a file, to a folder, relative and absolute,
    chained, dangling, looping, through ``..``, and one whose target climbs through a link."""
    top = tmp_path_factory.mktemp("links")
    (top / "site" / "posts" / "deep").mkdir(parents=True)
    (top / "elsewhere" / "sub").mkdir(parents=True)
    for name in ("a.md", "b.md"):
        (top / "site" / "posts" / name).write_text("x", encoding="utf-8")
        (top / "elsewhere" / "sub" / name).write_text("x", encoding="utf-8")
    (top / "site" / "posts" / "deep" / "a.md").write_text("x", encoding="utf-8")
    links = {
        "site/posts/to-a.md": "a.md",  # to a file, relative
        "site/posts/abs-b.md": str(top / "site" / "posts" / "b.md"),  # to a file, absolute
        "site/posts/chain.md": "to-a.md",  # a chain of two
        "site/posts/dangling.md": "missing.md",  # to nothing
        "site/posts/loop1.md": "loop2.md",  # a loop
        "site/posts/loop2.md": "loop1.md",
        "site/posts/self": "self",  # a folder-shaped loop
        "site/out": "../elsewhere",  # to a folder outside site
        "site/out-sub": "out/sub",  # through another link
        "site/up": "..",  # to a parent
        "site/posts/here": ".",  # to its own folder
        "site/gone": "missing/../posts",  # through a part that does not exist
        "site/odd": "posts//deep/../deep///",  # doubled slashes and ..
        "into-site": "site/posts",  # into site from outside it
        "site-link": "site",
        "cycle-a": "cycle-b/x",  # a loop in the folder part
        "cycle-b": "cycle-a/y",
    }
    for name, target in links.items():
        (top / name).symlink_to(target)
    return top


_NAMES = (
        "site", "posts", "deep", "elsewhere", "sub", "a.md", "b.md", "c.md", "to-a.md",
        "abs-b.md", "chain.md", "dangling.md", "loop1.md", "loop2.md", "self", "out", "out-sub",
        "up", "here", "gone", "odd", "into-site", "site-link", "cycle-a", "cycle-b", "..", ".", "",
)  # fmt: skip
_PARTS = st.sampled_from(_NAMES)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.lists(_PARTS, min_size=1, max_size=6), min_size=1, max_size=8))
def test_the_cached_resolution_is_realpath(tree: Path, paths: list[list[str]]) -> None:
    resolver = ReportPaths(tree / "site", tree)
    for parts in paths:  # one resolver, many paths: the cache is shared between them
        absolute = os.path.normpath(os.path.join(tree, *parts))
        assert resolver._resolved(absolute) == os.path.realpath(absolute)


@pytest.mark.parametrize("posix", [True, False])
def test_the_lookup_without_shortcuts_is_the_fresh_one(
    tree: Path, posix: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on Windows: no shortcut taken, the platform's relpath and realpath asked."""
    monkeypatch.setattr(paths_module, "_POSIX", posix)
    for cwd in ("site", "elsewhere/sub", "."):
        resolver = ReportPaths(tree / "site", tree / cwd)
        for parts in itertools.product(_NAMES, repeat=2):
            path = "/".join(parts)
            assert resolver(path) == _fresh(path, tree / "site", tree / cwd), path


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.lists(_PARTS, min_size=1, max_size=6), st.booleans()), max_size=8),
    st.sampled_from(["site", "site-link", ".", "site/posts", "elsewhere", "into-site", "up"]),
    st.sampled_from(["site", ".", "site/posts", "into-site", "elsewhere/sub"]),
)
def test_one_view_answers_what_a_fresh_lookup_did(
    tree: Path, paths: list[tuple[list[str], bool]], root: str, cwd: str
) -> None:
    root_path, cwd_path = tree / root, tree / cwd
    resolver = ReportPaths(root_path, cwd_path)
    for parts, absolute in paths:
        path = "/".join(parts)
        if absolute:
            path = str(tree) + "/" + path
        assert resolver(path) == _fresh(path, root_path, cwd_path)


def test_every_short_path_resolves_as_realpath(tree: Path) -> None:
    """Every path of up to three parts below the tree and below ``site`` (22,000 of them)."""
    resolver = ReportPaths(tree / "site", tree)
    for top in (tree, tree / "site"):
        for parts in itertools.product(_NAMES, repeat=3):
            absolute = os.path.normpath(os.path.join(top, *parts))
            assert resolver._resolved(absolute) == os.path.realpath(absolute), parts


def test_a_relative_root_and_working_folder(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Relative ``root`` and ``cwd`` (the Python API allows them): from the process's folder."""
    monkeypatch.chdir(tree / "site")
    for root, cwd in ((".", "."), (".", "posts"), ("posts", "."), ("..", "out"), ("out", "..")):
        resolver = ReportPaths(Path(root), Path(cwd))
        for parts in itertools.product(_NAMES, repeat=2):
            path = "/".join(parts)
            assert resolver(path) == _fresh(path, Path(root), Path(cwd)), (root, cwd, path)


def test_standard_input_a_nul_and_the_top_folder(tree: Path) -> None:
    resolver = ReportPaths(Path("/"), tree)
    assert resolver("-") == "-"
    assert resolver("/") == _fresh("/", Path("/"), tree) == "."
    assert resolver("//site/a.md") == _fresh("//site/a.md", Path("/"), tree)
    with pytest.raises(ValueError):
        resolver("a\0b.md")


def test_a_folder_that_becomes_a_link_later_is_not_seen_by_a_fresh_resolver(
    tmp_path: Path,
) -> None:
    (tmp_path / "posts").mkdir()
    (tmp_path / "other").mkdir()
    outside = tmp_path / "out"
    outside.mkdir()
    assert ReportPaths(outside, outside)(str(tmp_path / "posts" / "a.md")) == str(
        tmp_path / "posts" / "a.md"
    )
    (tmp_path / "posts").rmdir()
    (tmp_path / "posts").symlink_to("other")
    fresh = ReportPaths(outside, outside)
    assert fresh(str(tmp_path / "posts" / "a.md")) == str(tmp_path / "posts" / "a.md")
    assert fresh._resolved(str(tmp_path / "posts" / "a.md")) == str(tmp_path / "other" / "a.md")


def _diagnostic(path: str, start: int) -> Diagnostic:
    return Diagnostic(
        path=path,
        code="PR100",
        name="some-rule",
        severity=Severity.WARNING,
        message="é – ok",
        start=start,
        end=start + 3,
        start_pos=Position(1, start + 1),
        end_pos=Position(1, start + 4),
        sub_code="x" if start % 2 else None,
        fix=Fix(()) if start % 3 == 0 else None,
        docs_url="https://example.org",
        source_line="a line",
    )


def test_rebase_copies_only_when_a_path_changes(tree: Path) -> None:
    diagnostics = tuple(_diagnostic("posts/a.md", n) for n in range(4))
    result = FileResult("posts/a.md", diagnostics)
    assert rebased(result, "posts/a.md") is result
    moved = rebase(result, tree, tree / "site")
    assert moved == FileResult(
        "site/posts/a.md", tuple(replace(d, path="site/posts/a.md") for d in diagnostics)
    )
    mixed = FileResult("posts/a.md", (*diagnostics, _diagnostic("other.md", 9)))
    assert rebased(mixed, "posts/a.md").diagnostics[-1].path == "posts/a.md"
