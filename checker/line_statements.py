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
as before. A statement is taken only if it ends its line and the next token is
`}`, the end, a name, or a keyword that starts a statement where it stands (a
`from` or `verified` on the next line would belong to the statement; see
_TOP_LEVEL_STARTERS). tests/test_fast_lexer.py holds the result to lark's parse.
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
Regs = tuple[tuple[int, int], ...]  # a match's (start, end) per group, (-1, -1) for an absent one

# The keywords that may follow a statement read whole: those that start the next statement
# where it stands (they cannot continue it). Any other keyword declines the line: the
# driver reads a keyword by the parser's state, and the state after a statement's last
# token (often an expression state shared with other contexts) may read it otherwise
# than the state after the whole statement does (`leaf` after a class statement is the
# keyword to the one, a class name to the other).
_TOP_LEVEL_STARTERS = frozenset(("import", "source", "leaf", "feature", "field", "set", "guarantee", "invariant",
                                 "module", "kvm", "host", "design", "check"))
_MODULE_STARTERS = frozenset(("version", "assume", "reports", "attributes_fixed0", "attributes_fixed1",
                              "xfam_fixed0", "xfam_fixed1"))


def _groups(pattern: re.Pattern[str], *names: str) -> tuple[int, ...]:
    return tuple(pattern.groupindex[name] for name in names)


# Group numbers: the recognisers read a match's spans (Match.regs, one tuple) and slice
# the text, instead of a method call per group.
_POSITION_GROUPS = ("leaf", "sub", "reg", "hi", "lo", "close", "star")
_FEATURE_POSITION = _groups(_FEATURE, *_POSITION_GROUPS)
_FEATURE_NAME, _FEATURE_SRC, _FEATURE_NEXT = _groups(_FEATURE, "name", "src", "next")
_LEAF_LEAF, _LEAF_SUB, _LEAF_DESC, _LEAF_SRC, _LEAF_NEXT = _groups(_LEAF, "leaf", "sub", "desc", "src", "next")
_TERM_POSITION = _groups(_TERM, *_POSITION_GROUPS)
_TERM_FUNC, _TERM_ALEAF, _TERM_ASUB, _TERM_AREG, _TERM_NUM, _TERM_RPAR = _groups(
    _TERM, "func", "aleaf", "asub", "areg", "num", "rpar")
_TAIL_VER, _TAIL_WHEN, _TAIL_WORD, _TAIL_BITS, _TAIL_CLOSE, _TAIL_SRC, _TAIL_NEXT = _groups(
    _CLASS_TAIL, "ver", "when", "word", "bits", "close", "src", "next")

_NUMBERS: dict[str, int] = {}


def _number(text: str) -> int:
    """ast_builder._int's value of a number's text, remembered (a large spec repeats its
    numbers: bit positions, masks); raises BadNumber as _int does."""
    value = _NUMBERS.get(text)
    if value is None:
        value = _int(text)
        if len(_NUMBERS) >= 1 << 16:
            _NUMBERS.clear()
        _NUMBERS[text] = value
    return value


def _position(text: str, regs: Regs, groups: tuple[int, ...], file: str, line: int, ls: int) -> Any:
    """The RegisterPosition or LeafPosition of a _POSITION match (its group numbers given)."""
    leaf_g, sub_g, reg_g, hi_g, lo_g, close_g, star_g = groups
    start, end = regs[leaf_g]
    leaf = _number(text[start:end])
    column = start - ls + 1
    sub_start, sub_end = regs[sub_g]
    subleaf = None if sub_start < 0 else _number(text[sub_start:sub_end])
    star_end = regs[star_g][1]
    if star_end >= 0:
        return ast.LeafPosition(Span(file, line, column, line, star_end - ls + 1), leaf, subleaf)
    reg_start, reg_end = regs[reg_g]
    register = ast.Ident(text[reg_start:reg_end], Span(file, line, reg_start - ls + 1, line, reg_end - ls + 1))
    hi_start, hi_end = regs[hi_g]
    if hi_start < 0:
        hi = lo = None
        end = reg_end
    else:
        hi = _number(text[hi_start:hi_end])
        lo_start, lo_end = regs[lo_g]
        lo = hi if lo_start < 0 else _number(text[lo_start:lo_end])
        end = regs[close_g][1]
    return ast.RegisterPosition(Span(file, line, column, line, end - ls + 1), leaf, subleaf, register, hi, lo)


def _ident(text: str, span: tuple[int, int], file: str, line: int, ls: int) -> ast.Ident | None:
    start, end = span
    if start < 0:
        return None
    return ast.Ident(text[start:end], Span(file, line, start - ls + 1, line, end - ls + 1))


