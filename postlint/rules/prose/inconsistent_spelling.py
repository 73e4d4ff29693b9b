"""One term spelled two ways in one post: NATO and Nato, Kyiv and Kiev, organise and organize.

## What it does
Counts the spellings of known variants in the body and the front-matter text fields, and
reports each occurrence of the less frequent spelling, naming the one used more often. On a tie
the spelling the post introduces first wins, so the later one is reported. Variants are:

- the pairs of the option `pairs`, compared without regard to case, so "Email" at the start of
  a sentence is the same spelling as "email" (by default Kyiv/Kiev, Kharkiv/Kharkov,
  Odesa/Odessa, Donbas/Donbass, email/e-mail, online/on-line, website/web site,
  cooperate/co-operate, cooperation/co-operation, focused/focussed, and their plurals);
- the acronyms of the option `acronyms`, written in capitals or as a name (NATO/Nato,
  NASA/Nasa, COVID/Covid...); only these are compared case by case;
- every -ise/-ize word family (organise, organised, organisation / organize, organized...),
  unless `ise-ize` is false. A capitalised word in the middle of a sentence is taken for a
  proper name ("World Health Organization") and left alone.

Block quotes keep the quoted author's spelling and are not read, and neither is code.

## Why is this bad?
Inconsistent spelling looks careless and breaks search within the site; house style picks one.

## Example
```markdown
---
title: A post
---

NATO leaders met in Brussels. Nato officials said NATO would respond.
```

## Use instead
```markdown
---
title: A post
---

NATO leaders met in Brussels. NATO officials said NATO would respond.
```

## Fix safety
Unsafe (`--unsafe-fixes`): choosing one spelling over another is an editor's choice, and a
spelling can be a name or a quotation the rule cannot tell apart. The fix replaces the minority
spelling with the majority one, keeping the letter case of the original ("E-mail" becomes
"Email", "ORGANISE" becomes "ORGANIZE"; an acronym takes the majority's exact form); only the
differing characters' word is touched, and a plural "s" stays. No fix is offered inside a
quotation, a name of several capitalised words ("World Health Organisation"), an identifier
(`rust-analyzer`) or a URL.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import cast

import re2

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.rule import FixAvailability, Rule
from postlint.rules.prose._text import prose_bytes, starts_sentence

DEFAULT_PAIRS = (
    ("Kyiv", "Kiev"),
    ("Kharkiv", "Kharkov"),
    ("Odesa", "Odessa"),
    ("Donbas", "Donbass"),
    ("email", "e-mail"),
    ("online", "on-line"),
    ("website", "web site"),
    ("cooperate", "co-operate"),
    ("cooperation", "co-operation"),
    ("focused", "focussed"),
)
DEFAULT_ACRONYMS = ("NATO", "NASA", "UNESCO", "UNICEF", "OPEC", "FIFA", "UEFA", "ASEAN", "COVID")
# The suffix of an -ise/-ize word; the stem is found by walking back over letters.
_IZE_SUFFIX = re.compile(
    r"([iI])([sSzZ])"
    r"(?:[eE](?:[sSdD]|[rR][sS]?)?|[iI][nN][gG]|[aA](?:[bB][lL][eE]|[tT][iI][oO][nN][sS]?))"
    r"(?![\w-])"
)
# Both letters of an -ise/-ize word after a stem of three ASCII letters, for RE2 (see _both_ize).
_IZE_STEMMED = r"[A-Za-z]{3}[iI]%s(?:[eE]|[iI][nN][gG]|[aA][bB][lL][eE]|[aA][tT][iI][oO][nN])"
_ASCII_LETTERS = frozenset(string.ascii_letters)
_MIN_STEM = 3
_SPACES = re.compile(r"\s+")
_PROSE_KINDS = frozenset({"paragraph", "heading", "table"})


@dataclass(frozen=True)
class Options:
    pairs: tuple[tuple[str, str], ...] = DEFAULT_PAIRS
    acronyms: tuple[str, ...] = DEFAULT_ACRONYMS
    ise_ize: bool = True

    def __post_init__(self) -> None:
        for pair in self.pairs:
            if len(pair) != 2 or not all(isinstance(f, str) and f.strip() for f in pair):
                raise ValueError(f"each of pairs must be two spellings, not {pair!r}")
            if pair[0] == pair[1]:
                raise ValueError(f"the spellings of {pair!r} are the same")
        for acronym in self.acronyms:
            if not (isinstance(acronym, str) and acronym.isupper() and len(acronym) > 1):
                raise ValueError(f"acronyms must be written in capitals, not {acronym!r}")


@dataclass(frozen=True)
class _Term:
    """One term's spellings: each with a quick presence test and its pattern.

    The patterns are compiled when a post passes the presence test (few do): compiling all
    of them was most of the rule's start-up.
    """

    forms: tuple[str, ...]
    by_case: bool  # NATO/Nato: the spellings differ only in letter case
    needles: tuple[str, ...]  # substrings every spelling needs, the rarest-looking first

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        """For the text as written."""
        return tuple(_pattern(f, 0 if self.by_case else re.IGNORECASE) for f in self.forms)

    @property
    def lower_patterns(self) -> tuple[re.Pattern[str], ...]:
        """For the lower-cased text (much faster)."""
        if self.by_case:
            return self.patterns
        return tuple(_pattern(f.lower()) for f in self.forms)


@dataclass(frozen=True)
class Prepared:
    """All terms' patterns, compiled once per run."""

    terms: tuple[_Term, ...]
    ise_ize: bool = True


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text.lower())


