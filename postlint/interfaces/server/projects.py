"""Which Linter checks an open post, rebuilt when a file it was built from changes.

The configuration is found exactly as ``postlint check`` finds it (the nearest
``postlint.toml``, ``.postlint.toml`` or ``pyproject.toml``, through :class:`ConfigResolver`),
so the editor and CI agree. Each Linter remembers the files it was built from (configuration,
style files, vocabulary, schemas) with their modification stamps; the next lint after one of
them changes (or appears, or goes) builds a new Linter: no restart needed.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from postlint.application.config_loader import ConfigResolver, find_config_file
from postlint.core.config import Config, ConfigError
from postlint.core.engine import Linter
from postlint.core.rule import RuleSet, discover

Stamp = tuple[tuple[str, int, int], ...]


def stamp(paths: tuple[Path, ...]) -> Stamp:
    """(path, mtime, size) of each file; a missing file is (path, -1, -1)."""
    out = []
    for path in paths:
        try:
            info = os.stat(path)
            out.append((str(path), info.st_mtime_ns, info.st_size))
        except OSError:
            out.append((str(path), -1, -1))
    return tuple(out)


def inputs(config: Config) -> tuple[Path, ...]:
    """Every file besides the post that the configuration was built from."""
    paths: list[Path] = []
    if config.source is not None:
        paths.append(config.source)
    if config.vocabulary is not None:
        paths.append(config.vocabulary.path)
    paths.extend(Path(rule.source) for rule in config.house if getattr(rule, "source", ""))
    if config.schema is not None:
        paths.append(config.schema)
    paths.extend(path for _, path in config.schemas)
    return tuple(dict.fromkeys(paths))


@dataclass(frozen=True)
class Built:
    linter: Linter | None
    error: str | None  # the configuration's mistake, when no Linter could be built
    inputs: tuple[Path, ...]
    stamp: Stamp


class Projects:
    """One Built per configuration file (None: no file found), checked before each use."""

    def __init__(self, rules: RuleSet | None = None) -> None:
        self.rules = rules if rules is not None else discover()
        self._built: dict[Path | None, Built] = {}
        self._lock = threading.Lock()  # lints run in worker threads

    def linter_for(self, path: Path) -> Linter | str:
        """The Linter for a post at ``path``, or the configuration error that prevents one."""
        source = find_config_file(path.parent)
        with self._lock:
            built = self._built.get(source)
            if built is None or built.error is not None or stamp(built.inputs) != built.stamp:
                built = self._build(source, path)
                self._built[source] = built
        return built.linter if built.linter is not None else str(built.error)

    def _build(self, source: Path | None, path: Path) -> Built:
        try:
            config = ConfigResolver(self.rules).config_for(path)
            linter = Linter(config, self.rules)
        except ConfigError as exc:  # not kept: tried again on the next lint, until mended
            return Built(None, str(exc), (), ())
        found = inputs(config)
        return Built(linter, None, found, stamp(found))

    def forget(self) -> None:
        """Rebuild everything on next use (a watched file was created or deleted)."""
        with self._lock:
            self._built.clear()
