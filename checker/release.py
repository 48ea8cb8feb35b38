"""TDX module release data: the documented JSON format, its validation and export.

An importer stage (DESIGN section 5: checker/importers -> checker/model). Imports
the leaf helpers only (bits, diagnostics, results). A release file gives a
module's per-bit virtualization classes, its CPUID_CONFIG list as the kernel
reads it from TD_SYSINFO, its ATTRIBUTES/XFAM fixed bits, optional maximum
leaves and the platform it was read on (docs/release-format.md; the JSON
Schema is checker/release.schema.json). Bits a release does not give are
*unspecified*: nothing here ever guesses a class. Every problem in a file is
a diagnostic naming the file and the JSON path (``$.classes[3].mask``).

``diff`` compares two releases bit by bit and says, for each change, whether
it breaks a guarantee the KVM/QEMU contract relies on, and why.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from checker.bits import REGISTER_MASK, REGISTERS, Reg, bit_numbers
from checker.diagnostics import Diagnostic, Span, did_you_mean
from checker.results import BitChange, ReleaseDiff

FORMAT_NAME = "cpuid-contracts release"
FORMAT_VERSION = 1
CLASSES = ("fixed0", "fixed1", "configurable", "configurable_if_native", "native", "dynamic", "faulting")
ACCEPTED = ("configurable", "configurable_if_native")
NO_SUBLEAF = 0xFFFFFFFF
WORD_FIELDS = ("attributes_fixed0", "attributes_fixed1", "xfam_fixed0", "xfam_fixed1")
UNLISTED = ("unspecified", "faulting")
# KVM_TDX_GET_CPUID reads the TD's CPUID through TDH.MNG.RD field codes, which
# reach only these leaves (docs/release-format.md).
READABLE_LEAVES = ((0x0, 0x7F), (0x80000000, 0x8000007F))
MAX_DATA_BYTES = 16 * 1024 * 1024

TOP_FIELDS = ("format", "format_version", "version", "name", "source", "platform", "unlisted_bits", "classes",
              "cpuid_config", "max_leaf", "notes") + WORD_FIELDS
CLASS_FIELDS = ("leaf", "subleaf", "register", "mask", "class", "verified", "xfam", "attributes", "source")
CONFIG_FIELDS = ("leaf", "subleaf", "values")


@dataclass(frozen=True)
class Gate:
    word: str  # XFAM or ATTRIBUTES
    bits: tuple[int, ...]

    def __str__(self) -> str:
        return f"{self.word}[{', '.join(map(str, self.bits))}]"


@dataclass(frozen=True)
class BitClass:
    """One bit's class in a release: the class, `verified V` for native bits, a gate."""

    klass: str
    verified: int | None = None
    gate: Gate | None = None

    @property
    def effective(self) -> str:
        """A native bit the module verifies is fixed on every host it accepts (DESIGN section 2)."""
        if self.klass == "native" and self.verified is not None:
            return "fixed1" if self.verified == 1 else "fixed0"
        return self.klass

    def __str__(self) -> str:
        text = self.klass
        if self.verified is not None:
            text += f" verified {self.verified}"
        if self.gate is not None:
            text += f" when {self.gate}"
        return text


@dataclass(frozen=True)
class ClassRun:
    """Bits of one register that share a class (one entry of `classes`)."""

    reg: Reg
    mask: int
    cls: BitClass
    source: str | None = None


@dataclass(frozen=True)
class ConfigEntry:
    """One CPUID_CONFIG entry as TD_SYSINFO gives it: leaf, subleaf (None: 0xFFFFFFFF),
    and the two value words EBX:EAX and EDX:ECX."""

    leaf: int
    subleaf: int | None
    values: tuple[int, int]

    def registers(self) -> dict[Reg, int]:
        sub = self.subleaf or 0
        lo, hi = self.values
        return {Reg(self.leaf, sub, "EAX"): lo & REGISTER_MASK, Reg(self.leaf, sub, "EBX"): lo >> 32,
                Reg(self.leaf, sub, "ECX"): hi & REGISTER_MASK, Reg(self.leaf, sub, "EDX"): hi >> 32}


