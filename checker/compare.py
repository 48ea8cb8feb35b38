"""Comparing designs under one check setup (DESIGN section 3, "Comparison").

Beside checker.solve (model -> encode -> solve -> compare; checker.cli wires it,
checker.report renders the result). Every design is put in the same setup: the
module, KVM, host, future leaf, assumed guarantees and invariants of one check of
the spec (the *template*). A *situation* is one value of every variable the
models share: module classes, host values, KVM's knowledge, userspace's
requests and words, the future leaf's number. No variable belongs to a design,
so two models built on one Z3Algebra share the situation by construction.

* The verdict table comes from CheckSolver, exactly as `check` decides verdicts.
* For an invariant on which two designs' verdicts differ, the situation is the
  failing design's minimal counterexample when the other design's assumptions
  and invariant hold in it too, else one z3 finds for "both designs' assumptions
  hold, the invariant holds with one and fails with the other".
* Whether two designs give the TD the same CPUID is one z3 question: can both
  designs' assumptions hold while some bit of td.cpuid differs?
Every situation is replayed through the concrete evaluator before it is reported.
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

import z3

from checker import ast
from checker.diagnostics import Diagnostic, Span, did_you_mean
from checker.encode import Cond, Z3Algebra
from checker.model import CheckSetup, ConcreteAlgebra, Model, ModelError, Space, build_model, build_space, resolve_check
from checker.results import CheckResult, Comparison, DesignDifference, TdDifference, Verdict
from checker.semantics import Program, cyclic_gc_paused
from checker.solve import (RLIMIT, WALL_TIMEOUT_MS, CheckSolver, Unknown, ask_with_net, describe, make_solver, story_of,
                           witness_bits)


class CompareError(Exception):
    """Bad input to compare, as diagnostics (exit code 2)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


def _bad(code: str, message: str, where: str, name: str | None = None,
         candidates: list[str] | None = None) -> CompareError:
    hint = did_you_mean(name, candidates) if name and candidates else None
    return CompareError([Diagnostic(code, message, Span(where, 0, 0), (hint,) if hint else ())])


def choose_template(program: Program, designs: list[str], module: str | None, like: str | None,
                    where: str) -> tuple[str, ast.CheckDecl]:
    """The check whose setup every design is put in: --like CHECK, else the first check
    of the first design (with --module, the first of that module) that names a design compared."""
    known = {d.name.name for _, d in program.declarations(ast.DesignDecl)}  # type: ignore[attr-defined]
    if len(designs) < 2:
        raise _bad("E610", "compare needs two or more designs", where)
    for d in designs:
        if d not in known:
            raise _bad("E611", f"no design named '{d}' in {where}", where, d, sorted(known))
    checks = program.checks()
    if like is not None:
        found = [(f, c) for f, c in checks if c.name.name == like]
        if not found:
            raise _bad("E612", f"no check named '{like}' in {where}", where, like, [c.name.name for _, c in checks])
        return found[0]

    def part(c: ast.CheckDecl, kind: str) -> str | None:
        return next((s.name.name for s in c.statements if isinstance(s, ast.CheckPart) and s.kind == kind), None)

    for d in designs:
        for f, c in checks:
            if part(c, "design") == d and module in (None, part(c, "module")):
                return f, c
    modules = sorted({m for _, c in checks if (m := part(c, "module"))})
    what = f"with module '{module}' " if module else ""
    raise _bad("E612", f"no check {what}names any of the designs {', '.join(designs)}; give --like CHECK",
               where, module, modules)


