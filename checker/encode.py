"""The encoder: the model's semantics as Z3 bit-vector terms (QF_BV).

Stage 5 of the pipeline (model -> encode -> solve). ``Z3Algebra`` implements
checker.model.Algebra on Z3 terms. Two things make it fast and let the solver
split a check into independent parts:

* constants stay Python integers until they meet a variable, so a concrete
  module release adds no solver work for the bits it fixes;
* every term carries its *support* (the variables it mentions) and every
  condition is kept as a list of conjuncts, each with its support. checker.solve
  groups conjuncts that share variables into independent components.

Only bit-vectors and Booleans are used, so every obligation prints as SMT-LIB 2
in the QF_BV logic and any bit-vector solver can re-check it.
"""

from __future__ import annotations

import ctypes
from typing import Any, Sequence

import z3
from z3 import z3core

EMPTY: frozenset[str] = frozenset()


class Term:
    """A bit-vector: a constant (value) or a Z3 term with the variables it mentions.

    A term is kept as the raw Z3_ast, which the model's context keeps as long as it lives
    (Context; the model keeps almost every term it makes anyway). z3.py's wrappers count a
    reference up on creation and down on deletion, through two checked C calls each, which
    was a fifth of building a check's model."""

    __slots__ = ("value", "width", "ast", "support", "alg")

    def __init__(self, alg: "Z3Algebra", width: int, value: int | None = None, ast: Any = None,
                 support: frozenset[str] = EMPTY):
        self.alg = alg
        self.width = width
        self.value = value
        self.ast = ast
        self.support = support

    def raw(self) -> Any:
        """The Z3_ast (a constant's from the algebra's cache of values)."""
        if self.ast is None:
            assert self.value is not None
            return self.alg.raw_value(self.value, self.width)
        return self.ast

    @property
    def term(self) -> z3.BitVecRef:
        return HeldBitVec(self.raw(), self.alg.ctx)

    def __repr__(self) -> str:
        return f"Term({self.value if self.value is not None else self.term})"


def _raw(name: str) -> Any:
    """The C function behind a z3core wrapper (z3-solver is pinned): the wrappers check
    the context's error code after every call, which costs more than making the term.
    The terms made here are well sorted by construction. Falls back to the checked wrapper.

    A function whose parameters are all z3 objects (pointers) or unsigned ints is called
    without declared parameter types: z3.py declares its pointer types with a from_param
    written in Python, so ctypes ran a Python function per argument of every call (1.7
    million over the shipped checks), and undeclared, a pointer object passes its value
    and an int passes as a C int, as they would anyway. The result type stays declared."""
    wrapper = getattr(z3core, name)
    elems = (wrapper.__defaults__ or (None,))[-1]
    f = getattr(elems, "f", None)
    if f is None:
        return wrapper
    if not all(isinstance(t, type) and (issubclass(t, ctypes.c_void_p) or t is ctypes.c_uint)
               for t in f.argtypes or ()):
        return f
    bare = type(f)(ctypes.cast(f, ctypes.c_void_p).value)  # the same C function, parameters undeclared
    bare.restype = f.restype
    return bare


class _Lib:
    """z3's C functions without the error check, looked up on first use."""

    def __getattr__(self, name: str) -> Any:
        fn = _raw(name)
        setattr(self, name, fn)
        return fn


lib = _Lib()

# Terms are made through z3's C API: the operator overloads of z3.py check and coerce
# both operands' sorts on every call, which was most of a check's model building.
# Every operand passed to a C call is held (a Term's ast, kept by its context, or a
# wrapper) until the call returns: a pointer whose last reference is gone may be reclaimed.
_mk_bvor, _mk_bvand, _mk_bvxor, _mk_bvnot = lib.Z3_mk_bvor, lib.Z3_mk_bvand, lib.Z3_mk_bvxor, lib.Z3_mk_bvnot
_mk_eq, _mk_not, _mk_ite, _mk_extract = lib.Z3_mk_eq, lib.Z3_mk_not, lib.Z3_mk_ite, lib.Z3_mk_extract
_inc_ref = lib.Z3_inc_ref
_mk_const, _mk_string_symbol = lib.Z3_mk_const, lib.Z3_mk_string_symbol
_get_sort, _mk_unsigned_int64, _mk_bool_sort = lib.Z3_get_sort, lib.Z3_mk_unsigned_int64, lib.Z3_mk_bool_sort


