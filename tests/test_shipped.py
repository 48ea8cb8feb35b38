"""The shipped specs: they analyse cleanly, and a sample of their checks gives
the verdicts the specs expect. (CI also runs the full `cpuid-contracts check`,
which fails on any verdict that is not as expected.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.results import Verdict
from checker.semantics import analyse
from checker.solve import check_one

SPEC = Path(__file__).resolve().parent.parent / "spec"


@pytest.fixture(scope="module")
def program():
    program, diags = analyse([SPEC])
    errors = [d for d in diags if d.is_error]
    assert not errors, "\n".join(d.render() for d in errors)
    return program


def test_every_check_states_its_expectations(program):
    checks = program.checks()
    assert len(checks) >= 13
    for _, decl in checks:
        verifies = [s for s in decl.statements if hasattr(s, "invariant")]
        assert verifies, decl.name.name
        assert all(v.expect is not None for v in verifies), decl.name.name


@pytest.mark.parametrize("name", ["option2_amended__tdx_1_5_01", "upstream_6_16__tdx_1_5_01__fixed1_known"])
def test_sample_checks_as_expected(program, name):
    file, decl = next((f, d) for f, d in program.checks() if d.name.name == name)
    results = check_one(program, file, decl)
    assert results
    for r in results:
        assert r.as_expected, f"{r.check}/{r.invariant}: {r.verdict.value}, expected {r.expected}"
        if r.verdict is Verdict.VIOLATED:
            assert r.counterexample is not None and r.counterexample.bits


def test_release_breaking_a_guarantee_names_it_and_its_bits(program):
    file, decl = next((f, d) for f, d in program.checks()
                      if d.name.name == "upstream_6_16__tdx_1_5_01__fixed1_known")
    results = check_one(program, file, decl)
    assert {r.verdict for r in results} == {Verdict.VACUOUS}
    vac = results[0].vacuity
    assert vac is not None and vac.guarantees == ["fixed1_known"]
    assert any(b.startswith("fixed1_known: 0x0.EAX[") for b in vac.bits)


def test_counterexamples_are_proved_minimal_where_assumptions_force_deviation(program):
    """promising_release's assumptions make some registers deviate in every situation; with
    a leaf split over components the counterexample is then searched on whole leaves, and
    must still come back proved minimal (fewest leaves, then bits)."""
    file, decl = next((f, d) for f, d in program.checks() if d.name.name == "option2_amended__promising_release")
    violated = [r for r in check_one(program, file, decl) if r.verdict is Verdict.VIOLATED]
    assert violated
    for r in violated:
        assert r.counterexample is not None and r.counterexample.minimal, r.invariant


FORCED_DEVIATION = """
leaf 0x1
feature A = 1.EAX[0]
feature B = 1.EBX[0]
module m symbolic {
}
guarantee a_requested: A <= userspace.request
invariant b_not_requested: userspace.request & B == {}
design d {
  protocol {
  }
}
check c {
  design d
  module m
  assume a_requested
  verify b_not_requested expect violated
}
"""


def test_leaf_counts_are_a_union_when_a_leaf_is_split_over_components():
    """The assumption makes userspace request 0x1.EAX[0] in every situation, and the
    violation requests 0x1.EBX[0]: same leaf, other register. Beyond the quietest situation
    the counterexample touches no new leaf and one new bit; summing per-register components
    would say one leaf."""
    from checker.semantics import analyse_text

    program, diags = analyse_text(FORCED_DEVIATION, "forced.cpuid")
    assert not [d for d in diags if d.is_error]
    ((file, decl),) = program.checks()
    (r,) = check_one(program, file, decl)
    assert r.verdict is Verdict.VIOLATED
    c = r.counterexample
    assert c is not None and c.minimal
    assert (c.leaf_count, c.bit_count) == (0, 1)
