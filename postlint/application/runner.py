"""Lint many files: in parallel worker processes, with the result cache, streaming results."""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from postlint.application.cache import ResultCache
from postlint.application.config_loader import ConfigResolver
from postlint.application.files import Candidate
from postlint.core.catalog import UNREADABLE_FILE
from postlint.core.diagnostic import FileResult
from postlint.core.engine import Linter


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

    def source_for(self, path: Path) -> Path | None:
        """The configuration file in force for ``path`` (what tells its Linter apart)."""
        if self._single is not None or self.resolver is None:
            return None
        return self.resolver.source_for(path)

    def for_source(self, source: Path | None) -> Linter:
        """The Linter of a configuration file :meth:`source_for` gave (built on first use)."""
        if self._single is not None or self.resolver is None:
            assert self._single is not None
            return self._single
        if source not in self._linters:
            config = self.resolver.config_for_source(source)
            self._linters[source] = Linter(config, self.resolver.rules)
        return self._linters[source]

    def for_path(self, path: Path) -> Linter:
        return self.for_source(self.source_for(path))


@dataclass(frozen=True)
class Job:
    pool: LinterPool
    cache: ResultCache | None


@dataclass(frozen=True)
class Planned:
    """A file to check and the configuration file in force for it, looked up once per run."""

    candidate: Candidate
    source: Path | None = None


@dataclass(frozen=True)
class Task:
    """A file as the first pass left it: read and keyed once, its bytes kept while they fit."""

    planned: Planned
    data: bytes | None = None  # None: read again where it is linted (over the memory budget)
    key: str | None = None  # the cache key of ``data``
    hit: bool = False  # the cache holds the result under ``key``


def unreadable(linter: Linter, candidate: Candidate) -> FileResult:
    """PL002 for a path that discovery found but cannot be linted (a folder, a broken link)."""
    message = f"cannot read: {candidate.problem}"
    return linter.file_problem(candidate.display, UNREADABLE_FILE, message)


def lint_candidate(job: Job, candidate: Candidate) -> FileResult:
    return _run_task(job, Task(Planned(candidate, job.pool.source_for(candidate.path))))


def _run_task(job: Job, task: Task) -> FileResult:
    """Lint one file: with the bytes and key of the first pass, else read and keyed here."""
    candidate = task.planned.candidate
    linter = job.pool.for_source(task.planned.source)
    if candidate.problem is not None:
        return unreadable(linter, candidate)
    data, key = task.data, task.key
    known_miss = data is not None  # the first pass found no result under this key
    if data is None:
        read = linter.read_file(candidate.path, candidate.display)
        if isinstance(read, FileResult):
            return read
        data, key = read, _cache_key(job, linter, candidate, read)
    if key is not None and job.cache is not None and not known_miss:
        hit = job.cache.get(key)
        if hit is not None:
            return hit
    result = linter.lint_bytes(candidate.display, data)
    if key is not None and job.cache is not None:
        job.cache.put(key, result)
    return result


def _cache_key(job: Job, linter: Linter, candidate: Candidate, data: bytes) -> str | None:
    # A post that names its own schema depends on a file the key does not cover: no cache.
    if job.cache is None or may_name_schema(data):
        return None
    # The site's generator decides some results (typeset quotes, blank lines before `---`), and
    # site rules read the whole site's model: both are in the fingerprint.
    site = linter.site_for(candidate.display).generator.name
    fingerprint = linter.fingerprint_for(str(candidate.path), job.cache.folder)
    return job.cache.key(candidate.display, data, f"{fingerprint}\0{site}")


def cached_key(job: Job, candidate: Candidate) -> str | None:
    """The cache key of ``candidate`` when the cache holds its result, else None."""
    task = _first_pass(job, Planned(candidate, job.pool.source_for(candidate.path)), keep=False)
    return task.key if isinstance(task, Task) and task.hit else None


def _first_pass(job: Job, planned: Planned, *, keep: bool) -> Task | FileResult:
    """Read and key a file once; ``keep``: hold its bytes for linting when not a cache hit."""
    candidate = planned.candidate
    linter = job.pool.for_source(planned.source)
    if candidate.problem is not None:
        return unreadable(linter, candidate)
    data = linter.read_file(candidate.path, candidate.display)
    if isinstance(data, FileResult):
        return data
    key = _cache_key(job, linter, candidate, data)
    if key is not None and job.cache is not None and job.cache.has(key):
        return Task(planned, None, key, hit=True)
    return Task(planned, data if keep else None, key)


