"""Brute-force cross-check of the solver on small random models.

Hypothesis generates small models *as spec text*: one leaf, features A and B
(bits 0 and 1 of its EAX), a concrete or symbolic module (random classes per
bit, `verified`, `when XFAM[0]`/`when ATTRIBUTES[0]` gates, `reports`), an
optional older release, optional concrete KVM and host, a design drawn from a
menu of rules, guarantees drawn from a menu, the six standard invariants
(copied from spec/properties.cpuid) and a check with `no future leaf`. The
checker decides it on a shrunken space (CPUID registers 2 bits wide, EAX only,
XFAM/ATTRIBUTES 1 bit wide), so a situation has at most 18 free Boolean
variables, and every verdict, guarantee set, would-hold set, counterexample
and counterexample size is decided again by enumerating all of them. Two
smaller runs do the same with the unknown future leaf, and with A and B on
two different leaves (which the checker solves as separate components). One more
compares, on 40 random models, a check that takes its sibling's encoding (the same
check assuming other guarantees; CheckSolver.sibling) with the same check run alone.

The enumeration evaluates the model's own semantics (checker.model.Model)
without any solver, over a *truth-table algebra*: every Boolean is a 2**n-bit
integer whose bit i is its value in situation i, so one evaluation of the
model gives the value of every constraint in every situation at once (a
per-situation loop over ConcreteAlgebra would take seconds per model). To keep
the truth-table algebra honest, the decisive situations it finds (a situation
the assumptions allow, a violation) and a random one are re-evaluated one at a
time with checker.model.ConcreteAlgebra, and
test_truth_tables_match_concrete_evaluator compares the two on every situation
of some small models.

Profiles (CPUID_BRUTE_PROFILE): "ci" (default: 500 one-leaf models and 62 of
each other shape, derandomized; about 45 s of CPU), "long" (5000 and 625,
random seeds). CPUID_BRUTE_EXAMPLES=N sets the one-leaf count (the others get N/8).
"""
from __future__ import annotations

import itertools
import os
import random
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import assume as hyp_assume
from hypothesis import strategies as st

from checker.model import ConcreteAlgebra, Model, build_model, build_space, resolve_check
from checker.results import Verdict
from checker.semantics import Program, analyse_text
from checker import solve
from checker.solve import MAX_WOULD_HOLD_SIZE, CheckSolver, check_one

WIDTH = 2
WIDE_WIDTH = 1
REGISTERS = ("EAX",)
MAX_VARIABLES = 18
MIN_CASES = 500


@dataclass(frozen=True)
class Shape:
    """The shrunken CPUID space a generated check is decided on."""

    width: int
    wide_width: int
    registers: tuple[str, ...]
    future: bool
    two_leaves: bool = False
    two_registers: bool = False
    wide_register: bool = False
    alike_leaves: bool = False


NO_FUTURE = Shape(WIDTH, WIDE_WIDTH, REGISTERS, future=False)
# With the future leaf, registers are 1 bit wide (bit B drops out) to stay within the budget.
WITH_FUTURE = Shape(1, WIDE_WIDTH, REGISTERS, future=True)

# Two leaves, 1-bit registers: the checker splits them into components (and may decide one
# for both when they are alike); the enumeration does not.
TWO_LEAVES = Shape(1, WIDE_WIDTH, REGISTERS, future=False, two_leaves=True)

# One leaf, A in EAX and B in EBX (1-bit registers): the checker splits the leaf over two
# components unless a constraint such as leaves() couples them.
TWO_REGISTERS = Shape(1, WIDE_WIDTH, ("EAX", "EBX"), future=False, two_registers=True)

# One 6-bit register (A is bits 0, 2, 3 and 4, B bit 1), a release's data and KVM and host
# constants so that it stays within the budget: A's alike positions can be tied.
WIDE_REGISTER = Shape(6, WIDE_WIDTH, REGISTERS, future=False, wide_register=True)

# Two leaves as in TWO_LEAVES, and three more (SPARE) that no constant tells apart, with a
# release's data and KVM and host constants so that it stays within the budget: the checker
# encodes two of the three (model.alike_leaves), the second counting for both others.
ALIKE_LEAVES = Shape(1, WIDE_WIDTH, REGISTERS, future=False, two_leaves=True, alike_leaves=True)
SPARE = ("0x2", "0x3", "0x4")

# One future leaf number per region the menu's leaf ranges (0..0x7F, 0x80000000..0x8000007F,
# 0..0xFFFFFFFF) cut out, none of them a leaf the generator names (0x1, 0x81, 0x80000008).
FUTURE_LEAVES = (0x2, 0x100, 0x80000010, 0xC0000000)


def future_region(leaf: int) -> int:
    """The index in FUTURE_LEAVES of the leaf that behaves like `leaf` in every menu range."""
    return 0 if leaf <= 0x7F else 1 if leaf < 0x80000000 else 2 if leaf <= 0x8000007F else 3

