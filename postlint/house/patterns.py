"""Patterns for house rules that can never hang a run.

User-written ``patterns`` are compiled with RE2 (linear time, no backtracking). Words and
phrases (``tokens``, ``swap``, ``pairs``) are escaped literals joined in one alternation, which
Python's ``re`` matches without catastrophic backtracking; it also knows Unicode word
boundaries, which RE2's ``\\b`` does not (``café``).
"""

from __future__ import annotations

import re
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


def literal_source(token: str, whole_words: bool) -> str:
    """A word or phrase as a regex: any run of white space between words matches a space."""
    body = r"\s+".join(re.escape(part) for part in token.split())
    if whole_words and token[:1].isalnum():
        body = r"(?<![\w])" + body
    if whole_words and token[-1:].isalnum():
        body += r"(?![\w])"
    return body


def compile_literals(
    tokens: Iterable[str], ignore_case: bool, whole_words: bool = True
) -> re.Pattern[str]:
    """One alternation, longest first so that "going forward" wins over "going"."""
    ordered = sorted(set(tokens), key=lambda t: (-len(t), t))
    source = "|".join(f"(?:{literal_source(t, whole_words)})" for t in ordered)
    return re.compile(source, re.IGNORECASE if ignore_case else 0)


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
    """Non-empty matches of a ``re`` or RE2 pattern, as offsets into ``text``."""
    for m in pattern.finditer(text):
        start, end = m.span()
        if end > start:
            yield Match(start, end, text[start:end])
