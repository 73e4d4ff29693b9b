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

import difflib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.frontmatter import Located
from postlint.core.rule import FROM_CONFIG, Rule
from postlint.site.resolve import within

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


def _references(doc: Document, options: Options) -> Iterator[Located]:
    """The string values of the image keys (``image: {path: ...}`` too)."""
    fm = doc.front_matter
    if fm is None or fm.root is None or fm.root.tag != "map":
        return
    for key, value in fm.root.entries:
        if key.value not in options.keys:
            continue
        node = value.child("path")[1] if value.tag == "map" else value
        if node is not None and node.tag == "str" and isinstance(node.value, str):
            yield node


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for node in _references(doc, options):
        problem, _ = _look_up(node.value.strip(), doc.path, options.root)
        if problem is not None:
            yield Finding(node.start, node.end, problem)


def looks_up(doc: Document, options: Options) -> tuple[str, ...] | None:
    """The paths the result depends on, for the cache; None when a link leads out."""
    paths: list[str] = []
    for node in _references(doc, options):
        _, seen = _look_up(node.value.strip(), doc.path, options.root)
        if seen is None:
            return None
        paths.extend(seen)
    return tuple(paths)


def _look_up(
    reference: str, post: str | Path, root: str | Path
) -> tuple[str | None, tuple[str, ...] | None]:
    """What is wrong with a local image reference (None: fine, or nothing can be said), and
    the paths inside the project that answer depends on (None: a link leads out)."""
    if not reference or _NOT_A_FILE.search(reference):
        return None, ()
    relative = reference.split("?", 1)[0].split("#", 1)[0]
    top = os.path.abspath(root)
    # Hugo resolves a relative path from the page's folder, Jekyll from the site: either will do.
    page = os.path.dirname(os.path.abspath(post))
    bases = [top] if relative.startswith("/") else [page, top]
    inside = link_out = missing = False
    seen: list[str] = []
    nearest: str | None = None
    for base in bases:
        # Lexically first: a path that climbs out of the project is never looked at.
        target = os.path.normpath(os.path.join(base, relative.lstrip("/")))
        if target in (top, base):
            return None, ()  # names a folder, not an image
        if not within(target, top):
            continue
        inside = True
        folder = _follow_inside(os.path.dirname(target), top)
        real = None if folder is None else _follow_last(target, folder, top)
        if real is None or folder is None:
            link_out = True
            continue
        seen += [real, folder]
        if os.path.isfile(real):
            return None, tuple(seen)
        if os.path.isdir(folder):
            missing = True
            nearest = nearest or _nearest_name(folder, os.path.basename(target))
    if not inside:
        message = (
            f"`{reference}` leads out of the project folder; not checked: use a path inside it"
        )
        return message, ()
    if link_out:
        return f"`{reference}` is a link out of the project folder; not followed", None
    if missing:
        hint = f"did you mean `{nearest}`?" if nearest else "correct the path or add the file"
        return f"image `{reference}` is not in the project: {hint}", tuple(seen)
    return None, tuple(seen)  # its folder is not in this checkout either: nothing can be said


def _nearest_name(folder: str, name: str) -> str | None:
    """The file in ``folder`` whose name is closest to ``name`` (a typo), if one is close."""
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_file()]
    except OSError:
        return None
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.8)
    return close[0] if close else None


def _follow_last(target: str, folder: str, root: str) -> str | None:
    """``_follow_inside(target, root)`` when the followed parent ``folder`` is known: the same
    walk, whose last step is the only one left (any link in it: the whole walk again)."""
    candidate = os.path.normpath(os.path.join(folder, os.path.basename(target)))
    if within(candidate, root) and not os.path.islink(candidate):
        return candidate
    return _follow_inside(target, root)


def _follow_inside(target: str, root: str) -> str | None:
    """``target`` with its links followed one at a time, never past ``root``: None when one
    leads out (or links loop), so nothing outside the project is ever looked at."""
    pending = _parts(target, root)
    current, hops = root, 0
    while pending:
        candidate = os.path.normpath(os.path.join(current, pending.pop(0)))
        if not within(candidate, root):
            return None
        if not os.path.islink(candidate):
            current = candidate
            continue
        hops += 1
        try:
            link = os.readlink(candidate)
        except (OSError, ValueError):
            return None
        resolved = os.path.normpath(os.path.join(os.path.dirname(candidate), link))
        if hops > 40 or not within(resolved, root):
            return None
        pending = [*_parts(resolved, root), *pending]
        current = root
    return current


def _parts(path: str, root: str) -> list[str]:
    """The names of normal ``path`` below ``root`` (``Path.relative_to(root).parts``)."""
    rest = path[len(root) :]
    return [name for name in rest.split(os.sep) if name]


RULE = Rule(
    code="FM013",
    name="image-not-found",
    summary="A front-matter image points to a local file that is not there",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    config_options=_project_root,
    looks_up=looks_up,
)
