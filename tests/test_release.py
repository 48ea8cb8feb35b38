"""Release data: the real module data, the format's round trip, diff, release check,
the importers' diagnostics (golden files in tests/golden/data) and `from` in specs.

Golden data cases: tests/golden/data/NAME.{json,txt} is a malformed input whose
prefix says its format (release_, dump_, kvm_); NAME.out is the diagnostics the
importer prints. ``--update-golden`` rewrites the .out files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.ast import ModuleDecl
from checker.bits import Reg
from checker.cli import main, shipped_spec_dir
from checker.importers import load_readout, parse_dump
from checker.model import load_module
from checker.release import (BitClass, dump_release, diff, load_release, read_data_file, release_from_text,
                             release_to_json)
from checker.release_check import release_check
from checker.semantics import analyse

REPO = Path(__file__).resolve().parent.parent
RELEASES = REPO / "spec" / "releases"
DATA = REPO / "tests" / "golden" / "data"
R_1_5_01 = RELEASES / "tdx_1_5_01.json"
R_1_5_06 = RELEASES / "tdx_1_5_06_fixed0_partial.json"
R_1_5_08 = RELEASES / "tdx_1_5_08_emr_cpuid_config.json"


def _load(path: Path):
    release, diags = load_release(path, path.name)
    assert release is not None, [d.render() for d in diags]
    return release


# ------------------------------------------------------------------ the real data

def test_1_5_01_covers_its_64_leaves_bit_by_bit() -> None:
    r = _load(R_1_5_01)
    classes = r.bit_classes()
    leaves = {reg.leaf_key for reg, _ in classes}
    assert len(leaves) == 64
    assert len(classes) == 64 * 128  # every bit of every register of the table has one class
    assert classes[(Reg(0x7, 0, "ECX"), 31)] == BitClass("fixed1", None, classes[(Reg(0x7, 0, "ECX"), 31)].gate)
    assert str(classes[(Reg(0x7, 0, "ECX"), 31)].gate) == "ATTRIBUTES[30]"  # the PKS rule
    assert classes[(Reg(0x1, 0, "ECX"), 27)].klass == "dynamic"  # OSXSAVE
    assert len(r.cpuid_config or []) == 12
    assert any("not expressible" in n for n in r.notes)


def test_release_and_module_spec_give_every_bit_the_same_class() -> None:
    """The two generators (gen_releases.py, gen_specs.py) agree bit by bit.

    One known difference, found by this test: the module table gives leaf 0x1E
    without a subleaf, and the spec writes it as `0x1e.*`, which in the language
    also covers the catalog's leaf 0x1e.1. The module ignores ECX for such a
    leaf, so 0x1e.1 reads as 0x1e.0: the extra bits must have subleaf 0's class."""
    program, diags = analyse([REPO / "spec" / "modules" / "tdx_1_5_01.cpuid"])
    assert not [d for d in diags if d.is_error]
    decl = next(d for _, d in program.declarations(ModuleDecl) if d.name.name == "tdx_1_5_01")
    module = load_module(program, program.file_of(decl), decl)
    spec_bits: dict = {}
    for reg, per_class in module.classes.items():
        for klass, mask in per_class.items():
            for b in range(32):
                if mask >> b & 1:
                    verified = 1 if module.verified1.get(reg, 0) >> b & 1 else \
                        0 if module.verified0.get(reg, 0) >> b & 1 else None
                    gate = next(((g.word, g.bits) for m, g in module.gates.get(reg, []) if m >> b & 1), None)
                    spec_bits[(reg, b)] = (klass, verified, gate)
    release = _load(R_1_5_01)
    rel = {k: (c.klass, c.verified, None if c.gate is None else (c.gate.word, c.gate.bits))
           for k, c in release.bit_classes().items()}
    extra = {k: v for k, v in spec_bits.items() if k not in rel}
    assert {reg.leaf_key for reg, _ in extra} == {(0x1E, 1)} and not release.indexed[0x1E]
    assert all(v == rel[(Reg(reg.leaf, 0, reg.register), b)] for (reg, b), v in extra.items())
    assert {k: v for k, v in spec_bits.items() if k in rel} == rel


def test_round_trip_is_identical(tmp_path: Path) -> None:
    for path in (R_1_5_01, R_1_5_06, R_1_5_08):
        first = _load(path)
        text = dump_release(first)
        again, diags = release_from_text(text, "again.json")
        assert again is not None and not diags
        assert release_to_json(again) == release_to_json(first)
        assert dump_release(again) == text
        assert again.bit_classes() == first.bit_classes() and again.reported() == first.reported()


