"""Reading and parsing spec files: bytes -> text -> tokens -> AST.

Stage 1 of the pipeline. Imports checker.diagnostics, checker.ast,
checker.ast_builder, checker.line_statements and checker.parse_tables; lark is
not imported on the way of a file that parses. Every failure becomes a
Diagnostic: files that are missing, binary, not UTF-8, too large or nested too
deeply are refused before any parser sees them (the parser and the tree walks
then never recurse deeply or run for long). A file is parsed with the
grammar's LALR tables (checker.parse_tables, generated from grammar/ by lark)
and a one-regex lexer, building the AST during the parse; simple one-line
statements, most of a large spec, are read whole (checker.line_statements). A
file that fails there is handed to checker.syntax, which parses it again with
lark itself to name every syntax error in the users' words.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

from checker import ast, line_statements, parse_tables
from checker.ast_builder import AstBuilder, BadNumber, BadSdm
from checker.diagnostics import Diagnostic, Span

GRAMMAR_FILE = "cpuid_contracts.lark"
SPEC_SUFFIX = ".cpuid"

# Limits that keep bad input from hanging or crashing the front end. The whole
# shipped spec/ is well under all of them; see docs/language.md "Limits".
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_LINE_CHARS = 20_000
MAX_NESTING = 64
MAX_SYNTAX_ERRORS = 20

TOP_LEVEL_KEYWORDS = (
    "import", "source", "leaf", "feature", "field", "set", "guarantee", "invariant",
    "module", "kvm", "host", "design", "check",
)
TOP_LEVEL_LINE = re.compile(r"^(%s)\b" % "|".join(TOP_LEVEL_KEYWORDS))


# ------------------------------------------------------------------ grammar and parser

def package_data_dir(package: str) -> Path | None:
    """The directory of an installed data-only package (grammar/, spec/ are installed as
    checker.grammar and checker.shipped_spec, which have no __init__.py), or None."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except (ModuleNotFoundError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location)
        if path.is_dir():
            return path
    return None


def grammar_text() -> str:
    """The grammar, from the installed package data or from the source tree."""
    installed = package_data_dir("checker.grammar")
    candidates = ([installed / GRAMMAR_FILE] if installed else []) + \
        [Path(__file__).resolve().parent.parent / "grammar" / GRAMMAR_FILE]
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{GRAMMAR_FILE} is not installed with the checker package")


# ------------------------------------------------------------------ tokens and the LALR driver

# One regex for every token. lark's contextual lexer instead tries a regex per
# parser state, which was a third of the front end's time; here the parser
# state is consulted only for keywords: a keyword the state does not expect is a
# name where the state expects a name, as with lark.
_TOKEN = re.compile(
    r'(?P<WS>[ \t\f\r\n]+)|(?P<COMMENT>//[^\n]*|#[^\n]*)|(?P<STRING>"(?:[^"\\\n]|\\.)*")'
    r'|(?P<INT>0[xX][0-9a-fA-F_]+|0[bB][01_]+|[0-9][0-9_]*)|(?P<NAME>[A-Za-z_][A-Za-z0-9_]*)'
    r'|(?P<PUNCT>==|!=|<=|>=|->|\.\.|[<>{}()\[\],.:=*~&|^-])')
_PUNCTUATION = {**{op: "CMP_OP" for op in ("==", "!=", "<=", ">=", "<", ">")},
                **{op: "SET_OP" for op in ("|", "^", "-")}, **parse_tables.PUNCTUATION}


class FastPathFailed(Exception):
    """The text is not one the fast path parses: checker.syntax takes over."""


class Tok(str):
    """A token: its text, with the attributes of a lark Token that the AST builder reads."""

    __slots__ = ("type", "line", "column", "end_line", "end_column", "start_pos")

    def __new__(cls, type_: str, value: str, start_pos: int, line: int, column: int) -> "Tok":
        tok = str.__new__(cls, value)
        tok.type, tok.start_pos, tok.line, tok.column = type_, start_pos, line, column
        tok.end_line, tok.end_column = line, column + len(value)  # no token spans lines
        return tok


class _Meta:
    """A reduction's position, in the shape of lark's Meta (AstBuilder._span reads it)."""

    __slots__ = ("line", "column", "end_line", "end_column", "empty")

    def __init__(self, pos: tuple[int, int, int, int] | None):
        self.empty = pos is None
        if pos is not None:
            self.line, self.column, self.end_line, self.end_column = pos


