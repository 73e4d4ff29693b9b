"""Inline spans of a Markdown block that are not prose, found in time linear in the block.

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import re2

from postlint.core.re2_bytes import (
    UNANCHORED,
    Spans,
    char_spans,
    count_chars,
    matcher,
)

# Python's ``\s`` on str, spelled out for RE2 (whose ``\s`` is ASCII only); a test checks it.
WHITESPACE = (
    "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}"
    "\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}"
)
_S = f"[{WHITESPACE}]"
_NOT_S = f"[^{WHITESPACE}"  # open: callers add more excluded characters and the ``]``


def _re2(pattern: str) -> re2._Regexp:
    return re2.compile(pattern)


def _led_spans(regex: re2._Regexp, text: str, lead: bytes, skip: int = 0) -> Spans:
    """``[(m.start() + skip, m.end()) for m in regex.finditer(text)]`` for a pattern whose every
    match is non-empty and begins with the ASCII literal ``lead`` (and which tests nothing
    before its start): each search starts at the next occurrence of ``lead``, and none is made
    once no ``lead`` is left (most blocks: one call to RE2 per match instead of one more).

    Why the matches are the same: no match begins before the next ``lead``, so the leftmost
    match from a position is the one from that occurrence; the wrapper's loop resumes at the
    end of each (non-empty) match, as this one does; an ASCII byte never sits inside another
    character's UTF-8 bytes. ``skip`` leaves out the first ``skip`` characters of each match
    (all ASCII, part of ``lead``), so it is the same count in bytes and in characters."""
    data = text.encode()
    search = matcher(regex)
    size = len(data)
    spans: Spans = []
    pos = data.find(lead)
    while pos >= 0:
        whole = search(UNANCHORED, data, pos, size)[0]
        if whole[0] < 0:
            break
        spans.append(whole)
        pos = data.find(lead, whole[1])
    if not spans:
        return spans
    if size == len(text):  # ASCII: a byte offset is a character offset
        return [(start + skip, end) for start, end in spans] if skip else spans
    chars = char_spans(data, spans)
    return [(start + skip, end) for start, end in chars] if skip else chars


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

_BLANK_LINE = re.compile(r"\n[ \t]*\n")  # each attempt ends at the next non-blank character


def _backtick_runs(text: str) -> Spans:
    """``[m.span() for m in re.finditer("`+", text)]``: the maximal runs, found by
    ``str.find`` (a search for one character is many times faster than the pattern's)."""
    runs: Spans = []
    find, follows = text.find, text.startswith
    at = find("`")
    while at >= 0:
        end = at + 1
        while follows("`", end):
            end += 1
        runs.append((at, end))
        at = find("`", end)
    return runs


def inline_code(text: str) -> Spans:
    """``(?<![`\\\\])(`+)(?!`)(?:(?!\\n[ \\t]*\\n).)+?(?<!`)\\1(?!`)`` (DOTALL).

    A code span opens at a maximal backtick run not preceded by a backslash and closes at the
    next maximal run of the same length, unless a blank line comes first. The next run of each
    length is found by one right-to-left pass (when every run is one backtick, it is the next
    run); blank lines by bisection, listed only once a candidate span holds a line break (one
    that holds none holds no blank line).
    """
    runs = _backtick_runs(text)
    count = len(runs)
    if count < 2:
        return []
    following: Sequence[int]  # the next run of the same length; ``count``: none
    if text.count("`") == count:  # as many runs as backticks: each run is one backtick
        following = range(1, count + 1)
    else:
        following = [count] * count
        last: dict[int, int] = {}
        for index in range(count - 1, -1, -1):
            start, end = runs[index]
            following[index] = last.get(end - start, count)
            last[end - start] = index
    blanks: list[int] | None = None
    spans: Spans = []
    pos = 0
    for index, (start, end) in enumerate(runs):
        if start < pos or (start and text[start - 1] == "\\"):
            continue
        close = following[index]
        if close == count:
            continue
        close_start, close_end = runs[close]
        if text.find("\n", end, close_start) >= 0:
            if blanks is None:
                blanks = [m.start() for m in _BLANK_LINE.finditer(text)]
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
_DESTINATION = (
    rf"\((?:[^(){WHITESPACE}]|\((?:[^(){WHITESPACE}])*\))*"
    rf"(?:{_S}+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?{_S}*\)"
)
_LINK_DESTINATION = _re2(rf"\]({_DESTINATION})")  # group 1: the destination
# The same without the group: RE2 then finds each match with its DFAs alone, with no pass to
# locate a group (most of this finder's cost). Group 1 is all of a match but its first
# character, the one-byte ``]``, so it starts one byte (and one character) after the match.
_BRACKET_DESTINATION = _re2(rf"\]{_DESTINATION}")
_FOOTNOTE = _re2(rf"\[\^{_NOT_S}\]]+\]:?")
_KRAMDOWN_IAL = _re2(r"\{:[^}\n]*\}")


def autolinks(text: str) -> Spans:
    return _led_spans(_AUTOLINK, text, b"<")


def html_tags(text: str) -> Spans:
    return _led_spans(_HTML_TAG, text, b"<")  # each branch begins with ``<``


# The common destination, ``(url)`` with no blank, parenthesis or title: a possessive run that
# stops at the first blank or parenthesis, so it never reads past the next ``](``'s ``(``.
_PLAIN_DESTINATION = re.compile(r"[^()\s]*+\)")


def link_destinations(text: str) -> Spans:
    """The ``(url "title")`` after a link's ``]``, not the bracket: group 1 of
    ``_LINK_DESTINATION`` in each match.

    Each match begins at a ``](``. Where ``(`` opens a plain destination, the pattern's match
    there is that destination: its loop of non-blank, non-parenthesis characters stops at the
    ``)``, no title can begin, the closing ``\\s*\\)`` takes the ``)``; and no match begins
    between the last one's end and this ``](``. Elsewhere (a title, a blank, parentheses:
    rare) RE2 finds the next match from that ``](`` on, in the UTF-8 bytes, whose offsets
    are counted to characters from the last place the two were matched (so each part of the
    text is counted once). ``_BRACKET_DESTINATION`` is the pattern without its group (RE2 then
    needs its DFAs only); the group is the match less its one-byte ``]``.
    """
    spans: Spans = []
    find, plain = text.find, _PLAIN_DESTINATION.match
    search = matcher(_BRACKET_DESTINATION)
    data = b""
    char = byte = 0  # a character offset and the byte offset of the same place
    at = find("](")
    while at >= 0:
        simple = plain(text, at + 2)
        if simple is not None:
            end = simple.end()
            spans.append((at + 1, end))
            at = find("](", end)
            continue
        if not data:
            data = text.encode()
        byte += len(text[char:at].encode())
        char = at
        whole = search(UNANCHORED, data, byte, len(data))[0]
        if whole[0] < 0:
            break
        start = char + count_chars(data, byte, whole[0])
        end = start + count_chars(data, whole[0], whole[1])
        spans.append((start + 1, end))
        char, byte = end, whole[1]
        at = find("](", end)
    return spans


def footnotes(text: str) -> Spans:
    return _led_spans(_FOOTNOTE, text, b"[^")


def kramdown_ials(text: str) -> Spans:
    return _led_spans(_KRAMDOWN_IAL, text, b"{:")


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


# Characters from the rarest in posts to the most common (as counted in a corpus of them): a
# trigger is looked for by its rarest one (only the speed depends on this order).
_RARE_FIRST = "\\~$^+&@%}{|!'=_<#*>\"([]`:-w./"


@cache
def trigger_finder(trigger: str) -> Callable[[str, int], int]:
    """``view.find(trigger, pos)``. A longer trigger is looked for by its rarest character
    first (a search for one character runs many times faster than for a string, and most
    views hold few of them); after a few of those that are not in the trigger, the string
    search goes on from the last, so the view is still read at most twice."""
    if len(trigger) == 1:
        return lambda view, pos: view.find(trigger, pos)
    rank = {char: number for number, char in enumerate(_RARE_FIRST)}
    offset = min(range(len(trigger)), key=lambda k: (rank.get(trigger[k], len(rank)), k))
    probe = trigger[offset]

    def find(view: str, pos: int) -> int:
        # Every occurrence from ``at`` on has the probe character at or after ``at + offset``.
        at = pos
        for _ in range(_PROBES):
            found = view.find(probe, at + offset)
            if found < 0:
                return -1
            at = found - offset
            if view.startswith(trigger, at):
                return at
            at += 1
        return view.find(trigger, at)

    return find


_PROBES = 8


def _holds(text: str, pair: str) -> bool:
    """``pair in text``, looked for by its rarer character first."""
    return trigger_finder(pair)(text, 0) >= 0


def liquid_raw_blocks(text: str) -> Spans:
    """``\\{%-?\\s*(raw|comment|highlight|capture)\\b.*?\\{%-?\\s*end\\1\\s*-?%\\}`` (DOTALL)."""
    return _paired(text, _LIQUID_OPEN, _LIQUID_CLOSE, 1) if _holds(text, "{%") else []


def hugo_paired(text: str) -> Spans:
    """``\\{\\{[<%]\\s*(highlight|...)\\b.*?\\{\\{[<%]\\s*/\\1\\s*[>%]\\}\\}`` (DOTALL)."""
    return _paired(text, _HUGO_OPEN, _HUGO_CLOSE, 2) if _holds(text, "{{") else []


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
