"""Adopting postlint on an existing archive: record today's findings, report only new ones.

``--write-baseline FILE`` stores a fingerprint per finding; ``--baseline FILE`` drops the
findings whose fingerprint is stored and counts the stored ones that no longer occur. The
fingerprint is the one SARIF and GitLab use (:func:`postlint.report.base.fingerprints`): rule,
sub-code, repository-relative path, the matched text and its line with whitespace collapsed,
and which occurrence of all that it is. Line numbers stay out, so a finding keeps its
fingerprint when lines are added or removed above it; editing the line itself makes it new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from postlint.core.diagnostic import FileResult
from postlint.report.base import fingerprints, in_file_order

FORMAT_VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be read or is not one postlint wrote (a usage error)."""


def _fingerprinted(result: FileResult, root: Path) -> list[tuple[str, Any]]:
    diagnostics = in_file_order(result)
    return list(zip(fingerprints(diagnostics, root), diagnostics, strict=True))


def baseline_document(results: Iterable[FileResult], root: Path) -> dict[str, Any]:
    """The JSON document for ``results`` (paths relative to ``root``), sorted, one entry each."""
    entries = [
        {
            "path": d.path,
            "code": d.code,
            "sub_code": d.sub_code,
            "fingerprint": fingerprint,
            "line": d.start_pos.line,  # for people reading the file; matching ignores it
            "message": d.message,
        }
        for result in results
        for fingerprint, d in _fingerprinted(result, root)
    ]
    entries.sort(key=lambda e: (e["path"], e["line"], e["code"], e["fingerprint"]))
    return {"tool": "postlint", "version": FORMAT_VERSION, "findings": entries}


def write_baseline(path: Path, results: Iterable[FileResult], root: Path) -> int:
    """Write the baseline atomically; return how many findings it records."""
    from postlint.core.atomic import temporary_sibling

    document = baseline_document(results, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with temporary_sibling(path) as handle:
        handle.write(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    return len(document["findings"])


@dataclass(frozen=True)
class Baseline:
    """Stored fingerprints by repository-relative path (a multiset: occurrences count)."""

    by_path: dict[str, Counter[str]]

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise BaselineError(f"baseline {path} is not JSON: {exc}") from None
        findings = document.get("findings") if isinstance(document, dict) else None
        if not isinstance(findings, list) or document.get("version") != FORMAT_VERSION:
            raise BaselineError(
                f"baseline {path} is not a postlint baseline (version {FORMAT_VERSION}); "
                "write it with --write-baseline"
            )
        by_path: dict[str, Counter[str]] = {}
        for entry in findings:
            if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("path", "fingerprint")
            ):
                raise BaselineError(f"baseline {path}: an entry without path and fingerprint")
            by_path.setdefault(entry["path"], Counter())[entry["fingerprint"]] += 1
        return cls(by_path)

    def __len__(self) -> int:
        return sum(sum(c.values()) for c in self.by_path.values())


@dataclass
class BaselineFilter:
    """One run's use of a baseline: drops known findings and counts what was matched."""

    baseline: Baseline
    root: Path
    matched: Counter[str] = field(default_factory=Counter)  # per path
    checked: set[str] = field(default_factory=set)

    def __call__(self, result: FileResult) -> FileResult:
        """``result`` without the findings the baseline records (each entry used once)."""
        self.checked.add(result.path)
        known = Counter(self.baseline.by_path.get(result.path, Counter()))
        kept = []
        for fingerprint, d in _fingerprinted(result, self.root):
            if known[fingerprint] > 0:
                known[fingerprint] -= 1
                self.matched[result.path] += 1
            else:
                kept.append(d)
        if len(kept) == len(result.diagnostics):
            return result
        return replace(result, diagnostics=tuple(kept))

    def stale(self) -> int:
        """Entries that no longer occur: in files checked this run, or in files now gone."""
        count = 0
        for path, entries in self.baseline.by_path.items():
            total = sum(entries.values())
            if path in self.checked:
                count += total - self.matched[path]
            elif not (self.root / path).exists():
                count += total
        return count
