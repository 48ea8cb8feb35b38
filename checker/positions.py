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

``spreads`` returns the tying (``Tying``): per variable of a register that can be tied, a
narrow variable with one bit per kept position, and the full-width term that stands for
the variable (the narrow bits in place, each tied position repeating its source's bit),
which counting and assignments read. The component's constraints are rewritten onto the
kept positions, so z3 bit-blasts one gate per kept position of each operation instead of
one per position (tied positions used to be substituted into the full-width terms, which
left z3 the same few SAT variables but 32-bit terms to simplify and bit-blast: narrowing
them cut z3's formula internalisation over the shipped checks from 10.1 to 5.8 billion
instructions).
"""

from __future__ import annotations

import operator
from typing import Any, Iterable

import z3

from checker.bits import Reg
from checker.encode import as_bool, as_bv, hold
from checker.encode import lib as _lib  # z3's C functions without the error check

# Components smaller than this (in variable bits) are cheap to solve as they are.
MIN_BITS = 256


class _Unsupported(Exception):
    """A term this analysis does not know: the component is solved untied."""


_AND, _OR, _NOT, _IMPLIES, _ITE, _EQ, _IFF = (z3.Z3_OP_AND, z3.Z3_OP_OR, z3.Z3_OP_NOT, z3.Z3_OP_IMPLIES,
                                               z3.Z3_OP_ITE, z3.Z3_OP_EQ, z3.Z3_OP_IFF)
_TRUE, _FALSE, _UNINTERPRETED, _EXTRACT = z3.Z3_OP_TRUE, z3.Z3_OP_FALSE, z3.Z3_OP_UNINTERPRETED, z3.Z3_OP_EXTRACT
# Boolean operators whose arguments are all Booleans (an ITE here is a Boolean one; = of
# Booleans is told apart from = of bit-vectors by its arguments' sort)
_CONNECTIVES = (_NOT, _AND, _OR, _IMPLIES, _ITE, _IFF)
_BITWISE = {z3.Z3_OP_BAND, z3.Z3_OP_BOR, z3.Z3_OP_BNOT, z3.Z3_OP_BXOR}
_COMPARE = {z3.Z3_OP_ULEQ, z3.Z3_OP_UGEQ, z3.Z3_OP_ULT, z3.Z3_OP_UGT}
# a binary bitwise operator -> the C function that makes it (Tying._bv remakes them narrow)
_MAKE_BINARY = {z3.Z3_OP_BAND: _lib.Z3_mk_bvand, z3.Z3_OP_BOR: _lib.Z3_mk_bvor, z3.Z3_OP_BXOR: _lib.Z3_mk_bvxor}

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
    register, the witness positions that keep a term true (positive) or false (negative).

    Here and in Tying a term is known by its address (``.value`` of the raw Z3_ast): z3
    makes each term once, and a walker lives only while the component's bodies (held by
    the model's context) are walked, so no address is reused while its tables exist.
    Asking z3 for each term's id instead was a C call per visit: 90,000 over the shipped
    checks."""

    def __init__(self, ctx: z3.Context, var_reg: dict[str, Reg]):
        self.ref = ctx.ref()
        self.var_reg = var_reg
        self.memo: dict[tuple[int, bool], Needs] = {}
        self.bv_memo: dict[int, tuple[frozenset[Reg], Needs, frozenset[int]]] = {}
        self.numerals: dict[Reg, set[int]] = {}  # the constants each register's terms use
        self.nodes: dict[int, tuple[int, list[Any]]] = {}  # an application's id -> (kind, arguments)

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
        key = (a.value, positive)
        got = self.memo.get(key)
        if got is None:
            got = self.memo[key] = self._need(a, positive)
        return got

    def node(self, ident: int, a: Any) -> tuple[int, list[Any]]:
        """An application's kind and arguments, read from z3 once (Tying walks them again)."""
        got = self.nodes.get(ident)
        if got is None:
            got = self.nodes[ident] = (self._kind(a), self._args(a))
        return got

    def _need(self, a: Any, positive: bool) -> Needs:
        if _lib.Z3_get_ast_kind(self.ref, a) != z3.Z3_APP_AST:
            raise _Unsupported("quantifier or variable")
        kind, args = self.node(a.value, a)
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
        ident = a.value
        got = self.bv_memo.get(ident)
        if got is not None:
            return got
        regs: frozenset[Reg] = frozenset()
        inner: Needs = {}
        numerals: frozenset[int] = frozenset()
        if _lib.Z3_get_ast_kind(self.ref, a) == z3.Z3_NUMERAL_AST:
            numerals = frozenset((self._numeral(a),))
        else:
            kind, args = self.node(ident, a)
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
            ) -> "Tying | None":
    """The component's registers with alike positions tied (see the module docstring).

    kept: the bodies of the assertions that must all hold together (base, guarantees);
    violations: the invariants' "fails here" bodies, of which one is asked at a time.
    None when nothing can be tied or a term is of a kind the analysis does not know."""
    walker = _Needs(ctx, var_reg)
    try:
        total: Needs = {}
        for body in kept:
            total = _add(total, walker.need(body.as_ast(), True))
        worst: Needs = {}
        for body in violations:
            worst = _max(worst, walker.need(body.as_ast(), True))
    except _Unsupported:
        return None
    total = _add(total, worst)
    by_reg: dict[Reg, list[str]] = {}
    for name in variables:
        reg = var_reg.get(name)
        if reg is not None:
            by_reg.setdefault(reg, []).append(name)
    sources: dict[Reg, tuple[int, ...]] = {}
    for reg, names in by_reg.items():
        names.sort()
        keep = total.get(reg, 0) + 1  # positions per class left free: witnesses, and one to copy
        numerals = sorted(walker.numerals.get(reg, ()))
        # a position's class: its bit in every constant and care mask, read off the values
        # written out in binary side by side (a column per position, highest first)
        full = (1 << width) - 1
        rows = [format(v & full, f"0{width}b") for v in numerals + [care[n] for n in names]]
        columns = list(zip(*rows))
        classes: dict[tuple[str, ...], list[int]] = {}
        for i in range(width):
            classes.setdefault(columns[width - 1 - i], []).append(i)
        source = list(range(width))
        for positions in classes.values():
            for i in positions[keep:]:
                source[i] = positions[keep - 1]
        if source != list(range(width)):
            sources[reg] = tuple(source)
    if not sources:
        return None
    return Tying(ctx, walker, sources, {reg: by_reg[reg] for reg in sources})


