"""The time budget: CPU time for the whole file, a rule stopped (not waited for), an error,
never cached, and the cheap rules after it still run."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from postlint.application.cache import ResultCache
from postlint.application.files import Candidate
from postlint.application.runner import Job, LinterPool, cached_key, lint_candidate
from postlint.core.config import Config
from postlint.core.diagnostic import Finding, Severity
from postlint.core.engine import Linter
from postlint.core.rule import Rule, RuleSet, discover

POST = "---\ntitle: A post\n---\n\nA short, clean paragraph.\n"


def _spin(doc: object, options: object) -> Iterator[Finding]:
    while True:  # a rule that never finishes and never yields
        pass
    yield  # pragma: no cover


def _endless(doc: object, options: object) -> Iterator[Finding]:
    while True:  # a rule that never finishes but yields
        yield Finding(0, 0, "again")


def _cheap(doc: object, options: object) -> Iterator[Finding]:
    yield Finding(0, 3, "cheap rule ran")


def _rules(slow: Rule) -> RuleSet:
    system = [r for r in discover() if r.code.startswith("PL")]
    cheap = Rule(code="ZZ002", name="cheap", summary="cheap", severity=Severity.INFO, check=_cheap)
    return RuleSet((*system, slow, cheap))


def _slow_rule(check: object) -> Rule:
    return Rule(code="ZZ001", name="slow", summary="slow", severity=Severity.INFO, check=check)  # type: ignore[arg-type]


def test_a_rule_that_never_returns_is_stopped_and_the_cheap_rules_still_run() -> None:
    linter = Linter(Config(time_budget=0.3), _rules(_slow_rule(_spin)))
    started = time.process_time()
    result = linter.lint_text(POST)
    assert time.process_time() - started < 3
    late = [d for d in result.diagnostics if d.code == "PL007"]
    assert len(late) == 1
    assert late[0].severity is Severity.ERROR
    assert (late[0].start_pos.line, late[0].start_pos.column) == (1, 1)
    assert "stopped: ZZ001" in late[0].message and "CPU time" in late[0].message
    assert any(d.code == "ZZ002" for d in result.diagnostics)  # ran in the grace
    assert result.depends_on is None  # never cached
    assert linter.fails(result)


def test_a_rule_is_stopped_off_the_main_thread_too() -> None:
    linter = Linter(Config(time_budget=0.3), _rules(_slow_rule(_endless)))
    results = []
    worker = threading.Thread(target=lambda: results.append(linter.lint_text(POST)))
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive()
    assert any("stopped: ZZ001" in d.message for d in results[0].diagnostics if d.code == "PL007")


def test_a_result_cut_short_is_not_cached(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    linter = Linter(Config(time_budget=0.2), _rules(_slow_rule(_spin)))
    cache = ResultCache.create(tmp_path)
    job = Job(LinterPool.of(linter), cache)
    candidate = Candidate(post, "post.md")
    first = lint_candidate(job, candidate)
    assert any(d.code == "PL007" for d in first.diagnostics)
    assert cached_key(job, candidate) is None  # the runner's own key: nothing stored under it
    # with room to finish, the same post is checked fully and then cached
    quick = Linter(replace(linter.config, time_budget=10.0), _rules(_slow_rule(_cheap)))
    full = lint_candidate(Job(LinterPool.of(quick), cache), candidate)
    assert not any(d.code == "PL007" for d in full.diagnostics)
    assert cached_key(Job(LinterPool.of(quick), cache), candidate) is not None


def test_the_budget_makes_the_cli_fail(tmp_path: Path) -> None:
    (tmp_path / "postlint.toml").write_text("time-budget = 0.000001\n", encoding="utf-8")
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "postlint", "check", "--no-cache", "post.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "PL007" in done.stdout and "not fully checked" in done.stdout
