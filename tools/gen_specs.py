#!/usr/bin/env python3
"""Generate the CPUID spec files from the project's fact tables.

Inputs (paths relative to the repository root, which is found from this
file's own location, so the script can be run from any directory):

    tools/data/linux-cpuid-features.tsv   Linux X86_FEATURE_* flags with a CPUID position
    tools/data/tdx-cpuid-facts.json       TDX module 1.5.01 tables, QEMU and KVM tables

Outputs (under --out DIR, default the repository root; only these files are
ever written, each one overwritten as a whole):

    spec/catalog.cpuid               sources, leaves, features, fields, XFAM/ATTRIBUTES bits
    spec/modules/tdx_1_5_01.cpuid    TDX module 1.5.01: class table and special rules
    spec/data/qemu_kvm.cpuid         QEMU and KVM tables as named sets
    docs/module-1.5.01-rules.md      how each 1.5.01 special rule is modelled

Usage:

    python3 tools/gen_specs.py              # regenerate the files in the repo
    python3 tools/gen_specs.py --out DIR    # write the files under DIR instead
    python3 tools/gen_specs.py --check      # exit 1 if a file in the repo is stale

The script uses only the standard library and is deterministic: the output
depends on the two input files only (no dates, no dictionary-order effects).
It fails loudly (exit 2, message on stderr) on anything it does not
understand in the data (an unknown category, a bit classed twice or not at
all, a special rule it has no modelling for, a name clash), rather than
guessing.

Modelling decisions (see also the comments written into each output):

* Feature names are the Linux names without the X86_FEATURE_ prefix. A name
  that is not a valid spec NAME (starts with a digit: 3DNOW...) gets a
  leading '_'; a name that is a reserved word of the language gets a trailing
  '_'; a name used twice in the TSV (MBA) keeps the plain name for the
  cpufeatures-origin row, else the first row, and the others get the leaf
  appended ('MBA_80000008').
* XFAM bits are named with the prefix XF_ rather than XFAM_: the grammar's
  GATE_REG terminal ("XFAM" | "ATTRIBUTES", priority 2) wins over NAME on a
  prefix, so a name starting with XFAM or ATTRIBUTES cannot be used inside an
  expression ('{XFAM_PKRU}' lexes as XFAM, _PKRU). ATTRIBUTES bits use ATTR_.
* Module 1.5.01 classes: fixed0_or_dynamic -> fixed0, except the bits the
  module makes dynamic at CPUID exit (td_cpuid.c) -> dynamic; config_direct
  -> configurable; allow_direct -> configurable_if_native; faulting_#VE ->
  faulting; "native (verified ... must be V)" -> native verified V; an XFAM
  dependency -> "when XFAM[...]" (the bit is forced to 0 unless all listed
  XFAM bits are set). A special rule replaces the table class of the bits it
  covers, so every bit has exactly one class statement.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TSV_REL = "tools/data/linux-cpuid-features.tsv"
JSON_REL = "tools/data/tdx-cpuid-facts.json"

OUT_CATALOG = "spec/catalog.cpuid"
OUT_MODULE = "spec/modules/tdx_1_5_01.cpuid"
OUT_QEMU_KVM = "spec/data/qemu_kvm.cpuid"
OUT_RULES_DOC = "docs/module-1.5.01-rules.md"
OUTPUTS = (OUT_CATALOG, OUT_MODULE, OUT_QEMU_KVM, OUT_RULES_DOC)

REGS = ("EAX", "EBX", "ECX", "EDX")
ALL32 = frozenset(range(32))
NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
RESERVED = frozenset(
    """import source leaf feature field set guarantee invariant module symbolic
    version assume verified when XFAM ATTRIBUTES reports attributes_fixed0
    attributes_fixed1 xfam_fixed0 xfam_fixed1 kvm knows host cpuid design from
    ioctl vm vcpu in requires else returns sets let protocol call view check
    future no with verify expect on leaves implies or and not true false CPUID
    repo commit file document url note""".split()
)
# Terminals of priority 2 in the grammar that would split a NAME starting with them.
GATE_PREFIXES = ("XFAM", "ATTRIBUTES")

XFAM_PREFIX = "XF_"
ATTR_PREFIX = "ATTR_"

STATIC_KIND = "tdx_module_1.5.01_static_table"
RULE_KIND = "tdx_module_1.5.01_special_rule"


class GenError(Exception):
    """The input data is not what this generator understands."""


# --------------------------------------------------------------------- sources

LINUX_REPO = "intel-lab-lkp/linux"
LINUX_COMMIT = "0115d3be36fbdce1ef24602e729032c818fe37a2"
TDX_REPO = "intel/tdx-module"
TDX_COMMIT = "72d8cffb214b74ae94d75afce36423020f74b47c"

# name -> ordered attributes; order of this dict is the order in the catalog.
CATALOG_SOURCES = OrderedDict(
    [
        ("linux_cpufeatures", [
            ("repo", LINUX_REPO), ("commit", LINUX_COMMIT),
            ("file", "arch/x86/include/asm/cpufeatures.h"),
            ("note", "X86_FEATURE_* bits of the 16 hardware capability words (NCAPINTS 22, 7.0-era layout)"),
        ]),
        ("linux_scattered", [
            ("repo", LINUX_REPO), ("commit", LINUX_COMMIT),
            ("file", "arch/x86/kernel/cpu/scattered.c"),
            ("note", "cpuid_bits[] table; GMBA/GSMBA may come from a posted series, not mainline"),
        ]),
        ("kvm_reverse_cpuid", [
            ("commit", "d482bb509b7d065808de40ce78b5bca39f40b783"),
            ("file", "arch/x86/kvm/reverse_cpuid.h"),
            ("note", "KVM-only words; read from a Rust transliteration naming this SOURCE-COMMIT, "
                     "checked against sean-jc/linux 5b096f0b; CONSTANT_TSC is KVM's 0x80000007.EDX[8]"),
        ]),
        ("tdx_module_1_5_01", [
            ("repo", TDX_REPO), ("commit", TDX_COMMIT),
            ("file", "include/auto_gen/cpuid_configurations.c"),
            ("note", "tag TDX_1.5.01; cpuid_lookup[64] and cpuid_configurable[12] tables"),
        ]),
        ("tdx_module_1_5_01_mng_init", [
            ("repo", TDX_REPO), ("commit", TDX_COMMIT),
            ("file", "src/vmm_dispatcher/api_calls/tdh_mng_init.c"),
            ("note", "read_and_set_cpuid_configurations(): special rules applied at TDH.MNG.INIT"),
        ]),
        ("tdx_module_1_5_01_td_cpuid", [
            ("repo", TDX_REPO), ("commit", TDX_COMMIT),
            ("file", "src/td_dispatcher/vm_exits/td_cpuid.c"),
            ("note", "CPUID exit handler: dynamic bits, #VE for faulting or unknown leaves"),
        ]),
        ("tdx_module_1_5_01_metadata", [
            ("repo", TDX_REPO), ("commit", TDX_COMMIT),
            ("file", "src/common/metadata_handlers/metadata_sys.c"),
            ("note", "TDH.SYS.RD CPUID_CONFIG_VALUES returns config_direct only in 1.5.01"),
        ]),
        ("qemu_tdx_attrs", [
            ("repo", "qemu/qemu"), ("commit", "e82989544e38062beeeaad88c175afbeed0400f8"),
            ("file", "target/i386/kvm/tdx.c"),
            ("note", "TD ATTRIBUTES bit constants (DEBUG 0, SEPT_VE_DISABLE 28, PKS 30, PERFMON 63) "
                     "and tdx_attrs_maps (bit 27 LASS, bit 31 KeyLocker)"),
        ]),
        ("intel_sdm", [
            ("document", "Intel 64 and IA-32 Architectures Software Developer's Manual, "
                         "Vol. 2A (CPUID instruction) and Vol. 1 ch. 13 (XSAVE state components)"),
            ("note", "architectural field layouts and XSAVE state-component numbers (= XFAM bits); "
                     "general knowledge, not taken from the project's reference data"),
        ]),
        ("amd_apm", [
            ("document", "AMD64 Architecture Programmer's Manual, Vol. 3, CPUID Fn8000_0008 EAX"),
            ("note", "GuestPhysAddrSize [23:16]; KVM uses it as the TDX GPAW knob (tdx.c)"),
        ]),
    ]
)

ORIGIN_SOURCE = {
    "cpufeatures": "linux_cpufeatures",
    "scattered": "linux_scattered",
    "kvm-only": "kvm_reverse_cpuid",
}

QEMU_KVM_SOURCES = OrderedDict(
    [
        ("qemu_tdx", [
            ("repo", "qemu/qemu"), ("commit", "e82989544e38062beeeaad88c175afbeed0400f8"),
            ("file", "target/i386/kvm/tdx.c"),
            ("note", "merged QEMU TDX: tdx_fixed1_bits, tdx_xfam_deps, tdx_attrs_maps"),
        ]),
        ("qemu_tdx_v7", [
            ("document", "QEMU TDX series v7 (Xiaoyao Li, January 2025), target/i386/kvm/tdx.c"),
            ("note", "POC, dropped before merge: tdx_fixed0_bits 'grabbed from TDX 1.5.06 spec'; "
                     "patch 46/52 (2025-01-24) tdx_configurable_bits of module 1.5.08.04.0784 on EMR"),
        ]),
        ("linux_kvm_tdx", [
            ("repo", "torvalds/linux"), ("commit", "3829d81b6958632602bee7a8272005d1a4ce298f"),
            ("file", "arch/x86/kvm/vmx/tdx.c"),
            ("note", "tdx_clear_unsupported_cpuid()/tdx_unsupported_cpuid(); GPAW in 0x80000008.EAX[23:16]"),
        ]),
        ("puck_rick_2024_04_11", [
            ("url", "https://mail.spinics.net/lists/kvm/msg345644.html"),
            ("note", "Rick Edgecombe, 2024-04-11: KVM engages logic for X2APIC, XSAVE, SMEP, SMAP, "
                     "FSGSBASE, PKU and LA57"),
        ]),
    ]
)

# ---------------------------------------------------------------- vocabulary

# Short descriptions of well-known leaves (informal; keyed by (leaf, subleaf)).
# A key with subleaf None also serves every subleaf of that leaf.
LEAF_DESCRIPTIONS = {
    (0x0, None): "Maximum basic leaf and vendor string",
    (0x1, None): "Version information and feature flags",
    (0x3, None): "Processor serial number",
    (0x4, None): "Deterministic cache parameters",
    (0x5, None): "MONITOR/MWAIT",
    (0x6, None): "Thermal and power management",
    (0x7, 0): "Structured extended feature flags",
    (0x7, 1): "Structured extended feature flags, subleaf 1",
    (0x7, 2): "Structured extended feature flags, subleaf 2",
    (0xA, None): "Architectural performance monitoring",
    (0xD, 0): "XSAVE: XCR0 components and sizes",
    (0xD, 1): "XSAVE: extensions and IA32_XSS components",
    (0xD, None): "XSAVE state component",
    (0xF, None): "Intel RDT monitoring",
    (0x10, None): "Intel RDT allocation",
    (0x12, None): "Intel SGX capabilities",
    (0x14, None): "Intel Processor Trace",
    (0x15, None): "TSC and core crystal clock",
    (0x19, None): "Key Locker",
    (0x1C, None): "Architectural LBR",
    (0x1D, None): "AMX tile information",
    (0x1E, None): "AMX TMUL information",
    (0x1F, None): "V2 extended topology",
    (0x20, None): "Processor history reset",
    (0x21, None): "TDX vendor string (IntelTDX)",
    (0x23, None): "Architectural performance monitoring extended",
    (0x24, None): "Intel AVX10",
    (0x80000000, None): "Maximum extended leaf",
    (0x80000001, None): "Extended signature and feature flags",
    (0x80000006, None): "L2 cache information",
    (0x80000007, None): "Advanced power management",
    (0x80000008, None): "Address sizes and extended feature flags",
    (0x8000000A, None): "AMD SVM features",
    (0x8000001F, None): "AMD memory encryption",
    (0x80000020, None): "AMD platform QoS enforcement",
    (0x80000021, None): "AMD extended features 2",
    (0x80000022, None): "AMD extended performance monitoring",
    (0x80000026, None): "AMD extended topology",
    (0x80860001, None): "Transmeta features",
    (0xC0000001, None): "Centaur/Zhaoxin features",
}

# Multi-bit fields: (name, leaf, subleaf, register, hi, lo, source, comment)
FIELDS = [
    ("MaxBasicLeaf", 0x0, None, "EAX", 31, 0, "intel_sdm", None),
    ("Stepping", 0x1, None, "EAX", 3, 0, "intel_sdm", None),
    ("Model", 0x1, None, "EAX", 7, 4, "intel_sdm", None),
    ("Family", 0x1, None, "EAX", 11, 8, "intel_sdm", None),
    ("ProcessorType", 0x1, None, "EAX", 13, 12, "intel_sdm", None),
    ("ExtendedModel", 0x1, None, "EAX", 19, 16, "intel_sdm", None),
    ("ExtendedFamily", 0x1, None, "EAX", 27, 20, "intel_sdm", None),
    ("BrandIndex", 0x1, None, "EBX", 7, 0, "intel_sdm", None),
    ("ClflushLineSize", 0x1, None, "EBX", 15, 8, "intel_sdm", None),
    ("MaxLogicalProcessorIds", 0x1, None, "EBX", 23, 16, "intel_sdm", None),
    ("InitialApicId", 0x1, None, "EBX", 31, 24, "intel_sdm", "TDX: dynamic, = VCPU_INDEX"),
    ("MaxLeaf7Subleaf", 0x7, 0, "EAX", 31, 0, "intel_sdm", None),
    ("PerfmonVersion", 0xA, None, "EAX", 7, 0, "intel_sdm", None),
    ("PerfmonGpCounters", 0xA, None, "EAX", 15, 8, "intel_sdm", None),
    ("PerfmonGpCounterWidth", 0xA, None, "EAX", 23, 16, "intel_sdm", None),
    ("PerfmonEbxLength", 0xA, None, "EAX", 31, 24, "intel_sdm", None),
    ("Xcr0SupportedLow", 0xD, 0, "EAX", 31, 0, "intel_sdm", None),
    ("XsaveSizeEnabled", 0xD, 0, "EBX", 31, 0, "intel_sdm", "TDX: dynamic (current XCR0)"),
    ("XsaveSizeMax", 0xD, 0, "ECX", 31, 0, "intel_sdm", "TDX: computed from XFAM"),
    ("Xcr0SupportedHigh", 0xD, 0, "EDX", 31, 0, "intel_sdm", None),
    ("XsaveSizeXcr0Xss", 0xD, 1, "EBX", 31, 0, "intel_sdm", "TDX: dynamic (current XCR0|XSS)"),
    ("XssSupportedLow", 0xD, 1, "ECX", 31, 0, "intel_sdm", None),
    ("XssSupportedHigh", 0xD, 1, "EDX", 31, 0, "intel_sdm", None),
    ("TscRatioDenominator", 0x15, None, "EAX", 31, 0, "intel_sdm", None),
    ("TscRatioNumerator", 0x15, None, "EBX", 31, 0, "intel_sdm", "TDX: TD_PARAMS.TSC_FREQUENCY"),
    ("CrystalClockHz", 0x15, None, "ECX", 31, 0, "intel_sdm", "TDX: fixed 25,000,000"),
    ("MaxExtLeaf", 0x80000000, None, "EAX", 31, 0, "intel_sdm", None),
    ("PhysAddrSize", 0x80000008, None, "EAX", 7, 0, "intel_sdm", None),
    ("LinearAddrSize", 0x80000008, None, "EAX", 15, 8, "intel_sdm", "TDX: 57 if LA57 configured, else 48"),
    ("GuestPhysAddrSize", 0x80000008, None, "EAX", 23, 16, "amd_apm", "TDX: KVM's GPAW knob (48 or 52)"),
]

# XFAM bits = XSAVE state components (XCR0 | IA32_XSS). Bit 10 (PASID) is not a TDX XFAM bit.
XFAM_BITS = [
    ("X87", 0, None), ("SSE", 1, None), ("YMM", 2, None), ("BNDREGS", 3, None),
    ("BNDCSR", 4, None), ("OPMASK", 5, None), ("ZMM_Hi256", 6, None), ("Hi16_ZMM", 7, None),
    ("PT", 8, None), ("PKRU", 9, None), ("CET_U", 11, None), ("CET_S", 12, None),
    ("HDC", 13, None), ("UINTR", 14, "ULI / user interrupts"), ("LBR", 15, None),
    ("HWP", 16, None), ("XTILE_CFG", 17, None), ("XTILE_DATA", 18, None),
]

ATTR_BITS = [
    ("DEBUG", 0, None),
    ("LASS", 27, "QEMU tdx_attrs_maps: enables CPUID 0x7.1.EAX LASS"),
    ("SEPT_VE_DISABLE", 28, "the only attribute KVM supports"),
    ("PKS", 30, "TDX 1.5.01: CPUID 0x7.0.ECX[31] PKS := ATTRIBUTES.PKS"),
    ("KL", 31, "QEMU tdx_attrs_maps: enables CPUID 0x7.0.ECX[23] KeyLocker"),
    ("PERFMON", 63, "TDX 1.5.01: leaf 0xA is native only if set, else 0"),
]

# CPUID bits the module source names that have no Linux X86_FEATURE name.
EXTRA_FEATURES = [
    ("PKS", 0x7, 0, "ECX", 31, "tdx_module_1_5_01", "protection keys for supervisor pages"),
    ("KL", 0x7, 0, "ECX", 23, "tdx_module_1_5_01", "Key Locker (module: KL_SUPPORTED)"),
]

# ---------------------------------------------------------------- module 1.5.01

# Bits the module computes at CPUID exit (td_cpuid.c; tdx-facts.md section d).
# (leaf, subleaf, register, bits, what)
DYNAMIC_BITS = [
    (0x1, None, "EBX", frozenset(range(24, 32)), "INITIAL_APIC_ID = VCPU_INDEX"),
    (0x1, None, "ECX", frozenset([27]), "OSXSAVE = guest CR4.OSXSAVE"),
    (0x7, 0, "ECX", frozenset([4]), "OSPKE = guest CR4.PKE"),
    (0xD, 0, "EBX", ALL32, "XSAVE size of the current XCR0, read from the CPU"),
    (0xD, 1, "EBX", ALL32, "XSAVE size of the current XCR0|XSS, read from the CPU"),
    (0x80000001, None, "EDX", frozenset([11]), "SYSCALL = guest is in 64-bit mode"),
]

CLASSES = ("faulting", "fixed1", "fixed0", "dynamic", "configurable",
           "configurable_if_native", "native")

_BASE_CATEGORIES = {
    "fixed1": ("fixed1", None),
    "fixed0_or_dynamic": ("fixed0", None),
    "config_direct": ("configurable", None),
    "allow_direct (configured & native)": ("configurable_if_native", None),
    "native": ("native", None),
    "native (verified at TDH.SYS.INIT: native must be 1)": ("native", 1),
    "native (verified at TDH.SYS.INIT: native must be 0)": ("native", 0),
}
_XFAM_SUFFIX = re.compile(
    r"^(?P<base>.*?) \+ XFAM-dependent \(forced 0 unless XFAM bit\(s\) \[(?P<bits>[0-9, ]+)\] set\)$"
)

# How each special rule of the JSON is modelled. Every JSON rule must match
# exactly one entry (leaf, subleaf as in the JSON, register, text in category).
# action: ("gate", REG, bits) | ("gate_per_subleaf", REG) | ("class", CLASS, gate)
#         | ("dynamic",) | ("none",)
SPECIAL_RULES = [
    dict(id="perfmon", leaf=0xA, subleaf=None, register="ALL", text="ATTRIBUTES.PERFMON",
         action=("gate", "ATTRIBUTES", (63,)),
         how="every non-fixed0 bit of leaf 0xA keeps its table class and gets `when ATTRIBUTES[63]`"),
    dict(id="xsave_size", short="the XSAVE size (0xD.0 ECX)", leaf=0xD, subleaf=0, register="ECX", text="max XSAVE size",
         action=("none",),
         why="a size computed from XFAM, not a per-bit class; kept as the table's `native`"),
    dict(id="xsave_components", leaf=0xD, subleaf="2..18", register="ALL", text="unless XFAM[n]",
         action=("gate_per_subleaf", "XFAM"),
         how="every non-fixed0 bit of 0xD.n gets `when XFAM[n]`"),
    dict(id="pt", leaf=0x14, subleaf="any", register="ALL", text="XFAM.PT",
         action=("gate", "XFAM", (8,)),
         how="every non-fixed0 bit of 0x14.0 and 0x14.1 gets `when XFAM[8]`"),
    dict(id="tsc_frequency", short="the TSC frequency (0x15 EBX)", leaf=0x15, subleaf=None, register="EBX", text="TSC_FREQUENCY",
         action=("none",),
         why="value computed from TD_PARAMS.TSC_FREQUENCY; kept as the table's `native` "
             "(EAX = 1 and ECX = 25,000,000 are fixed1/fixed0 bits in the table)"),
    dict(id="keylocker_leaf", leaf=0x19, subleaf=None, register="ALL", text="KeyLocker leaf forced to 0",
         action=("class", "fixed0", None),
         how="`fixed0 0x19.*`"),
    dict(id="arch_lbr", leaf=0x1C, subleaf=None, register="ALL", text="XFAM.LBR",
         action=("gate", "XFAM", (15,)),
         how="every non-fixed0 bit of leaf 0x1C gets `when XFAM[15]`"),
    dict(id="amx", leaf=0x1D, subleaf="any", register="ALL", text="AMX bits 17 and 18",
         action=("gate", "XFAM", (17, 18)),
         how="every bit of 0x1D.0 and 0x1D.1 gets `when XFAM[17, 18]`"),
    dict(id="linear_address_bits", short="the linear-address width (0x80000008 EAX[15:8])", leaf=0x80000008, subleaf=None, register="EAX", text="linear-address bits",
         action=("none",),
         why="value 57 or 48 computed from the configured LA57 bit; kept as the table's `native`"),
    dict(id="pks", leaf=0x7, subleaf=0, register="ECX", text="ATTRIBUTES.PKS",
         action=("class", "fixed1", ("ATTRIBUTES", (30,))),
         how="`fixed1 0x7.0.ECX[31] when ATTRIBUTES[30]` (replaces the table's `native verified 1`; "
             "the TDH.SYS.INIT check that native PKS is 1 is not kept)"),
    dict(id="keylocker_bit", leaf=0x7, subleaf=0, register="ECX", text="KL_SUPPORTED forced to 0",
         action=("class", "fixed0", None),
         how="`fixed0 0x7.0.ECX[23]` (replaces the table's `native`)"),
    dict(id="hle_rtm", short="HLE == RTM and TSX_CTRL", leaf=0x7, subleaf=0, register="EBX", text="HLE and RTM must be configured equal",
         action=("none",),
         why="a constraint between two configured bits (and on the platform's TSX_CTRL); class "
             "statements cannot relate bits; both stay `configurable_if_native`"),
    dict(id="xfd", short="the XFD bit (0xD.1 EAX[4])", leaf=0xD, subleaf=1, register="EAX", text="XFD support forced 0",
         action=("none",),
         why="depends on which XFAM components natively support XFD (CPUID 0xD.n ECX[4]), "
             "not on fixed XFAM bits; kept as the table's `native`"),
    dict(id="fms", short="the family/model/stepping check (0x1 EAX)", leaf=0x1, subleaf=None, register="EAX", text="virtual FMS",
         action=("none",),
         why="a check of the configured family/model/stepping against the platform "
             "(0 = use native); the bits stay `configurable`"),
    dict(id="initial_apic_id", leaf=0x1, subleaf=None, register="EBX", text="INITIAL_APIC_ID",
         action=("dynamic",),
         how="`dynamic 0x1.EBX[31:24]` in the class table"),
    dict(id="xsave_size_current", leaf=0xD, subleaf="0,1", register="EBX", text="read from CPU",
         action=("dynamic",),
         how="`dynamic 0xd.0.EBX` and `dynamic 0xd.1.EBX` in the class table"),
]

# Rules of the module that are not separate JSON rule objects but are also not
# expressible (listed in the module file and the rules doc).
OTHER_INEXPRESSIBLE = [
    ("TSX (HLE, RTM) cleared at CPUID exit if TSX_CTRL.CPUID_CLEAR", "td_cpuid.c",
     "depends on a runtime MSR; HLE/RTM stay `configurable_if_native`", "TSX clearing by TSX_CTRL"),
    ("`cpuid_supervisor_ve` / `cpuid_user_ve` force #VE per vCPU or globally", "td_cpuid.c",
     "runtime guest control, not a per-bit class", "the per-vCPU #VE controls"),
    ("leaves above the maximum read as the maximum basic leaf; unknown leaves raise #VE", "td_cpuid.c",
     "about leaves outside the table, not bit classes", "out-of-table leaves"),
]


# ======================================================================= helpers

def die(msg: str) -> None:
    raise GenError(msg)


def parse_int(text: str) -> int:
    return int(text, 0)


def parse_bits(spec) -> frozenset:
    """["1:0", "5"] or ["16:23"] or ["4,11"] -> frozenset of bit numbers."""
    if spec is None:
        return frozenset()
    out = set()
    for item in spec:
        for part in str(item).split(","):
            part = part.strip()
            if ":" in part:
                a, b = (int(x) for x in part.split(":"))
                lo, hi = min(a, b), max(a, b)
                out.update(range(lo, hi + 1))
            else:
                out.add(int(part))
    if any(b < 0 or b > 63 for b in out):
        die(f"bit out of range in {spec!r}")
    return frozenset(out)


def mask_to_bits(mask: int) -> frozenset:
    return frozenset(b for b in range(32) if mask >> b & 1)


def bits_to_mask(bits) -> int:
    return sum(1 << b for b in bits)


def runs(bits):
    """Sorted (lo, hi) runs of consecutive bits."""
    out = []
    for b in sorted(bits):
        if out and b == out[-1][1] + 1:
            out[-1][1] = b
        else:
            out.append([b, b])
    return [(lo, hi) for lo, hi in out]


def fmt_leaf(leaf: int, sub) -> str:
    return f"0x{leaf:x}" if sub is None else f"0x{leaf:x}.{sub}"


def fmt_reg(leaf: int, sub, reg: str) -> str:
    return f"{fmt_leaf(leaf, sub)}.{reg}"


def fmt_bitset(leaf: int, sub, reg: str, bits) -> str:
    base = fmt_reg(leaf, sub, reg)
    if frozenset(bits) == ALL32:
        return base
    spans = list(runs(bits))
    if len(spans) > 3:
        # many runs: one mask() term parses much faster than a long union
        return f"mask({base}, 0x{bits_to_mask(bits):08x})"
    parts = []
    for lo, hi in spans:
        parts.append(f"{base}[{lo}]" if lo == hi else f"{base}[{hi}:{lo}]")
    return " | ".join(parts)


def fmt_gate(gate) -> str:
    if gate is None:
        return ""
    reg, bits = gate
    return f" when {reg}[{', '.join(str(b) for b in bits)}]"


def leaf_key(k):
    leaf, sub = k[0], k[1]
    return (leaf, -1 if sub is None else sub) + tuple(k[2:])


def q(text: str) -> str:
    if '"' in text or "\\" in text or "\n" in text:
        die(f"string needs escaping: {text!r}")
    return f'"{text}"'


def header(inputs) -> str:
    return f"# Generated by tools/gen_specs.py from {' and '.join(inputs)}; do not edit by hand.\n"


def render_sources(sources) -> list:
    lines = []
    for name, attrs in sources.items():
        lines.append(f"source {name} {{")
        for key, value in attrs:
            lines.append(f"  {key} {q(value)}")
        lines.append("}")
    return lines


# ======================================================================= loading

class Data:
    """The two inputs, parsed and cross-checked."""

    def __init__(self, root: Path):
        self.tsv_rows = self._load_tsv(root / TSV_REL)
        self.facts = json.loads((root / JSON_REL).read_text(encoding="utf-8"))
        if not isinstance(self.facts, list):
            die("tdx-cpuid-facts.json: expected a list of objects")
        self.static = [o for o in self.facts if o["kind"] == STATIC_KIND]
        self.rules = [o for o in self.facts if o["kind"] == RULE_KIND]
        if not self.static or not self.rules:
            die("tdx-cpuid-facts.json: no static table or no special rules")
        self.warnings: list = []

        # (leaf, subleaf) pairs of the 1.5.01 lookup table, in table order.
        self.lookup = []
        for o in self.static:
            k = (parse_int(o["leaf"]), o["subleaf"])
            if k[1] is not None and not isinstance(k[1], int):
                die(f"static table: unexpected subleaf {k[1]!r}")
            if k not in self.lookup:
                self.lookup.append(k)
        self.lookup.sort(key=leaf_key)

        # Which leaves are subleaf-indexed: module table first, then Linux.
        self.indexed = {}
        self.index_conflicts = set()
        for leaf, sub in self.lookup:
            self.indexed[leaf] = sub is not None
        for r in self.tsv_rows:
            ix = r["subleaf"] is not None
            if self.indexed.setdefault(r["leaf"], ix) != ix:
                self.index_conflicts.add(r["leaf"])

    @staticmethod
    def _load_tsv(path: Path) -> list:
        lines = path.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        want = ["name", "leaf", "subleaf", "register", "bit", "word", "origin"]
        if head != want:
            die(f"{TSV_REL}: header {head} != {want}")
        rows = []
        for n, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) != len(want):
                die(f"{TSV_REL}:{n}: {len(cols)} columns")
            name, leaf, sub, reg, bit, word, origin = cols
            if reg not in REGS or origin not in ORIGIN_SOURCE:
                die(f"{TSV_REL}:{n}: bad register or origin: {line!r}")
            rows.append(dict(
                name=name, leaf=int(leaf, 16), subleaf=None if sub == "-" else int(sub),
                register=reg, bit=int(bit), word=word, origin=origin, line=n,
            ))
        return rows

    def norm_sub(self, leaf: int, sub):
        """Subleaf as written in specs for a JSON (leaf, subleaf) from QEMU/KVM tables,
        which give subleaf 0 even for leaves that are not subleaf-indexed."""
        if leaf in self.index_conflicts:
            die(f"leaf 0x{leaf:x} is subleaf-indexed in one source and not in another")
        if self.indexed.get(leaf, False):
            return 0 if sub is None else int(sub)
        if sub not in (None, 0):
            die(f"leaf 0x{leaf:x} is not subleaf-indexed but the JSON gives subleaf {sub!r}")
        return None


# ======================================================================= catalog

class Catalog:
    def __init__(self, data: Data):
        self.data = data
        self.features = []        # (name, leaf, sub, reg, bit, source, comment)
        self.by_pos = {}          # (leaf, sub, reg, bit) -> name
        self.by_name = {}         # name -> (leaf, sub, reg, bit)
        self.renames = []         # (linux name, spec name, why)
        self.names = set()
        self._build()

    def _claim(self, name: str, what: str) -> None:
        if not NAME_RE.match(name):
            die(f"{what}: {name!r} is not a valid NAME")
        if name in RESERVED:
            die(f"{what}: {name!r} is a reserved word")
        if name.startswith(GATE_PREFIXES):
            die(f"{what}: {name!r} starts with XFAM/ATTRIBUTES and would not lex as a NAME")
        if name in self.names:
            die(f"{what}: name {name!r} is used twice")
        self.names.add(name)

    def _build(self) -> None:
        rows = self.data.tsv_rows
        # duplicates: keep the plain name for the cpufeatures row, else the first row
        groups = OrderedDict()
        for r in rows:
            groups.setdefault(r["name"], []).append(r)
        keep = {}
        for name, rs in groups.items():
            cpuf = [r for r in rs if r["origin"] == "cpufeatures"]
            keep[name] = (cpuf or rs)[0]["line"]

        for r in rows:
            name, why = r["name"], []
            if keep[r["name"]] != r["line"]:
                name = f"{name}_{r['leaf']:x}"
                first = next(x for x in groups[r["name"]] if x["line"] == keep[r["name"]])
                why.append("the plain name is kept for "
                           f"{fmt_reg(first['leaf'], first['subleaf'], first['register'])}[{first['bit']}]"
                           f" ({first['origin']} row); this one gets its leaf appended")
            if name[0].isdigit():
                name = "_" + name
                why.append("a NAME cannot start with a digit")
            if name in RESERVED:
                name = name + "_"
                why.append("reserved word")
            comment = None
            if why:
                comment = f"Linux X86_FEATURE_{r['name']}: " + "; ".join(why)
                self.renames.append((r["name"], name, "; ".join(why)))
            self._add(name, r["leaf"], r["subleaf"], r["register"], r["bit"],
                      ORIGIN_SOURCE[r["origin"]], comment)
        for name, leaf, sub, reg, bit, src, comment in EXTRA_FEATURES:
            pos = (leaf, sub, reg, bit)
            if pos in self.by_pos:
                die(f"extra feature {name}: position already named {self.by_pos[pos]}")
            self._add(name, leaf, sub, reg, bit, src, comment)
        for name, *_ in FIELDS:
            self._claim(name, "field")
        for name, _, _ in XFAM_BITS:
            self._claim(XFAM_PREFIX + name, "XFAM bit")
        for name, _, _ in ATTR_BITS:
            self._claim(ATTR_PREFIX + name, "ATTRIBUTES bit")

    def _add(self, name, leaf, sub, reg, bit, src, comment):
        self._claim(name, "feature")
        pos = (leaf, sub, reg, bit)
        if pos in self.by_pos:
            self.data.warnings.append(f"{name} and {self.by_pos[pos]} name the same bit")
        else:
            self.by_pos[pos] = name
        self.by_name[name] = pos
        self.features.append((name, leaf, sub, reg, bit, src, comment))

    def leaves(self):
        """[(leaf, sub, description, source, comment)] sorted by leaf, subleaf."""
        out = {}
        for leaf, sub in self.data.lookup:
            out[(leaf, sub)] = "tdx_module_1_5_01"
        for r in self.data.tsv_rows:
            out.setdefault((r["leaf"], r["subleaf"]), ORIGIN_SOURCE[r["origin"]])
        result = []
        for (leaf, sub) in sorted(out, key=leaf_key):
            desc = LEAF_DESCRIPTIONS.get((leaf, sub)) or LEAF_DESCRIPTIONS.get((leaf, None))
            if desc and (leaf, sub) not in LEAF_DESCRIPTIONS and sub is not None and leaf == 0xD:
                desc = f"{desc} {sub}"
            comment = None
            if leaf in self.data.index_conflicts:
                comment = ("TDX 1.5.01 looks this leaf up without a subleaf; Linux reads it per subleaf"
                           if sub is not None else
                           "Linux reads this leaf per subleaf; TDX 1.5.01 does not")
            result.append((leaf, sub, desc, out[(leaf, sub)], comment))
        return result

    def render(self) -> str:
        d = self.data
        L = [header([TSV_REL, JSON_REL]).rstrip("\n"),
             "#",
             "# The CPUID catalog: where facts come from, which leaves exist, and names",
             "# for CPUID bits (features), multi-bit CPUID fields, XFAM bits and TD",
             "# ATTRIBUTES bits. Every other spec file imports this one.",
             "# Positions: LEAF[.SUBLEAF].REG[BIT] or [HI:LO]; the subleaf is written only",
             "# for subleaf-indexed leaves.",
             "",
             "# ------------------------------------------------------------------ sources",
             ""]
        L += render_sources(CATALOG_SOURCES)
        L += ["",
              "# ------------------------------------------------------------------ leaves",
              "# Every leaf/subleaf that TDX module 1.5.01 virtualizes (its cpuid_lookup[]",
              f"# table, {len(d.lookup)} entries), then the other leaves that Linux feature bits use.",
              ""]
        for leaf, sub, desc, src, comment in self.leaves():
            if comment:
                L.append(f"# {comment}")
            text = f"leaf {fmt_leaf(leaf, sub)}"
            if desc:
                text += f" {q(desc)}"
            L.append(f"{text} from {src}")
        L += ["",
              "# ------------------------------------------------------------------ features",
              "# One per row of the Linux table (X86_FEATURE_ prefix dropped), then bits that",
              "# the TDX module names and Linux does not.",
              ""]
        last = None
        n_linux = len(self.data.tsv_rows)
        for i, (name, leaf, sub, reg, bit, src, comment) in enumerate(self.features):
            if i == n_linux:
                L += ["", "# Bits named in the TDX module source that have no Linux X86_FEATURE name."]
                last = None
            if (leaf, sub) != last:
                if last is not None:
                    L.append("")
                L.append(f"# leaf {fmt_leaf(leaf, sub)}")
                last = (leaf, sub)
            if comment and src != "tdx_module_1_5_01":
                L.append(f"# {comment}")
            line = f"feature {name} = {fmt_reg(leaf, sub, reg)}[{bit}] from {src}"
            if comment and src == "tdx_module_1_5_01":
                line += f"  # {comment}"
            L.append(line)
        L += ["",
              "# ------------------------------------------------------------------ fields",
              ""]
        for name, leaf, sub, reg, hi, lo, src, comment in FIELDS:
            line = f"field {name} = {fmt_reg(leaf, sub, reg)}[{hi}:{lo}] from {src}"
            if comment:
                line += f"  # {comment}"
            L.append(line)
        L += ["",
              "# ------------------------------------------------------------------ XFAM bits",
              f"# Prefix {XFAM_PREFIX}, not XFAM_: in the grammar the GATE_REG terminal (\"XFAM\",",
              "# priority 2) matches the start of a longer NAME, so a name beginning with",
              "# XFAM could be declared but not used in an expression.",
              ""]
        for name, bit, comment in XFAM_BITS:
            line = f"feature {XFAM_PREFIX}{name} = XFAM[{bit}] from intel_sdm"
            if comment:
                line += f"  # {comment}"
            L.append(line)
        L += ["",
              "# ------------------------------------------------------------------ TD ATTRIBUTES bits",
              ""]
        for name, bit, comment in ATTR_BITS:
            line = f"feature {ATTR_PREFIX}{name} = ATTRIBUTES[{bit}] from qemu_tdx_attrs"
            if comment:
                line += f"  # {comment}"
            L.append(line)
        return "\n".join(L) + "\n"


# ======================================================================= module 1.5.01

class Entry(tuple):
    """(cls, verified, gate, source, section) for one bit."""
    __slots__ = ()

    def __new__(cls, klass, verified, gate, source, section):
        if klass not in CLASSES:
            die(f"unknown class {klass}")
        return tuple.__new__(cls, (klass, verified, gate, source, section))

    klass = property(lambda s: s[0])
    verified = property(lambda s: s[1])
    gate = property(lambda s: s[2])
    source = property(lambda s: s[3])
    section = property(lambda s: s[4])


def parse_category(cat: str):
    """Static-table category -> (class, verified, gate)."""
    gate = None
    m = _XFAM_SUFFIX.match(cat)
    if m:
        cat = m.group("base")
        gate = ("XFAM", tuple(sorted(int(x) for x in m.group("bits").split(","))))
    if cat.startswith("faulting_#VE"):
        if gate:
            die(f"XFAM-dependent faulting category: {cat!r}")
        return "faulting", None, None
    if cat not in _BASE_CATEGORIES:
        die(f"unknown static-table category {cat!r}")
    klass, verified = _BASE_CATEGORIES[cat]
    return klass, verified, gate


class Module:
    SECTION_TABLE = "table"

    def __init__(self, data: Data):
        self.data = data
        self.bits = {}                # (leaf, sub, reg) -> [Entry] * 32
        self.dynamic_notes = []       # comments about dynamic bits
        self.rule_matches = []        # (json rule, SPECIAL_RULES entry)
        self.doubles = []             # bits the table classes twice
        self._build_table()
        self._apply_dynamic()
        self._apply_rules()

    # -- static table
    def _build_table(self) -> None:
        for leaf, sub in self.data.lookup:
            for reg in REGS:
                self.bits[(leaf, sub, reg)] = [None] * 32
        for o in self.data.static:
            leaf, sub, reg = parse_int(o["leaf"]), o["subleaf"], o["register"]
            bits = parse_bits(o["bits"])
            if o["mask"] is not None and bits_to_mask(bits) != parse_int(o["mask"]):
                die(f"static table {fmt_reg(leaf, sub, reg)}: bits {o['bits']} != mask {o['mask']}")
            klass, verified, gate = parse_category(o["category"])
            slot = self.bits[(leaf, sub, reg)]
            for b in bits:
                if slot[b] is not None:
                    self.doubles.append((leaf, sub, reg, b))
                slot[b] = Entry(klass, verified, gate, "tdx_module_1_5_01", self.SECTION_TABLE)
        if self.doubles:
            die("static table classes bits twice: " + ", ".join(
                f"{fmt_reg(l, s, r)}[{b}]" for l, s, r, b in self.doubles))
        missing = [f"{fmt_reg(l, s, r)}[{b}]" for (l, s, r), slot in self.bits.items()
                   for b in range(32) if slot[b] is None]
        if missing:
            die(f"static table leaves bits without a class: {missing[:10]}")

    # -- dynamic bits
    def _apply_dynamic(self) -> None:
        for leaf, sub, reg, bits, what in DYNAMIC_BITS:
            slot = self.bits[(leaf, sub, reg)]
            kept = sorted(b for b in bits if slot[b].klass != "fixed0")
            for b in bits:
                if slot[b].klass == "fixed0" and slot[b].gate is None:
                    slot[b] = Entry("dynamic", None, None, "tdx_module_1_5_01_td_cpuid", self.SECTION_TABLE)
            if kept:
                self.dynamic_notes.append(
                    f"{fmt_bitset(leaf, sub, reg, kept)} ({what}) keeps the table's class "
                    f"{slot[kept[0]].klass}: the table does not list it as fixed0_or_dynamic")

    # -- special rules
    def _rule_keys(self, leaf, sub):
        subs = [s for (l, s) in self.data.lookup if l == leaf]
        if not subs:
            die(f"special rule for leaf 0x{leaf:x}, which is not in the lookup table")
        if sub == "any":
            return [(leaf, s) for s in subs]
        if isinstance(sub, str):
            if ".." in sub:
                a, b = (int(x) for x in sub.split(".."))
                want = list(range(a, b + 1))
            else:
                want = [int(x) for x in sub.split(",")]
            missing = [s for s in want if s not in subs]
            if missing:
                die(f"special rule names subleaves {missing} of 0x{leaf:x} not in the table")
            return [(leaf, s) for s in want]
        if sub not in subs:
            die(f"special rule names 0x{leaf:x} subleaf {sub!r}, not in the table")
        return [(leaf, sub)]

    def _apply_rules(self) -> None:
        used = Counter()
        for o in self.data.rules:
            leaf = parse_int(o["leaf"])
            hits = [r for r in SPECIAL_RULES
                    if r["leaf"] == leaf and r["subleaf"] == o["subleaf"]
                    and r["register"] == o["register"] and r["text"] in o["category"]]
            if len(hits) != 1:
                die(f"special rule {o['leaf']} {o['subleaf']!r} {o['register']} "
                    f"{o['category']!r}: {len(hits)} known modellings (need exactly 1)")
            rule = hits[0]
            used[rule["id"]] += 1
            self.rule_matches.append((o, rule))
            bits = parse_bits(o["bits"])
            regs = REGS if o["register"] == "ALL" else (o["register"],)
            if o["register"] not in REGS + ("ALL",):
                die(f"special rule register {o['register']!r}")
            action = rule["action"]
            for key in self._rule_keys(leaf, o["subleaf"]):
                for reg in regs:
                    slot = self.bits[key + (reg,)]
                    for b in bits:
                        self._apply(slot, b, key, reg, action, rule["id"])
        unused = [r["id"] for r in SPECIAL_RULES if used[r["id"]] != 1]
        if unused:
            die(f"modelled special rules not matched exactly once in the JSON: {unused}")

    def _apply(self, slot, b, key, reg, action, rule_id) -> None:
        e = slot[b]
        where = f"{fmt_reg(key[0], key[1], reg)}[{b}]"
        kind = action[0]
        src = "tdx_module_1_5_01_mng_init"
        if kind == "none":
            return
        if kind == "dynamic":
            if e.klass != "dynamic":
                die(f"rule {rule_id}: {where} should be dynamic, is {e.klass}")
            return
        if e.section != self.SECTION_TABLE:
            die(f"rule {rule_id}: {where} already changed by rule {e.section}")
        if kind == "class":
            _, klass, gate = action
            slot[b] = Entry(klass, None, gate, src, rule_id)
            return
        if kind in ("gate", "gate_per_subleaf"):
            gate = (action[1], action[2]) if kind == "gate" else (action[1], (key[1],))
            if e.klass == "fixed0":
                return  # 0 whatever the gate
            if e.klass in ("faulting", "dynamic"):
                die(f"rule {rule_id}: cannot gate {e.klass} bit {where}")
            if e.gate is not None:
                die(f"rule {rule_id}: {where} already has gate {e.gate}")
            slot[b] = Entry(e.klass, e.verified, gate, src, rule_id)
            return
        die(f"unknown action {action}")

    # -- rendering
    @staticmethod
    def _stmt(entry: Entry, bitset: str) -> str:
        text = f"  {entry.klass:<22} {bitset}"
        if entry.verified is not None:
            text += f" verified {entry.verified}"
        text += fmt_gate(entry.gate)
        return f"{text} from {entry.source}"

    def _section_lines(self, section: str) -> list:
        """Class statements for the bits whose class comes from `section`."""
        lines = []
        for leaf, sub in self.data.lookup:
            groups = []   # (reg, entry, bits)
            for reg in REGS:
                slot = self.bits[(leaf, sub, reg)]
                by = OrderedDict()
                for b in range(32):
                    if slot[b].section == section:
                        key = tuple(slot[b][:4])
                        by.setdefault(key, []).append(b)
                for key, bits in by.items():
                    groups.append((reg, Entry(*key, section), bits))
            if not groups:
                continue
            head = f"  # leaf {fmt_leaf(leaf, sub)}"
            others = sorted({self.bits[(leaf, sub, r)][b].section for r in REGS for b in range(32)}
                            - {section}, key=self._section_order)
            if others and section == self.SECTION_TABLE:
                head += " (other bits: " + ", ".join(
                    "class table" if o == self.SECTION_TABLE else f"rule {o}" for o in others) + ")"
            if (len(groups) == 4 and all(len(g[2]) == 32 for g in groups)
                    and len({tuple(g[1]) for g in groups}) == 1):
                lines.append(head)
                lines.append(self._stmt(groups[0][1], f"{fmt_leaf(leaf, sub)}.*"))
                continue
            lines.append(head)
            groups.sort(key=lambda g: (REGS.index(g[0]), min(g[2])))
            for reg, entry, bits in groups:
                lines.append(self._stmt(entry, fmt_bitset(leaf, sub, reg, bits)))
        return lines

    def _section_order(self, section: str):
        ids = [self.SECTION_TABLE] + [r["id"] for r in SPECIAL_RULES]
        return ids.index(section)

    def render(self) -> str:
        L = [header([JSON_REL]).rstrip("\n"),
             "#",
             "# TDX module 1.5.01 as a concrete module: one class for every bit of the",
             f"# {len(self.data.lookup)} leaves of its cpuid_lookup[] table.",
             "#",
             "# Classes: fixed0 / fixed1 (forced), configurable (config_direct: the VMM's",
             "# value), configurable_if_native (allow_direct: VMM value AND native),",
             "# native (host value; `verified V`: TDH.SYS.INIT requires native == V),",
             "# dynamic (computed at CPUID exit), faulting (#VE; the VMM emulates).",
             "# `when XFAM[a, b]` / `when ATTRIBUTES[n]`: the bit is forced to 0 unless all",
             "# listed bits are set in the TD's XFAM / ATTRIBUTES.",
             "# Table mapping: fixed0_or_dynamic -> fixed0 except the dynamic bits below,",
             "# config_direct -> configurable, allow_direct -> configurable_if_native,",
             "# faulting_#VE -> faulting.",
             "#",
             "# Module-level ATTRIBUTES/XFAM fixed0/fixed1 values of 1.5.01 are not in the",
             "# reference data, so no attributes_fixed0/1 or xfam_fixed0/1 statements are",
             "# given (not invented).",
             "",
             'import "../catalog.cpuid"',
             "",
             "module tdx_1_5_01 {",
             '  version "1.5.01"',
             "",
             "  # ================================================= class table",
             "  # include/auto_gen/cpuid_configurations.c, with the special rules below",
             "  # taken out. Dynamic at CPUID exit (td_cpuid.c), split out of fixed0_or_dynamic:"]
        for leaf, sub, reg, bits, what in DYNAMIC_BITS:
            L.append(f"  #   {fmt_bitset(leaf, sub, reg, bits)}: {what}")
        for note in self.dynamic_notes:
            L.append(f"  # NOTE: {note}")
        L.append("")
        L += self._section_lines(self.SECTION_TABLE)
        L += ["",
              "  # ================================================= special rules",
              "  # read_and_set_cpuid_configurations() in tdh_mng_init.c. Each replaces the",
              "  # table class of the bits it covers (bits forced to 0 anyway stay fixed0 above)."]
        seen = set()
        for o, rule in self.rule_matches:
            if rule["id"] in seen:
                continue
            seen.add(rule["id"])
            L.append("")
            L.append(f"  # rule {rule['id']}: {o['category']}")
            kind = rule["action"][0]
            if kind == "class":
                L.append(f"  #   modelled as {rule['how'].replace('`', '')}")
            if kind == "none":
                L.append(f"  #   NOT EXPRESSIBLE: {rule['why'].replace('`', '')}")
                continue
            if kind == "dynamic":
                L.append(f"  #   modelled in the class table: {rule['how'].replace('`', '')}")
                continue
            L += self._section_lines(rule["id"])
        L += ["",
              "  # Also not expressible as class statements:"]
        for what, where, why, _ in OTHER_INEXPRESSIBLE:
            L.append(f"  #   {what.replace('`', '')} ({where}): {why.replace('`', '')}")
        L += ["",
              "  # ================================================= reporting",
              "  # TDH.SYS.RD metadata CPUID_CONFIG_VALUES (what Linux reads) returns only",
              "  # config_direct in 1.5.01; the legacy TDH.SYS.INFO would add allow_direct & native.",
              "  reports configurable from tdx_module_1_5_01_metadata",
              "}"]
        return "\n".join(L) + "\n"

    def render_doc(self) -> str:
        L = [f"<!-- {header([JSON_REL]).strip().lstrip('# ')} -->",
             "",
             "# TDX module 1.5.01 special rules: how they are modelled",
             "",
             "The class table of `spec/modules/tdx_1_5_01.cpuid` comes from the module's",
             "`cpuid_lookup[]` table. The rules below (JSON kind",
             "`tdx_module_1.5.01_special_rule`, from `read_and_set_cpuid_configurations()` in",
             "`src/vmm_dispatcher/api_calls/tdh_mng_init.c` and `td_cpuid.c`) change the",
             "result. A rule that can be written as a class with a `when` gate replaces",
             "the table class of its bits; the others are listed as not expressible.",
             "",
             "| # | rule | source | position | modelled? | how, or why not |",
             "|---|---|---|---|---|---|"]
        seen = set()
        n = 0
        for o, rule in self.rule_matches:
            if rule["id"] in seen:
                continue
            seen.add(rule["id"])
            n += 1
            sub = o["subleaf"]
            reg = "*" if o["register"] == "ALL" else o["register"]
            pos = f"0x{parse_int(o['leaf']):x}" + ("" if sub is None else f".{sub}") + f".{reg}"
            bits = parse_bits(o["bits"])
            if bits != ALL32:
                pos += "[" + ",".join(str(lo) if lo == hi else f"{hi}:{lo}"
                                      for lo, hi in runs(bits)) + "]"
            kind = rule["action"][0]
            modelled = "no" if kind == "none" else "yes"
            text = rule["why"] if kind == "none" else rule["how"]
            m = re.search(r"\((\w+\.c)\)$", o["category"])
            where = m.group(1) if m else re.search(r"(\w+\.c)", o["source"]).group(1)
            L.append(f"| {n} | {o['category']} | `{where}` | `{pos}` | {modelled} | {text} |")
        for what, where, why, _ in OTHER_INEXPRESSIBLE:
            n += 1
            L.append(f"| {n} | {what} | `{where}` | - | no | {why} |")
        shorts = [rule["short"] for _, rule in self.rule_matches if rule["action"][0] == "none"]
        shorts = list(OrderedDict.fromkeys(shorts)) + [x[3] for x in OTHER_INEXPRESSIBLE]
        L += ["", f"Not expressible ({len(shorts)}):", ""]
        L += [f"- {x}" for x in shorts]
        return "\n".join(L) + "\n"


# ======================================================================= QEMU / KVM sets

class QemuKvm:
    def __init__(self, data: Data, catalog: Catalog):
        self.data = data
        self.catalog = catalog
        self.sets = []           # (name, comment lines, expr lines, source)
        self.mask_notes = []
        self._build()

    def _rows(self, kind):
        rows = [o for o in self.data.facts if o["kind"] == kind]
        if not rows:
            die(f"no JSON objects of kind {kind}")
        return rows

    def _row_bits(self, o) -> frozenset:
        bits = parse_bits(o["bits"])
        if o["mask"] is not None:
            mbits = mask_to_bits(parse_int(o["mask"]))
            if bits and bits != mbits:
                self.mask_notes.append(f"{o['kind']} {o['leaf']} {o['register']}: bits != mask")
            return mbits
        return bits

    def _mask_set(self, kind):
        terms = []
        for o in sorted(self._rows(kind), key=lambda o: (parse_int(o["leaf"]), o["subleaf"] or 0,
                                                          REGS.index(o["register"]))):
            leaf = parse_int(o["leaf"])
            sub = self.data.norm_sub(leaf, o["subleaf"])
            mask = bits_to_mask(self._row_bits(o))
            terms.append(f"mask({fmt_reg(leaf, sub, o['register'])}, 0x{mask:08x})")
        return terms

    def _named_set(self, kind):
        """Set literal of catalog names for single-bit rows; returns (elements, notes)."""
        elems, notes = [], []
        for o in self._rows(kind):
            leaf = parse_int(o["leaf"])
            sub = self.data.norm_sub(leaf, o["subleaf"])
            for key, raw in sorted((o["names"] or {}).items(), key=lambda kv: kv[0]):
                name = clean_name(raw)
                if key == "?":
                    if name not in self.catalog.by_name:
                        die(f"{kind}: {raw!r} has no bit and no catalog name")
                    elems.append(name)
                    p = self.catalog.by_name[name]
                    notes.append(f"{name}: the JSON gives no bit; catalog position "
                                 f"{fmt_reg(p[0], p[1], p[2])}[{p[3]}]")
                    continue
                bit = int(key)
                pos = (leaf, sub, o["register"], bit)
                cat = self.catalog.by_pos.get(pos)
                if cat is None:
                    elems.append(f"{fmt_reg(leaf, sub, o['register'])}[{bit}]")
                    notes.append(f"{raw} at {elems[-1]}: no catalog name")
                else:
                    elems.append(cat)
                    if cat != name:
                        notes.append(f"QEMU's {name} is the catalog's {cat} "
                                     f"({fmt_reg(leaf, sub, o['register'])}[{bit}])")
        return elems, notes

    def _dep_map(self, kind: str, reg: str) -> list:
        """Comment lines 'REG[n]: NAME, NAME' (QEMU names) for a dependency table."""
        deps = OrderedDict()
        for o in self._rows(kind):
            m = re.match(reg + r" bit (\d+)", o["category"])
            if not m:
                die(f"{kind}: category {o['category']!r}")
            deps.setdefault(int(m.group(1)), []).extend(clean_name(v) for v in o["names"].values())
        return [f"  {reg}[{bit}]: {', '.join(names)}" for bit, names in sorted(deps.items())]

    def _build(self) -> None:
        self.sets.append(("QEMU_TDX_FIXED1",
                          ["QEMU tdx_fixed1_bits: bits fixed to 1 in any module version (a superset:",
                           "includes bits that VE_REDUCTION makes configurable, and SYSCALL)."],
                          self._mask_set("qemu_fixed1"), "qemu_tdx"))
        self.sets.append(("QEMU_TDX_FIXED0_1_5_06",
                          ["QEMU v7 tdx_fixed0_bits, 'grabbed from TDX 1.5.06 spec' (not merged)."],
                          self._mask_set("qemu_fixed0_poc_tdx_1.5.06"), "qemu_tdx_v7"))
        elems, notes = self._named_set("qemu_xfam_dependent")
        xfam_map = self._dep_map("qemu_xfam_dependent", "XFAM")
        self.sets.append(("QEMU_TDX_XFAM_DEPENDENT",
                          ["QEMU tdx_xfam_deps ('XFAM & Native'): supported only if the XFAM bit is",
                           "in supported_xfam."] + xfam_map + notes,
                          ["{" + ", ".join(elems) + "}"], "qemu_tdx"))
        elems, notes = self._named_set("qemu_attributes_dependent")
        attr_map = self._dep_map("qemu_attributes_dependent", "ATTRIBUTES")
        self.sets.append(("QEMU_TDX_ATTRS_DEPENDENT",
                          ["QEMU tdx_attrs_maps: supported only if the ATTRIBUTES bit is in",
                           "supported_attrs."] + attr_map + notes,
                          ["{" + ", ".join(elems) + "}"], "qemu_tdx"))
        self.sets.append(("TDX_1_5_08_EMR_CPUID_CONFIG",
                          ["Configurable bits reported by module 1.5.08.04.0784 on EMR, hard-coded by",
                           "QEMU v7 patch 46/52 (= config_direct | allow_direct & native)."],
                          self._mask_set("observed_CPUID_CONFIG_tdx_1.5.08_EMR"), "qemu_tdx_v7"))
        elems, notes = self._named_set("kvm_tdx_denylist")
        self.sets.append(("KVM_TDX_DENYLIST",
                          ["KVM clears these from KVM_TDX_CAPABILITIES and rejects them (-EINVAL) in",
                           "KVM_TDX_INIT_VM."] + notes,
                          ["{" + ", ".join(elems) + "}"], "linux_kvm_tdx"))
        special = self._rows("kvm_tdx_special")
        if len(special) != 1:
            die("expected one kvm_tdx_special row")
        o = special[0]
        leaf = parse_int(o["leaf"])
        bits = parse_bits(o["bits"])
        lo, hi = min(bits), max(bits)
        if (leaf, o["register"], lo, hi) != (0x80000008, "EAX", 16, 23):
            die(f"kvm_tdx_special: unexpected position {o}")
        self.sets.append(("GPAW_FIELD_BITS",
                          ["KVM reports 0x80000008.EAX[23:16] as configurable (0xff): userspace writes",
                           "48 or 52 to pick GPAW; KVM zeroes it before TDH.MNG.INIT."],
                          [f"{fmt_reg(leaf, self.data.norm_sub(leaf, o['subleaf']), 'EAX')}[{hi}:{lo}]"],
                          "linux_kvm_tdx"))
        elems, notes = self._named_set("linux_x86_feature")
        self.sets.append(("KVM_ACTED_ON",
                          ["Bits KVM engages logic for (PUCK thread, Rick Edgecombe, 2024-04-11)."] + notes,
                          ["{" + ", ".join(elems) + "}"], "puck_rick_2024_04_11"))
        if self.mask_notes:
            die("JSON bits and mask disagree: " + "; ".join(self.mask_notes))

    def render(self) -> str:
        L = [header([TSV_REL, JSON_REL]).rstrip("\n"),
             "#",
             "# QEMU and KVM CPUID tables as named sets of CPUID bits.",
             "# mask(REG, VALUE) = the bits that are 1 in VALUE in that register.",
             "",
             'import "../catalog.cpuid"',
             ""]
        L += render_sources(QEMU_KVM_SOURCES)
        for name, comments, terms, src in self.sets:
            L.append("")
            for c in comments:
                L.append(f"# {c}")
            if len(terms) == 1:
                L.append(f"set {name} = {terms[0]} from {src}")
            else:
                L.append(f"set {name} =")
                L.append(f"    {terms[0]}")
                for t in terms[1:]:
                    L.append(f"  | {t}")
                L.append(f"  from {src}")
        return "\n".join(L) + "\n"


def clean_name(raw: str) -> str:
    """'X86_FEATURE_X2APIC = (4*32+21)' -> 'X2APIC'; 'SYSCALL (really ...)' -> 'SYSCALL'."""
    name = re.sub(r"\s*=\s*\(.*\)\s*$", "", raw)
    name = re.sub(r"\s*\(.*\)\s*$", "", name).strip()
    if name.startswith("X86_FEATURE_"):
        name = name[len("X86_FEATURE_"):]
    if name[:1].isdigit():
        name = "_" + name
    return name


# ======================================================================= main

def generate(root: Path = ROOT) -> dict:
    """Return {relative path: text} for every generated file."""
    data = Data(root)
    catalog = Catalog(data)
    module = Module(data)
    qk = QemuKvm(data, catalog)
    return {
        OUT_CATALOG: catalog.render(),
        OUT_MODULE: module.render(),
        OUT_QEMU_KVM: qk.render(),
        OUT_RULES_DOC: module.render_doc(),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT,
                    help="directory to write the generated files under (default: the repo root)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if a file under --out differs from the generated text")
    args = ap.parse_args(argv)
    try:
        files = generate(ROOT)
    except GenError as e:
        print(f"gen_specs: error: {e}", file=sys.stderr)
        return 2
    return write_or_check(files, args.out, args.check, "gen_specs")


def write_or_check(files: dict[str, str], out: Path, check: bool, tool: str) -> int:
    """Write each generated file under out (only those that changed), or with check
    write nothing and return 1 when any differs; shared with tools/gen_releases.py."""
    stale = []
    for rel, text in files.items():
        path = out / rel
        data = text.encode("utf-8")
        if check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
    if stale:
        print(f"{tool}: stale (re-run tools/{tool}.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
