"""compare (checker/compare.py): verdict tables under one setup, a situation for each
invariant on which two designs differ, and the same-TD-CPUID question. Every
situation is replayed here through the concrete evaluator, independently of the
replay compare does itself."""

from __future__ import annotations

import dataclasses
import json

import pytest
from verdict_table import CATALOG, design, guarantees, invariants

from checker import ast
from checker.cli import load, main
from checker.compare import CompareError, choose_template, compare
from checker.model import ConcreteAlgebra, build_model, build_space, resolve_check
from checker.results import Verdict
from checker.semantics import analyse_text


@pytest.fixture(scope="module")
def shipped():
    program, diags, where = load([])
    assert not [d for d in diags if d.is_error]
    return program, where


def _setup(program, file, template, name):
    base = resolve_check(program, file, template)
    decl = next(d for _, d in program.declarations(ast.DesignDecl) if d.name.name == name)
    return dataclasses.replace(base, design=decl), build_space(program, base)


def _replay(program, file, template, name, assignment):
    """The design's concrete model in the situation, and whether its assumptions hold there."""
    setup, space = _setup(program, file, template, name)
    m = build_model(program, setup, ConcreteAlgebra(assignment), space=space)
    allowed = all(c for _, c in m.structural_constraints()) and all(c for _, _, c in m.run.ok) and \
        all(m.property_value(g.expr, program.file_of(g.decl)) for g in setup.assumed)
    return m, allowed


def _holds(program, model, setup_inv):
    return model.property_value(setup_inv.expr, program.file_of(setup_inv.decl))


def test_shipped_designs_that_differ_get_a_replayed_situation(shipped):
    program, where = shipped
    file, template = choose_template(program, ["option1_tell", "option2_amended"], "tdx_1_5_01", None, where)
    assert template.name.name == "option1_tell__tdx_1_5_01"
    result = compare(program, file, template, ["option1_tell", "option2_amended"], ["userspace_view_exact"])
    table = {(r.design, r.invariant): r.verdict for r in result.results}
    assert table == {("option1_tell", "userspace_view_exact"): Verdict.VIOLATED,
                     ("option2_amended", "userspace_view_exact"): Verdict.PROVED}
    (diff,) = result.differences
    assert (diff.first, diff.second) == ("option2_amended", "option1_tell") and diff.counterexample is not None
    assert diff.counterexample.bits and diff.holding_steps
    inv = next(i for i in resolve_check(program, file, template).invariants if i.name == "userspace_view_exact")
    good, good_ok = _replay(program, file, template, "option2_amended", diff.counterexample.assignment)
    bad, bad_ok = _replay(program, file, template, "option1_tell", diff.counterexample.assignment)
    assert good_ok and bad_ok
    assert _holds(program, good, inv) and not _holds(program, bad, inv)
    # they differ on what userspace sees, not on what the TD gets
    (td,) = result.td
    assert td.same is True and not td.bits


def test_shipped_designs_with_different_td_cpuid(shipped):
    program, where = shipped
    file, template = choose_template(program, ["option2_proposed", "upstream_6_16"], "tdx_1_5_01", None, where)
    result = compare(program, file, template, ["option2_proposed", "upstream_6_16"], ["kvm_never_enables_unknown"])
    (td,) = result.td
    assert td.same is False and td.bits and set(td.steps) == {"option2_proposed", "upstream_6_16"}
    # replay: some bit of td.cpuid differs, at a position the report names
    a, a_ok = _replay(program, file, template, "option2_proposed", td.assignment)
    b, b_ok = _replay(program, file, template, "upstream_6_16", td.assignment)
    assert a_ok and b_ok
    differing = [(r, bit) for r in a.run.td_guest for bit in range(32)
                 if (a.run.td_guest[r] ^ b.run.td_guest[r]) >> bit & 1]
    assert len(differing) == len(td.bits)
    first, _ = td.bits[0]
    assert first.position.startswith(program.register_notation(differing[0][0]))
    # both verdicts are VIOLATED: no difference to explain
    assert result.differences == []


# A design that always requests B: the proposed design's smallest counterexample (no
# request at all) is outside its assumptions, so compare must look for another situation.
ALWAYS_B = """\
design a {
  ioctl CAPS() vm in created { returns module.reported_configurable & kvm.known }
  ioctl INIT(cpuid) vm in created -> initialized {
    requires cpuid <= module.reported_configurable & kvm.known else EINVAL
    sets td.config = cpuid
  }
  ioctl INIT_VCPU() vcpu in initialized -> vcpu_initialized { }
  ioctl GET() vcpu in vcpu_initialized { returns td.cpuid }
  protocol {
    let caps = call CAPS()
    assume userspace.request <= caps
    assume B <= userspace.request
    call INIT(userspace.request)
    call INIT_VCPU()
    let got = call GET()
    view got
  }
}
"""
SMALL = CATALOG + "module m {\n  configurable A\n  configurable B\n}\n" + invariants("kvm_never_enables_unknown") + \
    guarantees("configurable_known") + ALWAYS_B + \
    design(config="cpuid | (module.reported_configurable - kvm.known)").replace("design d {", "design b {") + \
    "check c {\n  design a\n  module m\n  verify kvm_never_enables_unknown\n}\n"


