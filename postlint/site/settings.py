"""The `[site]` configuration table, as the run's Config carries it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteSettings:
    """Site checks on or off, and list files by kind (absolute paths): `authors`, `tags`,
    `categories`, each overriding the generator's conventional data file."""

    enabled: bool = True
    lists: tuple[tuple[str, str], ...] = ()
    root: str = ""  # the configuration file's folder: named files may be anywhere inside it