def test_diff_names_the_7_0_edx_fixed0_drift_and_keeps_unspecified_apart() -> None:
    d = diff(_load(R_1_5_01), _load(R_1_5_06))
    edx = {c.position: c for c in d.changes if c.position.startswith("0x7.0.EDX")}
    assert set(edx) == {"0x7.0.EDX[9]", "0x7.0.EDX[13]"}
    assert edx["0x7.0.EDX[9]"].old == "native verified 0" and edx["0x7.0.EDX[9]"].new == "fixed0"
    # bit 6 is fixed0 in the 1.5.01 source but the partial 1.5.06 data does not say: unspecified, not changed
    assert int(d.unspecified["new"]["0x7.0.EDX"], 16) >> 6 & 1
    assert not d.unspecified["old"]


def test_1_5_08_cpuid_config_checked_against_1_5_01_classes() -> None:
    new = _load(R_1_5_08)
    assert new.bit_classes() == {} and new.platform and "Emerald" in new.platform["cpu"]
    d = diff(_load(R_1_5_01), new)
    by = {(c.position, c.aspect): c for c in d.all_changes}
    assert not by[("0x1.0.ECX[3]", "reported")].breaking  # allow_direct in 1.5.01, now reported
    assert by[("0x80000008.0.EAX[2]", "reported")].breaking  # fixed-1 in 1.5.01, reported configurable now
    assert by[("0x4.0", "cpuid_config leaf")].breaking


def test_diff_classifies_configurable_to_fixed1_as_breaking() -> None:
    old = _load(R_1_5_01)
    doc = release_to_json(old)
    doc["version"] = "next"
    doc["classes"] = [dict(e, **{"class": "fixed1"}) if e["leaf"] == "0x00000007" and e.get("subleaf") == 0
                      and e["register"] == "EBX" and e["class"] == "configurable_if_native" else e
                      for e in doc["classes"]]
    new, diags = release_from_text(json.dumps(doc), "next.json")
    assert new is not None, diags
    d = diff(old, new, kvm_known={})
    adx = [c for c in d.changes if c.position == "0x7.0.EBX[19]"]
    assert adx and adx[0].breaking and "configurable to fixed-1" in adx[0].why and "KVM does not know" in adx[0].why


# ------------------------------------------------------------------ release check

def test_release_check_names_the_broken_guarantee_and_its_bits() -> None:
    program, diags = analyse([shipped_spec_dir()])
    assert not [d for d in diags if d.is_error]
    rv = release_check(program, _load(R_1_5_01), only={"upstream_6_16__promising_release"},
                       decide_invariants=False)
    broken = {b.guarantee: b for b in rv.broken}
    assert set(broken) == {"reported_is_accepted"}
    assert "0x1.ECX[3] (MWAIT)" in broken["reported_is_accepted"].bits  # allow_direct, not reported in 1.5.01
    assert {r.verdict.value for r in rv.results} == {"vacuous"}
    # the invariants the shipped check proves under the guarantees (the others it expects violated)
    assert {n.invariant for n in rv.now_failing} == {"fixed1_visible", "userspace_view_exact", "kvm_view_consistent"}


