"""A reporting lead-in glued onto a sentence that cannot continue it.

## What it does
The defect: an attribution formula was glued onto the start of a sentence that was already
complete, so the sentence reads "Officials confirmed that The bridge is closed". It is certain
when an attribution formula is followed directly by a word that can only open a new sentence.

Attribution formulas are recognised by shape, not from a list of phrases:

- a passive report: "It is believed that", "It has recently been confirmed that" (any
  participle);
- a verb of saying, knowing or reporting with its subject, with or without "that": "Officials
  confirmed that", "Sources close to the talks say", "We have learned that";
- hearsay adverbs: "Allegedly,", "Reportedly", "Apparently,", "Rumour has it";
- "According to ...," with up to six words of source.

Words that can only open a new sentence: a question word, an auxiliary verb, a pronoun, a
conjunction; an article, a preposition or a quantifier followed by a lower-case word ("The
talks", "Many residents"); after a full formula (ending in "that" or a comma, or a passive or
hearsay formula), any capitalised word that the post itself writes in lower case and never
capitalises mid-sentence ("Prices" in a post that speaks of "prices"); after a lead-in that
opens its sentence, a capitalised article or quantifier before a name the post also writes
without it ("Officials say The Rust team ..." where the post says "Rust" or "the Rust team") or
before an acronym ("The NGO network"); and a direct question ("It is understood that will the
talks resume?").

A name after the formula ("It was reported that Zelensky met the envoy"), a name that owns its
article ("The Guardian", "The Hague": never written without it), a quotation, an identifier
such as "D0", or an ordinary lower-case clause is fine, and so is a question that merely
contains a verb of saying ("Do officials say that is true?", "What have you learned that might
help?"). Only paragraphs are read; code, links' targets and HTML are masked. The analysis is
made once per document and shared with unattributed-claim (PR103), which leaves these lead-ins
to this rule.

## Why is this bad?
This is the mark of an automated rewriter that prefixes boilerplate to the first sentence of a
story. The result is ungrammatical, and it attributes a question or a claim to nobody.

## Example
```markdown
---
title: Peace talks
---

It has been recently reported that Are we any closer to peace in Ukraine?
```

## Use instead
```markdown
---
title: Peace talks
---

Are we any closer to peace in Ukraine?
```

## Fix safety
Unsafe (`--unsafe-fixes`): removes the lead-in and the space after it, keeping the sentence that
follows byte for byte. It is unsafe because a lead-in in the middle of a sentence may leave a
sentence that needs rewording.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, cached_property

import re2

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.re2_bytes import byte_length, count_chars, re2_byte_spans
from postlint.core.rule import FixAvailability, NoOptions, Rule
from postlint.rules.prose._text import prose_bytes, starts_sentence

# Verbs of saying, knowing and reporting, in every form an attribution uses.
_SAYING = (
    r"say|says|said|claim(?:s|ed)?|confirm(?:s|ed)?|report(?:s|ed)?|announce[sd]?"
    r"|reveal(?:s|ed)?|suggest(?:s|ed)?|indicate[sd]?|believe[sd]?|state[sd]?|allege[sd]?"
    r"|note[sd]?|warn(?:s|ed)?|insist(?:s|ed)?|admit(?:s|ted)?|add(?:s|ed)|explain(?:s|ed)?"
    r"|acknowledge[sd]?|understand|understands|understood|learn(?:s|ed|t)?|hear[sd]?"
    r"|think|thinks|thought|know|knows|known|expect(?:s|ed)?|fear(?:s|ed)?|argue[sd]?"
    r"|maintain(?:s|ed)?|estimate[sd]?|predict(?:s|ed)?|rumou?red|told\s+(?:reporters|us)"
)
# A passive attribution: "It is believed that", "It has recently been confirmed that".
_PARTICIPLE = r"[a-z]+(?:ed|en)|said|thought|known|told|heard|understood|learnt|felt|held"
# Sentence adverbs that attribute to nobody: "Allegedly, ...", "Reportedly ...".
_HEARSAY = (
    r"[Aa]llegedly|[Rr]eportedly|[Aa]pparently|[Ss]upposedly|[Pp]urportedly|[Rr]umou?r\s+has\s+it"
    r"|[Ww]ord\s+is|[Ii]t\s+seems|[Ii]t\s+appears"
)
# Each alternative is a fixed sequence of words with bounded gaps: linear in the paragraph.
LEAD_IN = re.compile(
    r"\b(?:"
    rf"[Ii]t\s+(?:(?:has|had)\s+(?:\w+ly\s+)?been|is|was)\s+(?:\w+ly\s+)?(?:{_PARTICIPLE})"
    r"\s+that"
    rf"|(?:{_SAYING})(?:\s+that)?"
    rf"|(?:{_HEARSAY})(?:\s*,|\s+that)?"
    r"|(?i:according\s+to)(?:\s+[\w'’.-]+){1,6}?\s*,"
    r")[ \t]+"
)
# How far back from the verb an attribution's subject may start ("Senior officials in Kyiv").
_SUBJECT_WORDS = 6


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised in the middle of a sentence, these can only open a new sentence.
_NEVER_NAMES = _words(
    "What Why How When Where Who Whom Whose Which Whether "
    "Are Is Was Were Do Does Did Could Should Would Shall Might Must Has Have Had "
    "We You They He She It Our Your Their Its There These Those "
    "And But Yet Or Nor If While Although Though Because Since Unless "
    "However Meanwhile Nevertheless Nonetheless Indeed Moreover Furthermore Also"
)
# These open a new sentence when a lower-case word or a number follows; before a capitalised
# word they may begin a name or a title ("The Guardian", "This American Life", "In Bruges").
_BEFORE_LOWER = _words(
    "The A An This That Here Her His My So Then Now Still Today Yesterday Last Next "
    "In On At After Before Despite During With Without For From By As Over Under "
    "Many Most Some Several Few Both Each Every Any All No None Other Another Such Only Even "
    "Just Not Nearly Almost About Around More Less Much Local Senior Two Three Four Five "
    "Every Once Since Until Among Through Across Without Within"
)
# Names too ("Will", "May", "Can Dündar"): a new sentence only when a subject follows them.
_BEFORE_SUBJECT = _words("Will May Can")
_SUBJECTS = _words(
    "we you they he she it i the a an this that these those there our your their his her its "
    "anyone anybody someone somebody people"
)
_ARTICLE_LIKE = _words("the a an this that these those")
_AUXILIARIES = _words(
    "is are was were do does did can could should would will shall may might must has have had"
)


@cache
def _next() -> re.Pattern[str]:
    return re.compile(r"[*_]*([A-Za-z]+)(?![0-9])(-?)(,?)[ \t]*[“\"‘']?([A-Za-z0-9]?)")


_WORD = re.compile(r"[A-Za-z]+")


@cache
def _clause_end() -> re.Pattern[str]:
    return re.compile(r"[.!?](?=[\s\"'”’)\]*_]|$)")


def _cannot_continue(
    prose: str,
    at: int,
    end: int,
    opens_sentence: bool,
    words: _WordStatistics | None = None,
    lead_opens: bool = False,
    formula: bool = True,
) -> bool:
    """Whether the text at ``at`` (just after a lead-in) cannot continue the lead-in.

    ``words.common`` holds words the post writes in lower case and never capitalises
    mid-sentence: capitalised after a lead-in (a ``formula``), such a word can only open a new
    sentence. ``lead_opens``: the lead-in opens its sentence, so a capitalised determiner after
    it ("Officials say The council ...") opens another one when ``words.determined`` (names the
    post also writes without a capitalised determiner) or ``common`` holds the word after it.
    The statistics are read only when a capitalised word follows: most lead-ins never ask.
    """
    following = _next().match(prose, at, end)
    if following is None:
        return False  # a quotation, a number, a link or the end of the paragraph
    word, hyphen, comma, after = following.groups()
    if hyphen:
        return False  # "Will-o'-the-wisp", "In-N-Out": a compound, probably a name
    if word[0].isupper():
        if word in _NEVER_NAMES:
            return True
        if word in _BEFORE_LOWER:
            if comma or (after != "" and not after.isupper()):
                return True
            # "Officials say The council ...": a new sentence when the post writes the next
            # word as a common word, bare elsewhere ("Rust") or as an acronym; a name that
            # owns its article ("The Guardian") is never written so.
            name = _WORD.match(prose, following.start(4), end)
            if not lead_opens or name is None:
                return False
            named = name.group(0)
            acronym = len(named) > 1 and named.isupper()
            if acronym or words is None:
                return acronym
            return (formula and named.lower() in words.common) or named in words.determined
        if word in _BEFORE_SUBJECT:
            subject = _WORD.match(prose, following.start(4), end)
            return subject is not None and subject.group(0).lower() in _SUBJECTS
        if (
            len(word) > 1
            and formula
            and words is not None
            and word.lower() in words.common
            and (after == "" or not after.isupper())
        ):
            return True
    if opens_sentence and word in _AUXILIARIES:
        # "It is understood that will the talks resume?" (but not "Do sources say that is so?")
        clause_end = _clause_end().search(prose, at, end)
        return clause_end is not None and clause_end.group(0) == "?"
    return False


def _attribution_start(prose: str, verb_start: int, floor: int) -> int:
    """Where the attribution before a verb of saying starts: its clause, at most a few words.

    The walk back never crosses a line break (only spaces and tabs are skipped between words,
    and a word stops at any white space), so it needs no search for the paragraph's start: one
    was a search back to the block's start per verb, quadratic in a long paragraph of them.

    The walk is one match of ``_WORDS_BACK`` on the reversed text of a short window before the
    verb. Why it is the walk's answer: each repetition is one step of the walk (blanks, then a
    maximal run of word characters; possessive, so no step gives back a character), and the
    match ends where the walk stops: after six words, or where a step finds no word. It can
    only differ when the window's edge stopped it, and then all that follows the match in the
    window is blanks; that case (a word longer than the window) takes the walk itself."""
    low = max(floor, verb_start - _WINDOW)
    window = prose[low:verb_start][::-1]
    match = _WORDS_BACK.match(window)
    assert match is not None  # the pattern matches the empty string
    taken = match.end()
    if low > floor and not window[taken:].strip(" \t"):
        return _walk_back(prose, verb_start, floor)
    return verb_start - taken


# A step of the walk back, on reversed text: blanks, then a word (no white space, no clause
# start). Bounded repetitions of possessive runs: linear in the window.
_WORDS_BACK = re.compile(rf"(?:[ \t]*+[^\s.!?;:,(]++){{0,{_SUBJECT_WORDS}}}")
_WINDOW = 160
_CLAUSE_CHARS = frozenset(".!?;:,\n(")


def _walk_back(prose: str, verb_start: int, floor: int) -> int:
    """The walk of ``_attribution_start``, a character at a time (for a window too short)."""
    lower = floor
    start = verb_start
    for _ in range(_SUBJECT_WORDS):
        j = start
        while j > lower and prose[j - 1] in " \t":
            j -= 1
        k = j
        while k > lower and not prose[k - 1].isspace() and prose[k - 1] not in _CLAUSE_CHARS:
            k -= 1
        if k == j:
            break
        start = k
    return start


# The statistics below are regular expressions over maximal runs of ASCII letters (``_WORD``):
# each starts only where no letter precedes it and its runs are possessive, so every character
# is read a bounded number of times (linear), all in the regex engine instead of a Python loop
# over words.
@cache
def _lower_words() -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z])[a-z]++(?![A-Za-z])")


# A capitalised word right after a blank that follows a lower-case word, with no letter between.
@cache
def _capitalised_after_lower() -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z])[a-z]++[^A-Za-z]*+(?<= )([A-Z][A-Za-z]*+)")


@cache
def _capitalised() -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]*+")


@cache
def _after_determiner() -> re.Pattern[str]:
    """A capitalised word whose previous word is a capitalised determiner ("The Guardian").
    The word is in a lookahead, so it may be the next match's determiner ("The In Bruges")."""
    words = "|".join(sorted(_BEFORE_LOWER, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![A-Za-z])(?:{words})(?![A-Za-z])[^A-Za-z]*+(?=([A-Z][A-Za-z]*+))")


def common_words(
    prose: str, start: int, end: int, glued: frozenset[int] = frozenset()
) -> frozenset[str]:
    """Words the text writes in lower case and never capitalised after a lower-case word.

    ``glued`` are the offsets just after lead-ins: the words there are the ones in question.
    """
    text = prose[start:end]  # a run cut at ``start`` is a word of its own, as in a scan
    lower = set(_lower_words().findall(text))
    capitalised_inside = {
        match.group(1).lower()
        for match in _capitalised_after_lower().finditer(text)
        if start + match.start(1) not in glued
    }
    return frozenset(lower - capitalised_inside - _ARTICLE_LIKE)


def bare_names(prose: str, start: int, end: int) -> frozenset[str]:
    """Capitalised words the text writes at least once without a capitalised determiner.

    A name that owns its article ("The Guardian", "In Bruges") always has it; a word the post
    also writes bare or after a lower-case one ("Rust", "the Council") does not.
    """
    text = prose[start:end]
    every = Counter(_capitalised().findall(text))
    determined = Counter(_after_determiner().findall(text))
    return frozenset(word for word, count in every.items() if count > determined[word])


class _WordStatistics:
    """The post's ``common_words`` and ``bare_names``, computed when first asked for."""

    def __init__(self, prose: str, start: int, end: int, glued: frozenset[int]) -> None:
        self._prose, self._start, self._end, self._glued = prose, start, end, glued

    @cached_property
    def common(self) -> frozenset[str]:
        return common_words(self._prose, self._start, self._end, self._glued)

    @cached_property
    def determined(self) -> frozenset[str]:
        return bare_names(self._prose, self._start, self._end)


def splices(
    prose: str,
    start: int,
    end: int,
    words: _WordStatistics | None = None,
    lead_ins: Sequence[re.Match[str]] | None = None,
) -> Iterator[tuple[int, int]]:
    """Spans of lead-ins glued onto a new sentence in ``prose[start:end]``.

    ``lead_ins``: ``LEAD_IN.finditer(prose, start, end)``, when already known.
    """
    for match in lead_ins if lead_ins is not None else find_lead_ins(prose, start, end):
        lead = match.start()
        if match.group(0)[:2].lower() != "it" and not _is_hearsay(match.group(0)):
            lead = _attribution_start(prose, match.start(), start)
        # A lower-case question after the lead-in only counts after "that" or a comma, when the
        # lead-in opens the sentence ("It is understood that will the talks resume?").
        joined = match.group(0).rstrip()
        # A bare verb ("... said") is glued only onto the words that never start a name; the
        # post's own common words count after a full formula ("that", a comma, "It is ...").
        formula = joined.endswith(("that", ",")) or lead == match.start()
        opens = (
            joined.endswith(("that", ","))
            and _wh().search(prose, lead, match.start()) is None
            and not _asks(prose, lead, match.start())
            and starts_sentence(prose, lead, start)
        )
        # A subject of words ("Officials say"), not a figure in a survey's list ("4% chose").
        lead_opens = prose[lead].isalpha() and starts_sentence(prose, lead, start)
        if _cannot_continue(prose, match.end(), end, opens, words, lead_opens, formula):
            yield lead, match.end()


# A subject with one of these is a question or a relative clause, not an attribution.
@cache
def _wh() -> re.Pattern[str]:
    return re.compile(r"(?i:\b(?:what|who|which|that|whether|how|why|when|where)\b)")


def _asks(prose: str, start: int, end: int) -> bool:
    """Whether the subject opens with an auxiliary: "Do officials say that ...?" asks."""
    first = _WORD.match(prose, start, end)
    return first is not None and first.group(0).lower() in _AUXILIARIES


@cache
def _hearsay_start() -> re.Pattern[str]:
    return re.compile(rf"(?:{_HEARSAY}|(?i:according))\b")


def _is_hearsay(text: str) -> bool:
    return _hearsay_start().match(text) is not None


def _leading_letters(alternative: str) -> str:
    """The literal letters (or ``[Xx]`` classes) an alternative of a pattern must start with:
    up to the first group, escape or optional letter."""
    out: list[str] = []
    i = 0
    while i < len(alternative):
        if alternative[i] == "[":
            close = alternative.index("]", i)
            token = alternative[i : close + 1]
        elif alternative[i].isalpha():
            token = alternative[i]
        else:
            break
        i += len(token)
        if alternative[i : i + 1] in ("?", "*", "{"):
            break
        out.append(token)
        if alternative[i : i + 1] == "+":
            break
    return "".join(out)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (no ``|`` inside a group or a class)."""
    parts: list[str] = []
    current: list[str] = []
    depth, escaped = 0, False
    for char in pattern:
        if not escaped and char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        if not escaped and char in "([":
            depth += 1
        elif not escaped and char in ")]":
            depth -= 1
        escaped = not escaped and char == "\\"
        current.append(char)
    parts.append("".join(current))
    return parts


@cache
def _lead_in_starts() -> re2._Regexp:
    """Where a lead-in may start: a word beginning with the letters one of LEAD_IN's
    alternatives begins with. A superset: RE2's ASCII ``\b`` holds wherever Python's does
    before a letter, and no lead-in starts inside a run of letters another one began."""
    firsts = [_leading_letters(a) for a in _alternatives(f"{_SAYING}|{_HEARSAY}")]
    firsts += ["[Ii]t", "[Aa][Cc][Cc][Oo][Rr][Dd]"]  # the passive; "according to" in any case
    return re2.compile(r"\b(?:" + "|".join(sorted(set(firsts))) + ")")


def _candidate_starts(prose: str, start: int, end: int, data: bytes | None = None) -> Iterator[int]:
    """Where ``_lead_in_starts().finditer(prose, start, end)`` matches, as the wrapper finds
    them (the same bytes and byte range), read with one C call a match instead of a Python
    match object; a byte offset is turned back into a character offset by counting the
    characters since the last one (none of the patterns matches the empty string). ``data``
    is ``prose`` in UTF-8, when the caller has it."""
    if data is None:
        data = prose.encode()
    ascii_only = len(data) == len(prose)
    pos = start if ascii_only else byte_length(data, 0, start)
    if ascii_only or end == len(prose):
        stop = end if ascii_only else len(data)  # the rest of the text: no need to count it
    else:
        stop = pos + byte_length(data, pos, end - start)
    spans = re2_byte_spans(_lead_in_starts(), data, 0, pos, stop)
    if ascii_only:
        yield from (at for at, _ in spans)
        return
    last, char = pos, start
    for at, _ in spans:
        char += count_chars(data, last, at)
        last = at
        yield char


def find_lead_ins(
    prose: str, start: int, end: int, data: bytes | None = None
) -> list[re.Match[str]]:
    """``list(LEAD_IN.finditer(prose, start, end))``: LEAD_IN is tried only where RE2 finds a
    possible start, since trying it at every word start was most of this rule's cost."""
    found: list[re.Match[str]] = []
    pos = start
    for at in _candidate_starts(prose, start, end, data):
        if at < pos:
            continue
        match = LEAD_IN.match(prose, at, end)
        if match is not None:
            found.append(match)
            pos = match.end()
    return found


def document_splices(doc: Document) -> tuple[tuple[int, int], ...]:
    """Every lead-in glued onto a new sentence in the post's paragraphs, in order.

    One analysis per document (kept by the document's prose view), read by this rule and by
    unattributed-claim (PR103), which leaves these lead-ins to this rule.
    """
    return doc.view.analysis("lede-splices", lambda: _document_splices(doc))


def _document_splices(doc: Document) -> tuple[tuple[int, int], ...]:
    prose = doc.prose
    data = prose_bytes(doc)
    everywhere = find_lead_ins(prose, doc.body_start, len(prose), data)
    if not everywhere:
        return ()
    glued = frozenset(m.end() for m in everywhere if m.end() < len(prose))
    words = _WordStatistics(prose, doc.body_start, len(prose), glued)
    starts = [m.start() for m in everywhere]
    found: list[tuple[int, int]] = []
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        lead_ins = _within(everywhere, starts, block.start, block.end)
        if lead_ins is None:  # a lead-in of the whole body crosses the paragraph's edge
            lead_ins = find_lead_ins(prose, block.start, block.end, data)
        if lead_ins:
            found.extend(splices(prose, block.start, block.end, words, lead_ins))
    return tuple(found)


def _within(
    everywhere: list[re.Match[str]], starts: list[int], start: int, end: int
) -> list[re.Match[str]] | None:
    """The body's lead-ins inside ``start..end``: the same as a search of that span alone
    when none crosses its edges (LEAD_IN has no look-around and no anchor but its first
    ``\b``, which sees the same text), else None."""
    first = bisect_left(starts, start)
    if first and everywhere[first - 1].end() > start:
        return None
    last = bisect_left(starts, end, first)
    inside = everywhere[first:last]
    if inside and inside[-1].end() > end:
        return None
    return inside


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for start, end in document_splices(doc):
        lead_in = doc.text[start:end].strip()
        yield Finding(
            start,
            end,
            f"'{lead_in}' is glued onto a sentence that cannot continue it: "
            "remove the lead-in, or name the source and rewrite the sentence",
            fix=Fix((Edit(start, end, ""),), safe=False, message=f"Remove '{lead_in}'"),
        )


RULE = Rule(
    code="PR101",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="lede-splice",
    summary="A reporting lead-in is glued onto a sentence that cannot continue it",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.UNSAFE,
)