settings.register_profile(
    "cpuid-brute-ci", derandomize=True, database=None, deadline=None, max_examples=500, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
settings.register_profile(
    "cpuid-brute-long", derandomize=False, database=None, deadline=None, max_examples=5000, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
_PROFILE = "cpuid-brute-long" if os.environ.get("CPUID_BRUTE_PROFILE") == "long" else "cpuid-brute-ci"
_EXAMPLES = int(os.environ.get("CPUID_BRUTE_EXAMPLES", settings.get_profile(_PROFILE).max_examples))
_SMALL_EXAMPLES = max(1, _EXAMPLES // 8)  # for the future-leaf and two-leaf shapes


# ------------------------------------------------------------------ the truth-table algebra

class TruthTableAlgebra:
    """checker.model.Algebra over truth tables: a Boolean is an int of 2**n bits, bit i its value
    in situation i; a bit-vector is a tuple of such ints, one per bit. Situation i gives variable
    bit k (in `layout` order) the value (i >> k) & 1.

    A variable listed in `choices` ranges over the given values only (their number a power of
    two), selected by log2(len) situation bits: the future leaf's number, which the model only
    compares with leaf ranges, takes one representative per region the ranges cut out."""

    def __init__(self, layout: dict[str, int], choices: dict[str, tuple[int, ...]] | None = None):
        self.choices = choices or {}
        sel = {name: len(vals).bit_length() - 1 for name, vals in self.choices.items()}
        assert all(1 << sel[n] == len(v) for n, v in self.choices.items())
        self.n = self.situation_bits(layout, self.choices)
        self.size = 1 << self.n
        self.full = (1 << self.size) - 1
        self.positions: dict[str, list[int]] = {}
        k = 0
        for name, width in layout.items():
            bits = sel.get(name, width)
            self.positions[name] = list(range(k, k + bits))
            k += bits
        self._proj = [self._projection(j) for j in range(self.n)]

    @staticmethod
    def situation_bits(layout: dict[str, int], choices: dict[str, tuple[int, ...]]) -> int:
        """How many bits select a situation (2**that many situations)."""
        return sum(len(choices[name]).bit_length() - 1 if name in choices else width
                   for name, width in layout.items())

    def _projection(self, j: int) -> int:
        """The situations whose bit j is 1: runs of 2**j zeros then 2**j ones, repeated."""
        run = 1 << j
        pattern, length = ((1 << run) - 1) << run, 2 * run
        while length < self.size:
            pattern |= pattern << length
            length *= 2
        return pattern

    def _raw(self, name: str, index: int) -> int:
        return sum(((index >> k) & 1) << j for j, k in enumerate(self.positions[name]))

    def assignment(self, index: int) -> dict[str, int]:
        """Situation `index` as a variable assignment (name -> int)."""
        out = {}
        for name in self.positions:
            raw = self._raw(name, index)
            out[name] = self.choices[name][raw] if name in self.choices else raw
        return out

    def index_of(self, assignment: dict[str, int], choose: Callable[[str, int], int]) -> int:
        """The situation of an assignment; `choose(name, value)` gives a choice variable's selector."""
        index = 0
        for name, pos in self.positions.items():
            value = assignment.get(name, 0)
            raw = choose(name, value) if name in self.choices else value
            assert 0 <= raw < 1 << len(pos), (name, value)
            for j, k in enumerate(pos):
                index |= (raw >> j & 1) << k
        return index

    def const(self, value: int, width: int) -> tuple[int, ...]:
        return tuple(self.full if value >> j & 1 else 0 for j in range(width))

    def var(self, name: str, width: int) -> tuple[int, ...]:
        pos = self.positions[name]  # KeyError: a variable the first pass did not see
        if name not in self.choices:
            assert len(pos) == width, (name, pos, width)
            return tuple(self._proj[k] for k in pos)
        selected = []  # selected[s]: the situations whose selector is s
        for s in range(len(self.choices[name])):
            acc = self.full
            for j, k in enumerate(pos):
                acc &= self._proj[k] if s >> j & 1 else self.full ^ self._proj[k]
            selected.append(acc)
        return tuple(self.or_([t for s, t in enumerate(selected) if self.choices[name][s] >> j & 1])
                     for j in range(width))

    def bor(self, a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(x | y for x, y in zip(a, b, strict=True))

    def band(self, a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(x & y for x, y in zip(a, b, strict=True))

    def bxor(self, a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(x ^ y for x, y in zip(a, b, strict=True))

    def ite(self, c: int, a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
        nc = self.full ^ c
        return tuple((c & x) | (nc & y) for x, y in zip(a, b, strict=True))

    def eq(self, a: tuple[int, ...], b: tuple[int, ...]) -> int:
        return self.is_zero(self.bxor(a, b))

    def is_zero(self, a: tuple[int, ...]) -> int:
        acc = 0
        for x in a:
            acc |= x
        return self.full ^ acc

    def bit(self, a: tuple[int, ...], i: int) -> int:
        return a[i]

    def in_range(self, a: tuple[int, ...], lo: int, hi: int) -> int:
        # unsigned lo <= a <= hi, rippled from the least significant bit
        ge, le = self.full, self.full
        for j, x in enumerate(a):
            ge = (x & ge) if lo >> j & 1 else (x | ge)
            nx = self.full ^ x
            le = (nx | le) if hi >> j & 1 else (nx & le)
        return ge & le

    def and_(self, bs: Sequence[int]) -> int:
        acc = self.full
        for b in bs:
            acc &= b
        return acc

    def or_(self, bs: Sequence[int]) -> int:
        acc = 0
        for b in bs:
            acc |= b
        return acc

    def not_(self, b: int) -> int:
        return self.full ^ b

    def true(self) -> int:
        return self.full

    def false(self) -> int:
        return 0


def lowest(tt: int) -> int:
    """The first situation in which a truth table holds."""
    return (tt & -tt).bit_length() - 1


# ------------------------------------------------------------------ random models as spec text

from verdict_table import INVARIANTS  # noqa: E402  (the six of spec/properties.cpuid, shared)

GUARANTEE_MENU = {
    "fixed1_known": "module.fixed1 <= kvm.known",
    "native_known": "module.native & host.native <= kvm.known",
    "reported_is_accepted": "module.reported_configurable == module.accepted_configurable",
    "configurable_known": "module.configurable | module.configurable_if_native <= kvm.known",
    "virtualized_leaves_readable":
        "module.virtualized == (module.virtualized on leaves 0..0x7F, 0x80000000..0x8000007F)",
    "no_fixed1": "module.fixed1 == {}",
    "no_dynamic": "module.dynamic == {}",
    "A_not_faulting": "A & module.faulting == {}",
    "host_has_A": "A <= host.native",
    "kvm_knows_B": "B <= kvm.known",
    "reported_known": "module.reported_configurable <= kvm.known",
}
OLD_GUARANTEES = {
    "no_configurable_to_fixed1": "module.fixed1 & (old.configurable | old.configurable_if_native) == {}",
    "old_fixed1_kept": "old.fixed1 <= module.fixed1",
}
FUTURE_GUARANTEES = {
    "no_future_fixed1": "module.fixed1 & future.* == {}",
    "future_fixed1": "future.EAX[0] <= module.fixed1",
    "future_not_faulting": "future.* & module.faulting == {}",
}

CLASSES = ("fixed0", "fixed1", "configurable", "configurable_if_native", "native", "dynamic")
SUBSETS = ("{}", "{A}", "{B}", "{A, B}")

Pick = Callable[[Sequence[Any]], Any]


@dataclass
class Generated:
    text: str
    notes: dict[str, Any] = field(default_factory=dict)
    file: str = "brute.cpuid"


def generate(pick: Pick, future: bool = False, two_leaves: bool = False, two_registers: bool = False,
             wide_register: bool = False, alike_leaves: bool = False) -> Generated:
    """One random small model as spec text; every choice goes through `pick`. With `future`,
    the check is `with future leaf` and the guarantees may speak of the future leaf. With
    `two_leaves`, A and B are bit 0 of two different leaves (else bits 0 and 1 of one); with
    `two_registers`, bit 0 of EAX and EBX of one leaf, and a guarantee that makes the quietest
    situation touch the leaf (host_has_A, kvm_knows_B) is mostly assumed; with `wide_register`,
    A four alike bits of one register; with `alike_leaves` (and `two_leaves`), three spare
    leaves that no constant tells apart. generate_for(pick, shape) passes a Shape's flags."""
    forced = None
    if wide_register:  # A is four alike bits of the 6-bit register, B one more
        leaf = leaf_b = pick(("0x1", "0x81", "0x80000008"))
        lines = [f"leaf {leaf}", f"set A = {{{', '.join(f'{leaf}.EAX[{i}]' for i in (0, 2, 3, 4))}}}",
                 f"feature B = {leaf}.EAX[1]"]
    elif two_registers:
        leaf = leaf_b = pick(("0x1", "0x81", "0x80000008"))
        lines = [f"leaf {leaf}", f"feature A = {leaf}.EAX[0]", f"feature B = {leaf}.EBX[0]"]
        forced = pick(("host_has_A", "kvm_knows_B", None))  # with the host (KVM) left symbolic
    elif two_leaves:
        leaf, leaf_b = pick((("0x1", "0x81"), ("0x1", "0x80000008"), ("0x81", "0x80000008")))
        lines = [f"leaf {leaf}", f"leaf {leaf_b}", f"feature A = {leaf}.EAX[0]", f"feature B = {leaf_b}.EAX[0]"]
        if alike_leaves:
            lines += [f"leaf {lf}" for lf in SPARE] + [f"set SPARE = {{{', '.join(f'{lf}.EAX' for lf in SPARE)}}}"]
    else:
        leaf = leaf_b = pick(("0x1", "0x81", "0x80000008"))
        lines = [f"leaf {leaf}", f"feature A = {leaf}.EAX[0]", f"feature B = {leaf}.EAX[1]"]
    lines.append(f"set KVM_ACTED_ON = {pick(SUBSETS)}")
    symbolic = False if wide_register or alike_leaves else pick((False, True, True) if future else (False, True))
    mod = ["module m symbolic {" if symbolic else "module m {"]
    for feat in ("A", "B"):
        if symbolic:
            cls = pick((None, None, None) + CLASSES)  # mostly left open
        else:
            cls = pick(CLASSES + (None,))  # None: unlisted, so faulting
        if cls is None:
            continue
        stmt = f"  {cls} {feat}"
        if cls == "native":
            stmt += pick(("", "", " verified 0", " verified 1"))
        stmt += pick(("", "", "", " when XFAM[0]", " when ATTRIBUTES[0]"))
        mod.append(stmt)
    if alike_leaves:
        spare = pick(CLASSES + (None, None))  # None: unlisted, so faulting
        if spare is not None:  # a gate joins the spare leaves in one component
            mod.append(f"  {spare} SPARE" + pick(("", " when XFAM[0]", " when XFAM[0]")))
    reports = pick((None, None, "configurable", "configurable | configurable_if_native"))
    if reports:
        mod.append(f"  reports {reports}")
    if symbolic or pick((False, True)):  # symbolic modules must save variables somewhere
        mod.append(f"  xfam_fixed0 {pick(('XFAM[0]', 'XFAM[0]', 'XFAM[0]', '{}'))}")
        mod.append(f"  xfam_fixed1 {pick(('{}', '{}', '{}', 'XFAM[0]'))}")
        mod.append("  attributes_fixed0 {}")
        mod.append("  attributes_fixed1 {}")
    mod.append("}")
    lines += mod
    old = pick((None, None, "fixed1", "configurable", "configurable_if_native"))
    if old is not None:  # an older release the guarantees may compare with
        lines += ["module old {", f"  {old} A", "  configurable B"]
        if pick((False, True)):
            lines += ["  xfam_fixed0 {}", "  xfam_fixed1 {}", "  attributes_fixed0 {}", "  attributes_fixed1 {}"]
        lines.append("}")
    constants = wide_register or alike_leaves
    kvm = None if forced == "kvm_knows_B" else pick(("{}", "{A}", "{B}", "{A, B}") if constants else
                                                     (None, "{}", "{A}", "{B}", "{A, B}"))
    if kvm is not None:
        lines.append("kvm k { }" if kvm == "{}" else f"kvm k {{ knows {kvm} }}")
    host = None if forced == "host_has_A" else pick(("{}", "{A}", "{B}", "{A, B}") if constants else
                                                     (None, "{}", "{A}", "{B}", "{A, B}"))
    if host is not None:
        # a host names the bits that read 1; a leaf it does not mention stays symbolic, and
        # mask(R, 0) mentions a leaf whose register reads 0
        zeros = [f"mask({lf}.EAX, 0)" for lf in dict.fromkeys((leaf, leaf_b)) if pick((True, True, False))]
        lines.append("host h { cpuid " + " | ".join([host] + zeros) + " }")
    for name, expr in INVARIANTS.items():
        lines.append(f"invariant {name}: {expr}")
    menu = GUARANTEE_MENU | (FUTURE_GUARANTEES if future else {}) | (OLD_GUARANTEES if old else {})
    declared = [g for g in menu if pick((False, False, True))]
    if forced is not None and forced not in declared:
        declared.append(forced)
    for g in declared:
        lines.append(f"guarantee {g}: {menu[g]}")
    assumed = [g for g in declared if g == forced or pick((False, False, True))]

    caps = pick(("module.reported_configurable", "module.reported_configurable & kvm.known",
                 "module.reported_configurable - A", "module.reported_configurable - B"))
    requires = pick((None, "cpuid <= CAPS", "cpuid <= module.reported_configurable", "leaves(cpuid) <= leaves(CAPS)"))
    config = pick(("cpuid", "cpuid", "cpuid | (module.reported_configurable - kvm.known)"))
    get = pick((None, "td.cpuid", "td.cpuid on leaves 0..0x7F", "td.cpuid on leaves 0..0x7F, 0x80000000..0x8000007F",
                "td.cpuid & leaves(wanted)"))
    set_cpuid2 = pick((None, "got", "userspace.request")) if get else pick((None, "userspace.request"))
    view = pick(("got", "got", "userspace.request", "caps", "userspace.request | got")) if get else \
        pick(("userspace.request", "caps"))
    assume_request = pick((True, True, True, False))
    xfam = pick((None, None, "xfam", "xfam <= module.xfam_fixed0"))  # INIT takes XFAM (and checks it)
    d = ["design d {", f"  ioctl CAPS() vm in created {{ returns {caps} }}",
         "  ioctl INIT(cpuid, xfam: xfam) vm in created -> initialized {" if xfam else
         "  ioctl INIT(cpuid) vm in created -> initialized {"]
    if requires:
        d.append(f"    requires {requires.replace('CAPS', '(' + caps + ')')} else EINVAL")
    if xfam and xfam != "xfam":
        d.append(f"    requires {xfam} else EINVAL")
    if xfam:
        d.append("    sets td.xfam = xfam | module.xfam_fixed1")
    d += [f"    sets td.config = {config}", "  }",
          "  ioctl INIT_VCPU() vcpu in initialized -> vcpu_initialized { }"]
    if get == "td.cpuid & leaves(wanted)":
        d.append(f"  ioctl GET(wanted) vcpu in vcpu_initialized {{ returns {get} }}")
    elif get:
        d.append(f"  ioctl GET() vcpu in vcpu_initialized {{ returns {get} }}")
    if set_cpuid2:
        d.append("  ioctl SET_CPUID2(cpuid) vcpu in vcpu_initialized { sets kvm.cpuid = cpuid }")
    d += ["  protocol {", "    let caps = call CAPS()"]
    if assume_request:
        d.append("    assume userspace.request <= caps")
    d += ["    call INIT(userspace.request, userspace.xfam)" if xfam else "    call INIT(userspace.request)",
          "    call INIT_VCPU()"]
    if get == "td.cpuid & leaves(wanted)":
        d.append(f"    let got = call GET({pick(('userspace.request', 'caps', '~future.*'))})")
    elif get:
        d.append("    let got = call GET()")
    if set_cpuid2:
        d.append(f"    call SET_CPUID2({set_cpuid2})")
    d += [f"    view {view}", "  }", "}"]
    lines += d
    c = ["check c {", "  design d", "  module m"]
    if kvm is not None:
        c.append("  kvm k")
    if host is not None:
        c.append("  host h")
    c.append("  with future leaf" if future else "  no future leaf")
    if assumed:
        c.append("  assume " + ", ".join(assumed))
    c += [f"  verify {name}" for name in INVARIANTS]
    c.append("}")
    lines += c
    return Generated("\n".join(lines) + "\n", {"symbolic": symbolic, "assumed": assumed, "declared": declared})


def generate_for(pick: Pick, shape: Shape) -> Generated:
    """generate() with the flags of a Shape."""
    return generate(pick, future=shape.future, two_leaves=shape.two_leaves, two_registers=shape.two_registers,
                    wide_register=shape.wide_register, alike_leaves=shape.alike_leaves)


def random_pick(rng: random.Random) -> Pick:
    return lambda options: rng.choice(list(options))


# ------------------------------------------------------------------ deciding a model by enumeration

@dataclass
class Enumerated:
    """Every constraint of a check as a truth table over all situations."""

    program: Program
    file: str
    setup: Any
    alg: TruthTableAlgebra
    model: Model[Any, Any]
    base: int
    structural: list[int]
    ok: list[int]
    guarantees: dict[str, int]
    invariants: dict[str, int]
    assumed: list[str]
    others: list[str]

    @property
    def n(self) -> int:
        return self.alg.n

    def holds(self, inv: str, gs: Sequence[str]) -> bool:
        return self.base & self.conj(gs) & ~self.invariants[inv] & self.alg.full == 0

    def conj(self, gs: Sequence[str]) -> int:
        acc = self.alg.full
        for g in gs:
            acc &= self.guarantees[g]
        return acc

    def consistent(self, gs: Sequence[str]) -> bool:
        return self.base & self.conj(gs) != 0

    def minimal_sets(self, inv: str, pool: Sequence[str], always: Sequence[str], max_size: int | None,
                     require_consistent: bool) -> list[list[str]]:
        found: list[frozenset[str]] = []
        top = len(pool) if max_size is None else min(max_size, len(pool))
        for size in range(top + 1):
            for subset in itertools.combinations(pool, size):
                s = frozenset(subset)
                if any(f <= s for f in found):
                    continue
                chosen = list(always) + list(subset)
                if self.holds(inv, chosen) and (not require_consistent or self.consistent(chosen)):
                    found.append(s)
        return [sorted(f) for f in sorted(found, key=lambda f: (len(f), sorted(f)))]

    def deviation_flags(self) -> tuple[list[int], list[int]]:
        """The counterexample size measure of checker.solve, recomputed: per leaf, whether
        any variable of it is off its quiet value (0, on the bits a situation chooses);
        per register bit and per bit of a 64-bit word variable, whether it is."""
        m = self.model
        leaf_flags: list[int] = []
        bit_flags: list[int] = []
        for key, regs in m.space.by_leaf.items():
            leaf_flag = 0
            for r in regs:
                for i in range(m.space.width):
                    flag = 0
                    for name, reg in m.var_reg.items():
                        if reg == r and m.care[name] >> i & 1:
                            flag |= self.alg.var(name, m.variables[name])[i]
                    if any(reg == r and m.care[name] >> i & 1 for name, reg in m.var_reg.items()):
                        bit_flags.append(flag)
                    leaf_flag |= flag
            leaf_flags.append(leaf_flag)
        for name in wide_variables(m):
            bit_flags.extend(self.alg.var(name, m.variables[name]))
        return leaf_flags, bit_flags

    def at_most(self, flags: list[int]) -> list[int]:
        """at_most[k]: the situations with at most k of the flags set."""
        full = self.alg.full
        table = [full] * (len(flags) + 1)
        for f in flags:
            nf = full ^ f
            table = [(table[k] & nf) | ((table[k - 1] & f) if k else 0) for k in range(len(table))]
        return table

    def smallest(self, situations: int) -> tuple[int, int]:
        """(fewest leaves, then fewest bits) off quiet among the situations."""
        leaf_flags, bit_flags = self.deviation_flags()
        by_leaves = self.at_most(leaf_flags)
        leaves = next(k for k, t in enumerate(by_leaves) if t & situations)
        rest = situations & by_leaves[leaves]
        bits = next(k for k, t in enumerate(self.at_most(bit_flags)) if t & rest)
        return leaves, bits


def wide_variables(m: Model[Any, Any]) -> list[str]:
    """The XFAM/ATTRIBUTES-sized variables (userspace's words, a symbolic module's fixed words)."""
    names = [n for n in m.variables if n not in m.var_reg and n != "future_leaf"]
    assert len(names) == len(m.wide_deviation), (names, len(m.wide_deviation))
    return names


def deviation_of(m: Model[Any, Any], assignment: dict[str, int]) -> tuple[int, int]:
    """(leaves, bits) off quiet in one situation, as checker.solve counts a counterexample's size."""
    leaves = 0
    for key, regs in m.space.by_leaf.items():
        touched = False
        for r in regs:
            acc = 0
            for name, reg in m.var_reg.items():
                if reg == r:
                    acc |= assignment.get(name, 0) & m.care[name]
            touched |= acc != 0
        leaves += touched
    bits = 0
    for r in m.space.registers:
        acc = 0
        for name, reg in m.var_reg.items():
            if reg == r:
                acc |= assignment.get(name, 0) & m.care[name]
        bits += acc.bit_count()
    bits += sum(assignment.get(n, 0).bit_count() for n in wide_variables(m))
    return leaves, bits


def first_pass(program: Program, file: str, shape: Shape) -> tuple[Any, Any, dict[str, int]]:
    """Every variable of the check (some appear only when a property is evaluated)."""
    (_, decl), = program.checks()
    setup = resolve_check(program, file, decl)
    assert setup.future == shape.future
    space = build_space(program, setup, shape.width, shape.wide_width, shape.registers)
    m = build_model(program, setup, ConcreteAlgebra({}), space=space)
    evaluate(m, program, setup)
    return setup, space, dict(m.variables)


def evaluate(m: Model[Any, Any], program: Program, setup: Any) -> tuple[list[Any], list[Any], dict[str, Any],
                                                                       dict[str, Any]]:
    structural = [c for _, c in m.structural_constraints()]
    ok = [c for _, _, c in m.run.ok]
    guarantees = {g.name: m.property_value(g.expr, program.file_of(g.decl)) for g in setup.assumed + setup.others}
    invariants = {i.name: m.property_value(i.expr, program.file_of(i.decl)) for i in setup.invariants}
    return structural, ok, guarantees, invariants


def enumerate_check(program: Program, file: str, shape: Shape = NO_FUTURE) -> Enumerated | None:
    """None if the check has more than MAX_VARIABLES free Boolean variables."""
    setup, space, variables = first_pass(program, file, shape)
    choices = {"future_leaf": FUTURE_LEAVES} if "future_leaf" in variables else {}
    if TruthTableAlgebra.situation_bits(variables, choices) > MAX_VARIABLES:
        return None  # checked first: the tables alone would not fit in memory
    alg = TruthTableAlgebra(variables, choices)
    m = build_model(program, setup, alg, space=space)
    structural, ok, guarantees, invariants = evaluate(m, program, setup)
    assert dict(m.variables) == variables, "the truth-table model has other variables than the concrete one"
    base = alg.and_(structural + ok)
    return Enumerated(program, file, setup, alg, m, base, structural, ok, guarantees, invariants,
                      [g.name for g in setup.assumed], [g.name for g in setup.others])


def concrete_values(program: Program, setup: Any, space: Any, assignment: dict[str, int]
                    ) -> tuple[list[bool], list[bool], dict[str, bool], dict[str, bool]]:
    m = build_model(program, setup, ConcreteAlgebra(assignment), space=space)
    return evaluate(m, program, setup)  # type: ignore[return-value]


def assert_matches_concrete(e: Enumerated, index: int) -> None:
    """Situation `index` read off the truth tables equals ConcreteAlgebra's evaluation of it."""
    structural, ok, guarantees, invariants = concrete_values(e.program, e.setup, e.model.space,
                                                             e.alg.assignment(index))
    at = lambda tt: bool(tt >> index & 1)  # noqa: E731
    assert structural == [at(t) for t in e.structural], index
    assert ok == [at(t) for t in e.ok], index
    assert guarantees == {g: at(t) for g, t in e.guarantees.items()}, index
    assert invariants == {i: at(t) for i, t in e.invariants.items()}, index


# ------------------------------------------------------------------ the comparison

def decide_and_compare(gen: Generated, shape: Shape = NO_FUTURE, spot_checks: int = 1,
                       seed: int = 0) -> dict[str, Any] | None:
    """Run the checker and the enumeration on one generated model and compare everything.
    Returns None if the model is too big to enumerate; else a summary."""
    program, diags = analyse_text(gen.text, gen.file)
    errors = [d for d in diags if d.is_error]
    assert not errors, "the generator wrote a bad spec:\n" + "\n".join(map(str, errors)) + "\n" + gen.text
    e = enumerate_check(program, gen.file, shape)
    if e is None:
        return None
    (_, decl), = program.checks()
    results = check_one(program, gen.file, decl, width=shape.width, wide_width=shape.wide_width,
                        registers=shape.registers)
    by_inv = {r.invariant: r for r in results}
    assert set(by_inv) == set(e.invariants)

    allowed = e.base & e.conj(e.assumed)
    decisive = [lowest(allowed)] if allowed else [lowest(e.base)] if e.base else []
    summary: dict[str, Any] = {"verdicts": {}, "variables": e.n}
    for inv, r in by_inv.items():
        violating = allowed & ~e.invariants[inv] & e.alg.full
        expected = Verdict.VACUOUS if not allowed else Verdict.VIOLATED if violating else Verdict.PROVED
        summary["verdicts"][inv] = expected
        assert r.verdict is expected, (inv, r.verdict, expected, r.reason, gen.text)
        if expected is Verdict.PROVED:
            sets = e.minimal_sets(inv, e.assumed, [], None, require_consistent=False)
            assert r.guarantee_sets == sets, (inv, r.guarantee_sets, sets, gen.text)
            used = {g for s in sets for g in s}
            assert r.guarantees_unused == [g for g in e.assumed if g not in used]
            assert r.counterexample is None
        elif expected is Verdict.VIOLATED:
            if len(decisive) < 2:
                decisive.append(lowest(violating))
            would = e.minimal_sets(inv, e.others, e.assumed, MAX_WOULD_HOLD_SIZE, require_consistent=True)
            assert r.would_hold_with == would, (inv, r.would_hold_with, would, gen.text)
            assert r.would_hold_complete == (len(e.others) <= MAX_WOULD_HOLD_SIZE)
            cex = r.counterexample
            assert cex is not None
            a = cex.assignment
            assert replays_as_violation(e, inv, a), (inv, a, gen.text)
            if cex.minimal:
                # the size reported is what the violation needs beyond the quietest allowed situation
                (lv, bv), (lq, bq) = e.smallest(violating), e.smallest(allowed)
                assert (cex.leaf_count, cex.bit_count) == (lv - lq, bv - bq), (inv, cex.leaf_count, cex.bit_count,
                                                                               (lv, bv), (lq, bq), gen.text)
                assert deviation_of(e.model, a) == (lv, bv), (inv, a, gen.text)
        else:
            assert r.vacuity is not None and r.counterexample is None and not r.guarantee_sets
            assert set(r.vacuity.guarantees) <= set(e.assumed)
    # the truth tables agree with ConcreteAlgebra on every decisive situation and a few random ones
    rng = random.Random(seed)
    for index in decisive + [rng.randrange(e.alg.size) for _ in range(spot_checks)]:
        assert_matches_concrete(e, index)
    return summary


def replays_as_violation(e: Enumerated, inv: str, assignment: dict[str, int]) -> bool:
    """The assignment is a situation the check allows in which the invariant fails (read off
    the truth tables: the situation's index is built from the assignment; a future leaf number
    stands for its region)."""
    index = e.alg.index_of(assignment, lambda name, value: future_region(value))
    allowed = e.base & e.conj(e.assumed)
    return bool(allowed >> index & 1) and not e.invariants[inv] >> index & 1


# ------------------------------------------------------------------ the tests

STATS: dict[str, dict[str, int]] = {}


def _count(kind: str, summary: dict[str, Any]) -> None:
    stats = STATS.setdefault(kind, {})
    stats["cases"] = stats.get("cases", 0) + 1
    for v in summary["verdicts"].values():
        stats[v.value] = stats.get(v.value, 0) + 1
    stats["max_variables"] = max(stats.get("max_variables", 0), summary["variables"])


def _drawing(data: st.DataObject) -> Pick:
    return lambda options: data.draw(st.sampled_from(list(options)))


def _property(kind: str, shape: Shape, examples: int) -> Callable[[], None]:
    """A hypothesis property: random models of this shape agree with their enumeration."""

    @settings(settings.get_profile(_PROFILE), max_examples=examples)
    @given(st.data())
    def agree(data: st.DataObject) -> None:
        gen = generate_for(_drawing(data), shape)
        summary = decide_and_compare(gen, shape, seed=STATS.get(kind, {}).get("cases", 0))
        hyp_assume(summary is not None)
        assert summary is not None
        _count(kind, summary)

    return agree


def _run(kind: str, shape: Shape, examples: int, each_verdict: int) -> dict[str, int]:
    STATS.pop(kind, None)
    _property(kind, shape, examples)()
    stats = STATS.get(kind, {})
    assert stats.get("cases", 0) >= examples, stats
    for v in ("proved", "violated", "vacuous"):  # the generator reaches every verdict
        assert stats.get(v, 0) >= min(each_verdict, examples), stats
    return stats


def test_solver_agrees_with_enumeration() -> None:
    """Verdicts, guarantee sets, would-hold sets and counterexample sizes of >= 500 random small
    models (one leaf, `no future leaf`) equal what exhaustive enumeration of their situations gives."""
    stats = _run("one_leaf", NO_FUTURE, _EXAMPLES, 20)
    assert stats["cases"] >= min(MIN_CASES, _EXAMPLES)


def test_solver_agrees_with_enumeration_future_leaf() -> None:
    """The same with the unknown future leaf (1-bit registers): its number is enumerated as one
    representative per region of the leaf ranges the generated specs use."""
    _run("future", WITH_FUTURE, _SMALL_EXAMPLES, 10)


def test_solver_agrees_with_enumeration_two_leaves() -> None:
    """The same with two leaves (1-bit registers), which the checker decides as separate
    components, or as one when their constraints are alike up to renaming."""
    _run("two_leaves", TWO_LEAVES, _SMALL_EXAMPLES, 10)


def _recording(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[tuple[tuple[Any, ...], Any]]:
    """Wrap owner.name so that every call's arguments and result are recorded."""
    calls: list[tuple[tuple[Any, ...], Any]] = []
    original = getattr(owner, name)

    def recorded(*args: Any) -> Any:
        out = original(*args)
        calls.append((args, out))
        return out

    monkeypatch.setattr(owner, name, recorded)
    return calls


def test_solver_agrees_with_enumeration_two_registers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same with one leaf split over two components (A in EAX, B in EBX). Where the quietest
    allowed situation touches the leaf, leaf counts do not add up over components, and the
    counterexample is searched again with that leaf whole: the sizes must still be exact."""
    whole = _recording(monkeypatch, CheckSolver, "_counterexample_on_whole_leaves")
    _run("two_registers", TWO_REGISTERS, _SMALL_EXAMPLES, 10)
    assert len(whole) >= min(10, _SMALL_EXAMPLES), whole  # the generator reaches the whole-leaf search


def test_solver_agrees_with_enumeration_tied_positions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same with one 6-bit register in which A's four bits are alike, and alike positions tied
    in every component (checker.positions; real checks tie only large components): the
    witnesses kept per class must keep verdicts, guarantee sets and sizes exact."""
    tied = _recording(monkeypatch, solve, "spreads")
    monkeypatch.setattr(solve, "MIN_TIED_BITS", 0)
    _run("wide_register", WIDE_REGISTER, _SMALL_EXAMPLES, 10)
    assert sum(1 for _, out in tied if out) >= min(20, _SMALL_EXAMPLES), tied  # positions were tied


def test_solver_agrees_with_enumeration_alike_leaves(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same with three more leaves that no constant tells apart: the checker encodes two of
    them, the second counting for both others (model.alike_leaves), and writes the third out as
    a quiet copy. Verdicts, guarantee sets, sizes and the replayed situations must stay exact."""
    reduced = _recording(monkeypatch, solve, "alike_leaves")
    _run("alike_leaves", ALIKE_LEAVES, _SMALL_EXAMPLES, 10)
    assert sum(1 for _, out in reduced if out is not None) >= min(20, _SMALL_EXAMPLES), reduced


def test_solver_agrees_with_enumeration_alike_by_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same with every register given a signature of its own, so that only the shape of
    their encoded constraints (CheckSolver._shape) shows components to be alike: each then
    follows the first of its shape, whose answers are renamed onto it. Verdicts, guarantee
    sets, sizes and the replayed situations must stay exact."""
    monkeypatch.setattr(Model, "register_signature", lambda self, reg: reg)
    followed = [0]
    original = CheckSolver._shape

    def shape(self: CheckSolver, *args: Any) -> Any:  # counts shapes met before in the same check
        out = original(self, *args)
        seen = self.__dict__.setdefault("_shapes_seen", set())
        followed[0] += out is not None and out in seen
        seen.add(out)
        return out

    monkeypatch.setattr(CheckSolver, "_shape", shape)
    _run("alike_by_shape", ALIKE_LEAVES, _SMALL_EXAMPLES, 10)
    assert followed[0] >= min(20, _SMALL_EXAMPLES), followed  # components did follow one of their shape


def test_alike_leaves_fall_back_when_a_constraint_reads_two_leaves(monkeypatch: pytest.MonkeyPatch) -> None:
    """An invariant that the TD's CPUID differs from KVM's somewhere reads every leaf at once, so
    alike leaves are not independent copies: the checker encodes the whole space instead, and
    still agrees with the enumeration. (A single "somewhere" needs one witness, which two copies
    have, so the reduction would have been exact here too: this tests the fallback path, not
    that it is needed.)"""
    spans = _recording(monkeypatch, CheckSolver, "_spans_leaves")
    rng = random.Random(17)
    decided = 0
    for _ in range(400):
        gen = generate_for(random_pick(rng), ALIKE_LEAVES)
        text = gen.text.replace("check c {", "invariant somewhere_different: td.cpuid != kvm.cpuid\ncheck c {")
        text = text.replace("  verify ", "  verify somewhere_different\n  verify ", 1)
        if decide_and_compare(Generated(text, gen.notes, gen.file), ALIKE_LEAVES) is not None:
            decided += 1
        if decided == 15:
            break
    assert decided == 15
    # where the TD's and KVM's values do not fold to equal on the alike leaves, it fell back
    assert sum(1 for _, fell_back in spans if fell_back) >= 5, spans


def test_truth_tables_match_concrete_evaluator() -> None:
    """On small models, every situation: the truth-table algebra gives what ConcreteAlgebra gives."""
    rng = random.Random(20240411)
    for shape, wanted in ((NO_FUTURE, 4), (WITH_FUTURE, 2), (TWO_LEAVES, 2), (TWO_REGISTERS, 2)):
        done = 0
        while done < wanted:
            gen = generate_for(random_pick(rng), shape)
            program, diags = analyse_text(gen.text, gen.file)
            assert not [d for d in diags if d.is_error], gen.text
            e = enumerate_check(program, gen.file, shape)
            if e is None or e.n > 9:
                continue
            for index in range(e.alg.size):
                assert_matches_concrete(e, index)
            done += 1


def test_truth_table_algebra_basics() -> None:
    alg = TruthTableAlgebra({"x": 2, "y": 1, "leaf": 32}, {"leaf": FUTURE_LEAVES})
    x, y, leaf = alg.var("x", 2), alg.var("y", 1), alg.var("leaf", 32)
    assert alg.n == 5
    seen = set()
    for i in range(alg.size):
        a = alg.assignment(i)
        seen.add(a["leaf"])
        assert alg.index_of(a, lambda name, value: future_region(value)) == i
        at = lambda tt: bool(tt >> i & 1)  # noqa: E731
        assert at(alg.eq(x, alg.const(a["x"], 2))) and at(alg.bit(y, 0)) == bool(a["y"])
        assert at(alg.eq(leaf, alg.const(a["leaf"], 32)))
        assert at(alg.in_range(x, 1, 2)) == (1 <= a["x"] <= 2)
        assert at(alg.in_range(leaf, 0x80000000, 0x8000007F)) == (0x80000000 <= a["leaf"] <= 0x8000007F)
        assert at(alg.is_zero(alg.band(x, alg.const(1, 2)))) == (a["x"] & 1 == 0)
        assert at(alg.eq(alg.ite(alg.bit(y, 0), x, alg.const(3, 2)), alg.const(a["x"] if a["y"] else 3, 2)))
    assert seen == set(FUTURE_LEAVES)
    assert [future_region(v) for v in FUTURE_LEAVES] == [0, 1, 2, 3]


@pytest.mark.parametrize("shape", [NO_FUTURE, WITH_FUTURE, TWO_LEAVES, TWO_REGISTERS, WIDE_REGISTER, ALIKE_LEAVES],
                         ids=["one_leaf", "future", "two_leaves", "two_registers", "wide_register", "alike_leaves"])
def test_generator_writes_valid_specs(shape: Shape) -> None:
    rng = random.Random(7)
    for _ in range(20):
        gen = generate_for(random_pick(rng), shape)
        _, diags = analyse_text(gen.text, gen.file)
        assert not [d for d in diags if d.is_error], gen.text


def _with_sibling(gen: Generated) -> str:
    """The generated spec with its check again as `c2`, assuming every declared guarantee
    where `c` assumes some and none where `c` assumes none: checks that differ only in
    what they assume, which check_program encodes once (CheckSolver.sibling)."""
    start = gen.text.index("check c {")
    lines = [line for line in gen.text[start:].splitlines() if not line.startswith("  assume ")]
    lines[0] = "check c2 {"
    if not gen.notes["assumed"]:
        lines.insert(1, "  assume " + ", ".join(gen.notes["declared"]))
    return gen.text + "\n".join(lines) + "\n"


def _but_which_minimal_counterexample(result: Any) -> dict[str, Any]:
    """A result's JSON with its counterexample cut to its size and whether it is proved
    minimal: a solver that answered other questions first may find another one as small."""
    out = result.to_json() | {"seconds": 0}
    if out.get("counterexample"):
        out["counterexample"] = {k: out["counterexample"][k] for k in ("leaf_count", "bit_count", "minimal")}
    return out


def test_a_sibling_check_answers_as_it_does_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """On random small models split over two components (so that some counterexamples are
    searched again on whole leaves), the check that takes its sibling's encoding and solvers
    gets the results it gets alone: verdicts, guarantee sets, and counterexamples as small
    (the same leaves and bits counted, as proved minimal); which minimal counterexample may
    differ. Its counterexamples are replayed on the concrete evaluator like every other."""
    made = _recording(monkeypatch, CheckSolver, "sibling")
    rng = random.Random(23)
    shape, compared = TWO_REGISTERS, 0
    kw = {"width": shape.width, "wide_width": shape.wide_width, "registers": shape.registers}
    for _ in range(400):
        gen = generate_for(random_pick(rng), shape)
        if not gen.notes["declared"]:
            continue
        program, diags = analyse_text(_with_sibling(gen), gen.file)
        assert not [d for d in diags if d.is_error], gen.text
        together = solve.check_program(program, jobs=1, **kw)
        alone = [r for f, d in program.checks() for r in check_one(program, f, d, **kw)]
        assert [_but_which_minimal_counterexample(r) for r in together] == \
            [_but_which_minimal_counterexample(r) for r in alone], gen.text
        compared += 1
        if compared == 40:
            break
    assert compared == 40
    assert len(made) >= 30, len(made)  # the second check took the first's encoding
