"""Every case of the shared verdict table (tests/verdict_table.py) through check_one.

Besides the verdict itself: a counterexample exists exactly for VIOLATED;
the guarantee sets of a PROVED result are sufficient (re-checked with exactly
that set assumed), minimal and complete; the would-hold sets of a VIOLATED
result really make it hold, are minimal and complete; UNKNOWN says why and is
never PROVED; VACUOUS names what cannot hold; and every result serialises to
JSON.
"""

from __future__ import annotations

import functools
import itertools
import json

import pytest

from checker.results import CheckResult, Verdict
from checker.semantics import analyse_text
from checker.solve import MAX_WOULD_HOLD_SIZE, check_one
from verdict_table import CASES, Case, by_verdict

BY_NAME = {c.name: c for c in CASES}


def run_text(text: str, file: str, **kw: object) -> list[CheckResult]:
    program, diags = analyse_text(text, file)
    errors = [d for d in diags if d.is_error]
    assert not errors, "\n".join(map(str, errors))
    (f, decl), = program.checks()
    return check_one(program, f, decl, **kw)  # type: ignore[arg-type]


@functools.cache
def result(name: str) -> CheckResult:
    c = BY_NAME[name]
    kw = {} if c.rlimit is None else {"rlimit": c.rlimit}
    (r,) = [r for r in run_text(c.text, c.file, **kw) if r.invariant == c.invariant]
    return r


def with_assumed(text: str, names: list[str] | tuple[str, ...]) -> str:
    """The same spec with the check assuming exactly `names` (the design's own
    `assume` steps, inside the protocol, are left alone)."""
    head, sep, check = text.partition("check c {\n")
    assert sep, "a table case holds one check named c"
    lines = [ln for ln in check.split("\n") if not ln.startswith("  assume ")]
    at = next(i for i, ln in enumerate(lines) if ln.startswith("  module "))
    if names:
        lines.insert(at + 1, "  assume " + ", ".join(names))
    return head + sep + "\n".join(lines)


def verdict_with(c: Case, names: list[str] | tuple[str, ...]) -> Verdict:
    (r,) = [r for r in run_text(with_assumed(c.text, names), c.file, guarantee_sets=False, minimise=False)
            if r.invariant == c.invariant]
    return r.verdict


def has_module_assume(c: Case) -> bool:
    module = c.text.split("module m", 1)[1].split("}", 1)[0]
    return "assume" in module


def ids(cases: list[Case]) -> list[str]:
    return [c.name for c in cases]


# ------------------------------------------------------------------ the table itself

def test_table_covers_every_verdict() -> None:
    groups = by_verdict()
    assert len(CASES) >= 16
    for v in Verdict:
        assert len(groups.get(v.value, [])) >= 3, (v, len(groups.get(v.value, [])))
    for c in CASES:
        assert "import" not in c.text, f"{c.name} is not self-contained"
        if c.verdict == "unknown":
            assert c.rlimit is not None and c.underlying in ("proved", "violated", "vacuous"), c.name
        if c.same_as is not None:
            assert c.same_as in BY_NAME, c.name


def test_future_leaf_pairs() -> None:
    """A violation only through the unknown future leaf (the spec with `no future leaf` is PROVED),
    and one only through a future leaf numbered above 0x7F (the spec whose GET reads every leaf is PROVED)."""
    only = BY_NAME["future_leaf_only_violation"]
    without = BY_NAME["future_leaf_only_violation__no_future"]
    assert only.text.replace("with future leaf", "no future leaf") == without.text
    assert (only.verdict, without.verdict) == ("violated", "proved")
    above = BY_NAME["future_fixed1_beyond_get_range"]
    everything = BY_NAME["future_fixed1_get_reads_everything"]
    assert above.text.replace("on leaves 0..0x7F }", "on leaves 0..0xFFFFFFFF }") == everything.text
    assert (above.verdict, everything.verdict) == ("violated", "proved")


# ------------------------------------------------------------------ verdicts

@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_verdict(case: Case) -> None:
    r = result(case.name)
    assert r.verdict.value == case.verdict, (r.verdict, r.reason, r.vacuity)
    assert (r.counterexample is not None) == (r.verdict is Verdict.VIOLATED)
    if r.verdict is not Verdict.PROVED:
        assert not r.guarantee_sets and not r.guarantees_unused
    if r.verdict is not Verdict.VIOLATED:
        assert r.would_hold_with is None
    assert (r.vacuity is not None) == (r.verdict is Verdict.VACUOUS)
    if case.guarantee_sets is not None:
        assert r.guarantee_sets == case.guarantee_sets
    if case.guarantees_unused is not None:
        assert r.guarantees_unused == case.guarantees_unused
    if case.would_hold_with is not None:
        assert r.would_hold_with == case.would_hold_with
    if case.vacuity_guarantees is not None:
        assert r.vacuity is not None and sorted(r.vacuity.guarantees) == sorted(case.vacuity_guarantees)
    for text in case.vacuity_bits:
        assert r.vacuity is not None and any(text in b for b in r.vacuity.bits), r.vacuity
    for text in case.vacuity_reasons:
        assert r.vacuity is not None and any(text in x for x in r.vacuity.reasons), r.vacuity
    if case.cex_positions is not None:
        assert r.counterexample is not None and r.counterexample.bits
        positions = [b.position for b in r.counterexample.bits]
        assert all(any(p in pos for p in case.cex_positions) for pos in positions), positions
        assert all(any(p in pos for pos in positions) for p in case.cex_positions), positions
    if case.future_leaf_above is not None:
        assert r.counterexample is not None
        assert r.counterexample.assignment["future_leaf"] > case.future_leaf_above
        assert all("(the future leaf)" in b.position for b in r.counterexample.bits)


