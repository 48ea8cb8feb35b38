"""The solver-free model: CPUID space, parties, designs and their semantics.

Stage 4 of the pipeline (semantics -> model -> encode -> solve). Never imports
z3. The semantics of a check is written once, here, against a small
bit-vector ``Algebra``; ``ConcreteAlgebra`` (below) evaluates it on Python
integers for one concrete situation (the brute-force cross-check and the
replay of every counterexample use it), and ``checker.encode.Z3Algebra``
turns the very same code into QF_BV formulas. So the evaluator and the
encoder cannot drift apart.

What a check means (docs/semantics.md has the long form):

* The *situation* is everything the check leaves open: the module's class of
  every bit (unless the module is concrete), the host's native values, what
  KVM knows, what userspace requests (CPUID, XFAM, ATTRIBUTES), the runtime
  value of dynamic bits, what a symbolic module reports as configurable, and
  the number of the unknown future leaf. Each is a named variable.
* The design's protocol runs once, in order. Every ``requires``, every
  userspace ``assume`` and the module's own acceptance of TDH.MNG.INIT adds to
  ``ok``: the run completed. Invariants are judged on completed runs.
* TDH.MNG.INIT (the module): a TD bit is fixed1 -> 1, fixed0 -> 0, native ->
  the host's value, configurable -> what KVM passed, configurable_if_native ->
  passed AND native, dynamic -> its runtime value; a ``when XFAM[..]`` gate
  clears it unless every listed XFAM (ATTRIBUTES) bit is set. The module
  refuses (the ioctl fails) a configuration bit outside configurable |
  configurable_if_native, or XFAM/ATTRIBUTES against its fixed bits. Faulting
  or unlisted leaves are not virtualized: the module holds nothing for them
  and the guest's CPUID there is answered from KVM's copy (kvm.cpuid).
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field
from typing import Any, Generic, Iterable, Protocol, Sequence, TypeVar

from checker import ast
from checker.bits import FUTURE_LEAF, REGISTERS, BitSet, Reg, range_mask
from checker.semantics import MODULE_CLASSES, NotConstant, Program, walk_children

BV = TypeVar("BV")
B = TypeVar("B")


# ------------------------------------------------------------------ the algebra

class Algebra(Protocol[BV, B]):
    """The operations the semantics needs; implemented on ints and on Z3 terms."""

    def const(self, value: int, width: int) -> BV: ...
    def var(self, name: str, width: int) -> BV: ...
    def bor(self, a: BV, b: BV) -> BV: ...
    def band(self, a: BV, b: BV) -> BV: ...
    def bxor(self, a: BV, b: BV) -> BV: ...
    def ite(self, c: B, a: BV, b: BV) -> BV: ...
    def eq(self, a: BV, b: BV) -> B: ...
    def is_zero(self, a: BV) -> B: ...
    def bit(self, a: BV, i: int) -> B: ...
    def in_range(self, a: BV, lo: int, hi: int) -> B: ...
    def and_(self, bs: Sequence[B]) -> B: ...
    def or_(self, bs: Sequence[B]) -> B: ...
    def not_(self, b: B) -> B: ...
    def true(self) -> B: ...
    def false(self) -> B: ...


class ConcreteAlgebra:
    """Evaluates the semantics for one situation: every variable has a value."""

    def __init__(self, assignment: dict[str, int]):
        self.assignment = assignment

    def const(self, value: int, width: int) -> int:
        return value & ((1 << width) - 1)

    def var(self, name: str, width: int) -> int:
        return self.assignment.get(name, 0) & ((1 << width) - 1)

    def bor(self, a: int, b: int) -> int:
        return a | b

    def band(self, a: int, b: int) -> int:
        return a & b

    def bxor(self, a: int, b: int) -> int:
        return a ^ b

    def ite(self, c: bool, a: int, b: int) -> int:
        return a if c else b

    def eq(self, a: int, b: int) -> bool:
        return a == b

    def is_zero(self, a: int) -> bool:
        return a == 0

    def bit(self, a: int, i: int) -> bool:
        return bool(a >> i & 1)

    def in_range(self, a: int, lo: int, hi: int) -> bool:
        return lo <= a <= hi

    def and_(self, bs: Sequence[bool]) -> bool:
        return all(bs)

    def or_(self, bs: Sequence[bool]) -> bool:
        return any(bs)

    def not_(self, b: bool) -> bool:
        return not b

    def true(self) -> bool:
        return True

    def false(self) -> bool:
        return False


# ------------------------------------------------------------------ the check, resolved

CLASS_CODES = {name: i for i, name in enumerate(MODULE_CLASSES)}  # code 7 reads as fixed0
# what a module's `reports` statement may name (everything but reported_configurable itself)
REPORTABLE_ATTRS = MODULE_CLASSES + ("xfam_dependent", "attributes_dependent", "accepted_configurable", "virtualized")
CODE_BITS = 3  # Model.module_values builds the class selectors for exactly three


class ModelError(Exception):
    """A check that cannot be modelled (reported as a diagnostic by the CLI)."""

    def __init__(self, message: str, span: Any = None):
        super().__init__(message)
        self.span = span


@dataclass(frozen=True)
class Gate:
    word: str  # XFAM or ATTRIBUTES
    bits: tuple[int, ...]


@dataclass
class ConcreteModule:
    """A module release's per-bit data, evaluated from its class statements."""

    name: str
    symbolic: bool
    classes: dict[Reg, dict[str, int]]  # reg -> class -> mask (pinned bits only, for symbolic)
    verified1: dict[Reg, int]
    verified0: dict[Reg, int]
    gates: dict[Reg, list[tuple[int, Gate]]]  # reg -> [(mask, gate)]
    reports: ast.Expr | None
    fixed_words: dict[str, ast.Expr]  # "xfam_fixed0" -> expr
    assumes: tuple[str, ...]
    decl: ast.ModuleDecl
    file: str
    sources: dict[Reg, list[tuple[int, str]]] = field(default_factory=dict)  # reg -> [(mask, source)]

    def pinned(self, reg: Reg) -> int:
        return sum_masks(self.classes.get(reg, {}).values())

    def source_of(self, reg: Reg, bit: int) -> str | None:
        """The source of the last class statement that names the bit, if it gives one."""
        for mask, name in reversed(self.sources.get(reg, ())):
            if mask >> bit & 1:
                return name
        return None



def sum_masks(masks: Iterable[int]) -> int:
    out = 0
    for m in masks:
        out |= m
    return out


def load_module(program: Program, file: str, decl: ast.ModuleDecl) -> ConcreteModule:
    """A module release's data, read once per program (every check against it, and every
    counterexample's replay of an expression that names it, reads the same; nothing changes
    a ConcreteModule once made)."""
    loaded: dict[int, tuple[ast.ModuleDecl, ConcreteModule]] = program.derived("loaded_modules", dict)
    got = loaded.get(id(decl))
    if got is None or got[0] is not decl:
        got = loaded[id(decl)] = (decl, _read_module(program, file, decl))
    return got[1]


def _read_module(program: Program, file: str, decl: ast.ModuleDecl) -> ConcreteModule:
    classes: dict[Reg, dict[str, int]] = {}
    v1: dict[Reg, int] = {}
    v0: dict[Reg, int] = {}
    gates: dict[Reg, list[tuple[int, Gate]]] = {}
    sources: dict[Reg, list[tuple[int, str]]] = {}
    reports = None
    words: dict[str, ast.Expr] = {}
    assumes: list[str] = []
    for s in decl.statements:
        if isinstance(s, ast.ClassStmt):
            known = program.class_bits.get(id(s))
            bits = known[1] if known is not None and known[0] is s else program.const_bits(s.bits, file)
            for reg, mask in bits.items():
                cl = classes.setdefault(reg, {})
                cl[s.class_name.name] = cl.get(s.class_name.name, 0) | mask
                if s.verified == 1:
                    v1[reg] = v1.get(reg, 0) | mask
                elif s.verified == 0:
                    v0[reg] = v0.get(reg, 0) | mask
                if s.gate is not None:
                    gates.setdefault(reg, []).append((mask, Gate(s.gate.word, s.gate.bits)))
                if s.source is not None:
                    sources.setdefault(reg, []).append((mask, s.source.name))
        elif isinstance(s, ast.ReportsStmt):
            reports = s.expr
        elif isinstance(s, ast.ModuleFixedStmt):
            words[s.key] = s.expr
        elif isinstance(s, ast.AssumeStmt):
            assumes.extend(n.name for n in s.names)
    return ConcreteModule(decl.name.name, decl.symbolic, classes, v1, v0, gates, reports, words, tuple(assumes),
                          decl, file, sources)