class _Parser:
    """The grammar's LALR tables driven directly, building the AST during the parse.

    Gives what lark's parser (propagate_positions, maybe_placeholders) followed
    by a Transformer of the AstBuilder methods gives, without the tree: every
    reduction keeps the position of all its children, keywords included (lark's
    "container" position), and each rule's method gets the children lark's
    child filter would pass it. tests/test_fast_lexer.py holds it to that."""

    def __init__(self) -> None:
        self.builder = AstBuilder("")
        self.pos: tuple[int, int, int, int] | None = None
        # per rule: (number of symbols, rule name, reduction); reduction None: the rule
        # only passes its one child up (lark's `?rule` with a single child)
        self.rules: list[tuple[int, str, Any]] = []
        for size, origin, method, expand1, child_filter in parse_tables.RULES:
            build = self._method(method)
            if expand1:
                if size == 1 and child_filter is None:
                    self.rules.append((size, origin, None))
                    continue
                build = self._single_child_passes(build)
            self.rules.append((size, origin, build if child_filter is None else self._filtered(child_filter, build)))
        # (state, token kind) -> recogniser of a one-line statement that starts there: where
        # the token would be shifted and the statement's nonterminal has a goto
        self.starts: dict[tuple[int, str], Any] = {}
        for kind, (origin, recognise) in line_statements.recognisers(parse_tables.KEYWORDS).items():
            for state, actions in parse_tables.STATES.items():
                if origin in actions and actions.get(kind, -1) >= 0:
                    self.starts[(state, kind)] = recognise

    def _method(self, name: str) -> Any:
        f = getattr(AstBuilder, name, None)
        if f is None:  # an inlined `_rule`: the parent's child filter splices its children
            return lambda children: _Spliced(children)
        return lambda children: f(self.builder, _Meta(self.pos), children)

    @staticmethod
    def _single_child_passes(build: Any) -> Any:
        return lambda children: children[0] if len(children) == 1 else build(children)

    @staticmethod
    def _filtered(child_filter: Any, build: Any) -> Any:
        include, nones_after = child_filter
        # A list rule (`item*` becomes `star: star item | item`) splices its own earlier
        # value first: that list is extended in place, since nothing else holds it (copying
        # it made a block of n statements cost n*n/2 copies).
        extends_first = bool(include) and include[0][:3] == (0, True, 0)
        rest = include[1:] if extends_first else include

        def reduce(children: list[Any]) -> Any:
            kept: list[Any] = children[0].children if extends_first else []
            for i, splice, nones in rest:
                if nones:
                    kept += [None] * nones
                if splice:
                    kept += children[i].children
                else:
                    kept.append(children[i])
            if nones_after:
                kept += [None] * nones_after
            return build(kept)
        return reduce

    def parse(self, text: str, filename: str, whole_lines: bool = True) -> list[Any]:
        """The file's declarations. With whole_lines, simple one-line statements are
        read whole (checker.line_statements); the tree is the same either way."""
        states, rules, end_state = parse_tables.STATES, self.rules, parse_tables.END_STATE
        keywords, punctuation, match = parse_tables.KEYWORDS, _PUNCTUATION, _TOKEN.match
        starts = self.starts if whole_lines else {}
        self.builder = AstBuilder(filename)
        state_stack = [parse_tables.START_STATE]
        value_stack: list[Any] = []
        pos_stack: list[tuple[int, int, int, int] | None] = []
        line, line_start, pos, n = 1, 0, 0, len(text)
        while True:
            # the next token (the lexer reads keywords as the parser's state expects them)
            if pos < n:
                m = match(text, pos)
                if m is None:
                    raise FastPathFailed(pos)
                kind, end = m.lastgroup, m.end()
                if kind == "WS" or kind == "COMMENT":
                    newlines = text.count("\n", pos, end)
                    if newlines:
                        line += newlines
                        line_start = text.rfind("\n", pos, end) + 1
                    pos = end
                    continue
                value = m.group()
                if kind == "NAME":
                    keyword = keywords.get(value)
                    if keyword is not None:
                        expected = states[state_stack[-1]]
                        if keyword in expected or "NAME" not in expected:
                            kind = keyword
                elif kind == "PUNCT":
                    kind = punctuation[value]
                token = Tok(kind, value, pos, line, pos - line_start + 1)
            else:
                kind, end = "$END", pos
                token = Tok(kind, "", pos, line, pos - line_start + 1)
            while True:
                state = state_stack[-1]
                action = states[state].get(kind)
                if action is None:
                    raise FastPathFailed(token.start_pos)
                if action >= 0:  # shift
                    recognise = starts.get((state, kind))
                    if recognise is not None:
                        whole = recognise(text, pos, line, line_start, filename)
                        if whole is not None:  # the statement's nonterminal, as if reduced here
                            origin, node, node_pos, end = whole
                            state_stack.append(states[state][origin])
                            value_stack.append(node)
                            pos_stack.append(node_pos)
                            break
                    state_stack.append(action)
                    value_stack.append(token)
                    pos_stack.append((token.line, token.column, token.end_line, token.end_column))
                    break
                size, origin, reduce = rules[-action - 1]
                if reduce is None:  # the value and its position stay; only the state changes
                    state_stack.pop()
                    state_stack.append(states[state_stack[-1]][origin])
                    continue
                if size == 1:
                    children = [value_stack.pop()]
                    node_pos = pos_stack.pop()
                    state_stack.pop()
                elif size:
                    children = value_stack[-size:]
                    positions = pos_stack[-size:]
                    del state_stack[-size:], value_stack[-size:], pos_stack[-size:]
                    # the span from the first child with a position to the last one
                    first, last = positions[0], positions[-1]
                    if first is None:
                        first = next((p for p in positions if p is not None), None)
                    if first is None:
                        node_pos = None
                    else:
                        if last is None:
                            last = next(p for p in reversed(positions) if p is not None)
                        node_pos = (first[0], first[1], last[2], last[3])
                else:
                    children, node_pos = [], None
                self.pos = node_pos
                value_stack.append(reduce(children))
                state_stack.append(states[state_stack[-1]][origin])
                pos_stack.append(node_pos)
                if kind == "$END" and state_stack[-1] == end_state:
                    return value_stack[-1]
            if kind == "$END":
                raise FastPathFailed(n)
            pos = end


