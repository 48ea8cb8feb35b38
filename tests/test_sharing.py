"""Checks that differ only in which guarantees they assume share one encoding and its
solvers (checker.solve.sharing_key, CheckSolver.sibling): a design against the symbolic
"any release" and against the "promising" release that assumes four guarantees. A
sibling answers as a check made alone would (verdicts, guarantee sets, counterexamples
as small); which of several minimal counterexamples it finds depends on the questions
its solvers answered before, so a check is always run after the ones before it in its
group, also when it is asked for alone (--check, explain)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import solve
from checker.semantics import analyse
from checker.solve import check_one, check_program

SPEC = Path(__file__).resolve().parent.parent / "spec"
# a pair whose counterexamples change with the order the guarantees are encoded in; the
# promising one's are found on whole leaves (a twin split)
PAIR = ("option2_proposed__any_release", "option2_proposed__promising_release")


def _program(root: Path):
    program, diags = analyse([root])
    assert not [d for d in diags if d.is_error]
    return program


@pytest.fixture(scope="module")
def program():
    return _program(SPEC)


def _without_seconds(results):
    return [{k: v for k, v in r.to_json().items() if k != "seconds"} for r in results]


def _setups(program, checks):
    return [solve.resolve_check(program, file, decl) for file, decl in checks]


def _alone(program, names):
    return [r for f, d in program.checks() if d.name.name in names for r in check_one(program, f, d)]


def _siblings_made(monkeypatch) -> list[str]:
    made: list[str] = []
    real = solve.CheckSolver.sibling

    def spy(self, setup):
        made.append(setup.name)
        return real(self, setup)
    monkeypatch.setattr(solve.CheckSolver, "sibling", spy)
    return made


def test_the_shipped_checks_are_grouped_by_what_they_encode(program):
    checks = list(program.checks())
    names = [[checks[i][1].name.name for i in group] for group in solve._groups(_setups(program, checks))]
    for design in ("option1_tell", "option2_proposed", "option2_amended", "upstream_6_16"):
        assert [f"{design}__any_release", f"{design}__promising_release"] in names
        assert [f"{design}__tdx_1_5_01"] in names  # a release's data: encoded alone
    assert ["upstream_6_16__tdx_1_5_01__fixed1_known"] in names  # other KVM and invariants


def test_a_sibling_asks_on_the_solvers_of_the_check_before_it(program, monkeypatch):
    pairs = []
    real = solve.CheckSolver.sibling

    def spy(self, setup):
        sibling = real(self, setup)
        pairs.append((self, sibling))
        return sibling
    monkeypatch.setattr(solve.CheckSolver, "sibling", spy)
    check_program(program, only=PAIR, jobs=1)
    (first, second), = pairs
    solvers = [c.solver for c in first.components]
    assert any(solvers) and [c.solver for c in second.components] == solvers
    assert second.setup.name == PAIR[1] and len(second.assumed) > len(first.assumed)


def test_a_check_gives_alone_what_it_gives_in_a_run_of_every_check(program, monkeypatch):
    """--check NAME and explain run the checks before NAME in its group too (and report
    NAME's results only): a sibling's counterexamples are those found on solvers that
    answered the earlier checks' questions first."""
    everything = _without_seconds(check_program(program, jobs=1))
    made = _siblings_made(monkeypatch)
    second = check_program(program, only=[PAIR[1]], jobs=1)
    assert made == [PAIR[1]]  # the pair ran
    assert {r.check for r in second} == {PAIR[1]}
    assert _without_seconds(second) == [r for r in everything if r["check"] == PAIR[1]]
    first = check_program(program, only=[PAIR[0]], jobs=1)
    assert made == [PAIR[1]]  # the first check of a group needs no other
    assert _without_seconds(first) == [r for r in everything if r["check"] == PAIR[0]]
    assert _without_seconds(first) == _without_seconds(_alone(program, [PAIR[0]]))


def test_a_sibling_finds_counterexamples_as_small_as_alone(program):
    def sized(results):
        out = _without_seconds(results)
        for r in out:
            if r.get("counterexample"):
                r["counterexample"] = {k: r["counterexample"][k] for k in ("leaf_count", "bit_count", "minimal")}
        return out
    together = check_program(program, only=PAIR, jobs=1)
    alone = _alone(program, PAIR)
    assert any(r.counterexample for r in alone[len(alone) // 2:])
    assert sized(together) == sized(alone)


def test_no_sibling_where_an_expression_names_one_of_the_modules(tmp_path, monkeypatch):
    # a guarantee that names the promising release reads that module's variables in the
    # "any release" check, and the check's own module in the promising one: not one encoding
    root = tmp_path / "spec"
    shutil.copytree(SPEC, root)
    with open(root / "checks.cpuid", "a") as f:
        f.write("\nguarantee promising_fixed1_known: promising_release.fixed1 <= kvm.known\n")
    program = _program(root)
    made = _siblings_made(monkeypatch)
    together = check_program(program, only=PAIR, jobs=1)
    assert made == []
    monkeypatch.undo()
    assert _without_seconds(together) == _without_seconds(_alone(program, PAIR))


def test_workers_get_the_likely_long_groups_first(program):
    """check_program hands out symbolic-module groups before release-data ones, more
    invariants before fewer, and among equals designs that read leaves() first."""
    checks = list(program.checks())
    setups = _setups(program, checks)
    groups = solve._groups(setups)
    order = [[checks[i][1].name.name for i in groups[g]] for g in solve._longest_first(setups, groups)]
    assert order[:2] == [["option2_proposed__any_release", "option2_proposed__promising_release"],
                         ["upstream_6_16__any_release", "upstream_6_16__promising_release"]]
    assert all(len(g) == 2 for g in order[:4]) and all(len(g) == 1 for g in order[4:])
    assert order[4:6] == [["option2_proposed__tdx_1_5_01"], ["upstream_6_16__tdx_1_5_01"]]
    assert order[-1] == ["upstream_6_16__tdx_1_5_01__fixed1_known"]  # two invariants


def test_calls_finds_a_function_anywhere_in_a_syntax_tree(program):
    def design(check):
        return solve.resolve_check(program, *next((f, d) for f, d in program.checks() if d.name.name == check)).design
    assert solve._calls(design("upstream_6_16__tdx_1_5_01"), "leaves")  # deep in a requires
    assert not solve._calls(design("upstream_6_16__tdx_1_5_01"), "bits")
    assert not solve._calls(design("option1_tell__tdx_1_5_01"), "leaves")