@cyclic_gc_paused()  # as check_one: the model's objects form no cycles worth collecting
def compare(program: Program, file: str, template: ast.CheckDecl, designs: list[str],
            invariants: list[str] | None = None, rlimit: int = RLIMIT) -> Comparison:
    base = resolve_check(program, file, template)
    if invariants:
        verified = [i.name for i in base.invariants]
        for name in invariants:
            if name not in verified:
                raise _bad("E613", f"check '{base.name}' does not verify '{name}'; it verifies: "
                           f"{', '.join(verified)}", file)
        base = dataclasses.replace(base, invariants=[i for i in base.invariants if i.name in invariants])
    decls = {d.name.name: d for _, d in program.declarations(ast.DesignDecl)}  # type: ignore[attr-defined]
    setups = {d: dataclasses.replace(base, design=decls[d]) for d in designs}
    space = build_space(program, base)
    out = Comparison(template=base.name, module=base.module.name, designs=list(designs),
                     file=file, line=template.span.line)
    verdicts: dict[str, dict[str, Verdict]] = {}
    solvers: dict[str, CheckSolver | None] = {}
    for d, setup in setups.items():
        verdicts[d], solvers[d] = _verdicts(program, setup, space, rlimit)
        for inv in base.invariants:
            out.results.append(CheckResult(check=base.name, design=d, module=base.module.name, invariant=inv.name,
                                           verdict=verdicts[d][inv.name], expected=None, file=file,
                                           line=inv.span.line, column=inv.span.column))
    try:
        joint = _Joint(program, setups, space, rlimit)
    except ModelError as e:  # the verdicts say UNKNOWN ("cannot model") already
        out.td = [TdDifference(a, b, note=f"cannot model the designs: {e}")
                  for a, b in itertools.combinations(designs, 2)]
        return out
    for a, b in itertools.combinations(designs, 2):
        for inv in base.invariants:
            va, vb = verdicts[a][inv.name], verdicts[b][inv.name]
            if va == vb:
                continue
            if {va, vb} == {Verdict.PROVED, Verdict.VIOLATED}:
                holds, fails = (a, b) if va is Verdict.PROVED else (b, a)
                out.differences.append(joint.difference(inv, holds, fails, solvers[fails]))
            else:
                out.differences.append(DesignDifference(inv.name, a, b, va.value, vb.value,
                                                        note="no situation is sought: a verdict is neither "
                                                             "PROVED nor VIOLATED"))
        out.td.append(joint.same_td_cpuid(a, b))
    return out


def _verdicts(program: Program, setup: CheckSetup, space: Space, rlimit: int
              ) -> tuple[dict[str, Verdict], CheckSolver | None]:
    names = [i.name for i in setup.invariants]
    try:
        cs = CheckSolver(program, setup, rlimit=rlimit, space=space)
    except ModelError:
        return {n: Verdict.UNKNOWN for n in names}, None
    try:
        if cs.vacuity() is not None:
            return {n: Verdict.VACUOUS for n in names}, cs
    except Unknown:
        return {n: Verdict.UNKNOWN for n in names}, cs
    out: dict[str, Verdict] = {}
    for n in names:
        try:
            out[n] = cs.decide(n)[0]
        except Unknown:
            out[n] = Verdict.UNKNOWN
    return out, cs


