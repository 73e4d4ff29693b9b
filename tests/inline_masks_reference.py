"""A frozen copy of ``postlint.core.inline_masks`` from before its speed-ups: the reference
the new finders must equal. Inline spans of a Markdown block that are not prose, found in time linear in the block.

Each finder takes one block's text (as masked by the finders before it) and returns the spans
to mask, left to right and not overlapping, exactly as ``finditer`` of the pattern in its
comment would. None of them can rescan the text: a pattern that needs a backreference or a
look-around is a hand-written scan over sorted positions; the others run on RE2 (a DFA: one
pass per match, however the text is shaped), or are Python patterns whose every attempt stops
at the next occurrence of its first character (argued beside each). docs/performance.md lists
them all.

Paired template blocks (``{% raw %}...{% endraw %}``, ``{{< highlight >}}...{{< /highlight >}}``)
are the one kind of span that crosses blocks: their contents are code, blank lines included.
They are paired by one sweep over sorted opener and closer positions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import re2
from re2 import _re2 as _re2_core  # type: ignore[attr-defined]

Spans = list[tuple[int, int]]

# Python's ``\s`` on str, spelled out for RE2 (whose ``\s`` is ASCII only); a test checks it.
WHITESPACE = (
    "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}"
    "\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}"
)
_S = f"[{WHITESPACE}]"
_NOT_S = f"[^{WHITESPACE}"  # open: callers add more excluded characters and the ``]``


def _re2(pattern: str) -> re2._Regexp:
    return re2.compile(pattern)


_UNANCHORED = _re2_core.RE2.Anchor.UNANCHORED
_NO_SPAN = (-1, -1)


def re2_byte_spans(
    regex: re2._Regexp, data: bytes, group: int = 0, pos: int = 0, end: int | None = None
) -> Spans:
    """The span of ``group`` in each match of ``regex.finditer(data, pos, end)`` (bytes), in
    order, ``(-1, -1)`` where the group took no part: the wrapper's own loop, one C call a match
    (its ``finditer`` builds a Python match object per match, most of the cost here)."""
    search = regex._regexp.Match  # type: ignore[attr-defined]
    end = len(data) if end is None else end
    spans: Spans = []
    while True:
        found = search(_UNANCHORED, data, pos, end)
        whole = found[0]
        if whole == _NO_SPAN:
            return spans
        spans.append(found[group])
        if pos == end:
            return spans
        pos = pos + 1 if pos == whole[1] else whole[1]  # an empty match steps on (the wrapper)


def _finditer_spans(regex: re2._Regexp, text: str, group: int = 0) -> Spans:
    """``[m.span(group) for m in regex.finditer(text)]``, without the groups that took no part.
    None of these patterns matches the empty string, so the bytes loop finds the same matches;
    the byte offsets are counted back to characters from one match to the next (linear)."""
    data = text.encode()
    spans = [span for span in re2_byte_spans(regex, data, group) if span[0] >= 0]
    if len(data) == len(text) or not spans:
        return spans  # ASCII: a byte offset is a character offset
    chars: Spans = []
    count = _re2_core.BytesToCharLen
    last = char = 0
    for start, end in spans:
        char += count(data, last, start)
        char_end = char + count(data, start, end)
        chars.append((char, char_end))
        last, char = end, char_end
    return chars


# --- delimited spans: an opening literal, the shortest run of anything, a closing literal ---


@dataclass(frozen=True)
class Delimited:
    """``open.*?close`` (``gap`` 0) or ``open.+?close`` (``gap`` 1), DOTALL, for each pair.

    A scan with ``str.find``: an opener whose closer is missing proves that no later opener of
    that pair can close either, so the pair is dropped instead of retried at every opener.
    """

    pairs: tuple[tuple[str, str, int], ...]

    def __call__(self, text: str) -> Spans:
        alive = list(range(len(self.pairs)))
        nxt = {k: text.find(self.pairs[k][0]) for k in alive}
        spans: Spans = []
        pos = 0
        while True:
            live = [k for k in alive if nxt[k] >= 0]
            if not live:
                return spans
            kind = min(live, key=lambda k: (nxt[k], k))
            opener, closer, gap = self.pairs[kind]
            at = nxt[kind]
            if at < pos:
                nxt[kind] = text.find(opener, pos)
                continue
            close = text.find(closer, at + len(opener) + gap)
            if close < 0:
                alive.remove(kind)
                continue
            pos = close + len(closer)
            spans.append((at, pos))
            nxt[kind] = text.find(opener, pos)


def html_comments(text: str) -> Spans:
    """``<!--.*?(?:-->|\\Z)`` (DOTALL): an unclosed comment runs to the end of the block."""
    spans: Spans = []
    at = text.find("<!--")
    while at >= 0:
        close = text.find("-->", at + 4)
        if close < 0:
            spans.append((at, len(text)))
            break
        spans.append((at, close + 3))
        at = text.find("<!--", close + 3)
    return spans


HUGO_SHORTCODE = Delimited((("{{<", ">}}", 0), ("{{%", "%}}", 0)))
LIQUID_TAG = Delimited((("{%", "%}", 0), ("{{", "}}", 0)))
DISPLAY_MATH = Delimited((("$$", "$$", 1),))
TEX_MATH = Delimited((("$$", "$$", 1), ("\\[", "\\]", 1), ("\\(", "\\)", 1)))


# --- raw HTML elements: <code ...>...</code> ---------------------------------------------------

_RAW_NAMES = "script|style|pre|code|math|svg"
# Each attempt reads ``<`` and at most six letters: linear.
_RAW_OPEN = re.compile(rf"<({_RAW_NAMES})\b", re.IGNORECASE)
# ``\s*`` stops at the first non-space; no other ``</`` starts inside a run of spaces: linear.
_RAW_CLOSE = re.compile(rf"</({_RAW_NAMES})\s*>", re.IGNORECASE)


def raw_html_elements(text: str) -> Spans:
    """``<(script|style|pre|code|math|svg)\\b[^>]*>.*?</\\1\\s*>`` (DOTALL, IGNORECASE).

    The backreference is replaced by closers indexed per element name; an opener with no
    ``>`` after it (or no closer of its name) proves the same for every later opener.
    """
    if "<" not in text:
        return []
    closers: dict[str, tuple[list[int], list[int]]] = {}
    for match in _RAW_CLOSE.finditer(text):
        starts, ends = closers.setdefault(match.group(1).casefold(), ([], []))
        starts.append(match.start())
        ends.append(match.end())
    spans: Spans = []
    pos = 0
    dead: set[str] = set()
    for match in _RAW_OPEN.finditer(text):
        name = match.group(1).casefold()
        if match.start() < pos or name in dead:
            continue
        gt = text.find(">", match.end())
        if gt < 0:
            break
        starts, ends = closers.get(name, ([], []))
        index = bisect_left(starts, gt + 1)
        if index == len(starts):
            dead.add(name)
            continue
        pos = ends[index]
        spans.append((match.start(), pos))
    return spans


# --- inline code: backtick runs -----------------------------------------------------------

_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")  # each attempt ends at the next non-blank character


def inline_code(text: str) -> Spans:
    """``(?<![`\\\\])(`+)(?!`)(?:(?!\\n[ \\t]*\\n).)+?(?<!`)\\1(?!`)`` (DOTALL).

    A code span opens at a maximal backtick run not preceded by a backslash and closes at the
    next maximal run of the same length, unless a blank line comes first. The next run of each
    length is found by one right-to-left pass; blank lines by bisection.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    if len(runs) < 2:
        return []
    following: list[int] = [-1] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = last.get(length, -1)
        last[length] = index
    blanks = [m.start() for m in _BLANK_LINE.finditer(text)] if "\n" in text else []
    spans: Spans = []
    pos = 0
    for index, (start, end) in enumerate(runs):
        if start < pos or (start and text[start - 1] == "\\"):
            continue
        close = following[index]
        if close < 0:
            continue
        close_start, close_end = runs[close]
        blank = bisect_left(blanks, end)
        if blank < len(blanks) and blanks[blank] < close_start:
            continue
        spans.append((start, close_end))
        pos = close_end
    return spans


# --- RE2 patterns ----------------------------------------------------------------------------

_AUTOLINK = _re2(
    rf"<(?:[A-Za-z][A-Za-z0-9+.-]{{1,31}}:{_NOT_S}<>]*"
    rf"|{_NOT_S}<>@]+@{_NOT_S}<>@]+\.{_NOT_S}<>@]+)>"
)
_ATTRIBUTE_VALUE = r"(?:\"[^\"]*\"|'[^']*'|" + _NOT_S + r"\"'=<>`]+)"
_HTML_TAG = _re2(
    r"(?s)</?[A-Za-z][A-Za-z0-9-]*"
    rf"(?:{_S}+[A-Za-z_:][\pL\pN_:.-]*(?:{_S}*={_S}*{_ATTRIBUTE_VALUE})?)*{_S}*/?>"
    r"|<![A-Za-z][^>]*>|<\?.*?\?>"
)
_LINK_DESTINATION = _re2(
    rf"\](\((?:[^(){WHITESPACE}]|\((?:[^(){WHITESPACE}])*\))*"
    rf"(?:{_S}+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?{_S}*\))"
)
_FOOTNOTE = _re2(rf"\[\^{_NOT_S}\]]+\]:?")
_KRAMDOWN_IAL = _re2(r"\{:[^}\n]*\}")


