"""Patterns for house rules that can never hang a run.

User-written ``patterns`` are compiled with RE2 (linear time, no backtracking). Words and
phrases (``tokens``, ``swap``, ``pairs``, ``exceptions``) are escaped literals joined in one
RE2 alternation, with word boundaries that know Unicode (RE2's own ``\\b`` does not: ``café``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

RE2_MAX_MEM = 8 << 20  # bytes per compiled pattern: a huge repetition is refused, not built


class PatternError(ValueError):
    """A user pattern RE2 cannot compile; the message says why."""


def compile_user_pattern(pattern: str, ignore_case: bool) -> Any:
    import re2

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.log_errors = False  # the ConfigError says it once, clearly
    options.max_mem = RE2_MAX_MEM
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(str(reason)) from None


_LEAD = r"(?:^|[^\pL\pN_])"  # a word may not go on before a whole-word match
_SPACE = r"[\s\pZ]+"  # any run of white space (no-break spaces too) between the words


@dataclass(frozen=True)
class Literals:
    """Words and phrases as one RE2 alternation (linear time, one pass for all of them).

    RE2's ``\\b`` only knows ASCII words, so boundaries are Unicode-aware by hand: a letter
    class before the match inside the pattern, the character after it checked in Python.
    """

    pattern: Any  # None: no words at all, nothing matches
    whole_words: bool

    def finditer(self, text: str) -> Iterator[Match]:
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            start, end = m.span(1)
            if self.whole_words and end < len(text) and _wordy(text[end - 1]) and _wordy(text[end]):
                continue
            yield Match(start, end, text[start:end])


def _wordy(char: str) -> bool:
    return char.isalnum() or char == "_"


def compile_literals(
    tokens: Iterable[str], ignore_case: bool, whole_words: bool = True
) -> Literals:
    """Longest first, so that "going forward" wins over "going"."""
    import re2

    ordered = sorted({t for t in tokens if t.split()}, key=lambda t: (-len(t), t))
    if not ordered:
        return Literals(None, whole_words)
    body = "|".join(_SPACE.join(re2.escape(part) for part in t.split()) for t in ordered)
    source = f"{_LEAD}({body})" if whole_words else f"({body})"
    return Literals(compile_user_pattern(source, ignore_case), whole_words)


def normalized(text: str, ignore_case: bool) -> str:
    """The key a matched phrase is looked up by (white space collapsed, case folded if asked)."""
    key = " ".join(text.split())
    return key.casefold() if ignore_case else key


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str


def find(pattern: Any, text: str) -> Iterator[Match]:
    """Non-empty matches of a user pattern or :class:`Literals`, as offsets into ``text``."""
    if isinstance(pattern, Literals):
        yield from pattern.finditer(text)
        return
    for m in pattern.finditer(text):
        start, end = m.span()
        if end > start:
            yield Match(start, end, text[start:end])
