"""Fixing never loses a byte: edits only, whole fixes, bounded passes, atomic writes, the CLI.

The generated-post properties live in ``test_fix_properties.py``; here are the exact cases.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import fix_rules
import pytest

from conftest import SEED
from postlint.core.atomic import WriteRefused, write_atomic
from postlint.core.config import Config
from postlint.core.diagnostic import Diagnostic, Edit, Fix, Severity
from postlint.core.engine import Linter
from postlint.core.fix import (
    MAX_PASSES,
    OverlappingEdits,
    apply_edits,
    fix_bytes,
    fix_file,
    fix_source,
    front_matter_change,
    select_fixes,
    unified_diff,
)
from postlint.core.source import Position, SourceFile

AWKWARD = fix_rules.linter(*fix_rules.SETTLING)
LINTER = Linter(Config())


def _fix(text: str, linter: Linter = AWKWARD, unsafe: bool = False) -> str:
    return fix_source(linter, SourceFile("p.md", text), unsafe=unsafe).text


# --- edits and selection -----------------------------------------------------------------


def test_apply_edits_in_any_order_and_rejects_overlaps() -> None:
    assert apply_edits("abcdef", [Edit(4, 5, "E"), Edit(0, 1, "A")]) == "AbcdEf"
    assert apply_edits("abc", [Edit(1, 1, "x"), Edit(1, 2, "")]) == "axc"  # insert, then delete
    assert apply_edits("abc", [Edit(0, 1, ""), Edit(1, 2, "")]) == "c"  # adjacent: fine
    with pytest.raises(OverlappingEdits):
        apply_edits("abcdef", [Edit(0, 3, ""), Edit(2, 4, "")])
    with pytest.raises(OverlappingEdits):
        apply_edits("abc", [Edit(1, 1, "x"), Edit(1, 1, "y")])  # which goes first is a guess
    with pytest.raises(ValueError, match="outside"):
        apply_edits("abc", [Edit(2, 9, "")])


def _diagnostic(start: int, end: int, fix: Fix, code: str = "T900") -> Diagnostic:
    pos = Position(1, start + 1)
    return Diagnostic("p.md", code, "t", Severity.WARNING, "m", start, end, pos, pos, fix=fix)


def test_select_fixes_takes_whole_fixes_that_do_not_overlap_in_file_order() -> None:
    first = Fix((Edit(0, 2, "a"),))
    both = Fix((Edit(5, 6, "x"), Edit(1, 2, "y")))  # one edit overlaps `first`: all or nothing
    later = Fix((Edit(8, 9, "z"),))
    unsafe = Fix((Edit(10, 11, ""),), safe=False)
    diagnostics = [_diagnostic(8, 9, later), _diagnostic(5, 6, both), _diagnostic(0, 2, first)]
    diagnostics.append(_diagnostic(10, 11, unsafe))
    assert select_fixes(diagnostics, unsafe=False) == [first, later]
    assert select_fixes(diagnostics, unsafe=True) == [first, later, unsafe]
    broken = Fix((Edit(0, 99, ""),))
    assert select_fixes([_diagnostic(0, 1, broken)], unsafe=False, length=20) == []


def test_overlapping_fixes_are_applied_over_several_passes() -> None:
    outcome = fix_source(AWKWARD, SourceFile("p.md", "---\ntitle: x\n---\n\nA     b.\n"))
    assert outcome.text == "---\ntitle: x\n---\n\nA b.\n"
    assert len(outcome.passes) == 3 and outcome.settled  # 5 blanks -> 3 -> 2 -> 1
    assert [p.fixed for p in outcome.passes] == [2, 1, 1]
    assert outcome.result.fixed == outcome.fixed == 4 and outcome.result.fixed_text == outcome.text


def test_a_fix_of_two_edits_is_applied_whole() -> None:
    assert _fix('---\ntitle: x\n---\n\nHe said "yes  now".\n') == (
        "---\ntitle: x\n---\n\nHe said \u201cyes now\u201d.\n"
    )


def test_two_insertions_at_one_point_go_in_separate_passes() -> None:
    outcome = fix_source(AWKWARD, SourceFile("p.md", "---\ntitle: x\n---\n\n\u201cunclosed\n"))
    assert outcome.text == "---\ntitle: x\n---\n\n\u201cunclosed\u201d\n"
    assert outcome.settled


def test_unsafe_fixes_need_opting_in() -> None:
    text = "---\ntitle: x\n---\n\nA very big deal.\n"
    assert _fix(text) == text
    assert _fix(text, unsafe=True) == "---\ntitle: x\n---\n\nA big deal.\n"


def test_fixes_that_undo_each_other_stop_and_say_so() -> None:
    linter = fix_rules.linter(fix_rules.UNSETTLING[0])
    outcome = fix_source(linter, SourceFile("p.md", "---\ntitle: x\n---\n\nping\n"))
    # left as the round began: a second run would begin the same round
    assert outcome.text == "---\ntitle: x\n---\n\nping\n" and not outcome.settled
    notes = [d.message for d in outcome.remaining if d.code == "PL009"]
    assert any("T907" in note and "undo each other" in note for note in notes)
    assert any("T907" in note and "back and forth" in note for note in notes)  # the refusal
    again = fix_source(linter, SourceFile("p.md", outcome.text))  # a second run stops there too
    assert again.text == outcome.text and again.fixed == 0


def test_fixes_that_never_settle_stop_after_the_last_pass() -> None:
    linter = fix_rules.linter(fix_rules.UNSETTLING[1])
    outcome = fix_source(linter, SourceFile("p.md", "---\ntitle: x\n---\n\nwow\n"))
    assert outcome.text == "---\ntitle: x\n---\n\nwow" + "!" * MAX_PASSES + "\n"
    assert len(outcome.passes) == MAX_PASSES and not outcome.settled
    [note] = [d for d in outcome.remaining if d.code == "PL009"]
    assert note.severity is Severity.WARNING and f"after {MAX_PASSES} passes" in note.message


def test_a_rule_with_broken_edits_changes_nothing_and_crashes_nothing() -> None:
    linter = fix_rules.linter(fix_rules.UNSETTLING[2])
    text = "---\ntitle: x\n---\n\nBROKEN\n"
    outcome = fix_source(linter, SourceFile("p.md", text))
    assert outcome.text == text and outcome.fixed == 0 and outcome.settled


# --- front matter --------------------------------------------------------------------------


def test_front_matter_fix_that_yaml_would_misread_is_refused_with_pl009() -> None:
    text = '---\ntitle: Peace (hash) talks   # ok\nexcerpt: "a (hash) b"\n---\n\nBody.\n'
    outcome = fix_source(AWKWARD, SourceFile("p.md", text))
    # Quoted: the '#' is text. Plain: YAML would cut the title at ' #', so that fix is refused.
    assert outcome.text == text.replace('"a (hash) b"', '"a  # b"')
    [refused] = [d for d in outcome.remaining if d.code == "T906"]
    assert refused.fix is None and refused.start_pos.line == 2
    [note] = [d for d in outcome.remaining if d.code == "PL009"]
    assert note.start_pos == refused.start_pos and note.severity is Severity.WARNING
    assert "YAML would read title as 'Peace'" in note.message
    again = fix_source(AWKWARD, SourceFile("p.md", outcome.text))
    assert again.text == outcome.text and again.fixed == 0


@pytest.mark.parametrize(
    ("old", "edits", "reason"),
    [
        ("---\na: 1\n---\nx\n", [Edit(9, 13, "")], "starts or ends"),  # the closing fence
        ("---\na: 1\n---\nx\n", [Edit(4, 8, "a: [1")], "syntax"),
        ("---\na: 1\n---\nx\n", [Edit(8, 8, "\nb: 2")], "add or remove front-matter keys"),
        ("---\na: x\n---\nx\n", [Edit(7, 8, "12")], "YAML would read a as 12, not '12'"),
        ("---\na: x\nb: y\n---\nx\n", [Edit(12, 13, "x\na: z")], "duplicate-key"),
        ("\n---\na: 1\n---\nx\n", [Edit(0, 1, "")], "into front matter"),
    ],
)
def test_front_matter_guard_reasons(old: str, edits: list[Edit], reason: str) -> None:
    change = front_matter_change(old, apply_edits(old, edits), edits)
    assert change is not None and reason in change


def test_front_matter_guard_accepts_edits_that_only_change_their_text() -> None:
    old = '---\ntitle: "Big News: x" # c\r\ntags: [a, b]  \r\n---\r\n'
    label, blanks = old.index("Big News: "), old.index("]  ") + 1
    edits = [Edit(label, label + 10, ""), Edit(blanks, blanks + 2, "")]
    assert front_matter_change(old, apply_edits(old, edits), edits) is None


def test_real_title_fix_keeps_yaml_formatting_comments_bom_and_crlf() -> None:
    original = (
        "\ufeff---\r\n# keep me\r\ntitle:   'Big News: café &amp; more'   # trailing\r\n"
        "excerpt: >-\r\n  folded\r\n  text\r\ndate: 2025-11-26T15:29:13\r\n---\r\n\r\nBody.\r\n"
    ).encode()
    fixed = fix_bytes(LINTER, "p.md", original, unsafe=True)
    assert fixed.data == original.replace(b"Big News: ", b"").replace(b"&amp;", b"&")


# --- atomic writes -------------------------------------------------------------------------


def test_failure_before_the_rename_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    post = tmp_path / "p.md"
    post.write_bytes(b"old contents\n")
    seen: list[Path] = []

    def fail(tmp: Path) -> None:
        seen.append(tmp)
        assert tmp.read_bytes() == b"new contents\n"  # fully written, not yet in place
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomic(post, b"new contents\n", before_replace=fail)
    assert seen and post.read_bytes() == b"old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.md"]


def test_fix_file_reports_a_failed_write_as_pl009_and_keeps_the_file(tmp_path: Path) -> None:
    post = tmp_path / "p.md"
    original = b"---\ntitle: x\n---\n\nIt was the the end.\n"
    post.write_bytes(original)

    def fail(tmp: Path) -> None:
        raise OSError(28, "No space left on device")

    outcome = fix_file(LINTER, post, "p.md", unsafe=False, write=True, before_replace=fail)
    assert post.read_bytes() == original
    codes = [d.code for d in outcome.result.diagnostics]
    assert "PR108" in codes and "PL009" in codes and outcome.result.fixed == 0
    [note] = [d for d in outcome.result.diagnostics if d.code == "PL009"]
    assert note.severity is Severity.ERROR and "No space left on device" in note.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.md"]


def test_a_file_changed_while_fixing_is_not_overwritten(tmp_path: Path) -> None:
    post = tmp_path / "p.md"
    post.write_bytes(b"---\ntitle: x\n---\n\nthe the\n")

    def editor_saves(tmp: Path) -> None:
        post.write_bytes(b"---\ntitle: x\n---\n\nthe author's new text\n")

    outcome = fix_file(LINTER, post, "p.md", unsafe=False, write=True, before_replace=editor_saves)
    assert post.read_bytes() == b"---\ntitle: x\n---\n\nthe author's new text\n"
    assert any("changed on disk" in d.message for d in outcome.result.diagnostics)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.md"]


def test_symlink_keeps_the_link_and_writes_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    target = real / "post.md"
    target.write_bytes(b"a\n")
    target.chmod(0o604)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert write_atomic(link, b"b\n") == target.resolve()
    assert link.is_symlink() and target.read_bytes() == b"b\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert sorted(p.name for p in real.iterdir()) == ["post.md"]


def test_hard_linked_file_is_refused(tmp_path: Path) -> None:
    post = tmp_path / "p.md"
    post.write_bytes(b"a\n")
    os.link(post, tmp_path / "twin.md")
    with pytest.raises(WriteRefused, match="hard links"):
        write_atomic(post, b"b\n")
    assert post.read_bytes() == (tmp_path / "twin.md").read_bytes() == b"a\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can hand a file to another user")
def test_owner_and_group_are_kept(tmp_path: Path) -> None:
    post = tmp_path / "p.md"
    post.write_bytes(b"a\n")
    os.chown(post, 65534, 65534)
    write_atomic(post, b"b\n")
    assert (post.stat().st_uid, post.stat().st_gid) == (65534, 65534)


# Root ignores file permissions through CAP_DAC_OVERRIDE; without it, it is held to them.
_UNPRIVILEGED = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]
_UNPRIVILEGED += ["--inh-caps", "-dac_override,-dac_read_search,-fowner"]


def _run_held_to_permissions(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    prefix = _UNPRIVILEGED if os.geteuid() == 0 else []
    if prefix and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    command = [*prefix, sys.executable, "-m", "postlint", "check", "--no-cache", *args]
    env = {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=cwd, capture_output=True, env=env, timeout=300, check=False)


def test_read_only_file_and_folder_are_reported_not_corrupted(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    post = folder / "p.md"
    original = b"---\ntitle: x\n---\n\nthe the\n"
    post.write_bytes(original)
    post.chmod(0o444)
    result = _run_held_to_permissions("--fix", "ro/p.md", cwd=tmp_path)
    assert b"ro/p.md:1:1: error PL009 cannot write the fixed file: it is read-only" in result.stdout
    assert result.returncode == 1 and post.read_bytes() == original
    post.chmod(0o644)
    folder.chmod(0o500)
    try:
        result = _run_held_to_permissions("--fix", "ro/p.md", cwd=tmp_path)
        assert b"PL009 cannot write the fixed file: Permission denied" in result.stdout
        assert result.returncode == 1 and post.read_bytes() == original
        assert sorted(p.name for p in folder.iterdir()) == ["p.md"]
    finally:
        folder.chmod(0o700)


def _limit_file_size(limit: int) -> None:
    """In the child: writes past ``limit`` bytes fail with EFBIG (a real mid-write failure)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_write_failing_midway_leaves_each_file_fully_old_or_fully_new(tmp_path: Path) -> None:
    small = b"---\ntitle: x\n---\n\nIt was the the end.\n"
    big = b"---\ntitle: y\n---\n\n" + b"Peace talks went on. \n\n" * 2000  # ~46 kB, all fixable
    (tmp_path / "a.md").write_bytes(small)
    (tmp_path / "b.md").write_bytes(big)
    result = subprocess.run(
        [sys.executable, "-m", "postlint", "check", "--fix", "--no-cache", "a.md", "b.md"],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=lambda: _limit_file_size(16 * 1024),
        timeout=300,
        check=False,
    )
    report = result.stdout.decode()
    assert (tmp_path / "a.md").read_bytes() == small.replace(b"the the", b"the")  # fully new
    assert (tmp_path / "b.md").read_bytes() == big  # fully old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]  # no temp file
    assert "b.md:1:1: error PL009 cannot write the fixed file: File too large" in report
    assert result.returncode == 1


