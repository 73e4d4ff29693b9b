"""One run's site models: which site a post belongs to, and that site's model, built once.

The model is built from the whole site (its content walked with the same discovery as the
CLI), whichever of its posts are checked, so checking one file still sees every other post.
Models are plain frozen data: a forked worker inherits them, a pickled one carries them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from postlint.site.generator import Site, SiteFinder
from postlint.site.model import SiteModel, SiteSettings, build_model

if TYPE_CHECKING:
    from postlint.core.config import Config


def _site_root(site: Site, path: str) -> Path | None:
    """The site's folder: its config's, or (Jekyll without config) the folder above `_posts`."""
    if site.root is not None:
        return site.root
    parts = Path(os.path.abspath(path)).parts
    if site.generator.name == "jekyll" and "_posts" in parts:
        return Path(*parts[: parts.index("_posts")])
    return None


@dataclass
class SiteModels:
    config: Config
    _inside: SiteFinder | None = None  # stops at the project root
    _outside: SiteFinder = field(default_factory=SiteFinder)  # for posts outside it
    _by_folder: dict[str, Site | None] = field(default_factory=dict)
    _models: dict[str, SiteModel] = field(default_factory=dict)

    @property
    def settings(self) -> SiteSettings:
        settings = getattr(self.config, "site", None)
        return settings if isinstance(settings, SiteSettings) else SiteSettings()

    def site_for(self, path: str) -> Site | None:
        if not self.settings.enabled:
            return None
        absolute = os.path.abspath(path)
        folder = os.path.dirname(absolute)
        if folder not in self._by_folder:  # asked for every file: answered once per folder
            self._by_folder[folder] = self._find(absolute)
        return self._by_folder[folder]

    def _find(self, absolute: str) -> Site | None:
        root = os.path.abspath(self.config.root)
        if absolute == root or absolute.startswith(root.rstrip(os.sep) + os.sep):
            if self._inside is None:
                self._inside = SiteFinder(Path(root))
            finder = self._inside
        else:
            finder = self._outside
        site = finder.site_for(absolute)
        folder = _site_root(site, absolute)
        if folder is None:
            return None
        return Site(site.generator, folder, site.config_file)

    def model_for(self, path: str, cache_folder: Path | None = None) -> SiteModel | None:
        site = self.site_for(path)
        if site is None or site.root is None:
            return None
        key = os.path.abspath(site.root)
        if key not in self._models:
            self._models[key] = build_model(
                site, self._posts(site), self.settings, self.config.max_file_size, cache_folder
            )
        return self._models[key]

    def _posts(self, site: Site) -> list[str]:
        from postlint.application.files import discover_files
        from postlint.site.facts import site_facts

        assert site.root is not None
        root = Path(os.path.abspath(site.root))
        folder = root
        if site.generator.name == "hugo":
            folder = root / (site_facts(site).content_dir or "content")
            if not folder.is_dir():
                return []
        exclude = (*self.config.exclude, *self.config.extend_exclude, "public", "resources")
        found = discover_files([folder], self.config.include, exclude, cwd=root)
        return [
            os.path.abspath(c.path)
            for c in found
            if c.problem is None and not os.path.islink(c.path)
        ]
