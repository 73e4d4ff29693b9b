"""Which static-site generator builds a post, and the facts about it that decide what is a defect.

A straight quote is no defect on a site whose generator typesets quotes at build time, and a
blank line before `---` is fine where the generator accepts it. Detection only looks at file
names (and, to tell Zola from Hugo, at most the first 64 KiB of a `config.toml`), never
outside the folders it is given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Generator:
    name: str
    smart_quotes: bool  # straight quotes, `--` and `...` become typographic at build time
    blank_lines_before_front_matter: bool  # front matter may follow blank lines


GENERATORS: dict[str, Generator] = {
    generator.name: generator
    for generator in (
        # kramdown's smart_quotes and typographic_symbols are on by default
        Generator("jekyll", smart_quotes=True, blank_lines_before_front_matter=False),
        # Goldmark's typographer extension is on by default; leading blank lines are skipped
        Generator("hugo", smart_quotes=True, blank_lines_before_front_matter=True),
        # markdown-it's typographer is off by default
        Generator("eleventy", smart_quotes=False, blank_lines_before_front_matter=False),
        # remark-smartypants is on by default
        Generator("astro", smart_quotes=True, blank_lines_before_front_matter=False),
        # markdown-it, typographer off
        Generator("vuepress", smart_quotes=False, blank_lines_before_front_matter=False),
        # pulldown-cmark; [markdown] smart_punctuation is off by default
        Generator("zola", smart_quotes=False, blank_lines_before_front_matter=True),
        Generator("plain", smart_quotes=False, blank_lines_before_front_matter=False),
    )
}
PROFILES = tuple(GENERATORS)

_HUGO_CONFIG_NAMES = tuple(
    f"{stem}.{ext}" for stem in ("hugo", "config") for ext in ("toml", "yaml", "yml", "json")
)
# File names that mark a site's root folder, most specific first.
_MARKERS: tuple[tuple[str, str], ...] = (
    ("_config.yml", "jekyll"),
    ("_config.yaml", "jekyll"),
    ("_config.toml", "jekyll"),
    *((name, "hugo") for name in _HUGO_CONFIG_NAMES if name.startswith("hugo.")),
    *((f"config/_default/{name}", "hugo") for name in _HUGO_CONFIG_NAMES),
    *(
        (name, "eleventy")
        for name in (
            ".eleventy.js",
            "eleventy.config.js",
            "eleventy.config.mjs",
            "eleventy.config.cjs",
            "eleventy.config.ts",
        )
    ),
    *((f"astro.config.{ext}", "astro") for ext in ("mjs", "js", "ts", "mts", "cjs")),
    *((f".vuepress/config.{ext}", "vuepress") for ext in ("js", "ts", "mjs", "cjs")),
    # config.toml is Zola's or Hugo's: told apart by its contents (see _config_toml_generator)
    *((name, "hugo") for name in _HUGO_CONFIG_NAMES if name != "config.toml"),
    ("zola.toml", "zola"),
    ("config.toml", "hugo-or-zola"),
)
_PEEK_BYTES = 64 * 1024


@dataclass(frozen=True)
class Site:
    generator: Generator
    root: Path | None = None  # the folder holding the generator's config
    config_file: Path | None = None


PLAIN_SITE = Site(GENERATORS["plain"])


def _config_toml_generator(path: Path) -> str:
    """Zola's config.toml has `base_url`; Hugo's has `baseURL` (any case) or none."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_PEEK_BYTES).decode("utf-8", "replace")
    except OSError:
        return "hugo"
    for line in head.splitlines():
        key = line.split("=", 1)[0].strip()
        if key in ("base_url", "compile_sass", "generate_feeds", "generate_feed"):
            return "zola"
    return "hugo"