@pytest.fixture(scope="module")
def small():
    program, diags = analyse_text(SMALL, "small.cpuid")
    assert not [d for d in diags if d.is_error], [d.render() for d in diags]
    return program


def test_situation_outside_the_smallest_counterexample(small):
    file, template = choose_template(small, ["a", "b"], None, "c", "small.cpuid")
    result = compare(small, file, template, ["a", "b"])
    (diff,) = result.differences
    assert (diff.first, diff.second, diff.first_verdict, diff.second_verdict) == ("a", "b", "proved", "violated")
    cex = diff.counterexample
    assert cex is not None and cex.leaf_count == -1  # z3's situation: its size is not measured
    inv = resolve_check(small, file, template).invariants[0]
    good, good_ok = _replay(small, file, template, "a", cex.assignment)
    bad, bad_ok = _replay(small, file, template, "b", cex.assignment)
    assert good_ok and bad_ok and _holds(small, good, inv) and not _holds(small, bad, inv)
    # design a requests B and so needs it known: only A, unknown, can be enabled by b
    assert [(b.position, b.names) for b in cex.bits] == [("0x1.EAX[0]", ["A"])]
    assert cex.bits[0].facts["KVM knows it"] is False and cex.bits[0].facts["TD has it"] is True


def test_bad_input(shipped):
    program, where = shipped
    with pytest.raises(CompareError) as e:
        choose_template(program, ["option2_amended"], None, None, where)
    assert e.value.diagnostics[0].code == "E610"
    with pytest.raises(CompareError) as e:
        choose_template(program, ["option2_amende", "upstream_6_16"], None, None, where)
    assert e.value.diagnostics[0].code == "E611" and "option2_amended" in " ".join(e.value.diagnostics[0].notes)
    with pytest.raises(CompareError) as e:
        choose_template(program, ["option2_amended", "upstream_6_16"], "no_such_module", None, where)
    assert e.value.diagnostics[0].code == "E612"
    file, template = choose_template(program, ["option2_amended", "upstream_6_16"], None, None, where)
    with pytest.raises(CompareError) as e:
        compare(program, file, template, ["option2_amended", "upstream_6_16"], ["no_such_invariant"])
    assert e.value.diagnostics[0].code == "E613"


def test_cli_json_and_exit_codes(tmp_path, capsys):
    spec = tmp_path / "small.cpuid"
    spec.write_text(SMALL)
    assert main(["compare", "a", "b", "--like", "c", "--path", str(spec), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)["comparison"]
    assert doc["designs"] == ["a", "b"] and doc["template"] == "c"
    (diff,) = doc["differences"]
    assert diff["holds_with"] == "a" and diff["fails_with"] == "b" and diff["situation"]["bits"]
    (td,) = doc["td_cpuid"]
    assert td["same"] is False and td["bits"]
    assert main(["compare", "a", "--path", str(spec)]) == 2
    assert "[E610]" in capsys.readouterr().err
    assert main(["compare", "a", "x", "--path", str(spec), "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["diagnostics"][0]["code"] == "E611"


def test_cli_ci_formats_carry_each_designs_verdicts(tmp_path, capsys):
    import junitparser

    spec = tmp_path / "small.cpuid"
    spec.write_text(SMALL)
    out = tmp_path / "compare.xml"
    assert main(["compare", "a", "b", "--like", "c", "--path", str(spec), "--format", "junit",
                 "--output", str(out)]) == 0
    cases = {(case.classname, case.name): case for suite in junitparser.JUnitXml.fromfile(str(out)) for case in suite}
    assert set(cases) == {("c[a]", "kvm_never_enables_unknown"), ("c[b]", "kvm_never_enables_unknown")}
    assert cases[("c[a]", "kvm_never_enables_unknown")].is_passed
    assert not cases[("c[b]", "kvm_never_enables_unknown")].is_passed  # b enables an unknown bit
    assert main(["compare", "a", "b", "--like", "c", "--path", str(spec), "--format", "sarif"]) == 0
    log = json.loads(capsys.readouterr().out)
    (finding,) = log["runs"][0]["results"]
    assert finding["properties"]["design"] == "b" and finding["ruleId"] == "kvm_never_enables_unknown"