class Context(z3.Context):
    """A z3 context that keeps every term made in it for as long as it lives.

    It is made with Z3_mk_context, not z3.py's Z3_mk_context_rc: in such a context z3 puts
    every term an API call makes on a trail of the context, so the raw terms made here
    through the C API (Term, bit_set_raw, all_zero, checker.positions) need no holding, and
    the trail lets go of them all, in C, when the context is deleted. They used to be
    pushed one by one onto a vector of the context (200,000 C calls over the shipped
    checks); counted up with Z3_inc_ref instead they were never counted down, and z3
    deletes a context that still holds counted terms in one pass over all its terms per
    level of nesting. z3.py's wrappers count references as usual, on top of the trail.

    A term read out of a vector (a translation's) is not made by the call that returns it:
    whoever reads it keeps the vector (checker.solve.Component.read)."""

    def __init__(self, rlimit: int | None = None) -> None:
        # z3.Context.__init__, but for the kind of context (and no other parameter)
        conf = z3core.Z3_mk_config()
        if rlimit is not None:  # a solver made here takes it as its default (checker.solve.solving_context)
            z3core.Z3_set_param_value(conf, "RLIMIT", str(rlimit))
        self.ctx = z3core.Z3_mk_context(conf)
        self.owner = True
        self.eh = z3core.Z3_set_error_handler(self.ctx, z3.z3.z3_error_handler)
        z3core.Z3_set_ast_print_mode(self.ctx, z3.Z3_PRINT_SMTLIB2_COMPLIANT)
        z3core.Z3_del_config(conf)
        self.rlimit = rlimit


class _Held:
    """A z3.py wrapper that counts no reference: its term is kept by its Context (made there),
    or by a vector it was read from that lives as long. z3.py's wrappers count a reference
    up when made and down when freed, through checked C calls, and a model makes tens of
    thousands of terms it keeps anyway."""

    def __init__(self, ast: Any, ctx: Context):
        self.ast = ast
        self.ctx = ctx

    def __del__(self) -> None:
        pass  # the context lets go of it


class HeldBool(_Held, z3.BoolRef):
    """A Boolean kept by its context (see _Held)."""


class HeldBitVec(_Held, z3.BitVecRef):
    """A bit-vector kept by its context (see _Held)."""


def hold(ctx: z3.Context, ast: Any) -> Any:
    """Keep a term just made as long as its context (see Context); returns it."""
    if not isinstance(ctx, Context):  # a context made elsewhere: counted once, never released
        _inc_ref(ctx.ref(), ast)
    return ast


def as_bool(ast: Any, ctx: z3.Context) -> z3.BoolRef:
    """A Boolean term just made, wrapped: counting nothing in a Context (see _Held)."""
    return HeldBool(ast, ctx) if isinstance(ctx, Context) else z3.BoolRef(ast, ctx)


def as_bv(ast: Any, ctx: z3.Context) -> z3.BitVecRef:
    """A bit-vector term just made, wrapped: counting nothing in a Context (see _Held)."""
    return HeldBitVec(ast, ctx) if isinstance(ctx, Context) else z3.BitVecRef(ast, ctx)


def bool_const(name: str, ctx: z3.Context) -> z3.BoolRef:
    """z3.Bool(name, ctx) through the C API: z3.Bool wraps the sort and the constant, and
    each wrapper counts a reference up and down through checked calls."""
    if not isinstance(ctx, Context):
        return z3.Bool(name, ctx)
    ref = ctx.ref()
    return HeldBool(_mk_const(ref, _mk_string_symbol(ref, name.encode()), _mk_bool_sort(ref)), ctx)


