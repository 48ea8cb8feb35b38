"""Raw terms made through z3's C API are held by their context (checker.encode.Context):
alive as long as it is, let go of together just before it is deleted."""

from __future__ import annotations

import gc

import z3

from checker.encode import Context, HeldBool, Z3Algebra, hold, lib


def test_a_held_term_outlives_every_wrapper_and_goes_with_its_context() -> None:
    ctx = Context()
    ref = ctx.ref()
    x = z3.BitVec("x", 8, ctx)
    before = lib.Z3_ast_vector_size(ref, ctx.held)
    raw = hold(ctx, lib.Z3_mk_bvand(ref, x.as_ast(), z3.BitVecVal(3, 8, ctx).as_ast()))
    assert lib.Z3_ast_vector_size(ref, ctx.held) == before + 1
    gc.collect()  # no wrapper holds the term: only the context's vector does
    s = z3.Solver(ctx=ctx)
    s.add(z3.BitVecRef(raw, ctx) == 2)
    assert s.check() == z3.sat and s.model().eval(x).as_long() & 3 == 2
    del s, x
    del ctx  # the vector is released before the context: no crash, nothing left counted
    gc.collect()


def test_a_models_terms_are_held_by_its_algebras_context() -> None:
    alg = Z3Algebra()
    a, b = alg.var("a", 32), alg.var("b", 32)
    made = alg.bor(alg.band(a, b), alg.const(5, 32))
    assert isinstance(alg.ctx, Context)
    assert lib.Z3_ast_vector_size(alg.ref, alg.ctx.held) == 5  # a, b, the and, the constant 5, the or
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
    held = lib.Z3_ast_vector_size(alg.ref, alg.ctx.held)
    ones = alg.const((1 << 32) - 1, 32)
    first, again = alg.bxor(made, ones), alg.bxor(made, ones)
    assert first.raw().value == again.raw().value and again.support == frozenset({"a", "b"})
    assert alg.is_zero(made) is alg.is_zero(made)
    assert lib.Z3_ast_vector_size(alg.ref, alg.ctx.held) == held + 3  # the complement, the constant 0, the test
    prove = z3.Solver(ctx=alg.ctx)
    (zero_test, _), = alg.is_zero(first).atoms
    prove.add(zero_test != ((a.term & b.term) == (1 << 32) - 1))
    assert prove.check() == z3.unsat


def test_a_models_conditions_are_held_by_the_context_not_counted() -> None:
    alg = Z3Algebra()
    a = alg.var("a", 8)
    held = lib.Z3_ast_vector_size(alg.ref, alg.ctx.held)
    (atom, support), = alg.eq(a, alg.const(3, 8)).atoms
    assert isinstance(atom, HeldBool) and support == frozenset({"a"})
    assert lib.Z3_ast_vector_size(alg.ref, alg.ctx.held) == held + 2  # the constant 3, the equation
    raw = atom.as_ast()
    del atom
    gc.collect()  # no wrapper counts it: the context's vector keeps it alive
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
