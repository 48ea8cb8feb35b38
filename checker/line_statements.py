"""One-line statements recognised whole, for checker.parse's LALR driver.

Part of stage 1. Most lines of a large spec are simple statements on one line:
a catalog's `feature X = 0x1.ECX[0] from s` and `leaf 0x1 "..." from s`, a
module's `native 0x1.EBX[11] verified 1 from s`. Feeding them to the LALR
driver costs a token object, a table lookup and often a reduction per token;
here one regex reads the whole line and the AST node is made directly, the
same node (kinds, fields, spans) the driver's reductions would have made. The
driver then takes the statement's nonterminal as if it had reduced it.

A recogniser only ever declines: on anything unusual (a statement over several
lines, a keyword used as a name, a number the builder refuses, an operator
other than `|`) it returns None and the driver reads the line token by token
as before. A statement is taken only if it ends its line and the next token
cannot continue it (a `from` or `verified` on the next line would belong to
it). tests/test_fast_lexer.py holds the result to lark's parse.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from checker import ast
from checker.ast_builder import AstBuilder, _int
from checker.diagnostics import Span

# The lexer's INT and NAME, atomic and possessive: a regex here must not match a
# shorter token than the lexer does (no backtracking into a number or a name).
_INT = r"(?>0[xX][0-9a-fA-F_]+|0[bB][01_]+|[0-9][0-9_]*)"
_NAME = r"[A-Za-z_][A-Za-z0-9_]*+"
_STRING = r'"(?:[^"\\\n]|\\.)*"'
# `INT.NAME[hi:lo]`, `INT.INT.NAME`, `INT.*`
_POSITION = (r"(?P<leaf>{i})[ \t]*\.[ \t]*(?:(?P<sub>{i})[ \t]*\.[ \t]*)?"
             r"(?:(?P<reg>{n})(?:[ \t]*\[[ \t]*(?P<hi>{i})(?:[ \t]*:[ \t]*(?P<lo>{i}))?[ \t]*(?P<close>\]))?"
             r"|(?P<star>\*))")
# The statement ends its line (a comment may follow), and the next token is
# `}`, the end of the text or a word, captured so that the caller can refuse
# a keyword that would continue the statement.
_END = (r"(?=[ \t\r]*(?:(?:#|//)[^\n]*)?(?:\n|\Z)(?:[ \t\f\r\n]+|//[^\n]*|#[^\n]*)*+"
        r"(?:(?P<next>[A-Za-z_][A-Za-z0-9_]*+)|\}|\Z))")
_FROM = r"(?:[ \t]+from[ \t]+(?P<src>{n}))?".format(n=_NAME)

_FEATURE = re.compile(r"(?:feature|field)[ \t]+(?P<name>{n})[ \t]*=[ \t]*".format(n=_NAME)
                      + _POSITION.format(i=_INT, n=_NAME) + _FROM + _END)
_LEAF = re.compile(r"leaf[ \t]+(?P<leaf>{i})(?:[ \t]*\.[ \t]*(?P<sub>{i}))?(?:[ \t]*(?P<desc>{s}))?".format(
    i=_INT, s=_STRING) + _FROM + _END)
_CLASS_NAME = re.compile(r"(?P<name>{n})[ \t]+".format(n=_NAME))
# a term of a class statement's bits: a position, or `f(INT.NAME, INT)` such as mask(0x1.ECX, 0x46faa217)
_TERM = re.compile(_POSITION.format(i=_INT, n=_NAME)
                   + r"|(?P<func>{n})[ \t]*\([ \t]*(?P<aleaf>{i})[ \t]*\.[ \t]*(?:(?P<asub>{i})[ \t]*\.[ \t]*)?"
                     r"(?P<areg>{n})[ \t]*,[ \t]*(?P<num>{i})[ \t]*(?P<rpar>\))".format(i=_INT, n=_NAME))
_UNION = re.compile(r"[ \t]*\|[ \t]*")
_CLASS_TAIL = re.compile(
    r"(?:[ \t]+verified[ \t]+(?P<ver>{i}))?"
    r"(?:[ \t]+(?P<when>when)[ \t]+(?P<word>XFAM|ATTRIBUTES)[ \t]*\[[ \t]*(?P<bits>{i}(?:[ \t]*,[ \t]*{i})*)"
    r"[ \t]*(?P<close>\]))?".format(i=_INT) + _FROM + _END)
_COMMA = re.compile(r"[ \t]*,[ \t]*")

Recognised = tuple[str, Any, tuple[int, int, int, int], int]  # nonterminal, node, its position, end offset
Recogniser = Callable[[str, int, int, int, str], "Recognised | None"]


class _Words:
    """Which words may follow a statement taken whole: any name the parser reads as a
    name, and the keywords that start a statement (they cannot continue one)."""

    def __init__(self, keywords: dict[str, str]):
        self.keywords = keywords
        self.starters = frozenset((
            "import", "source", "leaf", "feature", "field", "set", "guarantee", "invariant", "module", "kvm",
            "host", "design", "check", "version", "assume", "reports", "attributes_fixed0", "attributes_fixed1",
            "xfam_fixed0", "xfam_fixed1"))

    def ends(self, m: re.Match[str]) -> bool:
        word = m.group("next")
        return word is None or word not in self.keywords or word in self.starters

    def plain(self, *names: str | None) -> bool:
        """None of these names is a keyword (the driver would decide per state whether it is one)."""
        keywords = self.keywords
        return not any(name in keywords for name in names if name is not None)


def _position(m: re.Match[str], file: str, line: int, ls: int) -> Any:
    """The RegisterPosition or LeafPosition of a _POSITION match."""
    start = m.start("leaf") - ls + 1
    sub = m.group("sub")
    subleaf = None if sub is None else _int(sub)
    if m.group("star") is not None:
        return ast.LeafPosition(Span(file, line, start, line, m.end("star") - ls + 1),
                                _int(m.group("leaf")), subleaf)
    reg_start = m.start("reg")
    reg = m.group("reg")
    ident = ast.Ident(reg, Span(file, line, reg_start - ls + 1, line, reg_start - ls + 1 + len(reg)))
    hi_text = m.group("hi")
    if hi_text is None:
        hi = lo = None
        end = reg_start + len(reg)
    else:
        hi = _int(hi_text)
        lo_text = m.group("lo")
        lo = hi if lo_text is None else _int(lo_text)
        end = m.end("close")
    return ast.RegisterPosition(Span(file, line, start, line, end - ls + 1), _int(m.group("leaf")), subleaf,
                                ident, hi, lo)


def _ident(m: re.Match[str], group: str, file: str, line: int, ls: int) -> ast.Ident | None:
    text = m.group(group)
    if text is None:
        return None
    start = m.start(group) - ls + 1
    return ast.Ident(text, Span(file, line, start, line, start + len(text)))


def recognisers(keywords: dict[str, str]) -> dict[str, tuple[str, Recogniser]]:
    """Per token kind that starts a recognised statement: (its nonterminal, recogniser).
    A recogniser(text, start, line, line_start, file) gives (nonterminal, node, its
    (line, column, end_line, end_column), offset after it), or None to decline."""
    words = _Words(keywords)

    def feature(text: str, start: int, line: int, ls: int, file: str) -> Recognised | None:
        m = _FEATURE.match(text, start)
        if m is None or not words.ends(m) or not words.plain(m.group("name"), m.group("reg"), m.group("src")):
            return None
        position = _position(m, file, line, ls)
        name = _ident(m, "name", file, line, ls)
        src = _ident(m, "src", file, line, ls)
        last = src.span if src is not None else position.span
        pos = (line, start - ls + 1, line, last.end_column)
        span = Span(file, *pos)
        if text.startswith("feature", start):
            return "feature_decl", ast.FeatureDecl(span, name, position, src), pos, m.end()
        return "field_decl", ast.FieldDecl(span, name, position, src), pos, m.end()

    def leaf(text: str, start: int, line: int, ls: int, file: str) -> Recognised | None:
        m = _LEAF.match(text, start)
        if m is None or not words.ends(m) or not words.plain(m.group("src")):
            return None
        last = max(m.end("leaf"), m.end("sub"), m.end("desc"), m.end("src"))  # -1 for an absent group
        pos = (line, start - ls + 1, line, last - ls + 1)
        sub, desc = m.group("sub"), m.group("desc")
        node = ast.LeafDecl(Span(file, *pos), _int(m.group("leaf")), None if sub is None else _int(sub),
                            None if desc is None else AstBuilder._string(desc), _ident(m, "src", file, line, ls))
        return "leaf_decl", node, pos, m.end()

    def class_stmt(text: str, start: int, line: int, ls: int, file: str) -> Recognised | None:
        head = _CLASS_NAME.match(text, start)
        if head is None or head.group("name") in keywords:
            return None
        terms: list[Any] = []
        at = head.end()
        while True:
            t = _TERM.match(text, at)
            if t is None:
                return None
            if t.group("func") is None:
                if not words.plain(t.group("reg")):
                    return None
                terms.append(_position(t, file, line, ls))
            else:
                if not words.plain(t.group("func"), t.group("areg")):
                    return None
                reg_start, reg = t.start("areg"), t.group("areg")
                asub = t.group("asub")
                arg = ast.RegisterPosition(
                    Span(file, line, t.start("aleaf") - ls + 1, line, reg_start + len(reg) - ls + 1),
                    _int(t.group("aleaf")), None if asub is None else _int(asub), _ident(t, "areg", file, line, ls),
                    None, None)
                num_start = t.start("num") - ls + 1
                number = ast.Number(Span(file, line, num_start, line, t.end("num") - ls + 1), _int(t.group("num")))
                terms.append(ast.FunctionCall(Span(file, line, t.start("func") - ls + 1, line, t.end("rpar") - ls + 1),
                                              _ident(t, "func", file, line, ls), (arg, number)))
            at = t.end()
            bar = _UNION.match(text, at)
            if bar is None:
                break
            at = bar.end()
        tail = _CLASS_TAIL.match(text, at)
        if tail is None or not words.ends(tail) or not words.plain(tail.group("src")):
            return None
        if len(terms) == 1:
            bits = terms[0]
        else:
            first, last_term = terms[0].span, terms[-1].span
            bits = ast.SetChain(Span(file, line, first.column, line, last_term.end_column), terms[0],
                                tuple(("|", term) for term in terms[1:]))
        ver = tail.group("ver")
        gate = None
        if tail.group("when") is not None:
            gate = ast.Gate(Span(file, line, tail.start("when") - ls + 1, line, tail.end("close") - ls + 1),
                            tail.group("word"), tuple(_int(b) for b in _COMMA.split(tail.group("bits"))))
        src = _ident(tail, "src", file, line, ls)
        end = max(tail.end("src"), tail.end("close"), tail.end("ver"))
        end_column = end - ls + 1 if end >= 0 else bits.span.end_column
        pos = (line, start - ls + 1, line, end_column)
        node = ast.ClassStmt(Span(file, *pos), _ident(head, "name", file, line, ls), bits,
                             None if ver is None else _int(ver), gate, src)
        return "class_stmt", node, pos, tail.end()

    return {"FEATURE": ("feature_decl", feature), "FIELD": ("field_decl", feature), "LEAF": ("leaf_decl", leaf),
            "NAME": ("class_stmt", class_stmt)}
