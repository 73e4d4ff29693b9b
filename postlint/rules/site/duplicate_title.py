"""Two posts of the site with the same title.

## What it does
Compares this post's `title` with every other published post's in the same language (from
`lang`, `language` or a Hugo `post.fr.md` name), ignoring case and runs of spaces, and reports
the title when another post has it too. Jekyll posts are compared with posts and pages with
pages; Hugo's section list pages (`_index.md`) are not compared.

The defect: two posts carry one title, so readers, feeds and search results cannot tell them
apart.

## Why is this bad?
A repeated title is usually a copied post that was never retitled, or one post imported twice.
Search engines treat the pair as duplicate content, and archive pages list two identical
entries.

## Example
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: How we check posts before they go out
---
Text.
```

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: How we check posts, part two
---
Text.
```

## Fix
None: retitle one of the posts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._site import key_span, own_entry, shown


def _kind(relative: str) -> str:
    """Posts are compared with posts, pages with pages; list pages with nothing."""
    path = PurePosixPath(relative)
    if path.stem == "_index":
        return f"list:{relative}"
    return "post" if "_posts" in path.parts else "page"


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    model = doc.site_model
    if model is None:
        return
    entry = own_entry(doc, model)
    if entry.title is None or not entry.claims:
        return  # untitled, or not published
    kind = _kind(entry.relative)
    others = [
        other
        for other in model.others_titled(entry.title, entry.path, entry.language)
        if other.claims and _kind(other.relative) == kind
    ]
    if not others:
        return
    names = ", ".join(f"`{shown(other.path, model)}`" for other in others[:3])
    more = f" and {len(others) - 3} more" if len(others) > 3 else ""
    start, end = key_span(doc, "title")
    yield Finding(start, end, f"{names}{more} has the same title")


RULE = Rule(
    code="ST102",
    name="duplicate-title",
    summary="Another post has the same title",
    severity=Severity.WARNING,
    check=check,
    uses_site=True,
)
