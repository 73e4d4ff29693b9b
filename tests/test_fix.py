"""Fixing never loses a byte: edits only, atomic writes, idempotent, CRLF/BOM/non-ASCII safe."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEED
from postlint.config import Config
from postlint.diagnostic import Edit
from postlint.engine import Linter
from postlint.fix import OverlappingEdits, apply_edits, fix_source, write_atomic
from postlint.source import SourceFile

LINTER = Linter(Config())  # built once: the property tests lint thousands of posts


def test_apply_edits_rejects_overlaps() -> None:
    assert apply_edits("abcdef", [Edit(4, 5, "E"), Edit(0, 1, "A")]) == "AbcdEf"
    with pytest.raises(OverlappingEdits):
        apply_edits("abcdef", [Edit(0, 3, ""), Edit(2, 4, "")])
    with pytest.raises(OverlappingEdits):
        apply_edits("abc", [Edit(1, 1, "x"), Edit(1, 1, "y")])


def _run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "postlint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=env,
        check=False,
    )


def test_seed_fixed_with_unsafe_fixes(tmp_path: Path) -> None:
    post = tmp_path / SEED.name
    shutil.copy(SEED, post)
    original = SEED.read_bytes()
    result = _run("check", "--fix", "--unsafe-fixes", "--no-cache", post.name, cwd=tmp_path)
    assert result.returncode == 0, result.stdout.decode()
    fixed = post.read_bytes()
    lines = fixed.decode().split("\n")
    assert lines[11] == "Are we any closer to peace in Ukraine?"
    assert not any(line.endswith((" ", "\t")) for line in lines)
    assert fixed.endswith(b'important."\n') and not fixed.endswith(b"\n\n")
    before_fm, after_fm = original.split(b"\n---\n", 1)[0], fixed.split(b"\n---\n", 1)[0]
    assert after_fm == before_fm.replace(b'title: "Big News: ', b'title: "')
    again = _run("check", "--fix", "--unsafe-fixes", "--no-cache", post.name, cwd=tmp_path)
    assert post.read_bytes() == fixed and b"Fixed" not in again.stdout


def test_diff_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    post = tmp_path / "p.md"
    post.write_bytes(b"---\r\ntitle: x\r\n---\r\n\r\nThe the end. \r\n")
    result = _run("check", "--diff", "p.md", cwd=tmp_path)
    assert result.returncode == 1
    assert b"--- a/p.md" in result.stdout and b"+The end.\r\n" in result.stdout
    assert post.read_bytes() == b"---\r\ntitle: x\r\n---\r\n\r\nThe the end. \r\n"
    clean = tmp_path / "c.md"
    clean.write_bytes(b"---\ntitle: x\n---\n\nFine.\n")
    assert _run("check", "--diff", "c.md", cwd=tmp_path).returncode == 0


def test_fix_keeps_bom_crlf_and_permissions(tmp_path: Path) -> None:
    post = tmp_path / "p.md"
    post.write_bytes(
        b"\xef\xbb\xbf---\r\ntitle: caf\xc3\xa9 # note\r\n---\r\n\r\nIt was the the end.\r\n"
    )
    post.chmod(0o640)
    assert _run("check", "--fix", "p.md", cwd=tmp_path).returncode == 0
    assert (
        post.read_bytes()
        == b"\xef\xbb\xbf---\r\ntitle: caf\xc3\xa9 # note\r\n---\r\n\r\nIt was the end.\r\n"
    )
    assert stat.S_IMODE(post.stat().st_mode) == 0o640


def test_fix_from_stdin_writes_the_fixed_post_to_stdout(tmp_path: Path) -> None:
    result = _run(
        "check", "--fix", "-", cwd=tmp_path, stdin=b"---\ntitle: x\n---\n\nIt was the the end."
    )
    assert result.stdout == b"---\ntitle: x\n---\n\nIt was the end.\n"


def test_fix_only_reports_nothing_but_the_count(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_bytes(b"---\ntitle: x\n---\n\nBut the the end.\n")
    result = _run("check", "--fix-only", "--output-format", "concise", "p.md", cwd=tmp_path)
    assert result.returncode == 0 and b"PS001" not in result.stdout and b"Fixed 1" in result.stdout


def test_interrupted_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = tmp_path / "p.md"
    post.write_bytes(b"old contents\n")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(post, b"new contents\n")
    assert post.read_bytes() == b"old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.md"]


def test_read_only_folder_is_reported_not_corrupted(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    post = folder / "p.md"
    post.write_bytes(b"---\ntitle: x\n---\n\nthe the\n")
    folder.chmod(0o500)
    try:
        result = _run("check", "--fix", str(post), cwd=tmp_path)
        assert (
            b"cannot write" in result.stderr
            and post.read_bytes() == b"---\ntitle: x\n---\n\nthe the\n"
        )
    finally:
        folder.chmod(0o700)


def test_write_atomic_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(b"a\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomic(link, b"b\n")
    assert link.is_symlink() and target.read_bytes() == b"b\n"


# --- properties --------------------------------------------------------------------------

words = st.sampled_from(
    ["peace", "talks", "the", "café", "Kyiv", "naïve", "日本", "deal", "It", "Big"]
)
defects = st.sampled_from(
    ["the the", "wasnâ€™t", "isn&#8217;t", "trailing ", "tab\t", "NATO Nato NATO", "a  "]
)


@st.composite
def posts(draw: st.DrawFn) -> tuple[bytes, str]:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.booleans())
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        parts = draw(st.lists(st.one_of(words, defects), min_size=1, max_size=8))
        lines.append(" ".join(parts) + draw(st.sampled_from(["", ".", "?"])))
    title = draw(st.sampled_from(["Plain", "Big News: Talks", "Breaking: x"]))
    text = f'---{newline}title: "{title}"  # keep{newline}---{newline}{newline}'
    text += (newline + newline).join(lines)
    text += draw(st.sampled_from(["", newline, newline * 3]))
    data = text.encode("utf-8")
    return (b"\xef\xbb\xbf" + data if bom else data), newline


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts(), st.booleans())
def test_fixing_changes_only_edited_spans_and_is_idempotent(
    post: tuple[bytes, str], unsafe: bool
) -> None:
    data, newline = post
    source = SourceFile.from_bytes("p.md", data)
    first = LINTER.lint_source(source)
    one_pass = fix_source(LINTER, source, unsafe=unsafe, max_passes=1)
    outcome = fix_source(LINTER, source, unsafe=unsafe)
    fixed_bytes = source.to_bytes(outcome.text)
    assert fixed_bytes.startswith(b"\xef\xbb\xbf") == data.startswith(b"\xef\xbb\xbf")
    # After one pass, the text outside that pass's edits is unchanged, in order.
    edits = sorted(
        (e for d in first.diagnostics if d.fix and (d.fix.safe or unsafe) for e in d.fix.edits),
        key=lambda e: e.start,
    )
    kept, cursor = [], 0
    for edit in edits:  # the fixer skips overlapping edits; so does this reconstruction
        if edit.start >= cursor and (edit.start > cursor or edit.end > edit.start or not kept):
            kept.append(source.text[cursor : edit.start])
            cursor = edit.end
    kept.append(source.text[cursor:])
    position = 0
    for piece in kept:
        found = one_pass.text.find(piece, position)
        assert found != -1, piece
        position = found + len(piece)
    # CRLF files stay CRLF: no lone LF appears.
    if newline == "\r\n":
        assert "\n" not in outcome.text.replace("\r\n", "")
    # Idempotent: fixing the fixed text changes nothing and leaves nothing fixable.
    again = fix_source(LINTER, SourceFile("p.md", outcome.text, source.bom), unsafe=unsafe)
    assert again.text == outcome.text and again.fixed == 0
