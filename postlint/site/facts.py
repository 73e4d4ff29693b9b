"""What a site's generator config says about URLs and publishing: read once, bounded, safe.

Only the config file Site detection found is read (at most 1 MiB, never a file outside the
site's root), with safe loaders; a broken config is a located :class:`SiteProblem`, not a crash.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from postlint.site.generator import Site

MAX_SITE_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class SiteProblem:
    """A site file that cannot be read or understood, with the place of the problem."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class SiteFacts:
    """The config values that decide a post's URL and whether it is built."""

    generator: str
    future: bool = False  # Jekyll `future`, Hugo `buildFuture`: both off by default
    timezone: str | None = None  # Jekyll `timezone`, Hugo `timeZone`
    permalink: str | None = None  # Jekyll's global permalink style or pattern
    permalinks: tuple[tuple[str, str], ...] = ()  # Hugo: section -> pattern
    content_dir: str = ""  # Hugo: content folder, relative to the root ("content", "content/en")
    item_permalink: str | None = None  # VuePress blog plugin
    blog_dir: str | None = None  # VuePress blog plugin's folder
    uglyurls: bool = False
    base_path: str = ""  # the URL path the site is served under (Jekyll `baseurl`, Hugo `baseURL`)
    problem: SiteProblem | None = None


def read_bounded(path: Path) -> str:
    """A site file's text (at most 1 MiB; raises OSError or UnicodeDecodeError)."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_SITE_FILE_BYTES + 1)
    if len(data) > MAX_SITE_FILE_BYTES:
        raise OSError(f"larger than {MAX_SITE_FILE_BYTES // 1024} KiB; not read")
    return data.decode("utf-8-sig")


def load_data(path: Path, display: str) -> tuple[Any, SiteProblem | None]:
    """A YAML, JSON or TOML data file's contents, or the located reason it cannot be read."""
    try:
        text = read_bounded(path)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return None, SiteProblem(display, 1, 1, f"cannot read: {exc}")
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(text), None
        if suffix == ".toml":
            return tomllib.loads(text), None
        if suffix in (".yml", ".yaml"):
            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), None
    except json.JSONDecodeError as exc:
        return None, SiteProblem(display, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}")
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_position(str(exc))
        return None, SiteProblem(display, line, column, f"invalid TOML: {exc}")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        reason = getattr(exc, "problem", None) or str(exc)
        return None, SiteProblem(display, line, column, f"invalid YAML: {reason}")
    except (RecursionError, ValueError, TypeError) as exc:
        return None, SiteProblem(display, 1, 1, f"cannot read: {exc}")
    return text, None  # plain text: one entry a line


_TOML_AT = re.compile(r"line (\d+), column (\d+)")


def _toml_position(message: str) -> tuple[int, int]:
    found = _TOML_AT.search(message)
    return (int(found.group(1)), int(found.group(2))) if found else (1, 1)


def _get(data: dict[str, Any], *names: str) -> Any:
    """A config key, case-insensitively (Hugo's keys are)."""
    lowered = {str(k).lower(): v for k, v in data.items()}
    for name in names:
        if name.lower() in lowered:
            return lowered[name.lower()]
    return None


def site_facts(site: Site) -> SiteFacts:
    name = site.generator.name
    if site.config_file is None or site.root is None:
        return SiteFacts(name)
    display = os.path.relpath(site.config_file, site.root)
    if name == "vuepress":
        return _vuepress_facts(site, display)
    if name not in ("jekyll", "hugo"):
        return SiteFacts(name)
    data, problem = load_data(site.config_file, display)
    if problem is not None:
        return SiteFacts(name, problem=problem)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return SiteFacts(name, problem=SiteProblem(display, 1, 1, "not a mapping of settings"))
    if name == "jekyll":
        permalink = data.get("permalink")
        timezone = data.get("timezone")
        base = data.get("baseurl")
        return SiteFacts(
            name,
            base_path=_path_part(base),
            future=data.get("future") is True,
            timezone=timezone if isinstance(timezone, str) else None,
            permalink=permalink if isinstance(permalink, str) else None,
        )
    return _hugo_facts(site, data)


def _hugo_facts(site: Site, data: dict[str, Any]) -> SiteFacts:
    assert site.root is not None
    permalinks = _get(data, "permalinks")
    pairs: list[tuple[str, str]] = []
    if isinstance(permalinks, dict):
        page = permalinks.get("page")
        if not isinstance(page, dict):
            page = permalinks
        pairs = [(str(k), v) for k, v in page.items() if isinstance(v, str)]
    timezone = _get(data, "timeZone")
    content = _get(data, "contentDir")
    content_dir = content if isinstance(content, str) and content else "content"
    languages = _get(data, "languages")
    default = _get(data, "defaultContentLanguage")
    lang = default if isinstance(default, str) else "en"
    if isinstance(languages, dict) and isinstance(languages.get(lang), dict):
        own = _get(languages[lang], "contentDir")
        if isinstance(own, str) and own:
            content_dir = own
    if isinstance(languages, dict) and lang in languages:
        # Multilingual sites keep each language in its own folder (mounted as content/)
        candidate = f"{content_dir.rstrip('/')}/{lang}"
        if os.path.isdir(site.root / candidate):
            content_dir = candidate
    return SiteFacts(
        "hugo",
        base_path=_path_part(_get(data, "baseURL")),
        future=_get(data, "buildFuture") is True,
        timezone=timezone if isinstance(timezone, str) else None,
        permalinks=tuple(pairs),
        content_dir=content_dir.strip("/"),
        uglyurls=_get(data, "uglyURLs") is True,
    )


def _path_part(url: object) -> str:
    """`https://example.org/blog/` -> `/blog`; `/` or none -> ''."""
    if not isinstance(url, str):
        return ""
    path = url.split("://", 1)[1] if "://" in url else url
    path = (
        path[path.find("/") :] if "://" in url and "/" in path else path if "://" not in url else ""
    )
    return "/" + path.strip("/") if path.strip("/") else ""


_JS_STRING = r"""\s*:\s*["'`]([^"'`\n]{1,200})["'`]"""
_ITEM_PERMALINK = re.compile(r"itemPermalink" + _JS_STRING)
_DIRNAME = re.compile(r"dirname" + _JS_STRING)


def _vuepress_facts(site: Site, display: str) -> SiteFacts:
    """VuePress configs are code: only the blog plugin's two plain string settings are read."""
    assert site.config_file is not None
    try:
        text = read_bounded(site.config_file)
    except (OSError, UnicodeDecodeError) as exc:
        return SiteFacts("vuepress", problem=SiteProblem(display, 1, 1, f"cannot read: {exc}"))
    item = _ITEM_PERMALINK.search(text)
    folder = _DIRNAME.search(text)
    return SiteFacts(
        "vuepress",
        item_permalink=item.group(1) if item else None,
        blog_dir=folder.group(1) if folder and item else None,
    )