# --- the command line ----------------------------------------------------------------------


def test_seed_fixed_with_unsafe_fixes(tmp_path: Path, run_cli) -> None:
    post = tmp_path / SEED.name
    shutil.copyfile(SEED, post)  # the shared seed is read-only; the copy is ours to fix
    original = SEED.read_bytes()
    result = run_cli("check", "--fix", "--unsafe-fixes", "--no-cache", post.name, cwd=tmp_path)
    assert result.returncode == 0, result.stdout.decode()
    fixed = post.read_bytes()
    lines = fixed.decode().split("\n")
    assert lines[11] == "Are we any closer to peace in Ukraine?"
    assert not any(line.endswith((" ", "\t")) for line in lines)
    assert fixed.endswith(b'important."\n') and not fixed.endswith(b"\n\n")
    before_fm, after_fm = original.split(b"\n---\n", 1)[0], fixed.split(b"\n---\n", 1)[0]
    assert after_fm == before_fm.replace(b'title: "Big News: ', b'title: "', 1)
    assert before_fm != after_fm
    assert b"Fixed 7 problems." in result.stdout
    again = run_cli("check", "--fix", "--unsafe-fixes", "--no-cache", post.name, cwd=tmp_path)
    assert post.read_bytes() == fixed and b"Fixed" not in again.stdout


