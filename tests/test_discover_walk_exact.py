"""The walk works out each folder's root-relative path, display path and git-relative path
once and extends them by each entry's name: the candidates are the ones the walk that parsed
every path again found, for folders named every way (``.``, ``..``, absolute, through a link),
roots and working folders inside, outside and equal to walked folders, links of every kind."""

from __future__ import annotations

import fnmatch
import os
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.application import files as files_module
from postlint.application.files import Candidate, _not_regular, discover_files, in_report_order
from postlint.core.patterns import matches, relative_to

pytestmark = pytest.mark.skipif(os.name != "posix", reason="posix links")


def _display_path(path: Path, cwd: Path) -> str:
    try:
        return path.absolute().relative_to(cwd).as_posix()
    except ValueError:
        return str(path)


def _old_excluded(path: Path, root: Path, patterns: Sequence[str], folder: bool) -> bool:
    relative = relative_to(path, root) or path.name
    return bool(patterns) and matches(relative, patterns, folder=folder)


def _old_walk(
    given: Path, include: Sequence[str], exclude: Sequence[str], root: Path
) -> Iterator[Path]:
    for folder, dirs, files in os.walk(given, onerror=None):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not _old_excluded(Path(folder, d), root, exclude, True)
        )
        yield from (Path(folder) / d for d in dirs if os.path.islink(os.path.join(folder, d)))
        for name in sorted(files):
            if not any(fnmatch.fnmatch(name, p) for p in include):
                continue
            if _old_excluded(Path(folder, name), root, exclude, False):
                continue
            yield Path(folder) / name


def _old_git_ignored(paths: list[Path], folder: Path) -> set[Path]:
    if not paths:
        return set()
    relative = [os.path.relpath(p, folder) for p in paths]
    result = subprocess.run(
        ["git", "check-ignore", "-z", "--stdin"],
        input=b"\0".join(os.fsencode(p) for p in relative),
        capture_output=True,
        cwd=folder,
        timeout=60,
        check=False,
    )
    if result.returncode not in (0, 1):
        return set()
    ignored = {os.fsdecode(p) for p in result.stdout.split(b"\0") if p}
    return {p for p, rel in zip(paths, relative, strict=True) if rel in ignored}


def _old_walk_candidates(
    given: Path, include: Sequence[str], exclude: Sequence[str], root: Path, cwd: Path
) -> Iterator[Candidate]:
    top = given.resolve()
    found = list(_old_walk(given, include, exclude, root))
    ignored = _old_git_ignored(found, given)
    for path in found:
        if path in ignored:
            continue
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                yield Candidate(path, _display_path(path, cwd), "broken or looping symbolic link")
                continue
            if not target.is_relative_to(top):
                yield Candidate(
                    path,
                    _display_path(path, cwd),
                    "symbolic link points outside the folder being checked; not followed",
                )
                continue
            if path.parent.resolve().is_relative_to(target):
                yield Candidate(
                    path,
                    _display_path(path, cwd),
                    "symbolic link loops back to a folder that holds it; not followed",
                )
                continue
            if target.is_dir():
                continue
        yield Candidate(path, _display_path(path, cwd), _not_regular(path))


def _old_discover(
    paths: Sequence[Path], include: Sequence[str], exclude: Sequence[str], root: Path
) -> list[Candidate]:
    cwd = Path.cwd().absolute()
    root = root.absolute()
    found: list[Candidate] = []
    for target in paths:
        if target.is_dir():
            found.extend(_old_walk_candidates(target, include, exclude, root, cwd))
        elif target.exists() or target.is_symlink():
            found.append(Candidate(target, _display_path(target, cwd), _not_regular(target)))
        else:
            found.append(Candidate(target, _display_path(target, cwd), "no such file or folder"))
    return found


