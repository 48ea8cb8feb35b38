"""Raw terms made through z3's C API in a checker.encode.Context are kept by the context
itself (z3's trail of the terms it made): alive as long as it is, with no wrapper and no
counted reference, and let go of together when it is deleted."""

from __future__ import annotations

import gc

import z3

from checker.encode import Context, HeldBool, Z3Algebra, hold, lib


def _made_then_many_more(ctx: z3.Context) -> tuple[object, list[object], z3.BitVecRef]:
    """A raw term made with nothing counting it, then a hundred other raw terms."""
    ref = ctx.ref()
    x = z3.BitVec("x", 8, ctx)
    raw = lib.Z3_mk_bvand(ref, x.as_ast(), z3.BitVecVal(3, 8, ctx).as_ast())
    more = [lib.Z3_mk_bvxor(ref, x.as_ast(), z3.BitVecVal(i, 8, ctx).as_ast()) for i in range(100)]
    return raw, more, x


def test_a_term_made_in_a_context_outlives_every_later_call_and_goes_with_it() -> None:
    ctx = Context()
    raw, more, x = _made_then_many_more(ctx)
    gc.collect()
    assert raw.value not in {m.value for m in more}  # nothing was freed and made again in its place
    s = z3.Solver(ctx=ctx)
    s.add(z3.BitVecRef(raw, ctx) == 2)
    assert s.check() == z3.sat and s.model().eval(x).as_long() & 3 == 2
    del s, x, raw, more
    del ctx  # the context takes its terms with it: no crash
    gc.collect()


def test_in_a_counting_context_the_same_term_would_be_freed() -> None:
    # what the test above guards against: z3.py's kind of context frees an uncounted term
    # at the next call that makes one, and makes the next term in its place
    raw, more, _ = _made_then_many_more(z3.Context())
    assert raw.value in {m.value for m in more}


def test_a_models_terms_are_kept_by_its_algebras_context() -> None:
    alg = Z3Algebra()
    a, b = alg.var("a", 32), alg.var("b", 32)
    made = alg.bor(alg.band(a, b), alg.const(5, 32))
    assert isinstance(alg.ctx, Context)
    for _ in range(50):  # other terms made meanwhile take no term's place
        alg.bxor(alg.var("c", 32), alg.const(_, 32))
    prove = z3.Solver(ctx=alg.ctx)
    prove.add(made.term != (a.term & b.term) | 5)
    assert prove.check() == z3.unsat


def test_hold_counts_a_term_of_a_plain_context_once() -> None:
    ctx = z3.Context()
    x = z3.BitVec("x", 8, ctx)
    raw = hold(ctx, lib.Z3_mk_bvnot(ctx.ref(), x.as_ast()))
    gc.collect()
    assert z3.BitVecRef(raw, ctx).sexpr() == "(bvnot x)"


def test_a_complement_and_a_zero_test_are_made_once_per_term() -> None:
    alg = Z3Algebra()
    a, b = alg.var("a", 32), alg.var("b", 32)
    made = alg.band(a, b)
    ones = alg.const((1 << 32) - 1, 32)
    first, again = alg.bxor(made, ones), alg.bxor(made, ones)
    assert first.raw().value == again.raw().value and again.support == frozenset({"a", "b"})
    assert alg.is_zero(made) is alg.is_zero(made)
    prove = z3.Solver(ctx=alg.ctx)
    (zero_test, _), = alg.is_zero(first).atoms
    prove.add(zero_test != ((a.term & b.term) == (1 << 32) - 1))
    assert prove.check() == z3.unsat


def test_a_models_conditions_are_kept_by_the_context_not_counted() -> None:
    alg = Z3Algebra()
    a = alg.var("a", 8)
    (atom, support), = alg.eq(a, alg.const(3, 8)).atoms
    assert isinstance(atom, HeldBool) and support == frozenset({"a"})
    raw = atom.as_ast()
    del atom
    gc.collect()  # no wrapper counts it: the context keeps it alive
    for i in range(50):
        alg.eq(a, alg.const(i + 10, 8))
    s = z3.Solver(ctx=alg.ctx)
    s.add(z3.BoolRef(raw, alg.ctx))
    assert s.check() == z3.sat and s.model().eval(a.term).as_long() == 3


def test_an_algebra_is_freed_without_the_cycle_collector() -> None:
    # checks run with the cyclic collector paused: an algebra in a reference cycle would
    # keep its context (every term of a check's model) until a full collection
    import weakref

    was = gc.isenabled()
    gc.disable()
    try:
        alg = Z3Algebra()
        a = alg.var("a", 8)
        alg.is_zero(alg.bxor(a, alg.const(255, 8)))
        gone = weakref.ref(alg)
        del alg, a
        assert gone() is None
    finally:
        if was:
            gc.enable()
