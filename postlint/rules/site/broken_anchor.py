"""A link to a heading anchor that no heading of the target post makes.

## What it does
For internal links with a fragment (`#section`, `other.md#section`,
`ref "x.md#section"`, `/blog/post/#section`), works out the anchors the target post's headings
make with the generator's own slug rules (GitHub style for Jekyll's kramdown and Hugo's
Goldmark, markdown-it-anchor's for VuePress and Eleventy), plus explicit `{#id}`, `id="..."`
and `name="..."` anchors, and reports a fragment none of them makes, with the closest one.
Footnote and `#top` anchors that renderers and themes make are not judged.

The defect: a link's `#fragment` names an anchor the target page does not have.

## Why is this bad?
Headings get reworded and the links to them do not: the link still opens the page, but at the
top instead of the section, which readers rarely notice as a broken link and nobody reports.

## Example
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
---
See [the gate](#the-editorial-gates).

## The editorial gate
Text.
```

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
---
See [the gate](#the-editorial-gate).

## The editorial gate
Text.
```

## Fix
None: correct the fragment or the heading.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._links import resolved_links
from postlint.site.anchors import anchors, is_built_in
from postlint.site.model import anchors_of


def _targets(doc: Document) -> Iterator[tuple[int, int, str, str, frozenset[str] | None]]:
    """(start, end, anchor, where, anchors there) for each link with a fragment."""
    model = doc.site_model
    if model is None:
        return
    generator = model.facts.generator
    own: frozenset[str] | None = None
    known: frozenset[str] | None
    path = os.path.abspath(doc.path)
    for link, target in resolved_links(doc, model):
        if not target.anchor or is_built_in(target.anchor) or target.status not in ("self", "post"):
            continue
        if target.status == "self" or target.path == path:
            if own is None:
                own = anchors(doc.text[doc.body_start :], generator)
            known, where = own, "this post"
        elif target.path is not None and target.path.lower().endswith((".md", ".markdown")):
            known, where = anchors_of(target.path, generator), f"`{model.relative(target.path)}`"
        else:
            continue
        offset = link.start + link.target.find("#") + 1
        yield offset, link.end, target.anchor, where, known


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for start, end, anchor, where, known in _targets(doc):
        if known is None or anchor in known:
            continue
        close = difflib.get_close_matches(anchor, sorted(known), n=1, cutoff=0.6)
        hint = f"; did you mean `#{close[0]}`?" if close else ""
        yield Finding(start, end, f"no heading in {where} makes the anchor `#{anchor}`{hint}")


def looks_up(doc: Document, options: NoOptions) -> tuple[str, ...]:
    model = doc.site_model
    if model is None:
        return ()
    paths = {target.path for _, target in resolved_links(doc, model) if target.anchor}
    return tuple(sorted(p for p in paths if p is not None))


RULE = Rule(
    code="ST104",
    name="broken-anchor",
    summary="A link names a heading anchor the target post does not have",
    severity=Severity.WARNING,
    check=check,
    looks_up=looks_up,
    uses_site=True,
)
