"""Alike bit positions of a register, solved as few (a helper of stage 6, checker.solve).

Every operation of the semantics is bitwise, except comparisons of whole registers
(every position agrees) and leaves() (some position is set), and neither cares *which*
position. So inside one register, positions at which every constant of the component
and every variable's "care" mask agree are interchangeable: swapping two of them in all
of the register's variables at once maps the constraints onto themselves.

Take a situation that satisfies a component's constraints and, in each class of alike
positions, keep a few *witness* positions as they are: one for each comparison whose
truth must not change (a comparison that must stay false needs a position where it
fails; one that holds keeps holding when positions are dropped), found by walking the
constraints with their polarity (``_Needs``). Give every other position of the class
the values of its cheapest one. Every constraint keeps its truth value, and no more bits
or leaves are off their quiet values than before. So the component may be solved with
all but k positions of a class tied to one of them (k = witnesses + 1): the answers to
satisfiability questions are the same, and minimal counterexample sizes are the same
when a tied position counts as many times as the positions it stands for, which it does,
because the counted bits are read from the spread-out variables.

``spreads`` returns, per variable of a register that can be tied, the term that stands
for it: a Concat of Extracts of the variable itself, so the tied positions repeat one
bit. Substituting these into the component's assertions leaves z3 one bit per class
copy instead of one per position (its bit-blaster shares equal gates).
"""

from __future__ import annotations

import operator
from typing import Any, Iterable

import z3

from checker.bits import Reg
from checker.encode import lib as _lib  # z3's C functions without the error check

# Components smaller than this (in variable bits) are cheap to solve as they are.
MIN_BITS = 256


class _Unsupported(Exception):
    """A term this analysis does not know: the component is solved untied."""


_AND, _OR, _NOT, _IMPLIES, _ITE, _EQ, _IFF = (z3.Z3_OP_AND, z3.Z3_OP_OR, z3.Z3_OP_NOT, z3.Z3_OP_IMPLIES,
                                               z3.Z3_OP_ITE, z3.Z3_OP_EQ, z3.Z3_OP_IFF)
_TRUE, _FALSE, _UNINTERPRETED, _EXTRACT = z3.Z3_OP_TRUE, z3.Z3_OP_FALSE, z3.Z3_OP_UNINTERPRETED, z3.Z3_OP_EXTRACT
_BITWISE = {z3.Z3_OP_BAND, z3.Z3_OP_BOR, z3.Z3_OP_BNOT, z3.Z3_OP_BXOR}
_COMPARE = {z3.Z3_OP_ULEQ, z3.Z3_OP_UGEQ, z3.Z3_OP_ULT, z3.Z3_OP_UGT}

Needs = dict[Reg, int]  # witness positions needed, per register


def _merge(a: Needs, b: Needs, combine: Any) -> Needs:
    if not a:
        return b
    if not b:
        return a
    out = dict(a)
    for r, n in b.items():
        out[r] = combine(out.get(r, 0), n)
    return out


def _add(a: Needs, b: Needs) -> Needs:
    """Witnesses for both."""
    return _merge(a, b, operator.add)


def _max(a: Needs, b: Needs) -> Needs:
    """Witnesses for either (an upper bound for whichever is needed)."""
    return _merge(a, b, max)


