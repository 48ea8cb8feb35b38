"""Importers for real CPUID data, and the `from FORMAT "PATH"` form that uses them in a spec.

An importer stage (DESIGN section 5): imports the leaf helpers, the AST and
checker.release only. Formats:

* ``dump``: raw CPUID values in the ``cpuid -r`` style, one line per leaf and
  subleaf: ``0x00000007 0x00: eax=0x00000000 ebx=0xf3bfbfbf ecx=... edx=...``.
  Only the first CPU of a multi-CPU dump is read.
* ``kvm_cpuid2``: a ``struct kvm_cpuid2`` entry list as JSON, as
  KVM_TDX_CAPABILITIES, KVM_TDX_GET_CPUID and KVM_GET_SUPPORTED_CPUID return it:
  ``{"nent": N, "entries": [{"function", "index", "flags", "eax", ...}]}`` or the
  bare list of entries.
* ``release``: a TDX module release file (checker.release).

``expand_data_sources`` turns every declaration with ``from FORMAT "PATH"``
into the declaration a user could have written by hand: a module gets class,
``reports`` and fixed-word statements; a kvm gets ``knows``; a host gets
``cpuid`` (every register of every leaf in the readout, 0s included, so those
leaves read as given); a set gets the bits that are 1. So every later stage
treats imported and hand-written data alike.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from checker import ast
from checker.bits import REGISTER_MASK, REGISTERS, Reg
from checker.diagnostics import Diagnostic, Span, did_you_mean
from checker.release import (DataError, Release, _Reader, canonical_runs, describe_json, parse_json,
                             read_data_file, release_from_text)

FORMATS = ("release", "dump", "kvm_cpuid2")
# which formats can describe which declaration
ALLOWED = {"module": ("release",), "kvm": ("kvm_cpuid2", "dump"), "host": ("dump", "kvm_cpuid2"),
           "set": ("kvm_cpuid2", "dump")}
KVM_CPUID_FLAG_SIGNIFCANT_INDEX = 1  # sic: the uAPI's spelling
ENTRY_FIELDS = ("function", "index", "flags", "eax", "ebx", "ecx", "edx", "padding")
# struct kvm_tdx_capabilities and struct kvm_tdx_init_vm carry a struct kvm_cpuid2 in "cpuid"
EMBEDDING_FIELDS = ("cpuid", "supported_attrs", "supported_xfam", "attributes", "xfam")


@dataclass
class Readout:
    """CPUID values per leaf and subleaf: a host dump or a kvm_cpuid2 entry list."""

    file: str
    values: dict[Reg, int]
    leaves: list[tuple[int, int]]  # in file order
    indexed: dict[int, bool]

    def ones(self) -> dict[Reg, int]:
        return {r: v for r, v in self.values.items() if v}


# ------------------------------------------------------------------ cpuid -r dumps

_DUMP_LINE = re.compile(
    r"^\s*(?P<leaf>0x[0-9a-fA-F]+)\s+(?P<sub>0x[0-9a-fA-F]+)\s*:"
    r"\s*eax=(?P<eax>\S+)\s+ebx=(?P<ebx>\S+)\s+ecx=(?P<ecx>\S+)\s+edx=(?P<edx>\S+)\s*$")
_CPU_HEADER = re.compile(r"^\s*CPU\s+\d+\s*:\s*$")


def parse_dump(text: str, name: str) -> tuple[Readout | None, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    values: dict[Reg, int] = {}
    leaves: list[tuple[int, int]] = []
    seen: dict[tuple[int, int], int] = {}
    cpus = 0
    for n, line in enumerate(text.splitlines(), start=1):
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        if _CPU_HEADER.match(body):
            cpus += 1
            if cpus > 1:
                break  # the first CPU's values stand for the host
            continue
        m = _DUMP_LINE.match(body)
        if m is None:
            col = len(line) - len(line.lstrip()) + 1
            diags.append(Diagnostic("E508", "expected a `cpuid -r` line: LEAF SUBLEAF: eax=0x... ebx=0x... "
                                            "ecx=0x... edx=0x...", Span(name, n, col, n, len(line) + 1),
                                    ("e.g. 0x00000007 0x00: eax=0x00000000 ebx=0xf3bfbfbf ecx=0x00405f4e "
                                     "edx=0xbc000400",)))
            continue
        leaf, sub = int(m["leaf"], 16), int(m["sub"], 16)
        bad = False
        for key, limit in (("leaf", 32), ("sub", 32)):
            if int(m[key], 16) >> limit:
                diags.append(Diagnostic("E503", f"{'subleaf' if key == 'sub' else 'leaf'} {m[key]} does not fit "
                                                "in 32 bits", Span(name, n, m.start(key) + 1, n, m.end(key) + 1)))
                bad = True
        regs: dict[str, int] = {}
        for reg in REGISTERS:
            key = reg.lower()
            raw = m[key]
            try:
                v = int(raw, 0)
            except ValueError:
                diags.append(Diagnostic("E508", f"{key}={raw}: expected a number such as 0x0000001f",
                                        Span(name, n, m.start(key) + 1, n, m.end(key) + 1)))
                bad = True
                continue
            if v < 0 or v > REGISTER_MASK:
                diags.append(Diagnostic("E503", f"{key}={raw} does not fit in 32 bits",
                                        Span(name, n, m.start(key) + 1, n, m.end(key) + 1)))
                bad = True
            regs[reg] = v
        if bad:
            continue
        if (leaf, sub) in seen:
            diags.append(Diagnostic("E504", f"leaf 0x{leaf:x} subleaf 0x{sub:x} appears twice (first on line "
                                            f"{seen[(leaf, sub)]})", Span(name, n, m.start("leaf") + 1,
                                                                         n, m.end("sub") + 1)))
            continue
        seen[(leaf, sub)] = n
        leaves.append((leaf, sub))
        for reg, v in regs.items():
            values[Reg(leaf, sub, reg)] = v
    if not diags and not leaves:
        diags.append(Diagnostic("E515", f"{name} holds no CPUID lines", Span(name, 0, 0)))
    if diags:
        return None, diags
    indexed = {leaf: any(s for lf, s in leaves if lf == leaf) for leaf, _ in leaves}
    return Readout(name, values, leaves, indexed), []


# ------------------------------------------------------------------ kvm_cpuid2 entry lists

def parse_kvm_cpuid2(text: str, name: str) -> tuple[Readout | None, list[Diagnostic]]:
    doc, diags = parse_json(text, name)
    if diags:
        return None, diags
    r = _Reader(name, text)
    values: dict[Reg, int] = {}
    leaves: list[tuple[int, int]] = []
    indexed: dict[int, bool] = {}
    try:
        where = "$"
        if isinstance(doc, dict) and "cpuid" in doc:
            r.obj(doc, "$", EMBEDDING_FIELDS)
            doc, where = doc["cpuid"], "$.cpuid"
        if isinstance(doc, dict):
            top = r.obj(doc, where, ("nent", "entries", "padding"), ("entries",))
            entries = r.array(top["entries"], f"{where}.entries")
            base = f"{where}.entries"
            if "nent" in top:
                nent = r.number(top["nent"], f"{where}.nent", 32, "an entry count")
                if nent != len(entries):
                    r.error("E513", f"{where}.nent", f"nent is {nent} but {len(entries)} entries follow")
        elif isinstance(doc, list):
            entries, base = doc, where
        else:
            raise r.fail("E501", where, f"expected an object {{\"nent\", \"entries\"}} or an array of entries, "
                                        f"found {describe_json(doc)}")
        seen: dict[tuple[int, int], str] = {}
        for i, item in enumerate(entries):
            path = f"{base}[{i}]"
            try:
                e = r.obj(item, path, ENTRY_FIELDS, ("function", "eax", "ebx", "ecx", "edx"))
                function = r.number(e["function"], f"{path}.function", 32, "a leaf number")
                flags = r.number(e.get("flags", 0), f"{path}.flags", 32, "a flags word")
                index = r.number(e.get("index", 0), f"{path}.index", 32, "a subleaf number")
                regs = {reg: r.number(e[reg.lower()], f"{path}.{reg.lower()}", 32, "a 32-bit register value")
                        for reg in REGISTERS}
            except DataError:
                continue
            significant = bool(flags & KVM_CPUID_FLAG_SIGNIFCANT_INDEX)
            sub = index if significant else 0  # without the flag KVM ignores the index
            if indexed.setdefault(function, significant) != significant:
                r.error("E514", f"{path}.flags", f"leaf 0x{function:x} is given with KVM_CPUID_FLAG_SIGNIFCANT_INDEX "
                                                 "in one entry and without it in another")
                continue
            key = (function, sub)
            if key in seen:
                r.error("E504", path, f"leaf 0x{function:x} index {sub} appears twice (first at {seen[key]})")
                continue
            seen[key] = path
            leaves.append(key)
            for reg, v in regs.items():
                values[Reg(function, sub, reg)] = v
    except DataError:
        pass
    if r.diagnostics:
        return None, r.diagnostics
    return Readout(name, values, leaves, indexed), []


def load_readout(fmt: str, path: str | Path, shown: str) -> tuple[Readout | None, list[Diagnostic]]:
    text, diags = read_data_file(path, shown)
    if text is None:
        return None, diags
    return parse_readout(fmt, text, shown)


def parse_readout(fmt: str, text: str, shown: str) -> tuple[Readout | None, list[Diagnostic]]:
    return (parse_dump if fmt == "dump" else parse_kvm_cpuid2)(text, shown)


def readout_to_kvm_cpuid2(values: dict[Reg, int], indexed: set[int] | None = None) -> dict[str, Any]:
    """A struct kvm_cpuid2 as JSON; leaves in `indexed` carry KVM_CPUID_FLAG_SIGNIFCANT_INDEX."""
    keys = sorted({r.leaf_key for r in values})
    entries = []
    for leaf, sub in keys:
        flagged = indexed is not None and leaf in indexed
        entries.append({"function": f"0x{leaf:08x}", "index": sub if flagged else 0,
                        "flags": KVM_CPUID_FLAG_SIGNIFCANT_INDEX if flagged else 0,
                        **{reg.lower(): f"0x{values.get(Reg(leaf, sub, reg), 0):08x}" for reg in REGISTERS}})
    return {"nent": len(entries), "entries": entries}


def release_from_readout(readout: Readout, version: str, name: str | None = None,
                         platform: dict[str, str] | None = None) -> Release:
    """A release holding only a CPUID_CONFIG list, from a kvm_cpuid2 readout of it
    (KVM_TDX_CAPABILITIES' cpuid, or TD_SYSINFO's list written as kvm_cpuid2 entries)."""
    from checker.release import ConfigEntry

    config = []
    for leaf, sub in readout.leaves:
        v = {reg: readout.values.get(Reg(leaf, sub, reg), 0) for reg in REGISTERS}
        config.append(ConfigEntry(leaf, sub if readout.indexed.get(leaf) else None,
                                  (v["EAX"] | v["EBX"] << 32, v["ECX"] | v["EDX"] << 32)))
    release = Release(file=readout.file, version=version, name=name, platform=platform, cpuid_config=config,
                      notes=[f"CPUID_CONFIG imported from {readout.file}; every bit's class is unspecified"])
    release.indexed = dict(readout.indexed)
    return release


# ------------------------------------------------------------------ data in specs

def _mask_call(span: Span, reg: Reg, value: int) -> ast.FunctionCall:
    pos = ast.RegisterPosition(span, reg.leaf, reg.subleaf, ast.Ident(reg.register, span), None, None)
    return ast.FunctionCall(span, ast.Ident("mask", span), (pos, ast.Number(span, value)))


def _union(span: Span, values: dict[Reg, int], keep_zero: bool = False) -> ast.Expr:
    items = tuple(_mask_call(span, reg, v) for reg, v in sorted(values.items()) if v or keep_zero)
    return ast.SetLiteral(span, items)


def module_statements(release: Release, span: Span) -> list[Any]:
    """The class, reports and fixed-word statements that say what the release file says."""
    out: list[Any] = [ast.VersionStmt(span, release.version)]
    groups: dict[Any, dict[Reg, int]] = {}
    for run in canonical_runs(release):
        per_reg = groups.setdefault(run.cls, {})
        per_reg[run.reg] = per_reg.get(run.reg, 0) | run.mask
    for cls, masks in groups.items():
        gate = None if cls.gate is None else ast.Gate(span, cls.gate.word, cls.gate.bits)
        out.append(ast.ClassStmt(span, ast.Ident(cls.klass, span), _union(span, masks), cls.verified, gate, None))
    reported = release.reported()
    if reported is not None:
        out.append(ast.ReportsStmt(span, _union(span, reported), None))
    for key, value in sorted(release.words.items()):
        word = "XFAM" if key.startswith("xfam") else "ATTRIBUTES"
        full = ast.WidePosition(span, word, 63, 0)
        out.append(ast.ModuleFixedStmt(span, key, ast.FunctionCall(span, ast.Ident("mask", span),
                                                                   (full, ast.Number(span, value))), None))
    return out


def expand_data_sources(tree: ast.SpecFile, base: Path, show: Callable[[Path], str]
                        ) -> tuple[ast.SpecFile, list[Diagnostic], dict[str, str]]:
    """Fill every `from FORMAT "PATH"` declaration from its file (paths relative to the spec file).

    Returns the new tree, diagnostics, and the text of each data file read (so a
    diagnostic there can show its line and a caret)."""
    diags: list[Diagnostic] = []
    texts: dict[str, str] = {}
    decls = []
    for d in tree.declarations:
        data = getattr(d, "data", None)
        if data is None:
            decls.append(d)
            continue
        filled = _fill(d, data, base, show, diags, texts)
        decls.append(filled if filled is not None else d)
    return dataclasses.replace(tree, declarations=tuple(decls)), diags, texts


def _fill(d: Any, data: ast.DataSource, base: Path, show: Callable[[Path], str], diags: list[Diagnostic],
          texts: dict[str, str]) -> Any:
    word = {ast.ModuleDecl: "module", ast.KvmDecl: "kvm", ast.HostDecl: "host", ast.SetDecl: "set"}[type(d)]
    fmt = data.format.name
    if fmt not in FORMATS:
        hint = did_you_mean(fmt, list(FORMATS))
        diags.append(Diagnostic("E510", f"unknown data format '{fmt}'", data.format.span,
                                ((hint,) if hint else ()) + ("formats: " + ", ".join(FORMATS),)))
        return None
    if fmt not in ALLOWED[word]:
        diags.append(Diagnostic("E511", f"a {word} cannot take its data from a {fmt} file", data.format.span,
                                (f"a {word} reads: " + ", ".join(ALLOWED[word]),)))
        return None
    target = base / data.path
    shown = show(target)
    span = data.span
    text, problems = read_data_file(target, shown)
    if text is None:
        diags.extend(Diagnostic(p.code, p.message, span, p.notes) for p in problems)  # point at the spec
        return None
    texts[shown] = text
    if fmt == "release":
        release, problems = release_from_text(text, shown)
        diags.extend(problems)
        if release is None:
            return None
        return dataclasses.replace(d, statements=tuple(module_statements(release, span)) + d.statements,
                                   symbolic=d.symbolic or release.unlisted == "unspecified")
    readout, problems = parse_readout(fmt, text, shown)
    diags.extend(problems)
    if readout is None:
        return None
    if isinstance(d, ast.KvmDecl):
        return dataclasses.replace(d, knows=(ast.KnowsStmt(span, _union(span, readout.ones()), None),) + d.knows)
    if isinstance(d, ast.HostDecl):
        stmt = ast.HostCpuidStmt(span, _union(span, readout.values, keep_zero=True), None)
        return dataclasses.replace(d, cpuid=(stmt,) + d.cpuid)
    return dataclasses.replace(d, expr=_union(span, readout.ones()))
