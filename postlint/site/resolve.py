"""Where a link in a post leads: to a post of the site, to nothing, or out of what can be said.

Shared by the broken-link and broken-anchor rules. Only files inside the site's folder are ever
looked at (paths are resolved lexically first, and nothing that climbs out is opened).
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin

from postlint.site.links import Link
from postlint.site.model import PostEntry, SiteModel
from postlint.site.urls import is_markdown, url_key

_SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_PAGE_SUFFIXES = ("", ".html", ".htm", ".md", ".markdown")


@dataclass(frozen=True)
class Resolved:
    """``status``: "post" (``entry``, or ``path`` when it is a file the model does not hold),
    "self", "missing" (with ``problem``) or "unknown" (nothing can be said)."""

    status: str
    anchor: str = ""
    entry: PostEntry | None = None
    path: str | None = None
    problem: str = ""
    looked_at: tuple[str, ...] = ()


UNKNOWN = Resolved("unknown")


def _split(target: str) -> tuple[str, str]:
    base, _, anchor = target.partition("#")
    return base.split("?", 1)[0], unquote(anchor)


def within(path: str, root: str) -> bool:
    """Whether the normalised absolute ``path`` is ``root`` or below it (strings, no Paths)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def resolve(link: Link, post_path: str, own_url: str | None, model: SiteModel) -> Resolved:
    base, anchor = _split(link.target.strip())
    if link.kind == "post_url":
        return _post_url(base, anchor, model)
    if link.kind == "link_tag":
        target = os.path.join(model.root, base.lstrip("/"))
        return _file(target, anchor, model, link.target, only_if_folder=True)
    if link.kind == "ref":
        return _ref(base, anchor, post_path, model, link.target)
    if not base:
        return Resolved("self", anchor) if anchor else UNKNOWN
    if _SCHEME.match(base) or "{" in base or "\\" in base:
        return UNKNOWN
    suffix = PurePosixPath(base.rstrip("/")).suffix.lower()
    if is_markdown(base) and not base.startswith("/"):
        target = os.path.normpath(os.path.join(os.path.dirname(post_path), unquote(base)))
        return _file(target, anchor, model, base, only_if_folder=True)
    if suffix not in _PAGE_SUFFIXES:
        return UNKNOWN  # an asset: see missing-asset
    if base.startswith("/"):
        prefix = model.facts.base_path
        url = base[len(prefix) :] or "/" if prefix and _under(base, prefix) else base
    elif own_url is not None:
        url = urljoin(own_url, base)
    else:
        return UNKNOWN
    return _url(unquote(url), anchor, model, base)


def _under(url: str, prefix: str) -> bool:
    return url == prefix or url.startswith(prefix + "/")


def _file(
    target: str, anchor: str, model: SiteModel, written: str, only_if_folder: bool = False
) -> Resolved:
    target = os.path.normpath(target)
    if not within(target, model.root):
        return UNKNOWN
    folder = os.path.dirname(target)
    seen = (target, folder)
    if os.path.isfile(target):
        number = model.by_path.get(target)
        entry = model.posts[number] if number is not None else None
        return Resolved("post", anchor, entry, target, looked_at=seen)
    if only_if_folder and not os.path.isdir(folder):
        return Resolved("unknown", looked_at=seen)  # that part of the site is not checked out
    hint = _nearest_file(folder, os.path.basename(target))
    return Resolved("missing", problem=f"`{written}` does not exist{hint}", looked_at=seen)


def _nearest_file(folder: str, name: str) -> str:
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_file()]
    except OSError:
        return ""
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
    return f"; did you mean `{close[0]}`?" if close else ""


def _post_url(base: str, anchor: str, model: SiteModel) -> Resolved:
    """Jekyll's `{% post_url [folder/]YYYY-MM-DD-slug %}`: a file in a `_posts` folder."""
    wanted = base.strip("/")
    names: list[str] = []
    for entry in model.posts:
        if "_posts/" not in f"/{entry.relative}":
            continue
        inside = entry.relative.split("_posts/", 1)[1]
        stem = inside.rsplit(".", 1)[0]
        names.append(stem)
        if stem == wanted or ("/" not in wanted and stem.rsplit("/", 1)[-1] == wanted):
            return Resolved("post", anchor, entry, entry.path)
    close = difflib.get_close_matches(wanted, names, n=1, cutoff=0.7)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    return Resolved("missing", problem=f"no post `{wanted}` in `_posts` (the build fails){hint}")


def _ref(base: str, anchor: str, post_path: str, model: SiteModel, written: str) -> Resolved:
    """Hugo's `ref`/`relref`: from the content folder when absolute, else from the page's folder,
    then from the content folder, then any page whose path ends so."""
    if not base:
        return Resolved("self", anchor) if anchor else UNKNOWN
    content = os.path.join(model.root, model.facts.content_dir or "content")
    starts = [content] if base.startswith("/") else [os.path.dirname(post_path), content]
    for start in starts:
        stem = os.path.normpath(os.path.join(start, base.lstrip("/")))
        for candidate in (
            stem,
            f"{stem}.md",
            os.path.join(stem, "index.md"),
            os.path.join(stem, "_index.md"),
        ):
            number = model.by_path.get(candidate)
            if number is not None:
                return Resolved("post", anchor, model.posts[number], candidate)
    tail = "/" + base.strip("/").removesuffix(".md")
    for entry in model.posts:
        name = "/" + entry.relative.rsplit(".", 1)[0]
        if name.endswith(tail) or name.endswith(tail + "/index") or name.endswith(tail + "/_index"):
            return Resolved("post", anchor, entry, entry.path)
    return Resolved(
        "missing", problem=f"no page `{written}` in the content folder (the build fails)"
    )


def _url(url: str, anchor: str, model: SiteModel, written: str) -> Resolved:
    key = url_key(url)
    numbers = model.by_url.get(key)
    if numbers:
        return Resolved("post", anchor, model.posts[numbers[0]], model.posts[numbers[0]].path)
    parent = key.rsplit("/", 1)[0] or "/"
    folders = model.url_folders
    if parent not in folders or key in folders:
        return UNKNOWN  # not where the site's posts are published: a page postlint cannot see
    for static in ("", "static", "public", ".vuepress/public", "assets"):
        on_disk = os.path.normpath(os.path.join(model.root, static, url.lstrip("/")))
        if within(on_disk, model.root) and os.path.exists(on_disk):
            return UNKNOWN
    siblings = [k for k in model.by_url if (k.rsplit("/", 1)[0] or "/") == parent]
    close = difflib.get_close_matches(key, siblings, n=1, cutoff=0.8)
    hint = f"; did you mean `{_written_url(close[0], model)}`?" if close else ""
    return Resolved("missing", problem=f"no post is published at `{written}`{hint}")


def _written_url(key: str, model: SiteModel) -> str:
    entry = model.posts[model.by_url[key][0]]
    return next((c.url for c in entry.claims if url_key(c.url) == key), key)