def nary(make: Any, terms: list[z3.BoolRef], ctx: z3.Context) -> z3.BoolRef:
    """z3.And/z3.Or over Booleans we built, through the C API (make: Z3_mk_and or Z3_mk_or):
    the Python wrappers re-check and coerce every operand, which on long conjunctions cost
    more than building them."""
    n = len(terms)
    return as_bool(make(ctx.ref(), n, (z3.Ast * n)(*[t.as_ast() for t in terms])), ctx)


def bit_set_raw(term: z3.BitVecRef, positions: Sequence[int], one: z3.BitVecRef) -> list[Any]:
    """bit_set for each position, as raw Z3_asts held as long as the term's context, like a
    Term's (see Context). A counterexample's minimisation makes one per counted bit of a
    component, and z3.py's wrapper for each was a tenth of it."""
    ctx = term.ctx
    ref, t, o = ctx.ref(), term.as_ast(), one.as_ast()
    out = []
    for i in positions:
        picked = hold(ctx, _mk_extract(ref, i, i, t))  # held while the next call makes the flag from it
        out.append(hold(ctx, _mk_eq(ref, picked, o)))
    return out


def _zero_tests(parts: Sequence[tuple[z3.BitVecRef, int | None]], ctx: z3.Context, negated: bool = False
                ) -> list[Any]:
    """(x & mask) == 0 for each part (x == 0 where mask is None), or its negation, as raw
    Z3_asts made through the C API like bit_set_raw (each term made is held as long as the
    context). Each negation is made right after its equation: z3 numbers terms in the
    order they are made, and the order changes which of several minimal counterexamples
    it finds."""
    ref = ctx.ref()
    tests = []
    for x, mask in parts:
        t = x.as_ast()
        sort = _get_sort(ref, t)
        if mask is not None:
            m = hold(ctx, _mk_unsigned_int64(ref, mask, sort))
            t = hold(ctx, _mk_bvand(ref, t, m))
        zero = hold(ctx, _mk_unsigned_int64(ref, 0, sort))
        test = hold(ctx, _mk_eq(ref, t, zero))
        tests.append(hold(ctx, _mk_not(ref, test)) if negated else test)
    return tests


def all_zero(parts: Sequence[tuple[z3.BitVecRef, int | None]], ctx: z3.Context) -> z3.BoolRef:
    """The conjunction of (x & mask) == 0 over the parts (x == 0 where mask is None)."""
    conjuncts = _zero_tests(parts, ctx)
    if not conjuncts:
        return z3.BoolVal(True, ctx)
    n = len(conjuncts)
    return as_bool(lib.Z3_mk_and(ctx.ref(), n, (z3.Ast * n)(*conjuncts)), ctx)


def any_nonzero(parts: Sequence[tuple[z3.BitVecRef, int | None]], ctx: z3.Context) -> z3.BoolRef:
    """The disjunction of (x & mask) != 0 over the parts (x != 0 where mask is None); one
    part gives its own disequation."""
    disjuncts = _zero_tests(parts, ctx, negated=True)
    n = len(disjuncts)
    return as_bool(disjuncts[0] if n == 1 else lib.Z3_mk_or(ctx.ref(), n, (z3.Ast * n)(*disjuncts)), ctx)


def bit_set(term: z3.BitVecRef, i: int, one: z3.BitVecRef) -> z3.BoolRef:
    """Bit i of term is 1 (one: the 1-bit value 1 in term's context)."""
    (flag,) = bit_set_raw(term, (i,), one)
    return as_bool(flag, term.ctx)


