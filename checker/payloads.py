"""Replayable counterexamples: a counterexample's situation as real ioctl payloads.

Runs after checker.solve: it rebuilds the concrete situation of a counterexample
(Counterexample.assignment, evaluated with checker.model's ConcreteAlgebra, as the
solver's replay does) and writes it in the formats the importers read back:

    capabilities.json   struct kvm_tdx_capabilities' struct kvm_cpuid2 ("cpuid"): what
                        KVM_TDX_CAPABILITIES returned in the protocol (or, if the design
                        has no such ioctl, what the module reports as configurable)
    init_vm.json        struct kvm_tdx_init_vm: userspace's ATTRIBUTES, XFAM and CPUID request
    get_cpuid.json      what KVM_TDX_GET_CPUID returns afterwards: the CPUID the module holds
                        for the TD on the leaves TDH.MNG.RD can read
    kvm_supported.json  what KVM knows, as KVM_GET_SUPPORTED_CPUID would return it
    host.dump           the host's native CPUID values, `cpuid -r` style
    module.json         the module's classes in this situation, as a release file
    replay.cpuid        a spec that reads all of them back (`from ...` declarations)

The future leaf, if the situation has one, is written under the number the solver chose.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.bits import REGISTERS, Reg
from checker.importers import readout_to_kvm_cpuid2
from checker.model import CheckSetup, ConcreteAlgebra, Model, build_model, build_space, resolve_check
from checker.release import BitClass, ClassRun, ConfigEntry, Gate, Release, dump_release, readable_by_get_cpuid
from checker.results import CheckResult
from checker.semantics import MODULE_CLASSES, Program

FILES = ("capabilities.json", "init_vm.json", "get_cpuid.json", "kvm_supported.json", "host.dump", "module.json",
         "replay.cpuid")


def situation_model(program: Program, file: str, check: Any, assignment: dict[str, int]) -> Model[Any, Any]:
    setup: CheckSetup = resolve_check(program, file, check)
    return build_model(program, setup, ConcreteAlgebra(assignment), space=build_space(program, setup))


def _real(model: Model[Any, Any], values: dict[Reg, int]) -> dict[Reg, int]:
    """Registers with the future leaf moved to the number the solver chose."""
    out: dict[Reg, int] = {}
    for reg, v in values.items():
        if reg.is_future:
            if model.future_leaf is None:
                continue
            reg = Reg(model.future_leaf, 0, reg.register)
        out[reg] = out.get(reg, 0) | v
    return out


def _all_registers(model: Model[Any, Any], values: dict[Reg, int]) -> dict[Reg, int]:
    return _real(model, {r: values.get(r, 0) for r in model.space.registers})


def _indexed(program: Program) -> set[int]:
    return set(program.indexed_leaves)


def module_release(model: Model[Any, Any], program: Program) -> Release:
    """The module of the situation as a release: every bit of the check's space has its class."""
    mod = model.setup.module
    masks = model.module["masks"]
    runs: list[ClassRun] = []
    for klass in MODULE_CLASSES:
        for reg, m in _all_registers(model, masks[klass]).items():
            if not m:
                continue
            plain = m
            src = Reg(-1, 0, reg.register) if model.future_leaf is not None and reg.leaf == model.future_leaf \
                else reg
            for gmask, g in mod.gates.get(src, []):
                gated = m & gmask
                if gated:
                    runs.append(ClassRun(reg, gated, BitClass(klass, None, Gate(g.word, g.bits))))
                    plain &= ~gmask
            if plain:
                runs.append(ClassRun(reg, plain, BitClass(klass)))
    reported = model._module_attr(model.module, "reported_configurable", {}, "property").cpuid or {}
    per_leaf: dict[tuple[int, int], dict[str, int]] = {}
    for reg, v in _all_registers(model, reported).items():
        if v:
            per_leaf.setdefault(reg.leaf_key, {})[reg.register] = v
    indexed = _indexed(program)
    config = [ConfigEntry(leaf, sub if leaf in indexed else None,
                          (regs.get("EAX", 0) | regs.get("EBX", 0) << 32,
                           regs.get("ECX", 0) | regs.get("EDX", 0) << 32))
              for (leaf, sub), regs in sorted(per_leaf.items())]
    words = {k: int(v) for k, v in model.module["words"].items()}
    release = Release(file="module.json", version=f"{mod.name} in a counterexample", name=f"{mod.name}_situation",
                      unlisted="faulting", runs=runs, cpuid_config=config, words=words,
                      notes=["written by cpuid-contracts explain --payloads: the module's classes in one "
                             "counterexample's situation (verified native bits appear as fixed0/fixed1)"])
    release.indexed = {r.reg.leaf: r.reg.leaf in indexed for r in runs}
    return release


