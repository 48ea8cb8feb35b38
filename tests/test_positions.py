"""Tied positions are solved on narrow variables (checker.positions.Tying).

A component whose registers have alike positions tied is given to z3 rewritten onto the
kept positions: each tied variable becomes a narrow one. If any term still read the
original full-width variable, that variable would be free of every constraint on the
narrow one, and the answers wrong. The brute-force cross-check (tests/test_bruteforce.py)
compares answers on small models; these tests look at the shipped checks' solvers, where
the constraints are large (leaves(), gates, the protocol's requirements).
"""
from __future__ import annotations

import functools

import z3

from checker import positions
from checker.cli import load, shipped_spec_dir
from checker.model import resolve_check
from checker.solve import CheckSolver

NARROW = "@kept"


def _constants(assertions: z3.AstVector) -> set[str]:
    """The names of the uninterpreted constants the assertions mention."""
    seen: set[int] = set()
    names: set[str] = set()
    todo = list(assertions)
    while todo:
        t = todo.pop()
        if t.get_id() in seen:
            continue
        seen.add(t.get_id())
        if z3.is_const(t) and t.decl().kind() == z3.Z3_OP_UNINTERPRETED:
            names.add(t.decl().name())
        elif z3.is_app(t):
            todo.extend(t.children())
    return names


@functools.lru_cache(maxsize=1)
def _solvers() -> list[tuple[str, CheckSolver]]:
    """A CheckSolver (model, split, solvers; nothing asked yet) for every shipped check."""
    program, diags, _ = load([str(shipped_spec_dir())])
    assert not [d for d in diags if d.severity == "error"]
    return [(decl.name.name, CheckSolver(program, resolve_check(program, file, decl)))
            for file, decl in program.checks()]


def test_tied_components_mention_no_full_width_variable() -> None:
    tied = 0
    for name, cs in _solvers():
        for idx in cs.representatives:
            comp = cs.components[idx]
            if not comp.tied:
                continue
            tied += 1
            names = _constants(comp.solver.assertions())
            narrow = {n[: -len(NARROW)] for n in names if n.endswith(NARROW)}
            assert narrow, (name, idx)  # the rewriting happened
            assert not narrow & names, (name, idx, sorted(narrow & names))
            # counting and assignments read the full-width stand-ins: one per tied variable
            for var in narrow:
                assert comp.vars[var].size() == cs.space.width
    assert tied >= 50, tied  # the shipped checks have many tied components


def test_narrow_constraints_decide_as_the_substituted_ones() -> None:
    """For the first tied components of three shipped checks (the future leaf's comes first
    in a symbolic check): each constraint made narrow and the same constraint at full width
    (each tied variable replaced by its stand-in, which is how tied positions were solved
    before narrowing) are equivalent: z3 proves them equal."""
    compared = 0
    for name, cs in _solvers():
        if name not in ("upstream_6_16__any_release", "upstream_6_16__tdx_1_5_01", "option1_tell__tdx_1_5_01"):
            continue
        tied = [idx for idx in cs.representatives if cs.components[idx].tied]
        for idx in tied[:4]:
            comp = cs.components[idx]
            # rebuild the full-width form in the component's context from the check's own terms
            kept, violations = [], []
            for tag, ident, body in _bodies(cs, idx):
                (kept if tag != "invariant" else violations).append(body)
            tying = positions.spreads(cs.ctx, kept, violations,
                                      {n: cs.alg.vars[n] for n in comp.variables}, cs.model.var_reg,
                                      cs.model.care, cs.space.width)
            assert tying is not None
            pairs = [(cs.alg.vars[n], tying.spread[n]) for n in tying.spread]
            differ = [z3.substitute(body, *pairs) != tying(body) for body in kept + violations]
            s = z3.Solver(ctx=cs.ctx)
            s.add(z3.Or(differ))  # some constraint's two forms differ somewhere
            assert s.check() == z3.unsat, (name, idx)
            compared += 1
    assert compared >= 8, compared


