"""Deciding checks: verdicts, minimal counterexamples, guarantee sets.

Stage 6 of the pipeline (encode -> solve -> report). Results are plain data
(checker.results); reporters only serialise them. Every verdict comes from
the solver on the encoded check: PROVED means "no situation the assumptions
allow breaks the invariant", and is only ever given after the assumptions were
shown satisfiable (otherwise the verdict is VACUOUS); a solver ``unknown``
becomes UNKNOWN with its reason. Every counterexample is replayed through the
concrete evaluator (checker.model.ConcreteAlgebra) before it is reported.
"""

from __future__ import annotations

import copy
import ctypes
import itertools
import os
import threading
import time
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Callable, Iterable

import z3

from checker import ast, forked
from checker.bits import Reg, bit_numbers
from checker.encode import (Cond, Context, HeldBitVec, HeldBool, Z3Algebra, all_zero, any_nonzero, as_bool, bit_set_raw,
                            bool_const, lib, nary)
from checker.model import (AlikeLeaves, CheckSetup, ConcreteAlgebra, Model, ModelError, Space, alike_leaves,
                           build_model, build_space, resolve_check, var_name)
from checker.positions import MIN_BITS as MIN_TIED_BITS
from checker.positions import Tying, spreads
from checker.results import (BitStory, CheckResult, Counterexample, Explanation, Verdict)
from checker.semantics import Program, cyclic_gc_paused

# Resource budget per solver call, in Z3's deterministic "rlimit" units: the same
# spec stops at the same point on every machine, so UNKNOWN is reproducible.
# The shipped checks need far less (see bench/); a check that exhausts it is
# reported UNKNOWN, never PROVED.
RLIMIT = 200_000_000
# Wall-clock safety net only (milliseconds, per question; see _WallNet); reported
# separately if ever hit.
WALL_TIMEOUT_MS = 120_000
RANDOM_SEED = 0
SAT_SIMPLIFY_DELAY = 1_000_000  # see make_solver
CONTEXT_VARIABLES = 256  # see CheckSolver._context_for
MAX_WOULD_HOLD_SIZE = 3
PROGRESS_TICK = 0.5  # seconds between progress calls while worker processes run
_EVERYTHING = "all"  # the one node every atom joins in the naive encoding (decompose=False)


def _solver_defaults() -> None:
    """Fixed seeds, and the SAT solver's in-processing (subsumption, variable elimination,
    probing) held back: it ran at the start of every question, and on these many small
    questions it was a quarter of z3's time and never paid back; it now starts only after
    SAT_SIMPLIFY_DELAY conflicts. Set as z3's process-wide defaults, read by every solver
    made after: parameters set on a solver are checked and applied through its whole tactic
    tree when it is made, and its questions took about twice as long on small formulas."""
    global _defaults_set
    if not _defaults_set:
        for name, value in (("sat.simplify.delay", SAT_SIMPLIFY_DELAY), ("sat.random_seed", RANDOM_SEED),
                            ("smt.random_seed", RANDOM_SEED)):
            z3.set_param(name, value)
        _defaults_set = True


_defaults_set = False


def solving_context(rlimit: int = RLIMIT) -> Context:
    """A context whose solvers have the resource limit as their default (z3 reads it per
    question, as if set on the solver; see make_solver)."""
    return Context(rlimit=rlimit)


def make_solver(ctx: z3.Context, rlimit: int = RLIMIT) -> z3.Solver:
    """The one place a solver is made: fixed seeds and a resource limit (from a
    solving_context made with this rlimit, else set on the solver). Its questions are
    asked through ask_with_net, the wall-clock net."""
    _solver_defaults()
    s = z3.SolverFor("QF_BV", ctx=ctx)
    if getattr(ctx, "rlimit", None) != rlimit:
        s.set("rlimit", rlimit)
    return s


class _WallNet:
    """The wall-clock safety net of every question (ask_with_net): one thread per
    process looks, a few times a second, whether the question being asked has run
    WALL_TIMEOUT_MS, and if so interrupts its context (z3 then answers unknown).
    z3's own "timeout" parameter does the same with a timer thread that it wakes at the
    start and at the end of every question: on the thousands of small questions of a check
    that was two thread switches each, about 25,000 for the shipped suite and a tenth of
    its CPU time. Here a question only sets and clears what is being asked, under a lock
    that the thread also takes before it interrupts, so that it never touches a context
    after its question has returned."""

    def __init__(self) -> None:
        self._reset()
        if hasattr(os, "register_at_fork"):  # a forked child has no thread and maybe a held lock
            os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        self.lock = threading.Lock()
        self.asking: tuple[Any, float] | None = None  # (context, deadline) of the question being asked
        self.fired = False
        self.thread: threading.Thread | None = None

    def arm(self, ctx: Any) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._watch, name="wall-clock net", daemon=True)
            self.thread.start()
        with self.lock:
            self.asking = (ctx, time.monotonic() + WALL_TIMEOUT_MS / 1000)
            self.fired = False

    def disarm(self) -> bool:
        """Done asking; did the net interrupt the question?"""
        with self.lock:
            self.asking = None
            return self.fired

    def _watch(self) -> None:
        lock = self.lock  # the lock of the process this thread runs in
        while True:
            time.sleep(min(0.5, WALL_TIMEOUT_MS / 4000))
            with lock:
                if self.asking is not None and time.monotonic() >= self.asking[1]:
                    lib.Z3_interrupt(self.asking[0])
                    self.asking = None
                    self.fired = True


_wall_net = _WallNet()


def ask_with_net(ctx: z3.Context, solver: z3.Solver, assumptions: list[z3.BoolRef]) -> tuple[z3.CheckSatResult, bool]:
    """solver.check(*assumptions) under the wall-clock net, and whether the net stopped it.
    The assumptions are not re-checked in Python (they are the caller's own literals): on
    the many small questions that was half of a question's time outside z3."""
    n = len(assumptions)
    ref = ctx.ref()
    _wall_net.arm(ref)
    try:
        result = z3.Z3_solver_check_assumptions(ref, solver.solver, n, (z3.Ast * n)(*[x.as_ast() for x in assumptions]))
    finally:
        fired = _wall_net.disarm()
    return z3.CheckSatResult(result), fired