class Cond:
    """A condition kept as a conjunction of atoms (z3 Booleans with their support)."""

    __slots__ = ("atoms", "false")

    def __init__(self, atoms: list[tuple[z3.BoolRef, frozenset[str]]], false: bool = False):
        self.atoms = atoms
        self.false = false

    def term(self, ctx: z3.Context) -> z3.BoolRef:
        if self.false:
            return z3.BoolVal(False, ctx)
        if not self.atoms:
            return z3.BoolVal(True, ctx)
        return self.atoms[0][0] if len(self.atoms) == 1 else nary(z3.Z3_mk_and, [a for a, _ in self.atoms], ctx)

    @property
    def is_true(self) -> bool:
        return not self.false and not self.atoms

    @property
    def support(self) -> frozenset[str]:
        out: frozenset[str] = EMPTY
        for _, s in self.atoms:
            out |= s
        return out


class Z3Algebra:
    def __init__(self) -> None:
        self.ctx = Context()
        self.ref = self.ctx.ref()
        self.vars: dict[str, z3.BitVecRef] = {}
        self._var_parts: dict[str, tuple[Any, frozenset[str]]] = {}  # variable name -> (raw term, support)
        self._raw_values: dict[tuple[int, int], Any] = {}
        self._sorts: dict[int, z3.BitVecSortRef] = {}
        self._true = Cond([])
        self._false = Cond([], false=True)
        # a model complements and tests for zero the same terms over and over (every
        # comparison of two sets does both per register): each is made once, by the term's
        # address (a term lives as long as the context: see Term)
        self._complements: dict[int, Any] = {}  # the raw term: a Term refers to its algebra (no cycle)
        self._zero_tests: dict[int, Cond] = {}

    def bv_value(self, value: int, width: int) -> z3.BitVecRef:
        """A constant as a z3.py bit-vector (see raw_value)."""
        return HeldBitVec(self.raw_value(value, width), self.ctx)

    def raw_value(self, value: int, width: int) -> Any:
        """A constant as a raw Z3_ast, made once per value and width and held as long as the
        context (z3.BitVecVal checks and coerces every one)."""
        key = (value, width)
        got = self._raw_values.get(key)
        if got is None:
            sort = self._sort(width).ast
            made = _mk_unsigned_int64(self.ref, value, sort) if width <= 64 else \
                lib.Z3_mk_numeral(self.ref, str(value).encode(), sort)
            got = self._raw_values[key] = made
        return got

    def _sort(self, width: int) -> z3.BitVecSortRef:
        sort = self._sorts.get(width)
        if sort is None:
            sort = self._sorts[width] = z3.BitVecSort(width, self.ctx)
        return sort

    # -- bit-vectors
    # Terms are made positionally (value, ast, support) and operands read directly: these
    # few methods make a model's hundreds of thousands of terms.
    def const(self, value: int, width: int) -> Term:
        return Term(self, width, value & ((1 << width) - 1))

    def var(self, name: str, width: int) -> Term:
        got = self._var_parts.get(name)
        if got is None:
            # z3.BitVec(name, width, ctx) through the C API, with the sort made once per width
            # (a large check has tens of thousands of variables); its support made once too
            symbol = _mk_string_symbol(self.ref, name.encode())
            v = self.vars[name] = HeldBitVec(_mk_const(self.ref, symbol, self._sort(width).ast), self.ctx)
            got = self._var_parts[name] = (v.as_ast(), frozenset((name,)))
        # a new Term each time: one kept here would refer back to the algebra (a cycle)
        return Term(self, width, None, got[0], got[1])

    def _op(self, make: Any, a: Term, b: Term) -> Term:
        x = a.ast if a.ast is not None else a.raw()
        y = b.ast if b.ast is not None else b.raw()
        return Term(self, a.width, None, make(self.ref, x, y), a.support | b.support)

    def _not(self, a: Term) -> Term:
        raw = a.raw()
        key = raw.value
        got = self._complements.get(key)
        if got is not None:
            return Term(self, a.width, None, got, a.support)
        made = Term(self, a.width, None, _mk_bvnot(self.ref, raw), a.support)
        self._complements[key] = made.ast
        return made

    def _bool(self, ast: Any) -> z3.BoolRef:
        return HeldBool(ast, self.ctx)

    def bor(self, a: Term, b: Term) -> Term:
        va, vb = a.value, b.value
        if va is not None and vb is not None:
            return Term(self, a.width, va | vb)
        full = (1 << a.width) - 1
        if va == 0 or vb == full:
            return b
        if vb == 0 or va == full:
            return a
        return self._op(_mk_bvor, a, b)

    def band(self, a: Term, b: Term) -> Term:
        va, vb = a.value, b.value
        if va is not None and vb is not None:
            return Term(self, a.width, va & vb)
        full = (1 << a.width) - 1
        if va == 0 or vb == 0:
            return Term(self, a.width, 0)
        if va == full:
            return b
        if vb == full:
            return a
        return self._op(_mk_bvand, a, b)

    def bxor(self, a: Term, b: Term) -> Term:
        va, vb = a.value, b.value
        if va is not None and vb is not None:
            return Term(self, a.width, va ^ vb)
        if va == 0:
            return b
        if vb == 0:
            return a
        full = (1 << a.width) - 1
        if vb == full:
            return self._not(a)
        if va == full:
            return self._not(b)
        return self._op(_mk_bvxor, a, b)

    def ite(self, c: Cond, a: Term, b: Term) -> Term:
        if c.is_true:
            return a
        if c.false:
            return b
        if a.value is not None and a.value == b.value:
            return a
        cond = c.term(self.ctx)
        return Term(self, a.width, None, _mk_ite(self.ref, cond.as_ast(), a.raw(), b.raw()),
                    c.support | a.support | b.support)

    # -- conditions
    def _atom(self, term: z3.BoolRef, support: frozenset[str]) -> Cond:
        return Cond([(term, support)])

    def eq(self, a: Term, b: Term) -> Cond:
        if a.value is not None and b.value is not None:
            return self._true if a.value == b.value else self._false
        return self._atom(self._bool(_mk_eq(self.ref, a.raw(), b.raw())), a.support | b.support)

    def is_zero(self, a: Term) -> Cond:
        if a.value is not None:
            return self._true if a.value == 0 else self._false
        key = a.raw().value
        got = self._zero_tests.get(key)
        if got is None:
            zero = self.raw_value(0, a.width)
            got = self._zero_tests[key] = self._atom(self._bool(_mk_eq(self.ref, a.raw(), zero)), a.support)
        return got

    def bit(self, a: Term, i: int) -> Cond:
        if a.value is not None:
            return self._true if a.value >> i & 1 else self._false
        return self._atom(bit_set(a.term, i, self.bv_value(1, 1)), a.support)

    def in_range(self, a: Term, lo: int, hi: int) -> Cond:
        if a.value is not None:
            return self._true if lo <= a.value <= hi else self._false
        return self._atom(z3.And(z3.UGE(a.term, lo), z3.ULE(a.term, hi)), a.support)

    def and_(self, bs: Sequence[Cond]) -> Cond:
        atoms: list[tuple[z3.BoolRef, frozenset[str]]] = []
        for b in bs:
            if b.false:
                return self._false
            atoms.extend(b.atoms)
        return Cond(atoms) if atoms else self._true

    def or_(self, bs: Sequence[Cond]) -> Cond:
        live = []
        for b in bs:
            if b.is_true:
                return self._true
            if not b.false:
                live.append(b)
        if not live:
            return self._false
        if len(live) == 1:
            return live[0]
        support: frozenset[str] = EMPTY
        for b in live:
            support |= b.support
        return self._atom(nary(z3.Z3_mk_or, [b.term(self.ctx) for b in live], self.ctx), support)

    def not_(self, b: Cond) -> Cond:
        if b.is_true:
            return self._false
        if b.false:
            return self._true
        x = b.term(self.ctx)
        return self._atom(self._bool(_mk_not(self.ref, x.as_ast())), b.support)

    def true(self) -> Cond:
        return self._true

    def false(self) -> Cond:
        return self._false