# Fence lines, as the front matter's parser reads them (linear: anchored literals).
_OPENER = re.compile(rb"^(---|\+\+\+)[ \t]*\r?$", re.MULTILINE)
_CLOSER = {
    b"---": re.compile(rb"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE),
    b"+++": re.compile(rb"^\+\+\+[ \t]*\r?$", re.MULTILINE),
}


def may_name_schema(data: bytes) -> bool:
    """Whether the front matter may declare ``$schema``: false only when the first one lies
    after the front matter's closing fence, in the body, where posts about JSON Schema write
    it (such a post used to be checked again on every run). Anything else (JSON front matter,
    lone CR line breaks) counts as may."""
    first = data.find(b"$schema")
    if first < 0:
        return False
    opener = _OPENER.search(data, 0, first)
    if opener is None:
        return True
    return _CLOSER[opener.group(1)].search(data, opener.end(), first) is None


# Each worker process gets its job once, from the parent (inherited when forked), so the
# expensive per-run setup (compiled patterns, schemas) is not rebuilt or pickled per file.
_worker_job: Job | None = None


def _init_worker(job: Job) -> None:
    global _worker_job
    _worker_job = job


def _lint_in_worker(task: Task) -> FileResult:
    assert _worker_job is not None
    return _run_task(_worker_job, task)


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
    """Results in the order of ``candidates``; parallel only when there is enough work."""
    pool = linters if isinstance(linters, LinterPool) else LinterPool.of(linters)
    planned = [Planned(c, pool.source_for(c.path)) for c in candidates]
    for result, _ in lint_planned(pool, planned, jobs=jobs, cache=cache):
        yield result


# Bytes of changed files the first pass keeps, so that they are read once; each is let go once
# linted. A few MB hold a pre-commit run's files; an archive's (ten copies of the corpus are
# 200 MB) are read again from the page cache instead of held, so memory stays flat.
DATA_BUDGET = 16 << 20


def lint_planned(
    pool: LinterPool,
    planned: Sequence[Planned],
    *,
    jobs: int = 1,
    cache: ResultCache | None = None,
) -> Iterator[tuple[FileResult, Linter]]:
    """Each file's result and the Linter that gave it, in the order of ``planned``.

    A first pass reads and hashes every file once, so that workers are only started (and
    proselint's checks only compiled) for the files that changed; those files' bytes are kept
    for linting while they fit in :data:`DATA_BUDGET`. Cached results are read when their
    turn comes: memory stays flat.
    """
    if cache is not None and cache.problem is not None:  # refused (a link): say so, lint without
        yield cache_notice(cache), pool.for_path(cache.folder)
    if cache is not None and cache.secret is None:
        cache = None
    job = Job(pool, cache)
    budget = DATA_BUDGET
    firsts: list[Task | FileResult | None] = []
    for item in planned:
        read = _first_pass(job, item, keep=budget > 0)
        if isinstance(read, Task) and read.data is not None:
            budget -= len(read.data)
        firsts.append(read)
    misses = deque(t for t in firsts if isinstance(t, Task) and not t.hit)
    for task in misses:  # site models are built here once, before workers fork
        path = str(task.planned.candidate.path)
        pool.for_source(task.planned.source).site_model(path, cache.folder if cache else None)
    linted = _lint_many(job, misses, jobs)
    for index, item in enumerate(planned):
        first, firsts[index] = firsts[index], None  # not held to the end: bytes, result
        assert first is not None
        linter = pool.for_source(item.source)
        if isinstance(first, FileResult):
            yield first, linter
        elif not first.hit:
            yield next(linted), linter
        else:
            assert cache is not None and first.key is not None
            yield cache.get(first.key) or _run_task(job, Task(item)), linter  # damaged since


def _lint_many(job: Job, tasks: deque[Task], jobs: int) -> Iterator[FileResult]:
    """Each task's result in order; a task is let go (with its bytes) once it is handed out."""
    if jobs <= 1 or len(tasks) < 2 * jobs or not hasattr(os, "fork"):
        for task in _drained(tasks):
            yield _run_task(job, task)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")  # the job is inherited, never pickled
    job.pool.warm_up()  # compiled once here, shared by every worker
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(job,)
    ) as executor:
        chunksize = max(1, min(16, len(tasks) // (jobs * 8)))
        yield from executor.map(_lint_in_worker, _drained(tasks), chunksize=chunksize)


def _drained(tasks: deque[Task]) -> Iterator[Task]:
    """The tasks in order, each let go (with its bytes) as it is handed out."""
    while tasks:
        yield tasks.popleft()


def cache_notice(cache: ResultCache) -> FileResult:
    """PL011 for the cache folder, whatever the selection: it concerns the run, not a post."""
    from postlint.core.diagnostic import Diagnostic
    from postlint.core.source import Position
    from postlint.rules.system.cache_refused import RULE

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