@cache
def _pattern(form: str, flags: int = 0) -> re.Pattern[str]:
    # A literal start lets the regex engine search fast; the word start is checked after.
    return re.compile(re.escape(form).replace(r"\ ", r"\s+") + r"(?=s?(?!\w))", flags)


def _term(forms: tuple[str, ...]) -> _Term:
    by_case = _fold(forms[0]) == _fold(forms[1])
    words = [w for f in forms for w in (f.split() if by_case else f.lower().split())]
    # Hyphenated, spaced and mixed-case spellings are the rare ones: test them first.
    needles = sorted(dict.fromkeys(words), key=lambda w: ("-" not in w, w.isupper() or w.islower()))
    return _Term(forms, by_case, tuple(needles))


def prepare(options: Options, enabled: object) -> Prepared:
    terms = [_term(tuple(pair)) for pair in options.pairs]
    terms += [_term((a, a[0] + a[1:].lower())) for a in options.acronyms]
    return Prepared(tuple(terms), options.ise_ize)


@dataclass(frozen=True)
class _Seen:
    """One occurrence of a spelling: where it is and how to rewrite it into another form."""

    start: int
    end: int
    text: str
    letter: int = -1  # for -ise/-ize: the offset of the s or z


@dataclass(frozen=True)
class _Where:
    """The places read: the text fields (in the file text) and prose blocks outside quotes."""

    fields: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]  # body blocks, in order
    ends: tuple[int, ...]

    def regions(self, doc: Document) -> Iterator[tuple[str, int, int]]:
        """(text, start, end) to scan: each field, and the body as one piece."""
        for start, end in self.fields:
            yield doc.text, start, end
        if self.starts:
            yield doc.prose, self.starts[0], self.ends[-1]

    def inside(self, offset: int, text_is_prose: bool) -> bool:
        if not text_is_prose:
            return True  # fields are read whole
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def floor(self, offset: int, text_is_prose: bool) -> int:
        """The start of the field or block holding ``offset``."""
        if not text_is_prose:
            return max(start for start, _ in self.fields if start <= offset)
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]


def _where(doc: Document) -> _Where:
    blocks = [
        (b.start, b.end) for b in doc.blocks if b.kind in _PROSE_KINDS and not b.in_blockquote
    ]
    fields = tuple((f.start, f.end) for f in doc.text_fields)
    return _Where(fields, tuple(s for s, _ in blocks), tuple(e for _, e in blocks))


def _present(term: _Term, exact: frozenset[str], folded: frozenset[str]) -> bool:
    """A quick test that every spelling of ``term`` may occur (most posts have none):
    ``exact`` and ``folded`` are the needles the text holds as written and lower-cased."""
    found = exact if term.by_case else folded
    return all(needle in found for needle in term.needles)


@cache
def _all_needles(terms: tuple[_Term, ...], by_case: bool) -> tuple[str, ...]:
    """The needles of the terms that are (or are not) spelled by case, each once."""
    return tuple(dict.fromkeys(n for t in terms if t.by_case == by_case for n in t.needles))


def _needles_in(needles: tuple[str, ...], text: bytes) -> frozenset[str]:
    """The ``needles`` that occur in ``text``: one RE2 pass for all of them, instead of a
    substring search of the whole post for each (that was most of this rule's cost). ``text``
    is in UTF-8, as RE2 reads it."""
    if not needles:
        return frozenset()
    matches = _needle_set(needles).Match(text)  # the indices of the needles found, or None
    if not matches:
        return frozenset()
    return frozenset(needles[i] for i in cast("list[int]", matches))


