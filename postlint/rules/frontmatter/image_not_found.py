"""A front-matter image that points to a local file that is not there.

## What it does
Checks the front-matter keys that name an image (`image`, `cover`, `thumbnail` and
`og_image` by default; also `image: {path: ...}` as jekyll-seo-tag writes it) when they hold a
local path, and reports one whose folder exists but holds no such file. A path starting with `/`
is looked up from the project root (the folder of the configuration file, or the current
folder); any other from the post's own folder (Hugo) or from the project root (Jekyll), and
either will do. URLs, protocol-relative `//` addresses and values with template tags
(`{{ site.baseurl }}`) are not checked, nor is an image whose folder is not in this checkout
(the site's assets may live elsewhere): then nothing can be said about it.

Only the project is ever looked at: a path that leads out of the project root (`../../x.png`,
or a link inside the project that points out of it) is reported as such and never opened.

## Why is this bad?
Importers and rewriters rename and move images; a post whose cover image is gone renders with a
broken image and shares badly on social media.

## Example
```markdown
---
title: A post
image: /assets/img/peace-talk.png
---
Text.
```
(with `assets/img/` in the project, holding `peace-talks.png`)

## Use instead
```markdown
---
title: A post
image: /assets/img/peace-talks.png
---
Text.
```

## Options
`keys`: the front-matter keys that name an image (default `["image", "cover", "thumbnail",
"og_image"]`).

## Fix
None: correct the path or add the file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.rule import FROM_CONFIG, Rule

_NOT_A_FILE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)|\{\{|\{%|\$\{")


@dataclass(frozen=True)
class Options:
    keys: tuple[str, ...] = ("image", "cover", "thumbnail", "og_image")
    root: Path = field(default=Path("."), metadata={FROM_CONFIG: True})  # the project root

    def __post_init__(self) -> None:
        keys = self.keys
        if isinstance(keys, str) or not all(isinstance(k, str) and k for k in keys):
            raise ValueError("keys must be a list of front-matter key names")
        object.__setattr__(self, "keys", tuple(keys))


def _project_root(config: Any) -> dict[str, Any]:
    return {"root": Path(config.root)}


def check(doc: Document, options: Options) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.root is None or fm.root.tag != "map":
        return
    for key, value in fm.root.entries:
        if key.value not in options.keys:
            continue
        node = value.child("path")[1] if value.tag == "map" else value
        if node is None or node.tag != "str" or not isinstance(node.value, str):
            continue
        problem = _problem(node.value.strip(), Path(doc.path), options.root)
        if problem is not None:
            yield Finding(node.start, node.end, problem)


def _problem(reference: str, post: Path, root: Path) -> str | None:
    """What is wrong with a local image reference, or None when it is fine or cannot be told."""
    if not reference or _NOT_A_FILE.search(reference):
        return None
    relative = reference.split("?", 1)[0].split("#", 1)[0]
    root = Path(os.path.abspath(root))
    # Hugo resolves a relative path from the page's folder, Jekyll from the site: either will do.
    page = Path(os.path.abspath(post)).parent
    bases = [root] if relative.startswith("/") else [page, root]
    inside = link_out = missing = False
    for base in bases:
        # Lexically first: a path that climbs out of the project is never looked at.
        target = Path(os.path.normpath(base / relative.lstrip("/")))
        if not target.is_relative_to(root) or target == root:
            continue
        inside = True
        real = _follow_inside(target, root)
        if real is None:
            link_out = True
            continue
        if real.is_file():
            return None
        folder = _follow_inside(target.parent, root)
        missing = missing or (folder is not None and folder.is_dir())
    if not inside:
        return f"`{reference}` leads out of the project folder; not checked: use a path inside it"
    if link_out:
        return f"`{reference}` is a link out of the project folder; not followed"
    if missing:
        return f"image `{reference}` is not in the project: correct the path or add the file"
    return None  # its folder is not in this checkout either: nothing can be said


def _follow_inside(target: Path, root: Path) -> Path | None:
    """``target`` with its links followed one at a time, never past ``root``: None when one
    leads out (or links loop), so nothing outside the project is ever looked at."""
    pending = list(target.relative_to(root).parts)
    current, hops = root, 0
    while pending:
        candidate = Path(os.path.normpath(current / pending.pop(0)))
        if not candidate.is_relative_to(root):
            return None
        if not candidate.is_symlink():
            current = candidate
            continue
        hops += 1
        link = Path(os.readlink(candidate))
        resolved = Path(os.path.normpath(link if link.is_absolute() else candidate.parent / link))
        if hops > 40 or not resolved.is_relative_to(root):
            return None
        pending = [*resolved.relative_to(root).parts, *pending]
        current = root
    return current


RULE = Rule(
    code="FM013",
    name="image-not-found",
    summary="A front-matter image points to a local file that is not there",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    config_options=_project_root,
)
