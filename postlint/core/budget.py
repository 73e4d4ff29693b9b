"""The per-file time budget: CPU time, enforced inside a rule, not only between rules.

CPU time (not wall-clock) so that a loaded machine does not trip the budget sooner than an idle
one. A rule is stopped, not waited for: on the main thread a one-shot ``ITIMER_PROF`` timer
raises :class:`BudgetExceeded` inside the running check (between two Python bytecodes, so a
single long C call still finishes; every pattern on the hot path is linear, so none is long);
everywhere else the engine checks the clock between a rule's findings.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

_CHECK_EVERY = 64  # findings between two looks at the clock when no timer can interrupt


class BudgetExceeded(Exception):
    """The file's CPU time budget ran out while a rule was running."""


def cpu_time() -> float:
    """CPU seconds this thread has used."""
    return time.thread_time()


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def cpu_deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` in the block after ``seconds`` of CPU time (main thread)."""
    if seconds <= 0:
        raise BudgetExceeded
    if not _can_interrupt():
        yield
        return
    armed = [True]

    def on_timer(signum: int, frame: object) -> None:
        if armed[0]:
            armed[0] = False
            raise BudgetExceeded

    previous = signal.signal(signal.SIGPROF, on_timer)
    try:
        signal.setitimer(signal.ITIMER_PROF, seconds)
        yield
    finally:
        try:
            armed[0] = False
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)


def bounded(items: Iterable[T], deadline: float) -> Iterator[T]:
    """``items``, raising :class:`BudgetExceeded` once this thread's CPU clock passes
    ``deadline`` (looked at every few items: a rule that yields is stopped off the main thread
    too)."""
    for count, item in enumerate(items):
        if count % _CHECK_EVERY == 0 and cpu_time() > deadline:
            raise BudgetExceeded
        yield item
