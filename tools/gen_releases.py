#!/usr/bin/env python3
"""Generate the release files under spec/releases/ from the project's fact tables.

Input: tools/data/tdx-cpuid-facts.json (parsed with tools/gen_specs.py, so the
1.5.01 classes here and in spec/modules/tdx_1_5_01.cpuid come from one reading
of the facts). Outputs (docs/release-format.md describes the format):

    spec/releases/tdx_1_5_01.json                 module 1.5.01: every bit of its 64 lookup
                                                  leaves, the special rules the language can
                                                  express, CPUID_CONFIG as TDH.SYS.RD reports it
    spec/releases/tdx_1_5_06_fixed0_partial.json  the 1.5.06 fixed-0 bits QEMU's v7 series took
                                                  from the 1.5.06 specification; nothing else
    spec/releases/tdx_1_5_08_emr_cpuid_config.json  the CPUID_CONFIG of module 1.5.08.04.0784 on
                                                  Emerald Rapids that QEMU's v7 series recorded

Usage:

    python3 tools/gen_releases.py            # regenerate the files in the repo
    python3 tools/gen_releases.py --check    # exit 1 if a file is stale

Deterministic; standard library only. Bits the data does not give stay
unspecified (never guessed): the 1.5.06 and 1.5.08 files say
"unlisted_bits": "unspecified"; 1.5.01 lists every bit of its table, and a
leaf outside the table raises #VE, so its unlisted bits are "faulting".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_specs import (JSON_REL, OTHER_INEXPRESSIBLE, REGS, ROOT, TDX_COMMIT, TDX_REPO, Data,  # noqa: E402
                       GenError, Module, bits_to_mask, parse_bits, parse_int, write_or_check)

OUT_1_5_01 = "spec/releases/tdx_1_5_01.json"
OUT_1_5_06 = "spec/releases/tdx_1_5_06_fixed0_partial.json"
OUT_1_5_08 = "spec/releases/tdx_1_5_08_emr_cpuid_config.json"
FORMAT = {"format": "cpuid-contracts release", "format_version": 1}
NO_SUBLEAF = 0xFFFFFFFF
# The leaves of 1.5.01's cpuid_configurable[12] table (reference tdx-facts.md section d).
# Leaf 0xA is among them with no configurable bit in the lookup table: its
# entry reports 0 (the PERFMON rule decides the leaf from ATTRIBUTES).
CONFIG_LEAVES_1_5_01 = [(0x1, None), (0x4, 0), (0x4, 1), (0x4, 2), (0x4, 3), (0x7, 0), (0x7, 1), (0x7, 2),
                        (0xA, None), (0x1C, None), (0x23, 0), (0x80000008, None)]


def hex32(n: int) -> str:
    return f"0x{n:08x}"


def hex64(n: int) -> str:
    return f"0x{n:016x}"


def config_entry(leaf: int, sub, regs: dict) -> dict:
    """A CPUID_CONFIG entry the way TD_SYSINFO holds it: EBX:EAX and EDX:ECX."""
    lo = regs.get("EAX", 0) | regs.get("EBX", 0) << 32
    hi = regs.get("ECX", 0) | regs.get("EDX", 0) << 32
    return {"leaf": hex32(leaf), "subleaf": hex32(NO_SUBLEAF if sub is None else sub), "values": [hex64(lo), hex64(hi)]}


def release_1_5_01(data: Data) -> dict:
    module = Module(data)
    classes = []
    config: dict = {key: {} for key in CONFIG_LEAVES_1_5_01}
    for leaf, sub in data.lookup:
        for reg in REGS:
            slot = module.bits[(leaf, sub, reg)]
            groups: dict = {}
            for b in range(32):
                e = slot[b]
                groups.setdefault((e.klass, e.verified, e.gate, e.source), []).append(b)
                if e.klass in ("configurable", "configurable_if_native") and (leaf, sub) not in config:
                    raise GenError(f"leaf 0x{leaf:x} has configurable bits but is not in cpuid_configurable")
                if e.klass == "configurable":
                    regs = config[(leaf, sub)]
                    regs[reg] = regs.get(reg, 0) | 1 << b
            for (klass, verified, gate, source), bits in groups.items():
                entry = {"leaf": hex32(leaf), "subleaf": sub, "register": reg, "mask": hex32(bits_to_mask(bits)),
                         "class": klass}
                if verified is not None:
                    entry["verified"] = verified
                if gate is not None:
                    entry[gate[0].lower()] = list(gate[1])
                entry["source"] = source
                classes.append(entry)
    notes = ["CPUID_CONFIG is what TDH.SYS.RD CPUID_CONFIG_VALUES reports in 1.5.01 (what Linux reads): "
             "config_direct only, for the 12 leaves of cpuid_configurable[12]; TDH.MNG.INIT also accepts "
             "allow_direct bits (class configurable_if_native)",
             "ATTRIBUTES/XFAM fixed-0/fixed-1 values of 1.5.01 are not in the reference data and are left out"]
    for o, rule in module.rule_matches:
        if rule["action"][0] == "none":
            notes.append(f"not expressible: {o['category']} ({o['leaf']}): {rule['why'].replace('`', '')}")
    for what, where, why, _ in OTHER_INEXPRESSIBLE:
        notes.append(f"not expressible: {what.replace('`', '')} ({where}): {why.replace('`', '')}")
    doc = dict(FORMAT)
    doc.update({
        "version": "1.5.01",
        "name": "tdx_1_5_01",
        "source": f"{TDX_REPO}@{TDX_COMMIT} (tag TDX_1.5.01) include/auto_gen/cpuid_configurations.c, "
                  "src/vmm_dispatcher/api_calls/tdh_mng_init.c, src/td_dispatcher/vm_exits/td_cpuid.c",
        "unlisted_bits": "faulting",
        "classes": classes,
        "cpuid_config": [config_entry(leaf, sub, regs) for (leaf, sub), regs in sorted(
            config.items(), key=lambda kv: (kv[0][0], -1 if kv[0][1] is None else kv[0][1]))],
    })
    max_basic = _fixed_value(module, 0x0, None)
    max_ext = _fixed_value(module, 0x80000000, None)
    limits = {k: hex32(v) for k, v in (("basic", max_basic), ("extended", max_ext)) if v is not None}
    if limits:
        doc["max_leaf"] = limits
    doc["notes"] = notes
    return doc


def _fixed_value(module: Module, leaf: int, sub):
    """EAX of a leaf when every bit of it is fixed (the maximum-leaf values), else None."""
    slot = module.bits.get((leaf, sub, "EAX"))
    if slot is None or any(e.klass not in ("fixed0", "fixed1") for e in slot):
        return None
    return sum(1 << b for b, e in enumerate(slot) if e.klass == "fixed1")


def release_1_5_06(data: Data) -> dict:
    classes = []
    source = None
    for o in data.facts:
        if o["kind"] != "qemu_fixed0_poc_tdx_1.5.06":
            continue
        leaf = parse_int(o["leaf"])
        mask = parse_int(o["mask"]) if o["mask"] is not None else bits_to_mask(parse_bits(o["bits"]))
        classes.append({"leaf": hex32(leaf), "subleaf": data.norm_sub(leaf, o["subleaf"]), "register": o["register"],
                        "mask": hex32(mask), "class": "fixed0"})
        source = o["source"]
    doc = dict(FORMAT)
    doc.update({
        "version": "1.5.06",
        "name": "tdx_1_5_06_fixed0_partial",
        "source": source,
        "unlisted_bits": "unspecified",
        "classes": classes,
        "notes": ["partial: only the fixed-0 bits of seven registers, as QEMU's v7 series copied them from the "
                  "TDX 1.5.06 specification; every other bit is unspecified"],
    })
    return doc


def release_1_5_08(data: Data) -> dict:
    config: dict = {}
    source = None
    for o in data.facts:
        if o["kind"] != "observed_CPUID_CONFIG_tdx_1.5.08_EMR":
            continue
        leaf = parse_int(o["leaf"])
        sub = data.norm_sub(leaf, o["subleaf"])
        regs = config.setdefault((leaf, sub), {})
        if o["register"] in regs:
            raise GenError(f"1.5.08 CPUID_CONFIG gives {o['leaf']}.{o['register']} twice")
        regs[o["register"]] = parse_int(o["mask"])
        source = o["source"]
    doc = dict(FORMAT)
    doc.update({
        "version": "1.5.08.04.0784",
        "name": "tdx_1_5_08_emr",
        "source": source,
        "platform": {"cpu": "Emerald Rapids (EMR)", "read_by": "QEMU TDX series v7 patch 46/52, 2025-01-24"},
        "unlisted_bits": "unspecified",
        "classes": [],
        "cpuid_config": [config_entry(leaf, sub, regs) for (leaf, sub), regs in sorted(
            config.items(), key=lambda kv: (kv[0][0], -1 if kv[0][1] is None else kv[0][1]))],
        "notes": ["only CPUID_CONFIG is known (as reported: config_direct | allow_direct & native); every "
                  "bit's class is unspecified",
                  "the leaves QEMU recorded; a leaf absent here may be absent from the module's list or "
                  "merely unrecorded"],
    })
    return doc


def generate(root: Path = ROOT) -> dict:
    data = Data(root)
    return {OUT_1_5_01: release_1_5_01(data), OUT_1_5_06: release_1_5_06(data), OUT_1_5_08: release_1_5_08(data)}


def render(doc: dict) -> str:
    return json.dumps(doc, indent=1) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if a file differs")
    args = ap.parse_args(argv)
    try:
        files = {rel: render(doc) for rel, doc in generate(ROOT).items()}
    except GenError as e:
        print(f"gen_releases: error: {e} (input {JSON_REL})", file=sys.stderr)
        return 2
    return write_or_check(files, ROOT, args.check, "gen_releases")


if __name__ == "__main__":
    sys.exit(main())
