"""Checks of the generated spec files against independent sources.

The generated files (spec/catalog.cpuid, spec/modules/tdx_1_5_01.cpuid,
spec/data/qemu_kvm.cpuid, docs/module-1.5.01-rules.md) come from
tools/gen_specs.py. These tests read tools/data/tdx-cpuid-facts.json
themselves (not through the generator) and read the .cpuid files with a small
regex reader, so they do not depend on the checker's parser.

Every check counts what it looked at and fails if that count is zero.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "tools" / "data" / "tdx-cpuid-facts.json"
CATALOG = ROOT / "spec" / "catalog.cpuid"
MODULE = ROOT / "spec" / "modules" / "tdx_1_5_01.cpuid"
QEMU_KVM = ROOT / "spec" / "data" / "qemu_kvm.cpuid"
GRAMMAR = ROOT / "grammar" / "cpuid_contracts.lark"
GENERATOR = ROOT / "tools" / "gen_specs.py"

GENERATED = [
    "spec/catalog.cpuid",
    "spec/modules/tdx_1_5_01.cpuid",
    "spec/data/qemu_kvm.cpuid",
    "docs/module-1.5.01-rules.md",
]
SPEC_FILES = [CATALOG, MODULE, QEMU_KVM]

REGS = ("EAX", "EBX", "ECX", "EDX")
CLASSES = ("fixed0", "fixed1", "configurable", "configurable_if_native",
           "native", "dynamic", "faulting")
NAME_KINDS = ("qemu_fixed1", "qemu_xfam_dependent", "qemu_attributes_dependent",
              "kvm_tdx_denylist", "linux_x86_feature")

# ----------------------------------------------------------------- tiny reader

INT = r"(?:0[xX][0-9a-fA-F_]+|\d[\d_]*)"
POS = (rf"(?P<leaf>{INT})\.(?:(?P<sub>{INT})\.)?(?P<reg>EAX|EBX|ECX|EDX|\*)"
       rf"(?:\[(?P<hi>\d+)(?::(?P<lo>\d+))?\])?")
POS_RE = re.compile(POS)
FEATURE_RE = re.compile(rf"^feature\s+(?P<name>\w+)\s*=\s*{POS}(?:\s+from\s+\w+)?\s*(?:#.*)?$")
WIDE_FEATURE_RE = re.compile(r"^feature\s+(\w+)\s*=\s*(XFAM|ATTRIBUTES)\[(\d+)\]")
LEAF_RE = re.compile(rf"^leaf\s+(?P<leaf>{INT})(?:\.(?P<sub>{INT}))?(?:\s|$)")
CLASS_RE = re.compile(
    r"^\s*(?P<cls>" + "|".join(sorted(CLASSES, key=len, reverse=True)) + r")\s+"
    r"(?P<set>.+?)"
    r"(?:\s+verified\s+(?P<ver>\d+))?"
    r"(?:\s+when\s+(?P<greg>XFAM|ATTRIBUTES)\[(?P<gbits>[\d,\s]+)\])?"
    r"(?:\s+from\s+\w+)?\s*(?:#.*)?$"
)


def to_int(text: str) -> int:
    return int(text.replace("_", ""), 0)


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""


def read_features(path: Path) -> dict:
    """{name: (leaf, subleaf-or-0, reg, bit)} for single-bit CPUID features."""
    out = {}
    for line in path.read_text().splitlines():
        m = FEATURE_RE.match(line)
        if not m:
            continue
        assert m["hi"] is not None and m["lo"] is None, line
        assert m["name"] not in out, f"feature {m['name']} declared twice"
        out[m["name"]] = (to_int(m["leaf"]), to_int(m["sub"]) if m["sub"] else 0, m["reg"], int(m["hi"]))
    return out


def expand_set(text: str):
    """'0x1.ECX[2:0] | 0x6.*' -> [(leaf, sub|None, reg, bit)] (duplicates kept)."""
    out = []
    for term in text.split("|"):
        term = term.strip()
        mm = re.fullmatch(rf"mask\((?P<pos>[^,]+),\s*(?P<val>{INT})\)", term)
        if mm:
            m = POS_RE.fullmatch(mm["pos"].strip())
            assert m and m["hi"] is None and m["reg"] != "*", f"mask() needs a whole register: {term!r}"
            value = to_int(mm["val"])
            sub = to_int(m["sub"]) if m["sub"] else None
            out += [(to_int(m["leaf"]), sub, m["reg"], b) for b in range(32) if value >> b & 1]
            continue
        m = POS_RE.fullmatch(term)
        assert m, f"not a position: {term!r}"
        leaf = to_int(m["leaf"])
        sub = to_int(m["sub"]) if m["sub"] else None
        regs = REGS if m["reg"] == "*" else (m["reg"],)
        if m["hi"] is None:
            bits = range(32)
        elif m["lo"] is None:
            bits = [int(m["hi"])]
        else:
            hi, lo = int(m["hi"]), int(m["lo"])
            assert hi >= lo, term
            bits = range(lo, hi + 1)
        out += [(leaf, sub, r, b) for r in regs for b in bits]
    return out


def read_module_classes(path: Path):
    """[(cls, verified, gate, [(leaf, sub, reg, bit)])] for every class statement."""
    stmts = []
    inside = False
    for line in path.read_text().splitlines():
        code = strip_comment(line)
        if not code:
            continue
        if re.match(r"^module\s+\w+\s*\{", code):
            inside = True
            continue
        if not inside:
            continue
        if code.strip() == "}":
            inside = False
            continue
        m = CLASS_RE.match(code)
        if m:
            gate = None
            if m["greg"]:
                gate = (m["greg"], tuple(int(x) for x in m["gbits"].split(",")))
            stmts.append((m["cls"], None if m["ver"] is None else int(m["ver"]), gate, expand_set(m["set"])))
    return stmts


def load_facts():
    return json.loads(FACTS.read_text())


def clean_json_name(raw: str) -> str:
    name = re.sub(r"\s*=\s*\(.*\)\s*$", "", raw)       # ' = (4*32+21)'
    name = re.sub(r"\s*\(.*\)\s*$", "", name).strip()  # ' (dynamic: ...)'
    if name.startswith("X86_FEATURE_"):
        name = name[len("X86_FEATURE_"):]
    if name[:1].isdigit():  # documented rename: a NAME cannot start with a digit
        name = "_" + name
    return name


def lookup_leaves(facts):
    keys = {(int(o["leaf"], 16), o["subleaf"]) for o in facts
            if o["kind"] == "tdx_module_1.5.01_static_table"}
    assert len(keys) == 64, f"expected 64 lookup leaves in the JSON, found {len(keys)}"
    return keys


# ----------------------------------------------------------------- tests

def test_generated_files_exist():
    for rel in GENERATED:
        assert (ROOT / rel).is_file(), f"{rel} missing: run tools/gen_specs.py"
    for path in SPEC_FILES:
        first = path.read_text().splitlines()[0]
        assert first.startswith("# Generated by tools/gen_specs.py from tools/data/"), first
        assert first.endswith("do not edit by hand."), first


def test_catalog_positions_match_json_names():
    facts = load_facts()
    features = read_features(CATALOG)
    assert len(features) > 300, f"only {len(features)} features read from the catalog"
    checked, mismatches = [], []
    for o in facts:
        if o["kind"] not in NAME_KINDS or not o["names"]:
            continue
        leaf = int(o["leaf"], 16)
        sub = o["subleaf"] or 0
        for key, raw in o["names"].items():
            if not key.isdigit():  # '?' (no bit given) or a multi-bit field
                continue
            name = clean_json_name(raw)
            if name not in features:
                continue
            want = (leaf, sub, o["register"], int(key))
            checked.append(name)
            if features[name] != want:
                mismatches.append(f"{name}: catalog {features[name]} JSON {want} ({o['kind']})")
    assert not mismatches, "\n".join(mismatches)
    assert len(checked) >= 40, f"only {len(checked)} names cross-checked: {checked}"
    for must in ("X2APIC", "XSAVE", "SMEP", "SMAP", "FSGSBASE", "PKU", "LA57",
                 "HLE", "RTM", "WAITPKG", "AVX2", "ARAT", "SYSCALL"):
        assert must in checked, f"{must} was not cross-checked"


def test_catalog_declares_every_lookup_leaf():
    facts = load_facts()
    declared = set()
    for line in CATALOG.read_text().splitlines():
        m = LEAF_RE.match(line)
        if m:
            declared.add((to_int(m["leaf"]), to_int(m["sub"]) if m["sub"] else None))
    keys = lookup_leaves(facts)
    missing = sorted(keys - declared, key=lambda k: (k[0], -1 if k[1] is None else k[1]))
    assert not missing, f"no leaf declaration for {missing}"


def test_catalog_names_unique_and_valid():
    names = []
    for line in CATALOG.read_text().splitlines():
        m = re.match(r"^(feature|field)\s+(\S+)\s*=", line)
        if m:
            names.append(m.group(2))
    assert len(names) > 300
    dup = [n for n, c in Counter(names).items() if c > 1]
    assert not dup, f"names declared twice: {dup}"
    bad = [n for n in names if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n)
           or n.startswith(("XFAM", "ATTRIBUTES"))]
    assert not bad, f"invalid names: {bad}"
    wide = {m.group(1): (m.group(2), int(m.group(3))) for line in CATALOG.read_text().splitlines()
            if (m := WIDE_FEATURE_RE.match(line))}
    assert wide.get("XF_PKRU") == ("XFAM", 9), wide
    assert wide.get("ATTR_PKS") == ("ATTRIBUTES", 30), wide
    assert wide.get("ATTR_PERFMON") == ("ATTRIBUTES", 63), wide


def test_generator_reproduces_committed_files(tmp_path):
    res = subprocess.run([sys.executable, str(GENERATOR), "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    produced = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert produced == sorted(GENERATED), produced
    for rel in GENERATED:
        assert (tmp_path / rel).read_bytes() == (ROOT / rel).read_bytes(), \
            f"{rel} differs from a fresh run of tools/gen_specs.py"


def test_every_lookup_bit_has_exactly_one_class():
    facts = load_facts()
    keys = lookup_leaves(facts)
    stmts = read_module_classes(MODULE)
    assert len(stmts) > 64, f"only {len(stmts)} class statements read"
    count = Counter()
    for _, _, _, bits in stmts:
        count.update(bits)
    expected = {(leaf, sub, reg, bit) for leaf, sub in keys for reg in REGS for bit in range(32)}
    assert len(expected) == 64 * 4 * 32
    missing = expected - set(count)
    extra = set(count) - expected
    twice = {k: c for k, c in count.items() if c > 1}
    assert not missing, f"{len(missing)} bits without a class, e.g. {sorted(missing)[:5]}"
    assert not extra, f"bits outside the lookup table: {sorted(extra)[:5]}"
    assert not twice, f"bits with more than one class: {sorted(twice)[:5]}"


def test_module_classes_match_reference_doc():
    """Spot checks from tdx-facts.md (sections d, e), not from the JSON."""
    cls = {}
    for c, ver, gate, bits in read_module_classes(MODULE):
        for b in bits:
            cls[b] = (c, ver, gate)
    expect = {
        (0x1, None, "ECX", 21): ("native", 1, None),                      # X2APIC
        (0x1, None, "ECX", 26): ("native", 1, None),                      # XSAVE
        (0x7, 0, "EBX", 7): ("native", 1, None),                          # SMEP
        (0x7, 0, "EBX", 20): ("native", 1, None),                         # SMAP
        (0x7, 0, "EBX", 0): ("native", 1, None),                          # FSGSBASE
        (0x7, 0, "ECX", 3): ("native", None, ("XFAM", (9,))),            # PKU
        (0x7, 0, "ECX", 16): ("configurable_if_native", None, None),      # LA57
        (0x1, None, "EBX", 24): ("dynamic", None, None),                  # INITIAL_APIC_ID
        (0x1, None, "ECX", 27): ("dynamic", None, None),                  # OSXSAVE
        (0x7, 0, "ECX", 4): ("dynamic", None, None),                      # OSPKE
        (0xD, 0, "EBX", 5): ("dynamic", None, None),
        (0xD, 1, "EBX", 31): ("dynamic", None, None),
        (0x80000001, None, "EDX", 11): ("dynamic", None, None),           # SYSCALL
        (0x7, 0, "ECX", 31): ("fixed1", None, ("ATTRIBUTES", (30,))),     # PKS := ATTRIBUTES.PKS
        (0x7, 0, "ECX", 23): ("fixed0", None, None),                      # KeyLocker := 0
        (0x6, None, "EAX", 2): ("faulting", None, None),                  # leaf 6 faulting
        (0x1F, 3, "EDX", 0): ("faulting", None, None),
        (0x80000006, None, "ECX", 7): ("faulting", None, None),
        (0x19, None, "EBX", 0): ("fixed0", None, None),                   # leaf 0x19 zeroed
        (0x1D, 1, "EAX", 0): ("native", None, ("XFAM", (17, 18))),
        (0xA, None, "EBX", 0): ("native", None, ("ATTRIBUTES", (63,))),
        (0x14, 0, "EBX", 0): ("native", None, ("XFAM", (8,))),
        (0xD, 9, "EAX", 0): ("native", None, ("XFAM", (9,))),
    }
    wrong = {k: (cls.get(k), v) for k, v in expect.items() if cls.get(k) != v}
    assert not wrong, wrong
    text = MODULE.read_text()
    assert re.search(r"^\s*reports\s+configurable\b", text, re.M)
    assert not re.search(r"^\s*(attributes|xfam)_fixed[01]\b", text, re.M)


def test_qemu_kvm_sets_present():
    text = QEMU_KVM.read_text()
    sets = re.findall(r"^set\s+(\w+)\s*=", text, re.M)
    for name in ("QEMU_TDX_FIXED1", "QEMU_TDX_FIXED0_1_5_06", "KVM_TDX_DENYLIST", "KVM_ACTED_ON",
                 "GPAW_FIELD_BITS", "TDX_1_5_08_EMR_CPUID_CONFIG"):
        assert name in sets, f"set {name} missing"
    facts = load_facts()
    fixed1 = [o for o in facts if o["kind"] == "qemu_fixed1"]
    assert fixed1
    for o in fixed1:
        assert f"0x{int(o['mask'], 16):08x}" in text, f"QEMU fixed1 mask {o['mask']} not in qemu_kvm.cpuid"
    assert re.search(r"set KVM_TDX_DENYLIST = \{HLE, RTM, WAITPKG\}", text)
    assert re.search(r"set KVM_ACTED_ON = \{X2APIC, XSAVE, SMEP, SMAP, FSGSBASE, PKU, LA57\}", text)


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: p.name)
def test_spec_files_parse_with_grammar(path):
    lark = pytest.importorskip("lark")
    parser = lark.Lark(GRAMMAR.read_text(), parser="lalr")
    tree = parser.parse(path.read_text())
    assert tree.children, f"{path} parsed to nothing"


def test_spec_files_pass_the_checker():
    """With the project's own parser and semantic analysis, when it is importable."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    try:
        from checker.semantics import analyse
    except ImportError as e:  # the checker is developed alongside; parse with lark above
        pytest.skip(f"checker not importable: {e}")
    _, diags = analyse([str(p) for p in SPEC_FILES])
    assert not diags, "\n".join(str(d) for d in diags)
