"""Semantic analysis: imports, names, kinds and the rules the grammar cannot say.

Stage 3 of the pipeline (parse -> ast -> semantics -> model). Imports the
earlier stages and the leaf helpers only. ``analyse`` loads a set of spec
files with everything they import, and reports every problem it finds in one
run: undefined names (with a suggestion, or the import that is missing),
duplicates, import cycles, bits out of range, values of the wrong kind, bits
given two classes in one module, checks naming things that do not exist,
protocols that call an ioctl in the wrong TD state. The result, a Program,
resolves names for the later stages and evaluates constant bit sets.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import operator
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from checker import ast
from checker.bits import FUTURE_LEAF, MAX_LEAF, REGISTERS, WIDE_MASK, BitSet, Reg, range_mask
from checker.diagnostics import Diagnostic, Span, did_you_mean
from checker.parse import SPEC_SUFFIX, parse_text, read_and_parse


class Kind(enum.Enum):
    """What an expression denotes; a mismatch is diagnostic E302."""

    BOOL = "a condition"
    CPUID = "a set of CPUID bits"
    XFAM = "a set of XFAM bits"
    ATTRIBUTES = "a set of ATTRIBUTES bits"
    FIELD = "a field (a multi-bit value)"
    INT = "a number"
    EMPTY = "the empty set"
    ERROR = "an erroneous value"  # already reported: never reported again


SET_KINDS = (Kind.CPUID, Kind.XFAM, Kind.ATTRIBUTES, Kind.EMPTY)

MODULE_CLASSES = ("fixed0", "fixed1", "configurable", "configurable_if_native", "native", "dynamic", "faulting")
TD_STATES = ("created", "initialized", "vcpu_initialized", "finalized")
VERDICT_NAMES = ("proved", "violated", "vacuous", "unknown")
PARAM_TYPES = {"cpuid": Kind.CPUID, "xfam": Kind.XFAM, "attributes": Kind.ATTRIBUTES}
FUNCTIONS = {"leaves": 1, "mask": 2, "bits": 1}

_MODULE_ATTRS = {c: Kind.CPUID for c in MODULE_CLASSES} | {
    "xfam_dependent": Kind.CPUID, "attributes_dependent": Kind.CPUID,
    "reported_configurable": Kind.CPUID, "accepted_configurable": Kind.CPUID, "virtualized": Kind.CPUID,
    "attributes_fixed0": Kind.ATTRIBUTES, "attributes_fixed1": Kind.ATTRIBUTES,
    "xfam_fixed0": Kind.XFAM, "xfam_fixed1": Kind.XFAM,
}
PARTY_ATTRS: dict[str, dict[str, Kind]] = {
    "module": _MODULE_ATTRS,
    "host": {"native": Kind.CPUID},
    "kvm": {"known": Kind.CPUID, "cpuid": Kind.CPUID},
    "td": {"cpuid": Kind.CPUID, "config": Kind.CPUID, "xfam": Kind.XFAM, "attributes": Kind.ATTRIBUTES},
    "userspace": {"request": Kind.CPUID, "view": Kind.CPUID, "xfam": Kind.XFAM, "attributes": Kind.ATTRIBUTES},
}
WRITABLE = {"kvm.cpuid": Kind.CPUID, "td.config": Kind.CPUID, "td.xfam": Kind.XFAM, "td.attributes": Kind.ATTRIBUTES}
TD_READS = ("td.cpuid", "td.xfam", "td.attributes")

NamedDecl = (ast.SourceDecl, ast.FeatureDecl, ast.FieldDecl, ast.SetDecl, ast.GuaranteeDecl, ast.InvariantDecl,
             ast.ModuleDecl, ast.KvmDecl, ast.HostDecl, ast.DesignDecl, ast.CheckDecl)

DECL_WORDS = {
    ast.SourceDecl: "source", ast.FeatureDecl: "feature", ast.FieldDecl: "field", ast.SetDecl: "set",
    ast.GuaranteeDecl: "guarantee", ast.InvariantDecl: "invariant", ast.ModuleDecl: "module", ast.KvmDecl: "kvm",
    ast.HostDecl: "host", ast.DesignDecl: "design", ast.CheckDecl: "check",
}


def decl_word(decl: object) -> str:
    return DECL_WORDS.get(type(decl), type(decl).__name__)


def _a(word: str) -> str:
    """'a set', 'an invariant'."""
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def a_decl_word(decl: object) -> str:
    return _a(decl_word(decl))


class _Cycle(Exception):
    pass


@dataclass
class Program:
    """The analysed specs: files, what each file can see, and the kind of every expression."""

    files: dict[str, ast.SpecFile] = field(default_factory=dict)
    scopes: dict[str, dict[str, object]] = field(default_factory=dict)
    decl_files: dict[int, str] = field(default_factory=dict)
    kinds: dict[int, Kind] = field(default_factory=dict)
    leaves: dict[tuple[int, int], ast.LeafDecl] = field(default_factory=dict)
    indexed_leaves: set[int] = field(default_factory=set)
    sources: dict[str, ast.SourceDecl] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    # each module class statement's bits, as the analysis found them: id(statement) ->
    # (statement, bits); checker.model.load_module reads them instead of working them out again
    class_bits: dict[int, tuple[ast.ClassStmt, BitSet]] = field(default_factory=dict, repr=False, compare=False)
    # values derived from the whole program, made once instead of once per check: see derived()
    _derived: dict[str, tuple[tuple[object, ...], Any, Any]] = field(default_factory=dict, repr=False, compare=False)

    # -- lookups for the later stages
    def derived(self, name: str, make: Callable[[], Any], also: Any = None) -> Any:
        """make()'s value, made again only when files were added or replaced since (release
        checks add declarations to a program; the files are held, so none is mistaken for a
        new one with the same id) or `also` changed."""
        files = tuple(self.files.values())
        got = self._derived.get(name)
        if got is None or got[2] != also or len(got[0]) != len(files) or not all(map(operator.is_, got[0], files)):
            got = self._derived[name] = (files, make(), also)
        return got[1]

    def file_of(self, decl: object) -> str:
        return self.decl_files[id(decl)]

    def lookup(self, file: str, name: str) -> object | None:
        return self.scopes.get(file, {}).get(name)

    def kind(self, expr: object) -> Kind:
        return self.kinds.get(id(expr), Kind.ERROR)

    def declarations(self, cls: type) -> Iterator[tuple[str, object]]:
        for path, spec in self.files.items():
            for d in spec.declarations:
                if isinstance(d, cls):
                    yield path, d

    def checks(self) -> list[tuple[str, ast.CheckDecl]]:
        return list(self.declarations(ast.CheckDecl))  # type: ignore[arg-type]

    def feature_names(self) -> dict[tuple[Reg, int], list[str]]:
        """Every named CPUID bit, for printing counterexamples by name."""
        return self.derived("feature_names", self._feature_names)  # type: ignore[no-any-return]

    def _feature_names(self) -> dict[tuple[Reg, int], list[str]]:
        names: dict[tuple[Reg, int], list[str]] = {}
        for path, d in self.declarations(ast.FeatureDecl):
            assert isinstance(d, ast.FeatureDecl)
            try:
                bits = self.const_bits(d.position, path)
            except _NotConstant:
                continue
            for reg, b in bits.bits():
                names.setdefault((reg, b), []).append(d.name.name)
        return names

    def register_notation(self, reg: Reg) -> str:
        return reg.notation(indexed=reg.leaf in self.indexed_leaves)

    def source_line(self, span: Span) -> str | None:
        text = self.texts.get(span.file)
        if text is None or span.line < 1:
            return None
        lines = text.split("\n")
        return lines[span.line - 1] if span.line <= len(lines) else None

    # -- constant evaluation of bit sets (classes, KVM knowledge, host values)
    def leaf_registers(self, leaf: int, subleaf: int | None) -> list[Reg]:
        if subleaf is not None:
            return [Reg(leaf, subleaf, r) for r in REGISTERS]
        subs = self.derived("subleaves", self._subleaves, also=len(self.leaves)).get(leaf) or [0]
        return [Reg(leaf, s, r) for s in subs for r in REGISTERS]

    def _subleaves(self) -> dict[int, list[int]]:
        subleaves: dict[int, list[int]] = {}
        for lf, s in sorted(self.leaves):
            subleaves.setdefault(lf, []).append(s)
        return subleaves

    def const_bits(self, expr: ast.Expr, file: str, _seen: frozenset[int] = frozenset()) -> BitSet:
        """The CPUID bits of a constant expression; raises _NotConstant otherwise."""
        e = expr
        if isinstance(e, ast.RegisterPosition):
            mask = range_mask(e.hi, e.lo) if e.hi is not None and e.lo is not None else (1 << 32) - 1
            return BitSet.of(Reg(e.leaf, e.subleaf or 0, e.register.name), mask)
        if isinstance(e, ast.FuturePosition):
            regs = [e.register.name] if e.register else list(REGISTERS)
            mask = range_mask(e.hi, e.lo) if e.hi is not None and e.lo is not None else (1 << 32) - 1
            return BitSet({Reg(FUTURE_LEAF, 0, r): mask for r in regs})
        if isinstance(e, ast.LeafPosition):
            return BitSet({r: (1 << 32) - 1 for r in self.leaf_registers(e.leaf, e.subleaf)})
        if isinstance(e, ast.SetLiteral):
            # one BitSet at the end: a union per item would copy the masks every time
            # (imported data gives literals of thousands of registers)
            acc: dict[Reg, int] = {}
            for item in e.items:
                for reg, m in self.const_bits(item, file, _seen).items():
                    acc[reg] = acc.get(reg, 0) | m
            return BitSet(acc)
        if isinstance(e, ast.SetChain):
            out = self.const_bits(e.first, file, _seen)
            for op, operand in e.rest:
                rhs = self.const_bits(operand, file, _seen)
                out = out | rhs if op == "|" else out - rhs if op == "-" else out ^ rhs
            return out
        if isinstance(e, ast.Intersection):
            out = self.const_bits(e.operands[0], file, _seen)
            for operand in e.operands[1:]:
                out = out & self.const_bits(operand, file, _seen)
            return out
        if isinstance(e, ast.FunctionCall) and e.function.name == "mask" and len(e.args) == 2:
            reg_pos, value = e.args
            if isinstance(reg_pos, ast.RegisterPosition) and isinstance(value, ast.Number):
                return BitSet.of(Reg(reg_pos.leaf, reg_pos.subleaf or 0, reg_pos.register.name), value.value)
        if isinstance(e, ast.FunctionCall) and e.function.name == "bits" and len(e.args) == 1:
            return self.const_bits(_field_position(self, e.args[0], file), file, _seen)
        if isinstance(e, ast.LeafRestriction):
            inner = self.const_bits(e.operand, file, _seen)
            if any(r.is_future for r in inner):
                raise _NotConstant(e)  # the future leaf's number is only known to the solver
            return BitSet({r: m for r, m in inner.items() if any(lo <= r.leaf <= hi for lo, hi in e.ranges)})
        if isinstance(e, ast.Name) and len(e.parts) == 1:
            decl = self.lookup(file, e.parts[0].name)
            if isinstance(decl, (ast.FeatureDecl, ast.FieldDecl)):
                return self.const_bits(decl.position, self.file_of(decl), _seen)
            if isinstance(decl, ast.SetDecl):
                if id(decl) in _seen:
                    raise _Cycle()
                return self.const_bits(decl.expr, self.file_of(decl), _seen | {id(decl)})
        raise _NotConstant(expr)

    def const_wide(self, expr: ast.Expr, file: str, _seen: frozenset[int] = frozenset()) -> int:
        """The bits of a constant XFAM or ATTRIBUTES expression, as a 64-bit integer."""
        e = expr
        if isinstance(e, ast.WidePosition):
            return range_mask(e.hi, e.lo)
        if isinstance(e, ast.SetLiteral):
            out = 0
            for item in e.items:
                out |= self.const_wide(item, file, _seen)
            return out
        if isinstance(e, ast.SetChain):
            out = self.const_wide(e.first, file, _seen)
            for op, operand in e.rest:
                rhs = self.const_wide(operand, file, _seen)
                out = out | rhs if op == "|" else out & ~rhs if op == "-" else out ^ rhs
            return out
        if isinstance(e, ast.Intersection):
            out = self.const_wide(e.operands[0], file, _seen)
            for operand in e.operands[1:]:
                out &= self.const_wide(operand, file, _seen)
            return out
        if isinstance(e, ast.Complement):
            return ~self.const_wide(e.operand, file, _seen) & WIDE_MASK
        if isinstance(e, ast.FunctionCall) and e.function.name == "mask" and len(e.args) == 2:
            pos, value = e.args
            if isinstance(pos, ast.WidePosition) and isinstance(value, ast.Number):
                return (value.value << pos.lo) & range_mask(pos.hi, pos.lo)
        if isinstance(e, ast.Name) and len(e.parts) == 1:
            decl = self.lookup(file, e.parts[0].name)
            if isinstance(decl, ast.FeatureDecl):
                return self.const_wide(decl.position, self.file_of(decl), _seen)
            if isinstance(decl, ast.SetDecl):
                if id(decl) in _seen:
                    raise _Cycle()
                return self.const_wide(decl.expr, self.file_of(decl), _seen | {id(decl)})
        raise _NotConstant(expr)


class _NotConstant(Exception):
    def __init__(self, expr: object):
        self.expr = expr


NotConstant = _NotConstant


def _field_position(program: Program, arg: ast.Expr, file: str) -> ast.Expr:
    if isinstance(arg, ast.Name) and len(arg.parts) == 1:
        decl = program.lookup(file, arg.parts[0].name)
        if isinstance(decl, (ast.FieldDecl, ast.FeatureDecl)):
            return decl.position
    raise _NotConstant(arg)


# ------------------------------------------------------------------ loading files and imports

def collect_spec_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files as given; directories expanded to every *.cpuid below them, sorted."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(q for q in path.rglob("*" + SPEC_SUFFIX) if q.is_file()))
        else:
            out.append(path)
    return out


class _Loader:
    def __init__(self, display: Callable[[Path], str]):
        self.display = display
        self.program = Program()
        self.diagnostics: list[Diagnostic] = []
        self.imports: dict[str, list[tuple[str, ast.ImportDecl]]] = {}
        self.paths: dict[str, Path] = {}
        self.failed: set[str] = set()

    def load(self, path: Path) -> str:
        name = self.display(path)
        if name in self.program.files or name in self.failed:
            return name
        text, diags, tree, parse_diags = read_and_parse(path, name)
        self.diagnostics.extend(diags)
        if text is None:
            self.failed.add(name)
            return name
        self.program.texts[name] = text
        self.diagnostics.extend(parse_diags)
        if tree is None:
            self.failed.add(name)
            return name
        tree, diags, data_texts = _with_data_files(tree, path.parent, self.display)
        self.diagnostics.extend(diags)
        self.program.texts.update(data_texts)
        self.program.files[name] = tree
        self.paths[name] = path
        self.imports[name] = []
        for decl in tree.declarations:
            if isinstance(decl, ast.ImportDecl):
                target = (path.parent / decl.path)
                if not target.is_file():
                    note = ("import paths are relative to the importing file",)
                    what = "is a directory" if target.is_dir() else "does not exist"
                    self.diagnostics.append(Diagnostic("E211", f"imported file '{decl.path}' {what}", decl.span, note))
                    continue
                child = self.load(target)
                self.imports[name].append((child, decl))
        return name

    def check_cycles(self) -> None:
        """Report each import cycle once, at the import that closes it."""
        state: dict[str, int] = {}
        reported: set[frozenset[str]] = set()

        for root in list(self.imports):
            if state.get(root):
                continue
            stack: list[tuple[str, Iterator[tuple[str, ast.ImportDecl]]]] = [(root, iter(self.imports.get(root, [])))]
            path = [root]
            state[root] = 1
            while stack:
                node, it = stack[-1]
                nxt = next(it, None)
                if nxt is None:
                    state[node] = 2
                    stack.pop()
                    path.pop()
                    continue
                child, decl = nxt
                if state.get(child) == 1:
                    cycle = path[path.index(child):] + [child]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        self.diagnostics.append(Diagnostic(
                            "E210", "import cycle: " + " -> ".join(cycle), decl.span,
                            ("move the shared declarations into a file that both import",)))
                elif not state.get(child) and child in self.imports:
                    state[child] = 1
                    path.append(child)
                    stack.append((child, iter(self.imports.get(child, []))))

    def closure(self, name: str) -> list[str]:
        """The file and everything it imports, transitively (imports are transitive)."""
        seen: list[str] = []
        visited: set[str] = set()
        todo = [name]
        while todo:
            f = todo.pop()
            if f in visited or f not in self.program.files:
                continue
            seen.append(f)
            visited.add(f)
            todo.extend(child for child, _ in self.imports.get(f, []))
        return seen


def analyse(paths: Iterable[str | os.PathLike[str]], display: Callable[[Path], str] | None = None
            ) -> tuple[Program, list[Diagnostic]]:
    """Load, parse and analyse spec files (and their imports). Never raises for bad input."""
    show = display or (lambda p: _relative(p))
    loader = _Loader(show)
    with cyclic_gc_paused():
        for p in collect_spec_paths(paths):
            loader.load(p)
        loader.check_cycles()
        program = loader.program
        _Analyser(program, loader).run()
    return program, _sorted(loader.diagnostics)


def analyse_text(text: str, name: str = "<input>.cpuid") -> tuple[Program, list[Diagnostic]]:
    """Analyse one self-contained spec given as text (imports are not followed)."""
    loader = _Loader(lambda p: str(p))
    with cyclic_gc_paused():
        tree, diags = parse_text(text, name)
    loader.program.texts[name] = text
    loader.diagnostics.extend(diags)
    if tree is not None:
        tree, diags, data_texts = _with_data_files(tree, Path("."), lambda p: str(p))
        loader.diagnostics.extend(diags)
        loader.program.texts.update(data_texts)
        loader.program.files[name] = tree
        loader.imports[name] = []
        for decl in tree.declarations:
            if isinstance(decl, ast.ImportDecl):
                loader.diagnostics.append(Diagnostic("E211", f"imported file '{decl.path}' is not available here", decl.span))
    _Analyser(loader.program, loader).run()
    return loader.program, _sorted(loader.diagnostics)


def _with_data_files(tree: ast.SpecFile, base: Path, show: Callable[[Path], str]
                     ) -> tuple[ast.SpecFile, list[Diagnostic], dict[str, str]]:
    """Declarations that take their data from a file (`from FORMAT "PATH"`) filled in by
    checker.importers, which is imported only for a spec that has one (it costs a
    twentieth of a second at start-up, and most specs have none)."""
    if all(getattr(d, "data", None) is None for d in tree.declarations):
        return tree, [], {}
    from checker.importers import expand_data_sources

    return expand_data_sources(tree, base, show)


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Parsing allocates some hundred thousand long-lived objects and no cycles
    worth collecting; the cyclic collector's repeated scans of them cost about a
    sixth of the front end's time and free nothing, so it waits until we are done.
    (Checking a large spec is the same: checker.solve.check_one and the other commands
    that build models pause it too.)"""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What the pause made counts as long-lived: it goes straight to the oldest
            # generation (freeze, then unfreeze), not into the youngest, whose first
            # collection after the pause would scan all of it at once (0.8 s after a 100x
            # spec's analysis). Cyclic garbage among it is still found by full collections.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _relative(p: Path) -> str:
    """Paths below the working directory are shown relative to it, others in full."""
    try:
        rel = os.path.relpath(p)
    except ValueError:
        return str(p)
    return str(p.resolve()) if rel.startswith("..") else rel