@dataclass
class Invariant:
    name: str
    expr: ast.Expr
    expect: str | None
    span: Any
    decl: ast.InvariantDecl


@dataclass
class Guarantee:
    name: str
    expr: ast.Expr
    decl: ast.GuaranteeDecl


@dataclass
class CheckSetup:
    """A check with every name resolved: what the model and the solver work on."""

    name: str
    file: str
    decl: ast.CheckDecl
    design: ast.DesignDecl
    module: ConcreteModule
    kvm: ast.KvmDecl | None
    host: ast.HostDecl | None
    future: bool
    assumed: list[Guarantee]
    others: list[Guarantee]
    invariants: list[Invariant]

    def guarantees(self) -> list[Guarantee]:
        """Every guarantee of the check, assumed or not, by name: the order they are
        encoded in does not depend on which are assumed, so two checks that differ only
        in that get the same encoding (checker.solve shares it between them)."""
        return sorted(self.assumed + self.others, key=lambda g: g.name)


def resolve_check(program: Program, file: str, decl: ast.CheckDecl) -> CheckSetup:
    parts: dict[str, Any] = {}
    assumed_names: list[str] = []
    invariants: list[Invariant] = []
    future: bool | None = None
    for s in decl.statements:
        if isinstance(s, ast.CheckPart):
            parts[s.kind] = program.lookup(file, s.name.name)
        elif isinstance(s, ast.CheckFuture):
            future = s.enabled
        elif isinstance(s, ast.AssumeStmt):
            assumed_names.extend(n.name for n in s.names)
        elif isinstance(s, ast.VerifyStmt):
            inv = program.lookup(file, s.invariant.name)
            assert isinstance(inv, ast.InvariantDecl)
            invariants.append(Invariant(s.invariant.name, inv.expr, s.expect.name if s.expect else None, s.span, inv))
    design, module_decl = parts["design"], parts["module"]
    module = load_module(program, program.file_of(module_decl), module_decl)
    for n in module.assumes:
        if n not in assumed_names:
            assumed_names.append(n)
    assumed = []
    for n in assumed_names:
        g = program.lookup(file, n)
        if not isinstance(g, ast.GuaranteeDecl):
            g = program.lookup(module.file, n)
        assert isinstance(g, ast.GuaranteeDecl)
        assumed.append(Guarantee(n, g.expr, g))
    others = [Guarantee(n, d.expr, d) for n, d in sorted(program.scopes.get(file, {}).items())
              if isinstance(d, ast.GuaranteeDecl) and n not in assumed_names]
    if future is None:
        future = module.symbolic  # a concrete release has no leaf it does not list
    return CheckSetup(decl.name.name, file, decl, design, module, parts.get("kvm"), parts.get("host"), future,
                      assumed, others, invariants)


# ------------------------------------------------------------------ the CPUID space

@dataclass
class Space:
    """The registers a check reasons about, grouped by leaf, plus the future leaf."""

    registers: list[Reg]
    width: int = 32
    wide_width: int = 64
    # the leaf numbers the future leaf is not: those of `registers` unless given (a space
    # that leaves out alike leaves, see alike_leaves, keeps those of the whole space)
    leaf_numbers: list[int] | None = None

    def __post_init__(self) -> None:
        self.all_ones = (1 << self.width) - 1
        self.register_set = frozenset(self.registers)
        self.by_leaf: dict[tuple[int, int], list[Reg]] = {}
        for r in self.registers:
            self.by_leaf.setdefault(r.leaf_key, []).append(r)
        self.known_leaf_numbers = self.leaf_numbers if self.leaf_numbers is not None else \
            sorted({r.leaf for r in self.registers if not r.is_future})
        # made once for every concrete model on this space: see plain_masks, plain_books, leaf_ranges
        self._plain_masks: dict[int, tuple[ConcreteModule, dict[str, SetValue], dict[str, SetValue]]] = {}
        self._plain_books: dict[str, tuple[list[Reg], Any, "PlainBooks"]] = {}
        self._leaf_ranges: dict[tuple[tuple[int, int], ...], LeafRanges] = {}

    def plain_masks(self, mod: "ConcreteModule") -> tuple[dict[str, SetValue], dict[str, SetValue]]:
        """A release's class masks and gates on plain integers (_plain_release_masks), made once
        for every concrete model on this space: they do not depend on the situation."""
        got = self._plain_masks.get(id(mod))
        if got is None or got[0] is not mod:
            got = self._plain_masks[id(mod)] = (mod, *_plain_release_masks(mod, self.registers, self.all_ones))
        return got[1], got[2]

    def plain_books(self, role: str, regs: list[Reg], forced: dict[Reg, int] | None) -> "PlainBooks":
        """The bookkeeping of a role's variables over `regs` on plain integers, made once for
        every concrete model on this space (the probe for alike leaves and each counterexample's
        replay make the same variables)."""
        got = self._plain_books.get(role)
        if got is not None and got[0] == regs and got[1] == forced:
            return got[2]
        books = PlainBooks(role, regs, forced, self.all_ones, self.width)
        self._plain_books[role] = (regs, forced, books)
        return books

    def leaf_ranges(self, ranges: tuple[tuple[int, int], ...]) -> "LeafRanges":
        """A leaf restriction's ranges merged for lookups, made once for every model on this
        space (a generated spec restricts to a hundred ranges)."""
        got = self._leaf_ranges.get(ranges)
        if got is None:
            got = self._leaf_ranges[ranges] = LeafRanges(ranges)
        return got

    @property
    def has_future(self) -> bool:
        return any(r.is_future for r in self.registers)