def autolinks(text: str) -> Spans:
    return _finditer_spans(_AUTOLINK, text)


def html_tags(text: str) -> Spans:
    return _finditer_spans(_HTML_TAG, text)


def link_destinations(text: str) -> Spans:
    """The ``(url "title")`` after a link's ``]``, not the bracket."""
    return _finditer_spans(_LINK_DESTINATION, text, 1)


def footnotes(text: str) -> Spans:
    return _finditer_spans(_FOOTNOTE, text)


def kramdown_ials(text: str) -> Spans:
    return _finditer_spans(_KRAMDOWN_IAL, text)


# --- Python patterns that stop at the next occurrence of their first character -------------

# Starts at ``]``; ``[^\]\n]*`` stops at the next ``]`` (the next start) or the line's end.
_LINK_REFERENCE = re.compile(r"\](\[[^\]\n]*\])")


def link_references(text: str) -> Spans:
    """The ``[label]`` after a link's ``]``."""
    return [m.span(1) for m in _LINK_REFERENCE.finditer(text)]


def _bare_url(mask: str) -> re.Pattern[str]:
    """A bare URL. A start that fails has no allowed last character after its scheme before
    its run of URL characters ends, so no later start lies in that run (each holds letters);
    a start that matches consumes the run. Each run is read at most twice: linear."""
    # Written to start with its first character (the scheme's), then the look-behind on the
    # character before it: the regex engine skips ahead to the next h, f or w instead of
    # trying the look-behind at every position. The same matches: a start is one of the three
    # letters, preceded by no ``[\w/@]``, and the letter picks the one branch it can begin.
    return re.compile(
        r"[hfw](?<![\w/@][hfw])(?:(?<=h)ttps?://|(?<=f)tp://|(?<=w)ww\.)[^\s<>\[\]"
        + mask
        + r"]*[^\s<>\[\]().,;:!?'\""
        + mask
        + r"]"
    )


