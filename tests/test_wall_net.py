"""The wall-clock safety net of the solving contexts (checker.solve._WallNet): a question
that runs past WALL_TIMEOUT_MS is interrupted and said to be, and the context answers the
next question as usual."""

import time

import z3

from checker import solve

# two primes of 32 bits: finding them again from their product is hard for a SAT solver
P, Q = 3_037_000_493, 2_860_486_313


def factoring(ctx: z3.Context) -> z3.Solver:
    s = solve.make_solver(ctx)
    x, y = z3.BitVec("x", 64, ctx), z3.BitVec("y", 64, ctx)
    s.add(x * y == P * Q, z3.ULT(1, x), z3.ULE(x, y), z3.ULT(y, 2**32))
    return s


def test_a_long_question_is_stopped_by_the_net_and_said_to_be(monkeypatch):
    monkeypatch.setattr(solve, "WALL_TIMEOUT_MS", 300)
    ctx = solve.solving_context()
    started = time.monotonic()
    result, hit = solve.ask_with_net(ctx, factoring(ctx), [])
    assert result == z3.unknown and hit
    assert time.monotonic() - started < 10  # the thread looks at least every 0.5 s

    easy = solve.make_solver(ctx)
    a = z3.BitVec("a", 8, ctx)
    easy.add(a & 3 == 2)
    assert solve.ask_with_net(ctx, easy, []) == (z3.sat, False)


def test_a_question_within_the_net_is_not_said_to_be_stopped():
    ctx = solve.solving_context()
    s = solve.make_solver(ctx)
    b = z3.Bool("b", ctx)
    s.add(b)
    assert solve.ask_with_net(ctx, s, [z3.Not(b, ctx)]) == (z3.unsat, False)
    assert solve.ask_with_net(ctx, s, [b]) == (z3.sat, False)


def test_a_forked_child_gets_its_own_net():
    import os
    solve.ask_with_net(*_trivial())  # the parent's thread is running
    pid = os.fork()
    if pid == 0:  # the child: no thread was forked with it; asking must start one and not hang
        ok = solve._wall_net.thread is None and solve.ask_with_net(*_trivial())[0] == z3.sat
        os._exit(0 if ok and solve._wall_net.thread is not None else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def _trivial() -> tuple[z3.Context, z3.Solver, list[z3.BoolRef]]:
    ctx = solve.solving_context()
    s = solve.make_solver(ctx)
    s.add(z3.Bool("c", ctx))
    return ctx, s, []