def test_release_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["release", "diff", str(R_1_5_01), str(R_1_5_06)]) == 0
    assert "0x7.0.EDX[13] (TSX_FORCE_ABORT)" in capsys.readouterr().out
    assert main(["release", "diff", "tdx_1_5_01", "tdx_1_5_06_fixed0_partial", "--format", "email"]) == 0  # by name
    assert all(len(line) <= 72 for line in capsys.readouterr().out.splitlines())
    assert main(["release", "diff", str(R_1_5_01), str(R_1_5_08), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["breaking_count"] > 0 and doc["new"] == "1.5.08.04.0784"
    out = tmp_path / "r.json"
    assert main(["release", "export", str(R_1_5_06), "--output", str(out)]) == 0
    assert out.read_text() == R_1_5_06.read_text()
    assert main(["release", "check", str(DATA / "release_overlapping_classes.json")]) == 2
    assert "[E505]" in capsys.readouterr().err


# ------------------------------------------------------------------ golden importer diagnostics

CASES = sorted(p for p in DATA.iterdir() if p.suffix in (".json", ".txt"))


def _render(path: Path) -> str:
    shown = path.name
    text, diags = read_data_file(path, shown)
    assert text is not None
    if path.name.startswith("release_"):
        _, diags = release_from_text(text, shown)
    else:
        _, diags = load_readout("dump" if path.name.startswith("dump_") else "kvm_cpuid2", path, shown)
    lines = text.split("\n")
    return "\n".join(d.render(lines[d.span.line - 1] if d.span.line else None) for d in diags) + "\n"


def test_enough_golden_data_cases() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_data_case(path: Path, update_golden: bool) -> None:
    rendered = _render(path)
    assert "[E5" in rendered, f"{path.name} is accepted, but it is a malformed input"
    out = path.with_suffix(".out")
    if update_golden:
        out.write_text(rendered, encoding="utf-8")
        return
    assert rendered == out.read_text(encoding="utf-8")


# ------------------------------------------------------------------ readouts in specs

SPEC = """
leaf 0x1
leaf 0x7.0
feature X2APIC = 1.ECX[21]
feature SMEP = 7.0.EBX[7]
feature SMAP = 7.0.EBX[20]
module m { configurable SMEP | SMAP  native X2APIC }
kvm kvm_readout from kvm_cpuid2 "known.json"
host emr from dump "host.txt"
set CAPS from kvm_cpuid2 "caps.json"
invariant known_only: td.cpuid - kvm.known == {}
invariant caps_are_configurable: CAPS <= module.configurable
design d {
  ioctl INIT_VM(cpuid) vm in created -> initialized { sets td.config = cpuid & kvm.known }
  protocol { call INIT_VM(userspace.request) }
}
check c {
  design d
  module m
  kvm kvm_readout
  host emr
  verify known_only expect violated
  verify caps_are_configurable
}
"""


def test_readouts_used_in_a_spec(tmp_path: Path) -> None:
    (tmp_path / "s.cpuid").write_text(SPEC)
    # KVM knows SMEP (7.0.EBX[7]) only; the host has X2APIC natively, which KVM does not know
    (tmp_path / "known.json").write_text(json.dumps({"nent": 1, "entries": [
        {"function": 7, "index": 0, "flags": 1, "eax": 0, "ebx": 0x80, "ecx": 0, "edx": 0}]}))
    (tmp_path / "caps.json").write_text(json.dumps([
        {"function": 7, "index": 0, "flags": 1, "eax": 0, "ebx": 0x100080, "ecx": 0, "edx": 0}]))
    (tmp_path / "host.txt").write_text("CPU 0:\n   0x00000001 0x00: eax=0x000806f8 ebx=0x00800800 "
                                       "ecx=0x00200000 edx=0x00000000\n"
                                       "   0x00000007 0x00: eax=0x00000000 ebx=0x00100080 ecx=0 edx=0\n")
    assert main(["check", str(tmp_path / "s.cpuid"), "--jobs", "1", "--table-only"]) == 0
    dump, diags = parse_dump((tmp_path / "host.txt").read_text(), "host.txt")
    assert dump is not None and dump.values[Reg(1, 0, "ECX")] == 0x00200000


def test_release_files_follow_the_shipped_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "checker" / "release.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in (R_1_5_01, R_1_5_06, R_1_5_08):
        assert not list(validator.iter_errors(json.loads(path.read_text()))), path.name
    # what the schema can say, it says like the importer (the rest, e.g. overlaps, only the importer finds)
    for name in ("release_wrong_format", "release_missing_version", "release_unknown_field", "release_unknown_class",
                 "release_mask_too_wide", "release_config_one_word", "release_bad_register"):
        assert list(validator.iter_errors(json.loads((DATA / f"{name}.json").read_text()))), name


def test_release_import_from_a_capabilities_readout(tmp_path: Path) -> None:
    """KVM_TDX_CAPABILITIES' kvm_cpuid2 -> a CPUID_CONFIG-only release -> the same list."""
    from checker.importers import readout_to_kvm_cpuid2

    emr = _load(R_1_5_08)
    values = {reg: v for e in emr.cpuid_config or () for reg, v in e.registers().items()}
    indexed = {leaf for leaf, ix in emr.indexed.items() if ix}
    (tmp_path / "caps.json").write_text(json.dumps({"cpuid": readout_to_kvm_cpuid2(values, indexed)}))
    out = tmp_path / "emr.json"
    assert main(["release", "import", str(tmp_path / "caps.json"), "--version", emr.version,
                 "--platform", "cpu=Emerald Rapids (EMR)", "--output", str(out)]) == 0
    again = _load(out)
    assert again.cpuid_config == emr.cpuid_config and again.platform == {"cpu": "Emerald Rapids (EMR)"}
    assert again.unlisted == "unspecified" and not again.runs


def test_shipped_release_files_are_what_the_generator_writes() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_releases", REPO / "tools" / "gen_releases.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "spec/releases/ is stale: run python3 tools/gen_releases.py"


def test_json_positions_finds_every_value_and_key() -> None:
    from checker.release import json_positions

    text = '{\n  "a": [1, {"b": "x]}\\"", "c": null}],\n  "d": {"e": [[], [true, -2.5e3]]}\n}\n'
    pos = json_positions(text)

    def at(path: str) -> str:
        start, end = pos[path]
        return text[start:end]

    assert at("$.a[0]") == "1"
    assert at("$.a[1].b") == '"x]}\\""'  # brackets and an escaped quote inside a string
    assert at("$.a[1].c") == "null"
    assert at("$.a[1].c key") == '"c"'
    assert at("$.d.e[0]") == "[]"
    assert at("$.d.e[1][1]") == "-2.5e3"
    assert at("$.d") == '{"e": [[], [true, -2.5e3]]}'
    assert at("$") == text.strip()
