"""Two posts the generator publishes at the same URL.

## What it does
Works out every URL each post of the site is published at, the way its generator does (the
file name and the config's permalink scheme, or `permalink`, `url`, `slug` and `path` in the
front matter, plus `aliases` and `redirect_from`), and reports a URL of this post that another
post also claims: at the key that sets it, or at the front matter's opening line when the URL
comes from the file name.

The defect: two posts resolve to one URL, so one silently overwrites the other when the site
is built.

## Why is this bad?
Generators do not check this: Hugo and Astro write both pages to the same file and keep
whichever came last, Jekyll keeps one and warns only in verbose builds. Readers and feeds lose
a post without anyone noticing.

## Example
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
permalink: /newsroom/2025/11/20/how-we-check-posts.html
---
Text.
```

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
permalink: /newsroom/2025/11/21/our-checks.html
---
Text.
```

## Fix
None: choose which post keeps the URL.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._site import key_span, own_entry, shown


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    model = doc.site_model
    if model is None:
        return
    entry = own_entry(doc, model)
    for claim in entry.claims:
        others = model.others_at(claim.url, entry.path)
        if not others:
            continue
        names = ", ".join(f"`{shown(other.path, model)}`" for other in others[:3])
        more = f" and {len(others) - 3} more" if len(others) > 3 else ""
        start, end = key_span(doc, claim.key, claim.index)
        where = f"`{claim.key}`" if claim.key else "its file name"
        yield Finding(
            start,
            end,
            f"this post is published at `{claim.url}` (from {where}), as is {names}{more}: "
            "one overwrites the other",
        )


RULE = Rule(
    code="ST101",
    name="duplicate-url",
    summary="Two posts are published at the same URL",
    severity=Severity.ERROR,
    check=check,
    uses_site=True,
)