def _kvm_cpuid2(model: Model[Any, Any], program: Program, values: dict[Reg, int], keep_zero: bool = False
                ) -> dict[str, Any]:
    kept = {r: v for r, v in values.items() if v or keep_zero}
    return readout_to_kvm_cpuid2(_real(model, kept), _indexed(program))


def _dump(model: Model[Any, Any], values: dict[Reg, int]) -> str:
    regs = _all_registers(model, values)
    lines = ["CPU 0:"]
    for leaf, sub in sorted({r.leaf_key for r in regs}):
        vals = " ".join(f"{r.lower()}=0x{regs.get(Reg(leaf, sub, r), 0):08x}" for r in REGISTERS)
        lines.append(f"   0x{leaf:08x} 0x{sub:02x}: {vals}")
    return "\n".join(lines) + "\n"


def _capabilities(model: Model[Any, Any]) -> dict[Reg, int]:
    for step in model.run.steps:
        if "CAPABILITIES" in step.label.upper() and step.returned is not None and step.returned.kind == "cpuid":
            return dict(step.returned.cpuid or {})
    return dict(model._module_attr(model.module, "reported_configurable", {}, "property").cpuid or {})


def _readable(model: Model[Any, Any], values: dict[Reg, int]) -> dict[Reg, int]:
    """What TDH.MNG.RD can read: leaves the module virtualizes, within GET_CPUID's ranges."""
    faulting = _all_registers(model, model.module["masks"]["faulting"])
    virtualized = {r.leaf_key for r, f in faulting.items() if f != model.space.all_ones}
    return {r: v for r, v in _all_registers(model, values).items()
            if r.leaf_key in virtualized and readable_by_get_cpuid(r.leaf)}


def write_payloads(program: Program, file: str, check: Any, result: CheckResult, directory: Path) -> list[Path]:
    """Write one counterexample's payloads into `directory` (which must not hold them already)."""
    assert result.counterexample is not None
    model = situation_model(program, file, check, result.counterexample.assignment)
    directory.mkdir(parents=True, exist_ok=True)
    hex64 = "0x{:016x}".format
    docs: dict[str, str] = {
        "capabilities.json": json.dumps({"cpuid": _kvm_cpuid2(model, program, _capabilities(model))}, indent=1),
        "init_vm.json": json.dumps({"attributes": hex64(int(model.user_attributes)),
                                    "xfam": hex64(int(model.user_xfam)),
                                    "cpuid": _kvm_cpuid2(model, program, model.request)}, indent=1),
        "get_cpuid.json": json.dumps(_kvm_cpuid2(model, program, _readable(model, model.run.td_held), keep_zero=True),
                                     indent=1),
        "kvm_supported.json": json.dumps(_kvm_cpuid2(model, program, model.kvm_known), indent=1),
        "host.dump": _dump(model, model.host_native),
        "module.json": dump_release(module_release(model, program)),
        "replay.cpuid": _replay_spec(result),
    }
    written = []
    for name, text in docs.items():
        path = directory / name
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        written.append(path)
    return written


def _replay_spec(result: CheckResult) -> str:
    return "\n".join([
        f"# The situation of a counterexample: check {result.check}, invariant {result.invariant}",
        "# (written by cpuid-contracts explain --payloads). Import this file next to the design",
        "# to check it against exactly this module, KVM and host.",
        "",
        "module situation_module from release \"module.json\"",
        "kvm situation_kvm from kvm_cpuid2 \"kvm_supported.json\"",
        "host situation_host from dump \"host.dump\"",
        "set SITUATION_CAPABILITIES from kvm_cpuid2 \"capabilities.json\"",
        "set SITUATION_REQUEST from kvm_cpuid2 \"init_vm.json\"",
        "set SITUATION_GET_CPUID from kvm_cpuid2 \"get_cpuid.json\"",
        ""])
