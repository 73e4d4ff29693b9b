"""A site file the checks need (generator config, author or tag list) that cannot be read.

## What it does
Reports a generator config (`_config.yml`, `hugo.toml`, ...) that is not valid YAML, TOML or
JSON, at the first line of each post of the site, and a registry file (authors, tags,
categories) that cannot be read or parsed, at the key of each post that needs it. The message
gives the file, line and column of the problem. Site files larger than 1 MiB are not read.

The defect: a file the whole site depends on is broken, so its checks (and usually its build)
cannot work.

## Why is this bad?
A broken config or data file fails the build or, worse, is half read: the generator falls back
to defaults and publishes the site with wrong URLs or without bylines.

## Example
```markdown title="tests/examples/ST100_broken-site-file/site/_posts/2025-01-02-second.md"
---
title: Second
author: jane
---
Text.
```
(with `_data/authors.yml` holding `jane: [unclosed`)

## Use instead
```markdown title="tests/examples/ST100_broken-site-file/site/_posts/2025-01-02-second.md"
---
title: Second
---
Text.
```

## Fix
None: repair the file named in the message.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.site._site import value_node

_KEYS = {
    "authors": ("author", "authors"),
    "tags": ("tags", "tag"),
    "categories": ("categories", "category"),
}


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    model = doc.site_model
    if model is None:
        return
    if model.problem is not None:
        yield Finding(0, 0, f"the site's config cannot be read: {model.problem}")
    for registry in model.registries:
        if registry.problem is None:
            continue
        for key in _KEYS[registry.kind]:
            node = value_node(doc, key)
            if node is not None:
                yield Finding(
                    node.start,
                    node.end,
                    f"cannot check {registry.kind}: {registry.problem}",
                )
                break


RULE = Rule(
    code="ST100",
    name="broken-site-file",
    summary="A site config or data file cannot be read",
    severity=Severity.ERROR,
    check=check,
    uses_site=True,
)
