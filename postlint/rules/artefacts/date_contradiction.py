"""A date in the text that contradicts the post's own `date`.

## What it does
Reads the sentences in which the post dates itself, in the body and in the front-matter text
fields, and compares their date with the front matter's `date` (or `pubDate`,
`publishDate`):

- "This post was published on 3 March 2025", "This article was written on March 3rd";
- a dateline: "Published: 2025-03-03", "Posted on Monday, March 3, 2025";
- "Today, 3 March 2025, ...", "today (March 3)";
- "Last updated: 1 February 2025" earlier than the post's date.

A date without a year is compared by day and month. One day either way is allowed (time
zones). A sentence about another publication ("originally published on Medium on ...",
"first posted on the Foo blog") is a cross-post note and is not reported; nor is any other
date in the text.

## Why is this bad?
The principle: a post has one publication date, so a sentence that gives another one comes from
an earlier copy: a pipeline reused or rescheduled the text without reading it, and readers
cannot tell when it was written.

## Example
```markdown
---
title: Spring fair opens
date: 2025-05-12
---

This post was published on 3 March 2025.
```

## Use instead
```markdown
---
title: Spring fair opens
date: 2025-05-12
---

This post was published on 12 May 2025.
```

## Fix
None: only the author knows which date is right.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.artefacts._scan import candidate_segments, compiled, sentence_span

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<{}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]{1,3})?"
_DATE = (
    rf"(?i){_WEEKDAY}(?:(?P<iy>\d{{4}})-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    rf"|{_DAY.format('d1')}(?:[ \t]{{1,3}}of)?[ \t]{{1,3}}{_MONTH.format('m1')}"
    rf"(?:,?[ \t]{{1,3}}(?P<y1>\d{{4}}))?"
    rf"|{_MONTH.format('m2')}[ \t]{{1,3}}{_DAY.format('d2')}(?:,?[ \t]{{1,3}}(?P<y2>\d{{4}}))?)"
    r"(?![\w-])"
)
_S = r"[ \t\r\n]{1,3}"
# What dates the post itself; the date follows directly.
_TRIGGER = (
    r"(?i)(?=[tpwdlu])(?:"
    rf"\b(?:this|the){_S}(?:blog{_S})?(?:post|article|piece|story|entry|update|newsletter"
    rf"|report|announcement){_S}(?:was|is|has{_S}been){_S}(?:(?:first|originally){_S})?"
    rf"(?P<verb>published|posted|written|released|updated){_S}(?:on{_S})?"
    rf"|(?<![\w-])(?P<line>published|posted|written|dated|(?:last{_S})?updated)"
    rf"(?:{_S}on)?(?:[ \t]{{0,2}}:[ \t]{{0,3}}|{_S})"
    r"|\btoday[ \t]{0,2}[,(][ \t]{0,2}"
    r")"
)
_OTHER_VENUE = (
    r"\b(?i:originally|first|previously|also|cross-?posted|re-?published|re-?posted"
    r"|syndicated|appeared)\b|\b(?:on|at|in)[ \t]+(?:the[ \t]+)?[A-Z][\w.-]*"
)
# A finding needs a trigger followed at once by a date: where the prefilter looks.
_TRIGGER_THEN_DATE = _TRIGGER + _DATE.removeprefix("(?i)")
# Every trigger holds one of these (lower-cased): a segment without any is not searched.
_NEEDLES = ("publish", "posted", "written", "dated", "updated", "released", "today")
_DATE_KEYS = ("date", "pubDate", "publishDate")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _post_date(doc: Document) -> dt.date | None:
    for key in _DATE_KEYS:
        value = doc.data.get(key)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            match = _ISO.match(value.strip())
            if match:
                try:
                    return dt.date(*map(int, match.groups()))
                except ValueError:
                    return None
    return None


def _stated(match: re.Match[str]) -> tuple[int | None, int, int]:
    """(year or None, month, day) of the date in ``match``."""
    if match["iy"]:
        return int(match["iy"]), int(match["im"]), int(match["id"])
    if match["m1"]:
        month, day, year = match["m1"], match["d1"], match["y1"]
    else:
        month, day, year = match["m2"], match["d2"], match["y2"]
    return (int(year) if year else None), _MONTHS[month.lower()], int(day)


def _days_apart(stated: tuple[int | None, int, int], posted: dt.date) -> int | None:
    year, month, day = stated
    try:
        if year is not None:
            return (dt.date(year, month, day) - posted).days
        candidates = [dt.date(posted.year + k, month, day) for k in (-1, 0, 1)]
    except ValueError:
        return None
    return min(((c - posted).days for c in candidates), key=abs)


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    posted = _post_date(doc)
    if posted is None:
        return
    for segment in candidate_segments(doc, _TRIGGER_THEN_DATE):
        lowered = segment.text[segment.start : segment.end].lower()
        if not any(needle in lowered for needle in _NEEDLES):
            continue
        for trigger in compiled(_TRIGGER).finditer(segment.text, segment.start, segment.end):
            date = compiled(_DATE).match(segment.text, trigger.end(), segment.end)
            if date is None:
                continue
            stated = _stated(date)
            gap = _days_apart(stated, posted)
            if gap is None:
                continue
            updated = "updated" in (trigger["verb"] or trigger["line"] or "").lower()
            if abs(gap) <= 1 or (updated and gap > 0):
                continue  # the same day, or an update after publication
            start, end = sentence_span(segment, trigger.start(), date.end())
            text = segment.text
            if compiled(_OTHER_VENUE).search(
                text[start : trigger.start()] + " " + text[date.end() : end]
            ):
                continue
            written = " ".join(text[trigger.start() : date.end()].split())
            what = "updated before it was published" if updated else "published on another day"
            yield Finding(
                trigger.start(),
                date.end(),
                f"'{written}' says the post was {what} (its date is {posted.isoformat()}): "
                "correct one of them",
            )


RULE = Rule(
    code="AI110",
    name="date-contradiction",
    summary="The text dates the post differently from its front-matter date",
    severity=Severity.WARNING,
    check=check,
)