class LeafRanges:
    """Leaf number ranges (inclusive), merged and sorted: `leaf in ranges` by bisection."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for lo, hi in sorted(r for r in ranges if r[0] <= r[1]):
            if merged and lo <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        self.starts = [lo for lo, _ in merged]
        self.ends = [hi for _, hi in merged]

    def __contains__(self, leaf: int) -> bool:
        i = bisect.bisect_right(self.starts, leaf) - 1
        return i >= 0 and leaf <= self.ends[i]


class PlainBooks:
    """Model._plain_free's bookkeeping of one role: what Model._free records per register
    (name, width, care mask, leaf, register, role), as dicts to merge at once."""

    def __init__(self, role: str, regs: list[Reg], forced: dict[Reg, int] | None, ones: int, width: int):
        self.names = [var_name(role, r) for r in regs]
        self.variables = dict.fromkeys(self.names, width)
        self.care = dict.fromkeys(self.names, ones) if forced is None else \
            dict(zip(self.names, [~forced.get(r, 0) & ones for r in regs]))
        self.var_leaf = dict(zip(self.names, [r.leaf_key for r in regs]))
        self.var_of = dict(zip([(role, r) for r in regs], self.names))
        self.var_reg = dict(zip(self.names, regs))
        self.var_role = dict.fromkeys(self.names, role)


def _pinned_classes(mod: "ConcreteModule", r: Reg) -> dict[str, int]:
    """The classes a release gives register r's bits, as properties see them: a native bit
    the module verifies is fixed on every host it accepts (DESIGN section 2), so verified 1
    counts as fixed1 and verified 0 as fixed0 (the TD's value is the same either way).
    The release's own dict when nothing changes: callers do not modify it."""
    pinned = mod.classes.get(r)
    if not pinned:
        return {}
    native = pinned.get("native", 0)
    v1 = native & mod.verified1.get(r, 0)
    v0 = native & mod.verified0.get(r, 0)
    if not (v1 or v0):
        return pinned
    out = dict(pinned)
    out["native"] = native & ~(v1 | v0)
    out["fixed1"] = out.get("fixed1", 0) | v1
    out["fixed0"] = out.get("fixed0", 0) | v0
    return out


def _gate_sets(mod: "ConcreteModule", registers: list[Reg], ones: int) -> dict[str, SetValue]:
    """Per register, its bits that read 0 unless XFAM bits are set (xfam_dependent) and unless
    ATTRIBUTES bits are (attributes_dependent), on plain integers."""
    gated: dict[str, SetValue] = {"xfam_dependent": {}, "attributes_dependent": {}}
    for r in registers:
        xfam = attributes = 0
        for m, g in mod.gates.get(r, ()):
            if g.word == "XFAM":
                xfam |= m
            elif g.word == "ATTRIBUTES":
                attributes |= m
        gated["xfam_dependent"][r] = xfam & ones
        gated["attributes_dependent"][r] = attributes & ones
    return gated


def _plain_release_masks(mod: "ConcreteModule", registers: list[Reg], ones: int
                         ) -> tuple[dict[str, SetValue], dict[str, SetValue]]:
    """A concrete release's class masks and gates per register, on plain integers (a
    register the release does not list is all faulting). Model.module_values reads them
    for every concrete release (on Z3 terms, as constants)."""
    masks: dict[str, SetValue] = {c: {} for c in MODULE_CLASSES}
    unlisted = {c: 0 for c in MODULE_CLASSES}
    unlisted["faulting"] = ones
    for r in registers:
        pinned = _pinned_classes(mod, r)
        if not pinned:
            for c in MODULE_CLASSES:
                masks[c][r] = unlisted[c]
        else:
            for c in MODULE_CLASSES:
                masks[c][r] = pinned.get(c, 0) & ones
            # bits a concrete release does not list are not virtualized (#VE)
            masks["faulting"][r] = (pinned.get("faulting", 0) | ~sum_masks(pinned.values())) & ones
    return masks, _gate_sets(mod, registers, ones)


def build_space(program: Program, setup: CheckSetup, width: int = 32, wide_width: int = 64,
                registers: tuple[str, ...] = REGISTERS) -> Space:
    """Every register any declaration mentions, all four registers of each leaf.

    `width`, `wide_width` and `registers` shrink the space for the brute-force
    cross-check in the tests; real checks use the defaults."""
    leaves = set(_named_leaves(program))
    for reg in setup.module.classes:
        leaves.add(reg.leaf_key)
    leaves.discard((FUTURE_LEAF, 0))
    regs = [Reg(lf, sl, r) for (lf, sl) in sorted(leaves) for r in registers]
    if setup.future:
        regs += [Reg(FUTURE_LEAF, 0, r) for r in registers]
    return Space(regs, width, wide_width)


def _named_leaves(program: Program) -> frozenset[tuple[int, int]]:
    """The declared leaves and every leaf a position in any spec file names (once per program)."""
    return program.derived("named_leaves", lambda: _leaves_positions_name(program))  # type: ignore[no-any-return]


def _leaves_positions_name(program: Program) -> frozenset[tuple[int, int]]:
    leaves: set[tuple[int, int]] = set(program.leaves)

    def visit(e: object, file: str) -> None:
        stack = [e]
        while stack:
            x = stack.pop()
            if isinstance(x, ast.RegisterPosition):  # what const_bits gives it, without making it
                leaves.add((x.leaf, x.subleaf or 0))
            elif isinstance(x, ast.LeafPosition):
                try:
                    for reg in program.const_bits(x, file):
                        leaves.add(reg.leaf_key)
                except NotConstant:
                    pass
            stack.extend(walk_children(x))
            if isinstance(x, ast.FunctionCall) and x.function.name == "mask":
                pos = x.args[0]
                if isinstance(pos, ast.RegisterPosition):
                    leaves.add((pos.leaf, pos.subleaf or 0))

    for path, spec in program.files.items():
        for d in spec.declarations:
            if isinstance(d, (ast.FeatureDecl, ast.FieldDecl)) and isinstance(d.position, ast.RegisterPosition):
                leaves.add((d.position.leaf, d.position.subleaf or 0))  # most of a catalog: no walk needed
                continue
            if isinstance(d, ast.ModuleDecl):  # a release's class table: positions only in the bits
                for st in d.statements:
                    if isinstance(st, ast.ClassStmt):
                        visit(st.bits, path)
                    else:
                        for e in _decl_exprs(st):
                            visit(e, path)
                continue
            for e in _decl_exprs(d):
                visit(e, path)
    return frozenset(leaves)


@dataclass
class AlikeLeaves:
    """A space with copies of alike leaves left out (see alike_leaves)."""

    space: Space  # what the check is encoded on
    # the second kept copy of a kind -> the leaves it stands for (it counts for them and itself)
    left_out: dict[tuple[int, int], list[tuple[int, int]]]


def alike_leaves(program: Program, setup: CheckSetup, space: Space) -> AlikeLeaves | None:
    """The space a check needs to be encoded on: of leaves that are alike, two copies.

    Two leaves whose registers have equal signatures (Model.register_signature: the
    module's data, every constant bit set and leaf range the check uses, the variables,
    the future leaf) get the same constraints up to renaming. When no constraint spans
    two leaves except through shared words (XFAM, ATTRIBUTES, the future leaf's number;
    the solver checks this on the encoding and falls back to the whole space), one copy
    decides every satisfiability question, and a second copy, counting for all the others,
    lets a minimal counterexample have one copy deviate while the rest stay quiet
    (checker.solve does the counting and writes the left-out copies out).

    The signatures come from the model built on plain integers with every property
    evaluated, which records every constant the encoding would use, at a fraction of
    the cost of building it on Z3 terms. None when no leaf would be left out."""
    probe = build_model(program, setup, ConcreteAlgebra({}), space=space)
    for g in setup.guarantees():
        probe.property_value(g.expr, program.file_of(g.decl))
    for inv in setup.invariants:
        probe.property_value(inv.expr, program.file_of(inv.decl))
    kinds: dict[Any, list[tuple[int, int]]] = {}
    signatures = probe.register_signatures()
    for key, regs in space.by_leaf.items():
        signature = tuple((r.register, signatures[r]) for r in regs)
        kinds.setdefault(signature, []).append(key)
    left_out = {keys[1]: keys[2:] for keys in kinds.values() if len(keys) >= 3}
    if not left_out:
        return None
    dropped = {key for keys in left_out.values() for key in keys}
    kept = [r for r in space.registers if r.leaf_key not in dropped]
    return AlikeLeaves(Space(kept, space.width, space.wide_width, space.known_leaf_numbers), left_out)


def mentioned_leaves(program: Program, expr: ast.Expr, file: str) -> set[tuple[int, int]]:
    """The leaves an expression names, even where it gives them no 1-bit
    (`mask(0x1.EAX, 0)` names leaf 1: a host dump says that register reads 0)."""
    out: set[tuple[int, int]] = set()
    stack: list[tuple[object, str]] = [(expr, file)]
    seen: set[int] = set()
    while stack:
        e, f = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, ast.RegisterPosition):
            out.add((e.leaf, e.subleaf or 0))
        elif isinstance(e, ast.LeafPosition):
            out |= {r.leaf_key for r in program.leaf_registers(e.leaf, e.subleaf)}
        elif isinstance(e, ast.Name) and len(e.parts) == 1:
            decl = program.lookup(f, e.parts[0].name)
            if isinstance(decl, (ast.FeatureDecl, ast.FieldDecl)):
                stack.append((decl.position, program.file_of(decl)))
            elif isinstance(decl, ast.SetDecl):
                stack.append((decl.expr, program.file_of(decl)))
        stack.extend((c, f) for c in walk_children(e))
    return out


def _decl_exprs(d: object) -> list[object]:
    out: list[object] = []
    stack = [d]
    while stack:
        x = stack.pop()
        if isinstance(x, (list, tuple)):
            stack.extend(x)
        elif hasattr(x, "__dataclass_fields__") and not isinstance(x, ast.Ident):
            if isinstance(x, (ast.RegisterPosition, ast.LeafPosition, ast.FunctionCall)):
                out.append(x)
                continue
            stack.extend(getattr(x, f) for f in x.__dataclass_fields__ if f != "span")
    return out


# ------------------------------------------------------------------ values during evaluation

SetValue = dict  # Reg -> BV (a missing register is 0)
BITSET_OPS = {"|": operator.or_, "&": operator.and_, "-": operator.sub, "^": operator.xor}  # on constant sets


@dataclass
class Value:
    """An evaluated expression: a CPUID set, a 64-bit word set, or a condition."""

    kind: str  # "cpuid", "wide", "bool"
    cpuid: SetValue | None = None
    wide: Any = None
    cond: Any = None
    const: BitSet | None = None  # a CPUID set the spec fixes: its bits (see Model._record)


@dataclass
class Step:
    """What one protocol step did, kept for counterexample reports."""

    label: str
    span: Any
    returned: Value | None = None
    sets: dict[str, Value] = field(default_factory=dict)
    requires: list[tuple[str, Any, Any]] = field(default_factory=list)  # (text, span, cond)