@dataclass
class Release:
    """A TDX module release's CPUID data, validated."""

    file: str
    version: str
    name: str | None = None
    source: str | None = None
    platform: dict[str, str] | None = None
    unlisted: str = "unspecified"
    runs: list[ClassRun] = field(default_factory=list)
    indexed: dict[int, bool] = field(default_factory=dict)  # leaf -> given with subleaves
    cpuid_config: list[ConfigEntry] | None = None
    words: dict[str, int] = field(default_factory=dict)  # "xfam_fixed0" -> value
    max_leaf: dict[str, int] = field(default_factory=dict)  # "basic" / "extended"
    notes: list[str] = field(default_factory=list)

    # -- per-bit views
    def bit_classes(self) -> dict[tuple[Reg, int], BitClass]:
        out: dict[tuple[Reg, int], BitClass] = {}
        for run in self.runs:
            for b in bit_numbers(run.mask):
                out[(run.reg, b)] = run.cls
        return out

    def registers(self) -> set[Reg]:
        regs = {run.reg for run in self.runs}
        for e in self.cpuid_config or ():
            regs |= set(e.registers())
        return regs

    def reported(self) -> dict[Reg, int] | None:
        """What the module reports as configurable (CPUID_CONFIG), per register."""
        if self.cpuid_config is None:
            return None
        out: dict[Reg, int] = {}
        for e in self.cpuid_config:
            for reg, v in e.registers().items():
                out[reg] = out.get(reg, 0) | v
        return out

    def class_of(self, classes: dict[tuple[Reg, int], BitClass], reg: Reg, bit: int) -> BitClass | None:
        """A bit's class; None when the release does not specify it."""
        c = classes.get((reg, bit))
        if c is None and self.unlisted == "faulting":
            return BitClass("faulting")
        return c

    @property
    def display_name(self) -> str:
        return self.name or "release_" + "".join(ch if ch.isalnum() else "_" for ch in self.version)


# ------------------------------------------------------------------ reading JSON data

class DataError(Exception):
    """Raised by _Reader when a value is unusable; the diagnostic is already recorded."""


_JSON_TOKEN = re.compile(r'("(?:[^"\\]|\\.)*")|(-?[0-9][0-9.eE+-]*)|(true|false|null)|([{}\[\]:,])')


def json_positions(text: str) -> dict[str, tuple[int, int]]:
    """Where each value of a valid JSON text is: JSON path ("$", "$.classes[0].mask") ->
    (start, end) offsets; "PATH key" -> the offsets of an object member's name.

    Run only once a file has a problem to show, so its cost is never paid on good data."""
    spans: dict[str, tuple[int, int]] = {}
    stack: list[list[Any]] = []  # [bracket, path, index or member name, start offset]
    expect_key = False

    def here() -> str:
        if not stack:
            return "$"
        bracket, path, at, _ = stack[-1]
        return f"{path}[{at}]" if bracket == "[" else f"{path}.{at}"

    for m in _JSON_TOKEN.finditer(text):
        string, punct, start, end = m.group(1), m.group(4), m.start(), m.end()
        if punct in ("{", "["):
            stack.append([punct, here(), 0, start])
            expect_key = punct == "{"
        elif punct in ("}", "]"):
            _, path, _, opened = stack.pop()
            spans[path] = (opened, end)
        elif punct == ",":
            if stack[-1][0] == "[":
                stack[-1][2] += 1
            else:
                expect_key = True
        elif punct == ":":
            expect_key = False
        elif string is not None and expect_key:
            stack[-1][2] = json.loads(string)
            spans[here() + " key"] = (start, end)
        else:
            spans[here()] = (start, end)
    return spans


