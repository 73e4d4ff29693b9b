"""A post outside the drafts that its front matter keeps from being published.

## What it does
Reports `published: false` on a Jekyll post or page outside `_drafts`, and on a Hugo page
`draft: true` or an `expiryDate` already past: the generator builds the site without it.

The defect: a post sits among the published ones but its front matter says not to publish it.

## Why is this bad?
A leftover `published: false` or `draft: true` from the editing stage silently keeps a
finished post off the site; Jekyll's place for unfinished posts is `_drafts/`, where nothing is
expected to appear.

## Example
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
published: false
---
Text.
```

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
---
Text.
```

## Fix
None: remove the key, or move the post to the drafts.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._dates import dated
from postlint.rules.site._site import value_node


def _past(moment: datetime | date) -> bool:
    now = datetime.now(UTC)
    if isinstance(moment, datetime):
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)) < now
    return moment < now.date()


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    model = doc.site_model
    if model is None:
        return
    generator = model.facts.generator
    if generator == "jekyll":
        if "_drafts" in os.path.abspath(doc.path).split(os.sep):
            return
        node = value_node(doc, "published")
        if node is not None and node.value is False:
            yield Finding(
                node.start,
                node.end,
                "`published` is false: Jekyll builds the site without this post; "
                "move it to `_drafts/` or remove the key",
            )
    elif generator == "hugo":
        node = value_node(doc, "draft")
        if node is not None and node.value is True:
            yield Finding(
                node.start,
                node.end,
                "`draft` is true: Hugo builds the site without this page; remove the key to publish it",
            )
        for key, found, moment in dated(doc, ("expiryDate", "expirydate")):
            if _past(moment):
                yield Finding(
                    found.start,
                    found.end,
                    f"`{key}` has passed: Hugo builds the site without this page",
                )


def looks_up(doc: Document, options: NoOptions) -> tuple[str, ...] | None:
    """An expiry date still ahead passes with time: such a result is never cached."""
    model = doc.site_model
    if model is None or model.facts.generator != "hugo":
        return ()
    ahead = any(not _past(m) for _, _, m in dated(doc, ("expiryDate", "expirydate")))
    return None if ahead else ()


RULE = Rule(
    code="ST110",
    name="unpublished-post",
    summary="The front matter keeps a post among the published ones from being published",
    severity=Severity.WARNING,
    check=check,
    looks_up=looks_up,
    uses_site=True,
)
