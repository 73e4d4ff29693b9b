"""Where a generator publishes a post: its URL from the file name, front matter and config.

Each generator's default scheme (Jekyll's `_posts/YYYY-MM-DD-slug.md` and permalink styles,
Hugo's content sections, bundles, `slug`, `url` and `[permalinks]`, VuePress's blog plugin,
folder-based schemes elsewhere) plus the keys that add URLs (`aliases`, `redirect_from`).
URLs compare by :func:`url_key`: case, trailing slash, `index.html` and `.html` do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

from postlint.site.facts import SiteFacts

_FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_DATE_TEXT = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_TEMPLATE = re.compile(r"\{\{|\{%|\$\{")
_JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class UrlClaim:
    """One URL a post is published at; ``key`` is the front-matter key that set it (None: the
    file name and config did), ``index`` its position in a list value."""

    url: str
    key: str | None = None
    index: int | None = None


def url_key(url: str) -> str:
    """The form two URLs are compared in."""
    url = url.split("#", 1)[0].split("?", 1)[0].strip().lower()
    if not url.startswith("/"):
        url = "/" + url
    for suffix in ("/index.html", "/index.htm", "/index.md", "/readme.md"):
        if url.endswith(suffix):
            url = url[: -len(suffix)]
    for suffix in (".html", ".htm", ".md"):
        if url.endswith(suffix):
            url = url[: -len(suffix)]
    url = re.sub(r"/{2,}", "/", url).rstrip("/")
    return url or "/"


def post_date(data: dict[str, Any], stem: str) -> date | None:
    """The post's date: front matter first (as Jekyll and Hugo do), then the file name."""
    value = data.get("date")
    if isinstance(value, datetime | date):
        return value.date() if isinstance(value, datetime) else value
    if isinstance(value, str):
        found = _DATE_TEXT.match(value)
        if found:
            try:
                return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
            except ValueError:
                return None
    named = _FILE_DATE.match(stem)
    if named:
        try:
            return date(int(named.group(1)), int(named.group(2)), int(named.group(3)))
        except ValueError:
            return None
    return None


def _text_values(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


def _slugify(text: str) -> str:
    """Jekyll's and Hugo's default URL slug: lower case, runs of other characters as '-'."""
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")


def _fill(pattern: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), pattern)


def _date_values(day: date | None) -> dict[str, str]:
    if day is None:
        return {}
    return {
        "year": f"{day.year:04d}",
        "month": f"{day.month:02d}",
        "day": f"{day.day:02d}",
        "i_month": str(day.month),
        "i_day": str(day.day),
        "short_year": f"{day.year % 100:02d}",
        "y_day": f"{day.timetuple().tm_yday:03d}",
        "week": f"{day.isocalendar()[1]:02d}",
        "short_day": day.strftime("%a"),
    }


def claims(relative: str, data: dict[str, Any], facts: SiteFacts) -> tuple[UrlClaim, ...]:
    """Every URL the post at ``relative`` (a path from the site root) is published at; none
    for a file the generator does not publish (Jekyll drafts, `_` folders, Hugo outside its
    content folder)."""
    path = PurePosixPath(relative)
    if not built(data, facts):
        return ()
    base = _base_url(path, data, facts)
    found: list[UrlClaim] = []
    if base is not None:
        found.append(base)
    for key in ("aliases", "redirect_from"):
        for index, alias in enumerate(_text_values(data.get(key))):
            if alias.strip() and not _TEMPLATE.search(alias) and "://" not in alias:
                position = index if isinstance(data.get(key), list) else None
                found.append(UrlClaim(_absolute(alias, base), key, position))
    return tuple(found)


def built(data: dict[str, Any], facts: SiteFacts) -> bool:
    """False for a post its front matter keeps out of the build (Jekyll `published: false`,
    Hugo `draft: true`): it claims no URL."""
    if facts.generator == "jekyll":
        return data.get("published") is not False
    if facts.generator == "hugo":
        return data.get("draft") is not True
    return True


def _absolute(alias: str, base: UrlClaim | None) -> str:
    if alias.startswith("/") or base is None:
        return alias
    parent = base.url.rstrip("/").rsplit("/", 1)[0]
    return f"{parent}/{alias}"


def _base_url(path: PurePosixPath, data: dict[str, Any], facts: SiteFacts) -> UrlClaim | None:
    generator = facts.generator
    for key in ("permalink", "url", "path") if generator != "jekyll" else ("permalink",):
        value = data.get(key)
        if isinstance(value, str) and value.strip() and not _TEMPLATE.search(value):
            if generator == "jekyll" and ":" in value:
                break  # a pattern, filled in below
            return UrlClaim(value if value.startswith("/") else f"/{value}", key)
    if generator == "jekyll":
        return _jekyll_url(path, data, facts)
    if generator == "hugo":
        return _hugo_url(path, data, facts)
    if generator == "vuepress":
        return _vuepress_url(path, data, facts)
    return _folder_url(path, data)


