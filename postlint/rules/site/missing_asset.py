"""An image or other local file the body links to that is not in the site.

## What it does
Checks the body's images (`![alt](path)`, `<img src>`) and links to local files that are not
pages (`[slides](/files/talk.pdf)`), looking them up as FM013 does for front-matter images:
`/path` from the site's folder (and from Hugo's `static/` and `assets/`, VuePress's
`.vuepress/public/`), a relative path from the post's folder or the site's folder. It reports
one whose folder is in the checkout, holds other files, but not this one, with the closest
name there. Front-matter images are FM013's. Nothing outside the site's folder is looked at.

The defect: the post shows or links a local file the site does not contain.

## Why is this bad?
Renamed and moved images leave broken pictures and dead downloads behind; the generator copies
what it finds and says nothing about what it does not.

## Example
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
---
![The talks](/assets/img/peace-talk.png)
```

## Use instead
```markdown title="examples/_posts/2025-11-21-our-checks.md"
---
title: Our checks
---
![The talks](/assets/img/peace-talks.png)
```

## Fix
None: correct the path or add the file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.frontmatter.image_not_found import _look_up
from postlint.rules.site._site import per_model
from postlint.site.links import links
from postlint.site.model import SiteModel
from postlint.site.urls import is_markdown

_NOT_LOCAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)|\{\{|\{%|\$\{")
_PAGE_SUFFIXES = ("", ".html", ".htm", ".php", ".xml")
_STATIC = {"hugo": ("static", "assets"), "vuepress": (".vuepress/public",)}


def _assets(doc: Document) -> Iterator[tuple[int, int, str]]:
    for link in links(doc):
        if link.kind not in ("image", "link"):
            continue
        reference = link.target.split("?", 1)[0].split("#", 1)[0]
        if not reference or _NOT_LOCAL.search(reference) or is_markdown(reference):
            continue
        suffix = PurePosixPath(reference.rstrip("/")).suffix.lower()
        if link.kind == "link" and (suffix in _PAGE_SUFFIXES or reference.endswith("/")):
            continue
        yield link.start, link.end, reference


def _has_assets(folder: str) -> bool:
    """A folder with no file but posts: its assets are not in this checkout."""
    try:
        return any(entry.is_file() and not is_markdown(entry.name) for entry in os.scandir(folder))
    except OSError:
        return False


def _folders(doc: Document, reference: str, root: str, prefixes: tuple[str, ...]) -> list[str]:
    """The folders the file is looked for in: a relative path from the post's folder (the
    generator's own reading; the site root is only FM013's lenient second guess)."""
    if not reference.startswith("/"):
        page = os.path.dirname(os.path.abspath(doc.path))
        return [os.path.dirname(os.path.normpath(os.path.join(page, reference)))]
    return [
        os.path.dirname(os.path.normpath(os.path.join(root, prefix, reference.lstrip("/"))))
        for prefix in prefixes
    ]


def _problem(doc: Document, reference: str) -> tuple[str | None, tuple[str, ...] | None]:
    model = doc.site_model
    assert model is not None
    root = model.root
    prefixes = ("", *_STATIC.get(model.facts.generator, ()))
    seen: list[str] = []
    problem: str | None = None
    for prefix in prefixes if reference.startswith("/") else ("",):
        written = f"/{prefix}{reference}" if prefix else reference
        found, looked = _look_up(written, doc.path, root)
        if looked is None:
            return None, None
        seen.extend(looked)
        if found is None:
            return None, tuple(seen)  # there, or nothing can be said
        if problem is None:
            problem = found
    if problem is not None and "not in the project" in problem:
        if not any(_has_assets(folder) for folder in _folders(doc, reference, root, prefixes)):
            return None, tuple(seen)
        problem = problem.replace("image `", "file `", 1).replace(
            "not in the project", "not in the site"
        )
        return problem, tuple(seen)
    return None, tuple(seen)


_Answer = tuple[int, int, str | None, tuple[str, ...] | None]


def _answers(doc: Document, model: SiteModel) -> tuple[_Answer, ...]:
    """Each asset's (span, problem, paths looked at), once per document: ``check`` and
    ``looks_up`` both need them."""

    def compute() -> tuple[_Answer, ...]:
        return tuple(
            (start, end, *_problem(doc, reference)) for start, end, reference in _assets(doc)
        )

    return per_model(doc, model, "postlint.site.missing_asset", compute)


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    if doc.site_model is None:
        return
    for start, end, problem, _ in _answers(doc, doc.site_model):
        if problem is not None:
            yield Finding(start, end, problem)


def looks_up(doc: Document, options: NoOptions) -> tuple[str, ...] | None:
    if doc.site_model is None:
        return ()
    paths: list[str] = []
    for _, _, _, seen in _answers(doc, doc.site_model):
        if seen is None:
            return None
        paths.extend(seen)
    return tuple(paths)


RULE = Rule(
    code="ST105",
    name="missing-asset",
    summary="The body shows or links a local file that is not in the site",
    severity=Severity.WARNING,
    check=check,
    looks_up=looks_up,
    uses_site=True,
)