UNKNOWN = by_verdict()["unknown"]


@pytest.mark.parametrize("case", UNKNOWN, ids=ids(UNKNOWN))
def test_unknown_is_never_proved(case: Case) -> None:
    """A tiny resource limit gives UNKNOWN with the reason, never PROVED; the same spec with the
    default limit is decided."""
    r = result(case.name)
    assert r.verdict is Verdict.UNKNOWN
    assert r.reason and "resource limit" in r.reason, r.reason
    assert r.counterexample is None and not r.guarantee_sets and r.vacuity is None
    assert not r.as_expected  # nothing expected: only PROVED would be as expected
    assert case.same_as is not None
    base = BY_NAME[case.same_as]
    assert base.text == case.text and base.rlimit is None
    assert result(base.name).verdict.value == case.underlying


# ------------------------------------------------------------------ guarantee sets

PROVED = by_verdict()["proved"]


@pytest.mark.parametrize("case", PROVED, ids=ids(PROVED))
def test_guarantee_sets_sufficient_minimal_complete(case: Case) -> None:
    r = result(case.name)
    assert not has_module_assume(case), "the re-checks below replace the check's assumptions only"
    assumed = check_assumptions(case)
    assert sorted({g for s in r.guarantee_sets for g in s} | set(r.guarantees_unused)) == sorted(assumed)
    assert r.guarantee_sets, "a PROVED result names at least one (possibly empty) sufficient set"
    for s in r.guarantee_sets:
        assert verdict_with(case, s) is Verdict.PROVED, s  # sufficient, with exactly that set assumed
        for g in s:
            smaller = [x for x in s if x != g]
            assert verdict_with(case, smaller) is Verdict.VIOLATED, (s, g)  # minimal
    # complete: every subset of the check's assumptions that suffices contains one of the sets
    for size in range(len(assumed) + 1):
        for subset in itertools.combinations(sorted(assumed), size):
            if any(set(s) <= set(subset) for s in r.guarantee_sets):
                continue
            assert verdict_with(case, subset) is not Verdict.PROVED, subset


VIOLATED = by_verdict()["violated"]


@pytest.mark.parametrize("case", VIOLATED, ids=ids(VIOLATED))
def test_would_hold_with_really_holds(case: Case) -> None:
    r = result(case.name)
    assert not has_module_assume(case)
    assumed = check_assumptions(case)
    assert r.would_hold_with is not None
    for s in r.would_hold_with:
        assert verdict_with(case, assumed + s) is Verdict.PROVED, s
        for g in s:
            assert verdict_with(case, assumed + [x for x in s if x != g]) is Verdict.VIOLATED, (s, g)
    # complete: no other consistent subset of the other guarantees (up to the size limit) makes it hold
    others = [g for g in declared_guarantees(case) if g not in assumed]
    assert r.would_hold_complete == (len(others) <= MAX_WOULD_HOLD_SIZE)
    for size in range(1, min(MAX_WOULD_HOLD_SIZE, len(others)) + 1):
        for subset in itertools.combinations(others, size):
            if any(set(s) <= set(subset) for s in r.would_hold_with):
                continue
            assert verdict_with(case, assumed + list(subset)) is not Verdict.PROVED, subset


def check_assumptions(case: Case) -> list[str]:
    check = case.text.partition("check c {\n")[2]
    return [n.strip() for ln in check.split("\n") if ln.startswith("  assume ")
            for n in ln[len("  assume "):].split(",")]


def declared_guarantees(case: Case) -> list[str]:
    return [ln.split()[1].rstrip(":") for ln in case.text.split("\n") if ln.startswith("guarantee ")]


# ------------------------------------------------------------------ JSON

@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_json_serialisable(case: Case) -> None:
    r = result(case.name)
    data = json.loads(json.dumps(r.to_json()))
    assert data["verdict"] == case.verdict
    assert data["invariant"] == case.invariant and data["check"] == "c"
    assert (data["counterexample"] is None) == (case.verdict != "violated")
    if data["counterexample"] is not None:
        assert "assignment" not in data["counterexample"]
        assert data["counterexample"]["bits"], data["counterexample"]
    if case.verdict == "vacuous":
        assert data["vacuity"]["guarantees"] == r.vacuity.guarantees  # type: ignore[union-attr]
    if case.verdict == "unknown":
        assert "resource limit" in data["reason"]


# ------------------------------------------------------------------ hosts given as zero (a fixed bug)

HOST_REGISTER_ZERO = """\
leaf 0x1
feature A = 0x1.EAX[0]
module m {
  native A
}
host h { cpuid mask(0x1.EAX, 0) }
invariant no_A: td.cpuid & A == {}
design d {
  ioctl INIT(cpuid) vm in created -> initialized { sets td.config = cpuid }
  protocol {
    call INIT({})
  }
}
check c {
  design d
  module m
  host h
  verify no_A
}
"""


# A host statement makes every leaf it names concrete, even a register it gives as 0.
def test_host_register_given_as_zero_is_concrete() -> None:
    (r,) = run_text(HOST_REGISTER_ZERO, "host_zero.cpuid")
    assert r.verdict is Verdict.PROVED, r.counterexample and r.counterexample.bits


def test_host_naming_another_bit_of_the_leaf_is_concrete() -> None:
    """The way that worked before the fix: naming a 1-bit elsewhere in leaf 1 pins EAX to 0."""
    (r,) = run_text(HOST_REGISTER_ZERO.replace("mask(0x1.EAX, 0)", "0x1.EBX[3]"), "host_ebx.cpuid")
    assert r.verdict is Verdict.PROVED
