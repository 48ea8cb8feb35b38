"""Counterexample write-ups in forked processes (check_one(jobs > 1)): the results are
those of one process, a forked process that fails or cannot be made only costs time,
and no forked process outlives the check. Also checker.forked on its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker import forked, solve
from checker.results import Verdict
from checker.semantics import analyse
from checker.solve import check_one

SPEC = Path(__file__).resolve().parent.parent / "spec"
# three violated invariants: up to one write-up is forked with jobs=2, the others are written here
CHECK = "option2_proposed__any_release"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forked write-ups need fork")


@pytest.fixture(scope="module")
def program():
    program, diags = analyse([SPEC])
    assert not [d for d in diags if d.is_error]
    return program


@pytest.fixture(scope="module")
def check(program):
    return next((f, d) for f, d in program.checks() if d.name.name == CHECK)


def _without_seconds(results):
    return [{k: v for k, v in r.to_json().items() if k != "seconds"} for r in results]


@pytest.fixture(scope="module")
def one_process(program, check):
    results = check_one(program, *check, jobs=1)
    assert sum(r.verdict is Verdict.VIOLATED for r in results) >= 2
    return _without_seconds(results)


def _counting_starts(monkeypatch):
    started: list[forked.Forked | None] = []
    real = forked.start

    def counted(work):
        got = real(work)
        started.append(got)
        return got
    monkeypatch.setattr(forked, "start", counted)
    return started


def test_forked_write_ups_give_what_one_process_gives(program, check, one_process, monkeypatch):
    started = _counting_starts(monkeypatch)
    assert _without_seconds(check_one(program, *check, jobs=1)) == one_process
    assert started == []  # jobs=1 never forks
    assert _without_seconds(check_one(program, *check, jobs=2)) == one_process
    assert len(started) == 1 and started[0] is not None  # jobs - 1 write-ups at a time
    assert _without_seconds(check_one(program, *check, jobs=4)) == one_process
    assert len(started) >= 3
    for child in started:
        if child is not None:
            with pytest.raises(ChildProcessError):  # collected and reaped already
                os.waitpid(child.pid, os.WNOHANG)


def test_a_failing_write_up_process_only_costs_time(program, check, one_process, monkeypatch):
    real = solve.write_up
    parent = os.getpid()

    def fails_in_the_child(*args, **kw):
        if os.getpid() != parent:
            raise RuntimeError("the forked write-up fails")
        return real(*args, **kw)
    monkeypatch.setattr(solve, "write_up", fails_in_the_child)
    assert _without_seconds(check_one(program, *check, jobs=2)) == one_process


def test_no_fork_means_one_process(program, check, one_process, monkeypatch):
    def refuse():
        raise OSError("fork refused")
    monkeypatch.setattr(forked.os, "fork", refuse)
    assert _without_seconds(check_one(program, *check, jobs=2)) == one_process


def test_an_interrupted_check_leaves_no_write_up_behind(program, check, monkeypatch):
    started = _counting_starts(monkeypatch)
    real = solve.write_up
    parent = os.getpid()

    def interrupted_here(*args, **kw):
        if os.getpid() == parent:
            raise KeyboardInterrupt
        return real(*args, **kw)
    monkeypatch.setattr(solve, "write_up", interrupted_here)
    with pytest.raises(KeyboardInterrupt):
        check_one(program, *check, jobs=2)
    assert started and started[0] is not None
    with pytest.raises(ChildProcessError):  # stopped and reaped
        os.waitpid(started[0].pid, os.WNOHANG)


def test_forked_returns_the_result_or_says_it_did_not_come_back():
    child = forked.start(lambda: {"answer": [42]})
    assert child is not None
    assert forked.collect(child) == (True, {"answer": [42]})

    def boom():
        raise ValueError("fails in the child")
    child = forked.start(boom)
    assert child is not None
    assert forked.collect(child) == (False, None)

    child = forked.start(lambda: lambda: None)  # a result pickle cannot send
    assert child is not None
    assert forked.collect(child) == (False, None)
