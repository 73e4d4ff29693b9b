"""proselint's repeated-phrase pattern (``lexical_illusions``) without its quadratic case.

The pattern, ``(?<![A-Za-z'-])(\\w++(?:\\s++\\w++){0,3})(\\s++\\1)+(?![A-Za-z'-])``, may start
inside a run of word characters wherever the character before is a word character that is not
an ASCII letter (a digit, ``_``, CJK, an accented letter): in a run of ``m`` such characters it
starts ``m`` times and each start reads the rest of the run, ``m * m / 2`` steps. Matches are
unchanged here; only starts that cannot match are not tried, in runs longer than
:data:`LONG_RUN` (shorter runs cost at most ``LONG_RUN`` steps per character, as before):

* ``\\1`` begins with the rest of the run, all word characters, and is repeated after white
  space, at the start of one of the next four runs that follow the run through white space
  only (the ``{0,3}`` words in between are such runs). A run with no such next run cannot hold a
  start at all (a run at the end of the text or before punctuation: the common long run).
* So the rest of the run from a start is no longer than the longest of those next runs, and
  begins (case-folded) with the first character of one of them.

Every other start is tried exactly as ``finditer`` tries it (``match`` at that position sees the
text before it, so the look-behind behaves as in a scan), in order, resuming after each match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

LONG_RUN = 64
_LONG = re.compile(rf"\w{{{LONG_RUN + 1},}}")
_RUN = re.compile(r"\w+")
_SPACE_THEN_RUN = re.compile(r"\s++(?=\w)")
_ALLOWED_START = re.compile(r"(?<![A-Za-z'-])\w", re.IGNORECASE)  # the pattern's own test


class RepeatedPhraseScan:
    """``regex.finditer(text)`` for the repeated-phrase pattern, skipping hopeless starts."""

    __slots__ = ("regex",)

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if _LONG.search(text) is None:
            return self.regex.finditer(text)  # no long run: the plain scan is linear
        return self._scan(text)

    def _scan(self, text: str) -> Iterator[re.Match[str]]:
        long_runs = [(m.start(), m.end()) for m in _LONG.finditer(text)]
        long_starts = [start for start, _ in long_runs]
        keep = [_hopeful_from(text, start, end) for start, end in long_runs]
        match_at, resume = self.regex.match, 0
        for start in _ALLOWED_START.finditer(text):
            at = start.start()
            if at < resume:
                continue
            index = bisect_right(long_starts, at) - 1
            if index >= 0 and at < long_runs[index][1]:
                first, firsts = keep[index]
                if at < first or _fold(text[at]) not in firsts:
                    continue
            found = match_at(text, at)
            if found is not None:
                yield found
                resume = found.end()


def _fold(char: str) -> str:
    """The simple lower case ``re.IGNORECASE`` compares a backreference with (``İ`` -> ``i``)."""
    return char.lower()[:1]


def _hopeful_from(text: str, start: int, end: int) -> tuple[int, frozenset[str]]:
    """For the run ``text[start:end]``: the first position a match may start at, and the
    case-folded characters such a start must hold."""
    longest, firsts = 0, set()
    cursor = end
    for _ in range(4):
        gap = _SPACE_THEN_RUN.match(text, cursor)
        if gap is None:
            break
        run = _RUN.match(text, gap.end())
        assert run is not None  # the gap ends before a word character
        longest = max(longest, run.end() - run.start())
        firsts.add(_fold(text[run.start()]))
        cursor = run.end()
    if not firsts:
        return end, frozenset()
    return max(start, end - longest), frozenset(firsts)