# ``(?<![\\$\w])\$(?=[^\s$])[^$\n]*?(?<=[^\s\\$])\$(?![\d$])``, the look-behind tested after the
# ``$`` (on it and the character before it), so the regex engine skips ahead to the next ``$``.
# Starts at ``$``; ``[^$\n]*?`` cannot pass the next ``$`` (the next start) or a line break.
_INLINE_MATH = re.compile(r"\$(?<![\\$\w]\$)(?=[^\s$])[^$\n]*?(?<=[^\s\\$])\$(?![\d$])")


# --- the paired template blocks (across blocks) ------------------------------------------

_PAIRED_NAMES = "raw|comment|highlight|capture"
# Literal start, bounded alternation, ``\s*`` runs that hold no other start: linear.
_LIQUID_OPEN = re.compile(rf"\{{%-?\s*({_PAIRED_NAMES})\b")
_LIQUID_CLOSE = re.compile(rf"\{{%-?\s*end({_PAIRED_NAMES})\s*-?%\}}")
_HUGO_NAMES = "highlight|code|raw|katex|math"
_HUGO_OPEN = re.compile(rf"\{{\{{([<%])\s*({_HUGO_NAMES})\b")
_HUGO_CLOSE = re.compile(rf"\{{\{{[<%]\s*/({_HUGO_NAMES})\s*[>%]\}}\}}")