def _as_values(found: list[Candidate]) -> list[tuple[str, tuple[str, ...], str, str | None]]:
    return [(str(c.path), c.path.parts, c.display, c.problem) for c in found]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """blog/ (a git work tree with a .gitignore) holding posts, drafts, a folder named like
    the blog, non-ASCII names, hidden folders, and links to files, folders and nowhere."""
    top = tmp_path_factory.mktemp("walk")
    blog = top / "blog"
    for folder in (
        "posts/2024",
        "posts/blog",
        "drafts/old",
        "node_modules/pkg",
        ".hidden",
        "café/été",
        "blog/blog",
        "out/walk",
    ):
        (blog / folder).mkdir(parents=True, exist_ok=True)
    (top / "elsewhere").mkdir()
    names = ("a.md", "b.markdown", "c.txt", "blog", "walk", "é.md", "ignored.md", ".dot.md")
    for folder in ("", "posts", "posts/2024", "posts/blog", "drafts", "drafts/old", "café/été"):
        for name in names:
            if not (blog / folder / name).exists():
                (blog / folder / name).write_text("x", encoding="utf-8")
    (blog / "node_modules" / "pkg" / "readme.md").write_text("x", encoding="utf-8")
    (blog / ".hidden" / "h.md").write_text("x", encoding="utf-8")
    (blog / "blog" / "blog" / "blog.md").write_text("x", encoding="utf-8")
    (top / "elsewhere" / "e.md").write_text("x", encoding="utf-8")
    (blog / "posts" / "link.md").symlink_to("a.md")
    (blog / "posts" / "dangling.md").symlink_to("missing.md")
    (blog / "posts" / "loop.md").symlink_to("loop.md")
    (blog / "posts" / "outside.md").symlink_to(top / "elsewhere" / "e.md")
    (blog / "posts" / "up").symlink_to("..")
    (blog / "posts" / "sibling").symlink_to("../drafts")
    (blog / "posts" / "away").symlink_to(top / "elsewhere")
    (blog / "linked-posts").symlink_to("posts")
    (top / "blog-link").symlink_to("blog")
    (blog / ".gitignore").write_text("ignored.md\ndrafts/old/\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=blog, check=True)
    return top


_GIVEN = st.sampled_from(
    [".", "blog", "blog/", "blog/posts", "blog/./posts", "blog/posts/..", "blog-link", "..",
     "../walk0/blog", "blog/café", "blog/blog", "blog/linked-posts", "{top}/blog",
     "{top}/blog/posts/../drafts", "{top}/blog-link/posts", "blog/out", "blog/posts/up"]
)  # fmt: skip
_PLACES = st.sampled_from(
    ["", "blog", "blog/posts", "blog/blog", "blog/blog/blog", "blog/posts/blog", "elsewhere",
     "blog-link", "blog/out/walk", "blog/café"]
)  # fmt: skip
_EXCLUDES = st.sampled_from(
    [(), ("node_modules", "_site", "vendor", ".git", ".postlint_cache"), ("drafts",),
     ("posts/*.md",), ("/blog",), ("blog/",), ("**/2024/**",), ("*.md", "!a.md"),
     ("été",), ("walk",), ("/posts", "café/"), ("blog.md", "/b.markdown")]
)  # fmt: skip


@settings(max_examples=120, deadline=None)
@given(
    st.lists(_GIVEN, min_size=1, max_size=3),
    _PLACES,
    _PLACES,
    _EXCLUDES,
    st.sampled_from([("*.md", "*.markdown"), ("*",), ("b*",)]),
)
def test_the_walk_finds_what_it_found(
    tree: Path,
    targets: list[str],
    cwd: str,
    root: str,
    exclude: tuple[str, ...],
    include: tuple[str, ...],
) -> None:
    here = os.getcwd()
    os.chdir(tree / cwd)
    try:
        paths = [Path(t.replace("{top}", str(tree)).replace("walk0", tree.name)) for t in targets]
        root_path = tree / root
        new = list(discover_files(paths, include, exclude, root=root_path))
        old = _old_discover(paths, include, exclude, root_path)
        assert _as_values(new) == _as_values(old)
        assert _as_values(in_report_order(new)) == _as_values(in_report_order(old))
    finally:
        os.chdir(here)


@pytest.mark.parametrize("posix", [True, False])
def test_a_root_named_like_a_walked_folder(
    tree: Path, posix: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walking the root's parent from outside it: the folder that is the root is matched as
    ``.`` (root-relative), not by its name; the same for the working folder's display. (Not
    posix: every entry asked of the helpers, as on Windows.)"""
    monkeypatch.setattr(files_module, "_POSIX", posix)
    here = os.getcwd()
    os.chdir(tree / "blog" / "posts")
    try:
        for root in ("blog/posts", "blog/posts/blog", "blog/blog/blog"):
            for exclude in ((".",), ("blog",), ("posts",), ("/blog",), ("blog/",)):
                paths = [Path(".."), Path("../../blog/blog"), Path(str(tree / "blog"))]
                new = list(discover_files(paths, ("*.md",), exclude, root=tree / root))
                old = _old_discover(paths, ("*.md",), exclude, tree / root)
                assert _as_values(new) == _as_values(old), (root, exclude)
    finally:
        os.chdir(here)
