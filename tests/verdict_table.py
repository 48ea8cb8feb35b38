"""One shared table of small, self-contained specs with their known verdicts.

Every case is a complete spec text (a leaf or two, a tiny module, parties, a
tiny design, invariants and guarantees) holding exactly one check, and the
verdict the semantics of checker/model.py implies for each invariant it
verifies. The verdicts were derived by hand from the module docstring of
checker/model.py (the reasoning is in each case's `why`) and then confirmed
with the checker; tests/test_verdicts.py and tests/test_replay.py run them.

UNKNOWN cases are ordinary cases run with a tiny resource limit
(check_one(..., rlimit=1)); `underlying` is the verdict the same spec gets
with the default limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ------------------------------------------------------------------ building blocks

CATALOG = """\
leaf 0x1
feature A = 0x1.EAX[0]
feature B = 0x1.EAX[1]
set KVM_ACTED_ON = {A}
"""

# The six standard invariants of spec/properties.cpuid (copied: a case is self-contained).
INVARIANTS = {
    "kvm_never_enables_unknown":
        "td.cpuid & (module.configurable | module.configurable_if_native) - kvm.known == {}",
    "td_has_no_unknown": "td.cpuid - module.dynamic - kvm.known == {}",
    "fixed1_visible": "td.cpuid & module.fixed1 <= userspace.view",
    "userspace_view_exact": "userspace.view - module.dynamic == td.cpuid - module.dynamic",
    "kvm_view_consistent": "(kvm.cpuid ^ td.cpuid) & (KVM_ACTED_ON | module.faulting) == {}",
    "no_silent_drop": "userspace.request - module.dynamic <= td.cpuid",
}

# The named guarantees of spec/properties.cpuid that need no other file, plus a few local ones.
GUARANTEES = {
    "fixed1_known": "module.fixed1 <= kvm.known",
    "native_known": "module.native & host.native <= kvm.known",
    "reported_is_accepted": "module.reported_configurable == module.accepted_configurable",
    "virtualized_leaves_readable":
        "module.virtualized == (module.virtualized on leaves 0..0x7F, 0x80000000..0x8000007F)",
    "no_future_fixed1": "module.fixed1 & future.* == {}",
    "configurable_known": "module.configurable | module.configurable_if_native <= kvm.known",
    "no_fixed1": "module.fixed1 == {}",
    "future_fixed1": "future.EAX[0] <= module.fixed1",
    "A_fixed1": "A <= module.fixed1",
    "A_fixed0": "A <= module.fixed0",
    "host_lacks_A": "host.native & A == {}",
    "host_has_B": "B <= host.native",
}


def invariants(*names: str) -> str:
    return "".join(f"invariant {n}: {INVARIANTS[n]}\n" for n in names)


def guarantees(*names: str) -> str:
    return "".join(f"guarantee {n}: {GUARANTEES[n]}\n" for n in names)


def design(caps: str = "module.reported_configurable & kvm.known",
           init_requires: str | None = "cpuid <= module.reported_configurable & kvm.known",
           config: str = "cpuid",
           get: str | None = "td.cpuid",
           set_cpuid2: bool = False,
           view: str = "got") -> str:
    """A four-ioctl design in the shape of the thread's options.

    CAPS returns `caps`; INIT(cpuid) checks `init_requires` and sets td.config =
    `config`; GET returns `get` (None: no GET ioctl, so `view` must not name got);
    with `set_cpuid2`, userspace hands what GET returned to KVM_SET_CPUID2."""
    lines = ["design d {",
             f"  ioctl CAPS() vm in created {{ returns {caps} }}",
             "  ioctl INIT(cpuid) vm in created -> initialized {"]
    if init_requires:
        lines.append(f"    requires {init_requires} else EINVAL")
    lines += [f"    sets td.config = {config}", "  }",
              "  ioctl INIT_VCPU() vcpu in initialized -> vcpu_initialized { }"]
    if get is not None:
        lines.append(f"  ioctl GET() vcpu in vcpu_initialized {{ returns {get} }}")
    if set_cpuid2:
        lines.append("  ioctl SET_CPUID2(cpuid) vcpu in vcpu_initialized { sets kvm.cpuid = cpuid }")
    lines += ["  protocol {",
              "    let caps = call CAPS()",
              "    assume userspace.request <= caps",
              "    call INIT(userspace.request)",
              "    call INIT_VCPU()"]
    if get is not None:
        lines.append("    let got = call GET()")
    if set_cpuid2:
        lines.append("    call SET_CPUID2(got)")
    lines += [f"    view {view}", "  }", "}"]
    return "\n".join(lines) + "\n"


def check(verify: str, module: str = "m", kvm: str | None = None, host: str | None = None,
          assume: tuple[str, ...] = (), future: bool | None = None) -> str:
    lines = ["check c {", "  design d", f"  module {module}"]
    if kvm:
        lines.append(f"  kvm {kvm}")
    if host:
        lines.append(f"  host {host}")
    if future is not None:
        lines.append("  with future leaf" if future else "  no future leaf")
    if assume:
        lines.append("  assume " + ", ".join(assume))
    lines.append(f"  verify {verify}")
    lines.append("}")
    return "\n".join(lines) + "\n"


SYMBOLIC = "module m symbolic {\n}\n"


def spec(*parts: str) -> str:
    return CATALOG + "".join(parts)


# ------------------------------------------------------------------ the table

@dataclass(frozen=True)
class Case:
    """One spec with one check; `verdict` is what check_one must answer for `invariant`."""

    name: str
    text: str
    invariant: str
    verdict: str  # "proved" | "violated" | "vacuous" | "unknown"
    why: str
    rlimit: int | None = None  # None: the checker's default
    underlying: str | None = None  # UNKNOWN cases: the verdict under the default rlimit
    # exact expectations where the semantics pins them down (None: not asserted)
    guarantee_sets: list[list[str]] | None = None
    guarantees_unused: list[str] | None = None
    would_hold_with: list[list[str]] | None = None
    vacuity_guarantees: list[str] | None = None
    vacuity_bits: list[str] = field(default_factory=list)  # substrings some vacuity.bits entry has
    vacuity_reasons: list[str] = field(default_factory=list)  # substrings some vacuity.reasons entry has
    cex_positions: list[str] | None = None  # each counterexample bit's position contains one; each is used
    future_leaf_above: int | None = None  # the counterexample's future leaf number is above this
    same_as: str | None = None  # the spec is `same_as`'s but for the check line(s) noted in `why`

    @property
    def file(self) -> str:
        return f"{self.name}.cpuid"


CASES: list[Case] = []


def case(**kw: object) -> Case:
    c = Case(**kw)  # type: ignore[arg-type]
    assert all(c.name != x.name for x in CASES), c.name
    CASES.append(c)
    return c


# -- kvm_never_enables_unknown: the amended option (caps = reported & known) vs the proposed one
case(name="amended_never_enables_unknown",
     text=spec("module m {\n  fixed1 A\n  configurable B\n}\nkvm k { knows B }\n",
               invariants("kvm_never_enables_unknown"), guarantees("configurable_known"), design(),
               check("kvm_never_enables_unknown", kvm="k")),
     invariant="kvm_never_enables_unknown", verdict="proved",
     why="td.config = request <= reported & known; the only configurable bit B is known",
     guarantee_sets=[[]], guarantees_unused=[])

case(name="proposed_sets_unknown_configurable",
     text=spec("module m {\n  fixed1 A\n  configurable B\n}\n",
               invariants("kvm_never_enables_unknown"), guarantees("configurable_known", "fixed1_known"),
               design(config="cpuid | (module.reported_configurable - kvm.known)"),
               check("kvm_never_enables_unknown")),
     invariant="kvm_never_enables_unknown", verdict="violated",
     why="KVM sets every reported-but-unknown configurable bit: B with B unknown to a symbolic KVM; "
         "configurable_known (B known) would make it hold, fixed1_known is about A only",
     would_hold_with=[["configurable_known"]], cex_positions=["0x1.EAX[1]"])

# -- td_has_no_unknown for any release: the module must promise fixed1_known and native_known
case(name="any_release_td_has_no_unknown_with_promises",
     text=spec(SYMBOLIC, invariants("td_has_no_unknown"),
               guarantees("fixed1_known", "native_known", "reported_is_accepted"), design(),
               check("td_has_no_unknown", assume=("fixed1_known", "native_known", "reported_is_accepted"))),
     invariant="td_has_no_unknown", verdict="proved",
     why="TD bits are fixed1 (known by fixed1_known), native&host (known by native_known), configured "
         "(<= caps <= known), dynamic (excluded) or faulting (kvm.cpuid, never set: 0); on the future leaf "
         "KVM knows nothing, so the two promises forbid fixed1 and native-1 bits there and nothing is requested",
     guarantee_sets=[["fixed1_known", "native_known"]], guarantees_unused=["reported_is_accepted"])

case(name="any_release_td_has_no_unknown_without_promises",
     text=spec(SYMBOLIC, invariants("td_has_no_unknown"),
               guarantees("fixed1_known", "native_known", "reported_is_accepted"), design(),
               check("td_has_no_unknown", future=False)),
     invariant="td_has_no_unknown", verdict="violated",
     why="a fixed1 bit or a native bit of the host unknown to KVM; both promises are needed",
     would_hold_with=[["fixed1_known", "native_known"]])

case(name="alternative_guarantees",
     text=spec(SYMBOLIC, "invariant fixed1_all_known: td.cpuid & module.fixed1 - kvm.known == {}\n",
               guarantees("fixed1_known", "no_fixed1"), design(),
               check("fixed1_all_known", assume=("fixed1_known", "no_fixed1"))),
     invariant="fixed1_all_known", verdict="proved",
     why="either promise alone suffices (no fixed1 bits at all, or every one known); together consistent",
     guarantee_sets=[["fixed1_known"], ["no_fixed1"]], guarantees_unused=[])

# -- the unknown future leaf: KVM knows all of leaf 1, nothing of the future leaf
FUTURE_ONLY = spec(SYMBOLIC, "kvm k { knows 0x1.* }\n", invariants("td_has_no_unknown"),
                   guarantees("fixed1_known", "native_known", "no_future_fixed1"), design())
case(name="future_leaf_only_violation",
     text=FUTURE_ONLY + check("td_has_no_unknown", kvm="k", future=True),
     invariant="td_has_no_unknown", verdict="violated",
     why="every bit of leaf 1 is known, so only a fixed1 or native-1 bit of the future leaf (which KVM "
         "never knows) breaks it; no_future_fixed1 covers fixed1 like fixed1_known does",
     would_hold_with=[["fixed1_known", "native_known"], ["native_known", "no_future_fixed1"]],
     cex_positions=["(the future leaf)"])
case(name="future_leaf_only_violation__no_future",
     text=FUTURE_ONLY + check("td_has_no_unknown", kvm="k", future=False),
     invariant="td_has_no_unknown", verdict="proved", same_as="future_leaf_only_violation",
     why="the same spec with `no future leaf`: leaf 1 is all known",
     guarantee_sets=[[]])


def future_fixed1_spec(get_ranges: str) -> str:
    return spec(SYMBOLIC, invariants("fixed1_visible"),
                guarantees("future_fixed1", "virtualized_leaves_readable", "reported_is_accepted"),
                design(get=f"td.cpuid on leaves {get_ranges}"))


case(name="future_fixed1_beyond_get_range",
     text=future_fixed1_spec("0..0x7F") + check("fixed1_visible", assume=("future_fixed1",), future=True),
     invariant="fixed1_visible", verdict="violated",
     why="the future leaf has a fixed1 bit (assumed); GET reads leaves 0..0x7F only, so a future leaf "
         "numbered above 0x7F hides it; virtualized_leaves_readable still allows 0x80000000..0x8000007F",
     would_hold_with=[], future_leaf_above=0x7F)
case(name="future_fixed1_get_reads_everything",
     text=future_fixed1_spec("0..0xFFFFFFFF") + check("fixed1_visible", assume=("future_fixed1",), future=True),
     invariant="fixed1_visible", verdict="proved", same_as="future_fixed1_beyond_get_range",
     why="the same spec with GET reading every leaf: every fixed1 bit is held and returned",
     guarantee_sets=[[]], guarantees_unused=["future_fixed1"])
case(name="future_fixed1_upstream_ranges",
     text=future_fixed1_spec("0..0x7F, 0x80000000..0x8000007F")
     + check("fixed1_visible", assume=("future_fixed1",), future=True),
     invariant="fixed1_visible", verdict="violated",
     why="GET reads the two ranges of TDH.MNG.RD; a future leaf outside both hides its fixed1 bit, unless "
         "the module promises every virtualized leaf is readable (the fixed1 bit makes the leaf virtualized)",
     would_hold_with=[["virtualized_leaves_readable"]], future_leaf_above=0x7F)

# -- userspace_view_exact: userspace's view is its request
case(name="view_exact_native_verified_0",
     text=spec("module m {\n  configurable B\n  native A verified 0\n}\n", invariants("userspace_view_exact"),
               guarantees("host_lacks_A"), design(get=None, view="userspace.request"),
               check("userspace_view_exact")),
     invariant="userspace_view_exact", verdict="proved",
     why="the host passes TDH.SYS.INIT only with A native 0, so the TD has exactly the requested B; "
         "unlisted bits are faulting and KVM's copy is never set",
     guarantee_sets=[[]])
case(name="view_exact_native_unverified",
     text=spec("module m {\n  configurable B\n  native A\n}\n", invariants("userspace_view_exact"),
               guarantees("host_lacks_A"), design(get=None, view="userspace.request"),
               check("userspace_view_exact")),
     invariant="userspace_view_exact", verdict="violated",
     why="a host with A set gives the TD A, which userspace never requested nor read",
     would_hold_with=[["host_lacks_A"]], cex_positions=["0x1.EAX[0]"])

# -- kvm_view_consistent: KVM's copy is only right if userspace hands it what GET returned
case(name="kvm_copy_never_set",
     text=spec("module m {\n  fixed1 A\n  configurable B\n}\nkvm k { knows A | B }\n",
               invariants("kvm_view_consistent"), design(), check("kvm_view_consistent", kvm="k")),
     invariant="kvm_view_consistent", verdict="violated",
     why="A is fixed1 and acted on by KVM, but nothing sets kvm.cpuid",
     would_hold_with=[], cex_positions=["0x1.EAX[0]"])
case(name="kvm_copy_from_get",
     text=spec("module m {\n  fixed1 A\n  configurable B\n}\nkvm k { knows A | B }\n",
               invariants("kvm_view_consistent"), design(set_cpuid2=True), check("kvm_view_consistent", kvm="k")),
     invariant="kvm_view_consistent", verdict="proved",
     why="kvm.cpuid = what the module holds; on faulting bits both are 0",
     guarantee_sets=[[]])

# -- no_silent_drop: a configurable-if-native bit the module reports whatever the host
case(name="no_silent_drop_default_reports",
     text=spec("module m {\n  configurable_if_native B\n}\n", invariants("no_silent_drop"),
               guarantees("host_has_B"), design(caps="module.reported_configurable", init_requires=None),
               check("no_silent_drop")),
     invariant="no_silent_drop", verdict="proved",
     why="a concrete module reports configurable_if_native bits only where native, so a requested B is kept",
     guarantee_sets=[[]])
case(name="no_silent_drop_reports_all",
     text=spec("module m {\n  configurable_if_native B\n  reports configurable | configurable_if_native\n}\n",
               invariants("no_silent_drop"), guarantees("host_has_B"),
               design(caps="module.reported_configurable", init_requires=None), check("no_silent_drop")),
     invariant="no_silent_drop", verdict="violated",
     why="B is reported on every host; requested on a host without B, TDH.MNG.INIT accepts it and drops it",
     would_hold_with=[["host_has_B"]], cex_positions=["0x1.EAX[1]"])

# -- VACUOUS
case(name="contradictory_guarantees",
     text=spec(SYMBOLIC, invariants("td_has_no_unknown"), guarantees("A_fixed1", "A_fixed0"), design(),
               check("td_has_no_unknown", assume=("A_fixed1", "A_fixed0"))),
     invariant="td_has_no_unknown", verdict="vacuous",
     why="a bit has one class: A cannot be both fixed1 and fixed0",
     vacuity_guarantees=["A_fixed1", "A_fixed0"])
case(name="concrete_module_breaks_guarantee",
     text=spec("module m {\n  fixed1 A\n  configurable B\n}\nkvm k { knows B }\n", invariants("td_has_no_unknown"),
               guarantees("fixed1_known"), design(), check("td_has_no_unknown", kvm="k", assume=("fixed1_known",))),
     invariant="td_has_no_unknown", verdict="vacuous",
     why="the release has A fixed1 and KVM does not know A: the assumed fixed1_known is false",
     vacuity_guarantees=["fixed1_known"], vacuity_bits=["fixed1_known: 0x1.EAX[0] (A)"])
case(name="module_assumes_what_it_breaks",
     text=spec("module m {\n  fixed1 A\n  configurable B\n  assume fixed1_known\n}\nkvm k { knows B }\n",
               invariants("td_has_no_unknown"), guarantees("fixed1_known"), design(),
               check("td_has_no_unknown", kvm="k")),
     invariant="td_has_no_unknown", verdict="vacuous",
     why="the module's own `assume` is added to the check's assumptions, and it breaks it (bit A)",
     vacuity_guarantees=["fixed1_known"], vacuity_bits=["fixed1_known: 0x1.EAX[0]"])
case(name="requires_never_holds",
     text=spec(SYMBOLIC, invariants("td_has_no_unknown"),
               design(init_requires="module.fixed1 & module.fixed0 != {}"), check("td_has_no_unknown")),
     invariant="td_has_no_unknown", verdict="vacuous",
     why="no bit is both fixed1 and fixed0, so INIT always fails and no run completes",
     vacuity_guarantees=[], vacuity_reasons=["INIT requires module.fixed1 & module.fixed0 != {}"])
case(name="host_fails_module_check",
     text=spec("module m {\n  native A verified 1\n  configurable B\n}\nhost h { cpuid B }\n",
               invariants("td_has_no_unknown"), design(), check("td_has_no_unknown", host="h")),
     invariant="td_has_no_unknown", verdict="vacuous",
     why="the module verifies native A == 1 at TDH.SYS.INIT and the host has A clear",
     vacuity_guarantees=[], vacuity_reasons=["TDH.SYS.INIT check of 0x1"])

# -- UNKNOWN: the same specs with a resource limit of 1 (never PROVED)
for base in ("any_release_td_has_no_unknown_with_promises", "future_fixed1_beyond_get_range",
             "alternative_guarantees", "contradictory_guarantees"):
    b = next(x for x in CASES if x.name == base)
    case(name=f"{base}__rlimit_1", text=b.text, invariant=b.invariant, verdict="unknown", rlimit=1,
         underlying=b.verdict, same_as=base,
         why=f"{base} with rlimit=1: the solver stops before deciding, and says so")


def by_verdict() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for c in CASES:
        out.setdefault(c.verdict, []).append(c)
    return out
