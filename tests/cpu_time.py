"""CPU time of a call, for the tests that compare a shape's cost at two sizes.

CPU time, so a loaded machine does not add to it; the fastest of a few runs, since noise only
ever adds time; and no garbage collection while timing, since a full collection walks the
whole test session's heap, which is not the measured call's cost.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def fastest_cpu_seconds(run: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            run()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best