class _Spliced:
    """An inlined `_rule`'s children, spliced into its parent's by the child filter."""

    __slots__ = ("children",)

    def __init__(self, children: list[Any]):
        self.children = children


@functools.lru_cache(maxsize=1)
def _parser() -> _Parser:
    return _Parser()


# ------------------------------------------------------------------ reading files

def read_spec_file(path: str | os.PathLike[str], shown_as: str | None = None) -> tuple[str | None, list[Diagnostic]]:
    """Read a spec file as text, or explain why it cannot be read."""
    name = shown_as or str(path)
    p = Path(path)
    span = Span(name, 0, 0)
    try:
        if not p.exists():
            return None, [Diagnostic("E110", f"no such file: {name}", span)]
        if p.is_dir():
            return None, [Diagnostic("E114", f"{name} is a directory, not a spec file", span,
                                     ("give the files inside it, or run 'cpuid-contracts check DIR' on the directory",))]
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Diagnostic("E116", f"{name} is {size} bytes; spec files are limited to {MAX_FILE_BYTES} bytes", span)]
        data = p.read_bytes()
    except OSError as e:
        return None, [Diagnostic("E117", f"cannot read {name}: {e.strerror or e}", span)]
    return decode_spec_bytes(data, name)


def decode_spec_bytes(data: bytes, name: str) -> tuple[str | None, list[Diagnostic]]:
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        return None, [Diagnostic("E112", f"{name} contains NUL bytes: it looks like a binary file, not a spec",
                                 Span(name, line, 1))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        return None, [Diagnostic("E111", f"{name} is not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})",
                                 Span(name, line, col), ("spec files are UTF-8 text",))]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []


def check_text_limits(text: str, name: str) -> list[Diagnostic]:
    """Refuse over-long lines and over-deep nesting before the parser sees them."""
    if text and max(map(len, text.split("\n"))) > MAX_LINE_CHARS:  # the lengths in C; the line only if needed
        for lineno, line in enumerate(text.split("\n"), 1):
            if len(line) > MAX_LINE_CHARS:
                return [Diagnostic("E116", f"line {lineno} is {len(line)} characters long; the limit is {MAX_LINE_CHARS}",
                                   Span(name, lineno, MAX_LINE_CHARS + 1),
                                   ("split long set literals over several lines",))]
    deepest, too_deep = _nesting(text, MAX_NESTING)
    if too_deep >= 0:
        line = text.count("\n", 0, too_deep) + 1
        column = too_deep - (text.rfind("\n", 0, too_deep) + 1) + 1
        return [Diagnostic("E115", f"brackets are nested more than {MAX_NESTING} deep", Span(name, line, column),
                           ("name an inner part with 'set NAME = ...' instead of nesting it",))]
    _LAST_DEPTH[0] = deepest
    return []


def _nesting(text: str, limit: int) -> tuple[int, int]:
    """The deepest bracket nesting of the text (brackets in a string or a comment do not
    count; a closing bracket at depth 0 is ignored), and the offset where it first passes
    `limit` (-1 if it does not). Only the characters that matter are visited: a regex
    finds them, and a string or a comment is stepped over whole."""
    depth = deepest = 0
    search, string_at, find = _NESTING_CHARS.search, _STRING.match, text.find
    pos = 0
    while True:
        m = search(text, pos)
        if m is None:
            return deepest, -1
        at = m.start()
        ch = text[at]
        if ch in "([{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if depth > limit:
                    return deepest, at
            pos = at + 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
            pos = at + 1
        elif ch == '"':  # to its closing quote, or to the end of its line
            pos = string_at(text, at).end()
        elif ch == "#" or text.startswith("//", at):  # a comment, to the end of its line
            newline = find("\n", at)
            pos = len(text) if newline < 0 else newline
        else:  # a lone '/'
            pos = at + 1


_LAST_DEPTH = [0]  # the deepest bracket nesting of the text last checked
_NESTING_CHARS = re.compile(r'[()\[\]{}"#/]')
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"?')


# ------------------------------------------------------------------ entry points

MAX_TREE_DEPTH = 200
_NOT_WORD = re.compile(r"\bnot\b")


def _too_deep(decls: list[Any], name: str) -> Diagnostic | None:
    """Later stages walk expressions recursively; refuse trees deeper than they can walk."""
    stack: list[tuple[Any, int]] = [(d, 1) for d in decls]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_TREE_DEPTH:
            span = getattr(node, "span", Span(name, 1, 1))
            return Diagnostic("E115", f"expression is nested more than {MAX_TREE_DEPTH} levels deep", span,
                              ("long chains of '~' or 'not' can be simplified; name inner parts with 'set'",))
        if isinstance(node, (list, tuple)):
            stack.extend((x, depth) for x in node)
        elif hasattr(node, "__dataclass_fields__"):
            stack.extend((getattr(node, f), depth + 1) for f in node.__dataclass_fields__ if f != "span")
    return None


def parse_text(text: str, name: str = "<input>") -> tuple[ast.SpecFile | None, list[Diagnostic]]:
    """Parse one file's text. Returns the AST (None if any syntax error) and diagnostics."""
    limits = check_text_limits(text, name)
    if limits:
        return None, limits
    diagnostics: list[Diagnostic] = []
    try:
        decls = _parser().parse(text, name)
    except (FastPathFailed, BadNumber, BadSdm):
        from checker.syntax import parse_with_lark  # lark names every error; loaded only here

        decls, diagnostics = parse_with_lark(text, name)
        if decls is None:
            return None, diagnostics
    # The tree can only get deep through nested brackets (at most MAX_NESTING) and
    # chains of '~' or 'not'; walk it only when that bound could be exceeded.
    unary = text.count("~") + len(_NOT_WORD.findall(text)) if ("~" in text or "not" in text) else 0
    deep = _too_deep(decls, name) if 4 * _LAST_DEPTH[0] + unary + 16 > MAX_TREE_DEPTH else None
    if deep:
        return None, [deep]
    if not decls:
        diagnostics.append(Diagnostic("E113", f"{name} declares nothing", Span(name, 1, 1)))
    return ast.SpecFile(name, tuple(decls)), diagnostics


def parse_file(path: str | os.PathLike[str], shown_as: str | None = None) -> tuple[ast.SpecFile | None, list[Diagnostic]]:
    _, read_diags, tree, parse_diags = read_and_parse(Path(path), shown_as or str(path))
    return tree, read_diags + parse_diags


Parsed = tuple[str | None, list[Diagnostic], "ast.SpecFile | None", list[Diagnostic]]


def read_and_parse(path: Path, name: str) -> Parsed:
    """One file read and parsed: (text, read diagnostics, tree, parse diagnostics)."""
    text, read_diags = read_spec_file(path, name)
    if text is None:
        return None, read_diags, None, []
    tree, diags = parse_text(text, name)
    return text, read_diags, tree, diags