@dataclass
class Run:
    ok: list[tuple[str, Any, Any]]  # (what, span, cond)
    steps: list[Step]
    td_config: SetValue
    td_xfam: Any
    td_attributes: Any
    td_held: SetValue  # what the module holds for the TD (faulting leaves: nothing)
    td_guest: SetValue  # what the guest sees (faulting leaves: KVM's answer)
    kvm_cpuid: SetValue
    view: SetValue


def _plain_fold(sets: list[SetValue], op: str, ones: int) -> SetValue:
    """Model._fold on plain integers (values within `ones`; a missing register is 0):
    the same registers and values as the per-register algebra calls give."""
    acc = dict(sets[0])
    for s in sets[1:]:
        if op == "|" or op == "^":
            combine = operator.or_ if op == "|" else operator.xor
            for r, b in s.items():
                a = acc.get(r)
                acc[r] = b if a is None else combine(a, b)
        elif op == "&":
            acc = {r: a & s[r] for r, a in acc.items() if r in s}
        else:  # "-": only the left operand's registers
            acc = {r: a & (ones ^ s[r]) if r in s else a for r, a in acc.items()}
    return acc


def _plain_compare(op: str, sa: SetValue, sb: SetValue) -> bool:
    """Model._compare of two CPUID sets on plain integers."""
    def within(small: SetValue, big: SetValue) -> bool:  # a loop: all() over a generator resumes it per register
        get = big.get
        for r, a in small.items():
            if a & ~get(r, 0):
                return False
        return True

    def sub() -> bool:
        return within(sa, sb)

    def sup() -> bool:
        return within(sb, sa)

    if op == "==":
        return sub() and sup()
    if op == "!=":
        return not (sub() and sup())
    if op == "<=":
        return sub()
    if op == ">=":
        return sup()
    if op == "<":
        return sub() and not sup()
    return sup() and not sub()


def var_name(role: str, reg: Reg) -> str:
    """A per-register variable's name: role:register, e.g. request:0x7.0.EBX."""
    return f"{role}:{reg.notation()}"