def recognisers(keywords: dict[str, str]) -> dict[str, tuple[str, Recogniser]]:
    """Per token kind that starts a recognised statement: (its nonterminal, recogniser).
    A recogniser(text, start, line, line_start, file) gives (nonterminal, node, its
    (line, column, end_line, end_column), offset after it), or None to decline."""

    def keyword(text: str, span: tuple[int, int]) -> bool:
        """Is the word there a keyword? (the driver decides per state whether it reads as one)"""
        return span[0] >= 0 and text[span[0]:span[1]] in keywords

    def continues(text: str, span: tuple[int, int], starters: frozenset[str] = _TOP_LEVEL_STARTERS) -> bool:
        """Could the next word (captured by _END) continue the statement, or be read otherwise?"""
        return span[0] >= 0 and (word := text[span[0]:span[1]]) in keywords and word not in starters

    def feature(text: str, start: int, line: int, ls: int, file: str) -> Recognised | None:
        m = _FEATURE.match(text, start)
        if m is None:
            return None
        regs = m.regs
        if continues(text, regs[_FEATURE_NEXT]) or keyword(text, regs[_FEATURE_NAME]) or \
                keyword(text, regs[_FEATURE_SRC]) or keyword(text, regs[_FEATURE_POSITION[2]]):
            return None
        position = _position(text, regs, _FEATURE_POSITION, file, line, ls)
        src = _ident(text, regs[_FEATURE_SRC], file, line, ls)
        pos = (line, start - ls + 1, line, (src or position).span.end_column)
        name = _ident(text, regs[_FEATURE_NAME], file, line, ls)
        if text.startswith("feature", start):
            return "feature_decl", ast.FeatureDecl(Span(file, *pos), name, position, src), pos, m.end()
        return "field_decl", ast.FieldDecl(Span(file, *pos), name, position, src), pos, m.end()

    def leaf(text: str, start: int, line: int, ls: int, file: str) -> Recognised | None:
        m = _LEAF.match(text, start)
        if m is None:
            return None
        regs = m.regs
        if continues(text, regs[_LEAF_NEXT]) or keyword(text, regs[_LEAF_SRC]):
            return None
        last = max(regs[_LEAF_LEAF][1], regs[_LEAF_SUB][1], regs[_LEAF_DESC][1], regs[_LEAF_SRC][1])
        pos = (line, start - ls + 1, line, last - ls + 1)
        leaf_start, leaf_end = regs[_LEAF_LEAF]
        sub_start, sub_end = regs[_LEAF_SUB]
        desc_start, desc_end = regs[_LEAF_DESC]
        node = ast.LeafDecl(Span(file, *pos), _number(text[leaf_start:leaf_end]),
                            None if sub_start < 0 else _number(text[sub_start:sub_end]),
                            None if desc_start < 0 else AstBuilder._string(text[desc_start:desc_end]),
                            _ident(text, regs[_LEAF_SRC], file, line, ls))
        return "leaf_decl", node, pos, m.end()

    def class_stmt(text: str, start: int, line: int, ls: int, file: str) -> Recognised | None:
        head = _CLASS_NAME.match(text, start)
        if head is None or keyword(text, head.regs[1]):
            return None
        terms: list[Any] = []
        at = head.end()
        while True:
            t = _TERM.match(text, at)
            if t is None:
                return None
            regs = t.regs
            func_start, func_end = regs[_TERM_FUNC]
            if func_start < 0:
                if keyword(text, regs[_TERM_POSITION[2]]):
                    return None
                terms.append(_position(text, regs, _TERM_POSITION, file, line, ls))
            else:
                if keyword(text, regs[_TERM_FUNC]) or keyword(text, regs[_TERM_AREG]):
                    return None
                leaf_start, leaf_end = regs[_TERM_ALEAF]
                sub_start, sub_end = regs[_TERM_ASUB]
                reg_end = regs[_TERM_AREG][1]
                arg = ast.RegisterPosition(Span(file, line, leaf_start - ls + 1, line, reg_end - ls + 1),
                                           _number(text[leaf_start:leaf_end]),
                                           None if sub_start < 0 else _number(text[sub_start:sub_end]),
                                           _ident(text, regs[_TERM_AREG], file, line, ls), None, None)
                num_start, num_end = regs[_TERM_NUM]
                number = ast.Number(Span(file, line, num_start - ls + 1, line, num_end - ls + 1),
                                    _number(text[num_start:num_end]))
                terms.append(ast.FunctionCall(Span(file, line, func_start - ls + 1, line, regs[_TERM_RPAR][1] - ls + 1),
                                              _ident(text, regs[_TERM_FUNC], file, line, ls), (arg, number)))
            at = t.end()
            bar = _UNION.match(text, at)
            if bar is None:
                break
            at = bar.end()
        tail = _CLASS_TAIL.match(text, at)
        if tail is None:
            return None
        regs = tail.regs
        if continues(text, regs[_TAIL_NEXT], _MODULE_STARTERS) or keyword(text, regs[_TAIL_SRC]):
            return None
        if len(terms) == 1:
            bits = terms[0]
        else:
            bits = ast.SetChain(Span(file, line, terms[0].span.column, line, terms[-1].span.end_column), terms[0],
                                tuple(("|", term) for term in terms[1:]))
        ver_start, ver_end = regs[_TAIL_VER]
        gate = None
        when_start = regs[_TAIL_WHEN][0]
        if when_start >= 0:
            word_start, word_end = regs[_TAIL_WORD]
            bits_start, bits_end = regs[_TAIL_BITS]
            gate = ast.Gate(Span(file, line, when_start - ls + 1, line, regs[_TAIL_CLOSE][1] - ls + 1),
                            text[word_start:word_end],
                            tuple(_number(b) for b in _COMMA.split(text[bits_start:bits_end])))
        end = max(regs[_TAIL_SRC][1], regs[_TAIL_CLOSE][1], ver_end)
        pos = (line, start - ls + 1, line, end - ls + 1 if end >= 0 else bits.span.end_column)
        node = ast.ClassStmt(Span(file, *pos), _ident(text, head.regs[1], file, line, ls), bits,
                             None if ver_start < 0 else _number(text[ver_start:ver_end]), gate,
                             _ident(text, regs[_TAIL_SRC], file, line, ls))
        return "class_stmt", node, pos, tail.end()

    return {"FEATURE": ("feature_decl", feature), "FIELD": ("field_decl", feature), "LEAF": ("leaf_decl", leaf),
            "NAME": ("class_stmt", class_stmt)}
