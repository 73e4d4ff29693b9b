"""The progress bar: on a terminal's standard error for long runs, never in CI or pipes."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from postlint.interfaces.progress import Progress, wanted


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_wanted_only_for_human_formats_on_a_terminal_outside_ci() -> None:
    terminal, pipe = FakeTerminal(), io.StringIO()
    assert wanted("full", False, terminal, {})
    assert wanted("concise", False, terminal, {"TERM": "xterm"})
    assert not wanted("full", False, pipe, {})
    assert not wanted("full", False, terminal, {"CI": "true"})
    assert not wanted("full", True, terminal, {})
    assert not wanted("full", False, terminal, {"TERM": "dumb"})
    assert not any(wanted(fmt, False, terminal, {}) for fmt in ("json", "sarif", "github"))


def test_bar_appears_after_the_delay_and_is_erased() -> None:
    terminal = FakeTerminal()
    bar = Progress(4, terminal, delay=0.0)
    bar.advance()
    assert "[#######-----------------------] 1/4 files" in terminal.getvalue()
    bar.clear()
    assert terminal.getvalue().endswith("\r\x1b[K")
    quiet = FakeTerminal()
    Progress(4, quiet, delay=3600).advance()
    assert quiet.getvalue() == ""  # a short run never shows a bar


def _run_with_terminal_stderr(folder: Path, env: dict[str, str]) -> tuple[str, str]:
    """Run the CLI with standard error on a pseudo-terminal and standard output on a pipe."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", PROGRAM, str(folder)],
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**os.environ, "NO_COLOR": "1", **env},
    )
    os.close(follower)
    stderr = b""
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closes with the process
            break
        if not data:
            break
        stderr += data
    stdout = process.stdout.read() if process.stdout else b""
    process.wait(timeout=120)
    os.close(leader)
    return stdout.decode(), stderr.decode()


# The CLI with the bar's delay at zero, so a small run shows it.
PROGRAM = (
    "import sys, postlint.interfaces.progress as p; "
    "p.Progress.__init__.__defaults__ = (0.0,); "
    "from postlint.interfaces.cli import main; "
    "sys.argv = ['postlint', 'check', '--no-cache', '--output-format', 'concise', sys.argv[1]]; "
    "main()"
)


def test_cli_draws_the_bar_on_a_terminal_and_keeps_it_out_of_the_report(tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"post{n}.md").write_text(f"---\ntitle: Post {n}\n---\n\nIt was the the end.\n")
    stdout, stderr = _run_with_terminal_stderr(tmp_path, {"CI": ""})
    assert "/5 files" in stderr and stderr.endswith("\r\x1b[K")  # drawn, then erased
    assert "/5 files" not in stdout and stdout.count("PR108") == 5


def test_cli_draws_no_bar_in_ci(tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"post{n}.md").write_text(f"---\ntitle: Post {n}\n---\n\nText.\n")
    _, stderr = _run_with_terminal_stderr(tmp_path, {"CI": "true"})
    assert "/5 files" not in stderr


def test_bar_is_drawn_again_after_output_erased_it() -> None:
    terminal = FakeTerminal()
    bar = Progress(4, terminal, delay=0.0)
    bar.advance()
    bar.clear()
    terminal.write("a.md:1:1: error ...\n")  # a report chunk
    bar.redraw()
    assert terminal.getvalue().endswith(
        "a.md:1:1: error ...\n\r\x1b[K[#######-----------------------] 1/4 files"
    )
    late = FakeTerminal()
    Progress(4, late, delay=3600).redraw()
    assert late.getvalue() == ""  # not before the delay


def test_colour_conventions() -> None:
    from postlint.interfaces.terminal import color_wanted

    assert color_wanted("auto", True, {}) and not color_wanted("auto", False, {})
    assert color_wanted("auto", False, {"FORCE_COLOR": "1"})
    assert color_wanted("auto", False, {"CLICOLOR_FORCE": "1"})
    assert not color_wanted("auto", False, {"FORCE_COLOR": "0"})
    assert not color_wanted("auto", True, {"TERM": "dumb"})
    assert not color_wanted("auto", True, {"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert color_wanted("always", False, {"NO_COLOR": "1"})
    assert not color_wanted("never", True, {"FORCE_COLOR": "1"})


def test_cli_force_color_colours_a_pipe(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\n\nIt was the the end.\n")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    run = subprocess.run(
        [sys.executable, "-m", "postlint", "check", "--no-cache", "--isolated", "a.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**env, "FORCE_COLOR": "1"},
        check=False,
    )
    assert "\x1b[1;31merror\x1b[0m" in run.stdout