def _sorted(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for d in sorted(diags, key=lambda d: (d.span.file, d.span.line, d.span.column, d.code)):
        key = (d.code, d.message, d.span)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


# ------------------------------------------------------------------ the analyser

@dataclass
class _Local:
    kind: Kind
    span: Span


class _Analyser:
    def __init__(self, program: Program, loader: _Loader):
        self.p = program
        self.loader = loader
        self.diags = loader.diagnostics
        self.file = ""
        self.all_names: dict[str, list[tuple[str, object]]] = {}
        self.in_progress: set[int] = set()
        self.set_chain: list[str] = []  # the sets being analysed, outermost first (to name a cycle)

    def error(self, code: str, message: str, span: Span, *notes: str | None) -> None:
        self.diags.append(Diagnostic(code, message, span, tuple(n for n in notes if n)))

    # -- scopes
    def run(self) -> None:
        for path, spec in self.p.files.items():
            for d in spec.declarations:
                self.p.decl_files[id(d)] = path
                if isinstance(d, NamedDecl):
                    self.all_names.setdefault(d.name.name, []).append((path, d))
                if isinstance(d, ast.SourceDecl):
                    self.p.sources.setdefault(d.name.name, d)
        self.build_scopes()
        self.collect_leaves()
        for path, spec in self.p.files.items():
            self.file = path
            for d in spec.declarations:
                self.check_decl(d)

    def build_scopes(self) -> None:
        # Each file's own names, made once: a scope without a clash is the union of its
        # closure's (in C; a catalog imported by a hundred files is not walked a hundred times).
        own: dict[str, dict[str, object] | None] = {}  # None: the file names something twice
        for path, spec in self.p.files.items():
            names = {d.name.name: d for d in spec.declarations if isinstance(d, NamedDecl)}
            named = sum(isinstance(d, NamedDecl) for d in spec.declarations)
            own[path] = names if len(names) == named else None
        reported: set[tuple[int, int]] = set()
        for path in self.p.files:
            closure = self.loader.closure(path)
            scope: dict[str, object] = {}
            for f in closure:
                names = own[f]
                if names is None or not scope.keys().isdisjoint(names):
                    break
                scope.update(names)
            else:
                self.p.scopes[path] = scope
                continue
            scope = {}  # a clash: found and reported name by name, in declaration order
            for f in closure:
                for d in self.p.files[f].declarations:
                    if not isinstance(d, NamedDecl):
                        continue
                    name = d.name.name
                    other = scope.get(name)
                    if other is None:
                        scope[name] = d
                        continue
                    if other is d:
                        continue
                    first, second = self.definition_order(other, d)
                    key = (id(first), id(second))
                    if key not in reported:
                        reported.add(key)
                        self.error("E201", f"'{name}' is defined twice", second.name.span,
                                   f"first defined as {a_decl_word(first)} at {first.name.span}")
                    scope[name] = first
            self.p.scopes[path] = scope

    def definition_order(self, a: object, b: object) -> tuple[object, object]:
        """Which of two clashing declarations came first: one in an imported file precedes the importer's."""
        fa, fb = self.p.file_of(a), self.p.file_of(b)
        if fa != fb:
            a_imported_by_b, b_imported_by_a = fa in self.loader.closure(fb), fb in self.loader.closure(fa)
            if a_imported_by_b != b_imported_by_a:
                return (a, b) if a_imported_by_b else (b, a)
        def where(x: object) -> tuple[str, int, int]:
            span: Span = x.span  # type: ignore[attr-defined]
            return (self.p.file_of(x), span.line, span.column)

        first, second = sorted((a, b), key=where)
        return first, second

    def collect_leaves(self) -> None:
        for path, spec in self.p.files.items():
            for d in spec.declarations:
                if isinstance(d, ast.LeafDecl):
                    self.p.leaves.setdefault((d.leaf, d.subleaf or 0), d)
                    if d.subleaf is not None:
                        self.p.indexed_leaves.add(d.leaf)

    def lookup(self, name: ast.Ident) -> object | None:
        return self.p.scopes.get(self.file, {}).get(name.name)

    def undefined(self, ident: ast.Ident, what: str = "name", local: Iterable[str] = (),
                  kind: type | None = None) -> None:
        elsewhere = [(f, d) for f, d in self.all_names.get(ident.name, []) if f != self.file]
        if elsewhere:
            f, d = elsewhere[0]
            rel = os.path.relpath(f, os.path.dirname(self.file) or ".")
            self.error("E212", f"'{ident.name}' is defined in {f}, which this file does not import", ident.span,
                       f"add: import \"{rel}\"")
            return
        # where a declaration of one kind is expected, only names of that kind are suggested
        pool = {n for n, d in self.p.scopes.get(self.file, {}).items() if kind is None or isinstance(d, kind)}
        self.error("E200", f"undefined {what} '{ident.name}'", ident.span, did_you_mean(ident.name, pool | set(local)))

    def expect_decl(self, ident: ast.Ident, cls: type, code: str = "E213") -> object | None:
        decl = self.lookup(ident)
        if decl is None:
            self.undefined(ident, DECL_WORDS.get(cls, "name"), kind=cls)
            return None
        if not isinstance(decl, cls):
            same = [n for n, d in self.p.scopes.get(self.file, {}).items() if isinstance(d, cls)]
            self.error(code, f"'{ident.name}' is {a_decl_word(decl)}, not {_a(DECL_WORDS[cls])}", ident.span,
                       did_you_mean(ident.name, same))
            return None
        return decl

    def check_source(self, src: ast.Ident | None) -> None:
        if src is not None:
            self.expect_decl(src, ast.SourceDecl)

    # -- declarations
    def check_decl(self, d: object) -> None:
        if isinstance(d, ast.LeafDecl):
            self.check_leaf_number(d.leaf, d.subleaf, d.span)
            self.check_source(d.source)
        elif isinstance(d, ast.FeatureDecl):
            kind = self.expr(d.position, {})
            if isinstance(d.position, ast.RegisterPosition) and d.position.hi is not None and d.position.hi != d.position.lo:
                self.error("E302", f"feature '{d.name.name}' is one bit; a range of bits is a field", d.position.span,
                           f"write: field {d.name.name} = ...")
            elif isinstance(d.position, (ast.LeafPosition,)) or (
                    isinstance(d.position, (ast.RegisterPosition, ast.FuturePosition)) and d.position.hi is None):
                self.error("E302", f"feature '{d.name.name}' must name one bit, e.g. 7.0.EBX[7]", d.position.span)
            elif isinstance(d.position, ast.WidePosition) and d.position.hi != d.position.lo:
                self.error("E302", f"feature '{d.name.name}' is one bit; give one XFAM/ATTRIBUTES bit", d.position.span)
            del kind
            self.check_source(d.source)
        elif isinstance(d, ast.FieldDecl):
            self.expr(d.position, {})
            if not isinstance(d.position, (ast.RegisterPosition, ast.FuturePosition, ast.WidePosition)):
                self.error("E302", f"field '{d.name.name}' must be a bit range of one register, e.g. 1.EBX[31:24]",
                           d.position.span)
            self.check_source(d.source)
        elif isinstance(d, ast.SetDecl):
            kind = self.set_expr(d)
            self.want_set(d.expr, kind)
            try:
                self.p.const_bits(d.expr, self.file) if kind in (Kind.CPUID, Kind.EMPTY) else None
            except _Cycle:
                self.error("E200", f"set '{d.name.name}' is defined in terms of itself", d.name.span)
            except _NotConstant:
                pass
            self.check_source(d.source)
        elif isinstance(d, (ast.GuaranteeDecl, ast.InvariantDecl)):
            self.want(d.expr, self.expr(d.expr, {}), Kind.BOOL)
            self.check_source(d.source)
        elif isinstance(d, ast.ModuleDecl):
            self.check_module(d)
        elif isinstance(d, ast.KvmDecl):
            for k in d.knows:
                self.want_const_cpuid(k.expr, self.expr(k.expr, {}), "what KVM knows")
                self.check_source(k.source)
        elif isinstance(d, ast.HostDecl):
            for h in d.cpuid:
                self.want_const_cpuid(h.expr, self.expr(h.expr, {}), "a host's CPUID values")
                self.check_source(h.source)
        elif isinstance(d, ast.DesignDecl):
            self.check_design(d)
        elif isinstance(d, ast.CheckDecl):
            self.check_check(d)

    def set_expr(self, d: ast.SetDecl) -> Kind:
        """Analyse a set's value, marking the set as in progress so a cycle is found at its closing reference."""
        self.in_progress.add(id(d))
        self.set_chain.append(d.name.name)
        try:
            return self.expr(d.expr, {})
        finally:
            self.in_progress.discard(id(d))
            self.set_chain.pop()

    def check_leaf_number(self, leaf: int, subleaf: int | None, span: Span) -> None:
        if leaf > MAX_LEAF:
            self.error("E304", f"leaf 0x{leaf:x} does not fit in 32 bits", span)
        if subleaf is not None and subleaf > MAX_LEAF:
            self.error("E304", f"subleaf 0x{subleaf:x} does not fit in 32 bits", span)

    def check_module(self, d: ast.ModuleDecl) -> None:
        seen_once: dict[str, Span] = {}
        owners: dict[Reg, list[tuple[int, tuple[object, ...], ast.ClassStmt]]] = {}
        for s in d.statements:
            if isinstance(s, (ast.VersionStmt, ast.ReportsStmt)):
                word = "version" if isinstance(s, ast.VersionStmt) else "reports"
                if word in seen_once:
                    self.error("E308", f"module '{d.name.name}' has two '{word}' statements", s.span,
                               f"the first is at {seen_once[word]}")
                seen_once[word] = s.span
            if isinstance(s, ast.AssumeStmt):
                for n in s.names:
                    self.expect_decl(n, ast.GuaranteeDecl, "E402")
            elif isinstance(s, ast.ReportsStmt):
                local = {a: _Local(k, s.span) for a, k in _MODULE_ATTRS.items()}
                self.want(s.expr, self.expr(s.expr, local), Kind.CPUID)
                self.check_source(s.source)
            elif isinstance(s, ast.ModuleFixedStmt):
                want = Kind.XFAM if s.key.startswith("xfam") else Kind.ATTRIBUTES
                kind = self.expr(s.expr, {})
                self.want(s.expr, kind, want)
                if kind in (want, Kind.EMPTY):
                    try:
                        self.p.const_wide(s.expr, self.file)
                    except _NotConstant as nc:
                        self.error("E302", f"{s.key} must be a constant set of {want.name} bits",
                                   getattr(nc.expr, "span", s.expr.span),
                                   "it is module data: positions such as XFAM[1:0], named bits, mask()")
                    except _Cycle:
                        self.error("E200", "a set used here is defined in terms of itself", s.expr.span)
                self.check_source(s.source)
            elif isinstance(s, ast.ClassStmt):
                self.check_class(d, s, owners)

    def check_class(self, d: ast.ModuleDecl, s: ast.ClassStmt,
                    owners: dict[Reg, list[tuple[int, tuple[object, ...], ast.ClassStmt]]]) -> None:
        cls = s.class_name.name
        if cls not in MODULE_CLASSES:
            self.error("E203", f"unknown virtualization class '{cls}'", s.class_name.span,
                       did_you_mean(cls, list(MODULE_CLASSES)),
                       "classes: " + ", ".join(MODULE_CLASSES))
        kind = self.expr(s.bits, {})
        bits = self.want_const_cpuid(s.bits, kind, "a class statement")
        if s.verified is not None and s.verified not in (0, 1):
            self.error("E307", f"'verified' takes 0 or 1, not {s.verified}", s.span)
        elif s.verified is not None and cls != "native":
            self.error("E307", "'verified' applies to native bits only", s.span,
                       "the module checks the host's native value of a native bit at TDH.SYS.INIT")
        if s.gate is not None:
            for b in s.gate.bits:
                if b > 63:
                    self.error("E300", f"{s.gate.word} bit {b} is out of range 0-63", s.gate.span)
        self.check_source(s.source)
        if bits is None or cls not in MODULE_CLASSES:
            return
        self.p.class_bits[id(s)] = (s, bits)
        meaning = (cls, s.verified, None if s.gate is None else (s.gate.word, s.gate.bits))
        # per register, the bits each earlier statement claimed first (masks, not a
        # dict per bit: a module classes every one of its ~8,000 bits)
        clashes: list[tuple[Reg, int, ast.ClassStmt]] = []
        count = 0
        for reg in bits.registers():
            mask = bits[reg]
            claims = owners.setdefault(reg, [])
            taken = 0
            for claimed, other_meaning, other in claims:
                taken |= claimed
                clash = mask & claimed if other_meaning != meaning else 0
                if clash:
                    count += clash.bit_count()
                    clashes.append((reg, (clash & -clash).bit_length() - 1, other))
            if mask & ~taken:
                claims.append((mask & ~taken, meaning, s))
        if clashes:
            reg, b, other = min(clashes, key=lambda c: (c[0], c[1]))
            more = f" and {count - 1} more bit(s)" if count > 1 else ""
            self.error("E303", f"bit {self.p.register_notation(reg)}[{b}]{more} is classed '{cls}' here "
                               f"but '{other.class_name.name}' at line {other.span.line}", s.bits.span,
                       "a bit has exactly one class in a module; a special rule replaces the table's class")

    def check_design(self, d: ast.DesignDecl) -> None:
        env: dict[str, _Local] = {}
        ioctls: dict[str, ast.IoctlDecl] = {}
        protocols = [s for s in d.statements if isinstance(s, ast.ProtocolDecl)]
        for s in d.statements:
            if isinstance(s, ast.LetStmt):
                env[s.name.name] = _Local(self.expr(s.expr, env), s.name.span)
                for n in _names_in(s.expr):
                    if n.dotted in TD_READS:
                        self.error("E405", f"a design-level 'let' reads {n.dotted}, which does not exist before "
                                           "the protocol runs", n.span, "move the 'let' into the ioctl that needs it")
            elif isinstance(s, ast.DesignSource):
                self.check_source(s.source)
            elif isinstance(s, ast.IoctlDecl):
                if s.name.name in ioctls:
                    self.error("E201", f"ioctl '{s.name.name}' is declared twice in design '{d.name.name}'",
                               s.name.span, f"first declared at {ioctls[s.name.name].name.span}")
                    continue
                ioctls[s.name.name] = s
                self.check_ioctl(s, env)
        if not protocols:
            self.error("E404", f"design '{d.name.name}' has no protocol: userspace calls no ioctl", d.name.span)
        for extra in protocols[1:]:
            self.error("E308", f"design '{d.name.name}' has two protocols", extra.span)
        if protocols:
            self.check_protocol(d, protocols[0], ioctls, env)

    def ioctl_return_kind(self, s: ast.IoctlDecl) -> Kind | None:
        for st in s.body:
            if isinstance(st, ast.ReturnsStmt):
                return self.p.kinds.get(id(st.expr))
        return None

    def check_ioctl(self, s: ast.IoctlDecl, design_env: dict[str, _Local]) -> None:
        env = dict(design_env)
        for prm in s.params:
            ptype = Kind.CPUID
            if prm.type is not None:
                if prm.type.name not in PARAM_TYPES:
                    self.error("E208", f"unknown parameter type '{prm.type.name}'", prm.type.span,
                               did_you_mean(prm.type.name, list(PARAM_TYPES)), "types: cpuid, xfam, attributes")
                    ptype = Kind.ERROR  # reported; uses of the parameter are not checked again
                else:
                    ptype = PARAM_TYPES[prm.type.name]
            env[prm.name.name] = _Local(ptype, prm.name.span)
        for st in (*s.states, *((s.transition,) if s.transition else ())):
            if st.name not in TD_STATES:
                self.error("E207", f"unknown TD state '{st.name}'", st.span, did_you_mean(st.name, list(TD_STATES)),
                           "states: " + ", ".join(TD_STATES))
        returns = 0
        for st in s.body:
            if isinstance(st, ast.LetStmt):
                env[st.name.name] = _Local(self.expr(st.expr, env), st.name.span)
            elif isinstance(st, ast.RequiresStmt):
                self.want(st.condition, self.expr(st.condition, env), Kind.BOOL)
                self.check_source(st.source)
            elif isinstance(st, ast.ReturnsStmt):
                returns += 1
                if returns > 1:
                    self.error("E308", f"ioctl '{s.name.name}' returns twice", st.span)
                self.want_set(st.expr, self.expr(st.expr, env))
                self.check_source(st.source)
            elif isinstance(st, ast.SetsStmt):
                target = st.target.dotted
                kind = self.expr(st.expr, env)
                if target not in WRITABLE:
                    hint = "the module computes td.cpuid from td.config: set td.config" if target == "td.cpuid" \
                        else did_you_mean(target, list(WRITABLE))
                    self.error("E309", f"an ioctl cannot set '{target}'", st.target.span,
                               hint, "writable: " + ", ".join(WRITABLE))
                else:
                    self.want(st.expr, kind, WRITABLE[target])
                self.check_source(st.source)

    def check_protocol(self, d: ast.DesignDecl, proto: ast.ProtocolDecl, ioctls: dict[str, ast.IoctlDecl],
                       design_env: dict[str, _Local]) -> None:
        env = dict(design_env)
        state = "created"
        td_configured = False
        for step in proto.steps:
            if isinstance(step, ast.CallStep):
                io = ioctls.get(step.ioctl.name)
                for a in step.args:
                    self.expr(a, env)
                if io is None:
                    self.error("E214", f"design '{d.name.name}' declares no ioctl '{step.ioctl.name}'", step.ioctl.span,
                               did_you_mean(step.ioctl.name, list(ioctls)))
                    if step.result:
                        env[step.result.name] = _Local(Kind.ERROR, step.result.span)
                    continue
                if len(step.args) != len(io.params):
                    self.error("E305", f"'{io.name.name}' takes {len(io.params)} argument(s), given {len(step.args)}",
                               step.span, f"declared at {io.span}")
                else:
                    for a, prm in zip(step.args, io.params):
                        want = PARAM_TYPES.get(prm.type.name if prm.type else "cpuid", Kind.ERROR)
                        if want is not Kind.ERROR:  # an unknown parameter type is reported at the ioctl
                            self.want(a, self.p.kinds.get(id(a), Kind.ERROR), want)
                allowed = [x.name for x in io.states]
                if state not in allowed and all(a in TD_STATES for a in allowed):
                    self.error("E403", f"'{io.name.name}' is called while the TD is '{state}', but it is allowed only in: "
                               + ", ".join(allowed), step.span, "reorder the protocol, or add the state to the ioctl")
                if not td_configured:
                    for read in self.td_reads(io):
                        self.error("E405", f"'{io.name.name}' reads {read.dotted} before any ioctl has set td.config",
                                   read.span, "the TD's CPUID exists only after TDH.MNG.INIT (the ioctl that sets td.config)")
                if any(isinstance(st, ast.SetsStmt) and st.target.dotted == "td.config" for st in io.body):
                    td_configured = True
                if io.transition and io.transition.name in TD_STATES:
                    state = io.transition.name
                if step.result:
                    rk = self.ioctl_return_kind(io)
                    if rk is None:
                        self.error("E302", f"'{io.name.name}' returns nothing, so its result cannot be named",
                                   step.result.span)
                        rk = Kind.ERROR
                    env[step.result.name] = _Local(rk, step.result.span)
            elif isinstance(step, ast.AssumeStep):
                self.want(step.condition, self.expr(step.condition, env), Kind.BOOL)
                self.reads_before_config(step.condition, td_configured)
            elif isinstance(step, ast.ViewStep):
                self.want(step.expr, self.expr(step.expr, env), Kind.CPUID)
                self.reads_before_config(step.expr, td_configured)

    def td_reads(self, io: ast.IoctlDecl) -> list[ast.Name]:
        out: list[ast.Name] = []
        for st in io.body:
            for e in _statement_exprs(st):
                out.extend(n for n in _names_in(e) if n.dotted in TD_READS)
        return out

    def reads_before_config(self, e: ast.Expr, configured: bool) -> None:
        if configured:
            return
        for n in _names_in(e):
            if n.dotted in TD_READS:
                self.error("E405", f"the protocol reads {n.dotted} before any ioctl has set td.config", n.span)

    def check_check(self, d: ast.CheckDecl) -> None:
        parts: dict[str, ast.CheckPart] = {}
        future_seen: ast.CheckFuture | None = None
        for s in d.statements:
            if isinstance(s, ast.CheckPart):
                if s.kind in parts:
                    self.error("E308", f"check '{d.name.name}' names a {s.kind} twice", s.span,
                               f"the first is at {parts[s.kind].span}")
                    continue
                parts[s.kind] = s
                cls = {"design": ast.DesignDecl, "module": ast.ModuleDecl, "kvm": ast.KvmDecl, "host": ast.HostDecl}[s.kind]
                self.expect_decl(s.name, cls)
            elif isinstance(s, ast.CheckFuture):
                if future_seen is not None:
                    self.error("E308", f"check '{d.name.name}' says twice whether there is a future leaf", s.span)
                future_seen = s
            elif isinstance(s, ast.AssumeStmt):
                for n in s.names:
                    self.expect_decl(n, ast.GuaranteeDecl, "E402")
            elif isinstance(s, ast.VerifyStmt):
                self.expect_decl(s.invariant, ast.InvariantDecl, "E401")
                if s.expect is not None and s.expect.name not in VERDICT_NAMES:
                    self.error("E206", f"unknown verdict '{s.expect.name}'", s.expect.span,
                               did_you_mean(s.expect.name, list(VERDICT_NAMES)), "verdicts: " + ", ".join(VERDICT_NAMES))
        for need in ("design", "module"):
            if need not in parts:
                self.error("E400", f"check '{d.name.name}' names no {need}", d.name.span,
                           f"add a line: {need} NAME")

    # -- expressions
    def want(self, e: ast.Expr, got: Kind, want: Kind) -> None:
        if got in (want, Kind.ERROR) or (got is Kind.EMPTY and want in SET_KINDS):
            return
        notes = []
        if got is Kind.FIELD and want is Kind.CPUID:
            notes.append("a field is a multi-bit value; write bits(NAME) for its bits as a set")
        if got in SET_KINDS and want is Kind.BOOL:
            notes.append("compare it: e.g. X == {} or X <= Y")
        self.error("E302", f"expected {want.value}, found {got.value}", e.span, *notes)

    def want_set(self, e: ast.Expr, got: Kind) -> None:
        if got not in SET_KINDS and got is not Kind.ERROR:
            notes = ["write bits(NAME) for a field's bits"] if got is Kind.FIELD else []
            self.error("E302", f"expected a set of bits, found {got.value}", e.span, *notes)

    def want_const_cpuid(self, e: ast.Expr, kind: Kind, what: str) -> BitSet | None:
        self.want(e, kind, Kind.CPUID)
        if kind not in (Kind.CPUID, Kind.EMPTY):
            return None
        try:
            return self.p.const_bits(e, self.file)
        except _NotConstant as nc:
            span = getattr(nc.expr, "span", e.span)
            bad = nc.expr
            if isinstance(bad, ast.Complement) or (isinstance(bad, ast.FunctionCall) and bad.function.name == "leaves"):
                note = "'~' and leaves() need the whole CPUID space of a check, which is not known here"
            elif isinstance(bad, ast.LeafRestriction):
                note = "the future leaf's number is chosen by the solver, so 'on leaves' cannot filter it here"
            else:
                note = "it cannot depend on a party such as module.*, kvm.* or td.*"
            self.error("E302", f"{what} must be a constant set of bits (positions, features, sets, mask(), "
                               "bits(), on leaves)", span, note)
        except _Cycle:
            self.error("E200", "a set used here is defined in terms of itself", e.span)
        return None

    def expr(self, e: ast.Expr, env: dict[str, _Local]) -> Kind:
        kind = self._expr(e, env)
        self.p.kinds[id(e)] = kind
        return kind

    def _same_set_kind(self, operands: list[ast.Expr], kinds: list[Kind], op: str) -> Kind:
        result = Kind.EMPTY
        for operand, k in zip(operands, kinds):
            if k is Kind.ERROR:
                return Kind.ERROR
            if k not in SET_KINDS:
                notes = ["write bits(NAME) for a field's bits"] if k is Kind.FIELD else []
                self.error("E302", f"'{op}' works on sets of bits, not on {k.value}", operand.span, *notes)
                return Kind.ERROR
            if k is Kind.EMPTY:
                continue
            if result is Kind.EMPTY:
                result = k
            elif result is not k:
                self.error("E302", f"'{op}' mixes {result.value} with {k.value}", operand.span)
                return Kind.ERROR
        return result

    def _expr(self, e: ast.Expr, env: dict[str, _Local]) -> Kind:
        if isinstance(e, ast.RegisterPosition):
            if e.register.name not in REGISTERS:
                self.error("E202", f"unknown register '{e.register.name}'", e.register.span,
                           did_you_mean(e.register.name, list(REGISTERS)), "CPUID registers: EAX, EBX, ECX, EDX")
                return Kind.ERROR
            self.check_leaf_number(e.leaf, e.subleaf, e.span)
            return Kind.CPUID if self.check_bits(e.hi, e.lo, 31, e.span) else Kind.ERROR
        if isinstance(e, ast.FuturePosition):
            if e.register is not None and e.register.name not in REGISTERS:
                self.error("E202", f"unknown register '{e.register.name}'", e.register.span,
                           did_you_mean(e.register.name, list(REGISTERS)))
                return Kind.ERROR
            return Kind.CPUID if self.check_bits(e.hi, e.lo, 31, e.span) else Kind.ERROR
        if isinstance(e, ast.LeafPosition):
            self.check_leaf_number(e.leaf, e.subleaf, e.span)
            return Kind.CPUID
        if isinstance(e, ast.WidePosition):
            ok = self.check_bits(e.hi, e.lo, 63, e.span)
            return (Kind.XFAM if e.word == "XFAM" else Kind.ATTRIBUTES) if ok else Kind.ERROR
        if isinstance(e, ast.Number):
            return Kind.INT
        if isinstance(e, ast.BoolLiteral):
            return Kind.BOOL
        if isinstance(e, ast.Name):
            return self.name_kind(e, env)
        if isinstance(e, ast.SetLiteral):
            kinds = [self.expr(i, env) for i in e.items]
            return self._same_set_kind(list(e.items), kinds, "{...}") if kinds else Kind.EMPTY
        if isinstance(e, ast.SetChain):
            operands = [e.first] + [x for _, x in e.rest]
            kinds = [self.expr(x, env) for x in operands]
            return self._same_set_kind(operands, kinds, e.rest[0][0])
        if isinstance(e, ast.Intersection):
            kinds = [self.expr(x, env) for x in e.operands]
            return self._same_set_kind(list(e.operands), kinds, "&")
        if isinstance(e, ast.Complement):
            k = self.expr(e.operand, env)
            return self._same_set_kind([e.operand], [k], "~")
        if isinstance(e, ast.Comparison):
            kinds = [self.expr(e.left, env), self.expr(e.right, env)]
            k = self._same_set_kind([e.left, e.right], kinds, e.op)
            return Kind.ERROR if k is Kind.ERROR else Kind.BOOL
        if isinstance(e, ast.Membership):
            kinds = [self.expr(e.element, env), self.expr(e.container, env)]
            k = self._same_set_kind([e.element, e.container], kinds, "in")
            return Kind.ERROR if k is Kind.ERROR else Kind.BOOL
        if isinstance(e, (ast.Not, ast.Conjunction, ast.Disjunction, ast.Implication)):
            operands = [e.operand] if isinstance(e, ast.Not) else \
                [e.left, e.right] if isinstance(e, ast.Implication) else list(e.operands)
            bad = False
            for x in operands:
                k = self.expr(x, env)
                if k not in (Kind.BOOL, Kind.ERROR):
                    self.want(x, k, Kind.BOOL)
                    bad = True
                bad = bad or k is Kind.ERROR
            return Kind.ERROR if bad else Kind.BOOL
        if isinstance(e, ast.LeafRestriction):
            k = self.expr(e.operand, env)
            for lo, hi in e.ranges:
                if hi < lo:
                    self.error("E301", f"leaf range 0x{lo:x}..0x{hi:x} is empty: its end is below its start", e.span)
                if hi > MAX_LEAF:
                    self.error("E304", f"leaf 0x{hi:x} does not fit in 32 bits", e.span)
            if k not in (Kind.CPUID, Kind.EMPTY, Kind.ERROR):
                self.want(e.operand, k, Kind.CPUID)
                return Kind.ERROR
            return k if k is not Kind.EMPTY else Kind.CPUID
        if isinstance(e, ast.FunctionCall):
            return self.call_kind(e, env)
        raise AssertionError(f"semantics: unhandled expression node {type(e).__name__}")

    def check_bits(self, hi: int | None, lo: int | None, top: int, span: Span) -> bool:
        if hi is None or lo is None:
            return True
        ok = True
        for b in {hi, lo}:
            if b > top:
                what = "CPUID register bits are 0-31" if top == 31 else "ATTRIBUTES and XFAM bits are 0-63"
                self.error("E300", f"bit {b} is out of range", span, what)
                ok = False
        if ok and hi < lo:
            self.error("E301", f"bit range [{hi}:{lo}] is empty: write the high bit first, [{lo}:{hi}]", span)
            ok = False
        return ok

    def name_kind(self, e: ast.Name, env: dict[str, _Local]) -> Kind:
        first = e.parts[0]
        if len(e.parts) == 1:
            if first.name in env:
                return env[first.name].kind
            decl = self.lookup(first)
            if decl is None:
                self.undefined(first, "name", env)
                return Kind.ERROR
            if isinstance(decl, ast.FeatureDecl):
                pos = decl.position
                return Kind.XFAM if isinstance(pos, ast.WidePosition) and pos.word == "XFAM" else \
                    Kind.ATTRIBUTES if isinstance(pos, ast.WidePosition) else Kind.CPUID
            if isinstance(decl, ast.FieldDecl):
                return Kind.FIELD
            if isinstance(decl, ast.SetDecl):
                k = self.p.kinds.get(id(decl.expr))
                if k is None:
                    if id(decl) in self.in_progress:
                        chain = self.set_chain[self.set_chain.index(first.name):] \
                            if first.name in self.set_chain else []
                        how = ": " + " -> ".join(chain + [first.name]) if len(chain) > 1 else ""
                        self.error("E200", f"set '{first.name}' is defined in terms of itself{how}", first.span)
                        return Kind.ERROR
                    saved = self.file
                    self.file = self.p.file_of(decl)
                    try:
                        k = self.set_expr(decl)
                    finally:
                        self.file = saved
                return k
            if isinstance(decl, (ast.GuaranteeDecl, ast.InvariantDecl)):
                return Kind.BOOL
            self.error("E213", f"'{first.name}' is {a_decl_word(decl)}; it has no value here", first.span,
                       "use a feature, field, set, or a party attribute such as module.fixed1")
            return Kind.ERROR
        if len(e.parts) != 2:
            self.error("E204", f"'{e.dotted}' has too many parts", e.span, "write PARTY.ATTRIBUTE, e.g. td.cpuid")
            return Kind.ERROR
        attr = e.parts[1]
        party = first.name
        if party not in PARTY_ATTRS:
            decl = self.lookup(first)
            if isinstance(decl, ast.ModuleDecl):
                party = "module"
            elif decl is None and party not in env:
                self.error("E200", f"undefined party '{party}'", first.span,
                           did_you_mean(party, list(PARTY_ATTRS) + [n for n, d in self.p.scopes.get(self.file, {}).items()
                                                                    if isinstance(d, ast.ModuleDecl)]),
                           "parties: module, host, kvm, td, userspace (or a module's name)")
                return Kind.ERROR
            else:
                self.error("E204", f"'{party}' has no attributes", first.span,
                           "only parties (module, host, kvm, td, userspace) and modules have attributes")
                return Kind.ERROR
        attrs = PARTY_ATTRS[party]
        if attr.name not in attrs:
            self.error("E204", f"{party} has no attribute '{attr.name}'", attr.span, did_you_mean(attr.name, list(attrs)),
                       f"{party} has: " + ", ".join(sorted(attrs)))
            return Kind.ERROR
        return attrs[attr.name]

    def call_kind(self, e: ast.FunctionCall, env: dict[str, _Local]) -> Kind:
        fn = e.function.name
        kinds = [self.expr(a, env) for a in e.args]
        if fn not in FUNCTIONS:
            self.error("E205", f"unknown function '{fn}'", e.function.span, did_you_mean(fn, list(FUNCTIONS)),
                       "functions: leaves(SET), mask(REGISTER, VALUE), bits(FIELD)")
            return Kind.ERROR
        if len(e.args) != FUNCTIONS[fn]:
            self.error("E305", f"{fn}() takes {FUNCTIONS[fn]} argument(s), given {len(e.args)}", e.span)
            return Kind.ERROR
        if Kind.ERROR in kinds:
            return Kind.ERROR
        if fn == "leaves":
            self.want(e.args[0], kinds[0], Kind.CPUID)
            return Kind.CPUID
        if fn == "bits":
            if kinds[0] is not Kind.FIELD:
                self.error("E302", f"bits() takes a field, found {kinds[0].value}", e.args[0].span)
                return Kind.ERROR
            decl = self.lookup(e.args[0].parts[0]) if isinstance(e.args[0], ast.Name) else None
            pos = getattr(decl, "position", None)
            if isinstance(pos, ast.WidePosition):
                return Kind.XFAM if pos.word == "XFAM" else Kind.ATTRIBUTES
            return Kind.CPUID
        # mask(REGISTER, VALUE)
        pos, value = e.args
        if kinds[1] is not Kind.INT:
            self.error("E302", f"mask() takes a number as its second argument, found {kinds[1].value}", value.span)
            return Kind.ERROR
        assert isinstance(value, ast.Number)
        if isinstance(pos, ast.RegisterPosition) and pos.hi is None:
            if value.value >> 32:
                self.error("E306", f"mask value 0x{value.value:x} does not fit in a 32-bit register", value.span)
                return Kind.ERROR
            return Kind.CPUID
        if isinstance(pos, ast.WidePosition):
            width = pos.hi - pos.lo + 1
            if value.value >> width:
                self.error("E306", f"mask value 0x{value.value:x} does not fit in {pos.word}[{pos.hi}:{pos.lo}]", value.span)
                return Kind.ERROR
            return Kind.XFAM if pos.word == "XFAM" else Kind.ATTRIBUTES
        self.error("E302", "mask() takes a whole register (e.g. 7.0.EBX) or XFAM[63:0]/ATTRIBUTES[63:0] first",
                   pos.span)
        return Kind.ERROR


def _statement_exprs(st: object) -> list[ast.Expr]:
    if isinstance(st, (ast.LetStmt, ast.ReturnsStmt, ast.SetsStmt)):
        return [st.expr]
    if isinstance(st, ast.RequiresStmt):
        return [st.condition]
    return []


def _children(e: object) -> list[object]:
    if isinstance(e, ast.SetLiteral):
        return list(e.items)
    if isinstance(e, ast.SetChain):
        return [e.first] + [x for _, x in e.rest]
    if isinstance(e, (ast.Intersection, ast.Conjunction, ast.Disjunction)):
        return list(e.operands)
    if isinstance(e, (ast.Complement, ast.Not, ast.LeafRestriction)):
        return [e.operand]
    if isinstance(e, (ast.Comparison, ast.Implication)):
        return [e.left, e.right]
    if isinstance(e, ast.Membership):
        return [e.element, e.container]
    if isinstance(e, ast.FunctionCall):
        return list(e.args)
    return []


def _names_in(e: object) -> list[ast.Name]:
    out: list[ast.Name] = []
    stack = [e]
    while stack:
        x = stack.pop()
        if isinstance(x, ast.Name):
            out.append(x)
        stack.extend(_children(x))
    return out


walk_children = _children