class _Needs:
    """Walks Boolean terms (through z3's C API: no Python wrapper per node) and counts, per
    register, the witness positions that keep a term true (positive) or false (negative)."""

    def __init__(self, ctx: z3.Context, var_reg: dict[str, Reg]):
        self.ref = ctx.ref()
        self.var_reg = var_reg
        self.memo: dict[tuple[int, bool], Needs] = {}
        self.bv_memo: dict[int, tuple[frozenset[Reg], Needs, frozenset[int]]] = {}
        self.numerals: dict[Reg, set[int]] = {}  # the constants each register's terms use

    def _kind(self, a: Any) -> int:
        return _lib.Z3_get_decl_kind(self.ref, _lib.Z3_get_app_decl(self.ref, a))

    def _args(self, a: Any) -> list[Any]:
        n = _lib.Z3_get_app_num_args(self.ref, a)
        return [_lib.Z3_get_app_arg(self.ref, a, i) for i in range(n)]

    def _is_bool(self, a: Any) -> bool:
        return _lib.Z3_get_sort_kind(self.ref, _lib.Z3_get_sort(self.ref, a)) == z3.Z3_BOOL_SORT

    def _numeral(self, a: Any) -> int:
        return int(_lib.Z3_get_numeral_string(self.ref, a).decode())

    def exact(self, a: Any) -> Needs:
        """Witnesses that keep a term's value, whichever it is."""
        return _max(self.need(a, True), self.need(a, False))

    def need(self, a: Any, positive: bool) -> Needs:
        key = (_lib.Z3_get_ast_id(self.ref, a), positive)
        got = self.memo.get(key)
        if got is None:
            got = self.memo[key] = self._need(a, positive)
        return got

    def _need(self, a: Any, positive: bool) -> Needs:
        if _lib.Z3_get_ast_kind(self.ref, a) != z3.Z3_APP_AST:
            raise _Unsupported("quantifier or variable")
        kind = self._kind(a)
        args = self._args(a)
        if kind in (_TRUE, _FALSE) or (kind == _UNINTERPRETED and not args):
            return {}
        if kind == _NOT:
            return self.need(args[0], not positive)
        if kind in (_AND, _OR):
            combine = _add if (kind == _AND) == positive else _max  # all must hold / one suffices
            out: Needs = {}
            for x in args:
                out = combine(out, self.need(x, positive))
            return out
        if kind == _IMPLIES:  # a => b is (not a) or b
            left, right = self.need(args[0], not positive), self.need(args[1], positive)
            return _max(left, right) if positive else _add(left, right)
        if kind == _ITE and self._is_bool(a):
            return _add(self.exact(args[0]), _max(self.need(args[1], positive), self.need(args[2], positive)))
        if kind == _IFF or (kind == _EQ and self._is_bool(args[0])):
            return _add(self.exact(args[0]), self.exact(args[1]))
        if kind == _EQ:
            regs, inner, numerals = self._bv(args[0])
            regs2, inner2, numerals2 = self._bv(args[1])
            regs |= regs2
            inner = _add(inner, inner2)
            if len(regs) > 1:
                raise _Unsupported("a comparison over two registers")
            if regs:
                (reg,) = regs
                self.numerals.setdefault(reg, set()).update(numerals | numerals2)
                if not positive:  # "every position agrees" must stay false: keep one where it fails
                    inner = _add(inner, {reg: 1})
            return inner
        if kind in _COMPARE:
            inner = {}
            for x in args:
                r, n, _ = self._bv(x)
                if r:
                    raise _Unsupported("an ordering on a register")
                inner = _add(inner, n)
            return inner
        raise _Unsupported(f"operator kind {kind}")

    def _bv(self, a: Any) -> tuple[frozenset[Reg], Needs, frozenset[int]]:
        """The registers a bit-vector term reads, the witnesses its conditions need, and the
        constants in it (outside its conditions)."""
        ident = _lib.Z3_get_ast_id(self.ref, a)
        got = self.bv_memo.get(ident)
        if got is not None:
            return got
        regs: frozenset[Reg] = frozenset()
        inner: Needs = {}
        numerals: frozenset[int] = frozenset()
        if _lib.Z3_get_ast_kind(self.ref, a) == z3.Z3_NUMERAL_AST:
            numerals = frozenset((self._numeral(a),))
        else:
            kind = self._kind(a)
            args = self._args(a)
            if kind == _UNINTERPRETED and not args:
                decl = _lib.Z3_get_app_decl(self.ref, a)
                name = _lib.Z3_get_symbol_string(self.ref, _lib.Z3_get_decl_name(self.ref, decl)).decode()
                reg = self.var_reg.get(name)
                if reg is not None:
                    regs = frozenset((reg,))
            elif kind in _BITWISE or kind == _ITE or kind == _EXTRACT:
                for i, x in enumerate(args):
                    if kind == _ITE and i == 0:
                        inner = _add(inner, self.exact(x))
                        continue
                    r, n, c = self._bv(x)
                    regs |= r
                    inner = _add(inner, n)
                    numerals |= c
                if kind == _EXTRACT and regs:
                    raise _Unsupported("an extract from a register")
            else:
                raise _Unsupported(f"bit-vector operator kind {kind}")
        if len(regs) > 1:
            raise _Unsupported("a term over two registers")
        got = self.bv_memo[ident] = (regs, inner, numerals)
        return got


