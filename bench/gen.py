"""Generate scaled-up copies of the shipped specs for bench/run.py.

Two generators, both deterministic and both built by rewriting the shipped
spec text (so the generated files use exactly the constructs the real specs
use, in the same proportions):

* ``frontend(out, factor)``: ``factor`` copies of the whole spec/ tree, one
  directory per copy (``c000/``, ``c001/``, ...). Copy 0 is the shipped spec
  unchanged; in copy k every declared name gets the suffix ``_k<k>`` and every
  leaf number is moved up by ``k * STRIDE`` (leaf ranges ``on leaves A..B``
  too), so all names and leaves stay unique. For the front-end cases (F3).

* ``checker(out, factor)``: one design (upstream_6_16) checked against a
  concrete module with ``factor`` times the leaves of TDX module 1.5.01: the
  module's per-leaf class statements are copied onto the new leaf numbers of
  ``factor`` catalog copies, and the QEMU/KVM sets become the union of their
  copies. The design's and the properties' leaf ranges are widened to cover
  every copy. Two checks: ``upstream_6_16__tdx_1_5_01`` (concrete module) and
  ``upstream_6_16__any_release`` (symbolic module over the ``factor`` x
  catalog). For the checker cases (C2). With factor 1 the checks are the
  shipped ones, verdict for verdict.

Command line: ``python bench/gen.py frontend|checker FACTOR OUT_DIR``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "spec"
# Copy k of leaf L is leaf L + k * STRIDE. Every shipped leaf is below 0x27 within
# its 256-leaf block, so copies never collide for factor < 0x800000 / STRIDE.
STRIDE = 0x100
REGISTER_NAMES = {"EAX", "EBX", "ECX", "EDX"}
CLASS_WORDS = ("fixed0", "fixed1", "configurable", "configurable_if_native", "native", "dynamic", "faulting")
DESIGN = "upstream_6_16"

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>(?:\#|//)[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<int>0[xX][0-9a-fA-F]+|0[bB][01]+|\d+)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<dots>\.\.)
  | (?P<punct>.)
""", re.VERBOSE | re.DOTALL)


def tokens(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup or "punct", m.group()) for m in _TOKEN.finditer(text)]


def declared_names(text: str) -> set[str]:
    """Names a spec file declares at top level (the word after the declaration keyword)."""
    keywords = {"source", "feature", "field", "set", "guarantee", "invariant", "module", "kvm", "host",
                "design", "check"}
    out: set[str] = set()
    for line in text.splitlines():
        m = re.match(r"^(\w+)\s+([A-Za-z_]\w*)", line)
        if m and m.group(1) in keywords:
            out.add(m.group(2))
    return out


def rewrite(text: str, k: int, rename: dict[str, str], ranges: str = "shift", factor: int = 1) -> str:
    """Copy k of a spec text: leaf numbers moved by k * STRIDE, names renamed.

    ranges: "shift" moves each `on leaves A..B` range to copy k; "all" widens it
    to the same range in every copy 0..factor-1 (for files shared by all copies)."""
    toks = tokens(text)
    sig = [i for i, (kind, _) in enumerate(toks) if kind not in ("ws", "comment")]
    out = [v for _, v in toks]
    shift = k * STRIDE

    def kind_at(j: int) -> str:
        return toks[sig[j]][0] if 0 <= j < len(sig) else ""

    def val_at(j: int) -> str:
        return toks[sig[j]][1] if 0 <= j < len(sig) else ""

    def move(v: str, by: int) -> str:
        n = int(v, 0) + by
        assert n <= 0xFFFFFFFF, "leaf number out of range"
        return f"0x{n:x}"

    in_ranges = False
    j = 0
    while j < len(sig):
        i = sig[j]
        kind, v = toks[i]
        if kind == "name":
            if val_at(j - 1) == "on" and v == "leaves":
                in_ranges = True
            elif v in rename and val_at(j - 1) != ".":
                out[i] = rename[v]
        elif kind == "int":
            prev, nxt = val_at(j - 1), val_at(j + 1)
            if in_ranges and prev in ("leaves", ","):
                lo = int(v, 0)
                hi = int(val_at(j + 2), 0) if val_at(j + 1) == ".." else lo
                assert hi - lo < STRIDE, "a leaf range wider than STRIDE would overlap its copies"
                span_end = j + 2 if val_at(j + 1) == ".." else j
                if ranges == "shift" and not shift:
                    pass  # copy 0: the text as it was
                elif ranges == "shift":
                    out[i] = move(v, shift)
                    if span_end != j:
                        out[sig[span_end]] = move(val_at(span_end), shift)
                else:
                    parts = [f"0x{lo + c * STRIDE:x}" + (f"..0x{hi + c * STRIDE:x}" if span_end != j else "")
                             for c in range(factor)]
                    out[i] = ", ".join(parts)
                    for jj in range(j + 1, span_end + 1):
                        out[sig[jj]] = ""
                j = span_end + 1
                continue
            is_leaf = False
            if prev == "leaf" and val_at(j - 2) != "future":
                is_leaf = True  # leaf declaration
            elif prev != "." and nxt == ".":
                after = val_at(j + 2)
                if after in REGISTER_NAMES or after == "*":
                    is_leaf = True  # LEAF.REG or LEAF.*
                elif kind_at(j + 2) == "int" and val_at(j + 3) == "." and (
                        val_at(j + 4) in REGISTER_NAMES or val_at(j + 4) == "*"):
                    is_leaf = True  # LEAF.SUB.REG or LEAF.SUB.*
            elif prev == "=" and val_at(j - 2) == "EAX" and val_at(j - 3) == "(":
                is_leaf = True  # CPUID.(EAX=LEAF, ...)
            if is_leaf and shift:
                out[i] = move(v, shift)
        if in_ranges and not (kind == "int" or v in (",", "..", "leaves")):
            in_ranges = False
        j += 1
    return "".join(out)


