"""Lint many files: in parallel worker processes, with the result cache, streaming results."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from postlint.cache import ResultCache
from postlint.config_loader import ConfigResolver
from postlint.diagnostic import FileResult
from postlint.engine import Linter
from postlint.files import Candidate


class LinterPool:
    """One Linter per configuration file in force (nested configs: nearest file wins)."""

    def __init__(
        self, resolver: ConfigResolver | None = None, linter: Linter | None = None
    ) -> None:
        self.resolver = resolver
        self._single = linter
        self._linters: dict[Path | None, Linter] = {}

    @classmethod
    def of(cls, linter: Linter) -> LinterPool:
        return cls(None, linter)

    def warm_up(self) -> None:
        """Build the linters' expensive per-run state now, before worker processes fork."""
        for linter in (self._single, *self._linters.values()):
            if linter is not None:
                linter.warm_up()

    def for_path(self, path: Path) -> Linter:
        if self._single is not None or self.resolver is None:
            assert self._single is not None
            return self._single
        source = self.resolver.source_for(path)
        if source not in self._linters:
            self._linters[source] = Linter(self.resolver.config_for(path), self.resolver.rules)
        return self._linters[source]


@dataclass(frozen=True)
class Job:
    pool: LinterPool
    cache: ResultCache | None


def lint_candidate(job: Job, candidate: Candidate) -> FileResult:
    linter = job.pool.for_path(candidate.path)
    if candidate.problem is not None:
        return linter._file_problem(candidate.display, "PL002", f"cannot read: {candidate.problem}")
    data = linter.read_file(candidate.path, candidate.display)
    if isinstance(data, FileResult):
        return data
    key = _cache_key(job, linter, candidate, data)
    if key is not None:
        assert job.cache is not None
        hit = job.cache.get(key)
        if hit is not None:
            return hit
    result = linter.lint_bytes(candidate.display, data)
    if key is not None:
        assert job.cache is not None
        job.cache.put(key, result)
    return result


def _cache_key(job: Job, linter: Linter, candidate: Candidate, data: bytes) -> str | None:
    # A post that names its own schema depends on a file the key does not cover: no cache.
    if job.cache is None or b"$schema" in data:
        return None
    # The site's generator decides some results (typeset quotes, blank lines before `---`), and
    # site rules read the whole site's model: both are in the fingerprint.
    site = linter.site_for(candidate.display).generator.name
    fingerprint = linter.fingerprint_for(str(candidate.path), job.cache.folder)
    return job.cache.key(candidate.display, data, f"{fingerprint}\0{site}")


def cached_key(job: Job, candidate: Candidate) -> str | None:
    """The cache key of ``candidate`` when the cache holds its result, else None."""
    if job.cache is None or candidate.problem is not None:
        return None
    linter = job.pool.for_path(candidate.path)
    data = linter.read_file(candidate.path, candidate.display)
    if isinstance(data, FileResult):
        return None
    key = _cache_key(job, linter, candidate, data)
    return key if key is not None and job.cache.has(key) else None


# Each worker process gets its job once, from the parent (inherited when forked), so the
# expensive per-run setup (compiled patterns, schemas) is not rebuilt or pickled per file.
_worker_job: Job | None = None


def _init_worker(job: Job) -> None:
    global _worker_job
    _worker_job = job


def _lint_in_worker(candidate: Candidate) -> FileResult:
    assert _worker_job is not None
    return lint_candidate(_worker_job, candidate)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def lint_all(
    linters: Linter | LinterPool,
    candidates: Iterable[Candidate],
    *,
    jobs: int = 1,
    cache: ResultCache | None = None,
) -> Iterator[FileResult]:
    """Results in the order of ``candidates``; parallel only when there is enough work.

    Cached results are read here first, so workers are only started (and proselint's checks
    only compiled) for the files that changed.
    """
    pool = linters if isinstance(linters, LinterPool) else LinterPool.of(linters)
    pending = list(candidates)
    if cache is not None and cache.problem is not None:  # refused (a link): say so, lint without
        yield _cache_notice(cache)
    if cache is not None and cache.secret is None:
        cache = None
    job = Job(pool, cache)
    keys = [cached_key(job, candidate) for candidate in pending]  # keys only: memory stays flat
    misses = [c for c, key in zip(pending, keys, strict=True) if key is None]
    for candidate in misses:  # site models are built here once, before workers fork
        folder = cache.folder if cache is not None else None
        job.pool.for_path(candidate.path).site_model(str(candidate.path), folder)
    linted = _lint_many(job, misses, jobs)
    for candidate, key in zip(pending, keys, strict=True):
        if key is None:
            yield next(linted)
        else:
            assert cache is not None
            yield cache.get(key) or lint_candidate(job, candidate)  # damaged since: lint again


def _lint_many(job: Job, candidates: list[Candidate], jobs: int) -> Iterator[FileResult]:
    if jobs <= 1 or len(candidates) < 2 * jobs or not hasattr(os, "fork"):
        for candidate in candidates:
            yield lint_candidate(job, candidate)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")  # the job is inherited, never pickled
    job.pool.warm_up()  # compiled once here, shared by every worker
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(job,)
    ) as executor:
        yield from executor.map(
            _lint_in_worker, candidates, chunksize=max(1, min(16, len(candidates) // (jobs * 8)))
        )


def _cache_notice(cache: ResultCache) -> FileResult:
    """PL011 for the cache folder, whatever the selection: it concerns the run, not a post."""
    from postlint.diagnostic import Diagnostic
    from postlint.rules.system.cache_refused import RULE
    from postlint.source import Position

    where = Position(1, 1)
    notice = Diagnostic(
        path=str(cache.folder),
        code=RULE.code,
        name=RULE.name,
        severity=RULE.severity,
        message=cache.problem or "",
        start=0,
        end=0,
        start_pos=where,
        end_pos=where,
        docs_url=RULE.docs_url,
    )
    return FileResult(str(cache.folder), (notice,))
