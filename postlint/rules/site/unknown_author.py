"""An author the site's author registry does not list.

## What it does
Where the site keeps a registry of authors (Jekyll's `_data/authors.yml`, Hugo's
`data/authors/` folder or `data/authors.yml`, or the file `[site] authors` names), reports each
name in `author` or `authors` that the registry does not list, by key or by `name`, ignoring
case, with the closest listed name.

The defect: a post names an author the site does not know.

## Why is this bad?
Themes look the author up to show the byline, photo and author page; an unknown name (a typo,
a full name where the key is expected) silently renders an empty byline or no author page.

## Example
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
author: The Editor
---
Text.
```

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
author: The Editors
---
Text.
```

## Fix
None: correct the name or add the author to the registry.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._lists import unknown_names


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    return unknown_names(doc, "authors", ("author", "authors"), "author")


RULE = Rule(
    code="ST106",
    name="unknown-author",
    summary="An author is not in the site's author registry",
    severity=Severity.WARNING,
    check=check,
    uses_site=True,
)
