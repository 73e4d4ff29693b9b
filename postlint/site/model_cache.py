"""The site model's per-post entries, kept in `.postlint_cache/` between runs.

A warm run re-reads only the posts whose size or modification time changed; the rest come
from one JSON file per site (never pickle: a planted cache file must not run code), written
atomically with the cache's HMAC and without following links, as cached results are. The file is keyed by the site's folder and config facts, so a config change starts
afresh; a damaged file is simply ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from postlint.site.model import PostEntry
from postlint.site.urls import UrlClaim

_FORMAT = "site-v1"

Known = dict[str, tuple[str, PostEntry]]  # path -> (its state, its entry)


def cache_file(folder: Path, root: str, facts: object) -> Path:
    digest = hashlib.sha256(f"{_FORMAT}\0{root}\0{facts!r}".encode("utf-8", "surrogateescape"))
    return folder / _FORMAT / f"{digest.hexdigest()}.json"


def _entry(path: str, row: list[Any]) -> PostEntry:
    relative, urls, title, language = row
    return PostEntry(
        path,
        str(relative),
        tuple(
            UrlClaim(str(u), k if isinstance(k, str) else None, i if isinstance(i, int) else None)
            for u, k, i in urls
        ),
        title if isinstance(title, str) else None,
        str(language),
    )


def load(file: Path) -> Known:
    from postlint.application.cache import read_signed

    raw = read_signed(file.parent.parent, file.parent.name, file.name)
    if raw is None:
        return {}
    try:
        payload = json.loads(raw)
        return {path: (str(state), _entry(path, row)) for path, (state, row) in payload.items()}
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return {}


def save(file: Path, known: Known) -> None:
    payload = {
        path: [
            state,
            [
                entry.relative,
                [[c.url, c.key, c.index] for c in entry.claims],
                entry.title,
                entry.language,
            ],
        ]
        for path, (state, entry) in known.items()
    }
    from postlint.application.cache import write_signed

    try:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return  # a name that is not UTF-8: no model cache
    # signed and written without following links, like cached results: a planted file is a miss
    write_signed(file.parent.parent, file.parent.name, file.name, body)


def state_of(path: str) -> str:
    from postlint.application.files import path_state

    return path_state(path) if os.path.isfile(path) else "missing"