class Tying:
    """The registers of a component whose alike positions are tied, and its constraints
    rewritten onto their kept positions.

    A tied register's variable v is replaced by a narrow variable with one bit per kept
    position (a position that is its own source). ``spread[name]`` is the full-width term
    that stands for v: the narrow bits in place, each tied position repeating its source's
    bit; it is what counting and assignments read. The constraints themselves are made
    narrow (``__call__``): every operation of a register's terms is bitwise and every
    constant agrees at a tied position and its source, so a term's value at a tied position
    is its value at the source, and a comparison of two full-width terms holds exactly when
    it holds on the kept positions. z3 then bit-blasts one gate per kept position, not one
    per position of the register."""

    def __init__(self, ctx: z3.Context, walker: _Needs, sources: dict[Reg, tuple[int, ...]],
                 names: dict[Reg, list[str]]):
        self.ctx = ctx
        self.ref = ctx.ref()
        self.walker = walker
        self.sources = sources
        # per register: its kept positions, lowest first (narrow bit j is position kept[j])
        self.kept = {reg: [i for i, s in enumerate(src) if s == i] for reg, src in sources.items()}
        self.narrow: dict[str, z3.BitVecRef] = {}  # variable name -> its narrow variable
        self.spread: dict[str, z3.BitVecRef] = {}
        self._narrow_ast: dict[str, tuple[Reg, Any]] = {}  # variable name -> (register, narrow Z3_ast)
        self._sorts: dict[int, Any] = {}
        self._memo: dict[int, Any] = {}  # a term not made narrow (of any sort) -> itself rewritten
        self._bv_memo: dict[tuple[int, Reg], Any] = {}
        for reg, reg_names in names.items():
            kept = self.kept[reg]
            index = {pos: j for j, pos in enumerate(kept)}
            runs = _runs(sources[reg])
            for name in reg_names:
                # z3.BitVec(name@kept, len(kept), ctx) through the C API, the sort made once per width
                symbol = _lib.Z3_mk_string_symbol(self.ref, f"{name}@kept".encode())
                n = as_bv(_lib.Z3_mk_const(self.ref, symbol, self._sort(len(kept))), ctx)
                self.narrow[name] = n
                self._narrow_ast[name] = (reg, n.as_ast())
                acc = None  # raw and held (a wrapper per piece was a third of making a tying)
                for hi, lo, repeats in runs:
                    piece = self._held(_lib.Z3_mk_extract(self.ref, index[hi], index[lo], n.as_ast()))
                    if repeats > 1:
                        piece = self._held(_lib.Z3_mk_repeat(self.ref, repeats, piece))
                    acc = piece if acc is None else self._held(_lib.Z3_mk_concat(self.ref, acc, piece))
                assert acc is not None
                self.spread[name] = as_bv(acc, ctx)

    def __len__(self) -> int:
        return len(self.spread)

    def narrow_mask(self, name: str, mask: int) -> int:
        """A mask of name's variable as the mask of its narrow variable: bit j is the mask's
        bit at kept position j. For a mask that agrees at each tied position and its source
        (a care mask does: it is part of what makes positions alike), v & mask == 0 exactly
        when narrow & narrow_mask == 0."""
        reg, _ = self._narrow_ast[name]
        return sum(1 << j for j, pos in enumerate(self.kept[reg]) if mask >> pos & 1)

    def kept_counts(self, name: str) -> list[int]:
        """For each bit of name's narrow variable, how many positions of the register it
        stands for (itself and the positions tied to it)."""
        reg, _ = self._narrow_ast[name]
        kept, source = self.kept[reg], self.sources[reg]
        return [source.count(pos) for pos in kept]

    def layout(self, reg: Reg) -> tuple[int, ...] | None:
        """Which position each position of the register copies (None: not tied)."""
        return self.sources.get(reg)

    def __call__(self, body: z3.BoolRef) -> z3.BoolRef:
        return as_bool(self.raw(body.as_ast()), self.ctx)

    def raw(self, body: Any) -> Any:
        """__call__ on a raw Boolean Z3_ast, giving one (held as long as the context)."""
        return self._bool(body)

    # The rewriting works on raw Z3_asts: each one made is kept as long as the model's
    # context, like checker.encode's terms (encode.hold).
    def _held(self, a: Any) -> Any:
        return hold(self.ctx, a)

    def _sort(self, width: int) -> Any:
        s = self._sorts.get(width)
        if s is None:
            s = self._sorts[width] = self._held_sort(_lib.Z3_mk_bv_sort(self.ref, width))
        return s

    def _held_sort(self, s: Any) -> Any:
        hold(self.ctx, _lib.Z3_sort_to_ast(self.ref, s))
        return s

    def _bool(self, a: Any) -> Any:
        """A Boolean term with every comparison of a tied register's terms made narrow."""
        ref, walker = self.ref, self.walker
        ident = a.value
        got = self._memo.get(ident)
        if got is not None:
            return got
        got = a
        if _lib.Z3_get_ast_kind(ref, a) == z3.Z3_APP_AST:
            kind, args = walker.node(ident, a)
            if kind == _EQ and not walker._is_bool(args[0]):
                left, right = args
                regs = walker._bv(left)[0] | walker._bv(right)[0]
                if len(regs) == 1 and next(iter(regs)) in self.sources:
                    (reg,) = regs
                    got = self._held(_lib.Z3_mk_eq(ref, self._bv(left, reg), self._bv(right, reg)))
                else:
                    got = self._same(a, ident, kind, args, False)
            elif args:
                got = self._same(a, ident, kind, args, kind in _CONNECTIVES or kind == _EQ)
        self._memo[ident] = got
        return got

    def _kept_width(self, a: Any) -> Any:
        """A bit-vector term not made narrow (it reads no tied register's variables itself),
        with the conditions inside it rewritten: an ite's condition may compare a tied
        register (leaves(), for one, is an ite on whether a leaf's registers are zero)."""
        if _lib.Z3_get_ast_kind(self.ref, a) != z3.Z3_APP_AST:
            return a
        ident = a.value
        got = self._memo.get(ident)
        if got is None:
            kind, args = self.walker.node(ident, a)
            got = self._memo[ident] = self._same(a, ident, kind, args, False) if args else a
        return got

    def _same(self, a: Any, ident: int, kind: int, args: list[Any], booleans: bool) -> Any:
        """The application with its arguments rewritten (Booleans by _bool, bit-vectors by
        _kept_width, so every sort stays), or itself when none changed."""
        if booleans:
            new = [self._bool(x) for x in args]
        elif kind == _ITE:
            new = [self._bool(args[0])] + [self._kept_width(x) for x in args[1:]]
        elif kind == _EQ or kind not in _BITWISE and kind != _EXTRACT and kind not in _COMPARE:
            new = [self._bool(x) if self.walker._is_bool(x) else self._kept_width(x) for x in args]
        else:
            new = [self._kept_width(x) for x in args]
        if all(x is y for x, y in zip(args, new)):
            return a
        n = len(new)
        return self._held(_lib.Z3_mk_app(self.ref, _lib.Z3_get_app_decl(self.ref, a), n, (z3.Ast * n)(*new)))

    def _bv(self, a: Any, reg: Reg) -> Any:
        """A register's full-width term on its kept positions."""
        ref, walker = self.ref, self.walker
        key = (a.value, reg)
        got = self._bv_memo.get(key)
        if got is not None:
            return got
        kept = self.kept[reg]
        if _lib.Z3_get_ast_kind(ref, a) == z3.Z3_NUMERAL_AST:
            value = walker._numeral(a)
            narrow = sum(1 << j for j, pos in enumerate(kept) if value >> pos & 1)
            got = self._held(_lib.Z3_mk_unsigned_int64(ref, narrow, self._sort(len(kept))))
        else:
            kind, args = walker.node(key[0], a)
            if kind == _UNINTERPRETED and not args:
                name = _lib.Z3_get_symbol_string(ref, _lib.Z3_get_decl_name(ref, _lib.Z3_get_app_decl(ref, a))).decode()
                mine = self._narrow_ast.get(name)
                got = mine[1] if mine is not None and mine[0] == reg else self._picked(a, kept)
            elif kind in _BITWISE:
                parts = [self._bv(x, reg) for x in args]
                if kind == z3.Z3_OP_BNOT:
                    got = self._held(_lib.Z3_mk_bvnot(ref, parts[0]))
                else:
                    make = _MAKE_BINARY[kind]
                    got = parts[0]
                    for x in parts[1:]:
                        got = self._held(make(ref, got, x))
            elif kind == _ITE:
                got = self._held(_lib.Z3_mk_ite(ref, self._bool(args[0]), self._bv(args[1], reg),
                                                self._bv(args[2], reg)))
            else:  # anything else (an extract from a shared word): its kept positions picked
                got = self._picked(self._kept_width(a), kept)
        self._bv_memo[key] = got
        return got

    def _picked(self, a: Any, kept: list[int]) -> Any:
        """The kept positions of a full-width term, by extracts (runs of adjacent ones at once)."""
        ref = self.ref
        acc = None
        j = len(kept) - 1
        while j >= 0:
            lo = j
            while lo > 0 and kept[lo - 1] == kept[lo] - 1:
                lo -= 1
            piece = self._held(_lib.Z3_mk_extract(ref, kept[j], kept[lo], a))
            acc = piece if acc is None else self._held(_lib.Z3_mk_concat(ref, acc, piece))
            j = lo - 1
        return acc


def _runs(source: tuple[int, ...]) -> list[tuple[int, int, int]]:
    """A register's positions from the top as runs: (hi, lo, 0) for kept positions lo..hi,
    (s, s, k) for k tied positions in a row that all copy position s."""
    runs: list[tuple[int, int, int]] = []
    i = len(source) - 1
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
    return runs
