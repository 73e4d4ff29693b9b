"""An internal link to a post or page of the site that does not exist.

## What it does
Follows every internal link of the body: relative links to Markdown files (`../other.md`),
Jekyll's `{% post_url %}` and `{% link %}` tags, Hugo's `ref` and `relref` shortcodes, and
root-relative or relative URLs where the site publishes its posts (`/blog/2024/some-post/`),
and reports the target when no file or post is there, with the closest existing name. A URL
outside the folders posts are published in (a page, a tag list, a file postlint cannot see) is
not judged, nor a Markdown link into a folder that is not in this checkout.

The defect: an internal link whose target the site does not contain.

## Why is this bad?
Renamed and deleted posts leave dead links behind, and generators do not notice (Jekyll's
`post_url` and Hugo's `ref` fail the whole build instead, far from the cause). Readers hit a
404 page.

## Example
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
---
Read [how we check posts]({% post_url 2025-11-20-how-we-check-post %}).
```

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
---
Read [how we check posts]({% post_url 2025-11-20-how-we-check-posts %}).
```

## Fix
None: correct the link or restore the post.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._links import resolved_links


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    model = doc.site_model
    if model is None:
        return
    for link, target in resolved_links(doc, model):
        if target.status == "missing":
            yield Finding(link.start, link.end, f"broken link: {target.problem}")


def looks_up(doc: Document, options: NoOptions) -> tuple[str, ...]:
    model = doc.site_model
    if model is None:
        return ()
    return tuple(p for _, target in resolved_links(doc, model) for p in target.looked_at)


RULE = Rule(
    code="ST103",
    name="broken-link",
    summary="An internal link leads to a post or page that does not exist",
    severity=Severity.ERROR,
    check=check,
    looks_up=looks_up,
    uses_site=True,
)
