"""The model on plain integers takes shortcuts (checker.model: _plain_fold, _plain_compare,
_plain_td, the shared class masks, a symbolic module's masks): set operations and
comparisons on whole dicts instead of one algebra call per register. They must give what
the algebra path gives. A subclass of ConcreteAlgebra computes the same values but is not
the plain algebra, so the model takes the per-register algebra path with it; both are
evaluated on every shipped check, in several situations, and every value the model
exposes must be the same."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker.model import ConcreteAlgebra, LeafRanges, build_model, build_space, resolve_check
from checker.semantics import analyse

SPEC = Path(__file__).resolve().parent.parent / "spec"


class AlgebraPath(ConcreteAlgebra):
    """The same values, but not `type(alg) is ConcreteAlgebra`: no shortcuts."""


@pytest.fixture(scope="module")
def program():
    program, diags = analyse([SPEC])
    assert not [d for d in diags if d.is_error]
    return program


def _situations(variables: dict[str, int], rng: random.Random) -> list[dict[str, int]]:
    """All quiet, sparse (a few bits each), dense, and all ones."""
    def pick(width: int, density: int) -> int:
        v = rng.getrandbits(width)
        for _ in range(density):
            v &= rng.getrandbits(width)
        return v
    return [{}, {n: pick(w, 3) for n, w in variables.items()}, {n: pick(w, 0) for n, w in variables.items()},
            {n: (1 << w) - 1 for n, w in variables.items()}]


def _nonzero(s: dict | None) -> dict:
    return {r: v for r, v in (s or {}).items() if v}


def _everything(program, setup, model) -> dict:
    props = {g.name: bool(model.property_value(g.expr, program.file_of(g.decl)))
             for g in setup.assumed + setup.others + setup.invariants}
    run = model.run
    return {"structural": [bool(c) for _, c in model.structural_constraints()],
            "ok": [bool(c) for _, _, c in run.ok], "properties": props,
            "held": _nonzero(run.td_held), "guest": _nonzero(run.td_guest), "kvm": _nonzero(run.kvm_cpuid),
            "view": _nonzero(run.view), "config": _nonzero(run.td_config),
            # the module's derived sets, whole (the properties above only see them through a comparison)
            "module": {attr: _nonzero(model._module_attr(model.module, attr, {}, "property").cpuid)
                       for attr in ("virtualized", "accepted_configurable", "reported_configurable")},
            # the class masks and gates themselves (a class no property reads is seen here only)
            "masks": {c: _nonzero(m) for c, m in model.module["masks"].items()},
            "gated": {g: _nonzero(m) for g, m in model.module["gated"].items()},
            "reported": _nonzero(model.module["reported"]),
            # the bookkeeping of variables (names, care masks, registers, roles, deviations)
            "bookkeeping": [model.variables, model.care, model.var_of, model.var_reg, model.var_role,
                            model.var_leaf, model.deviation, model.host_native, model.kvm_known]}


def test_plain_shortcuts_give_what_the_algebra_gives(program):
    rng = random.Random(20261127)
    outcomes: set[bool] = set()
    checks = list(program.checks())
    assert len(checks) >= 10
    for file, decl in checks:
        setup = resolve_check(program, file, decl)
        space = build_space(program, setup)
        variables = build_model(program, setup, ConcreteAlgebra({}), space=space).variables
        for assignment in _situations(variables, rng):
            plain = build_model(program, setup, ConcreteAlgebra(assignment), space=space)
            assert plain._plain
            generic = build_model(program, setup, AlgebraPath(assignment), space=space)
            assert not generic._plain
            got, want = _everything(program, setup, plain), _everything(program, setup, generic)
            assert got == want, (decl.name.name, assignment)
            outcomes |= set(got["properties"].values()) | set(got["ok"])
    assert outcomes == {True, False}  # the situations tell the two paths apart where they could differ


def test_plain_set_operations_match_the_algebra_for_every_operator(program):
    """Every comparison and set operator, including ones no shipped spec uses, on random
    sets with registers missing on either side (a missing register is 0)."""
    from checker.model import Value, _plain_compare, _plain_fold

    file, decl = next(iter(program.checks()))
    setup = resolve_check(program, file, decl)
    space = build_space(program, setup)
    generic = build_model(program, setup, AlgebraPath({}), space=space)
    regs = space.registers[:12]
    rng = random.Random(7)
    outcomes: dict[str, set[bool]] = {}

    def random_set() -> dict:
        return {r: rng.choice([0, space.all_ones, rng.getrandbits(32) & rng.getrandbits(32)])
                for r in regs if rng.random() < 0.7}

    for _ in range(300):
        a = random_set()
        b = dict(a) if rng.random() < 0.3 else \
            {r: v | rng.choice([0, 1 << rng.randrange(32)]) for r, v in a.items()} if rng.random() < 0.5 else random_set()
        if rng.random() < 0.5:
            a, b = b, a
        for op in ("==", "!=", "<=", ">=", "<", ">"):
            want = generic._compare(op, Value("cpuid", cpuid=a), Value("cpuid", cpuid=b)).cond
            assert _plain_compare(op, a, b) == want, (op, a, b)
            outcomes.setdefault(op, set()).add(want)
        for op in ("|", "&", "-", "^"):
            want = generic._fold([Value("cpuid", cpuid=a), Value("cpuid", cpuid=b)], op).cpuid
            assert _nonzero(_plain_fold([a, b], op, space.all_ones)) == _nonzero(want), (op, a, b)
    assert all(seen == {True, False} for seen in outcomes.values()), outcomes


def test_merged_leaf_ranges_answer_as_the_ranges_do():
    """LeafRanges (a leaf restriction's ranges merged, looked up by bisection) against the
    definition, on random sets of ranges: overlapping, adjacent, nested, empty (lo > hi)."""
    rng = random.Random(7)
    for _ in range(2000):
        ranges = tuple((rng.randrange(0, 60), rng.randrange(0, 60)) for _ in range(rng.randrange(0, 7)))
        merged = LeafRanges(ranges)
        for leaf in range(-2, 64):
            assert (leaf in merged) == any(lo <= leaf <= hi for lo, hi in ranges), (ranges, leaf)
