"""A post date whose day changes in the site's time zone.

## What it does
On a Jekyll site that sets `timezone`, reports a `date` with a UTC offset whose moment falls on
another calendar day in that zone: Jekyll files the post (its URL, archives and displayed date)
under the day in the site's zone, not the day written.

The defect: the day written in the post is not the day the site publishes it under.

## Why is this bad?
`2025-11-21 00:30 +0200` on a site in UTC becomes the 20th: the URL says `/2025/11/20/`, the
archive lists it a day early and any link written with the 21st is broken.

## Example
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
date: 2025-11-21 23:30:00 -0500
---
Text.
```
(on the sample blog, whose `_config.yml` sets `timezone: Europe/Kyiv`)

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
date: 2025-11-22 06:30:00 +0200
---
Text.
```

## Fix
None: write the date in the site's zone, or correct the offset.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._dates import dated
from postlint.site.dates import site_zone


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    model = doc.site_model
    if model is None or model.facts.generator != "jekyll":
        return
    zone = site_zone(model.facts.timezone)
    if zone is None:
        return
    for key, node, moment in dated(doc, ("date",)):
        if not isinstance(moment, datetime) or moment.tzinfo is None:
            continue
        local = moment.astimezone(zone)
        if local.date() != moment.date():
            yield Finding(
                node.start,
                node.end,
                f"`{key}` is {local:%Y-%m-%d %H:%M} in the site's time zone "
                f"({model.facts.timezone}): Jekyll publishes the post under "
                f"{local:%Y-%m-%d}, not {moment:%Y-%m-%d}",
            )


RULE = Rule(
    code="ST111",
    name="date-shifts-day",
    summary="The post's date falls on another day in the site's time zone",
    severity=Severity.WARNING,
    check=check,
    uses_site=True,
)