def _found(
    terms: tuple[_Term, ...], exact: bytes, prose: str, fields: list[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """The needles the text holds as written and lower-cased (``_present``'s ``exact`` and
    ``folded``). When the lower-cased needles are ASCII (the default terms' are), both come
    from one RE2 pass over ``exact``, with no lower-cased copy of the post: see
    ``_folded_pattern``."""
    by_case = _all_needles(terms, by_case=True)
    folded = _all_needles(terms, by_case=False)
    if not all(needle.isascii() for needle in folded):
        lowered = "\n".join([prose.lower(), *(f.lower() for f in fields)])
        return _needles_in(by_case, exact), _needles_in(folded, lowered.encode())
    if not by_case and not folded:
        return frozenset(), frozenset()
    matches = _both_set(by_case, folded).Match(exact)  # the indices found, or None
    hits: list[int] = cast("list[int]", matches) if matches else []
    first_folded = len(by_case)
    return (
        frozenset(by_case[i] for i in hits if i < first_folded),
        frozenset(folded[i - first_folded] for i in hits if i >= first_folded),
    )


@cache
def _both_set(by_case: tuple[str, ...], folded: tuple[str, ...]) -> re2.Set:
    """The needles as written, then the lower-cased ones as ``_folded_pattern``s, one set."""
    found = re2.Set.SearchSet()
    for needle in by_case:
        found.Add(_literal(needle))
    for needle in folded:
        found.Add(_folded_pattern(needle))
    found.Compile()
    return found


def _folded_pattern(needle: str) -> str:
    """A pattern of the text as written that matches where ``needle`` (ASCII, lower case)
    occurs in the text lower-cased.

    Why it is the same test: the only characters whose lower case holds an ASCII character
    are ASCII ones, KELVIN SIGN (lower case ``k``) and CAPITAL I WITH DOT ABOVE (``i`` and a
    combining dot, which no ASCII needle holds, so it may only give the needle's last
    letter); every other character lowers to non-ASCII text. So the needle occurs in the
    lower-cased text exactly where each of its characters comes from one of those written
    characters, and the joins (line feeds) are the same in both texts."""
    out = []
    for i, char in enumerate(needle):
        if not char.isalpha():
            out.append(_literal(char))
            continue
        written = char + char.upper() + ("\u212a" if char == "k" else "")
        if char == "i" and i == len(needle) - 1:
            out.append(f"(?:[{written}]|\u0130)")
        else:
            out.append(f"[{written}]")
    return "".join(out)


def _literal(needle: str) -> str:
    return "".join("\\" + c if c.isascii() and not c.isalnum() else c for c in needle)


@cache
def _needle_set(needles: tuple[str, ...]) -> re2.Set:
    """The literal ``needles`` as one RE2 set (a UTF-8 substring match is a str one)."""
    found = re2.Set.SearchSet()
    for needle in needles:
        found.Add(_literal(needle))
    found.Compile()
    return found


def _ize_words(text: str, start: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
    """(word start, suffix match) of -ise/-ize words: the suffix first, then back to the stem."""
    for match in _IZE_SUFFIX.finditer(text, start, end):
        word_start = match.start()
        while word_start > start and text[word_start - 1] in _ASCII_LETTERS:
            word_start -= 1
        if match.start() - word_start < _MIN_STEM:
            continue
        before = text[word_start - 1] if word_start > 0 else " "
        if before.isalnum() or before in "_-":
            continue  # part of a longer token: "rust-analyzer", "naïvize"
        yield word_start, match


@cache
def _ize_gate(letter: str) -> re2._Regexp:
    return re2.compile(_IZE_STEMMED % letter)


def _both_ize(doc: Document, fields: list[str]) -> bool:
    """Whether the post may spell one stem with both -ise and -ize (few do): only then is the
    scan run. Why a superset: a finding needs a word of each letter, and each word the scan
    takes is a stem of three or more ASCII letters and a suffix this pattern starts (its
    look-ahead dropped), in the body (inside the prose view) or in a field."""
    texts = [prose_bytes(doc), *(f.encode() for f in fields)]
    return all(any(_ize_gate(c).search(t) for t in texts) for c in ("[sS]", "[zZ]"))


def _starts_word(text: str, offset: int) -> bool:
    return offset == 0 or not (text[offset - 1].isalnum() or text[offset - 1] == "_")


def _occurrences(doc: Document, prepared: Prepared) -> dict[tuple[object, str], list[_Seen]]:
    where = _where(doc)
    regions = list(where.regions(doc))
    fields = [doc.text[start:end] for start, end in where.fields]
    # The prose view masks the front matter, so the fields' text is added for the quick test.
    exact = b"\n".join([prose_bytes(doc), *(f.encode() for f in fields)])
    exact_found, folded_found = _found(prepared.terms, exact, doc.prose, fields)
    present = [
        (index, term)
        for index, term in enumerate(prepared.terms)
        if _present(term, exact_found, folded_found)
    ]
    found: dict[tuple[object, str], list[_Seen]] = {}
    lowered = doc.prose.lower() if present else doc.prose
    same_offsets = len(lowered) == len(doc.prose)  # lower() may lengthen a rare letter
    for index, term in present:
        for form, pattern, lower in zip(
            term.forms, term.patterns, term.lower_patterns, strict=True
        ):
            for text, start, end in regions:
                prose = text is doc.prose
                fast = prose and same_offsets and not term.by_case
                searched, regex = (lowered, lower) if fast else (text, pattern)
                for match in regex.finditer(searched, start, end):
                    at = match.start()
                    if _starts_word(searched, at) and where.inside(at, prose):
                        seen = _Seen(at, match.end(), text[at : match.end()])
                        found.setdefault((index, form), []).append(seen)
    if not prepared.ise_ize or not _both_ize(doc, fields):
        return found
    for text, start, end in regions:
        prose = text is doc.prose
        for word_start, match in _ize_words(text, start, end):
            if not where.inside(word_start, prose):
                continue
            word = text[word_start : match.end()]
            capitalised = word[0].isupper() and not word.isupper()
            floor = where.floor(word_start, prose)
            if capitalised and not starts_sentence(text, word_start, floor):
                continue  # a proper name such as "World Health Organization"
            key = ("ize", text[word_start : match.end(1)].lower())
            seen = _Seen(word_start, match.end(), word, match.start(2))
            found.setdefault((key, match.group(2).lower()), []).append(seen)
    return found


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _case_like(model: str, word: str) -> str:
    """``word`` in the letter case of ``model``: all capitals, a leading capital, or as is."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _rewrite(seen: _Seen, form: str, by_case: bool) -> tuple[Edit, str]:
    """The edit turning ``seen`` into ``form``, and the word it produces."""
    if seen.letter >= 0:  # -ise/-ize: change the one letter, in its own case
        index = seen.letter - seen.start
        letter = form.upper() if seen.text[index].isupper() else form
        return Edit(seen.letter, seen.letter + 1, letter), (
            seen.text[:index] + letter + seen.text[index + 1 :]
        )
    replacement = form if by_case else _case_like(seen.text, form)
    return Edit(seen.start, seen.end, replacement), replacement


def check(doc: Document, prepared: Prepared) -> Iterator[Finding]:
    found = _occurrences(doc, prepared)
    protected = doc.protected
    terms: dict[object, list[tuple[str, list[_Seen]]]] = {}
    for (term, form), seen in found.items():
        terms.setdefault(term, []).append((form, seen))
    for term, spellings in terms.items():
        if len(spellings) < 2:
            continue
        by_case = isinstance(term, int) and prepared.terms[term].by_case
        majority, kept = max(spellings, key=lambda s: (len(s[1]), -min(x.start for x in s[1])))
        for form, seen in spellings:
            if form == majority:
                continue
            for one in seen:
                edit, word = _rewrite(one, majority, by_case)
                fix = None
                if protected.reason(one.start, one.end, whole_identifier=True) is None:
                    fix = Fix((edit,), safe=False, message=f"Write '{word}'")
                yield Finding(
                    one.start, one.end, _message(one, form, majority, len(kept), word), fix=fix
                )


def _message(one: _Seen, form: str, majority: str, count: int, word: str) -> str:
    if one.letter >= 0:
        spelled = f"with -i{majority}e"
        here = f"-i{form}e"
        return (
            f"'{one.text}' is spelled with {here}, but this post spells this word {spelled} "
            f"{_times(count)}: use one spelling ('{word}')"
        )
    return (
        f"'{one.text}' is written '{majority}' {_times(count)} elsewhere in this post: "
        f"use one spelling ('{word}')"
    )


RULE = Rule(
    code="PR113",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="inconsistent-spelling",
    summary="One term is spelled two ways in the same post",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    prepare=prepare,
    fix=FixAvailability.UNSAFE,
)