def test_fix_without_unsafe_says_what_unsafe_fixes_remain(tmp_path: Path, run_cli) -> None:
    shutil.copyfile(SEED, tmp_path / "seed.md")
    result = run_cli("check", "--fix", "--no-cache", "--output-format", "concise", "seed.md")
    out = result.stdout.decode()
    assert "Fixed 5 problems." in out and "2 fixable with `--unsafe-fixes`." in out
    assert result.returncode == 1  # the spliced lede (an error) is still there


def test_remaining_diagnostics_have_positions_in_the_fixed_text(tmp_path: Path, run_cli) -> None:
    (tmp_path / "p.md").write_bytes(
        b"---\ntitle: x\n---\n\nIt was the the end of a very unique day.\n"
    )
    result = run_cli("check", "--fix", "--no-cache", "--output-format", "json", "p.md")
    report = json.loads(result.stdout)
    [unique] = [d for d in report["diagnostics"] if d["sub_code"] == "uncomparables"]
    fixed = (tmp_path / "p.md").read_text()
    assert fixed[unique["start"]["offset"] :].startswith("very unique")
    assert unique["start"]["line"] == 5 and unique["start"]["column"] == 21
    assert report["summary"]["fixed"] == 1


def test_diff_writes_nothing_keeps_crlf_and_applies_with_git(tmp_path: Path, run_cli) -> None:
    original = b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n\r\nThe the end. \r\nLast\xe2\x80\xa8line"
    (tmp_path / "p.md").write_bytes(original)
    result = run_cli("check", "--diff", "p.md")
    assert result.returncode == 1 and b"Would fix 3 problems." in result.stderr
    assert b"--- a/p.md\n+++ b/p.md\n" in result.stdout
    assert result.stdout.endswith(
        b"-The the end. \r\n-Last\xe2\x80\xa8line\n\\ No newline at end of file\n"
        b"+The end.\r\n+Last\xe2\x80\xa8line\r\n"
    )
    assert (tmp_path / "p.md").read_bytes() == original
    (tmp_path / "fix.patch").write_bytes(result.stdout)
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, check=True)
    applied = (tmp_path / "p.md").read_bytes()
    (tmp_path / "p.md").write_bytes(original)
    assert run_cli("check", "--fix", "p.md").returncode == 0
    assert applied == (tmp_path / "p.md").read_bytes()
    assert run_cli("check", "--diff", "p.md").returncode == 0  # nothing left to change


