"""A content-addressed result cache in ``.postlint_cache/``.

The key covers the file's bytes and name, the run's configuration, every schema it may use and
the postlint and proselint versions, so a hit is always the result a fresh run would give.
Entries are JSON (never pickle: a planted cache file must not run code) written atomically
(temporary file, then rename), so a crash or two runs at once leave only whole entries.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from postlint import __version__
from postlint.atomic import temporary_sibling
from postlint.diagnostic import Diagnostic, Edit, FileResult, Fix, Severity
from postlint.files import path_state
from postlint.source import Position

CACHE_DIR_NAME = ".postlint_cache"
_FORMAT = "v2"


def _proselint_version() -> str:
    try:
        return version("proselint")
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class ResultCache:
    """One run's view of the cache; ``salt`` fingerprints everything but the file itself."""

    folder: Path
    salt: str

    @classmethod
    def create(cls, root: Path) -> ResultCache:
        folder = root / CACHE_DIR_NAME
        salt = hashlib.sha256(
            f"{_FORMAT}\0{__version__}\0{_proselint_version()}".encode()
        ).hexdigest()
        return cls(folder, salt)

    def key(self, path: str, data: bytes, fingerprint: str) -> str:
        """``fingerprint``: the linter's (configuration, schemas) for this file."""
        digest = hashlib.sha256(f"{self.salt}\0{fingerprint}".encode())
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> str:
        # os.path on strings, not pathlib: a warm run looks up every file of an archive here
        return os.path.join(self.folder, _FORMAT, key[:2], f"{key}.json")

    def has(self, key: str) -> bool:
        return os.path.isfile(self._entry(key))

    def get(self, key: str) -> FileResult | None:
        try:
            with open(self._entry(key), "rb") as handle:
                payload = json.loads(handle.read())
            result = _result_from_json(payload)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing or damaged: lint again
        if any(path_state(path) != state for path, state in result.depends_on or ()):
            return None  # a file the result depends on has changed: lint again
        return result

    def put(self, key: str, result: FileResult) -> None:
        if result.depends_on is None:
            return  # depends on something the cache cannot watch
        entry = Path(self._entry(key))
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            self._ensure_gitignore()
            with temporary_sibling(entry) as handle:
                json.dump(_result_to_json(result), handle, ensure_ascii=False)
        except OSError:
            pass  # a read-only checkout simply runs without a cache
        except UnicodeEncodeError:
            pass  # a file name that is not UTF-8: this result is not cached

    def _ensure_gitignore(self) -> None:
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by postlint.\n*\n", encoding="utf-8")


def _pos(p: Position) -> list[int]:
    return [p.line, p.column]


def _fix_to_json(fix: Fix | None) -> Any:
    if fix is None:
        return None
    return {
        "safe": fix.safe,
        "message": fix.message,
        "edits": [[e.start, e.end, e.replacement] for e in fix.edits],
    }


def _fix_from_json(data: Any) -> Fix | None:
    if data is None:
        return None
    edits = tuple(Edit(int(s), int(e), str(r)) for s, e, r in data["edits"])
    return Fix(edits, safe=bool(data["safe"]), message=str(data["message"]))


def _result_to_json(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "diagnostics": [
            {
                "code": d.code,
                "name": d.name,
                "severity": d.severity.label,
                "message": d.message,
                "span": [d.start, d.end],
                "start": _pos(d.start_pos),
                "end": _pos(d.end_pos),
                "sub_code": d.sub_code,
                "fix": _fix_to_json(d.fix),
                "docs_url": d.docs_url,
                "source_line": d.source_line,
            }
            for d in result.diagnostics
        ],
        "depends_on": [list(pair) for pair in result.depends_on or ()],
    }


def _result_from_json(data: dict[str, Any]) -> FileResult:
    path = str(data["path"])
    diagnostics = tuple(
        Diagnostic(
            path=path,
            code=d["code"],
            name=d["name"],
            severity=Severity.parse(d["severity"]),
            message=d["message"],
            start=int(d["span"][0]),
            end=int(d["span"][1]),
            start_pos=Position(*d["start"]),
            end_pos=Position(*d["end"]),
            sub_code=d["sub_code"],
            fix=_fix_from_json(d["fix"]),
            docs_url=d["docs_url"],
            source_line=d["source_line"],
        )
        for d in data["diagnostics"]
    )
    depends_on = tuple((str(p), str(s)) for p, s in data.get("depends_on", []))
    return FileResult(path, diagnostics, depends_on=depends_on)
