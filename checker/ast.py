"""The syntax tree of a spec file: plain dataclasses, one per grammar rule.

Stage 2 of the pipeline (grammar -> parse -> ast -> semantics). Imports only
checker.diagnostics. Every node has a ``span`` (file, line, column) so later
stages can point at the text a user wrote. Nodes compare and hash by identity
(``eq=False``): each is one occurrence in a file, later stages key tables by
``id(node)``, and skipping the generated ``__eq__``/``__hash__`` makes importing
this module a fifth cheaper. Binary chains (``a | b - c``) are
kept flat, so a spec with thousands of terms does not make deep trees.

No stage changes a node after the parse (a change is a new node:
``dataclasses.replace``), but the classes are not ``frozen``: a frozen
dataclass's constructor sets each field through ``object.__setattr__``, and
with frozen spans too that was a sixth of the parser's instructions. They are
slotted (no per-node ``__dict__``: the 100x spec's nodes take 22 MB less), so a
node has its fields and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from checker.diagnostics import Span


@dataclass(eq=False, slots=True)
class Ident:
    name: str
    span: Span


# ------------------------------------------------------------------ expressions

@dataclass(eq=False, slots=True)
class RegisterPosition:
    """``7.0.EBX[7]``, ``1.ECX[31:24]``, ``0x80000008.EAX`` (whole register)."""
    span: Span
    leaf: int
    subleaf: int | None
    register: Ident
    hi: int | None  # None: the whole register
    lo: int | None


@dataclass(eq=False, slots=True)
class LeafPosition:
    """``7.0.*``: every register of a leaf (``7.*``: of every subleaf)."""
    span: Span
    leaf: int
    subleaf: int | None


@dataclass(eq=False, slots=True)
class FuturePosition:
    """``future.EAX[3]`` or ``future.*``: the unknown future leaf, whose number is symbolic."""
    span: Span
    register: Ident | None
    hi: int | None
    lo: int | None


@dataclass(eq=False, slots=True)
class WidePosition:
    """``XFAM[9]``, ``ATTRIBUTES[30]``: bits of the 64-bit TD configuration words."""
    span: Span
    word: str  # "XFAM" or "ATTRIBUTES"
    hi: int
    lo: int


@dataclass(eq=False, slots=True)
class Name:
    """A reference: ``SMEP``, ``caps``, ``module.fixed1``, ``td.cpuid``."""
    span: Span
    parts: tuple[Ident, ...]

    @property
    def dotted(self) -> str:
        return ".".join(p.name for p in self.parts)


@dataclass(eq=False, slots=True)
class SetLiteral:
    span: Span
    items: tuple["Expr", ...]


@dataclass(eq=False, slots=True)
class FunctionCall:
    span: Span
    function: Ident
    args: tuple["Expr", ...]


@dataclass(eq=False, slots=True)
class Number:
    span: Span
    value: int


@dataclass(eq=False, slots=True)
class BoolLiteral:
    span: Span
    value: bool


@dataclass(eq=False, slots=True)
class Complement:
    span: Span
    operand: "Expr"


@dataclass(eq=False, slots=True)
class SetChain:
    """``a | b - c ^ d``: left-associative union, difference, symmetric difference."""
    span: Span
    first: "Expr"
    rest: tuple[tuple[str, "Expr"], ...]


@dataclass(eq=False, slots=True)
class Intersection:
    span: Span
    operands: tuple["Expr", ...]


@dataclass(eq=False, slots=True)
class Comparison:
    """``a == b``, ``a <= b`` (subset), ``a < b`` (proper subset), ``!=``, ``>=``, ``>``."""
    span: Span
    op: str
    left: "Expr"
    right: "Expr"


@dataclass(eq=False, slots=True)
class Membership:
    """``SMEP in td.cpuid``: every bit of the left side is in the right side."""
    span: Span
    element: "Expr"
    container: "Expr"


@dataclass(eq=False, slots=True)
class Not:
    span: Span
    operand: "Expr"


@dataclass(eq=False, slots=True)
class Conjunction:
    span: Span
    operands: tuple["Expr", ...]


@dataclass(eq=False, slots=True)
class Disjunction:
    span: Span
    operands: tuple["Expr", ...]


@dataclass(eq=False, slots=True)
class Implication:
    span: Span
    left: "Expr"
    right: "Expr"


@dataclass(eq=False, slots=True)
class LeafRestriction:
    """``td.cpuid on leaves 0..0x7F, 0x80000000..0x8000007F``."""
    span: Span
    operand: "Expr"
    ranges: tuple[tuple[int, int], ...]


Expr = Union[
    RegisterPosition, LeafPosition, FuturePosition, WidePosition, Name, SetLiteral,
    FunctionCall, Number, BoolLiteral, Complement, SetChain, Intersection, Comparison,
    Membership, Not, Conjunction, Disjunction, Implication, LeafRestriction,
]
Position = Union[RegisterPosition, LeafPosition, FuturePosition, WidePosition]


# ------------------------------------------------------------------ catalog, sources, properties

@dataclass(eq=False, slots=True)
class ImportDecl:
    span: Span
    path: str


@dataclass(eq=False, slots=True)
class SourceDecl:
    span: Span
    name: Ident
    attributes: tuple[tuple[str, str], ...]


@dataclass(eq=False, slots=True)
class LeafDecl:
    span: Span
    leaf: int
    subleaf: int | None
    description: str | None
    source: Ident | None


@dataclass(eq=False, slots=True)
class FeatureDecl:
    span: Span
    name: Ident
    position: Position
    source: Ident | None


@dataclass(eq=False, slots=True)
class FieldDecl:
    span: Span
    name: Ident
    position: Position
    source: Ident | None


@dataclass(eq=False, slots=True)
class SetDecl:
    span: Span
    name: Ident
    expr: Expr
    source: Ident | None
    data: "DataSource | None" = None


@dataclass(eq=False, slots=True)
class GuaranteeDecl:
    span: Span
    name: Ident
    expr: Expr
    source: Ident | None


@dataclass(eq=False, slots=True)
class InvariantDecl:
    span: Span
    name: Ident
    expr: Expr
    source: Ident | None


# ------------------------------------------------------------------ parties

@dataclass(eq=False, slots=True)
class DataSource:
    """``from release "releases/x.json"``: a declaration whose data is imported from a file
    (checker.importers turns it into the statements a hand-written declaration would hold)."""
    span: Span
    format: Ident  # release, dump or kvm_cpuid2
    path: str

@dataclass(eq=False, slots=True)
class VersionStmt:
    span: Span
    version: str


@dataclass(eq=False, slots=True)
class AssumeStmt:
    span: Span
    names: tuple[Ident, ...]


@dataclass(eq=False, slots=True)
class Gate:
    """``when XFAM[5, 6, 7]``: the bit reads 0 unless every listed XFAM/ATTRIBUTES bit is set."""
    span: Span
    word: str
    bits: tuple[int, ...]


@dataclass(eq=False, slots=True)
class ClassStmt:
    span: Span
    class_name: Ident
    bits: Expr
    verified: int | None
    gate: Gate | None
    source: Ident | None


@dataclass(eq=False, slots=True)
class ReportsStmt:
    span: Span
    expr: Expr
    source: Ident | None


@dataclass(eq=False, slots=True)
class ModuleFixedStmt:
    """``xfam_fixed1 XFAM[1:0]``: module-level ATTRIBUTES/XFAM fixed bits."""
    span: Span
    key: str
    expr: Expr
    source: Ident | None


ModuleStmt = Union[VersionStmt, AssumeStmt, ClassStmt, ReportsStmt, ModuleFixedStmt]


@dataclass(eq=False, slots=True)
class ModuleDecl:
    span: Span
    name: Ident
    symbolic: bool
    statements: tuple[ModuleStmt, ...]
    data: DataSource | None = None


@dataclass(eq=False, slots=True)
class KnowsStmt:
    span: Span
    expr: Expr
    source: Ident | None


@dataclass(eq=False, slots=True)
class KvmDecl:
    span: Span
    name: Ident
    knows: tuple[KnowsStmt, ...]
    data: DataSource | None = None


@dataclass(eq=False, slots=True)
class HostCpuidStmt:
    span: Span
    expr: Expr
    source: Ident | None


@dataclass(eq=False, slots=True)
class HostDecl:
    span: Span
    name: Ident
    cpuid: tuple[HostCpuidStmt, ...]
    data: DataSource | None = None


# ------------------------------------------------------------------ designs

@dataclass(eq=False, slots=True)
class Param:
    span: Span
    name: Ident
    type: Ident | None  # cpuid (default), xfam, attributes


@dataclass(eq=False, slots=True)
class LetStmt:
    span: Span
    name: Ident
    expr: Expr


@dataclass(eq=False, slots=True)
class RequiresStmt:
    span: Span
    condition: Expr
    error: Ident | None
    source: Ident | None


@dataclass(eq=False, slots=True)
class ReturnsStmt:
    span: Span
    expr: Expr
    source: Ident | None


@dataclass(eq=False, slots=True)
class SetsStmt:
    span: Span
    target: Name
    expr: Expr
    source: Ident | None


IoctlStmt = Union[LetStmt, RequiresStmt, ReturnsStmt, SetsStmt]


@dataclass(eq=False, slots=True)
class IoctlDecl:
    span: Span
    name: Ident
    params: tuple[Param, ...]
    scope: str | None  # "vm" or "vcpu"
    states: tuple[Ident, ...]
    transition: Ident | None
    body: tuple[IoctlStmt, ...]


@dataclass(eq=False, slots=True)
class CallStep:
    span: Span
    result: Ident | None
    ioctl: Ident
    args: tuple[Expr, ...]


@dataclass(eq=False, slots=True)
class AssumeStep:
    span: Span
    condition: Expr


@dataclass(eq=False, slots=True)
class ViewStep:
    span: Span
    expr: Expr


ProtocolStep = Union[CallStep, AssumeStep, ViewStep]


@dataclass(eq=False, slots=True)
class ProtocolDecl:
    span: Span
    steps: tuple[ProtocolStep, ...]


@dataclass(eq=False, slots=True)
class DesignSource:
    span: Span
    source: Ident


DesignStmt = Union[LetStmt, IoctlDecl, ProtocolDecl, DesignSource]


@dataclass(eq=False, slots=True)
class DesignDecl:
    span: Span
    name: Ident
    statements: tuple[DesignStmt, ...]


# ------------------------------------------------------------------ checks

@dataclass(eq=False, slots=True)
class CheckPart:
    """``design NAME``, ``module NAME``, ``kvm NAME``, ``host NAME``."""
    span: Span
    kind: str
    name: Ident


@dataclass(eq=False, slots=True)
class CheckFuture:
    span: Span
    enabled: bool


@dataclass(eq=False, slots=True)
class VerifyStmt:
    span: Span
    invariant: Ident
    expect: Ident | None


CheckStmt = Union[CheckPart, CheckFuture, AssumeStmt, VerifyStmt]


@dataclass(eq=False, slots=True)
class CheckDecl:
    span: Span
    name: Ident
    statements: tuple[CheckStmt, ...]


Decl = Union[
    ImportDecl, SourceDecl, LeafDecl, FeatureDecl, FieldDecl, SetDecl, GuaranteeDecl,
    InvariantDecl, ModuleDecl, KvmDecl, HostDecl, DesignDecl, CheckDecl,
]


@dataclass(eq=False, slots=True)
class SpecFile:
    path: str
    declarations: tuple[Decl, ...]
