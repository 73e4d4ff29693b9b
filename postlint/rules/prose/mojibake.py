"""Encoding garbage such as "â€™" or "Ã©" (mojibake) in the text.

## What it does
Finds the character sequences that UTF-8 text turns into when it is decoded as Windows-1252 or
Latin-1 somewhere in a pipeline ("â€™" for ’, "â€œ" for “, "â€\\x9d" for ”, "â€“" for –,
"Ã©" for é, "Â" before a no-break space, "ðŸ˜€" for an emoji), text garbled twice
("Ã¢â‚¬â„¢"), a lone "â€" whose last byte was lost, and the replacement character U+FFFD.
A sequence is reported only when it decodes back to a character that real text uses, so
"CAFÉ—", "3×½" or "São Paulo" stay quiet. Body prose and the front-matter text fields are read;
code and URLs are not.

## Why is this bad?
Readers see garbage in place of quotes, dashes and accents. It is a sure sign of a broken import.

## Example
```markdown
---
title: A post
---

It wasnâ€™t the first time.
```

## Use instead
```markdown
---
title: A post
---

It wasn’t the first time.
```

## Fix safety
Safe where the intended characters are certain, because the fix writes back exactly the
character that was meant (the text then means what the author wrote, in a quotation too): the garbled run (and only that run) is encoded
back to bytes with Windows-1252, or Latin-1 for the bytes Windows-1252 leaves undefined, and
decoded as UTF-8, repeatedly for text garbled twice. No fix when the original is lost: U+FFFD,
a lone "â€", or "Â" before an ordinary space (it was a no-break space, or nothing).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.rule import FixAvailability, NoOptions, Rule

# UTF-8 continuation bytes 0x80-0xBF as Windows-1252 (or Latin-1 where it has no character).
_CONT = (
    "[\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152"
    "\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e"
    "\u0178]"
)
_SEQUENCE = f"(?:[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}})"
_LEAD = re.compile("[\u00c2-\u00f4\ufffd]")  # where any mojibake starts; rare in most posts
_MAX_ROUNDS = 3


# The other patterns are compiled on first use: most posts have no lead character at all.
@cache
def _run() -> re.Pattern[str]:
    return re.compile(f"{_SEQUENCE}+")


@cache
def _mojibake() -> re.Pattern[str]:
    return re.compile(
        f"(?P<run>{_SEQUENCE}+)"
        "|(?P<lost>\ufffd+)"
        f"|(?P<cut>\u00e2\u20ac)(?!{_CONT})"  # "â€" whose third byte was lost
        "|(?<=\\S)(?P<nbsp>\u00c2)(?= )"  # "Â" left before a no-break space turned into a space
    )


@cache
def _plausible() -> re.Pattern[str]:
    """Where the characters that mojibake hides live; anything else decoded is a coincidence."""
    return re.compile(
        "[\u00a0-\u017f\u0370-\u04ff\u0590-\u06ff\u1e00-\u1eff\u2000-\u2bff\u3000-\u30ff"
        "\u3400-\u9fff\uac00-\ud7af\uff00-\uffef\U0001f000-\U0001faff]+"
    )


@cache
def _lone_letter() -> re.Pattern[str]:
    """What a single two-byte sequence may stand for on its own: Latin, Greek, punctuation."""
    return re.compile("[\u00a0-\u017f\u0370-\u03ff]")


@cache
def _invisible() -> re.Pattern[str]:
    return re.compile("[\u0080-\u00a0]")


def _to_bytes(run: str) -> bytes | None:
    out = bytearray()
    for char in run:
        if ord(char) < 0x100:
            out.append(ord(char))
        else:
            try:
                out += char.encode("cp1252")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def _repair(run: str) -> str | None:
    """The text ``run`` stood for before it was garbled, or None when that is not certain."""
    text = run
    for _ in range(_MAX_ROUNDS):
        raw = _to_bytes(text)
        if raw is None:
            break
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError:
            break
        text = decoded
        if not _run().fullmatch(text):
            break
    if text == run or not _plausible().fullmatch(text):
        return None
    if any(unicodedata.category(char) in ("Cn", "Co", "Cc") for char in text):
        return None  # unassigned or control: a coincidence
    if len(text) == 1 and len(run) == 2 and not _lone_letter().match(text):
        return None  # "3×½" is not a lone Hebrew letter: scripts come in words
    return text


def _visible(text: str) -> str:
    """``text`` with invisible characters (C1 controls, no-break spaces) spelled out."""
    return _invisible().sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Mojibake in ``text[start:end]``: a fast scan for lead characters, then a full match."""
    at = start
    while (lead := _LEAD.search(text, at, end)) is not None:
        match = _mojibake().match(text, lead.start(), end)
        if match is None:
            at = lead.end()
            continue
        yield match
        at = match.end()


def _findings(text: str, start: int, end: int) -> Iterator[Finding]:
    for match in _matches(text, start, end):
        found = match.group(0)
        if match.lastgroup == "run":
            repaired = _repair(found)
            if repaired is None:
                continue  # not UTF-8 seen through Windows-1252 after all: real text
            shown = "a no-break space" if repaired == "\u00a0" else f"'{_visible(repaired)}'"
            yield Finding(
                match.start(),
                match.end(),
                f"'{_visible(found)}' is mojibake for {shown} (an encoding error in an import): "
                "write the character",
                fix=Fix((Edit(match.start(), match.end(), repaired),), message=f"Write {shown}"),
            )
        elif match.lastgroup == "lost":
            yield Finding(
                match.start(),
                match.end(),
                "replacement character U+FFFD: a character was lost in an import; retype it",
            )
        elif match.lastgroup == "cut":
            yield Finding(
                match.start(),
                match.end(),
                "'â€' is what is left of a garbled quote or dash: retype the character",
            )
        else:
            yield Finding(
                match.start(),
                match.end(),
                "'Â' before a space is left over from a garbled no-break space: delete it",
            )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    yield from _findings(doc.prose, doc.body_start, len(doc.prose))
    for field in doc.text_fields:
        yield from _findings(doc.text, field.start, field.end)


RULE = Rule(
    code="PR105",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="mojibake",
    summary="Encoding garbage such as 'â€™' in the text",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.SOMETIMES,
)