class Unknown(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _at_most(flags: list[Any], k: int, ctx: z3.Context, arrays: dict[int, tuple[Any, Any, Any]],
             weights: list[int] | None = None) -> z3.BoolRef:
    """The flags that hold weigh at most k (each weighs 1 unless `weights` says otherwise):
    a pseudo-Boolean constraint. Flags are z3 Booleans or raw Z3_asts (bit flags).

    `arrays` keeps each flag list's C arrays between calls: minimisation asks for
    many bounds over the same long lists, and z3.PbLe would convert the whole list
    again every time (a sixth of a concrete check's time)."""
    if k < 0:
        return z3.BoolVal(False, ctx)
    if k >= (len(flags) if weights is None else sum(weights)):
        return z3.BoolVal(True, ctx)
    made = arrays.get(id(flags))
    if made is None or made[0] is not flags:
        n = len(flags)
        raw = [f.as_ast() if isinstance(f, z3.AstRef) else f for f in flags]
        made = arrays[id(flags)] = (flags, (z3.Ast * n)(*raw), (ctypes.c_int * n)(*(weights or [1] * n)))
    return as_bool(z3.Z3_mk_pble(ctx.ref(), len(flags), made[1], made[2], k), ctx)


@dataclass
class _Flags:
    """A component's deviation: per leaf and per register, (variable, bits that count).

    A weight above 1 marks a register (or leaf) that also stands for copies left out of the
    solver (CheckSolver._reduce): each of its flags counts once per copy."""

    leaf_groups: list[list[tuple[str, int]]]
    reg_groups: list[list[tuple[str, int]]]
    wide: list[str]
    vars: dict[str, z3.BitVecRef]
    ctx: z3.Context
    width: int
    wide_width: int
    leaf_weights: list[int]
    reg_weights: list[int]
    # tied variables: name -> narrow variable, care mask on it (the groups' masks are care
    # masks), positions each narrow bit stands for (Component.narrow)
    narrow: dict[str, tuple[z3.BitVecRef, int, list[int]]] = field(default_factory=dict)
    _leaf_flags: list[z3.BoolRef] | None = None
    _bit_flags: list[Any] | None = None  # raw Z3_asts (encode.bit_set_raw)
    _bit_weights: list[int] = field(default_factory=list)
    _one: z3.BitVecRef | None = None

    @property
    def leaf_flags(self) -> list[z3.BoolRef]:
        """One Boolean per leaf: some variable of it is off its quiet value (built on first use)."""
        if self._leaf_flags is None:
            self._leaf_flags = [self._touched(g) for g in self.leaf_groups]
        return self._leaf_flags

    def _touched(self, group: list[tuple[str, int]]) -> z3.BoolRef:
        """Some variable of the group has a counted bit set. A tied variable is read on its
        narrow variable (see CheckSolver._silent)."""
        parts: list[tuple[z3.BitVecRef, int | None]] = []
        for n, c in group:
            x, width = self.vars[n], self.width
            if n in self.narrow:
                x, c, _ = self.narrow[n]
                width = x.size()
            parts.append((x, c if c != (1 << width) - 1 else None))
        return any_nonzero(parts, self.ctx)

    @property
    def bit_flags(self) -> list[Any]:
        """One Boolean per bit position off its quiet value (built on first use). Z3's
        pseudo-Boolean constraints over these count far faster than popcount adders."""
        if self._bit_flags is None:
            v = self.vars
            flags: list[Any] = []
            weights: list[int] = []
            for g, weight in zip(self.reg_groups, self.reg_weights):
                acc = None
                care = 0
                # a tied register's variables on their narrow variables, if all of them are
                # (a variable no constraint mentions is not), with the positions per narrow bit
                narrow = [self.narrow.get(n) for n, _ in g]
                counts = narrow[0][2] if all(narrow) else None
                for (n, c), tied in zip(g, narrow):
                    x = v[n]
                    if counts is not None:
                        x, c, _ = tied
                    x = x & c if c != (1 << x.size()) - 1 else x
                    acc = x if acc is None else acc | x
                    care |= c
                assert acc is not None
                counted = [i for i in range(acc.size()) if care >> i & 1]
                flags.extend(bit_set_raw(acc, counted, self.one))
                # a narrow bit stands for the tied positions that repeat it: it weighs as many
                weights.extend([weight * counts[i] for i in counted] if counts else [weight] * len(counted))
            for n in self.wide:
                flags.extend(bit_set_raw(v[n], range(self.wide_width), self.one))
                weights.extend([1] * self.wide_width)
            self._bit_flags, self._bit_weights = flags, weights
        return self._bit_flags

    @property
    def one(self) -> z3.BitVecRef:
        """The 1-bit value 1 in the component's context (made once)."""
        if self._one is None:
            self._one = z3.BitVecVal(1, 1, self.ctx)
        return self._one

    @property
    def bit_weights(self) -> list[int]:
        """The weight of each of bit_flags."""
        self.bit_flags  # noqa: B018  (built together)
        return self._bit_weights

    def count(self, a: dict[str, int]) -> tuple[int, int]:
        leaves = sum(w for g, w in zip(self.leaf_groups, self.leaf_weights) if any(a.get(n, 0) & c for n, c in g))
        bits = 0
        for g, w in zip(self.reg_groups, self.reg_weights):
            acc = 0
            for n, c in g:
                acc |= a.get(n, 0) & c
            bits += w * acc.bit_count()
        bits += sum(a.get(n, 0).bit_count() for n in self.wide)
        return leaves, bits


@dataclass
class Component:
    """Registers (and shared variables) whose constraints touch each other: solved on their
    own. Only a representative has a solver; the others are answered by renaming."""

    key: str
    leaves: set[tuple[int, int]]
    regs: set[Reg]
    solver: z3.Solver | None = None
    # the z3 context of a representative's solver and terms (CheckSolver._context_for)
    ctx: z3.Context | None = None
    # the check's literal (by Python's id of the object: the CheckSolver holds them all) -> ours
    lits: dict[int, z3.BoolRef] = field(default_factory=dict)
    lit_ids: dict[int, int] | None = None  # z3's id of each of lits -> its key (made by _core)
    vars: dict[str, z3.BitVecRef] = field(default_factory=dict)  # variable name -> ours
    variables: set[str] = field(default_factory=set)
    flags: "_Flags | None" = None
    # copies of alike leaves left out of the solver (CheckSolver._reduce): a left-out register
    # -> the kept register that stands for it, and how many registers a kept one counts for
    dropped: dict[Reg, Reg] = field(default_factory=dict)
    weight: dict[Reg, int] = field(default_factory=dict)
    # how many alike components this one counts for (its leaf's copies the space left out,
    # model.alike_leaves; inside a component of several leaves `weight` does the counting)
    copies: int = 1
    quiet: dict[str, int] | None = None
    quiet_counts: tuple[int, int] = (0, 0)
    # assumed, every variable is at its quiet value (made by CheckSolver._silent)
    silent: z3.BoolRef | None = None
    # the literals (Python ids) under which not every variable can be quiet (_quiet_at_once)
    not_silent_under: frozenset[int] | None = None
    guarantees: frozenset[str] | None = None  # the guarantees its assertions mention
    tied: int = 0  # variables whose alike bit positions are tied (checker.positions)
    # tied variables (checker.positions): name -> its narrow variable, its care mask on it,
    # how many positions each of its bits stands for
    narrow: dict[str, tuple[z3.BitVecRef, int, list[int]]] = field(default_factory=dict)
    # the vector lits, vars and narrow were read from (in ctx): it keeps their terms
    read: z3.AstVector | None = None


class CheckSolver:
    """All invariants of one check. The constraints are split into independent
    components (by register, joined where a constraint spans registers, such as
    leaves(), or shared variables such as XFAM); each representative component
    has its own incremental solver. With decompose=False everything is one
    component: the naive encoding."""

    def __init__(self, program: Program, setup: CheckSetup, width: int = 32, wide_width: int = 64,
                 rlimit: int = RLIMIT, minimise: bool = True, decompose: bool = True,
                 space: Space | None = None):
        self.program = program
        self.whole_leaves: frozenset[tuple[int, int]] = frozenset()  # leaves no component splits (counterexample)
        self._leaf_solver: "CheckSolver | None" = None
        # representatives' solvers by what they hold, shared with the twin split of counterexample()
        # (component, its invariant literals, its shapes: see _shape)
        self._built: dict[Any, tuple[Component, dict[str, z3.BoolRef], list[Any]]] = {}
        # components found to have a representative's constraints (_shape), by _build_key ->
        # that shape: the twin split does not make their constraints again to find it
        self._shape_hits: dict[Any, Any] = {}
        self.setup = setup
        # the whole space (counterexamples are written out and replayed on it) and the one
        # encoded: without the copies of alike leaves that add nothing (model.alike_leaves)
        self.full_space = space or build_space(program, setup, width, wide_width)
        alike = alike_leaves(program, setup, self.full_space) if decompose else None
        self.rlimit = rlimit
        self._bounds = [0]  # literals made for bounds so far; a list, so the twin split shares it
        # (component, invariant or None) -> (unsat cores, satisfiable sets) of guarantees: see _unsat_with
        self._answers: dict[tuple[int, str | None], tuple[list[frozenset[str]], list[frozenset[str]]]] = {}
        self._pb_arrays: dict[int, tuple[Any, Any, Any]] = {}  # see _at_most
        self.last_violating: dict[str, list[int]] = {}
        self.minimise = minimise
        self.decompose = decompose
        self._contexts: list[list[Any]] = []  # [context, variables placed in it]
        # called as recorder(self, comp, literals, answer, kind, invariant) after every
        # query that decides a verdict (checker.proofs exports them); None: no cost
        self.recorder: Callable[..., None] | None = None
        self._encode(alike)
        if alike is not None and self._spans_leaves():
            self._encode(None)  # a constraint joins two leaves: their copies are not independent
        self._split()

    def _encode(self, alike: AlikeLeaves | None) -> None:
        """The model on Z3 terms, on the space alike leaves leave (or the whole space)."""
        program, setup = self.program, self.setup
        self.alg = Z3Algebra()
        self.ctx = self.alg.ctx
        self.space = alike.space if alike is not None else self.full_space
        self.left_out = alike.left_out if alike is not None else {}
        self._atom_list: list[tuple[str, Any, z3.BoolRef, list[str], frozenset[str]]] | None = None  # _atoms
        self.model: Model[Any, Any] = build_model(program, setup, self.alg, space=self.space)
        m = self.model
        self.base: list[tuple[str, Any, z3.BoolRef]] = []
        items: list[tuple[str, Any, Any]] = [(w, None, c) for w, c in m.structural_constraints()]
        items += list(m.run.ok)
        self.base_terms: list[Cond] = []
        for i, (what, span, cond) in enumerate(items):
            self.base.append((what, span, bool_const(f"assume:{i}", self.ctx)))
            self.base_terms.append(cond)
        self.assumed = [g.name for g in setup.assumed]
        self.others = [g.name for g in setup.others]
        self.guarantee_terms: dict[str, Cond] = {}
        for g in setup.guarantees():
            self.guarantee_terms[g.name] = m.property_value(g.expr, program.file_of(g.decl))
        self.guarantee_lits = {g: bool_const(f"guarantee:{g}", self.ctx) for g in self.guarantee_terms}
        self.invariant_terms: dict[str, Cond] = {}
        for inv in setup.invariants:
            self.invariant_terms[inv.name] = m.property_value(inv.expr, program.file_of(inv.decl))

    def _spans_leaves(self) -> bool:
        """Does some constraint read registers of two leaves?"""
        var_leaf = self.model.var_leaf
        for cond in self.base_terms + list(self.guarantee_terms.values()) + list(self.invariant_terms.values()):
            for _, support in cond.atoms:
                if len({var_leaf[v] for v in support if v in var_leaf}) > 1:
                    return True
        return False

    # -- components
    def _node(self, var: str) -> str:
        reg = self.model.var_reg.get(var)
        return f"reg:{reg.leaf}:{reg.subleaf}:{reg.register}" if reg is not None else f"var:{var}"

    def _atoms(self) -> list[tuple[str, Any, z3.BoolRef, list[str], frozenset[str]]]:
        """Every conjunct of the base, the guarantees and the invariants, with what it is
        (tag and ident), the nodes it joins (_node) and its support; made once (the twin
        split splits the same atoms again)."""
        if self._atom_list is not None:
            return self._atom_list
        atoms: list[tuple[str, Any, z3.BoolRef, list[str], frozenset[str]]] = []
        nodes_of: dict[frozenset[str], list[str]] = {}  # most atoms share their support with others

        def add(tag: str, ident: Any, cond: Cond) -> None:
            parts = list(cond.atoms) if not cond.false else [(z3.BoolVal(False, self.ctx), frozenset())]
            if not self.decompose and len(parts) > 1:
                parts = [(cond.term(self.ctx), cond.support)]
            for a, support in parts:
                nodes = nodes_of.get(support)
                if nodes is None:
                    nodes = nodes_of[support] = sorted({self._node(v) for v in support}) or ["const"]
                if not self.decompose:
                    nodes = [_EVERYTHING]
                atoms.append((tag, ident, a, nodes, support))

        for i, t in enumerate(self.base_terms):
            add("base", i, t)
        for g, t in self.guarantee_terms.items():
            add("guarantee", g, t)
        for name, t in self.invariant_terms.items():
            add("invariant", name, t)
        self._atom_list = atoms
        return atoms

    def _split(self) -> None:
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(nodes: Iterable[str]) -> str | None:
            roots = [find(n) for n in nodes]
            if not roots:
                return None
            r0 = roots[0]
            for r in roots[1:]:
                if r != r0:
                    parent[r] = r0
            return r0

        for key, regs in self.space.by_leaf.items():
            for r in regs:
                find(f"reg:{key[0]}:{key[1]}:{r.register}")
            if key in self.whole_leaves:
                union([f"reg:{key[0]}:{key[1]}:{r.register}" for r in regs])
        atoms = self._atoms()
        for _, _, _, nodes, _ in atoms:
            union(nodes)
        if not self.decompose:
            for key, regs in self.space.by_leaf.items():
                for r in regs:
                    union([f"reg:{key[0]}:{key[1]}:{r.register}", _EVERYTHING])
        groups: dict[str, list[tuple[str, Any, z3.BoolRef, frozenset[str]]]] = {}
        leaves_of: dict[str, set[tuple[int, int]]] = {}
        regs_of: dict[str, set[Reg]] = {}
        for key, regs in self.space.by_leaf.items():
            for r in regs:
                root = find(f"reg:{key[0]}:{key[1]}:{r.register}")
                leaves_of.setdefault(root, set()).add(key)
                regs_of.setdefault(root, set()).add(r)
                groups.setdefault(root, [])
        for tag, ident, a, nodes, support in atoms:
            groups.setdefault(find(nodes[0]), []).append((tag, ident, a, support))
        self.components: list[Component] = []
        self.inv_atoms: dict[str, dict[int, list[z3.BoolRef]]] = {n: {} for n in self.invariant_terms}
        self.inv_lits: dict[str, dict[int, z3.BoolRef]] = {}
        roots = sorted(groups, key=lambda r: (min(leaves_of.get(r, {(1 << 40, 0)})), r))
        holders: dict[tuple[int, int], int] = {}  # leaf -> how many components hold registers of it
        for r in roots:
            for key in leaves_of.get(r, ()):
                holders[key] = holders.get(key, 0) + 1
        self.split_leaves = {key for key, n in holders.items() if n > 1}
        for root in roots:
            comp = Component(root, leaves_of.get(root, set()), regs_of.get(root, set()))
            if self.decompose:
                groups[root] = self._reduce(comp, groups[root])
                self._stand_in_for_left_out(comp)
            for _, _, _, support in groups[root]:
                comp.variables |= support
            self.components.append(comp)

        # Registers with equal signatures have the same constraints up to renaming:
        # only one representative of each gets a solver, and is asked.
        self.rep: list[int] = list(range(len(self.components)))
        seen: dict[Any, int] = {}
        for idx, comp in enumerate(self.components):
            if not self._renamable(comp):
                continue
            if len(comp.regs) == 1:  # any register of any leaf may stand for it
                key: Any = ("register", self.model.register_signature(next(iter(comp.regs))))
            else:  # registers of one leaf, coupled (e.g. by leaves()): the same registers of another leaf
                key = ("leaf", self._slice_signature(comp.regs))
            if key in seen:
                self.rep[idx] = seen[key]
            else:
                seen[key] = idx
        # Tying alike bit positions (checker.positions) often leaves registers of different
        # signatures with the same constraints up to renaming: those share a solver too.
        shapes: dict[Any, int] = {}  # a representative's constraints, variables renamed by role -> its index
        self._stand_ins: dict[str, Any] = {}  # _shape's renamed variables, by name
        for idx, root in enumerate(roots):
            if self.rep[idx] != idx:
                continue
            comp = self.components[idx]
            key = self._build_key(comp)
            built = self._built.get(key)
            if built is not None:  # the same constraints were given a solver before: reuse it
                self.components[idx], lits, shapes_of = built
                seen_as = [shapes[shape] for shape in shapes_of if shape is not None and shape in shapes]
                if seen_as:
                    self.rep[idx] = seen_as[0]
                    continue
                shapes.update((shape, idx) for shape in shapes_of if shape is not None)
                for inv, lit in lits.items():
                    self.inv_lits.setdefault(inv, {})[idx] = lit
                continue
            known = self._shape_hits.get(key)
            if known in shapes:  # it had the constraints of another before (the twin split splits again)
                self.rep[idx] = shapes[known]
                continue
            kept: list[tuple[z3.BoolRef, z3.BoolRef]] = []  # (literal, what it switches on)
            for tag, ident, a, support in groups[root]:
                if tag == "base":
                    kept.append((self.base[ident][2], a))
                elif tag == "guarantee":
                    kept.append((self.guarantee_lits[ident], a))
                else:
                    self.inv_atoms[ident].setdefault(idx, []).append(a)
            # "the invariant fails here", switched on by an assumption literal: no push/pop,
            # which would drop the solver out of its fast assumption-based mode
            violations: list[tuple[z3.BoolRef, z3.BoolRef]] = []
            for inv, per_comp in self.inv_atoms.items():
                if idx in per_comp:
                    lit = bool_const(f"violate:{inv}:{idx}", self.ctx)
                    holds = nary(z3.Z3_mk_and, per_comp[idx], self.ctx)
                    violations.append((lit, as_bool(lib.Z3_mk_not(self.ctx.ref(), holds.as_ast()), self.ctx)))
                    self.inv_lits.setdefault(inv, {})[idx] = lit
            # equal constraints before tying are equal after it: a match skips tying
            mine = {inv: lits[idx] for inv, lits in self.inv_lits.items() if idx in lits}
            plain = self._implications(kept + violations, None)
            shapes_of = [self._shape(comp, plain, mine)]
            if shapes_of[0] is not None and shapes_of[0] in shapes:
                self.rep[idx] = shapes[shapes_of[0]]
                self._shape_hits[key] = shapes_of[0]
                continue
            tying = self._tied_positions(comp, [b for _, b in kept], [b for _, b in violations])
            assertions = plain
            spread: dict[str, z3.BitVecRef] = {}
            # tied variable -> narrow one, care mask on it, positions each narrow bit stands for
            narrow: dict[str, tuple[z3.BitVecRef, int, list[int]]] = {}
            if tying is not None:
                assertions = self._implications(kept + violations, tying)
                spread = tying.spread
                narrow = {name: (v, tying.narrow_mask(name, self.model.care[name]), tying.kept_counts(name))
                          for name, v in tying.narrow.items()}
                shapes_of.append(self._shape(comp, assertions, mine, tying))
                if shapes_of[1] is not None and shapes_of[1] in shapes:
                    self.rep[idx] = shapes[shapes_of[0]] = shapes[shapes_of[1]]
                    self._shape_hits[key] = shapes_of[1]
                    continue
            for shape in shapes_of:
                if shape is not None:
                    shapes[shape] = idx
            self._solver_for(comp, assertions, [lit for lit, _ in kept + violations], spread, narrow, mine, shapes_of)
        # a component whose representative found another one with its constraints follows it
        self.rep = [self.rep[r] for r in self.rep]
        self.representatives = sorted(set(self.rep))

    def _solver_for(self, comp: Component, assertions: z3.AstVector, used: list[z3.BoolRef],
                    spread: dict[str, z3.BitVecRef], narrow: dict[str, tuple[z3.BitVecRef, int, list[int]]],
                    mine: dict[str, z3.BoolRef], shapes_of: list[Any]) -> None:
        """A representative's context and solver: its assertions (literal => body, in the
        model's context), the literal of each, the full-width stand-ins and the narrow
        variables of tied variables (checker.positions, Component.narrow), its "invariant
        fails here" literals and its shapes (_shape), kept in _built for the twin split."""
        comp.ctx = self._context_for(comp)
        comp.solver = make_solver(comp.ctx, self.rlimit)
        ctx = comp.ctx
        dst, solver, get = ctx.ref(), comp.solver.solver, lib.Z3_ast_vector_get
        moved = assertions.translate(ctx)  # one translation: shared subterms copied once
        for i in range(len(moved)):
            lib.Z3_solver_assert(dst, solver, get(dst, moved.vector, i))
        # the literals and variables in one more translation (one at a time, each made a
        # translation of its own)
        names = list(comp.variables)
        terms = used + [spread.get(name, self.alg.vars[name]) for name in names] + [v for v, _, _ in narrow.values()]
        ours = z3.AstVector(ctx=self.ctx)
        src, push = self.ctx.ref(), lib.Z3_ast_vector_push
        for t in terms:
            push(src, ours.vector, t.as_ast())
        theirs = ours.translate(ctx)
        mv = theirs.vector
        comp.lits = {id(lit): HeldBool(get(dst, mv, i), ctx) for i, lit in enumerate(used)}
        first = len(used)
        comp.vars = {name: HeldBitVec(get(dst, mv, first + i), ctx) for i, name in enumerate(names)}
        first += len(names)
        comp.narrow = {name: (HeldBitVec(get(dst, mv, first + i), ctx), mask, counts)
                       for i, (name, (_, mask, counts)) in enumerate(narrow.items())}
        comp.tied = len(spread)
        comp.read = theirs  # their terms were read out of it, not made (see encode.Context)
        self._built[self._build_key(comp)] = (comp, mine, shapes_of)

    # -- checks that share an encoding
    def shareable(self, setup: CheckSetup) -> bool:
        """Can this check, with the same sharing_key, take this encoding (sibling)? Not if an
        expression named this one's module or that one's: a module named is read as the
        check's own when it is, and as another module's when it is not."""
        return self.decompose and not {self.setup.module.name, setup.module.name} & self.model.modules_named

    def sibling(self, setup: CheckSetup) -> "CheckSolver":
        """This encoding for the next check with the same sharing_key, solvers and all: the
        same model, components and assertions, asked on the solvers this check used (making
        and internalising them again was most of a sibling's time). What a solver found that
        holds for any check stays (the answers about guarantees, _answers); what depends on
        this check's assumptions goes (each component's quiet situation, the twin split).
        A sibling's answers are the same as far as satisfiability goes, but z3 may pick other
        models on a solver that has answered other questions, so a sibling is always run
        after the checks before it in its group (check_program runs whole groups), and its
        counterexamples are those of that order."""
        sib = copy.copy(self)
        sib.setup = setup
        sib.assumed = [g.name for g in setup.assumed]
        sib.others = [g.name for g in setup.others]
        sib.recorder = None
        sib._leaf_solver = None
        sib.last_violating = {}
        for comp in sib.components:
            comp.quiet, comp.quiet_counts, comp.not_silent_under = None, (0, 0), None
        return sib

    def _tied_positions(self, comp: Component, kept: list[z3.BoolRef], violations: list[z3.BoolRef]
                        ) -> Tying | None:
        """Alike bit positions of the component's registers tied together (checker.positions).
        Small components are solved as they are."""
        if not self.decompose:  # the naive encoding stays the plain formula
            return None
        widths = self.model.variables
        if sum(widths[name] for name in comp.variables) < MIN_TIED_BITS:
            return None
        return spreads(self.ctx, kept, violations, {name: self.alg.vars[name] for name in comp.variables},
                       self.model.var_reg, self.model.care, self.space.width)

    def _implications(self, guarded: list[tuple[z3.BoolRef, z3.BoolRef]], tie: Tying | None
                      ) -> z3.AstVector:
        """literal => body for each pair, the body on its registers' kept positions if `tie` is given
        (through the C API: z3.Implies and Solver.add re-check every operand's sort)."""
        assertions = z3.AstVector(ctx=self.ctx)
        ref, vector = self.ctx.ref(), assertions.vector
        for lit, body in guarded:
            raw = tie.raw(body.as_ast()) if tie is not None else body.as_ast()
            lib.Z3_ast_vector_push(ref, vector, lib.Z3_mk_implies(ref, lit.as_ast(), raw))  # the vector counts it
        return assertions

    def _renamable(self, comp: Component) -> bool:
        """Can another component's answers be renamed onto this one (CheckSolver._rename)?
        Its registers are of one leaf, and every variable it has is a register's."""
        return len(comp.leaves) == 1 and all(v in self.model.var_leaf for v in comp.variables)

    def _shape(self, comp: Component, assertions: z3.AstVector, violations: dict[str, z3.BoolRef],
               tying: Tying | None = None) -> Any:
        """The component's assertions with every variable renamed by its role (with the
        register's name in a component of several registers, as _rename moves them) and
        its "invariant fails here" literals by invariant, with what counting a
        counterexample reads (each variable's care mask): components of equal shape ask the
        same questions up to renaming. With `tying`, the assertions are on the kept positions:
        the narrow variables are renamed too, and which positions each register keeps is part
        of the shape (an assignment is moved between components full width). None for one
        _rename cannot rename onto.

        Z3 makes one term of equal terms in a context, so equal assertions have equal ids,
        and the model's context (encode.Context) frees none, so no id is used again."""
        if not self._renamable(comp):
            return None
        m, ctx = self.model, self.ctx
        single = len(comp.regs) == 1

        def role(name: str) -> str:
            return m.var_role[name] if single else f"{m.var_role[name]}:{m.var_reg[name].register}"

        def stand_in(name: str, width: int | None) -> Any:  # the renamed variable, made once
            term = self._stand_ins.get(name)
            if term is None:
                term = self._stand_ins[name] = bool_const(name, ctx) if width is None else z3.BitVec(name, width, ctx)
            return term

        pairs = [(self.alg.vars[name], stand_in(f"~{role(name)}", m.variables[name])) for name in sorted(comp.variables)]
        pairs += [(lit, stand_in(f"~violate:{inv}", None)) for inv, lit in violations.items()]
        layout: tuple[Any, ...] = ()
        if tying is not None:
            pairs += [(narrow, stand_in(f"~{role(name)}@{narrow.size()}", narrow.size()))
                      for name, narrow in sorted(tying.narrow.items())]
            layout = tuple(tying.layout(r) for r in sorted(comp.regs))
        n = len(pairs)
        froms = (z3.Ast * n)(*[a.as_ast() for a, _ in pairs])
        tos = (z3.Ast * n)(*[b.as_ast() for _, b in pairs])
        ref = ctx.ref()
        # one substitution over the conjunction: its assertions share most of their terms
        count, get, vector = len(assertions), lib.Z3_ast_vector_get, assertions.vector
        whole = as_bool(z3.Z3_mk_and(ref, count, (z3.Ast * count)(*[get(ref, vector, i) for i in range(count)])), ctx)
        renamed = as_bool(z3.Z3_substitute(ref, whole.as_ast(), n, froms, tos), ctx)
        counting = tuple((r.register if not single else "",
                          tuple((role(self._name(v)), m.care[self._name(v)]) for v in m.deviation.get(r, [])))
                         for r in sorted(comp.regs))
        return renamed.get_id(), counting, layout

    @staticmethod
    def _build_key(comp: Component) -> Any:
        # its registers and variables name its nodes, and so its constraints
        return frozenset(comp.regs), frozenset(comp.variables), frozenset(comp.dropped.items())

    def _slice_signature(self, regs: Iterable[Reg]) -> tuple[Any, ...]:
        return tuple((r.register, self.model.register_signature(r)) for r in sorted(regs))

    def _reduce(self, comp: Component, atoms: list[tuple[str, Any, z3.BoolRef, frozenset[str]]]
                ) -> list[tuple[str, Any, z3.BoolRef, frozenset[str]]]:
        """Leave out copies of alike leaves that only shared words (XFAM, ATTRIBUTES, the
        module's fixed words, the future leaf's number) join into one component.

        Given the shared words, each leaf's part of the component is independent of the
        others, and two parts with equal register signatures are the same constraints up to
        renaming. So one copy of each kind decides every satisfiability question: the base
        and the guarantees hold for all copies iff they hold for one, and an invariant fails
        in some copy iff it can fail in one. Counting needs a second copy: a minimal
        counterexample may have one copy violate while the others stay quiet; the second
        copy is weighted with the number of copies it stands for (all but the first), and the
        left-out copies take its values when the situation is written out (_expand).
        Returns the atoms of the kept leaves."""
        if len(comp.leaves) < 3 or all(v in self.model.var_leaf for _, _, _, sup in atoms for v in sup):
            return atoms
        var_reg = self.model.var_reg
        for _, _, _, support in atoms:  # a constraint over two leaves: not independent
            if len({var_reg[v].leaf_key for v in support if v in var_reg}) > 1:
                return atoms
        by_leaf: dict[tuple[int, int], list[Reg]] = {}
        for r in comp.regs:
            by_leaf.setdefault(r.leaf_key, []).append(r)
        kinds: dict[Any, list[tuple[int, int]]] = {}
        for key in sorted(by_leaf):
            kinds.setdefault(self._slice_signature(by_leaf[key]), []).append(key)
        for copies in kinds.values():
            if len(copies) < 3:
                continue
            second = copies[1]
            for r in by_leaf[second]:
                comp.weight[r] = sum(self._copies(key) for key in copies[1:])
            for key in copies[2:]:
                for r in by_leaf[key]:
                    comp.dropped[r] = Reg(second[0], second[1], r.register)
        if not comp.dropped:
            return atoms
        comp.regs = {r for r in comp.regs if r not in comp.dropped}
        comp.leaves = {r.leaf_key for r in comp.regs}
        return [a for a in atoms if not any(var_reg[v] in comp.dropped for v in a[3] if v in var_reg)]

    def _stand_in_for_left_out(self, comp: Component) -> None:
        """The leaves the space left out (model.alike_leaves) are copies of a kept leaf: its
        registers stand for theirs, as for the copies _reduce leaves out, and count for
        them: a component of that leaf alone counts `copies` times; in a component of
        several leaves, the leaf's registers weigh that much."""
        several = len(comp.leaves) > 1
        for r in comp.regs:
            if r.leaf_key in self.left_out:
                if several:  # a weight from _reduce counts these copies already
                    comp.weight.setdefault(r, self._copies(r.leaf_key))
                else:
                    comp.copies = self._copies(r.leaf_key)
        for r in list(comp.regs) + list(comp.dropped):
            for leaf, subleaf in self.left_out.get(r.leaf_key, ()):
                comp.dropped[Reg(leaf, subleaf, r.register)] = comp.dropped.get(r, r)

    def _copies(self, key: tuple[int, int]) -> int:
        """How many leaves a kept leaf counts for: itself and the copies it stands for."""
        return 1 + len(self.left_out.get(key, ()))

    def _context_for(self, comp: Component) -> z3.Context:
        """A z3 context for a representative's solver, away from the model's large one.

        A check-sat costs time in proportion to the context its solver lives in (20-40 ms
        for a two-variable register inside a large check's context, 2.5 ms alone), but a
        context costs about 17 MB and 13 ms to make: components share one until it holds
        CONTEXT_VARIABLES variables; a larger component gets one of its own."""
        size = len(comp.variables)
        if not self._contexts or self._contexts[-1][1] + size > CONTEXT_VARIABLES:
            self._contexts.append([solving_context(self.rlimit), 0])
        self._contexts[-1][1] += size
        return self._contexts[-1][0]

    def _rename(self, assignment: dict[str, int], src: Component, dst: Component) -> dict[str, int]:
        """A representative's assignment, moved to an equivalent component's variables."""
        if src is dst:
            return dict(assignment)
        if len(dst.regs) == 1:
            (sreg,), (dreg,) = src.regs, dst.regs
            moved = {sreg: dreg}
        else:
            (dleaf, dsub), = dst.leaves
            moved = {r: Reg(dleaf, dsub, r.register) for r in src.regs}
        out: dict[str, int] = {}
        for name, value in assignment.items():
            reg = self.model.var_reg.get(name)
            if reg is None:
                continue
            target = self.model.var_of.get((self.model.var_role[name], moved[reg]))
            if target is not None:
                out[target] = value
        return out

    def _expand(self, comp: Component, assignment: dict[str, int]) -> dict[str, int]:
        """A component's assignment with the copies _reduce left out: each takes the values of
        the kept register that stands for it."""
        if not comp.dropped:
            return assignment
        out = dict(assignment)
        var_of = self.model.var_of
        for reg, stand_in in comp.dropped.items():
            # the copy has the stand-in's variables (equal signatures), named as the whole
            # space's model names them (a left-out leaf has none in this model)
            for role in self.model.roles_of().get(stand_in, ()):
                source = var_of.get((role, stand_in))
                if source is not None and source in assignment:
                    out[var_name(role, reg)] = assignment[source]
        return out

    def base_lits(self) -> list[z3.BoolRef]:
        return [lit for _, _, lit in self.base]

    def ask(self, comp: Component, lits: list[z3.BoolRef],
            obligation: tuple[str, str | None] | None = None, deciding_if_sat: bool = False) -> z3.CheckSatResult:
        """obligation: (kind, invariant) when the answer decides a verdict: ("vacuity", None)
        or ("verdict", invariant name). deciding_if_sat: the question is stronger than the
        obligation's (more literals assumed), so only a sat answer decides it."""
        # only the literals this component's assertions mention (the rest are free anyway),
        # in its own context; literals made for it (bounds) are in that context already
        mine = []
        ours = comp.lits
        for x in lits:
            if x.ctx is comp.ctx:
                mine.append(x)
            else:
                got = ours.get(id(x))
                if got is not None:
                    mine.append(got)
        started = time.perf_counter()
        result, net_hit = ask_with_net(comp.ctx, comp.solver, mine)
        if obligation is not None and self.recorder is not None and (result == z3.sat or not deciding_if_sat):
            self.recorder(self, comp, mine, result, *obligation)
        if result == z3.unknown:
            raw = comp.solver.reason_unknown()
            elapsed = time.perf_counter() - started
            # z3 says "canceled" both for the rlimit and for an interrupt: the net tells them apart
            if net_hit:
                reason = f"wall-clock safety net of {WALL_TIMEOUT_MS // 1000} s hit after {elapsed:.0f} s ({raw})"
            elif "canceled" in raw or "resource" in raw or "rlimit" in raw:
                reason = f"resource limit (rlimit {self.rlimit}) exhausted after {elapsed:.1f} s ({raw})"
            else:
                reason = raw
            raise Unknown(reason)
        return result

    def _lits(self, guarantees: Iterable[str]) -> list[z3.BoolRef]:
        return self.base_lits() + [self.guarantee_lits[g] for g in guarantees]

    # -- vacuity
    def vacuity(self) -> Explanation | None:
        """None if the check's assumptions can all hold together; else why not."""
        lits = self._lits(self.assumed)
        reasons: list[str] = []
        broken: list[str] = []
        for idx in self.representatives:
            comp = self.components[idx]
            # A quiet situation, the first thing a counterexample needs of every component,
            # shows the assumptions can hold here too: one question instead of two.
            if self._quiet_at_once(comp, lits, vacuity=True) or self.ask(comp, lits, ("vacuity", None)) == z3.sat:
                self._remember(idx, None, self.assumed, True)
                continue
            core = self._core(comp)
            reasons += [what for what, _, lit in self.base if id(lit) in core and what not in reasons]
            broken += [g for g in self.assumed if id(self.guarantee_lits[g]) in core and g not in broken]
        if not reasons and not broken:
            return None
        detail = self._broken_guarantee_bits(broken) if broken else []
        return Explanation(reasons=reasons, guarantees=broken, bits=detail)

    def _broken_guarantee_bits(self, broken: list[str]) -> list[str]:
        """For a guarantee a concrete release breaks: the bits that break it."""
        assignment = self._full_assignment(self.base_lits(), None, {})
        if assignment is None:
            return []
        concrete = build_model(self.program, self.setup, ConcreteAlgebra(assignment), space=self.full_space)
        names = self.program.feature_names()
        out: list[str] = []
        for g in broken:
            decl = next(x for x in self.setup.assumed if x.name == g).decl
            for story in witness_bits(concrete, decl.expr, self.program.file_of(decl), names, self.program):
                label = story.position + (f" ({', '.join(story.names)})" if story.names else "")
                out.append(f"{g}: {label}")
        return out

    # -- one invariant
    def decide(self, inv: str) -> tuple[Verdict, list[int]]:
        """PROVED, or VIOLATED with the components in which a violation exists."""
        lits = self._lits(self.assumed)
        violating = []
        for idx, lit in sorted(self.inv_lits.get(inv, {}).items()):
            if self.rep[idx] == idx:
                fails = self.ask(self.components[idx], lits + [lit], ("verdict", inv)) == z3.sat
                self._remember(idx, inv, self.assumed, fails)  # guarantee sets start from these answers
                if fails:
                    violating.append(idx)
        self.last_violating[inv] = violating
        return (Verdict.VIOLATED if violating else Verdict.PROVED), violating

    def holds_with(self, inv: str, guarantees: Iterable[str]) -> bool:
        chosen = list(guarantees)
        first = self.last_violating.get(inv, [])  # most subsets fail where the invariant failed before
        order = first + [i for i in sorted(self.inv_lits.get(inv, {})) if i not in first]
        return all(self._unsat_with(idx, chosen, inv) for idx in order if self.rep[idx] == idx)

    def consistent(self, guarantees: Iterable[str]) -> bool:
        chosen = list(guarantees)
        return all(not self._unsat_with(i, chosen, None) for i in self.representatives)

    def _unsat_with(self, idx: int, guarantees: list[str], inv: str | None) -> bool:
        """Is base + guarantees (+ "inv fails here") unsatisfiable in one representative?

        Guarantee sets ask this for many overlapping sets, and adding guarantees only
        removes situations. So every answer the solver gave is kept (_remember; also the
        vacuity and verdict questions', asked with the assumed guarantees): a set containing
        an unsat core of an earlier question is unsat, a subset of an earlier satisfiable
        set is satisfiable, and only the other sets are asked."""
        comp = self.components[idx]
        mine = self._mentioned(comp, guarantees)
        cores, satisfiable = self._answers.setdefault((idx, inv), ([], []))
        if any(core <= mine for core in cores):
            return True
        if any(mine <= s for s in satisfiable):
            return False
        extra = [self.inv_lits[inv][idx]] if inv is not None else []
        sat = self.ask(comp, self._lits(guarantees) + extra) == z3.sat
        self._remember(idx, inv, guarantees, sat)
        return not sat

    def _mentioned(self, comp: Component, guarantees: Iterable[str]) -> frozenset[str]:
        """Those of the guarantees the component's assertions mention (the others change nothing there)."""
        if comp.guarantees is None:
            comp.guarantees = frozenset(g for g, lit in self.guarantee_lits.items() if id(lit) in comp.lits)
        return frozenset(g for g in guarantees if g in comp.guarantees)

    def _remember(self, idx: int, inv: str | None, guarantees: Iterable[str], sat: bool) -> None:
        """Keep the answer the solver just gave about base + guarantees (+ "inv fails here")
        in representative idx for _unsat_with: the guarantees if satisfiable, else those of
        them in the unsat core."""
        mine = self._mentioned(self.components[idx], guarantees)
        cores, satisfiable = self._answers.setdefault((idx, inv), ([], []))
        if sat:
            satisfiable.append(mine)
        else:
            core = self._core(self.components[idx])
            cores.append(frozenset(g for g in mine if id(self.guarantee_lits[g]) in core))

    @staticmethod
    def _core(comp: Component) -> set[int]:
        """The last unsat core, as the ids of the check's literals (comp.lits' keys), read by
        z3's ids through the C API: reading the literals' names would run z3's printer on
        each, and z3.py's wrappers cost a checked call per literal (guarantee sets start
        from the verdict questions' cores, one per question)."""
        by_z3_id = comp.lit_ids
        if by_z3_id is None:
            by_z3_id = comp.lit_ids = {lit.get_id(): ident for ident, lit in comp.lits.items()}
        assert comp.ctx is not None and comp.solver is not None
        ref = comp.ctx.ref()
        core = lib.Z3_solver_get_unsat_core(ref, comp.solver.solver)
        lib.Z3_ast_vector_inc_ref(ref, core)
        try:
            ids = [lib.Z3_get_ast_id(ref, lib.Z3_ast_vector_get(ref, core, i))
                   for i in range(lib.Z3_ast_vector_size(ref, core))]
        finally:
            lib.Z3_ast_vector_dec_ref(ref, core)
        return {by_z3_id[i] for i in ids if i in by_z3_id}  # bounds and the quiet literal are not the check's

    def guarantee_sets(self, inv: str, pool: list[str], always: list[str], max_size: int | None = None,
                       require_consistent: bool = False, refuted_by: Iterable[frozenset[str]] = ()
                       ) -> tuple[list[list[str]], bool]:
        """Every minimal subset S of pool with base + always + S => invariant (smallest first).

        `refuted_by` lists, for known counterexamples, the guarantees each satisfies: a
        subset of one of them cannot make the invariant hold, and is skipped unasked."""
        found: list[frozenset[str]] = []
        refuters = [frozenset(r) for r in refuted_by]
        top = len(pool) if max_size is None else min(max_size, len(pool))
        for size in range(0, top + 1):
            for subset in itertools.combinations(pool, size):
                s = frozenset(subset)
                if any(f <= s for f in found) or any(s <= r for r in refuters):
                    continue
                chosen = list(always) + list(subset)
                if self.holds_with(inv, chosen):
                    if require_consistent and not self.consistent(chosen):
                        continue  # it would "hold" only because no situation is left at all
                    found.append(s)
        complete = max_size is None or max_size >= len(pool)
        return [sorted(f) for f in sorted(found, key=lambda f: (len(f), sorted(f)))], complete

    # -- counterexamples
    def _flags(self, comp: Component) -> "_Flags":
        """What counts as touched in a component: its leaves, and its bits off the quiet baseline."""
        if comp.flags is not None:
            return comp.flags
        m = self.model
        leaf_groups: list[list[tuple[str, int]]] = []
        reg_groups: list[list[tuple[str, int]]] = []
        leaf_weights: list[int] = []
        reg_weights: list[int] = []
        for key in sorted(comp.leaves):
            group: list[tuple[str, int]] = []
            weight = 1
            for r in self.space.by_leaf[key]:
                if r not in comp.regs:
                    continue
                weight = comp.weight.get(r, 1)  # the same for every register of a kept copy
                rg = [(self._name(v), m.care[self._name(v)]) for v in m.deviation.get(r, [])]
                rg = [(n, c) for n, c in rg if c]
                if rg:
                    reg_groups.append(rg)
                    reg_weights.append(weight)
                    group.extend(rg)
            if group:
                leaf_groups.append(group)
                leaf_weights.append(weight)
        wide = [self._name(w) for w in m.wide_deviation if w.support & comp.variables]
        own = self._own_vars(comp, [n for g in reg_groups for n, _ in g] + wide)
        comp.flags = _Flags(leaf_groups, reg_groups, wide, own, comp.ctx, self.space.width, self.space.wide_width,
                            leaf_weights, reg_weights, comp.narrow)
        return comp.flags

    @staticmethod
    def _name(term: Any) -> str:
        (name,) = term.support
        return name

    def _bound(self, comp: Component, flags: list[Any], k: int) -> z3.BoolRef:
        """A literal that, assumed, allows flags of weight at most k (flags: the component's
        leaf_flags or bit_flags)."""
        self._bounds[0] += 1
        lit = bool_const(f"bound:{self._bounds[0]}", comp.ctx)
        comp.solver.add(z3.Implies(lit, self._at_most(comp, flags, k)))
        return lit

    def _at_most(self, comp: Component, flags: list[Any], k: int) -> z3.BoolRef:
        own = self._flags(comp)
        weights = own.leaf_weights if flags is own.leaf_flags else own.bit_weights
        return _at_most(flags, k, comp.ctx, self._pb_arrays, weights)

    def _least(self, comp: Component, lits: list[z3.BoolRef], flags: list[Any], lo: int,
               best: z3.ModelRef, measure: Callable[[z3.ModelRef], int]) -> tuple[z3.ModelRef, int]:
        """The least weight of `flags` a model of `lits` can have, at least lo, proved minimal:
        bounds are tried upwards from lo with doubling steps until one is met, then bisected
        (the minimum is usually lo, and each bounded question is one of the costliest a check
        asks). best is a model; measure gives a model's weight."""
        hi, step, met = measure(best), 1, False
        while lo < hi:
            k = (lo + hi) // 2 if met else min(hi - 1, lo + step - 1)
            if self.ask(comp, lits + [self._bound(comp, flags, k)]) == z3.sat:
                best = comp.solver.model()
                hi, met = measure(best), True
            else:
                lo, step = k + 1, step * 2
        return best, hi

    def _minimise(self, comp: Component, lits: list[z3.BoolRef]) -> tuple[z3.ModelRef, bool, int, int]:
        """In one component: fewest leaves touched, then fewest bits, each bound proved minimal."""
        solver = comp.solver
        assert self.ask(comp, lits) == z3.sat
        best = solver.model()
        flags = self._flags(comp)
        leaf_flags, bit_flags = flags.leaf_flags, flags.bit_flags

        def leaves_of(zm: z3.ModelRef) -> int:
            return flags.count(self._assignment(zm, comp))[0]

        def bits_of(zm: z3.ModelRef) -> int:
            return flags.count(self._assignment(zm, comp))[1]

        if not self.minimise:
            return best, False, leaves_of(best), bits_of(best)
        try:
            best, leaves = self._least(comp, lits, leaf_flags, 0, best, leaves_of)
            keep = [self._bound(comp, leaf_flags, leaves)]
            # every touched leaf has a bit off its quiet value (with the same weight): bits >= leaves
            best, bits = self._least(comp, lits + keep, bit_flags, leaves, best, bits_of)
            return best, True, leaves, bits
        except Unknown:
            return best, False, leaves_of(best), bits_of(best)

    def _silent(self, comp: Component) -> z3.BoolRef:
        """The literal that, assumed, puts every variable of the component at its quiet value
        ((v & care) == 0, a shared word == 0). Made with the component's first question (the
        vacuity question is asked with it), so that every deciding question sees the same
        assertions (checker.proofs)."""
        if comp.silent is None:
            care = self.model.care
            names = [self._name(v) for r in sorted(comp.regs) for v in self.model.deviation.get(r, [])]
            wide = self._flags(comp).wide
            own = self._own_vars(comp, names + wide)
            ctx = comp.ctx
            assert ctx is not None
            # a tied variable's quiet value on its narrow variable: (v & care) == 0 on the
            # full-width stand-in is a concat z3 would split into an equation per piece
            parts = [comp.narrow[n][:2] if n in comp.narrow else (own[n], care[n]) for n in names]
            parts += [(own[n], None) for n in wide]
            quiet = all_zero(parts, ctx)
            silent = bool_const(f"silent:{comp.key}", ctx)
            comp.solver.add(as_bool(lib.Z3_mk_implies(ctx.ref(), silent.as_ast(), quiet.as_ast()), ctx))
            comp.silent = silent
        return comp.silent

    def _quiet_at_once(self, comp: Component, lits: list[z3.BoolRef], vacuity: bool = False) -> bool:
        """Can every variable of the component be at its quiet value under lits (usually:
        nothing needs to deviate)? If so that is its most quiet situation, and a sat answer to
        the vacuity question. A no is kept, so that _quiet does not ask again."""
        obligation = ("vacuity", None) if vacuity else None
        if self.ask(comp, lits + [self._silent(comp)], obligation, deciding_if_sat=True) == z3.sat:
            comp.quiet = self._assignment(comp.solver.model(), comp)
            comp.quiet_counts = (0, 0)
            return True
        comp.not_silent_under = frozenset(id(x) for x in lits)
        return False

    def _quiet(self, comp: Component, lits: list[z3.BoolRef]) -> None:
        """The component's most quiet situation (fewest leaves, then bits, deviating)."""
        if comp.quiet is not None:
            return
        if comp.not_silent_under != frozenset(id(x) for x in lits) and self._quiet_at_once(comp, lits):
            return
        zm, ok, leaves, bits = self._minimise(comp, lits)
        comp.quiet = self._assignment(zm, comp)
        comp.quiet_counts = (leaves, bits) if ok else (-1, -1)

    def _own_vars(self, comp: Component, names: Iterable[str]) -> dict[str, z3.BitVecRef]:
        """The component's copies of these variables (also of ones no constraint of it mentions)."""
        for n in names:
            if n not in comp.vars:
                assert comp.ctx is not None
                comp.vars[n] = self.alg.vars[n].translate(comp.ctx)
        return comp.vars

    def _assignment(self, zmodel: z3.ModelRef, comp: Component) -> dict[str, int]:
        """The values the model gives the component's variables (those it leaves open are
        left out). ModelRef.eval through the C API, unchecked: its wrapper per value was a
        fifth of finding a component's quiet situation (a failed evaluation leaves the
        variable out, as an open one)."""
        out: dict[str, int] = {}
        assert comp.ctx is not None
        ref, model, value = comp.ctx.ref(), zmodel.model, (z3.Ast * 1)()
        evaluate, is_numeral, digits = lib.Z3_model_eval, lib.Z3_is_numeral_ast, lib.Z3_get_numeral_string
        own = comp.vars
        for name in comp.variables:
            if evaluate(ref, model, own[name].as_ast(), False, value) and is_numeral(ref, value[0]):
                out[name] = int(digits(ref, value[0]))  # the digits as bytes: int() reads them
        return out

    def _full_assignment(self, lits: list[z3.BoolRef], special: int | None, chosen: dict[str, int]
                         ) -> dict[str, int] | None:
        out: dict[str, int] = {}
        for idx, comp in enumerate(self.components):
            if idx == special:
                continue
            rep = self.components[self.rep[idx]]
            if rep.quiet is None:
                if self.ask(rep, lits) != z3.sat:
                    return None
                self._quiet(rep, lits)
            assert rep.quiet is not None
            out.update(self._expand(comp, self._rename(rep.quiet, rep, comp)))
        if special is not None:
            comp = self.components[special]
            if comp.copies > 1:  # the violation is in one copy: the copies it counts for stay quiet
                assert comp.quiet is not None
                out.update(self._expand(comp, comp.quiet))
                out.update(chosen)
            else:
                out.update(self._expand(comp, chosen))
        return out

    def _counterexample_on_whole_leaves(self, inv: Any, leaves: set[tuple[int, int]]) -> "Violation":
        if self._leaf_solver is None:
            # the same model, terms and literals, split again with these leaves kept whole;
            # components that do not change keep their solvers (self._built is shared)
            twin = copy.copy(self)
            twin.whole_leaves, twin._leaf_solver, twin.recorder = self.whole_leaves | leaves, None, None
            twin.last_violating, twin._answers = {}, {}  # it explains, not decides
            twin._split()
            self._leaf_solver = twin
        leaf_solver = self._leaf_solver
        verdict, violating = leaf_solver.decide(inv.name)
        if verdict is not Verdict.VIOLATED:
            raise AssertionError("the two decompositions disagree on a verdict: this is a bug in cpuid-contracts")
        return leaf_solver.find_counterexample(inv, violating)

    def _quietly_touched(self) -> set[tuple[int, int]]:
        """The leaves of components whose quietest situation touches a leaf (or was not
        proved minimal)."""
        out: set[tuple[int, int]] = set()
        for idx, comp in enumerate(self.components):
            if self.components[self.rep[idx]].quiet_counts[0] != 0:
                out |= comp.leaves | {r.leaf_key for r in comp.dropped}
        return out

    def counterexample(self, inv: Any, violating: list[int]) -> Counterexample:
        """The minimal counterexample, replayed and written up (see find_counterexample)."""
        cex, _ = write_up(self.program, self.setup, self.full_space, self.find_counterexample(inv, violating))
        return cex

    def find_counterexample(self, inv: Any, violating: list[int]) -> "Violation":
        """The violation with the fewest leaves, then bits, over all components.

        A component's total is its own count plus every other component at its
        most quiet; a later component is only minimised if the solver shows it
        can beat the best total so far, so the minimum is still proved."""
        lits = self._lits(self.assumed)
        for i in self.representatives:
            self._quiet(self.components[i], lits)
        quiet_total = [0, 0]
        for i, comp in enumerate(self.components):
            ql, qb = self.components[self.rep[i]].quiet_counts
            quiet_total[0] += comp.copies * max(ql, 0)
            quiet_total[1] += comp.copies * max(qb, 0)
        # Leaf counts add up over components only while no leaf is split between two: with a
        # leaf's registers in several components and a quiet situation that touches it, the
        # union could be smaller than the sum. The counterexample is then found on components
        # that keep the leaves quiet situations touch whole (the verdict stands). There the
        # sum is exact: the other components' quiet situations touch no leaf, and each of them
        # could take its quiet situation in a minimal counterexample.
        touched = self._quietly_touched()
        if touched & self.split_leaves:
            return self._counterexample_on_whole_leaves(inv, touched)
        best: tuple[int, int, int, dict[str, int], bool] | None = None  # (idx, total leaves, total bits, ...)
        for idx in violating:
            comp = self.components[idx]
            ql, qb = comp.quiet_counts
            violate = [self.inv_lits[inv.name][idx]]
            if best is not None:
                # own count must be below best total - (quiet of all others)
                lim_l = best[1] - (quiet_total[0] - max(ql, 0))
                lim_b = best[2] - (quiet_total[1] - max(qb, 0))
                if lim_l < 0:
                    continue
                if (ql, qb) == (0, 0) and comp.silent is not None and \
                        ((lim_l, lim_b) == (0, 1) or ((lim_l, lim_b) == (1, 1) and not self._flags(comp).wide)):
                    # beating (0, 1) means deviating nowhere; so does beating (1, 1) without shared
                    # words (a touched leaf has a touched bit): the quiet literal says it, no bound
                    better = comp.silent
                else:
                    leaf_flags, bit_flags = self._flags(comp).leaf_flags, self._flags(comp).bit_flags
                    better = bool_const(f"better:{self._bounds[0]}", comp.ctx)
                    self._bounds[0] += 1
                    fewer_leaves = self._at_most(comp, leaf_flags, lim_l - 1)
                    fewer_bits = z3.And(self._at_most(comp, leaf_flags, lim_l),
                                        self._at_most(comp, bit_flags, lim_b - 1))
                    comp.solver.add(z3.Implies(better, z3.Or(fewer_leaves, fewer_bits)))
                if self.ask(comp, lits + violate + [better]) != z3.sat:
                    continue
            zm, ok, leaves, bits = self._minimise(comp, lits + violate)
            total_l = leaves + quiet_total[0] - max(ql, 0)
            total_b = bits + quiet_total[1] - max(qb, 0)
            if best is None or (total_l, total_b) < (best[1], best[2]):
                best = (idx, total_l, total_b, self._assignment(zm, comp), ok)
        assert best is not None
        idx, leaves, bits, chosen, proved = best
        # report what the violation needs beyond the quietest situation the assumptions allow
        leaves -= quiet_total[0]
        bits -= quiet_total[1]
        proved = proved and all(self.components[self.rep[i]].quiet_counts[0] >= 0 for i in range(len(self.components)))
        assignment = self._full_assignment(lits, idx, chosen)
        assert assignment is not None
        return Violation(inv, assignment, proved, leaves, bits)


@dataclass
class Violation:
    """A minimal counterexample as the solver found it, before it is replayed and written
    up (write_up): the situation on the whole space, and what its minimality says."""

    inv: Any
    assignment: dict[str, int]
    proved_minimal: bool
    leaves: int  # beyond the quietest situation the assumptions allow
    bits: int


def write_up(program: Program, setup: CheckSetup, space: Space, found: Violation
             ) -> tuple[Counterexample, frozenset[str]]:
    """Replay a violation on the concrete evaluator and describe it: the counterexample,
    and which of the spec's other guarantees the situation satisfies (none of their
    subsets can make the invariant hold: guarantee_sets skips them unasked). Solver-free,
    so it may run in another process (check_one)."""
    inv = found.inv
    concrete = build_model(program, setup, ConcreteAlgebra(found.assignment), space=space)
    inv_file = program.file_of(inv.decl)
    replay_ok = all(c for _, c in concrete.structural_constraints()) and all(c for _, _, c in concrete.run.ok) \
        and all(concrete.property_value(g.expr, program.file_of(g.decl)) for g in setup.assumed)
    if not replay_ok or concrete.property_value(inv.expr, inv_file):
        raise AssertionError("counterexample replay disagrees with the solver: this is a bug in cpuid-contracts")
    stories = witness_bits(concrete, inv.expr, inv_file, program.feature_names(), program)
    satisfied = frozenset(g.name for g in setup.others if concrete.property_value(g.expr, program.file_of(g.decl)))
    return describe(concrete, program, stories, found.assignment, found.proved_minimal, found.leaves,
                    found.bits), satisfied


# ------------------------------------------------------------------ reading a concrete situation

def _concrete_set(model: Model[Any, Any], value: Any) -> dict[Reg, int]:
    return {r: v for r, v in (value or {}).items() if v}


def witness_bits(model: Model[Any, Any], expr: ast.Expr, file: str, names: dict[tuple[Reg, int], list[str]],
                 program: Program) -> list[BitStory]:
    """The bits at which a false condition fails (for comparisons of sets), each with its story."""
    out: list[BitStory] = []
    reported: dict[Reg, int] | None = None  # what the module reports configurable, read once
    model._current_file = file
    stack = [expr]
    while stack:
        e = stack.pop()
        if isinstance(e, ast.Name) and len(e.parts) == 1:
            decl = program.lookup(file, e.parts[0].name)
            if isinstance(decl, (ast.InvariantDecl, ast.GuaranteeDecl)):
                stack.append(decl.expr)
            continue
        if isinstance(e, ast.Conjunction):
            stack.extend(reversed(e.operands))
            continue
        if not isinstance(e, (ast.Comparison, ast.Membership)):
            continue
        if model.property_value(e, file):
            continue
        left, right = (e.left, e.right) if isinstance(e, ast.Comparison) else (e.element, e.container)
        op = e.op if isinstance(e, ast.Comparison) else "<="
        lv = model.eval(left, {}, phase="property")
        rv = model.eval(right, {}, phase="property")
        condition = _text(program, e.span)  # the same for every bit it fails at
        if reported is None:
            reported = _reported(model)  # a counterexample can fail at thousands of bits
        if lv.kind == "wide" or rv.kind == "wide":
            a = lv.wide if lv.kind == "wide" else 0
            b = rv.wide if rv.kind == "wide" else 0
            diff = (a & ~b) if op in ("<=", "<") else (b & ~a) if op in (">=", ">") else a ^ b
            for bit in bit_numbers(diff):
                out.append(BitStory(f"bit {bit} of a 64-bit word", [], {}, condition))
            continue
        a = _concrete_set(model, lv.cpuid)
        b = _concrete_set(model, rv.cpuid)
        regs = sorted(set(a) | set(b), key=Reg.sort_key)
        for r in regs:
            x, y = a.get(r, 0), b.get(r, 0)
            diff = (x & ~y) if op in ("<=", "<") else (y & ~x) if op in (">=", ">") else x ^ y
            for bit in bit_numbers(diff):
                out.append(story_of(model, program, r, bit, names, condition,
                                    left_has=bool(x >> bit & 1), right_has=bool(y >> bit & 1), reported=reported))
    return out


def _text(program: Program, span: Any) -> str:
    from checker.model import _source_text

    return _source_text(program, span)


def story_of(model: Model[Any, Any], program: Program, r: Reg, bit: int, names: dict[tuple[Reg, int], list[str]],
             condition: str, left_has: bool, right_has: bool, reported: dict[Reg, int] | None = None) -> BitStory:
    m = model.module["masks"]
    cls = next((c for c in m if m[c][r] >> bit & 1), "fixed0")
    setup = model.setup
    pos = f"{program.register_notation(r)}[{bit}]"
    if r.is_future:
        pos = f"0x{model.future_leaf:x}.0.{r.register}[{bit}] (the future leaf)" if model.future_leaf is not None else pos
    facts: dict[str, Any] = {"module class": cls}
    gates = [g for mask, g in setup.module.gates.get(r, []) if mask >> bit & 1]
    if gates:
        facts["gated by"] = ", ".join(f"{g.word}[{','.join(map(str, g.bits))}]" for g in gates)
    rep = _reported(model) if reported is None else reported
    facts["module reports it configurable"] = bool(rep.get(r, 0) >> bit & 1)
    facts["host native value"] = int(model.host_native[r] >> bit & 1)
    facts["KVM knows it"] = bool(model.kvm_known[r] >> bit & 1)
    facts["userspace requested it"] = bool(model.request[r] >> bit & 1)
    facts["KVM passed it to TDH.MNG.INIT"] = bool(model.run.td_config.get(r, 0) >> bit & 1)
    facts["TD has it"] = bool(model.run.td_guest[r] >> bit & 1)
    facts["userspace believes it is set"] = bool(model.run.view.get(r, 0) >> bit & 1)
    facts["KVM's CPUID copy has it"] = bool(model.run.kvm_cpuid.get(r, 0) >> bit & 1)
    sources = []
    src = setup.module.source_of(r, bit)
    if src:
        sources.append(_source_ref(program, src))
    return BitStory(pos, names.get((r, bit), []), facts, condition, sources=sources,
                    left_has=left_has, right_has=right_has)


def _reported(model: Model[Any, Any]) -> dict[Reg, int]:
    """What the module reports configurable, per register."""
    rep = model.module.get("reported") or {}
    if not rep and "reported_expr" in model.module:
        rep = model._module_attr(model.module, "reported_configurable", {}, "property").cpuid or {}
    return rep  # type: ignore[no-any-return]


def _source_ref(program: Program, name: str) -> str:
    d = program.sources.get(name)
    if d is None:
        return name
    attrs = dict(d.attributes)
    parts = [attrs.get("repo", ""), ("@" + attrs["commit"][:12]) if "commit" in attrs else "",
             (" " + attrs["file"]) if "file" in attrs else "", (" " + attrs["document"]) if "document" in attrs else ""]
    text = "".join(parts).strip()
    return f"{name}: {text}" if text else name


def describe(model: Model[Any, Any], program: Program, stories: list[BitStory], assignment: dict[str, int],
             proved_minimal: bool, leaves: int, bits: int) -> Counterexample:
    steps = []
    for st in model.run.steps:
        parts = []
        if st.returned is not None and st.returned.kind == "cpuid":
            parts.append("returned " + _fmt_set(program, _concrete_set(model, st.returned.cpuid), model))
        for target, val in st.sets.items():
            if val.kind == "cpuid":
                parts.append(f"set {target} = " + _fmt_set(program, _concrete_set(model, val.cpuid), model))
            elif val.kind == "wide":
                parts.append(f"set {target} = 0x{val.wide:x}")
        steps.append(f"{st.label}: " + ("; ".join(parts) if parts else "succeeded"))
    situation: dict[str, str] = {}
    if model.future_leaf is not None and any("future leaf" in b.position for b in stories):
        situation["future leaf number"] = f"0x{model.future_leaf:x}"
    if model.user_xfam:
        situation["XFAM requested"] = f"0x{model.user_xfam:x}"
    if model.user_attributes:
        situation["ATTRIBUTES requested"] = f"0x{model.user_attributes:x}"
    return Counterexample(bits=stories, steps=steps, situation=situation, minimal=proved_minimal,
                          leaf_count=leaves, bit_count=bits, assignment=assignment)


def _fmt_set(program: Program, s: dict[Reg, int], model: Model[Any, Any], limit: int = 6) -> str:
    if not s:
        return "{}"
    items = []
    for r in sorted(s):
        name = program.register_notation(r) if not r.is_future or model.future_leaf is None else \
            f"0x{model.future_leaf:x}.0.{r.register}"
        items.append(f"{name}=0x{s[r]:08x}")
    more = f", ... ({len(items) - limit} more registers)" if len(items) > limit else ""
    return "{" + ", ".join(items[:limit]) + more + "}"


# ------------------------------------------------------------------ checks

# The model's millions of long-lived objects form no cycles worth collecting: the cyclic
# collector's scans of them were a third of a 100x check (reference counting still frees
# everything else at once; the collector runs again after the check).
@cyclic_gc_paused()
def check_one(program: Program, file: str, decl: ast.CheckDecl, width: int = 32, wide_width: int = 64,
              rlimit: int = RLIMIT, minimise: bool = True, guarantee_sets: bool = True,
              decompose: bool = True, registers: tuple[str, ...] | None = None, jobs: int = 1,
              shared: dict[Any, CheckSolver] | None = None) -> list[CheckResult]:
    """Decide every invariant of one check.

    The solver's work is done in one order whatever `jobs` is: every invariant's verdict
    and guarantee sets or minimal counterexample, then, for the violated ones, the
    guarantee sets that would make them hold. The write-ups of the counterexamples
    (replaying each on the whole space and describing its bits, the larger part of a
    large check's counterexample) need no solver: with jobs > 1 up to jobs - 1 of them
    are written in forked processes while this one goes on.

    `shared` (check_program's) keeps encodings, solvers and all, by sharing_key: a check
    takes one an earlier check left there (CheckSolver.sibling) and leaves its own."""
    t0 = time.perf_counter()
    setup = resolve_check(program, file, decl)
    results: list[CheckResult | None] = []

    def result(inv: Any, verdict: Verdict, **kw: Any) -> CheckResult:
        return CheckResult(check=setup.name, design=setup.design.name.name, module=setup.module.name,
                           invariant=inv.name, verdict=verdict, expected=inv.expect, file=file,
                           line=inv.span.line, column=inv.span.column, check_line=decl.span.line,
                           check_column=decl.span.column, invariant_file=program.file_of(inv.decl),
                           invariant_line=inv.decl.span.line, invariant_column=inv.decl.span.column, **kw)

    key = sharing_key(setup) if shared is not None else None  # `shared`'s checks get the same options
    try:
        earlier = shared.get(key) if shared is not None and key is not None else None
        if earlier is not None and earlier.shareable(setup):
            cs = earlier.sibling(setup)
        else:
            space = build_space(program, setup, width, wide_width, registers) if registers else None
            cs = CheckSolver(program, setup, width, wide_width, rlimit, minimise, decompose, space)
            if shared is not None and key is not None and cs.shareable(setup):
                shared[key] = cs
    except ModelError as e:
        return [result(inv, Verdict.UNKNOWN, reason=f"cannot model the check: {e}",
                       seconds=time.perf_counter() - t0) for inv in setup.invariants]
    try:
        vac = cs.vacuity()
    except Unknown as u:
        return [result(inv, Verdict.UNKNOWN, reason=f"vacuity check: {u.reason}", seconds=time.perf_counter() - t0)
                for inv in setup.invariants]
    if vac is not None:
        return [result(inv, Verdict.VACUOUS, vacuity=vac, seconds=time.perf_counter() - t0)
                for inv in setup.invariants]
    # violated invariants waiting for their write-up: (place in results, violation, seconds so far)
    pending: list[tuple[int, Violation, float]] = []
    writers = _WriteUps(program, setup, cs.full_space, forks=jobs - 1)
    try:
        for inv in setup.invariants:
            t1 = time.perf_counter()
            try:
                verdict, violating = cs.decide(inv.name)
                if verdict is Verdict.PROVED:
                    sets: list[list[str]] = []
                    unused: list[str] = []
                    if guarantee_sets:
                        sets, _ = cs.guarantee_sets(inv.name, cs.assumed, [])
                        used = {g for s in sets for g in s}
                        unused = [g for g in cs.assumed if g not in used]
                    results.append(result(inv, verdict, guarantee_sets=sets, guarantees_unused=unused,
                                          seconds=time.perf_counter() - t1))
                else:
                    found = cs.find_counterexample(inv, violating)
                    writers.add(found)
                    pending.append((len(results), found, time.perf_counter() - t1))
                    results.append(None)
            except Unknown as u:
                results.append(result(inv, Verdict.UNKNOWN, reason=u.reason, seconds=time.perf_counter() - t1))
        written = writers.finish()
    finally:  # interrupted, or a bug: no forked process is left behind
        writers.stop()
    for (place, found, spent), ((cex, satisfied), writing) in zip(pending, written):
        inv = found.inv
        t3 = time.perf_counter()
        try:
            would: list[list[str]] = []
            complete = True
            if guarantee_sets and cs.others:
                would, complete = cs.guarantee_sets(inv.name, cs.others, cs.assumed, MAX_WOULD_HOLD_SIZE,
                                                    require_consistent=True, refuted_by=[satisfied])
            results[place] = result(inv, Verdict.VIOLATED, counterexample=cex, would_hold_with=would,
                                    would_hold_complete=complete, would_hold_tried=len(cs.others),
                                    seconds=spent + writing + time.perf_counter() - t3)
        except Unknown as u:
            results[place] = result(inv, Verdict.UNKNOWN, reason=u.reason,
                                    seconds=spent + writing + time.perf_counter() - t3)
    assert all(r is not None for r in results)
    return results  # type: ignore[return-value]


class _WriteUps:
    """check_one's counterexample write-ups, in the order they are added: up to `forks` at a
    time in forked processes (started as soon as their violation is found, so they run while
    the solver goes on), the others in this process when finish() is called; a forked one
    that fails or cannot be made is written here instead."""

    def __init__(self, program: Program, setup: CheckSetup, space: Space, forks: int):
        self.program, self.setup, self.space, self.forks = program, setup, space, forks
        self.found: list[Violation] = []
        self.writers: list[forked.Forked | None] = []
        self.running: list[forked.Forked] = []  # started, not collected yet

    def add(self, found: Violation) -> None:
        writer = None
        if len(self.running) < self.forks:
            writer = forked.start(lambda: write_up(self.program, self.setup, self.space, found))
            if writer is not None:
                self.running.append(writer)
        self.found.append(found)
        self.writers.append(writer)

    def finish(self) -> list[tuple[tuple[Counterexample, frozenset[str]], float]]:
        """Every write-up (see write_up) with the seconds this process spent on it: its own
        first, while the forked ones run, then the forked ones as they come back."""
        out: dict[int, tuple[tuple[Counterexample, frozenset[str]], float]] = {}
        for i in sorted(range(len(self.found)), key=lambda i: self.writers[i] is not None):
            t = time.perf_counter()
            ok, value = False, None
            writer = self.writers[i]
            if writer is not None:
                self.running.remove(writer)
                ok, value = forked.collect(writer)
            if not ok:
                value = write_up(self.program, self.setup, self.space, self.found[i])
            out[i] = (value, time.perf_counter() - t)
        return [out[i] for i in range(len(self.found))]

    def stop(self) -> None:
        for writer in self.running:
            forked.abandon(writer)
        self.running = []


def sharing_key(setup: CheckSetup) -> Any:
    """Checks with equal keys differ at most in which of the same guarantees they assume:
    the same design, KVM, host, future leaf, invariants and guarantees, and the same module
    or two symbolic modules without data (a "promising" release is the symbolic one with
    assumptions). Their models and encodings are the same (CheckSetup.guarantees), so the
    encoding is made once (CheckSolver.sibling); CheckSolver.shareable has the last word."""
    mod = setup.module
    dataless = mod.symbolic and not (mod.classes or mod.verified1 or mod.verified0 or mod.gates
                                     or mod.reports is not None or mod.fixed_words)
    return (("symbolic, no data",) if dataless else ("module", id(mod.decl)), id(setup.design), id(setup.kvm),
            id(setup.host), setup.future, tuple(id(g.decl) for g in setup.guarantees()),
            tuple(id(i.decl) for i in setup.invariants))


def _groups(setups: list[CheckSetup]) -> list[list[int]]:
    """The checks (their setups, by index) by sharing_key, each group in declaration
    order, groups by their first."""
    groups: dict[Any, list[int]] = {}
    for index, setup in enumerate(setups):
        groups.setdefault(sharing_key(setup), []).append(index)
    return list(groups.values())


@cyclic_gc_paused()
def _check_group(program: Program, checks: list[tuple[str, ast.CheckDecl]], group: list[int], kw: dict[str, Any],
                 done: Callable[[], None] | None = None) -> list[tuple[int, list[CheckResult]]]:
    """One group's checks (see _groups), one after the other, sharing their encoding."""
    shared: dict[Any, CheckSolver] = {}
    out = []
    for index in group:
        file, decl = checks[index]
        out.append((index, check_one(program, file, decl, shared=shared, **kw)))
        if done is not None:
            done()
    return out


_FORKED: tuple[Program, list[tuple[str, ast.CheckDecl]], list[list[int]], dict[str, Any]] | None = None


def _group_in_worker(g: int) -> list[tuple[int, list[CheckResult]]]:
    assert _FORKED is not None
    program, checks, groups, kw = _FORKED
    return _check_group(program, checks, groups[g], kw)


def _calls(node: Any, function: str) -> bool:
    """Does the syntax tree under node call `function`?"""
    if isinstance(node, ast.FunctionCall) and node.function.name == function:
        return True
    if isinstance(node, (list, tuple)):
        return any(_calls(x, function) for x in node)
    if is_dataclass(node) and not isinstance(node, type):
        return any(_calls(getattr(node, f.name), function) for f in fields(node))
    return False


def _longest_first(setups: list[CheckSetup], groups: list[list[int]]) -> list[int]:
    """The order to hand groups of checks to workers: likely long ones first, so that no
    worker is left with a long one at the end. A check against a symbolic module has every
    bit's class free and takes several times longer than one against a release's data; a
    design or KVM that reads leaves() joins each leaf's registers into one component,
    which is slower to solve than single registers; and the questions asked grow with the
    invariants verified (a group of two checks shares one encoding but asks every question
    twice)."""
    def cost(group: list[int]) -> tuple[bool, int, bool]:
        first = setups[group[0]]
        return (not first.module.symbolic, -sum(len(setups[index].invariants) for index in group),
                not _calls([first.design, first.kvm], "leaves"))
    return sorted(range(len(groups)), key=lambda g: cost(groups[g]))


def check_program(program: Program, only: Iterable[str] | None = None, jobs: int = 1,
                  progress: Callable[[int, int], None] | None = None, **kw: Any) -> list[CheckResult]:
    """Every check of the program (or those named in `only`), in declaration order. With
    jobs > 1 the checks run in forked worker processes (results do not depend on the
    number of workers). Checks that share an encoding (sharing_key) run one after the
    other in one process, the later ones on the earlier one's solvers (CheckSolver.sibling):
    a check named in `only` runs with the checks before it in its group, whose results are
    left out, so that it gives the results it gives in a run of every check.
    progress(done, total) is called as checks finish, and every PROGRESS_TICK seconds while
    workers run."""
    wanted = set(only) if only else None
    checks = list(program.checks())
    setups = [resolve_check(program, file, decl) for file, decl in checks]
    groups = _groups(setups)
    if wanted is not None:  # each group up to its last wanted check
        named = [[i for i, index in enumerate(group) if checks[index][1].name.name in wanted] for group in groups]
        groups = [group[:picked[-1] + 1] for group, picked in zip(groups, named) if picked]
    total = sum(len(group) for group in groups)
    parts: dict[int, list[CheckResult]] = {}
    done = [0]

    def tell() -> None:
        if progress is not None:
            progress(len(parts), total)

    def one_done() -> None:
        done[0] += 1
        if progress is not None:
            progress(done[0], total)

    def in_order() -> list[CheckResult]:
        return [r for index in sorted(parts) if wanted is None or checks[index][1].name.name in wanted
                for r in parts[index]]
    if jobs > 1 and len(groups) > 1:
        import multiprocessing

        try:
            ctx = multiprocessing.get_context("fork")
        except ValueError:
            ctx = None
        if ctx is not None:
            global _FORKED
            _FORKED = (program, checks, groups, kw)
            try:
                finished_groups = 0
                with ctx.Pool(min(jobs, len(groups))) as pool:
                    finished = pool.imap_unordered(_group_in_worker, _longest_first(setups, groups),
                                                   chunksize=1)
                    while finished_groups < len(groups):
                        try:
                            parts.update(finished.next(timeout=PROGRESS_TICK))
                            finished_groups += 1
                        except multiprocessing.TimeoutError:
                            pass
                        tell()
            finally:
                _FORKED = None
            return in_order()
    for group in groups:
        parts.update(_check_group(program, checks, group, dict(kw, jobs=jobs), one_done))
    return in_order()
