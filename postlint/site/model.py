"""The site model: every post's URLs and title, and the site's closed lists, built once per run.

A post's site findings depend on other posts only through what is kept here (URLs, titles,
which files exist, the registries and the config facts), so :attr:`SiteModel.digest` of these
is what a cached result must be keyed by; a body edit elsewhere leaves it unchanged. Headings of
another post are read only when a link points at one (see :func:`anchors_of`).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from postlint.core import frontmatter
from postlint.site import anchors as anchor_rules
from postlint.site.facts import SiteFacts, SiteProblem, site_facts
from postlint.site.generator import Site
from postlint.site.registry import Registry, default_registry_path, load_registry
from postlint.site.settings import SiteSettings
from postlint.site.urls import UrlClaim, claims, url_key

_SPACE = re.compile(r"\s+")
KINDS = ("authors", "tags", "categories")


@dataclass(frozen=True)
class PostEntry:
    """What the model keeps of one post."""

    path: str  # absolute
    relative: str  # from the site root, with '/'
    claims: tuple[UrlClaim, ...] = ()
    title: str | None = None
    language: str = ""


@dataclass(frozen=True)
class SiteModel:
    site: Site
    facts: SiteFacts
    root: str
    posts: tuple[PostEntry, ...]
    registries: tuple[Registry, ...] = ()
    by_url: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    by_title: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    by_path: dict[str, int] = field(default_factory=dict, compare=False)
    digest: str = ""
    url_folders: frozenset[str] = frozenset()  # the URL folders posts are published in

    @property
    def problem(self) -> SiteProblem | None:
        return self.facts.problem

    def registry(self, kind: str) -> Registry | None:
        return next((r for r in self.registries if r.kind == kind), None)

    def others_at(self, url: str, path: str) -> list[PostEntry]:
        """The other posts published at ``url``."""
        return [
            self.posts[i] for i in self.by_url.get(url_key(url), ()) if self.posts[i].path != path
        ]

    def others_titled(self, title: str, path: str, language: str = "") -> list[PostEntry]:
        return [
            self.posts[i]
            for i in self.by_title.get(title_key(title), ())
            if self.posts[i].path != path and self.posts[i].language == language
        ]

    def relative(self, path: str) -> str:
        # relpath's answer is already normal: PurePosixPath(...).as_posix() would not change it
        return os.path.relpath(os.path.abspath(path), self.root)


def title_key(title: str) -> str:
    return _SPACE.sub(" ", title).strip().casefold()


def language_of(relative: str) -> str:
    """Hugo's `post.zh.md`: a translation in its own language."""
    name = PurePosixPath(relative).name
    parts = name.split(".")
    return parts[-2] if len(parts) >= 3 and len(parts[-2]) in (2, 3, 5) else ""


