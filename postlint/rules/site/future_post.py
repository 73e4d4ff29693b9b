"""A post dated in the future on a site whose generator does not build future posts.

## What it does
On Jekyll sites without `future: true` and Hugo sites without `buildFuture = true` (both are
off by default), reports a `date` (Hugo: also `publishDate`) later than now, reading a date
without a time zone in the site's configured time zone (or, when it sets none, allowing for
any). Posts in Jekyll's `_drafts` are not judged.

The defect: the post is dated after the build, so the generator leaves it out without a word.

## Why is this bad?
Jekyll and Hugo skip future-dated posts silently: a typo in the year (`2052` for `2025`) or a
time zone slip makes a post vanish from the site until someone asks where it went.

## Example
```markdown title="examples/_posts/2099-11-21-our-checks.md"
---
title: Our checks
date: 2099-11-21
---
Text.
```

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
date: 2025-11-21
---
Text.
```

## Fix
None: correct the date, or set `future: true` if the post is meant to be built early.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._dates import dated
from postlint.site.dates import site_zone

_KEYS = {"jekyll": ("date",), "hugo": ("date", "publishDate", "publishdate")}
_ANY_ZONE = timedelta(hours=14)  # the widest UTC offset


def _later_than_now(moment: datetime | date, zone_name: str | None) -> bool:
    now = datetime.now(UTC)
    zone = site_zone(zone_name)
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            return moment > now
        if zone is not None:
            return moment.replace(tzinfo=zone) > now
        return moment.replace(tzinfo=UTC) - _ANY_ZONE > now
    today = now.astimezone(zone).date() if zone is not None else (now + _ANY_ZONE).date()
    return moment > today


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    model = doc.site_model
    if model is None or model.facts.future or model.facts.generator not in _KEYS:
        return
    parts = os.path.abspath(doc.path).split(os.sep)
    if "_drafts" in parts:
        return
    generator = model.facts.generator
    setting = "future: true" if generator == "jekyll" else "buildFuture = true"
    for key, node, moment in dated(doc, _KEYS[generator]):
        if _later_than_now(moment, model.facts.timezone):
            yield Finding(
                node.start,
                node.end,
                f"`{key}` is in the future: {generator.capitalize()} leaves this post out of the "
                f"site until a build after that date (the site does not set `{setting}`)",
            )


def looks_up(doc: Document, options: NoOptions) -> tuple[str, ...] | None:
    """A future date turns past with time: such a result is never cached; a past one stays."""
    return None if any(True for _ in check(doc, options)) else ()


RULE = Rule(
    code="ST109",
    name="future-post",
    summary="A future-dated post the generator will not build",
    severity=Severity.WARNING,
    check=check,
    looks_up=looks_up,
    uses_site=True,
)
