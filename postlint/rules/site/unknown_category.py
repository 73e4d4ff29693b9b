"""A category that is not in the site's list of allowed categories.

## What it does
Where the site keeps a closed list of categories (the file `[site] categories` names, or `_data/categories.yml`
in Jekyll, `data/categories.yml` in Hugo; YAML, JSON, TOML or one name a line), reports each value of
`categories` (or `category`) that the list does not hold, ignoring case, with the closest one.

The defect: a post files itself under a category outside the site's agreed vocabulary.

## Why is this bad?
A misspelt category (`Newsrom`) creates a new category page, and in Jekyll a new URL folder, with
one post in it, hiding the post from the real category's page and feed.

## Example
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
categories: [Newsrom]
---
Text.
```

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
categories: [Newsroom]
---
Text.
```

## Fix
None: correct the category or add it to the list.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._lists import unknown_names


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    return unknown_names(doc, "categories", ("categories", "category"), "category")


RULE = Rule(
    code="ST108",
    name="unknown-category",
    summary="A category is not in the site's list of allowed categories",
    severity=Severity.WARNING,
    check=check,
    uses_site=True,
)