def _language(data: dict[str, Any]) -> str:
    for key in ("lang", "language", "locale"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip().lower()
    return ""


def entry_for(path: str, relative: str, data: dict[str, Any], facts: SiteFacts) -> PostEntry:
    title = data.get("title")
    return PostEntry(
        path,
        relative,
        claims(relative, data, facts),
        title.strip() if isinstance(title, str) and title.strip() else None,
        _language(data) or language_of(relative),
    )


def read_post(path: str, max_bytes: int) -> str | None:
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError:
        return None
    if len(data) > max_bytes or b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def front_matter_data(text: str) -> dict[str, Any]:
    block = frontmatter.split(text)
    if block is None:
        return {}
    fast = _plain_data(text[block.content_start : block.content_end], block.kind)
    if fast is not None:
        return fast
    try:
        parsed = frontmatter.parse(text, block)
    except Exception:  # a post the model cannot read is left out of it, never a crash
        return {}
    return parsed.data if isinstance(parsed.data, dict) else {}


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _plain_data(content: str, kind: frontmatter.Kind) -> dict[str, Any] | None:
    """Another post's values without spans, read directly by libyaml or tomllib (about five
    times faster than the located parse). Only for front matter without YAML anchors or
    aliases (no alias bombs) and without the problems the located parse reports; anything
    else (None) goes the careful way."""
    try:
        if kind == frontmatter.Kind.YAML and "&" not in content and "*" not in content:
            data = yaml.load(content, Loader=_YAML_LOADER)
        elif kind == frontmatter.Kind.TOML:
            data = tomllib.loads(content)
        else:
            return None
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, TypeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def build_model(
    site: Site,
    paths: Iterable[str],
    settings: SiteSettings | None = None,
    max_bytes: int = 10 * 1024 * 1024,
    cache_folder: Path | None = None,
) -> SiteModel:
    """The model of ``site`` from the posts at ``paths`` (absolute, inside the site root);
    with ``cache_folder``, unchanged posts' entries come from the previous run."""
    from postlint.site import model_cache

    assert site.root is not None
    root = os.path.abspath(site.root)
    facts = site_facts(site)
    cache = model_cache.cache_file(cache_folder, root, facts) if cache_folder else None
    known = model_cache.load(cache) if cache is not None else {}
    fresh: model_cache.Known = {}
    posts: list[PostEntry] = []
    for path in paths:
        state = model_cache.state_of(path) if cache is not None else ""
        if path in known and known[path][0] == state:
            entry = known[path][1]
        else:
            text = read_post(path, max_bytes)
            if text is None:
                continue
            relative = PurePosixPath(os.path.relpath(path, root)).as_posix()
            entry = entry_for(path, relative, front_matter_data(text), facts)
        posts.append(entry)
        fresh[path] = (state, entry)
    if cache is not None and fresh != known:
        model_cache.save(cache, fresh)
    registries = _registries(Path(root), site.generator.name, settings or SiteSettings())
    return index(site, facts, root, tuple(posts), registries)


def _registries(root: Path, generator: str, settings: SiteSettings) -> tuple[Registry, ...]:
    named = dict(settings.lists)
    found: list[Registry] = []
    for kind in KINDS:
        if kind in named:
            path = Path(named[kind])
            inside_config = settings.root and path.is_relative_to(settings.root)
            found.append(load_registry(kind, path, Path(settings.root) if inside_config else root))
            continue
        default = default_registry_path(kind, root, generator)
        if default is not None:
            found.append(load_registry(kind, default, root))
    return tuple(found)


def index(
    site: Site,
    facts: SiteFacts,
    root: str,
    posts: tuple[PostEntry, ...],
    registries: tuple[Registry, ...],
) -> SiteModel:
    by_url: dict[str, list[int]] = {}
    by_title: dict[str, list[int]] = {}
    by_path: dict[str, int] = {}
    digest = hashlib.sha256(repr((facts, registries)).encode())
    for number, post in enumerate(posts):
        by_path[post.path] = number
        for claim in post.claims:
            by_url.setdefault(url_key(claim.url), []).append(number)
        if post.title is not None:
            by_title.setdefault(title_key(post.title), []).append(number)
        digest.update(repr(post).encode("utf-8", "surrogateescape"))
    return SiteModel(
        site,
        facts,
        root,
        posts,
        registries,
        {k: tuple(v) for k, v in by_url.items()},
        {k: tuple(v) for k, v in by_title.items()},
        by_path,
        digest.hexdigest(),
        _post_folders(posts),
    )


def _post_folders(posts: tuple[PostEntry, ...]) -> frozenset[str]:
    """The URL folders that hold posts (not the site's top level, not list pages)."""
    folders: set[str] = set()
    for post in posts:
        if PurePosixPath(post.relative).stem.lower() == "_index":
            continue  # a Hugo section's list page
        for claim in post.claims[:1]:
            key = url_key(claim.url)
            folder = posixpath.dirname(key)
            if key != "/" and folder not in ("", "/"):
                folders.add(folder)
    return frozenset(folders)


def anchors_of(
    path: str, generator: str, max_bytes: int = 10 * 1024 * 1024
) -> frozenset[str] | None:
    """The anchors another post's headings make (None: it cannot be read)."""
    text = read_post(path, max_bytes)
    if text is None:
        return None
    block = frontmatter.split(text)
    body = text[block.body_start :] if block is not None else text
    return anchor_rules.anchors(body, generator)
