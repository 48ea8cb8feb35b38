"""Building the AST from the parser's reductions: one method per grammar rule.

Part of stage 1 (checker.parse). Imports checker.ast and checker.diagnostics
only, not lark: checker.parse drives these methods from its own LALR tables
for every file that parses, and checker.syntax wraps them in a lark
Transformer for the files it re-parses with lark to explain a syntax error.
Tokens are lark Tokens or checker.parse's equivalent: a str with type, line,
column, end_line and end_column.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from checker import ast
from checker.diagnostics import Span

MAX_NUMBER_DIGITS = 70
Token = Any  # a lark Token or checker.parse.Tok: str with position attributes


class BadNumber(Exception):
    def __init__(self, token: Token):
        self.token = token


def _int(tok: Token) -> int:
    text = str(tok).replace("_", "")
    if len(text) > MAX_NUMBER_DIGITS:
        raise BadNumber(tok)
    try:
        # int(x, 0) refuses a decimal with a leading zero ("010"): the spec language reads it as decimal
        leading_zero = len(text) > 1 and text[0] == "0" and text.isascii() and text[1:].isdigit()
        value = int(text, 10) if leading_zero else int(text, 0)
    except ValueError:
        raise BadNumber(tok) from None
    if value >= 1 << 64:
        raise BadNumber(tok)
    return value


class AstBuilder:
    """One method per grammar rule, method(meta, children); each builds the AST node of
    the same name. `meta` has the rule's position (line, column, end_line,
    end_column, or empty) and `children` are what lark's tree builder keeps of the
    rule's symbols: tokens, the children's results, None for an absent [optional]."""

    def __init__(self, filename: str):
        self.file = filename

    def _span(self, meta: Any) -> Span:
        if getattr(meta, "empty", True):
            return Span(self.file, 0, 0)
        return Span(self.file, meta.line, meta.column, meta.end_line, meta.end_column)

    def _tspan(self, tok: Token) -> Span:
        return Span(self.file, tok.line or 0, tok.column or 0, tok.end_line or 0, tok.end_column or 0)

    def _ident(self, tok: Token | None) -> ast.Ident | None:
        return None if tok is None else ast.Ident(str(tok), self._tspan(tok))

    @staticmethod
    def _string(tok: Token) -> str:
        body = str(tok)[1:-1]
        return re.sub(r"\\(.)", r"\1", body)

    # -- keywords kept as tokens (the grammar's "!rule"s): their text
    def _keyword(self, meta: Any, c: list[Any]) -> str:
        return str(c[0])

    source_key = symbolic = word = fixed_key = scope = future_mode = _keyword

    # -- files and catalog
    def start(self, meta: Any, items: list[Any]) -> list[Any]:
        return items

    def import_decl(self, meta: Any, c: list[Any]) -> ast.ImportDecl:
        return ast.ImportDecl(self._span(meta), self._string(c[0]))

    def source_attr(self, meta: Any, c: list[Any]) -> tuple[str, str]:
        return (str(c[0]), self._string(c[1]))

    def source_decl(self, meta: Any, c: list[Any]) -> ast.SourceDecl:
        return ast.SourceDecl(self._span(meta), self._ident(c[0]), tuple(c[1:]))

    def leaf_decl(self, meta: Any, c: list[Any]) -> ast.LeafDecl:
        leaf, subleaf, desc, src = c
        return ast.LeafDecl(self._span(meta), _int(leaf), None if subleaf is None else _int(subleaf),
                            None if desc is None else self._string(desc), self._ident(src))

    def feature_decl(self, meta: Any, c: list[Any]) -> ast.FeatureDecl:
        return ast.FeatureDecl(self._span(meta), self._ident(c[0]), c[1], self._ident(c[2]))

    def field_decl(self, meta: Any, c: list[Any]) -> ast.FieldDecl:
        return ast.FieldDecl(self._span(meta), self._ident(c[0]), c[1], self._ident(c[2]))

    def set_decl(self, meta: Any, c: list[Any]) -> ast.SetDecl:
        return ast.SetDecl(self._span(meta), self._ident(c[0]), c[1], self._ident(c[2]))

    def data_set_decl(self, meta: Any, c: list[Any]) -> ast.SetDecl:
        # the value is filled in from the file by checker.importers
        return ast.SetDecl(self._span(meta), self._ident(c[0]), ast.SetLiteral(c[1].span, ()), None, c[1])

    def data_source(self, meta: Any, c: list[Any]) -> ast.DataSource:
        return ast.DataSource(self._span(meta), self._ident(c[0]), self._string(c[1]))

    @staticmethod
    def _body(c: list[Any]) -> tuple[ast.DataSource | None, tuple[Any, ...]]:
        """A party's optional `from FORMAT "PATH"` and its statements."""
        data = next((x for x in c if isinstance(x, ast.DataSource)), None)
        return data, tuple(x for x in c if x is not None and not isinstance(x, ast.DataSource))

    def guarantee_decl(self, meta: Any, c: list[Any]) -> ast.GuaranteeDecl:
        return ast.GuaranteeDecl(self._span(meta), self._ident(c[0]), c[1], self._ident(c[2]))

    def invariant_decl(self, meta: Any, c: list[Any]) -> ast.InvariantDecl:
        return ast.InvariantDecl(self._span(meta), self._ident(c[0]), c[1], self._ident(c[2]))

    # -- parties
    def module_decl(self, meta: Any, c: list[Any]) -> ast.ModuleDecl:
        data, statements = self._body(c[2:])
        return ast.ModuleDecl(self._span(meta), self._ident(c[0]), c[1] is not None, statements, data)

    def version_stmt(self, meta: Any, c: list[Any]) -> ast.VersionStmt:
        return ast.VersionStmt(self._span(meta), self._string(c[0]))

    def assume_stmt(self, meta: Any, c: list[Any]) -> ast.AssumeStmt:
        return ast.AssumeStmt(self._span(meta), c[0])

    check_assume = assume_stmt

    def name_list(self, meta: Any, c: list[Any]) -> tuple[ast.Ident, ...]:
        return tuple(self._ident(t) for t in c)

    def int_list(self, meta: Any, c: list[Any]) -> tuple[int, ...]:
        return tuple(_int(t) for t in c)

    def class_stmt(self, meta: Any, c: list[Any]) -> ast.ClassStmt:
        name, bits, verified, gate, src = c
        return ast.ClassStmt(self._span(meta), self._ident(name), bits, verified, gate, self._ident(src))

    def verified(self, meta: Any, c: list[Any]) -> int:
        return _int(c[0])

    def gate(self, meta: Any, c: list[Any]) -> ast.Gate:
        return ast.Gate(self._span(meta), str(c[0]), c[1])

    def reports_stmt(self, meta: Any, c: list[Any]) -> ast.ReportsStmt:
        return ast.ReportsStmt(self._span(meta), c[0], self._ident(c[1]))

    def module_fixed_stmt(self, meta: Any, c: list[Any]) -> ast.ModuleFixedStmt:
        return ast.ModuleFixedStmt(self._span(meta), str(c[0]), c[1], self._ident(c[2]))

    def kvm_decl(self, meta: Any, c: list[Any]) -> ast.KvmDecl:
        data, statements = self._body(c[1:])
        return ast.KvmDecl(self._span(meta), self._ident(c[0]), statements, data)

    def knows_stmt(self, meta: Any, c: list[Any]) -> ast.KnowsStmt:
        return ast.KnowsStmt(self._span(meta), c[0], self._ident(c[1]))

    def host_decl(self, meta: Any, c: list[Any]) -> ast.HostDecl:
        data, statements = self._body(c[1:])
        return ast.HostDecl(self._span(meta), self._ident(c[0]), statements, data)

    def host_cpuid_stmt(self, meta: Any, c: list[Any]) -> ast.HostCpuidStmt:
        return ast.HostCpuidStmt(self._span(meta), c[0], self._ident(c[1]))

    # -- designs
    def design_decl(self, meta: Any, c: list[Any]) -> ast.DesignDecl:
        return ast.DesignDecl(self._span(meta), self._ident(c[0]), tuple(c[1:]))

    def design_source(self, meta: Any, c: list[Any]) -> ast.DesignSource:
        return ast.DesignSource(self._span(meta), self._ident(c[0]))

    def ioctl_decl(self, meta: Any, c: list[Any]) -> ast.IoctlDecl:
        name = c[0]
        params: list[ast.Param] = []
        # no parameters: one None placeholder, which must not swallow the None of an absent scope
        i = 2 if c[1] is None else 1
        while i < len(c) and isinstance(c[i], ast.Param):
            params.append(c[i])
            i += 1
        scope, states, transition = c[i], c[i + 1], c[i + 2]
        body = tuple(c[i + 3:])
        return ast.IoctlDecl(self._span(meta), self._ident(name), tuple(params),
                             None if scope is None else str(scope), states, transition, body)

    def param(self, meta: Any, c: list[Any]) -> ast.Param:
        return ast.Param(self._span(meta), self._ident(c[0]), self._ident(c[1]))

    def transition(self, meta: Any, c: list[Any]) -> ast.Ident:
        return self._ident(c[0])

    def let_stmt(self, meta: Any, c: list[Any]) -> ast.LetStmt:
        return ast.LetStmt(self._span(meta), self._ident(c[0]), c[1])

    def requires_stmt(self, meta: Any, c: list[Any]) -> ast.RequiresStmt:
        return ast.RequiresStmt(self._span(meta), c[0], self._ident(c[1]), self._ident(c[2]))

    def returns_stmt(self, meta: Any, c: list[Any]) -> ast.ReturnsStmt:
        return ast.ReturnsStmt(self._span(meta), c[0], self._ident(c[1]))

    def sets_stmt(self, meta: Any, c: list[Any]) -> ast.SetsStmt:
        return ast.SetsStmt(self._span(meta), c[0], c[1], self._ident(c[2]))

    def protocol_decl(self, meta: Any, c: list[Any]) -> ast.ProtocolDecl:
        return ast.ProtocolDecl(self._span(meta), tuple(c))

    def call(self, meta: Any, c: list[Any]) -> ast.CallStep:
        return ast.CallStep(self._span(meta), None, self._ident(c[0]), tuple(a for a in c[1:] if a is not None))

    def call_stmt(self, meta: Any, c: list[Any]) -> ast.CallStep:
        return c[0]

    def let_call_stmt(self, meta: Any, c: list[Any]) -> ast.CallStep:
        call: ast.CallStep = c[1]
        return ast.CallStep(self._span(meta), self._ident(c[0]), call.ioctl, call.args)

    def assume_cond_stmt(self, meta: Any, c: list[Any]) -> ast.AssumeStep:
        return ast.AssumeStep(self._span(meta), c[0])

    def view_stmt(self, meta: Any, c: list[Any]) -> ast.ViewStep:
        return ast.ViewStep(self._span(meta), c[0])

    # -- checks
    def check_decl(self, meta: Any, c: list[Any]) -> ast.CheckDecl:
        return ast.CheckDecl(self._span(meta), self._ident(c[0]), tuple(c[1:]))

    def _check_part(kind: str) -> Callable[..., ast.CheckPart]:  # type: ignore[misc]
        def build(self: "AstBuilder", meta: Any, c: list[Any]) -> ast.CheckPart:
            return ast.CheckPart(self._span(meta), kind, self._ident(c[0]))
        return build

    check_design = _check_part("design")
    check_module = _check_part("module")
    check_kvm = _check_part("kvm")
    check_host = _check_part("host")

    def check_future(self, meta: Any, c: list[Any]) -> ast.CheckFuture:
        return ast.CheckFuture(self._span(meta), str(c[0]) == "with")

    def verify_stmt(self, meta: Any, c: list[Any]) -> ast.VerifyStmt:
        return ast.VerifyStmt(self._span(meta), self._ident(c[0]), self._ident(c[1]))

    # -- expressions
    def top_expr(self, meta: Any, c: list[Any]) -> ast.Expr:
        if len(c) == 1:
            return c[0]
        return ast.LeafRestriction(self._span(meta), c[0], tuple(c[1:]))

    def leaf_range(self, meta: Any, c: list[Any]) -> tuple[int, int]:
        lo = _int(c[0])
        hi = lo if c[1] is None else _int(c[1])
        return (lo, hi)

    def implication(self, meta: Any, c: list[Any]) -> ast.Implication:
        return ast.Implication(self._span(meta), c[0], c[1])

    def disjunction(self, meta: Any, c: list[Any]) -> ast.Disjunction:
        return ast.Disjunction(self._span(meta), tuple(c))

    def conjunction(self, meta: Any, c: list[Any]) -> ast.Conjunction:
        return ast.Conjunction(self._span(meta), tuple(c))

    def not_op(self, meta: Any, c: list[Any]) -> ast.Not:
        return ast.Not(self._span(meta), c[0])

    def comparison(self, meta: Any, c: list[Any]) -> ast.Comparison:
        return ast.Comparison(self._span(meta), str(c[1]), c[0], c[2])

    def membership(self, meta: Any, c: list[Any]) -> ast.Membership:
        return ast.Membership(self._span(meta), c[0], c[1])

    def set_chain(self, meta: Any, c: list[Any]) -> ast.SetChain:
        rest = tuple((str(c[i]), c[i + 1]) for i in range(1, len(c), 2))
        return ast.SetChain(self._span(meta), c[0], rest)

    def intersection(self, meta: Any, c: list[Any]) -> ast.Intersection:
        return ast.Intersection(self._span(meta), tuple(c))

    def complement(self, meta: Any, c: list[Any]) -> ast.Complement:
        return ast.Complement(self._span(meta), c[0])

    def number(self, meta: Any, c: list[Any]) -> ast.Number:
        return ast.Number(self._span(meta), _int(c[0]))

    def true_lit(self, meta: Any, c: list[Any]) -> ast.BoolLiteral:
        return ast.BoolLiteral(self._span(meta), True)

    def false_lit(self, meta: Any, c: list[Any]) -> ast.BoolLiteral:
        return ast.BoolLiteral(self._span(meta), False)

    def set_literal(self, meta: Any, c: list[Any]) -> ast.SetLiteral:
        return ast.SetLiteral(self._span(meta), tuple(x for x in c if x is not None))

    def func_call(self, meta: Any, c: list[Any]) -> ast.FunctionCall:
        return ast.FunctionCall(self._span(meta), self._ident(c[0]), tuple(x for x in c[1:] if x is not None))

    def dotted(self, meta: Any, c: list[Any]) -> ast.Name:
        return ast.Name(self._span(meta), tuple(self._ident(t) for t in c))

    def bit_range(self, meta: Any, c: list[Any]) -> tuple[int, int]:
        hi = _int(c[0])
        lo = hi if c[1] is None else _int(c[1])
        return (hi, lo)

    def register_position(self, meta: Any, c: list[Any]) -> ast.RegisterPosition:
        if len(c) == 3:
            leaf, subleaf, reg, rng = c[0], None, c[1], c[2]
        else:
            leaf, subleaf, reg, rng = c
        hi, lo = rng if rng is not None else (None, None)
        return ast.RegisterPosition(self._span(meta), _int(leaf), None if subleaf is None else _int(subleaf),
                                    self._ident(reg), hi, lo)

    def leaf_position(self, meta: Any, c: list[Any]) -> ast.LeafPosition:
        return ast.LeafPosition(self._span(meta), _int(c[0]), None if len(c) < 2 else _int(c[1]))

    def sdm_position(self, meta: Any, c: list[Any]) -> ast.RegisterPosition:
        # CPUID.(EAX=7,ECX=0):EBX[7] -- the Intel SDM notation
        eax_name, leaf, ecx_name, subleaf, reg, rng = c
        hi, lo = rng if rng is not None else (None, None)
        for tok, want in ((eax_name, "EAX"), (ecx_name, "ECX")):
            if tok is not None and str(tok).upper() != want:
                raise BadSdm(tok, want)
        return ast.RegisterPosition(self._span(meta), _int(leaf), None if subleaf is None else _int(subleaf),
                                    self._ident(reg), hi, lo)

    def future_register_position(self, meta: Any, c: list[Any]) -> ast.FuturePosition:
        hi, lo = c[1] if c[1] is not None else (None, None)
        return ast.FuturePosition(self._span(meta), self._ident(c[0]), hi, lo)

    def future_leaf_position(self, meta: Any, c: list[Any]) -> ast.FuturePosition:
        return ast.FuturePosition(self._span(meta), None, None, None)

    def wide_position(self, meta: Any, c: list[Any]) -> ast.WidePosition:
        hi, lo = c[1]
        return ast.WidePosition(self._span(meta), str(c[0]), hi, lo)


class BadSdm(Exception):
    def __init__(self, token: Token, want: str):
        self.token, self.want = token, want


def rule_methods() -> dict[str, Callable[..., Any]]:
    """Every rule's method by rule name (aliases included)."""
    return {name: f for name, f in vars(AstBuilder).items() if not name.startswith("_") and callable(f)}
