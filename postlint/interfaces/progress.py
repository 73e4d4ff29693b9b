"""A one-line progress bar on standard error, for long runs watched on a terminal.

It appears only after a run has taken a moment (short runs stay silent), only on a terminal,
never in CI logs (``CI`` set) and never with machine formats. The line is erased before any
report output is written, so it never ends up between two diagnostics, and drawn again right
after it, so on a long run with many findings it stays in view.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TextIO

HUMAN_FORMATS = frozenset({"full", "concise"})
_ERASE = "\r\x1b[K"
_WIDTH = 30


def wanted(fmt: str, quiet: bool, stream: TextIO, env: Mapping[str, str]) -> bool:
    """Show progress for human formats on an interactive terminal outside CI."""
    return (
        fmt in HUMAN_FORMATS
        and not quiet
        and not env.get("CI")
        and env.get("TERM") != "dumb"
        and stream.isatty()
    )


class Progress:
    """Counts checked files and redraws the bar at most ten times a second."""

    def __init__(self, total: int, stream: TextIO, delay: float = 1.0) -> None:
        self.total = max(total, 1)
        self.stream = stream
        self.delay = delay  # seconds before the bar first appears
        self.started = time.monotonic()
        self.done = 0
        self.shown = False
        self.drawn_at = 0.0

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.started >= self.delay and now - self.drawn_at >= 0.1:
            self._draw(now)

    def redraw(self) -> None:
        """Draw the bar again after report output erased it (once the delay has passed)."""
        now = time.monotonic()
        if not self.shown and now - self.started >= self.delay:
            self._draw(now)

    def _draw(self, now: float) -> None:
        self.drawn_at = now
        filled = _WIDTH * min(self.done, self.total) // self.total
        bar = "#" * filled + "-" * (_WIDTH - filled)
        self.stream.write(f"{_ERASE}[{bar}] {self.done}/{self.total} files")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write(_ERASE)
            self.stream.flush()
            self.shown = False