def site_in(folder: Path | str) -> Site | None:
    """The site whose config sits directly in ``folder``, if any."""
    present = _names_in(os.fspath(folder))
    for relative, name in _MARKERS:
        if present is not None and relative.split("/", 1)[0].casefold() not in present:
            continue  # not even its first name is there: no stat needed
        candidate = os.path.join(folder, relative)
        if not os.path.isfile(candidate):
            continue
        if name == "hugo-or-zola":
            name = _config_toml_generator(Path(candidate))
        return Site(GENERATORS[name], Path(folder), Path(candidate))
    return None


def _names_in(folder: str) -> frozenset[str] | None:
    """The folder's entry names, case-folded (a case-insensitive disk finds `_Config.yml` for
    `_config.yml`): one listing instead of a stat per marker. None: unreadable, stat them all."""
    try:
        return frozenset(name.casefold() for name in os.listdir(folder))
    except (OSError, ValueError):
        return None


def _parent_folder(path: str) -> str:
    """``os.path.abspath(Path(path).parent)`` with strings: pathlib drops empty and `.` names
    before taking the parent (so `a/b/` is in `a`), os.path.dirname does not."""
    if path.startswith("//") or os.sep != "/" or os.altsep is not None:
        return os.path.abspath(Path(path).parent)
    names = [name for name in path.split("/") if name and name != "."]
    head = "/" if path.startswith("/") else ""
    return os.path.abspath(head + "/".join(names[:-1]) if names else path or ".")


@dataclass
class SiteFinder:
    """Finds the site of each post by walking up from its folder; cached per folder, per run.

    The walk stops at ``stop`` (the project root) when given, so nothing above the project is
    looked at.
    """

    stop: Path | None = None
    _by_folder: dict[str, Site] = field(default_factory=dict)

    def site_for(self, path: Path | str) -> Site:
        text = os.fspath(path)
        folder = os.path.abspath(text) if os.path.isdir(text) else _parent_folder(text)
        stop = os.path.abspath(self.stop) if self.stop is not None else None
        visited: list[str] = []
        site = PLAIN_SITE
        current = folder
        while True:
            if current in self._by_folder:
                site = self._by_folder[current]
                break
            visited.append(current)
            found = site_in(current)
            if found is not None:
                site = found
                break
            parent = os.path.dirname(current)
            if current == stop or parent == current:
                break
            current = parent
        if site is PLAIN_SITE and "_posts" in folder.split(os.sep):
            # Jekyll's own folder name, even where the site's _config.yml is not in the checkout
            site = Site(GENERATORS["jekyll"])
        for seen in visited:
            self._by_folder[seen] = site
        return site


def profile_site(name: str) -> Site:
    """The site facts for a profile named in configuration (`profile = "hugo"`)."""
    return Site(GENERATORS[name])


def effects(generator: Generator) -> tuple[str, ...]:
    """What the generator's facts change in a run, in words (for `postlint config PATH`)."""
    changes: list[str] = []
    if generator.smart_quotes:
        changes.append(
            "proselint's typography.symbols.curly_quotes and typography.symbols.ellipsis are "
            "off unless selected: the generator typesets straight quotes and '...'"
        )
    if generator.blank_lines_before_front_matter:
        changes.append("blank lines before the front matter are accepted, as the generator does")
    return tuple(changes)


def describe(site: Site, profile: str | None, schema: Path | None = None) -> dict[str, object]:
    """The site facts of a post as plain data: which generator, found how, what it changes,
    and which front-matter schema its posts are checked against (``schema``: a configured
    one) and why."""
    from postlint.core.schema import schema_for  # schema.py builds on this module

    choice = schema_for(site, schema)
    if profile is not None:
        found_by = f"profile = {profile!r} in the configuration"
    elif site.config_file is not None:
        found_by = str(site.config_file)
    elif site.generator.name == "jekyll":
        found_by = "a _posts folder"
    else:
        found_by = "no generator's configuration found"
    return {
        "generator": site.generator.name,
        "found-by": found_by,
        "root": str(site.root) if site.root is not None else None,
        "changes": list(effects(site.generator)),
        "schema": {"path": str(choice.path), "chosen-by": choice.reason},
    }
