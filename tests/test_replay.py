"""Every counterexample the solver returns, replayed through the concrete evaluator.

checker.solve already replays its counterexamples before reporting them; this
test does it again from the outside, from nothing but the reported
CheckResult.counterexample.assignment: the situation must satisfy the host's
checks (structural constraints), complete the protocol (run.ok), satisfy every
assumed guarantee, and break the invariant. Its size (leaves, then bits off
the all-quiet situation) is at least the one reported, which is counted beyond
the quietest situation the assumptions allow. Counterexamples come from the
shared verdict table (full 32-bit registers, the future leaf) and from 50
brute-force-style random models (tests/test_bruteforce.py's generator: one
leaf, with the future leaf, two leaves); for those, the size reported is also
checked against the quietest allowed situation found by enumeration.
"""

from __future__ import annotations

import random

import pytest

from checker.model import ConcreteAlgebra, build_model, build_space, resolve_check
from checker.results import CheckResult, Verdict
from checker.semantics import Program, analyse_text
from checker.solve import check_one
from test_bruteforce import (NO_FUTURE, TWO_LEAVES, WITH_FUTURE, deviation_of, enumerate_check, generate_for,
                             random_pick)
from verdict_table import CASES, Case

TABLE_VIOLATED = [c for c in CASES if c.verdict == "violated"]
RANDOM_MODELS = 50


def replay(program: Program, file: str, r: CheckResult, width: int = 32, wide_width: int = 64,
           registers: tuple[str, ...] | None = None) -> tuple[int, int]:
    """Assert that r's counterexample, evaluated concretely, is an allowed situation breaking r's
    invariant. Returns its size: (leaves, bits) off the all-quiet situation."""
    assert r.verdict is Verdict.VIOLATED and r.counterexample is not None
    (_, decl), = [(f, d) for f, d in program.checks() if d.name.name == r.check]
    setup = resolve_check(program, file, decl)
    space = build_space(program, setup, width, wide_width, registers) if registers else \
        build_space(program, setup, width, wide_width)
    assignment = r.counterexample.assignment
    m = build_model(program, setup, ConcreteAlgebra(assignment), space=space)
    inv = next(i for i in setup.invariants if i.name == r.invariant)
    violated = not m.property_value(inv.expr, program.file_of(inv.decl))
    guarantees = {g.name: m.property_value(g.expr, program.file_of(g.decl)) for g in setup.assumed}
    for name, value in assignment.items():  # only the check's variables, each within its width
        assert name in m.variables, name
        assert 0 <= value < 1 << m.variables[name], (name, value)
    for what, cond in m.structural_constraints():
        assert cond, f"replay: not a host the module accepts: {what}"
    for what, _, cond in m.run.ok:
        assert cond, f"replay: the protocol does not complete: {what}"
    for g, holds in guarantees.items():
        assert holds, f"replay: assumed guarantee {g} is false"
    assert violated, f"replay: {r.invariant} holds in the reported counterexample"
    leaves, bits = deviation_of(m, assignment)
    # the reported size is counted beyond the quietest situation the assumptions allow
    assert 0 <= r.counterexample.leaf_count <= leaves, (r.counterexample.leaf_count, leaves)
    if r.counterexample.leaf_count == leaves:
        assert 0 <= r.counterexample.bit_count <= bits, (r.counterexample.bit_count, bits)
    return leaves, bits


@pytest.mark.parametrize("case", TABLE_VIOLATED, ids=[c.name for c in TABLE_VIOLATED])
def test_table_counterexamples_replay(case: Case) -> None:
    program, diags = analyse_text(case.text, case.file)
    assert not [d for d in diags if d.is_error]
    (f, decl), = program.checks()
    results = check_one(program, f, decl)
    violated = [r for r in results if r.verdict is Verdict.VIOLATED]
    assert violated
    for r in violated:
        replay(program, f, r)


def test_random_counterexamples_replay() -> None:
    rng = random.Random(1604)
    shapes = [NO_FUTURE, NO_FUTURE, WITH_FUTURE, TWO_LEAVES]
    models = replayed = 0
    while models < RANDOM_MODELS:
        shape = shapes[models % len(shapes)]
        gen = generate_for(random_pick(rng), shape)
        program, diags = analyse_text(gen.text, gen.file)
        assert not [d for d in diags if d.is_error], gen.text
        (f, decl), = program.checks()
        results = check_one(program, f, decl, width=shape.width, wide_width=shape.wide_width,
                            registers=shape.registers)
        violated = [r for r in results if r.verdict is Verdict.VIOLATED]
        if not violated:
            continue
        models += 1
        e = enumerate_check(program, f, shape)
        quietest = e.smallest(e.base & e.conj(e.assumed)) if e is not None else None
        for r in violated:
            size = replay(program, f, r, shape.width, shape.wide_width, shape.registers)
            assert r.counterexample is not None
            if quietest is not None and r.counterexample.minimal:
                assert (r.counterexample.leaf_count, r.counterexample.bit_count) == \
                    (size[0] - quietest[0], size[1] - quietest[1]), (size, quietest, gen.text)
            replayed += 1
    assert replayed >= RANDOM_MODELS
