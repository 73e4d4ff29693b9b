"""A run's results held on disk until they can be written in path order.

Document formats (JSON, SARIF, GitLab, JUnit) print files sorted by path, and results arrive in
the order files were checked, so a report cannot be written before the last file is done.
Holding every diagnostic in memory grows with the run (hundreds of megabytes on an archive of
posts); instead each file's result is pickled, without the source-line excerpts the format
does not print, into one temporary file, and only an index of (path, arrival, offset, size)
stays in memory. The reporter then reads one file's result back at a time.
"""

from __future__ import annotations

import heapq
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import IO

from postlint.core.diagnostic import Diagnostic, FileResult
from postlint.report.base import Summary

# Results are kept in memory up to this many pickled bytes, then everything goes to disk: a
# small run (one post in pre-commit) never touches the file system.
IN_MEMORY_BYTES = 4 << 20


def without_source(result: FileResult) -> FileResult:
    """``result`` without the source-line excerpts (up to 1,000 characters per diagnostic)."""
    if not any(d.source_line for d in result.diagnostics):
        return result
    slim = tuple(map(_without_line, result.diagnostics))
    return replace(result, diagnostics=slim)


def _without_line(d: Diagnostic) -> Diagnostic:
    """``replace(d, source_line="")``: the same fields (so the same pickle) without the frozen
    class's ``__init__``, which set each of them through ``object.__setattr__`` (three times
    the cost, for every diagnostic of a run). A subclass goes through ``replace``."""
    if type(d) is not Diagnostic:
        return replace(d, source_line="")
    slim: Diagnostic = object.__new__(Diagnostic)
    slim.__dict__.update(d.__dict__)
    slim.__dict__["source_line"] = ""
    return slim


def slim(result: FileResult) -> FileResult:
    """What a document format reads of a result: no fixed text (the fix writes it, not the
    report); ``without_source`` too unless the format fingerprints the source line."""
    return result if result.fixed_text is None else replace(result, fixed_text=None)


@dataclass(frozen=True)
class _Entry:
    path: str
    arrival: int
    offset: int
    size: int


class Spool:
    """Results written once, read back grouped by path in sorted order (any number of times).

    Use as a context manager: the temporary file is removed on exit.
    """

    def __init__(
        self, keep: Callable[[FileResult], FileResult] = slim, in_memory: int = IN_MEMORY_BYTES
    ) -> None:
        self._keep = keep
        self._in_memory = in_memory
        self._entries: list[_Entry] = []
        self._memory: list[bytes] = []
        self._held = 0
        self._file: IO[bytes] | None = None
        self._size = 0
        self._strays: list[Diagnostic] = []
        self.summary = Summary.of(())

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._memory.clear()

    def add_all(self, results: Iterable[FileResult]) -> Spool:
        for result in results:
            self.add(result)
        return self

    def add(self, result: FileResult) -> None:
        self.summary = self.summary.plus(result)
        self._strays.extend(d for d in result.diagnostics if d.path != result.path)
        data = pickle.dumps(self._keep(result), protocol=pickle.HIGHEST_PROTOCOL)
        if self._file is None and self._held + len(data) > self._in_memory:
            import tempfile  # only a big run spills to disk

            self._file = tempfile.TemporaryFile(prefix="postlint-report-")  # noqa: SIM115 (closed by __exit__)
            for chunk in self._memory:
                self._file.write(chunk)
            self._memory.clear()
        if self._file is None:
            self._memory.append(data)
            self._held += len(data)
        else:
            self._file.write(data)
        self._entries.append(_Entry(result.path, len(self._entries), self._size, len(data)))
        self._size += len(data)

    def __len__(self) -> int:
        return len(self._entries)

    def _read(self, entry: _Entry) -> FileResult:
        if self._file is None:
            data = self._memory[entry.arrival]
        else:
            self._file.seek(entry.offset)
            data = self._file.read(entry.size)
        result: FileResult = pickle.loads(data)
        return result

    def by_path(self) -> Iterator[FileResult]:
        """Each result, files sorted by path (``base.by_path``: stable for equal paths)."""
        for entry in sorted(self._entries, key=lambda e: e.path):
            yield self._read(entry)

    def ordered(self) -> Iterator[Diagnostic]:
        """All diagnostics in ``base.ordered``'s order (path, line, column, code, message).

        Results come back sorted by path and each path's diagnostics are sorted on their own:
        sorting by path and then within one path is the global sort. Results of equal paths
        are concatenated in arrival order before that stable sort, so ties keep their order.
        A diagnostic whose path is not its result's (none today) is held apart and merged in.
        """

        def own() -> Iterator[Diagnostic]:
            group: list[Diagnostic] = []
            current: str | None = None
            for result in self.by_path():
                if result.path != current:
                    yield from sorted(group, key=Diagnostic.sort_key)
                    group, current = [], result.path
                group.extend(d for d in result.diagnostics if d.path == result.path)
            yield from sorted(group, key=Diagnostic.sort_key)

        strays = sorted(self._strays, key=Diagnostic.sort_key)
        return heapq.merge(own(), strays, key=Diagnostic.sort_key) if strays else own()
