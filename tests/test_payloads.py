"""explain --payloads: a counterexample written as ioctl payloads, read back by the importers.

The payloads are imported into a spec (`from ...`) that pins the module, KVM, host
and userspace's request to the counterexample's situation: the solver must find
the invariant VIOLATED again, and KVM_TDX_GET_CPUID's expected readout must be
exactly the TD's CPUID there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import main
from checker.importers import load_readout
from checker.release import load_release
from checker.semantics import analyse
from checker.solve import check_program

DESIGN = """
leaf 0x1
leaf 0x7.0
feature X2APIC = 1.ECX[21]
feature SMEP = 7.0.EBX[7]
feature SMAP = 7.0.EBX[20]

kvm kvm_small { knows {X2APIC, SMEP} }
module release_a {
  native       X2APIC
  fixed1       SMEP
  configurable SMAP
}
module any_release symbolic { }
invariant td_has_no_unknown: td.cpuid - module.dynamic - kvm.known == {}
design forward {
  ioctl KVM_TDX_CAPABILITIES() vm in created { returns module.reported_configurable }
  ioctl INIT_VM(cpuid) vm in created -> initialized { sets td.config = cpuid }
  protocol {
    let caps = call KVM_TDX_CAPABILITIES()
    assume userspace.request <= caps
    call INIT_VM(userspace.request)
  }
}
check forward__release_a {
  design forward
  module release_a
  kvm kvm_small
  verify td_has_no_unknown expect violated
}
check forward__any {
  design forward
  module any_release
  no future leaf
  verify td_has_no_unknown expect violated
}
"""

REPLAY = """
import "../design.cpuid"
import "replay.cpuid"
guarantee same_request: userspace.request == SITUATION_REQUEST
invariant get_cpuid_as_written: (td.cpuid on leaves 0..0x7F, 0x80000000..0x8000007F) == SITUATION_GET_CPUID
check replayed {
  design forward
  module situation_module
  kvm situation_kvm
  host situation_host
  assume same_request
  verify td_has_no_unknown expect violated
  verify get_cpuid_as_written
}
"""


@pytest.mark.parametrize("check", ["forward__release_a", "forward__any"])
def test_payloads_replay_the_counterexample(tmp_path: Path, check: str) -> None:
    (tmp_path / "design.cpuid").write_text(DESIGN)
    out = tmp_path / "cex"
    assert main(["explain", check, "--path", str(tmp_path / "design.cpuid"), "--payloads", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    assert names == {"capabilities.json", "init_vm.json", "get_cpuid.json", "kvm_supported.json", "host.dump",
                     "module.json", "replay.cpuid"}
    for name in ("capabilities.json", "init_vm.json", "get_cpuid.json", "kvm_supported.json"):
        readout, diags = load_readout("kvm_cpuid2", out / name, name)
        assert readout is not None, [d.render() for d in diags]
    release, diags = load_release(out / "module.json")
    assert release is not None, [d.render() for d in diags]
    (out / "check.cpuid").write_text(REPLAY)
    program, diags = analyse([out / "check.cpuid"])
    assert not [d for d in diags if d.is_error], [d.render() for d in diags]
    results = {r.invariant: r for r in check_program(program, only={"replayed"})}
    assert results["td_has_no_unknown"].verdict.value == "violated"
    assert results["get_cpuid_as_written"].verdict.value == "proved"


def test_payloads_refuse_a_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "design.cpuid").write_text(DESIGN)
    (tmp_path / "cex").mkdir()
    (tmp_path / "cex" / "mine.txt").write_text("keep me")
    args = ["explain", "forward__release_a", "--path", str(tmp_path / "design.cpuid"), "--payloads",
            str(tmp_path / "cex")]
    assert main(args) == 2
    assert (tmp_path / "cex" / "mine.txt").read_text() == "keep me"
    assert main(args + ["--force"]) == 0