class _Reader:
    """Walks decoded JSON, recording a diagnostic per problem with its JSON path and, from
    the text, its line and column."""

    def __init__(self, file: str, text: str | None = None):
        self.file = file
        self.text = text
        self.diagnostics: list[Diagnostic] = []
        self._positions: dict[str, tuple[int, int]] | None = None

    def span(self, path: str, key: bool = False) -> Span:
        """The value at `path` in the text (with key: the member's name), or the file alone."""
        if self.text is None:
            return Span(self.file, 0, 0)
        if self._positions is None:
            self._positions = json_positions(self.text)
        where = (self._positions.get(path + " key") if key else None) or self._positions.get(path)
        while where is None and path != "$":  # a member that is absent: point at its object
            path = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", path) or "$"
            where = self._positions.get(path)
        if where is None:
            return Span(self.file, 0, 0)
        start, end = where
        line = self.text.count("\n", 0, start) + 1
        column = start - (self.text.rfind("\n", 0, start) + 1) + 1
        end_line = line + self.text.count("\n", start, end)
        end_column = end - (self.text.rfind("\n", 0, end) + 1) + 1
        return Span(self.file, line, column, end_line, end_column)

    def error(self, code: str, path: str, message: str, *notes: str | None, key: bool = False) -> None:
        self.diagnostics.append(Diagnostic(code, f"{path}: {message}", self.span(path, key),
                                           tuple(n for n in notes if n)))

    def fail(self, code: str, path: str, message: str, *notes: str | None) -> DataError:
        self.error(code, path, message, *notes)
        return DataError(message)

    def obj(self, value: Any, path: str, allowed: Iterable[str], required: Iterable[str] = ()) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail("E501", path, f"expected an object, found {describe_json(value)}")
        allowed = tuple(allowed)
        for key in value:
            if key not in allowed:
                self.error("E502", f"{path}.{key}", "unknown field", did_you_mean(key, list(allowed)),
                           "fields: " + ", ".join(allowed), key=True)
        for key in required:
            if key not in value:
                raise self.fail("E501", path, f"missing field '{key}'")
        return value

    def array(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail("E501", path, f"expected an array, found {describe_json(value)}")
        return value

    def string(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise self.fail("E501", path, f"expected a string, found {describe_json(value)}")
        return value

    def number(self, value: Any, path: str, bits: int, what: str) -> int:
        """A JSON integer or a string in hex (0x...) or decimal, fitting in `bits` bits."""
        n: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            n = value
        elif isinstance(value, str):
            try:
                n = int(value.replace("_", ""), 0)
            except ValueError:
                n = None
        if n is None:
            raise self.fail("E501", path, f"expected {what} (a number, or a string such as \"0x1f\"), "
                                          f"found {describe_json(value)}")
        if n < 0 or n >> bits:
            raise self.fail("E503", path, f"{what} {value!r} does not fit in {bits} bits")
        return n


def describe_json(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f"the string {shown!r}"
    return "an array" if isinstance(value, list) else "an object"


def read_data_file(path: str | Path, shown: str) -> tuple[str | None, list[Diagnostic]]:
    """A data file's text, or E509 saying why it cannot be read."""
    p = Path(path)
    span = Span(shown, 0, 0)
    try:
        if not p.is_file():
            what = "is a directory" if p.is_dir() else "does not exist"
            return None, [Diagnostic("E509", f"data file {shown} {what}", span)]
        if p.stat().st_size > MAX_DATA_BYTES:
            return None, [Diagnostic("E509", f"data file {shown} is larger than {MAX_DATA_BYTES} bytes", span)]
        data = p.read_bytes()
    except OSError as e:
        return None, [Diagnostic("E509", f"cannot read data file {shown}: {e.strerror or e}", span)]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as e:
        return None, [Diagnostic("E509", f"data file {shown} is not UTF-8 text (byte offset {e.start})", span)]


def parse_json(text: str, shown: str) -> tuple[Any, list[Diagnostic]]:
    try:
        return json.loads(text), []
    except json.JSONDecodeError as e:
        return None, [Diagnostic("E500", f"not valid JSON: {e.msg}", Span(shown, e.lineno, e.colno))]
    except RecursionError:
        return None, [Diagnostic("E500", "not valid JSON: nested too deeply", Span(shown, 0, 0))]


def load_release(path: str | Path, shown: str | None = None) -> tuple[Release | None, list[Diagnostic]]:
    """Read and validate a release file. Returns None with diagnostics on any error."""
    name = shown or str(path)
    text, diags = read_data_file(path, name)
    if text is None:
        return None, diags
    return release_from_text(text, name)


def release_from_text(text: str, name: str) -> tuple[Release | None, list[Diagnostic]]:
    doc, diags = parse_json(text, name)
    if diags:
        return None, diags
    reader = _Reader(name, text)
    try:
        release = _release(reader, doc)
    except DataError:
        release = None
    if reader.diagnostics:
        return None, reader.diagnostics
    return release, []


def _release(r: _Reader, doc: Any) -> Release:
    top = r.obj(doc, "$", TOP_FIELDS, ("format", "format_version", "version"))
    if top["format"] != FORMAT_NAME:
        raise r.fail("E512", "$.format", f"expected \"{FORMAT_NAME}\", found {describe_json(top['format'])}")
    if top["format_version"] != FORMAT_VERSION:
        raise r.fail("E512", "$.format_version", f"this tool reads format version {FORMAT_VERSION}, "
                                                 f"found {describe_json(top['format_version'])}")
    rel = Release(file=r.file, version=r.string(top["version"], "$.version"))
    if "name" in top:
        rel.name = r.string(top["name"], "$.name")
        if not rel.name.replace("_", "a").isalnum() or rel.name[:1].isdigit():
            r.error("E501", "$.name", f"expected a spec name (letters, digits, '_'), found {rel.name!r}")
    if "source" in top:
        rel.source = r.string(top["source"], "$.source")
    if "platform" in top:
        plat = top["platform"]
        if not isinstance(plat, dict):
            raise r.fail("E501", "$.platform", f"expected an object of strings, found {describe_json(plat)}")
        rel.platform = {k: r.string(v, f"$.platform.{k}") for k, v in plat.items()}
    if "unlisted_bits" in top:
        rel.unlisted = r.string(top["unlisted_bits"], "$.unlisted_bits")
        if rel.unlisted not in UNLISTED:
            r.error("E501", "$.unlisted_bits", f"expected \"unspecified\" or \"faulting\", found {rel.unlisted!r}")
    for key in WORD_FIELDS:
        if key in top:
            try:
                rel.words[key] = r.number(top[key], f"$.{key}", 64, "a 64-bit value")
            except DataError:
                pass
    if "max_leaf" in top:
        ml = r.obj(top["max_leaf"], "$.max_leaf", ("basic", "extended"))
        for key, value in ml.items():
            if key in ("basic", "extended"):
                try:
                    rel.max_leaf[key] = r.number(value, f"$.max_leaf.{key}", 32, "a leaf number")
                except DataError:
                    pass
    if "notes" in top:
        rel.notes = [r.string(n, f"$.notes[{i}]") for i, n in enumerate(r.array(top["notes"], "$.notes"))]
    _classes(r, rel, r.array(top.get("classes", []), "$.classes"))
    if "cpuid_config" in top:
        rel.cpuid_config = _cpuid_config(r, rel, r.array(top["cpuid_config"], "$.cpuid_config"))
    return rel


def _subleaf(r: _Reader, rel: Release, leaf: int, value: Any, path: str, no_subleaf: int | None = None
             ) -> int | None:
    """A subleaf (None: the leaf has no subleaves); one leaf is indexed everywhere or nowhere."""
    sub = None if value is None else r.number(value, path, 32, "a subleaf number")
    if no_subleaf is not None and sub == no_subleaf:
        sub = None
    indexed = sub is not None
    if rel.indexed.setdefault(leaf, indexed) != indexed:
        r.error("E514", path, f"leaf 0x{leaf:x} is given " + ("with" if indexed else "without") +
                " a subleaf here but " + ("without" if indexed else "with") + " one elsewhere",
                "a leaf either has subleaves (ECX selects them) or not; write the same everywhere")
    return sub


def _classes(r: _Reader, rel: Release, items: list[Any]) -> None:
    owner: dict[tuple[Reg, int], tuple[BitClass, str]] = {}
    for i, item in enumerate(items):
        path = f"$.classes[{i}]"
        try:
            e = r.obj(item, path, CLASS_FIELDS, ("leaf", "register", "mask", "class"))
            leaf = r.number(e["leaf"], f"{path}.leaf", 32, "a leaf number")
            sub = _subleaf(r, rel, leaf, e.get("subleaf"), f"{path}.subleaf")
            register = r.string(e["register"], f"{path}.register")
            if register not in REGISTERS:
                raise r.fail("E501", f"{path}.register", f"expected EAX, EBX, ECX or EDX, found {register!r}",
                             did_you_mean(register, list(REGISTERS)))
            mask = r.number(e["mask"], f"{path}.mask", 32, "a 32-bit mask")
            klass = r.string(e["class"], f"{path}.class")
            if klass not in CLASSES:
                raise r.fail("E506", f"{path}.class", f"unknown virtualization class {klass!r}",
                             did_you_mean(klass, list(CLASSES)), "classes: " + ", ".join(CLASSES))
            cls = BitClass(klass, _verified(r, e, klass, path), _gate(r, e, path))
            source = r.string(e["source"], f"{path}.source") if "source" in e else None
        except DataError:
            continue
        reg = Reg(leaf, sub or 0, register)
        clashes = []
        for b in bit_numbers(mask):
            prev = owner.get((reg, b))
            if prev is not None and prev[0] != cls:
                clashes.append((b, prev))
            else:
                owner[(reg, b)] = (cls, path)
        if clashes:
            b, (other, where) = clashes[0]
            more = f" and {len(clashes) - 1} more bit(s)" if len(clashes) > 1 else ""
            r.error("E505", f"{path}.mask", f"bit {reg.notation()}[{b}]{more} is classed '{cls}' here "
                                            f"but '{other}' at {where}", "a bit has exactly one class in a release")
            continue
        rel.runs.append(ClassRun(reg, mask, cls, source))


def _verified(r: _Reader, e: dict[str, Any], klass: str, path: str) -> int | None:
    if "verified" not in e:
        return None
    v = e["verified"]
    if v not in (0, 1) or isinstance(v, bool):
        raise r.fail("E507", f"{path}.verified", f"expected 0 or 1, found {describe_json(v)}")
    if klass != "native":
        raise r.fail("E507", f"{path}.verified", f"'verified' applies to native bits only, not {klass}",
                     "TDH.SYS.INIT checks the host's native value of a native bit")
    return int(v)


def _gate(r: _Reader, e: dict[str, Any], path: str) -> Gate | None:
    words = [w for w in ("xfam", "attributes") if w in e]
    if len(words) > 1:
        raise r.fail("E507", path, "a bit depends on XFAM or on ATTRIBUTES, not both")
    if not words:
        return None
    key = words[0]
    bits = r.array(e[key], f"{path}.{key}")
    if not bits:
        raise r.fail("E507", f"{path}.{key}", "expected at least one bit number")
    nums = [r.number(b, f"{path}.{key}[{j}]", 6, "a bit number 0-63") for j, b in enumerate(bits)]
    return Gate(key.upper(), tuple(sorted(set(nums))))


def _cpuid_config(r: _Reader, rel: Release, items: list[Any]) -> list[ConfigEntry]:
    out: list[ConfigEntry] = []
    seen: dict[tuple[int, int | None], str] = {}
    for i, item in enumerate(items):
        path = f"$.cpuid_config[{i}]"
        try:
            e = r.obj(item, path, CONFIG_FIELDS, CONFIG_FIELDS)
            leaf = r.number(e["leaf"], f"{path}.leaf", 32, "a leaf number")
            sub = _subleaf(r, rel, leaf, e["subleaf"], f"{path}.subleaf", NO_SUBLEAF)
            values = r.array(e["values"], f"{path}.values")
            if len(values) != 2:
                raise r.fail("E501", f"{path}.values", f"expected two 64-bit words [EBX:EAX, EDX:ECX], "
                                                       f"found {len(values)}")
            words = tuple(r.number(v, f"{path}.values[{j}]", 64, "a 64-bit value") for j, v in enumerate(values))
        except DataError:
            continue
        key = (leaf, sub)
        if key in seen:
            r.error("E504", path, f"leaf 0x{leaf:x}" + ("" if sub is None else f" subleaf {sub}") +
                    f" is listed twice (first at {seen[key]})")
            continue
        seen[key] = path
        out.append(ConfigEntry(leaf, sub, (words[0], words[1])))
    return out


# ------------------------------------------------------------------ writing the format

def _hex(n: int, digits: int = 8) -> str:
    return f"0x{n:0{digits}x}"


def canonical_runs(release: Release) -> list[ClassRun]:
    """The release's classes with one entry per (register, class, source), in a fixed order."""
    merged: dict[tuple[Reg, BitClass, str | None], int] = {}
    for run in release.runs:
        key = (run.reg, run.cls, run.source)
        merged[key] = merged.get(key, 0) | run.mask
    order = {c: i for i, c in enumerate(CLASSES)}
    items = sorted(merged.items(), key=lambda kv: (kv[0][0], order[kv[0][1].klass], kv[0][1].verified or -1,
                                                   str(kv[0][1].gate), kv[0][2] or "", kv[1]))
    return [ClassRun(reg, mask, cls, src) for (reg, cls, src), mask in items if mask]


def release_to_json(release: Release) -> dict[str, Any]:
    doc: dict[str, Any] = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "version": release.version}
    if release.name:
        doc["name"] = release.name
    if release.source:
        doc["source"] = release.source
    if release.platform is not None:
        doc["platform"] = dict(release.platform)
    doc["unlisted_bits"] = release.unlisted
    classes = []
    for run in canonical_runs(release):
        e: dict[str, Any] = {"leaf": _hex(run.reg.leaf),
                             "subleaf": run.reg.subleaf if release.indexed.get(run.reg.leaf) else None,
                             "register": run.reg.register, "mask": _hex(run.mask), "class": run.cls.klass}
        if run.cls.verified is not None:
            e["verified"] = run.cls.verified
        if run.cls.gate is not None:
            e[run.cls.gate.word.lower()] = list(run.cls.gate.bits)
        if run.source:
            e["source"] = run.source
        classes.append(e)
    doc["classes"] = classes
    if release.cpuid_config is not None:
        doc["cpuid_config"] = [{"leaf": _hex(e.leaf), "subleaf": _hex(NO_SUBLEAF if e.subleaf is None else e.subleaf),
                                "values": [_hex(e.values[0], 16), _hex(e.values[1], 16)]}
                               for e in sorted(release.cpuid_config, key=lambda e: (e.leaf, e.subleaf or 0))]
    for key in WORD_FIELDS:
        if key in release.words:
            doc[key] = _hex(release.words[key], 16)
    if release.max_leaf:
        doc["max_leaf"] = {k: _hex(v) for k, v in sorted(release.max_leaf.items())}
    if release.notes:
        doc["notes"] = list(release.notes)
    return doc


def dump_release(release: Release) -> str:
    return json.dumps(release_to_json(release), indent=1) + "\n"


# ------------------------------------------------------------------ diff

def readable_by_get_cpuid(leaf: int) -> bool:
    return any(lo <= leaf <= hi for lo, hi in READABLE_LEAVES)


def classify(old: BitClass, new: BitClass, reg: Reg, known: bool | None) -> tuple[bool, str]:
    """Whether a class change breaks a guarantee the contract relies on, and why."""
    o, n = old.effective, new.effective
    unknown_note = "; KVM does not know it (guarantee fixed1_known)" if known is False else \
        ("" if known else "; check that KVM knows it (guarantee fixed1_known)")
    if n == "fixed1" and o != "fixed1":
        if o in ACCEPTED:
            return True, "configurable to fixed-1: the TD has it whatever KVM passes " \
                         "(guarantee no_configurable_to_fixed1)" + unknown_note
        if o == "faulting":
            return True, "a new fixed-1 bit in a newly virtualized leaf" + unknown_note
        return True, f"a new fixed-1 bit (was {old})" + unknown_note
    if o == "fixed1" and n != "fixed1":
        if n in ACCEPTED:
            return True, "fixed-1 to configurable: the bit reads 0 unless the VMM now passes it, and a " \
                         "hard-coded fixed-1 table (QEMU's tdx_fixed1_bits) no longer matches the TD"
        if n == "faulting":
            return True, "no longer virtualized: the guest's CPUID is answered from KVM's copy " \
                         "(invariant kvm_view_consistent)"
        if n == "dynamic":
            return False, "fixed-1 to dynamic: computed when the guest runs CPUID"
        return True, f"fixed-1 to {new}: the guest loses a bit it always had, and a hard-coded " \
                     "fixed-1 table no longer matches the TD"
    if n == "native" and o != "native":
        if known:
            return False, "a new native bit that KVM knows"
        why = "KVM does not know it" if known is False else "check that KVM knows it"
        return True, f"a new native bit: the TD gets the host's value without KVM's say; {why} " \
                     "(guarantee native_known)"
    if n == "faulting" and o != "faulting":
        return True, "no longer virtualized: the guest's CPUID is answered from KVM's copy (KVM_SET_CPUID2 " \
                     "data), which userspace must now keep right (invariant kvm_view_consistent)"
    if o == "faulting":
        if not readable_by_get_cpuid(reg.leaf):
            return True, "a newly virtualized leaf beyond what KVM_TDX_GET_CPUID can read " \
                         "(guarantee virtualized_leaves_readable)"
        return False, f"newly virtualized ({new}): KVM_TDX_GET_CPUID now returns it"
    if o == "fixed0" and n in ACCEPTED:
        return False, "a new configurable bit: 0 unless KVM passes it to TDH.MNG.INIT"
    if o in ACCEPTED and n == "fixed0":
        return False, "no longer configurable: a request for it now fails at TDH.MNG.INIT, loudly"
    if o in ACCEPTED and n in ACCEPTED and o != n:
        return False, f"{o} to {n}: still decided by what KVM passes"
    if "dynamic" in (o, n):
        return False, f"{old} to {new}: dynamic bits are left out of the view invariants"
    if o == n:
        return False, f"same effective class ({o}); only its gate or verification changed"
    return False, f"{old} to {new}"


def _reported_change(now: bool, new_cls: BitClass | None, old_cls: BitClass | None) -> tuple[bool, str]:
    if now:
        if new_cls is not None:
            if new_cls.klass not in ACCEPTED:
                return True, f"reported configurable but not accepted ({new_cls}): TDH.MNG.INIT refuses it " \
                             "(guarantee reported_is_accepted)"
            return False, "now reported configurable, and accepted"
        if old_cls is None:
            return False, "now reported configurable (its class is unspecified in both)"
        o = old_cls.effective
        if o == "fixed1":
            return True, "now reported configurable; OLD classes it fixed-1: either fixed-1 to configurable, or " \
                         "a reported bit the module does not accept (class unspecified in NEW)"
        if o in ACCEPTED:
            return False, f"now reported configurable; OLD accepted it already ({old_cls}) without reporting it"
        if o == "native":
            return False, "now reported configurable; OLD classes it native (class unspecified in NEW)"
        return False, f"now reported configurable; OLD classes it {old_cls} (class unspecified in NEW)"
    if new_cls is not None and new_cls.klass in ACCEPTED:
        return True, "still accepted but no longer reported: userspace cannot learn it may configure it " \
                     "(guarantee reported_is_accepted)"
    if new_cls is not None:
        return False, f"no longer reported configurable; no longer accepted either ({new_cls})"
    return True, "no longer reported configurable: KVM_TDX_CAPABILITIES drops it, so userspace cannot ask for it"


def diff(old: Release, new: Release, names: dict[tuple[Reg, int], list[str]] | None = None,
         kvm_known: dict[Reg, int] | None = None, notation: Any = None) -> ReleaseDiff:
    """Every bit whose class or reported configurability changed between two releases."""
    names = names or {}
    show = notation or (lambda reg: reg.notation())
    oc, nc = old.bit_classes(), new.bit_classes()
    orep, nrep = old.reported(), new.reported()
    changes: list[BitChange] = []
    unspecified: dict[str, dict[str, int]] = {"old": {}, "new": {}}
    regs = sorted(old.registers() | new.registers())

    both_list = _leaves_in_both_lists(old, new)

    def known(reg: Reg, b: int) -> bool | None:
        return None if kvm_known is None else bool(kvm_known.get(reg, 0) >> b & 1)

    for reg in regs:
        shown = show(reg)
        compare_reported = orep is not None and nrep is not None and reg.leaf_key in both_list
        reported_diff = (orep.get(reg, 0) ^ nrep.get(reg, 0)) if compare_reported else 0  # type: ignore[union-attr]
        for b in range(32):
            co, cn = old.class_of(oc, reg, b), new.class_of(nc, reg, b)
            if co is None or cn is None:
                side = "old" if co is None else "new"
                if co is not None or cn is not None:
                    unspecified[side][shown] = unspecified[side].get(shown, 0) | 1 << b
            elif co != cn:
                breaking, why = classify(co, cn, reg, known(reg, b))
                changes.append(BitChange(f"{shown}[{b}]", reg.leaf_key, names.get((reg, b), []), "class", str(co),
                                         str(cn), breaking, why))
            if reported_diff >> b & 1:
                rn = bool(nrep.get(reg, 0) >> b & 1)  # type: ignore[union-attr]
                breaking, why = _reported_change(rn, cn, co)
                changes.append(BitChange(f"{shown}[{b}]", reg.leaf_key, names.get((reg, b), []), "reported",
                                         "not reported" if rn else "reported", "reported" if rn else "not reported",
                                         breaking, why))
    leaf_changes = _config_leaf_changes(old, new, show)
    module_changes = _module_changes(old, new)
    return ReleaseDiff(old=old.version, new=new.version, old_file=old.file, new_file=new.file, changes=changes,
                       leaf_changes=leaf_changes, module_changes=module_changes,
                       unspecified={side: {k: _hex(v) for k, v in masks.items()}
                                    for side, masks in unspecified.items()},
                       kvm_given=kvm_known is not None)


def _leaves_in_both_lists(old: Release, new: Release) -> set[tuple[int, int]]:
    """Reported bits are compared on leaves both CPUID_CONFIG lists hold; the others are leaf changes."""
    def listed(r: Release) -> set[tuple[int, int]]:
        return {(e.leaf, e.subleaf or 0) for e in r.cpuid_config or ()}
    return listed(old) & listed(new)


def _config_leaf_changes(old: Release, new: Release, show: Any) -> list[BitChange]:
    if old.cpuid_config is None or new.cpuid_config is None:
        return []
    keys_old = {(e.leaf, e.subleaf or 0) for e in old.cpuid_config}
    keys_new = {(e.leaf, e.subleaf or 0) for e in new.cpuid_config}
    out = []
    for key in sorted(keys_old ^ keys_new):
        leaf_text = show(Reg(key[0], key[1], "EAX")).rsplit(".", 1)[0]
        if key in keys_new:
            out.append(BitChange(leaf_text, key, [], "cpuid_config leaf", "not listed", "listed", False,
                                 "a leaf newly in CPUID_CONFIG: userspace may now configure it"))
        else:
            out.append(BitChange(leaf_text, key, [], "cpuid_config leaf", "listed", "not listed", True,
                                 "a leaf dropped from CPUID_CONFIG: KVM_TDX_INIT_VM now rejects a CPUID entry "
                                 "for it, so userspace that passes it fails"))
    return out


def _module_changes(old: Release, new: Release) -> list[BitChange]:
    out: list[BitChange] = []
    for key in WORD_FIELDS:
        a, b = old.words.get(key), new.words.get(key)
        if a is None or b is None or a == b:
            continue
        word = key.split("_")[0].upper()
        for bit in bit_numbers(a ^ b):
            gained = bool(b >> bit & 1)
            if key.endswith("fixed1"):
                breaking, why = (True, f"a new {word} fixed-1 bit: KVM refuses TDX when a fixed-1 bit is not in "
                                       "what it supports") if gained else (False, f"{word} bit no longer forced to 1")
            else:
                breaking, why = (False, f"{word} bit newly allowed") if gained else \
                    (True, f"{word} bit no longer allowed: TDH.MNG.INIT refuses a TD that asks for it")
            out.append(BitChange(f"{word}[{bit}]", (-1, 0), [], key, str(int(not gained)), str(int(gained)),
                                 breaking, why))
    for key, lo, hi in (("basic", 0, 0x7F), ("extended", 0x80000000, 0x8000007F)):
        a, b = old.max_leaf.get(key), new.max_leaf.get(key)
        if a is None or b is None or a == b:
            continue
        beyond = not lo <= b <= hi
        why = "beyond what KVM_TDX_GET_CPUID can read (guarantee virtualized_leaves_readable)" if beyond else \
            "within what KVM_TDX_GET_CPUID can read"
        out.append(BitChange(f"max {key} leaf", (-1, 0), [], "max_leaf", _hex(a), _hex(b), beyond, why))
    return out