def _bodies(cs: CheckSolver, idx: int) -> list[tuple[str, object, z3.BoolRef]]:
    """The component's constraint bodies as the split made them (base, guarantee, and the
    negated invariant atoms)."""
    comp = cs.components[idx]
    out: list[tuple[str, object, z3.BoolRef]] = []
    terms = [("base", i, t) for i, t in enumerate(cs.base_terms)]
    terms += [("guarantee", g, t) for g, t in cs.guarantee_terms.items()]
    for tag, ident, cond in terms:
        for atom, support in cond.atoms:
            if support and support <= comp.variables:
                out.append((tag, ident, atom))
    for inv, per_comp in cs.inv_atoms.items():
        if idx in per_comp:
            out.append(("invariant", inv, z3.Not(z3.And(per_comp[idx]))))
    return out


def test_quiet_and_touched_on_narrow_variables_mean_what_they_say_on_full_width() -> None:
    """The quiet constraint (CheckSolver._silent) and the leaf flags (_Flags._touched) read a
    tied variable on its narrow variable with Tying.narrow_mask: z3 proves that equal to
    reading the full-width stand-in, and after vacuity (which adds the quiet constraint)
    and the leaf flags, no full-width variable of a tied one appears in the solver."""
    compared = 0
    for name, cs in _solvers():
        if name not in ("upstream_6_16__any_release", "option2_proposed__tdx_1_5_01"):
            continue
        assert cs.vacuity() is None
        for idx in cs.representatives:
            comp = cs.components[idx]
            if not comp.narrow:
                continue
            flags = cs._flags(comp)
            s = z3.Solver(ctx=comp.ctx)
            s.add(comp.solver.assertions())
            for lit in flags.leaf_flags:
                s.add(z3.Or(lit, z3.Not(lit)))  # the flags' terms go into the solver's assertions
            names = _constants(s.assertions())
            assert not {n[: -len(NARROW)] for n in names if n.endswith(NARROW)} & names, (name, idx)
            for var, (narrow, mask, _) in comp.narrow.items():
                care = cs.model.care[var]
                full = comp.vars[var]  # the full-width stand-in: concat of the narrow bits
                prove = z3.Solver(ctx=comp.ctx)
                prove.add((full & care == 0) != (narrow & mask == 0))
                assert prove.check() == z3.unsat, (name, idx, var)
                compared += 1
    assert compared >= 20, compared


def test_bit_flags_on_narrow_variables_count_what_the_full_width_ones_count() -> None:
    """_Flags.bit_flags reads a tied register on its narrow variables, each narrow bit
    weighing the positions it stands for: z3 proves the weighted count equal to the count
    of counted bits of the full-width stand-ins."""
    compared = 0
    for name, cs in _solvers():
        if name not in ("upstream_6_16__any_release", "option2_proposed__tdx_1_5_01"):
            continue
        for idx in cs.representatives:
            comp = cs.components[idx]
            if not comp.narrow or comp.solver is None:
                continue
            flags = cs._flags(comp)
            new = z3.Sum([z3.If(z3.BoolRef(f, comp.ctx), w, 0) for f, w in zip(flags.bit_flags, flags.bit_weights)])
            old = []
            for g, weight in zip(flags.reg_groups, flags.reg_weights):
                acc = None
                care = 0
                for n, c in g:
                    x = comp.vars[n] & c
                    acc = x if acc is None else acc | x
                    care |= c
                old += [z3.If(z3.Extract(i, i, acc) == 1, weight, 0) for i in range(cs.space.width) if care >> i & 1]
            for n in flags.wide:
                old += [z3.If(z3.Extract(i, i, comp.vars[n]) == 1, 1, 0) for i in range(cs.space.wide_width)]
            prove = z3.Solver(ctx=comp.ctx)
            prove.add(new != z3.Sum(old))
            assert prove.check() == z3.unsat, (name, idx)
            compared += 1
    assert compared >= 10, compared