class _Joint:
    """Every design's model on one Z3Algebra: the situation variables are shared."""

    def __init__(self, program: Program, setups: dict[str, CheckSetup], space: Space, rlimit: int):
        self.program = program
        self.setups = setups
        self.space = space
        self.rlimit = rlimit
        self.alg = Z3Algebra()
        self.models: dict[str, Model[Any, Any]] = {d: build_model(program, s, self.alg, space=space)
                                                   for d, s in setups.items()}
        self.variables: dict[str, int] = {}
        for m in self.models.values():
            self.variables.update(m.variables)

    def assumptions(self, model: Model[Any, Any]) -> list[Cond]:
        """What a situation must satisfy for this design: the check's assumptions."""
        conds = [c for _, c in model.structural_constraints()] + [c for _, _, c in model.run.ok]
        conds += [model.property_value(g.expr, self.program.file_of(g.decl)) for g in model.setup.assumed]
        return conds

    def invariant(self, model: Model[Any, Any], inv: Any) -> Cond:
        return model.property_value(inv.expr, self.program.file_of(inv.decl))

    def _solve(self, conds: list[Cond]) -> dict[str, int] | None | str:
        """A situation satisfying every condition, None if there is none, or why z3 gave up."""
        solver = make_solver(self.alg.ctx, self.rlimit)
        solver.add(self.alg.and_(conds).term(self.alg.ctx))
        answer, net_hit = ask_with_net(self.alg.ctx, solver, [])
        if answer == z3.unknown:
            stopped = f"wall-clock net of {WALL_TIMEOUT_MS // 1000} s hit" if net_hit else f"rlimit {self.rlimit}"
            return f"the solver gave up ({solver.reason_unknown()}; {stopped})"
        if answer == z3.unsat:
            return None
        zm = solver.model()
        out = {}
        for name in self.variables:
            value = zm.eval(self.alg.vars[name], model_completion=True)
            out[name] = value.as_long() if z3.is_bv_value(value) else 0
        return out

    def concrete(self, design: str, assignment: dict[str, int]) -> Model[Any, Any]:
        return build_model(self.program, self.setups[design], ConcreteAlgebra(assignment), space=self.space)

    def _allowed(self, model: Model[Any, Any]) -> bool:
        return not self._broken(model)

    def _broken(self, model: Model[Any, Any]) -> list[str]:
        """The assumptions a concrete situation breaks for this design, by name."""
        named = list(model.structural_constraints()) + [(w, c) for w, _, c in model.run.ok]
        named += [(f"guarantee {g.name}", model.property_value(g.expr, self.program.file_of(g.decl)))
                  for g in model.setup.assumed]
        return [what for what, c in named if not c]

    def difference(self, inv: Any, holds: str, fails: str, failing_solver: CheckSolver | None) -> DesignDifference:
        out = DesignDifference(inv.name, holds, fails, "proved", "violated")
        inv_file = self.program.file_of(inv.decl)
        excluded_by: list[str] = []
        if failing_solver is not None:
            # the failing design's minimal counterexample, if the other design may run in it too
            try:
                cex = failing_solver.counterexample(inv, failing_solver.last_violating[inv.name])
            except Unknown:
                cex = None
            good = self.concrete(holds, cex.assignment) if cex is not None else None
            if good is not None:
                excluded_by = self._broken(good)
            if cex is not None and good is not None and not excluded_by:
                if not good.property_value(inv.expr, inv_file):
                    raise AssertionError("compare: a PROVED design fails in a situation it allows: this is a bug")
                out.counterexample = cex
                out.holding_steps = describe(good, self.program, [], cex.assignment, False, 0, 0).steps
                return out
        a, b = self.models[holds], self.models[fails]
        found = self._solve(self.assumptions(a) + self.assumptions(b)
                            + [self.invariant(a, inv), self.alg.not_(self.invariant(b, inv))])
        if isinstance(found, str) or found is None:
            why = f" (in {fails}'s smallest counterexample, {holds} breaks: {'; '.join(excluded_by)})" \
                if excluded_by else ""
            out.note = found or (f"no situation that both designs' assumptions allow breaks it with {fails}: "
                                 f"it fails only in situations {holds}'s assumptions exclude{why}")
            return out
        good, bad = self.concrete(holds, found), self.concrete(fails, found)
        if not (self._allowed(good) and self._allowed(bad) and good.property_value(inv.expr, inv_file)
                and not bad.property_value(inv.expr, inv_file)):
            raise AssertionError("compare: a situation's replay disagrees with the solver: this is a bug")
        stories = witness_bits(bad, inv.expr, inv_file, self.program.feature_names(), self.program)
        # z3's situation, not minimised: its size is not measured (-1)
        out.counterexample = describe(bad, self.program, stories, found, False, -1, -1)
        out.holding_steps = describe(good, self.program, [], found, False, 0, 0).steps
        return out

    def same_td_cpuid(self, a: str, b: str) -> TdDifference:
        out = TdDifference(a, b)
        ma, mb = self.models[a], self.models[b]
        differs = self.alg.or_([self.alg.not_(self.alg.eq(ma.run.td_guest[r], mb.run.td_guest[r]))
                                for r in self.space.registers])
        found = self._solve(self.assumptions(ma) + self.assumptions(mb) + [differs])
        if isinstance(found, str):
            out.note = found
            return out
        if found is None:
            out.same = True
            return out
        ca, cb = self.concrete(a, found), self.concrete(b, found)
        names = self.program.feature_names()
        for r in self.space.registers:
            x, y = ca.run.td_guest[r], cb.run.td_guest[r]
            for bit in range(self.space.width):
                if (x ^ y) >> bit & 1:
                    out.bits.append((story_of(ca, self.program, r, bit, names, "td.cpuid", bool(x >> bit & 1), False),
                                     story_of(cb, self.program, r, bit, names, "td.cpuid", bool(y >> bit & 1), False)))
        if not out.bits or not (self._allowed(ca) and self._allowed(cb)):
            raise AssertionError("compare: a situation's replay disagrees with the solver: this is a bug")
        out.same = False
        out.assignment = found
        out.steps = {a: describe(ca, self.program, [], found, False, 0, 0).steps,
                     b: describe(cb, self.program, [], found, False, 0, 0).steps}
        out.situation = describe(cb, self.program, [s for _, s in out.bits], found, False, 0, 0).situation
        return out