def test_unified_diff_marks_a_missing_final_newline() -> None:
    assert unified_diff("p.md", "a\nb", "a\nb\n").endswith("-b\n\\ No newline at end of file\n+b\n")


def test_fix_keeps_bom_crlf_comments_and_permissions(tmp_path: Path, run_cli) -> None:
    post = tmp_path / "p.md"
    post.write_bytes(
        b"\xef\xbb\xbf---\r\ntitle: caf\xc3\xa9 # note\r\n---\r\n\r\nIt was the the end.\r\n"
    )
    post.chmod(0o640)
    assert run_cli("check", "--fix", "p.md").returncode == 0
    assert post.read_bytes() == (
        b"\xef\xbb\xbf---\r\ntitle: caf\xc3\xa9 # note\r\n---\r\n\r\nIt was the end.\r\n"
    )
    assert stat.S_IMODE(post.stat().st_mode) == 0o640


def test_fix_from_stdin_writes_the_post_to_stdout_and_the_report_to_stderr(run_cli) -> None:
    post = b"---\ntitle: x\n---\n\nIt was the the end."
    result = run_cli("check", "--fix", "-", input=post)
    assert result.stdout == b"---\ntitle: x\n---\n\nIt was the end.\n"
    assert b"Fixed 2 problems." in result.stderr
    diff = run_cli("check", "--diff", "-", input=post)
    assert diff.returncode == 1 and diff.stdout.startswith(b"--- a/-\n+++ b/-\n")


