"""Own prose rules take time linear in the text on the shapes that make regexes backtrack.

Each shape is linted at two sizes; doubling the text must not much more than double the time
(a quadratic pattern quadruples it). The best of a few runs is kept, and the bound is generous.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cpu_time import fastest_cpu_seconds

from postlint.core.config import Config
from postlint.core.engine import Linter
from postlint.core.rule import discover

OWN_PROSE = tuple(
    rule.code
    for rule in discover()
    if rule.code.startswith("PR") and rule.name not in ("proselint", "house-style")
)
# Shape name -> the body for a size n (about n * 8 characters).
SHAPES: dict[str, Callable[[int], str]] = {
    "open brackets on one line (PR104)": lambda n: "[TODO " * n,
    "abbreviations after a lead-in (PR103)": lambda n: (
        "It has been reported that " + "Dr. Who " * n
    ),
    "inch marks in one paragraph (PR107)": lambda n: 'He said "a 15" ' * n,
    "a long run of spaces (PR111, PR114)": lambda n: "word" + " " * (8 * n) + "word.",
    "repeated exclamation marks (PR114)": lambda n: "Stop" + "!" * (8 * n) + " x",
    "repeated periods and spaces": lambda n: "A. " * (3 * n),
    "one long word": lambda n: "a" * (8 * n) + " " + "a" * (8 * n),
    "repeated words": lambda n: "the " * (2 * n),
    "entities": lambda n: "&amp;" * (2 * n),
    "quotes and apostrophes": lambda n: "“'”" * (3 * n),
}
SMALL = 2_000
RATIO = 3.2  # linear gives about 2; quadratic about 4


def _seconds(linter: Linter, body: str) -> float:
    text = f"---\ntitle: A post\n---\n\n{body}\n"
    return fastest_cpu_seconds(lambda: linter.lint_text(text, "post.md"))


@pytest.mark.parametrize("shape", SHAPES)
def test_time_per_character_stays_flat(shape: str) -> None:
    linter = Linter(Config(select=OWN_PROSE))
    make = SHAPES[shape]
    _seconds(linter, make(100))  # warm up: imports, compiled patterns
    small, large = _seconds(linter, make(SMALL)), _seconds(linter, make(2 * SMALL))
    assert large < RATIO * small + 0.02, f"{shape}: {small:.3f}s -> {large:.3f}s"


def test_verbs_of_saying_in_one_long_paragraph_stay_linear() -> None:
    """Each verb of saying once searched back to its paragraph's start for the attribution
    (quadratic: 16x the time for 4x the text); at these sizes that is seconds, not noise."""
    linter = Linter(Config(select=("PR101", "PR103")))
    unit = "officials said that "
    _seconds(linter, unit * 100)  # warm up
    small, large = _seconds(linter, unit * 5_000), _seconds(linter, unit * 20_000)
    assert large < 8 * small + 0.05, f"{small:.3f}s -> {large:.3f}s"


def test_near_misses_of_an_assistant_preamble_stay_linear() -> None:
    """``Sure, here is`` over and over, never followed by a noun: the prefilter's window once
    scanned on to the end of the line after every near-miss (quadratic)."""
    linter = Linter(Config(select=("AI105",)))  # assistant-preamble
    unit = "Sure, here is "
    _seconds(linter, unit * 100)  # warm up
    small, large = _seconds(linter, unit * 2_500), _seconds(linter, unit * 10_000)
    assert large < 8 * small + 0.05, f"{small:.3f}s -> {large:.3f}s"
