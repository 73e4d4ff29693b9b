"""The literal text a proselint replacement stands for, or no fix.

proselint's "replacements" are not always text: for a consistency check they are the other
term's *pattern* (``[\\.\\?!]  \\w``), some preferred forms are escaped (``U\\.S\\.-led``), and
others rewrite context the match only borrowed (``; meantime,`` -> ``meanwhile,`` would drop
the semicolon). A fix here is built from the matched text itself: whitespace resized, an
escaped literal unescaped, a whole word swapped; anything else offers no fix (the diagnostic
still says what proselint suggests). A fix that would leave the text as it was is no fix.

Safety: only a change of whitespace is safe. Every other proselint fix chooses between words
or spellings, so it is unsafe (``--unsafe-fixes``), and it is never offered inside a
quotation, a name or an identifier (see :mod:`postlint.core.protect`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from postlint.core.diagnostic import Edit, Fix

# Characters of regular-expression syntax: a replacement holding one (unescaped) is a pattern.
PATTERN_SYNTAX = frozenset("\\[](){}|^$*+?")
_ESCAPED = re.compile(r"\\([^\w\s])")
# Preferred forms whose unaccented spelling is a word of its own ("Progress will resume"):
# the accent changes the meaning, so the diagnostic stays a suggestion.
_WORDS_OF_THEIR_OWN = frozenset(
    {"resume", "crepe", "souffle", "touche", "roue", "angstrom", "expose", "rose", "pate"}
)
_WORD_CHAR = re.compile(r"[\w\-]")


@dataclass(frozen=True)
class Built:
    """A proselint fix: the edit and whether it only moves whitespace (the one safe kind)."""

    fix: Fix
    whitespace_only: bool


def literal(replacement: str) -> str | None:
    """``replacement`` as the text it stands for, or None when it is a pattern."""
    unescaped = _ESCAPED.sub(r"\1", replacement)
    bare = _ESCAPED.sub("", replacement)
    if any(char in PATTERN_SYNTAX for char in bare):
        return None
    return unescaped


@cache
def _pattern_pairs() -> dict[str, tuple[tuple[str, str], ...]]:
    """Consistency checks' term pairs by check path (their replacement is a term)."""
    from postlint.rules.prose.proselint.checks import _default_checks

    pairs: dict[str, tuple[tuple[str, str], ...]] = {}
    for check in _default_checks():
        terms = getattr(check.check_type, "term_pairs", None)
        if terms:
            pairs[check.path] = tuple(terms)
    return pairs


_SPACES = re.compile(r"[ \t]+")


def _resized_whitespace(matched: str, pattern: str) -> str | None:
    """``matched`` with its blank runs as long as ``pattern``'s (the patterns differ only in
    blanks, as ``[.?!] \\w`` and ``[.?!]  \\w`` do), or None when they do not line up."""
    wanted = [len(m.group(0)) for m in _SPACES.finditer(pattern)]
    runs = list(_SPACES.finditer(matched))
    if not wanted or len(runs) != len(wanted):
        return None
    pieces, cursor = [], 0
    for run, size in zip(runs, wanted, strict=True):
        pieces += [matched[cursor : run.start()], " " * size]
        cursor = run.end()
    pieces.append(matched[cursor:])
    return "".join(pieces)


def _whitespace_pair(path: str, replacement: str) -> bool:
    """Is ``replacement`` one of a pair of patterns that differ only in their blanks?"""
    for first, second in _pattern_pairs().get(path, ()):
        if replacement in (first, second) and _SPACES.sub(" ", first) == _SPACES.sub(" ", second):
            return True
    return False


def _same_case(matched: str, replacement: str) -> str | None:
    """The replacement in the matched text's case, or None when that case cannot be kept."""
    if len(matched) > 1 and matched.isupper() and not replacement.isupper():
        return None  # an acronym or shouting: which letters to raise is a guess
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _minimal(start: int, matched: str, replacement: str) -> Edit:
    """The edit of only the characters that differ (keeps edits small and apart)."""
    head = 0
    limit = min(len(matched), len(replacement))
    while head < limit and matched[head] == replacement[head]:
        head += 1
    tail = 0
    while (
        tail < limit - head
        and matched[len(matched) - 1 - tail] == replacement[len(replacement) - 1 - tail]
    ):
        tail += 1
    # Never cut between a letter and its combining mark.
    while head and unicodedata.combining(matched[head : head + 1] or " "):
        head -= 1
    while tail and unicodedata.combining(matched[len(matched) - tail : len(matched) - tail + 1]):
        tail -= 1
    return Edit(
        start + head, start + len(matched) - tail, replacement[head : len(replacement) - tail]
    )


def build(path: str, replacement: str | None, text: str, start: int, end: int) -> Built | None:
    """The fix for proselint's finding ``text[start:end]`` (surrounding blanks excluded)."""
    if not replacement or start >= end:
        return None
    matched = text[start:end]
    if end < len(text) and unicodedata.combining(text[end]):
        return None  # "cafe\u0301" is already "café", decomposed
    if _whitespace_pair(path, replacement):
        resized = _resized_whitespace(matched, replacement)
        if resized is None or resized == matched:
            return None
        fix = Fix((_minimal(start, matched, resized),), safe=True, message="Fix the spacing")
        return Built(fix, whitespace_only=True)
    wanted = literal(replacement)
    if wanted is None or (
        path == "typography.diacritical_marks" and (matched.lower() in _WORDS_OF_THEIR_OWN)
    ):
        return None
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if _WORD_CHAR.match(before) or _WORD_CHAR.match(after):
        return None  # part of a longer word: "analyses", "rust-analyzer"
    edges_kept = matched[:1] == wanted[:1] and matched[-1:] == wanted[-1:]
    if not ((matched[:1].isalnum() and matched[-1:].isalnum()) or edges_kept):
        return None  # the match borrowed punctuation the replacement does not keep
    cased = _same_case(matched, wanted)
    if cased is None or _nfc(cased) == _nfc(matched):
        return None  # "Summer" -> "Summer" is no fix
    whitespace_only = cased.split() == matched.split()  # "alot" -> "a lot" splits a word
    fix = Fix(
        (_minimal(start, matched, cased),), safe=whitespace_only, message=f"Replace with '{cased}'"
    )
    return Built(fix, whitespace_only)