@pytest.mark.parametrize("data", [b"x\x00y", b"---\ntitle: x\n---\n\nthe the\xff\n"])
def test_stdin_that_cannot_be_fixed_comes_back_unchanged(data: bytes, run_cli) -> None:
    result = run_cli("check", "--fix", "-", input=data)
    assert result.stdout == data and result.returncode == 1
    assert b"PL00" in result.stderr


def test_fix_only_reports_the_count_and_failures_only(tmp_path: Path, run_cli) -> None:
    (tmp_path / "p.md").write_bytes(b"---\ntitle: x\n---\n\nBut the the end.\n")
    result = run_cli("check", "--fix-only", "--output-format", "concise", "p.md")
    assert result.returncode == 0 and b"PS001" not in result.stdout
    assert b"Fixed 1 problem." in result.stdout
    (tmp_path / "q.md").write_bytes(b"\xff\xfe")
    result = run_cli("check", "--fix-only", "--output-format", "concise", "q.md")
    assert result.returncode == 1 and b"PL003" in result.stdout


def test_a_file_without_write_permission_is_refused_even_for_root(tmp_path: Path) -> None:
    from postlint.core.atomic import WriteRefused, write_atomic

    post = tmp_path / "p.md"
    post.write_bytes(b"old")
    post.chmod(0o444)
    with pytest.raises(WriteRefused, match="read-only"):
        write_atomic(post, b"new")
    assert post.read_bytes() == b"old" and os.listdir(tmp_path) == ["p.md"]


def test_fixes_that_each_unbalance_a_quotation_are_applied_together_and_once() -> None:
    """Each half of a quotation's mojibake, fixed alone, leaves the quotation open (PR107);
    together they close it. Found by hypothesis: the second --fix used to apply them."""
    data = (
        b'---\ntitle: "A post"\n---\n\norganise organize organize\n\n'
        b"organise organize organize\n\n\xc3\xa2\xe2\x82\xac\xc5\x93quoted\xc3\xa2\xe2\x82\xac\xc2\x9d"
    )
    linter = Linter(Config())
    once = fix_source(linter, SourceFile.from_bytes("p.md", data)).text
    assert once.endswith("\n\n\u201cquoted\u201d\n")
    again = fix_source(linter, SourceFile("p.md", once)).text
    assert again == once