def _suffix(names: set[str], k: int, always: set[str] = frozenset()) -> dict[str, str]:
    return {n: f"{n}_k{k}" for n in names if k or n in always}


def _write(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def spec_files() -> list[Path]:
    return sorted(SPEC.rglob("*.cpuid"))


def frontend(out: Path, factor: int) -> dict[str, int]:
    """factor copies of spec/; returns lines, files, leaves."""
    files = spec_files()
    texts = {p.relative_to(SPEC).as_posix(): p.read_text(encoding="utf-8") for p in files}
    names: set[str] = set()
    for t in texts.values():
        names |= declared_names(t)
    lines = nfiles = 0
    for k in range(factor):
        rename = _suffix(names, k)
        for rel, t in texts.items():
            lines += _write(out / f"c{k:03d}" / rel, rewrite(t, k, rename))
            nfiles += 1
    leaves = sum(1 for t in texts.values() for ln in t.splitlines() if ln.startswith("leaf ")) * factor
    return {"lines": lines, "files": nfiles, "leaves": leaves}


def _blocks(text: str, keyword: str, name: str) -> str:
    """The text of one top-level declaration `keyword name ... }` (up to its closing brace at column 1)."""
    m = re.search(rf"^{keyword} {name}\b.*?^}}\n", text, re.M | re.S)
    assert m, f"{keyword} {name} not found"
    return m.group()


def checker(out: Path, factor: int) -> dict[str, int]:
    """One design against a factor-x module (and a symbolic module over a factor-x catalog)."""
    catalog = (SPEC / "catalog.cpuid").read_text(encoding="utf-8")
    data = (SPEC / "data/qemu_kvm.cpuid").read_text(encoding="utf-8")
    module = (SPEC / "modules/tdx_1_5_01.cpuid").read_text(encoding="utf-8")
    props = (SPEC / "properties.cpuid").read_text(encoding="utf-8")
    design = (SPEC / f"designs/{DESIGN}.cpuid").read_text(encoding="utf-8")
    checks = (SPEC / "checks.cpuid").read_text(encoding="utf-8")
    per_copy = declared_names(catalog) | declared_names(data)
    sets = {n for n in declared_names(data) if re.search(rf"^set {n}\b", data, re.M)}
    lines = 0
    for k in range(factor):
        rename = _suffix(per_copy, k, always=sets)
        lines += _write(out / f"copies/c{k:03d}/catalog.cpuid", rewrite(catalog, k, rename))
        lines += _write(out / f"copies/c{k:03d}/data/qemu_kvm.cpuid", rewrite(data, k, rename))
    agg = [f"# generated by bench/gen.py: the QEMU/KVM sets over all {factor} copies"]
    agg += [f'import "../copies/c{k:03d}/data/qemu_kvm.cpuid"' for k in range(factor)]
    agg += [f"set {n} = " + " | ".join(f"{n}_k{k}" for k in range(factor)) for n in sorted(sets)]
    lines += _write(out / "data/qemu_kvm.cpuid", "\n".join(agg) + "\n")

    head, body = module.split("\nmodule tdx_1_5_01 {\n", 1)
    body = body.rsplit("}", 1)[0]
    class_re = re.compile(r"^\s+(%s)\s" % "|".join(CLASS_WORDS))
    body_lines = body.splitlines()
    classes = [ln for ln in body_lines if class_re.match(ln)]
    others = [ln for ln in body_lines if not class_re.match(ln) and ln.strip() and not ln.strip().startswith("#")]
    mod = [f"# generated by bench/gen.py: TDX module 1.5.01's class table copied onto {factor}x its leaves"]
    mod += [f'import "../copies/c{k:03d}/catalog.cpuid"' for k in range(factor)]
    mod += ["", "module tdx_1_5_01 {"] + others
    class_text = "\n".join(classes) + "\n"
    for k in range(factor):
        mod.append(f"  # copy {k}")
        mod.append(rewrite(class_text, k, _suffix(per_copy, k)).rstrip("\n"))
    mod.append("}")
    lines += _write(out / "modules/tdx_1_5_01.cpuid", "\n".join(mod) + "\n")

    lines += _write(out / "properties.cpuid", rewrite(props, 0, {}, ranges="all", factor=factor))
    lines += _write(out / f"designs/{DESIGN}.cpuid", rewrite(design, 0, {}, ranges="all", factor=factor))
    chk = [f'import "designs/{DESIGN}.cpuid"', "", _blocks(checks, "module", "any_release"),
           _blocks(checks, "check", f"{DESIGN}__tdx_1_5_01"), _blocks(checks, "check", f"{DESIGN}__any_release")]
    lines += _write(out / "checks.cpuid", "\n".join(chk))
    return {"lines": lines, "module_leaves": 64 * factor, "module_registers": 256 * factor,
            "catalog_leaves": sum(1 for ln in catalog.splitlines() if ln.startswith("leaf ")) * factor}


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in ("frontend", "checker"):
        print(__doc__.split("Command line: ")[1].strip(), file=sys.stderr)
        return 2
    kind, factor, out = argv[0], int(argv[1]), Path(argv[2])
    info = (frontend if kind == "frontend" else checker)(out, factor)
    print(info)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