class Model(Generic[BV, B]):
    """The semantics of one check, for one algebra."""

    def __init__(self, program: Program, setup: CheckSetup, space: Space, alg: Algebra[BV, B]):
        self.program = program
        self.setup = setup
        self.space = space
        self.alg = alg
        self.W = space.width
        self.WW = space.wide_width
        # made once: a constant is an immutable value in every algebra, and these two are everywhere
        self._zero, self._ones = alg.const(0, self.W), alg.const(space.all_ones, self.W)
        self._bxor = alg.bxor  # complement() is called millions of times in a large check
        # on plain integers, set operations and comparisons over a large space take a
        # shortcut: Python's own operators on whole dicts, no algebra call per register
        self._plain = type(alg) is ConcreteAlgebra
        self.structural: list[tuple[str, B]] = []
        self.variables: dict[str, int] = {}
        # the leaf each per-register variable belongs to; the others (XFAM, ATTRIBUTES,
        # the future leaf's number, module words) are shared by every leaf
        self.var_leaf: dict[str, tuple[int, int]] = {}
        self.var_of: dict[tuple[str, Reg], str] = {}  # (role, register) -> variable name
        self.var_reg: dict[str, Reg] = {}
        self.var_role: dict[str, str] = {}  # per-register variable -> its role (request, native, ...)
        self.care: dict[str, int] = {}
        # every constant bit set and leaf range the check uses: two leaves that agree
        # on all of them (and on the module's data) behave the same up to renaming.
        # Constants are counted by use (id -> [bits, uses]): a constant used only inside a
        # larger constant ({A, B}, SET_k0 | SET_k1) is not a use of its own, so copies of a
        # leaf that a union names are not told apart by which part of the union names them.
        self._constant_uses: dict[int, list[Any]] = {}
        self.leaf_ranges: list[tuple[tuple[int, int], ...]] = []
        self.deviation: dict[Reg, list[BV]] = {}  # per register: values whose 1-bits are "not quiet"
        self.wide_deviation: list[Any] = []
        self._module_cache: dict[str, dict[str, Any]] = {}
        # the modules an expression names (`tdx_1_5_01.fixed1`; the check's own by name too): such
        # a name reads differently in a check of that module (checker.solve.CheckSolver.shareable)
        self.modules_named: set[str] = set()
        self._eval_cache: dict[tuple[int, str], Value] = {}
        self._current_file = program.file_of(setup.design)
        self.host_native = self._host()
        self.kvm_known = self._kvm()
        self.module = self.module_values(setup.module, prefix="")
        self.request: SetValue = {}
        self.dynamic_value: SetValue = {}
        if self._plain:
            self.request = self._plain_listed("request")
            self.dynamic_value = dict(zip(space.registers, self._plain_free("dynamic", space.registers)))
        else:
            for r in space.registers:
                self.request[r] = self.zero() if r.is_future else self._free("request", r)
                self.dynamic_value[r] = self._free("dynamic", r)
        self.user_xfam = self._wide_var("userspace.xfam")
        self.user_attributes = self._wide_var("userspace.attributes")
        self.future_leaf = None
        if space.has_future:
            self.future_leaf = self._var("future_leaf", 32)
            self.structural.append(("the future leaf is a leaf no spec names", self.alg.and_(
                [self.alg.not_(self.alg.eq(self.future_leaf, self.alg.const(n, 32))) for n in space.known_leaf_numbers])))
        self.run = self._run_protocol()

    # -- variables
    def _var(self, name: str, width: int) -> BV:
        self.variables[name] = width
        return self.alg.var(name, width)

    def _free(self, role: str, reg: Reg, care: int | None = None) -> BV:
        """A per-register variable, named role:register; `care` marks the bits a situation
        may choose (the rest are forced, e.g. native bits the module verifies)."""
        name = var_name(role, reg)
        self.variables[name] = self.W
        v = self.alg.var(name, self.W)
        self.care[name] = self.space.all_ones if care is None else care & self.space.all_ones
        self.var_leaf[name] = reg.leaf_key
        self.var_of[(role, reg)] = name
        self.var_reg[name] = reg
        self.var_role[name] = role
        self.deviation.setdefault(reg, []).append(v)
        return v

    def _plain_free(self, role: str, regs: list[Reg], forced: dict[Reg, int] | None = None) -> list[int]:
        """_free for many registers at once on plain integers, with the same bookkeeping;
        `forced` gives per register the bits that are not the situation's to choose."""
        ones = self.space.all_ones
        books = self.space.plain_books(role, regs, forced)
        get = self.alg.assignment.get  # type: ignore[attr-defined]
        values = [get(name, 0) & ones for name in books.names]
        self.variables.update(books.variables)
        self.care.update(books.care)
        self.var_leaf.update(books.var_leaf)
        self.var_of.update(books.var_of)
        self.var_reg.update(books.var_reg)
        self.var_role.update(books.var_role)
        deviation = self.deviation
        for r, v in zip(regs, values):
            deviation.setdefault(r, []).append(v)
        return values

    def _plain_listed(self, role: str) -> SetValue:
        """Per register, its `role` variable on plain integers; 0 in the future leaf, which
        has none (what userspace requests and KVM knows are of listed leaves)."""
        listed = [r for r in self.space.registers if not r.is_future]
        out = dict.fromkeys(self.space.registers, 0)
        out.update(zip(listed, self._plain_free(role, listed)))
        return out

    def _wide_var(self, name: str) -> Any:
        v = self._var(name, self.WW)
        self.wide_deviation.append(v)
        return v

    def zero(self) -> BV:
        return self._zero

    def ones(self) -> BV:
        return self._ones

    def complement(self, a: BV) -> BV:
        return self._bxor(a, self._ones)

    def wide_complement(self, a: Any) -> Any:
        return self.alg.bxor(a, self.alg.const((1 << self.WW) - 1, self.WW))

    def mask_const(self, m: int) -> BV:
        return self.alg.const(m & self.space.all_ones, self.W)

    # -- parties
    def module_values(self, mod: ConcreteModule, prefix: str) -> dict[str, Any]:
        """Class masks per register, the gates, and the module-level words."""
        alg = self.alg
        if not mod.symbolic:  # the plain masks are shared by every concrete model on this space
            masks, gated = self.space.plain_masks(mod)
            if not self._plain:  # on Z3 terms: the same masks as constants
                masks = self._as_constants(masks)
        elif self._plain:  # the same selectors on plain integers, every register at once
            masks = self._plain_symbolic_masks(mod, prefix)
            gated = _gate_sets(mod, self.space.registers, self.space.all_ones)
        else:
            masks = {c: {} for c in MODULE_CLASSES}
            gated = _gate_sets(mod, self.space.registers, self.space.all_ones)
            for r in self.space.registers:
                pinned = _pinned_classes(mod, r)
                pinned_mask = sum_masks(pinned.values()) & self.space.all_ones
                code = [self._free(f"{prefix}class{j}", r) for j in range(CODE_BITS)]
                # a class is one value of the three code bits: each code bit's two literals,
                # and their products over the first two bits, are made once per register
                literal = [(self.complement(x), x) for x in code]
                low = {(b0, b1): alg.band(literal[0][b0], literal[1][b1]) for b0 in (0, 1) for b1 in (0, 1)}
                unpinned = self.complement(self.mask_const(pinned_mask))
                for c, k in CLASS_CODES.items():
                    sel = alg.band(low[(k & 1, k >> 1 & 1)], literal[2][k >> 2 & 1])
                    if c == "fixed0":  # the unused code 7 reads as fixed0
                        sel = alg.bor(sel, alg.band(low[(1, 1)], code[2]))
                    pinned_c = self.mask_const(pinned.get(c, 0))
                    masks[c][r] = alg.bor(alg.band(sel, unpinned), pinned_c)
        if not self._plain:
            gated = self._as_constants(gated)
        reported: SetValue = {}
        if mod.reports is None and mod.symbolic and self._plain:
            reported = dict(zip(self.space.registers, self._plain_free(f"{prefix}reported", self.space.registers)))
        elif mod.reports is None:
            for r in self.space.registers:
                reported[r] = self._free(f"{prefix}reported", r) if mod.symbolic else \
                    alg.bor(masks["configurable"][r], alg.band(masks["configurable_if_native"][r], self._native_of(r)))
        words: dict[str, Any] = {}
        for key in ("xfam_fixed0", "xfam_fixed1", "attributes_fixed0", "attributes_fixed1"):
            if key in mod.fixed_words:
                words[key] = self.alg.const(self.program.const_wide(mod.fixed_words[key], mod.file), self.WW)
            else:
                words[key] = self._var(f"{prefix}module.{key}", self.WW)
                self.wide_deviation.append(words[key])
        values = {"masks": masks, "gated": gated, "reported": reported, "words": words, "module": mod}
        if mod.reports is not None:
            values["reported_expr"] = mod.reports
        return values

    def _as_constants(self, sets: dict[str, SetValue]) -> dict[str, SetValue]:
        """Per-register masks on plain integers as the algebra's constants."""
        return {k: {r: self.mask_const(m) for r, m in per_reg.items()} for k, per_reg in sets.items()}

    def _plain_symbolic_masks(self, mod: ConcreteModule, prefix: str) -> dict[str, SetValue]:
        """module_values' class masks of a symbolic module on plain integers: the
        class code bits of every register made at once (_plain_free), each class the bits
        whose code is its own (code 7 reads as fixed0), pinned bits as the module pins them.
        A concrete model is built per counterexample; the per-register algebra calls were
        most of building one for a symbolic module."""
        regs, ones = self.space.registers, self.space.all_ones
        codes = [self._plain_free(f"{prefix}class{j}", regs) for j in range(CODE_BITS)]
        masks: dict[str, SetValue] = {c: {} for c in MODULE_CLASSES}
        for r, c0, c1, c2 in zip(regs, *codes):
            pinned = _pinned_classes(mod, r)
            unpinned = ~sum_masks(pinned.values()) & ones
            for c, k in CLASS_CODES.items():
                sel = (c0 if k & 1 else ~c0) & (c1 if k >> 1 & 1 else ~c1) & (c2 if k >> 2 & 1 else ~c2)
                if c == "fixed0":
                    sel |= c0 & c1 & c2
                masks[c][r] = sel & unpinned | pinned.get(c, 0) & ones
        return masks

    def _native_of(self, r: Reg) -> BV:
        # host values are created lazily so a concrete module's "reports" can use them
        return self.host_native[r]

    def _host(self) -> SetValue:
        host = self.setup.host
        given: dict[Reg, int] = {}
        if host is not None:
            file = self.program.file_of(host)
            for st in host.cpuid:
                for reg, m in self.program.const_bits(st.expr, file).items():
                    given[reg] = given.get(reg, 0) | m
        named_leaves = set()
        if host is not None:
            for st in host.cpuid:
                named_leaves |= mentioned_leaves(self.program, st.expr, self.program.file_of(host))
        self.host_const = dict(given) if host is not None else {}
        out: SetValue = {}
        if self._plain:
            mod = self.setup.module
            free = [r for r in self.space.registers
                    if host is None or r.is_future or r.leaf_key not in named_leaves]
            forced = {r: mod.verified1.get(r, 0) | mod.verified0.get(r, 0) for r in free}
            chosen = dict(zip(free, self._plain_free("native", free, forced)))
            ones = self.space.all_ones
            return {r: chosen[r] if r in chosen else given.get(r, 0) & ones for r in self.space.registers}
        for r in self.space.registers:
            if host is not None and not r.is_future and r.leaf_key in named_leaves:
                out[r] = self.mask_const(given.get(r, 0))
            else:
                mod = self.setup.module
                forced = mod.verified1.get(r, 0) | mod.verified0.get(r, 0)
                out[r] = self._free("native", r, care=~forced)
        return out

    def _kvm(self) -> SetValue:
        kvm = self.setup.kvm
        out: SetValue = {}
        self.kvm_known_const: dict[Reg, int] = {}
        if kvm is None:
            if self._plain:
                return self._plain_listed("known")
            for r in self.space.registers:
                out[r] = self.zero() if r.is_future else self._free("known", r)
            return out
        file = self.program.file_of(kvm)
        known = BitSet()
        for st in kvm.knows:
            known = known | self.program.const_bits(st.expr, file)
        self.kvm_known_const = dict(known.items())
        if self._plain:
            get, ones = self.kvm_known_const.get, self.space.all_ones
            return {r: 0 if r.is_future else get(r, 0) & ones for r in self.space.registers}
        for r in self.space.registers:
            out[r] = self.zero() if r.is_future else self.mask_const(known.get_mask(r))
        return out

    def structural_constraints(self) -> list[tuple[str, B]]:
        """What every situation satisfies: the host passes the module's checks."""
        alg = self.alg
        out = list(self.structural)
        mod = self.setup.module
        for r in self.space.registers:
            v1 = self.mask_const(mod.verified1.get(r, 0))
            v0 = self.mask_const(mod.verified0.get(r, 0))
            if mod.verified1.get(r) or mod.verified0.get(r):
                nat = self.host_native[r]
                out.append((f"the host passes {mod.name}'s TDH.SYS.INIT check of {self.program.register_notation(r)}",
                            alg.and_([alg.eq(alg.band(nat, v1), v1), alg.is_zero(alg.band(nat, v0))])))
        return out

    # -- the TDX module's TDH.MNG.INIT
    def td_from_config(self, config: SetValue, xfam: Any, attributes: Any) -> tuple[SetValue, list[tuple[str, B]]]:
        alg = self.alg
        m = self.module["masks"]
        held: SetValue = {}
        accept: list[tuple[str, B]] = []
        bad_bits: list[B] = []
        mod = self.setup.module
        if self._plain:
            held, accepted_all = self._plain_td(config, xfam, attributes)
            bad_bits.append(accepted_all)
        else:
            for r in self.space.registers:
                c = config.get(r, self.zero())
                nat = self.host_native[r]
                v = alg.bor(m["fixed1"][r], alg.band(m["native"][r], nat))
                v = alg.bor(v, alg.band(m["configurable"][r], c))
                v = alg.bor(v, alg.band(m["configurable_if_native"][r], alg.band(c, nat)))
                v = alg.bor(v, alg.band(m["dynamic"][r], self.dynamic_value[r]))
                for mask, gate in mod.gates.get(r, []):
                    word = xfam if gate.word == "XFAM" else attributes
                    on = alg.and_([alg.bit(word, b) for b in gate.bits if b < self.WW])
                    v = alg.band(v, alg.ite(on, self.ones(), self.complement(self.mask_const(mask))))
                held[r] = alg.band(v, self.complement(m["faulting"][r]))
                accepted = alg.bor(m["configurable"][r], m["configurable_if_native"][r])
                bad_bits.append(alg.is_zero(alg.band(c, self.complement(accepted))))
        accept.append(("TDH.MNG.INIT accepts the configuration (every bit passed is configurable)", alg.and_(bad_bits)))
        w = self.module["words"]
        accept.append(("TDH.MNG.INIT accepts XFAM (XFAM_FIXED0/XFAM_FIXED1)", alg.and_([
            alg.is_zero(alg.band(xfam, self.wide_complement(w["xfam_fixed0"]))),
            alg.eq(alg.band(xfam, w["xfam_fixed1"]), w["xfam_fixed1"])])))
        accept.append(("TDH.MNG.INIT accepts ATTRIBUTES (ATTRIBUTES_FIXED0/ATTRIBUTES_FIXED1)", alg.and_([
            alg.is_zero(alg.band(attributes, self.wide_complement(w["attributes_fixed0"]))),
            alg.eq(alg.band(attributes, w["attributes_fixed1"]), w["attributes_fixed1"])])))
        return held, accept

    def _plain_td(self, config: SetValue, xfam: int, attributes: int) -> tuple[SetValue, bool]:
        """td_from_config's registers on plain integers: what the module holds, and whether
        every bit passed is configurable."""
        m = self.module["masks"]
        fixed1, native, conf, if_native, dynamic, faulting = (m[c] for c in (
            "fixed1", "native", "configurable", "configurable_if_native", "dynamic", "faulting"))
        host, chosen, gates, ones = self.host_native, self.dynamic_value, self.setup.module.gates, self.space.all_ones
        held: SetValue = {}
        accepted_all = True
        for r in self.space.registers:
            c = config.get(r, 0)
            nat = host[r]
            v = fixed1[r] | (native[r] & nat) | (conf[r] & c) | (if_native[r] & c & nat) | (dynamic[r] & chosen[r])
            for mask, gate in gates.get(r, ()):
                word = xfam if gate.word == "XFAM" else attributes
                if not all(word >> b & 1 for b in gate.bits if b < self.WW):
                    v &= ones ^ mask
            held[r] = v & (ones ^ faulting[r])
            if c & (ones ^ (conf[r] | if_native[r])):
                accepted_all = False
        return held, accepted_all

    # -- the protocol
    def _run_protocol(self) -> Run:
        design = self.setup.design
        ioctls = {s.name.name: s for s in design.statements if isinstance(s, ast.IoctlDecl)}
        protocol = next((s for s in design.statements if isinstance(s, ast.ProtocolDecl)), None)
        env: dict[str, Value] = {}
        state: dict[str, Any] = {"kvm.cpuid": {}, "td.config": None, "td.xfam": None, "td.attributes": None,
                                 "td_held": None}
        self.state = state
        for s in design.statements:
            if isinstance(s, ast.LetStmt):
                env[s.name.name] = self.eval(s.expr, env, phase="design")
        ok: list[tuple[str, Any, Any]] = []
        steps: list[Step] = []
        view: SetValue = {}
        for st in (protocol.steps if protocol else ()):
            if isinstance(st, ast.CallStep):
                io = ioctls[st.ioctl.name]
                local = dict(env)
                for prm, arg in zip(io.params, st.args):
                    local[prm.name.name] = self.eval(arg, env, phase="design")
                step = Step(f"{io.name.name}()", st.span)
                for b in io.body:
                    if isinstance(b, ast.LetStmt):
                        local[b.name.name] = self.eval(b.expr, local, phase="design")
                    elif isinstance(b, ast.RequiresStmt):
                        cond = self.eval(b.condition, local, phase="design").cond
                        text = _source_text(self.program, b.condition.span)
                        errno = f" (else -{b.error.name})" if b.error else ""
                        step.requires.append((text, b.span, cond))
                        ok.append((f"{io.name.name} requires {text}{errno}", b.span, cond))
                    elif isinstance(b, ast.SetsStmt):
                        val = self.eval(b.expr, local, phase="design")
                        target = b.target.dotted
                        if val.kind == "empty":  # {} takes the kind of what it is assigned to
                            val = Value("cpuid", cpuid={}) if target in ("kvm.cpuid", "td.config") else \
                                Value("wide", wide=self.alg.const(0, self.WW))
                        step.sets[target] = val
                        state[target] = val.cpuid if val.kind == "cpuid" else val.wide
                    elif isinstance(b, ast.ReturnsStmt):
                        step.returned = self.eval(b.expr, local, phase="design")
                if any(isinstance(b, ast.SetsStmt) and b.target.dotted == "td.config" for b in io.body):
                    xfam = state["td.xfam"] if state["td.xfam"] is not None else self.user_xfam
                    attrs = state["td.attributes"] if state["td.attributes"] is not None else self.user_attributes
                    state["td.xfam"], state["td.attributes"] = xfam, attrs
                    held, accept = self.td_from_config(state["td.config"], xfam, attrs)
                    state["td_held"] = held
                    ok.extend((f"{io.name.name}: {what}", b.span, cond) for what, cond in accept)
                    self._eval_cache.clear()
                steps.append(step)
                if st.result is not None and step.returned is not None:
                    env[st.result.name] = step.returned
            elif isinstance(st, ast.AssumeStep):
                cond = self.eval(st.condition, env, phase="design").cond
                ok.append((f"userspace assumes {_source_text(self.program, st.condition.span)}", st.span, cond))
            elif isinstance(st, ast.ViewStep):
                view = self.eval(st.expr, env, phase="design").cpuid or {}
        if state["td_held"] is None:
            held, accept = self.td_from_config({}, self.user_xfam, self.user_attributes)
            state["td_held"], state["td.config"] = held, {}
            state["td.xfam"], state["td.attributes"] = self.user_xfam, self.user_attributes
            ok.extend((f"TDH.MNG.INIT with no configuration: {what}", None, cond) for what, cond in accept)
        kvm_cpuid = state["kvm.cpuid"]
        guest: SetValue = {}
        for r in self.space.registers:
            fa = self.module["masks"]["faulting"][r]
            guest[r] = self.alg.bor(state["td_held"][r], self.alg.band(fa, kvm_cpuid.get(r, self.zero())))
        return Run(ok, steps, state["td.config"] or {}, state["td.xfam"], state["td.attributes"], state["td_held"],
                   guest, kvm_cpuid, view)

    # -- expressions
    def eval(self, e: ast.Expr, env: dict[str, Value], phase: str) -> Value:
        """Evaluate an expression. phase "design": td.cpuid is what the module holds;
        phase "property": td.cpuid is what the guest sees."""
        alg = self.alg
        if isinstance(e, (ast.RegisterPosition, ast.LeafPosition, ast.FuturePosition)):
            return self._const_set(self.program.const_bits(e, self._file_of_expr()))
        if isinstance(e, ast.WidePosition):
            return Value("wide", wide=alg.const(range_mask(e.hi, e.lo) & ((1 << self.WW) - 1), self.WW))
        if isinstance(e, ast.BoolLiteral):
            return Value("bool", cond=alg.true() if e.value else alg.false())
        if isinstance(e, ast.Name):
            return self._name(e, env, phase)
        if isinstance(e, ast.SetLiteral):
            vals = [self.eval(i, env, phase) for i in e.items]
            if not vals:
                return Value("empty")
            return self._fold(vals, "|")
        if isinstance(e, ast.SetChain):
            acc = self.eval(e.first, env, phase)
            for op, operand in e.rest:
                acc = self._fold([acc, self.eval(operand, env, phase)], op)
            return acc
        if isinstance(e, ast.Intersection):
            return self._fold([self.eval(x, env, phase) for x in e.operands], "&")
        if isinstance(e, ast.Complement):
            v = self.eval(e.operand, env, phase)
            if v.kind == "wide":
                return Value("wide", wide=self.wide_complement(v.wide))
            s = v.cpuid or {}
            if self._plain:
                ones = self.space.all_ones
                return Value("cpuid", cpuid={r: ones ^ s.get(r, 0) for r in self.space.registers})
            return Value("cpuid", cpuid={r: self.complement(s.get(r, self.zero())) for r in self.space.registers})
        if isinstance(e, ast.Comparison):
            return self._compare(e.op, self.eval(e.left, env, phase), self.eval(e.right, env, phase))
        if isinstance(e, ast.Membership):
            return self._compare("<=", self.eval(e.element, env, phase), self.eval(e.container, env, phase))
        if isinstance(e, ast.Not):
            return Value("bool", cond=alg.not_(self.eval(e.operand, env, phase).cond))
        if isinstance(e, ast.Conjunction):
            return Value("bool", cond=alg.and_([self.eval(x, env, phase).cond for x in e.operands]))
        if isinstance(e, ast.Disjunction):
            return Value("bool", cond=alg.or_([self.eval(x, env, phase).cond for x in e.operands]))
        if isinstance(e, ast.Implication):
            a = self.eval(e.left, env, phase).cond
            b = self.eval(e.right, env, phase).cond
            return Value("bool", cond=alg.or_([alg.not_(a), b]))
        if isinstance(e, ast.LeafRestriction):
            self.leaf_ranges.append(e.ranges)
            v = self.eval(e.operand, env, phase)
            s = v.cpuid or {}
            out: SetValue = {}
            within = self.space.leaf_ranges(e.ranges)
            for r, x in s.items():
                if r.is_future:
                    assert self.future_leaf is not None
                    inside = alg.or_([alg.in_range(self.future_leaf, lo, hi) for lo, hi in e.ranges])
                    out[r] = alg.ite(inside, x, self.zero())
                    continue
                if r.leaf in within:
                    out[r] = x
            return Value("cpuid", cpuid=out)
        if isinstance(e, ast.FunctionCall):
            return self._call(e, env, phase)
        if isinstance(e, ast.Number):
            raise ModelError("a number cannot be used as a value here", e.span)
        raise AssertionError(f"model: unhandled expression node {type(e).__name__}")

    def _file_of_expr(self) -> str:
        return self._current_file

    @property
    def constants(self) -> list[BitSet]:
        return [bits for bits, uses in self._constant_uses.values() if uses > 0]

    def _record(self, bits: BitSet, uses: int = 1) -> None:
        entry = self._constant_uses.setdefault(id(bits), [bits, 0])
        entry[1] += uses

    def _const_set(self, bits: BitSet) -> Value:
        self._record(bits)
        out: SetValue = {}
        within, full = self.space.register_set, self.space.all_ones
        for r, m in bits.unordered_items():
            if r in within and m & full:
                out[r] = self.mask_const(m)
        return Value("cpuid", cpuid=out, const=bits)

    def _fold(self, vals: list[Value], op: str) -> Value:
        alg = self.alg
        kinds = {v.kind for v in vals if v.kind != "empty"}
        if not kinds:
            return Value("empty")
        kind = kinds.pop()
        if kind == "wide":
            acc = None
            for v in vals:
                x = v.wide if v.kind == "wide" else alg.const(0, self.WW)
                acc = x if acc is None else self._binop(acc, x, op, wide=True)
            return Value("wide", wide=acc)
        if all(v.kind == "empty" or v.const is not None for v in vals):
            # constants fold into one constant: only the result counts as a use
            combine = BITSET_OPS[op]
            folded: BitSet | None = None
            for v in vals:
                bits = v.const if v.const is not None else BitSet()
                folded = bits if folded is None else combine(folded, bits)
                if v.const is not None:
                    self._record(v.const, -1)
            assert folded is not None
            return self._const_set(folded)
        if self._plain:
            return Value("cpuid", cpuid=_plain_fold([v.cpuid or {} if v.kind == "cpuid" else {} for v in vals], op,
                                                    self.space.all_ones))
        acc_set: SetValue | None = None
        for v in vals:
            s = v.cpuid if v.kind == "cpuid" else {}
            assert s is not None
            if acc_set is None:
                acc_set = dict(s)
                continue
            regs = set(acc_set) | set(s)
            new: SetValue = {}
            for r in regs:
                a = acc_set.get(r)
                b = s.get(r)
                if op == "|":
                    new[r] = b if a is None else a if b is None else alg.bor(a, b)
                elif op == "&":
                    if a is not None and b is not None:
                        new[r] = alg.band(a, b)
                elif op == "-":
                    if a is not None:
                        new[r] = a if b is None else alg.band(a, self.complement(b))
                elif op == "^":
                    new[r] = b if a is None else a if b is None else alg.bxor(a, b)
            acc_set = new
        return Value("cpuid", cpuid=acc_set or {})

    def _binop(self, a: Any, b: Any, op: str, wide: bool) -> Any:
        alg = self.alg
        if op == "|":
            return alg.bor(a, b)
        if op == "&":
            return alg.band(a, b)
        if op == "^":
            return alg.bxor(a, b)
        return alg.band(a, self.wide_complement(b) if wide else self.complement(b))

    def _compare(self, op: str, left: Value, right: Value) -> Value:
        alg = self.alg
        # only the relation asked for is built: each is a term per register, and a
        # negated one (!=, <, >) a large one
        if left.kind == "wide" or right.kind == "wide":
            zero = alg.const(0, self.WW)
            a = left.wide if left.kind == "wide" else zero
            b = right.wide if right.kind == "wide" else zero

            def sub() -> Any:
                return alg.is_zero(alg.band(a, self.wide_complement(b)))

            def sup() -> Any:
                return alg.is_zero(alg.band(b, self.wide_complement(a)))

            def eq() -> Any:
                return alg.eq(a, b)
        else:
            sa = left.cpuid if left.kind == "cpuid" else {}
            sb = right.cpuid if right.kind == "cpuid" else {}
            assert sa is not None and sb is not None
            if self._plain:
                return Value("bool", cond=_plain_compare(op, sa, sb))
            regs = sorted(set(sa) | set(sb), key=Reg.sort_key)
            z = self.zero()

            def sub() -> Any:
                return alg.and_([alg.is_zero(alg.band(sa.get(r, z), self.complement(sb.get(r, z))))
                                 for r in regs if r in sa])

            def sup() -> Any:
                return alg.and_([alg.is_zero(alg.band(sb.get(r, z), self.complement(sa.get(r, z))))
                                 for r in regs if r in sb])

            def eq() -> Any:
                return alg.and_([sub(), sup()])
        if op == "==":
            cond = eq()
        elif op == "!=":
            cond = alg.not_(eq())
        elif op == "<=":
            cond = sub()
        elif op == ">=":
            cond = sup()
        elif op == "<":
            cond = alg.and_([sub(), alg.not_(eq())])
        else:
            cond = alg.and_([sup(), alg.not_(eq())])
        return Value("bool", cond=cond)

    def _call(self, e: ast.FunctionCall, env: dict[str, Value], phase: str) -> Value:
        alg = self.alg
        fn = e.function.name
        if fn in ("mask", "bits"):
            if fn == "mask" and isinstance(e.args[0], ast.WidePosition):
                return Value("wide", wide=alg.const(self.program.const_wide(e, self._current_file), self.WW))
            if fn == "bits":
                decl = self.program.lookup(self._current_file, e.args[0].parts[0].name)  # type: ignore[union-attr]
                pos = getattr(decl, "position", None)
                if isinstance(pos, ast.WidePosition):
                    return Value("wide", wide=alg.const(range_mask(pos.hi, pos.lo), self.WW))
            return self._const_set(self.program.const_bits(e, self._current_file))
        assert fn == "leaves"
        v = self.eval(e.args[0], env, phase)
        s = v.cpuid or {}
        out: SetValue = {}
        plain_ones = self.space.all_ones if self._plain else None
        for key, regs in self.space.by_leaf.items():
            present = [s[r] for r in regs if r in s]
            if not present:
                continue
            if plain_ones is not None:  # on plain integers: a leaf is touched if any bit is set
                touched_value = plain_ones if any(present) else 0
                out.update(dict.fromkeys(regs, touched_value))
                continue
            touched = alg.or_([alg.not_(alg.is_zero(x)) for x in present])
            for r in regs:
                out[r] = alg.ite(touched, self.ones(), self.zero())
        return Value("cpuid", cpuid=out)

    def _name(self, e: ast.Name, env: dict[str, Value], phase: str) -> Value:
        first = e.parts[0].name
        if len(e.parts) == 1:
            if first in env:
                if env[first].const is not None:
                    self._record(env[first].const)  # each use of a bound constant counts
                return env[first]
            decl = self.program.lookup(self._current_file, first)
            if isinstance(decl, ast.FeatureDecl):
                if isinstance(decl.position, ast.WidePosition):
                    p = decl.position
                    return Value("wide", wide=self.alg.const(range_mask(p.hi, p.lo), self.WW))
                return self._const_set(self.program.const_bits(decl.position, self.program.file_of(decl)))
            if isinstance(decl, (ast.SetDecl, ast.GuaranteeDecl, ast.InvariantDecl)):
                key = (id(decl), phase)
                if key not in self._eval_cache:
                    saved = self._current_file
                    self._current_file = self.program.file_of(decl)
                    try:
                        self._eval_cache[key] = self.eval(decl.expr, {}, phase)
                    finally:
                        self._current_file = saved
                else:
                    cached = self._eval_cache[key]
                    if cached.const is not None:
                        self._record(cached.const)  # a use of its own, again
                return self._eval_cache[key]
            raise ModelError(f"'{first}' has no value in a check", e.span)
        party, attr = first, e.parts[1].name
        if party == "module" or isinstance(self.program.lookup(self._current_file, party), ast.ModuleDecl):
            if party != "module":
                self.modules_named.add(party)
            values = self.module if party == "module" or party == self.setup.module.name else self._named_module(party)
            return self._module_attr(values, attr, env, phase)
        if party == "host":
            return Value("cpuid", cpuid=dict(self.host_native))
        if party == "kvm":
            if attr == "known":
                return Value("cpuid", cpuid=dict(self.kvm_known))
            return Value("cpuid", cpuid=dict(self.state["kvm.cpuid"] if phase == "design" else self.run.kvm_cpuid))
        if party == "userspace":
            if attr == "request":
                return Value("cpuid", cpuid=dict(self.request))
            if attr == "view":
                return Value("cpuid", cpuid=dict(self.run.view if phase != "design" else {}))
            return Value("wide", wide=self.user_xfam if attr == "xfam" else self.user_attributes)
        if party == "td":
            st = self.state if phase == "design" else None
            if attr == "cpuid":
                if phase == "design":
                    held = st["td_held"] if st else None
                    if held is None:
                        raise ModelError("td.cpuid is read before any ioctl has set td.config", e.span)
                    return Value("cpuid", cpuid=dict(held))
                return Value("cpuid", cpuid=dict(self.run.td_guest))
            if attr == "config":
                cfg = st["td.config"] if st else self.run.td_config
                return Value("cpuid", cpuid=dict(cfg or {}))
            word = (st["td.xfam"] if st else self.run.td_xfam) if attr == "xfam" else \
                (st["td.attributes"] if st else self.run.td_attributes)
            if word is None:
                word = self.user_xfam if attr == "xfam" else self.user_attributes
            return Value("wide", wide=word)
        raise ModelError(f"unknown party {party}", e.span)

    def _named_module(self, name: str) -> dict[str, Any]:
        if name not in self._module_cache:
            decl = self.program.lookup(self._current_file, name)
            assert isinstance(decl, ast.ModuleDecl)
            mod = load_module(self.program, self.program.file_of(decl), decl)
            self._module_cache[name] = self.module_values(mod, prefix=f"{name}.")
        return self._module_cache[name]

    def _module_attr(self, values: dict[str, Any], attr: str, env: dict[str, Value], phase: str) -> Value:
        alg = self.alg
        masks = values["masks"]
        if attr in masks:
            return Value("cpuid", cpuid=dict(masks[attr]))
        if attr in values["gated"]:
            return Value("cpuid", cpuid=dict(values["gated"][attr]))
        if attr in values["words"]:
            return Value("wide", wide=values["words"][attr])
        if attr == "accepted_configurable":
            conf, if_native = masks["configurable"], masks["configurable_if_native"]
            if self._plain:
                return Value("cpuid", cpuid={r: conf[r] | if_native[r] for r in self.space.registers})
            return Value("cpuid", cpuid={r: alg.bor(conf[r], if_native[r]) for r in self.space.registers})
        if attr == "virtualized":
            faulting = masks["faulting"]
            if self._plain:
                ones = self.space.all_ones
                return Value("cpuid", cpuid={r: faulting[r] ^ ones for r in self.space.registers})
            return Value("cpuid", cpuid={r: self.complement(faulting[r]) for r in self.space.registers})
        if attr == "reported_configurable":
            if "reported_expr" in values and not values["reported"]:
                mod: ConcreteModule = values["module"]
                saved = self._current_file
                self._current_file = mod.file
                try:
                    local = {a: self._module_attr(values, a, env, phase) for a in REPORTABLE_ATTRS}
                    local["host"] = Value("cpuid", cpuid=dict(self.host_native))
                    values["reported"] = self.eval(values["reported_expr"], local, phase).cpuid or {}
                finally:
                    self._current_file = saved
            return Value("cpuid", cpuid=dict(values["reported"]))
        raise ModelError(f"module has no attribute {attr}")

    # -- symmetry
    def register_signature(self, r: Reg) -> tuple[Any, ...]:
        """Everything that distinguishes one register's constraints from another's.

        Two registers with equal signatures (in any leaves) get the same constraints
        with their variables renamed, so a verdict found for one holds for the other:
        the module data, every constant bit set and leaf range the check uses (a bit
        position matters only through these), the variables it has, and whether it
        belongs to the future leaf. Asked once every property is evaluated (the
        constants are then all recorded); see register_signatures."""
        return self.register_signatures()[r]

    def register_signatures(self) -> dict[Reg, tuple[Any, ...]]:
        """register_signature of every register of the space, made together on first use:
        each constant is read once (register by register, every constant would be read for
        every register, which is quadratic in a large check)."""
        if hasattr(self, "_signatures"):
            return self._signatures
        mods = [self.setup.module] + [v["module"] for v in self._module_cache.values()]
        consts = self._constant_masks()
        columns: dict[Reg, list[int]] = {r: [0] * len(consts) for r in self.space.registers}
        for j, c in enumerate(consts):
            for r, m in c.items():
                col = columns.get(r)
                if col is not None:
                    col[j] = m
        ranges: dict[int, tuple[bool, ...]] = {}
        out: dict[Reg, tuple[Any, ...]] = {}
        restrictions = [self.space.leaf_ranges(rng) for rng in self.leaf_ranges]
        roles = self.roles_of()
        for r in self.space.registers:
            if r.leaf not in ranges:
                ranges[r.leaf] = tuple(r.leaf in restriction for restriction in restrictions)
            out[r] = (r.is_future,
                      tuple(tuple(sorted(m.classes.get(r, {}).items())) for m in mods),
                      tuple((m.verified1.get(r, 0), m.verified0.get(r, 0),
                             tuple((mask, g) for mask, g in m.gates.get(r, []))) for m in mods),
                      tuple(columns[r]),
                      ranges[r.leaf],
                      roles.get(r, ()))
        self._signatures = out
        return out

    def roles_of(self) -> dict[Reg, tuple[str, ...]]:
        """The variable roles of each register, indexed once (a scan per register is quadratic)."""
        if not hasattr(self, "_roles"):
            roles: dict[Reg, list[str]] = {}
            for role, reg in self.var_of:
                roles.setdefault(reg, []).append(role)
            self._roles = {reg: tuple(sorted(rs)) for reg, rs in roles.items()}
        return self._roles

    def _constant_masks(self) -> list[dict[Reg, int]]:
        if not hasattr(self, "_const_masks"):
            seen: set[int] = set()
            out: list[dict[Reg, int]] = []
            for c in self.constants:
                if id(c) in seen:
                    continue
                seen.add(id(c))
                out.append(dict(c.items()))
            out.append({r: self.kvm_known_const.get(r, -1) for r in self.space.registers})
            out.append({r: self.host_const.get(r, -1) for r in self.space.registers})
            self._const_masks = out
        return self._const_masks

    # -- properties
    def property_value(self, expr: ast.Expr, file: str) -> B:
        saved = self._current_file
        self._current_file = file
        try:
            return self.eval(expr, {}, phase="property").cond
        finally:
            self._current_file = saved


def _source_text(program: Program, span: Any) -> str:
    if span is None or not getattr(span, "line", 0):
        return "?"
    text = program.texts.get(span.file, "")
    lines = text.split("\n")
    if span.end_line == span.line:
        return lines[span.line - 1][span.column - 1: span.end_column - 1].strip()
    first = lines[span.line - 1][span.column - 1:].strip()
    return first + " ..."


def build_model(program: Program, setup: CheckSetup, alg: Algebra[Any, Any], width: int = 32,
                wide_width: int = 64, space: Space | None = None) -> Model[Any, Any]:
    return Model(program, setup, space or build_space(program, setup, width, wide_width), alg)
