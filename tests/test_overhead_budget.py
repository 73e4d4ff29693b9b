"""The file's CPU timer is set once for all its rules, not once per rule, and the budget still
stops the rule that runs out of time, lets the cheap rules after it share the grace and skips
the rest once the grace is spent."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator

import pytest

from postlint.core import budget
from postlint.core.config import Config
from postlint.core.diagnostic import Finding, Severity
from postlint.core.engine import Linter
from postlint.core.rule import Rule, RuleSet, discover

POST = "---\ntitle: A post\n---\n\nA short, clean paragraph.\n"


def _spin(doc: object, options: object) -> Iterator[Finding]:
    while True:  # never finishes, never yields
        pass
    yield  # pragma: no cover


def _cheap(doc: object, options: object) -> Iterator[Finding]:
    yield Finding(0, 3, "cheap rule ran")


def _rule(code: str, check: object) -> Rule:
    return Rule(code=code, name=code.lower(), summary=code, severity=Severity.INFO, check=check)  # type: ignore[arg-type]


def _linter(budget_seconds: float, *checks: object) -> Linter:
    system = [r for r in discover() if r.code.startswith("PL")]
    rules = [_rule(f"ZZ{n:03d}", check) for n, check in enumerate(checks, start=1)]
    return Linter(Config(time_budget=budget_seconds), RuleSet((*system, *rules)))


def _late(linter: Linter) -> str:
    result = linter.lint_text(POST)
    late = [d.message for d in result.diagnostics if d.code == "PL007"]
    assert len(late) == 1, result.diagnostics
    return late[0]


def test_the_timer_is_set_once_for_all_the_rules_of_a_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[float] = []
    real = signal.setitimer

    def counted(which: int, seconds: float, interval: float = 0.0) -> tuple[float, float]:
        calls.append(seconds)
        return real(which, seconds, interval)

    monkeypatch.setattr(signal, "setitimer", counted)
    linter = _linter(10.0, *([_cheap] * 20))
    result = linter.lint_text(POST)
    assert sum(d.code.startswith("ZZ") for d in result.diagnostics) == 20
    assert not any(d.code == "PL007" for d in result.diagnostics)
    assert len([s for s in calls if s > 0]) == 1  # set once, for the rest of the budget
    assert 0 < calls[0] <= 10.0
    assert calls[-1] == 0  # and cleared when the file is done


def test_a_stopped_rule_then_the_grace_then_the_rest_cut_short() -> None:
    # ZZ001 is stopped by the budget; ZZ002 runs in the grace; ZZ003 spends the grace and is
    # stopped too; ZZ004 finds no time left (skipped), or a sliver of it: the timer counts the
    # process's CPU time in the kernel's steps, a little ahead of the thread's clock (stopped).
    started = budget.cpu_time()
    linter = _linter(0.3, _spin, _cheap, _spin, _spin)
    result = linter.lint_text(POST)
    assert budget.cpu_time() - started < 3
    message = next(d.message for d in result.diagnostics if d.code == "PL007")
    assert "stopped: ZZ001, ZZ003" in message
    assert "stopped: ZZ001, ZZ003, ZZ004" in message or "skipped: ZZ004" in message
    assert "ZZ002" in {d.code for d in result.diagnostics}


def test_the_cheap_rules_before_and_after_a_stopped_rule_all_report() -> None:
    linter = _linter(0.3, _cheap, _cheap, _spin, _cheap)
    result = linter.lint_text(POST)
    codes = {d.code for d in result.diagnostics}
    assert {"ZZ001", "ZZ002", "ZZ004"} <= codes
    assert "stopped: ZZ003" in next(d.message for d in result.diagnostics if d.code == "PL007")


def test_a_tick_between_two_rules_stops_none_and_ends_the_live_timer() -> None:
    if threading.current_thread() is not threading.main_thread():  # pragma: no cover
        pytest.skip("the timer interrupts the main thread only")
    with budget.Alarm() as alarm:
        assert not alarm.live
        assert alarm.run(lambda: iter((1, 2)), 10.0, budget.cpu_time() + 10.0) == [1, 2]
        assert alarm.live  # set by the first rule, still running for the next one
        alarm._on_timer(signal.SIGPROF, None)  # fires between two rules: nothing is raised
        assert not alarm.live
        with pytest.raises(budget.BudgetExceeded):
            alarm.run(lambda: _spin(None, None), 0.05, budget.cpu_time() + 0.05)
        assert not alarm.live
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_after_a_tick_between_rules_the_next_rule_sets_the_timer_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A tick between two rules stops none; the rule after it sets the timer again, and the one
    after that runs under it."""
    sets: list[float] = []
    real = signal.setitimer

    def counted(which: int, seconds: float, interval: float = 0.0) -> tuple[float, float]:
        sets.append(seconds)
        return real(which, seconds, interval)

    fired: list[budget.Alarm] = []
    original_run = budget.Alarm.run

    def run_then_tick(
        self: budget.Alarm, items: object, seconds: float, deadline: float
    ) -> list[object]:
        found = original_run(self, items, seconds, deadline)  # type: ignore[arg-type]
        if not fired:
            fired.append(self)
            self._on_timer(signal.SIGPROF, None)  # as if the timer fired between two rules
        return found

    monkeypatch.setattr(signal, "setitimer", counted)
    monkeypatch.setattr(budget.Alarm, "run", run_then_tick)
    result = _linter(10.0, _cheap, _cheap, _cheap).lint_text(POST)
    assert {"ZZ001", "ZZ002", "ZZ003"} <= {d.code for d in result.diagnostics}
    assert not any(d.code == "PL007" for d in result.diagnostics)
    assert len([s for s in sets if s > 0]) == 2 and sets[-1] == 0


def test_a_budget_spent_before_the_tick_still_skips_the_rest() -> None:
    """The timer fires on the kernel's tick; the clock before each rule notices the deadline
    even when every rule finishes within that tick."""
    message = _late(_linter(1e-9, *([_cheap] * 30)))
    assert "skipped" in message