def _jekyll_url(path: PurePosixPath, data: dict[str, Any], facts: SiteFacts) -> UrlClaim | None:
    parts = path.parts
    if "_drafts" in parts:
        return None
    stem = path.stem
    if "_posts" not in parts:
        if any(part.startswith("_") for part in parts[:-1]) or stem.startswith("_"):
            return None  # collections and includes: published only when configured
        if stem in ("index", "README"):
            return UrlClaim("/" + "/".join(parts[:-1]))
        return UrlClaim("/" + "/".join((*parts[:-1], stem)) + ".html")
    named = _FILE_DATE.match(stem)
    if named is None:
        return None  # Jekyll skips a post whose name does not start with a date
    own = data.get("permalink")
    pattern = own if isinstance(own, str) and ":" in own else facts.permalink or "date"
    pattern = _JEKYLL_STYLES.get(pattern, pattern)
    categories = [*parts[: parts.index("_posts")]]
    for key in ("categories", "category"):
        for value in _text_values(data.get(key)):
            categories.extend(value.split() if key == "categories" else [value])
    slug = data.get("slug")
    title = slug if isinstance(slug, str) and slug.strip() else named.group(4)
    values = {
        **_date_values(post_date(data, stem)),
        "categories": "/".join(c for c in (_slugify(c) for c in categories) if c),
        "title": title,
        "slug": title,
        "name": named.group(4),
        "output_ext": ".html",
    }
    url = _fill(pattern, values)
    return UrlClaim(re.sub(r"/{2,}", "/", "/" + url.lstrip("/")), "permalink" if own else None)


def _hugo_url(path: PurePosixPath, data: dict[str, Any], facts: SiteFacts) -> UrlClaim | None:
    content = PurePosixPath(facts.content_dir or "content")
    if not path.is_relative_to(content):
        return None
    inside = path.relative_to(content)
    parts = list(inside.parts)
    name = parts.pop()
    stem = name.rsplit(".", 1)[0]
    language = ""
    if "." in stem:  # post.zh.md: a translation
        stem, language = stem.rsplit(".", 1)
    bundle = stem in ("index", "_index")
    filename = parts[-1] if bundle and parts else stem
    section = parts[0] if parts else ""
    slug = data.get("slug")
    own_slug = isinstance(slug, str) and bool(slug.strip())
    prefix = f"/{language}" if language else ""
    pattern = dict(facts.permalinks).get(section) if stem != "_index" else None
    if pattern:
        title = data.get("title")
        values: dict[str, str] = {
            **_date_values(post_date(data, stem)),
            "section": section,
            "sections": "/".join(parts[:-1] if bundle else parts),
            "title": _slugify(title) if isinstance(title, str) else filename,
            "slug": str(slug) if own_slug else _slugify(str(data.get("title") or filename)),
            "filename": filename,
            "contentbasename": filename,
            "slugorfilename": str(slug) if own_slug else filename,
            "slugorcontentbasename": str(slug) if own_slug else filename,
        }
        return UrlClaim(prefix + "/" + _fill(pattern, values).lstrip("/"), None)
    if bundle:
        if own_slug and parts and stem == "index":
            parts[-1] = str(slug)
        return UrlClaim(prefix + "/" + "/".join(parts) + ("/" if parts else ""), None)
    last = str(slug) if own_slug else stem
    ending = ".html" if facts.uglyurls else "/"
    return UrlClaim(prefix + "/" + "/".join((*parts, last)) + ending, "slug" if own_slug else None)


def _vuepress_url(path: PurePosixPath, data: dict[str, Any], facts: SiteFacts) -> UrlClaim:
    parts = list(path.parts)
    if facts.item_permalink and facts.blog_dir and parts and parts[0] == facts.blog_dir:
        name = path.parent.name if path.stem.lower() in ("readme", "index") else path.stem
        named = _FILE_DATE.match(name)
        slug = named.group(4) if named else name
        values = {**_date_values(post_date(data, name)), "slug": slug}
        return UrlClaim("/" + _fill(facts.item_permalink, values).lstrip("/"), None)
    return _folder_url(path, data, ".html")


def _folder_url(path: PurePosixPath, data: dict[str, Any], ending: str = "/") -> UrlClaim:
    parts = list(path.parts)
    stem = path.stem
    parts.pop()
    slug = data.get("slug")
    if stem.lower() in ("index", "readme", "_index"):
        return UrlClaim("/" + "/".join(parts) + ("/" if parts else ""))
    if isinstance(slug, str) and slug.strip():
        return UrlClaim("/" + "/".join((*parts, slug)) + ending, "slug")
    return UrlClaim("/" + "/".join((*parts, stem)) + ending)


def is_markdown(name: str) -> bool:
    return name.lower().endswith(_MARKDOWN_SUFFIXES)