def spreads(ctx: z3.Context, kept: Iterable[z3.BoolRef], violations: Iterable[z3.BoolRef],
            variables: dict[str, z3.BitVecRef], var_reg: dict[str, Reg], care: dict[str, int], width: int
            ) -> dict[str, z3.BitVecRef]:
    """Per variable to tie: the term that stands for it (see the module docstring).

    kept: the bodies of the assertions that must all hold together (base, guarantees);
    violations: the invariants' "fails here" bodies, of which one is asked at a time.
    Returns {} when nothing can be tied or a term is of a kind the analysis does not know."""
    walker = _Needs(ctx, var_reg)
    try:
        total: Needs = {}
        for body in kept:
            total = _add(total, walker.need(body.as_ast(), True))
        worst: Needs = {}
        for body in violations:
            worst = _max(worst, walker.need(body.as_ast(), True))
    except _Unsupported:
        return {}
    total = _add(total, worst)
    by_reg: dict[Reg, list[str]] = {}
    for name in variables:
        reg = var_reg.get(name)
        if reg is not None:
            by_reg.setdefault(reg, []).append(name)
    out: dict[str, z3.BitVecRef] = {}
    ref = ctx.ref()
    for reg, names in by_reg.items():
        names.sort()
        keep = total.get(reg, 0) + 1  # positions per class left free: witnesses, and one to copy
        numerals = sorted(walker.numerals.get(reg, ()))
        classes: dict[tuple[int, ...], list[int]] = {}
        for i in range(width):
            sig = tuple(v >> i & 1 for v in numerals) + tuple(care[n] >> i & 1 for n in names)
            classes.setdefault(sig, []).append(i)
        source = list(range(width))
        for positions in classes.values():
            for i in positions[keep:]:
                source[i] = positions[keep - 1]
        if source == list(range(width)):
            continue
        # runs of positions, from the top: kept as they are (one extract), or repeating one bit
        runs: list[tuple[int, int, int]] = []  # (hi, lo, repeats), lo..hi of the variable, or bit lo repeated
        i = width - 1
        while i >= 0:
            j = i
            if source[i] == i:
                while j > 0 and source[j - 1] == j - 1:
                    j -= 1
                runs.append((i, j, 0))
            else:
                while j > 0 and source[j - 1] == source[i]:
                    j -= 1
                runs.append((source[i], source[i], i - j + 1))
            i = j - 1
        for name in names:
            v = variables[name]
            acc: z3.BitVecRef | None = None
            for hi, lo, repeats in runs:
                piece = z3.BitVecRef(_lib.Z3_mk_extract(ref, hi, lo, v.as_ast()), ctx)
                if repeats > 1:
                    piece = z3.BitVecRef(_lib.Z3_mk_repeat(ref, repeats, piece.as_ast()), ctx)
                acc = piece if acc is None else z3.BitVecRef(_lib.Z3_mk_concat(ref, acc.as_ast(), piece.as_ast()), ctx)
            assert acc is not None
            out[name] = acc
    return out


class Substitution:
    """Every tied variable -> the term that stands for it, as the C arrays Z3_substitute takes
    (made once per component: its bodies are many and the list long)."""

    def __init__(self, spread: dict[str, z3.BitVecRef], variables: dict[str, z3.BitVecRef]):
        self.terms = [(variables[name], term) for name, term in spread.items()]  # held while in use
        n = self.n = len(spread)
        self.froms = (z3.Ast * n)(*[v.as_ast() for v, _ in self.terms])
        self.tos = (z3.Ast * n)(*[t.as_ast() for _, t in self.terms])

    def __call__(self, body: z3.BoolRef) -> z3.BoolRef:
        ctx = body.ctx
        return z3.BoolRef(_lib.Z3_substitute(ctx.ref(), body.as_ast(), self.n, self.froms, self.tos), ctx)