def _paired(text: str, opener: re.Pattern[str], closer: re.Pattern[str], name: int) -> Spans:
    """``open(name)\\b.*?close(\\name)`` (DOTALL), the backreference replaced by an index."""
    closers: dict[str, tuple[list[int], list[int]]] = {}
    for match in closer.finditer(text):
        starts, ends = closers.setdefault(match.group(1), ([], []))
        starts.append(match.start())
        ends.append(match.end())
    if not closers:
        return []
    spans: Spans = []
    pos = 0
    for match in opener.finditer(text):
        if match.start() < pos:
            continue
        starts, ends = closers.get(match.group(name), ([], []))
        index = bisect_left(starts, match.end())
        if index < len(starts):
            pos = ends[index]
            spans.append((match.start(), pos))
    return spans


def liquid_raw_blocks(text: str) -> Spans:
    """``\\{%-?\\s*(raw|comment|highlight|capture)\\b.*?\\{%-?\\s*end\\1\\s*-?%\\}`` (DOTALL)."""
    return _paired(text, _LIQUID_OPEN, _LIQUID_CLOSE, 1) if "{%" in text else []


def hugo_paired(text: str) -> Spans:
    """``\\{\\{[<%]\\s*(highlight|...)\\b.*?\\{\\{[<%]\\s*/\\1\\s*[>%]\\}\\}`` (DOTALL)."""
    return _paired(text, _HUGO_OPEN, _HUGO_CLOSE, 2) if "{{" in text else []


# --- the sequence --------------------------------------------------------------------------

Finder = Callable[[str], Spans]


@dataclass(frozen=True)
class _Pattern:
    """A Python pattern's matches as spans (for the patterns argued linear above)."""

    regex: re.Pattern[str]

    def __call__(self, text: str) -> Spans:
        return [m.span() for m in self.regex.finditer(text)]


Pass = tuple[tuple[str, ...], Finder]  # substrings one of which must occur, the finder


@cache
def block_passes(tex_math: bool, mask: str) -> tuple[Pass, ...]:
    """The finders run on each block after the paired blocks, in order, each with substrings
    one of which a block must hold for the finder to find anything there (a cheap test that
    skips most finders on most blocks)."""
    math = (("$$", "\\[", "\\("), TEX_MATH) if tex_math else (("$$",), DISPLAY_MATH)
    return (
        (("{{<", "{{%"), HUGO_SHORTCODE),
        (("{%", "{{"), LIQUID_TAG),
        (("<",), raw_html_elements),
        (("`",), inline_code),
        math,
        (("<",), autolinks),
        (("<",), html_tags),
        (("](",), link_destinations),
        (("][",), link_references),
        (("[^",), footnotes),
        (("{:",), kramdown_ials),
        (("://", "www."), _Pattern(_bare_url(mask))),
        (("$",), _Pattern(_INLINE_MATH)),
    )
