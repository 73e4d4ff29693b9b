"""A tag that is not in the site's list of allowed tags.

## What it does
Where the site keeps a closed list of tags (the file `[site] tags` names, or `_data/tags.yml`
in Jekyll, `data/tags.yml` in Hugo; YAML, JSON, TOML or one name a line), reports each value of
`tags` (or `tag`) that the list does not hold, ignoring case, with the closest allowed tag.

The defect: a post uses a tag outside the site's agreed vocabulary.

## Why is this bad?
A misspelt or near-duplicate tag (`editting`, `Tools`) creates a new tag page with one post on
it and hides the post from the real tag's page and feed.

## Example
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
tags: [editting]
---
Text.
```

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
tags: [editing]
---
Text.
```

## Fix
None: correct the tag or add it to the list.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._lists import unknown_names


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    return unknown_names(doc, "tags", ("tags", "tag"), "tag")


RULE = Rule(
    code="ST107",
    name="unknown-tag",
    summary="A tag is not in the site's list of allowed tags",
    severity=Severity.WARNING,
    check=check,
    uses_site=True,
)
