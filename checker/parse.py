"""Reading and parsing spec files: bytes -> text -> lark tree -> AST.

Stage 1 of the pipeline. Imports checker.diagnostics and checker.ast only.
Every failure becomes a Diagnostic: files that are missing, binary, not UTF-8,
too large or nested too deeply are refused before lark sees them (the parser
and the tree walks then never recurse deeply or run for long), and lark's
errors are turned into named, friendly errors with the expected tokens.
After a syntax error the parser skips to the next top-level declaration and
goes on, so one run reports every broken declaration of a file.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any, Callable

import lark
from lark import Lark, Token, Transformer_NonRecursive, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from checker import ast
from checker.diagnostics import Diagnostic, Span

GRAMMAR_FILE = "cpuid_contracts.lark"
SPEC_SUFFIX = ".cpuid"

# Limits that keep bad input from hanging or crashing the front end. The whole
# shipped spec/ is well under all of them; see docs/language.md "Limits".
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_LINE_CHARS = 20_000
MAX_NESTING = 64
MAX_NUMBER_DIGITS = 70
MAX_SYNTAX_ERRORS = 20

TOP_LEVEL_KEYWORDS = (
    "import", "source", "leaf", "feature", "field", "set", "guarantee", "invariant",
    "module", "kvm", "host", "design", "check",
)
_TOP_LEVEL_LINE = re.compile(r"^(%s)\b" % "|".join(TOP_LEVEL_KEYWORDS))


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


@functools.lru_cache(maxsize=1)
def get_parser() -> Lark:
    """The one LALR parser, built once per process.

    lark's cache keeps the LALR tables in the system temporary directory (keyed
    by the grammar's hash and lark's version), so a cold process loads them
    instead of recomputing them; without a writable temporary directory the
    tables are simply built."""
    try:
        return Lark(grammar_text(), parser="lalr", propagate_positions=True, maybe_placeholders=True, cache=True)
    except OSError:
        return Lark(grammar_text(), parser="lalr", propagate_positions=True, maybe_placeholders=True)


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
    for lineno, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            return [Diagnostic("E116", f"line {lineno} is {len(line)} characters long; the limit is {MAX_LINE_CHARS}",
                               Span(name, lineno, MAX_LINE_CHARS + 1),
                               ("split long set literals over several lines",))]
    # Only the characters that matter are visited (a regex finds them), so the scan
    # costs little on large files: brackets, quotes, comment starts and newlines.
    depth, line, line_start = 0, 1, 0
    in_string = in_comment = False
    deepest = 0
    for m in _NESTING_CHARS.finditer(text):
        ch, pos = m.group(), m.start()
        if ch == "\n":
            line, line_start, in_comment, in_string = line + 1, pos + 1, False, False
        elif in_comment:
            pass
        elif in_string:
            if ch == '"' and not _escaped(text, pos):
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "#" or ch == "//":
            in_comment = True
        elif ch in "([{":
            depth += 1
            deepest = max(deepest, depth)
            if depth > MAX_NESTING:
                return [Diagnostic("E115", f"brackets are nested more than {MAX_NESTING} deep",
                                   Span(name, line, pos - line_start + 1),
                                   ("name an inner part with 'set NAME = ...' instead of nesting it",))]
        elif ch in ")]}":
            depth = max(0, depth - 1)
    _LAST_DEPTH[0] = deepest
    return []


_LAST_DEPTH = [0]  # the deepest bracket nesting of the text last checked
_NESTING_CHARS = re.compile(r'//|[()\[\]{}"#\n]')


def _escaped(text: str, pos: int) -> bool:
    """Is the character at pos preceded by an odd number of backslashes?"""
    n = 0
    while pos - n - 1 >= 0 and text[pos - n - 1] == "\\":
        n += 1
    return n % 2 == 1


# ------------------------------------------------------------------ syntax errors in the users' words

_TOKEN_WORDS = {
    "NAME": "a name", "INT": "a number", "STRING": "a string", "$END": "end of file",
    "CMP_OP": "a comparison (==, !=, <=, >=, <, >)", "SET_OP": "'|', '-' or '^'",
}


def _describe_token_type(type_: str) -> str:
    if type_ in _TOKEN_WORDS:
        return _TOKEN_WORDS[type_]
    term = get_parser().get_terminal(type_) if type_ in _terminal_names() else None
    if term is not None and isinstance(term.pattern, lark.lexer.PatternStr):
        return f"'{term.pattern.value}'"
    return type_.lower()


@functools.lru_cache(maxsize=1)
def _terminal_names() -> frozenset[str]:
    return frozenset(t.name for t in get_parser().terminals)


def _is_keyword(type_: str) -> bool:
    if type_ not in _terminal_names():
        return False
    return isinstance(get_parser().get_terminal(type_).pattern, lark.lexer.PatternStr)


def _expected_note(expected: "set[str] | frozenset[str] | list[str]") -> str:
    # lark names some keywords __ANON_n ('CPUID', '->', '..'): show those, hide other internal terminals
    words = sorted({_describe_token_type(t) for t in expected if not t.startswith("__") or _is_keyword(t)},
                   key=lambda w: (w.startswith("'"), w))  # 'a name', 'a string' first: the list may be cut
    if len(words) > 12:
        words = words[:12] + ["..."]
    return "expected " + (words[0] if len(words) == 1 else "one of: " + ", ".join(words))


def _unclosed_brace(text: str, upto: int) -> tuple[int, int] | None:
    """Line and column of the innermost '{' still open at offset `upto`."""
    stack: list[tuple[int, int]] = []
    line, col = 1, 0
    in_string = in_comment = False
    prev = ""
    for ch in text[:upto]:
        col += 1
        if ch == "\n":
            line, col, in_comment, in_string = line + 1, 0, False, False
        elif in_comment:
            pass
        elif in_string:
            in_string = not (ch == '"' and prev != "\\")
        elif ch == '"':
            in_string = True
        elif ch == "#" or (ch == "/" and prev == "/"):
            in_comment = True
        elif ch == "{":
            stack.append((line, col))
        elif ch == "}" and stack:
            stack.pop()
        prev = ch
    return stack[-1] if stack else None


def _offset_of(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def syntax_diagnostic(err: UnexpectedInput, text: str, name: str) -> Diagnostic:
    """Turn one lark error into a named diagnostic with the expected tokens."""
    if isinstance(err, UnexpectedCharacters):
        span = Span(name, err.line, err.column, err.line, err.column + 1)
        ch = text[err.pos_in_stream] if 0 <= err.pos_in_stream < len(text) else "?"
        if ch == '"':
            return Diagnostic("E103", "string is not closed on this line", span, ("add the closing '\"'",))
        if not ch.isascii():  # often pasted from a PDF: a no-break space, a zero-width space, a typographic quote
            import unicodedata

            what = f"{ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')})"
            return Diagnostic("E101", f"unexpected character {what}", span,
                              ("names, numbers and operators are ASCII; other text belongs in strings and comments",))
        return Diagnostic("E101", f"unexpected character {ch!r}", span, (_expected_note(err.allowed),))
    if isinstance(err, UnexpectedEOF) or (isinstance(err, UnexpectedToken) and err.token.type == "$END"):
        expected = err.expected
        last = len(text.rstrip().split("\n")) if text.strip() else 1
        lastcol = len(text.rstrip().split("\n")[-1]) + 1 if text.strip() else 1
        span = Span(name, last, lastcol)
        if "RBRACE" in expected:
            opened = _unclosed_brace(text, len(text))
            notes = (f"the '{{' at line {opened[0]}, column {opened[1]} is never closed",) if opened else ()
            return Diagnostic("E102", "missing '}': the file ends inside a block", span, notes + ("add '}'",))
        if "RPAR" in expected:
            return Diagnostic("E102", "missing ')': the file ends inside parentheses", span, (_expected_note(expected),))
        return Diagnostic("E102", "the file ends in the middle of a declaration", span, (_expected_note(expected),))
    assert isinstance(err, UnexpectedToken)
    tok = err.token
    span = Span(name, tok.line or 1, tok.column or 1, tok.end_line or tok.line or 1, tok.end_column or (tok.column or 1) + 1)
    value = str(tok.value)
    expected = err.expected
    if "RBRACE" in expected and value in TOP_LEVEL_KEYWORDS and tok.column == 1:
        opened = _unclosed_brace(text, _offset_of(text, tok.line or 1, 1))
        notes = [f"the '{{' at line {opened[0]}, column {opened[1]} is not closed"] if opened else []
        return Diagnostic("E104", f"missing '}}' before '{value}'", span, tuple(notes + ["add '}' to close the block"]))
    swallowed = _swallowed_keyword(err)
    if swallowed is not None:
        return Diagnostic("E100", f"the declaration before this '{swallowed}' is unfinished",
                          Span(name, swallowed.line or 1, 1, swallowed.line or 1, (swallowed.end_column or 2)),
                          (f"a line starting with '{swallowed}' begins a new declaration; complete the line above it",))
    if _closing_brace_fits(err):
        opened = _unclosed_brace(text, _offset_of(text, tok.line or 1, tok.column or 1))
        notes = [f"the '{{' at line {opened[0]}, column {opened[1]} is not closed"] if opened else []
        return Diagnostic("E104", f"missing '}}' before '{value}'", span, tuple(notes + ["add '}' to close the block"]))
    if tok.type == "EQUAL" and "CMP_OP" in expected:
        return Diagnostic("E100", "a comparison is written '==', not '='", span)
    stack = getattr(getattr(err, "state", None), "value_stack", None) or [None]
    if tok.type in ("RBRACE", "RPAR") and isinstance(stack[-1], Token) and stack[-1].type == "COMMA":
        return Diagnostic("E100", f"a ',' must be followed by another item before {value!r}", span,
                          ("delete the last ','",))
    named = _match_known_mistake(err, text)
    if named:  # the name says what is wrong; a long list of tokens would only bury it
        return Diagnostic("E100", named, span, (_expected_note(expected),) if len(expected) <= 8 else ())
    if tok.type == "RBRACE" and "FEATURE" in expected:
        return Diagnostic("E105", "stray '}': no block is open here", span, ("delete it, or open the block it closes",))
    if tok.type == "RBRACE":
        return Diagnostic("E100", "unexpected '}': the statement before it is incomplete", span,
                          (_expected_note(expected),))
    if tok.type in ("RPAR", "RSQB", "COMMA", "DOT", "EQUAL", "COLON", "SEMICOLON"):
        return Diagnostic("E105", f"stray {value!r}", span, (_expected_note(expected),))
    return Diagnostic("E100", f"unexpected {value!r}", span, (_expected_note(expected),))


def _swallowed_keyword(err: UnexpectedInput) -> Token | None:
    """A declaration keyword at the start of a line that the parser read as a name.

    After an unfinished line such as 'set S = A |' the next line's 'feature'
    is taken as a name in the expression; the error then shows up later on
    that line, where it makes no sense to the user.
    """
    if not isinstance(err, UnexpectedToken):
        return None
    stack = getattr(getattr(err, "state", None), "value_stack", None)
    node: Any = stack[-1] if stack else None
    while isinstance(node, lark.Tree):
        children = [c for c in node.children if c is not None]
        node = children[-1] if children else None
    if isinstance(node, Token) and node.type == "NAME" and str(node) in TOP_LEVEL_KEYWORDS and node.column == 1:
        return node
    return None


def _closing_brace_fits(err: UnexpectedInput) -> bool:
    """Would the unexpected token be fine after one more '}'? Then a block was left open before it."""
    if not isinstance(err, UnexpectedToken) or err.token.type == "RBRACE" or "RBRACE" not in err.expected:
        return False
    interactive = getattr(err, "interactive_parser", None)
    if interactive is None:
        return False
    try:
        probe = interactive.copy()
        probe.feed_token(Token("RBRACE", "}"))
        return err.token.type in probe.accepts()
    except Exception:  # the probe failing in any way just means "no"
        return False


# Labelled examples of common mistakes, matched against the parser state of a
# real error (lark's UnexpectedInput.match_examples), so the message can name
# the mistake instead of only listing tokens.
_KNOWN_MISTAKES: dict[str, list[str]] = {
    "a feature needs '=' before its position": ["feature SMEP 7.0.EBX[7]"],
    "a field needs '=' before its position": ["field F 1.EBX[31:24]"],
    "a set needs '=' before its value": ["set S {SMEP}", "set S SMEP", "set S 7.0.EBX[7]"],
    "a guarantee needs ':' before its condition": ["guarantee g module.fixed1 <= kvm.known"],
    "an invariant needs ':' before its condition": ["invariant i td.cpuid == {}"],
    "a bit position is written LEAF.SUBLEAF.REGISTER[BIT], e.g. 7.0.EBX[7]": ["feature F = 7.0[7]", "feature F = 7[7]"],
    "a bit range is written [HIGH:LOW]": ["feature F = 7.0.EBX[7:]", "feature F = 7.0.EBX[]"],
    "two values with no operator between them (missing '|', '&' or '-'?)": [
        "set S = A B", "set S = {A B}", "set S = A 7.0.EBX[7]", "set S = {A 7.0.EBX[7]}", "set S = A {B}"],
    "an import names a file in double quotes, e.g. import \"catalog.cpuid\"": ["import catalog.cpuid"],
    "set literal items are separated by ','": ["set S = {A; B}"],
    "an ioctl lists its allowed TD states after 'in', e.g. 'ioctl X() in created { ... }'": [
        "design d { ioctl X() { } }", "design d { ioctl X(a) { } }"],
    "a check line is 'verify INVARIANT' or 'verify INVARIANT expect VERDICT'": [
        "check c { verify }", "check c { verify x expect }", "check c { verify expect proved }"],
}


def _match_known_mistake(err: UnexpectedInput, text: str) -> str | None:
    """The label of the example that fails in the same parser state as `err`, or None.

    lark's own match_examples also requires the same parser stack depth, so an
    example only matched mistakes in a file's first declaration; the LALR
    state (and the tokens it accepts) is what identifies the mistake.
    """
    state = getattr(err, "state", None)
    if state is None:
        return None
    try:
        accepts = err.accepts if isinstance(err, UnexpectedToken) else None
    except Exception:  # computing accepts re-runs the parser; failure just means "no match"
        return None
    fallback = None
    for label, position, example_accepts, token, token_type in _known_mistake_states():
        if position != state.position or (accepts is not None and example_accepts is not None
                                          and example_accepts != accepts):
            continue
        if isinstance(err, UnexpectedToken) and token is not None and token == err.token:
            return label
        # the same state is not enough: 'set S = {A)' fails where 'set S = {A B}' does, but is another mistake
        if isinstance(err, UnexpectedToken) and token_type == err.token.type:
            fallback = fallback or label
    return fallback


@functools.lru_cache(maxsize=1)
def _known_mistake_states() -> list[tuple[str, int, frozenset[str] | None, str | None, str | None]]:
    """Each example's failing parser state, computed once."""
    out = []
    for label, examples in _KNOWN_MISTAKES.items():
        for example in examples:
            try:
                get_parser().parse(example)
            except UnexpectedInput as ex:
                st = getattr(ex, "state", None)
                if st is None:
                    continue
                acc = frozenset(ex.accepts) if isinstance(ex, UnexpectedToken) else None
                tok = str(ex.token) if isinstance(ex, UnexpectedToken) else None
                tok_type = ex.token.type if isinstance(ex, UnexpectedToken) else None
                out.append((label, st.position, acc, tok, tok_type))
            except Exception:
                continue
    return out


def _blank_from_to(text: str, start_line: int, end_line: int) -> str:
    """Replace lines [start_line, end_line) with spaces, keeping line numbers and columns."""
    lines = text.split("\n")
    for i in range(start_line - 1, min(end_line - 1, len(lines))):
        lines[i] = " " * len(lines[i])
    return "\n".join(lines)


def _recovery_window(text: str, error_line: int) -> tuple[int, int]:
    """The declaration containing the error: from its first line to the next declaration."""
    lines = text.split("\n")
    start = error_line
    while start > 1 and not _TOP_LEVEL_LINE.match(lines[start - 1]):
        start -= 1
    end = error_line + 1
    while end <= len(lines) and not _TOP_LEVEL_LINE.match(lines[end - 1]):
        end += 1
    return start, end


# ------------------------------------------------------------------ lark tree -> AST

class _BadNumber(Exception):
    def __init__(self, token: Token):
        self.token = token


def _int(tok: Token) -> int:
    text = str(tok).replace("_", "")
    if len(text) > MAX_NUMBER_DIGITS:
        raise _BadNumber(tok)
    try:
        value = int(text, 0) if not re.fullmatch(r"0[0-9]+", text) else int(text, 10)
    except ValueError:
        raise _BadNumber(tok) from None
    if value >= 1 << 64:
        raise _BadNumber(tok)
    return value


class _ToAst(Transformer_NonRecursive):
    """One method per grammar rule; each builds the AST node of the same name."""

    __visit_tokens__ = False  # no terminal has a callback: tokens pass through as they are

    def __init__(self, filename: str):
        super().__init__()
        self.file = filename
        # lark re-wraps a v_args method on every attribute access; bind each one once
        # per file instead (a third of the transform's time on the shipped specs)
        for name in dir(type(self)):
            if not name.startswith("_") and callable(getattr(type(self), name, None)):
                setattr(self, name, getattr(self, name))

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
    def _keyword(self, c: list[Any]) -> str:
        return str(c[0])

    source_key = symbolic = word = fixed_key = scope = future_mode = _keyword

    # -- files and catalog
    @v_args(meta=True)
    def start(self, meta: Any, items: list[Any]) -> list[Any]:
        return items

    @v_args(meta=True)
    def import_decl(self, meta: Any, c: list[Any]) -> ast.ImportDecl:
        return ast.ImportDecl(self._span(meta), self._string(c[0]))

    @v_args(meta=True)
    def source_attr(self, meta: Any, c: list[Any]) -> tuple[str, str]:
        return (str(c[0]), self._string(c[1]))

    @v_args(meta=True)
    def source_decl(self, meta: Any, c: list[Any]) -> ast.SourceDecl:
        return ast.SourceDecl(self._span(meta), self._ident(c[0]), tuple(c[1:]))

    @v_args(meta=True)
    def leaf_decl(self, meta: Any, c: list[Any]) -> ast.LeafDecl:
        leaf, subleaf, desc, src = c
        return ast.LeafDecl(self._span(meta), _int(leaf), None if subleaf is None else _int(subleaf),
                            None if desc is None else self._string(desc), self._ident(src))

    @v_args(meta=True)
    def feature_decl(self, meta: Any, c: list[Any]) -> ast.FeatureDecl:
        return ast.FeatureDecl(self._span(meta), self._ident(c[0]), c[1], self._ident(c[2]))

    @v_args(meta=True)
    def field_decl(self, meta: Any, c: list[Any]) -> ast.FieldDecl:
        return ast.FieldDecl(self._span(meta), self._ident(c[0]), c[1], self._ident(c[2]))

    @v_args(meta=True)
    def set_decl(self, meta: Any, c: list[Any]) -> ast.SetDecl:
        return ast.SetDecl(self._span(meta), self._ident(c[0]), c[1], self._ident(c[2]))

    @v_args(meta=True)
    def data_set_decl(self, meta: Any, c: list[Any]) -> ast.SetDecl:
        # the value is filled in from the file by checker.importers
        return ast.SetDecl(self._span(meta), self._ident(c[0]), ast.SetLiteral(c[1].span, ()), None, c[1])

    @v_args(meta=True)
    def data_source(self, meta: Any, c: list[Any]) -> ast.DataSource:
        return ast.DataSource(self._span(meta), self._ident(c[0]), self._string(c[1]))

    @staticmethod
    def _body(c: list[Any]) -> tuple[ast.DataSource | None, tuple[Any, ...]]:
        """A party's optional `from FORMAT "PATH"` and its statements."""
        data = next((x for x in c if isinstance(x, ast.DataSource)), None)
        return data, tuple(x for x in c if x is not None and not isinstance(x, ast.DataSource))

    @v_args(meta=True)
    def guarantee_decl(self, meta: Any, c: list[Any]) -> ast.GuaranteeDecl:
        return ast.GuaranteeDecl(self._span(meta), self._ident(c[0]), c[1], self._ident(c[2]))

    @v_args(meta=True)
    def invariant_decl(self, meta: Any, c: list[Any]) -> ast.InvariantDecl:
        return ast.InvariantDecl(self._span(meta), self._ident(c[0]), c[1], self._ident(c[2]))

    # -- parties
    @v_args(meta=True)
    def module_decl(self, meta: Any, c: list[Any]) -> ast.ModuleDecl:
        data, statements = self._body(c[2:])
        return ast.ModuleDecl(self._span(meta), self._ident(c[0]), c[1] is not None, statements, data)

    @v_args(meta=True)
    def version_stmt(self, meta: Any, c: list[Any]) -> ast.VersionStmt:
        return ast.VersionStmt(self._span(meta), self._string(c[0]))

    @v_args(meta=True)
    def assume_stmt(self, meta: Any, c: list[Any]) -> ast.AssumeStmt:
        return ast.AssumeStmt(self._span(meta), c[0])

    check_assume = assume_stmt

    @v_args(meta=True)
    def name_list(self, meta: Any, c: list[Any]) -> tuple[ast.Ident, ...]:
        return tuple(self._ident(t) for t in c)

    @v_args(meta=True)
    def int_list(self, meta: Any, c: list[Any]) -> tuple[int, ...]:
        return tuple(_int(t) for t in c)

    @v_args(meta=True)
    def class_stmt(self, meta: Any, c: list[Any]) -> ast.ClassStmt:
        name, bits, verified, gate, src = c
        return ast.ClassStmt(self._span(meta), self._ident(name), bits, verified, gate, self._ident(src))

    @v_args(meta=True)
    def verified(self, meta: Any, c: list[Any]) -> int:
        return _int(c[0])

    @v_args(meta=True)
    def gate(self, meta: Any, c: list[Any]) -> ast.Gate:
        return ast.Gate(self._span(meta), str(c[0]), c[1])

    @v_args(meta=True)
    def reports_stmt(self, meta: Any, c: list[Any]) -> ast.ReportsStmt:
        return ast.ReportsStmt(self._span(meta), c[0], self._ident(c[1]))

    @v_args(meta=True)
    def module_fixed_stmt(self, meta: Any, c: list[Any]) -> ast.ModuleFixedStmt:
        return ast.ModuleFixedStmt(self._span(meta), str(c[0]), c[1], self._ident(c[2]))

    @v_args(meta=True)
    def kvm_decl(self, meta: Any, c: list[Any]) -> ast.KvmDecl:
        data, statements = self._body(c[1:])
        return ast.KvmDecl(self._span(meta), self._ident(c[0]), statements, data)

    @v_args(meta=True)
    def knows_stmt(self, meta: Any, c: list[Any]) -> ast.KnowsStmt:
        return ast.KnowsStmt(self._span(meta), c[0], self._ident(c[1]))

    @v_args(meta=True)
    def host_decl(self, meta: Any, c: list[Any]) -> ast.HostDecl:
        data, statements = self._body(c[1:])
        return ast.HostDecl(self._span(meta), self._ident(c[0]), statements, data)

    @v_args(meta=True)
    def host_cpuid_stmt(self, meta: Any, c: list[Any]) -> ast.HostCpuidStmt:
        return ast.HostCpuidStmt(self._span(meta), c[0], self._ident(c[1]))

    # -- designs
    @v_args(meta=True)
    def design_decl(self, meta: Any, c: list[Any]) -> ast.DesignDecl:
        return ast.DesignDecl(self._span(meta), self._ident(c[0]), tuple(c[1:]))

    @v_args(meta=True)
    def design_source(self, meta: Any, c: list[Any]) -> ast.DesignSource:
        return ast.DesignSource(self._span(meta), self._ident(c[0]))

    @v_args(meta=True)
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

    @v_args(meta=True)
    def param(self, meta: Any, c: list[Any]) -> ast.Param:
        return ast.Param(self._span(meta), self._ident(c[0]), self._ident(c[1]))

    @v_args(meta=True)
    def transition(self, meta: Any, c: list[Any]) -> ast.Ident:
        return self._ident(c[0])

    @v_args(meta=True)
    def let_stmt(self, meta: Any, c: list[Any]) -> ast.LetStmt:
        return ast.LetStmt(self._span(meta), self._ident(c[0]), c[1])

    @v_args(meta=True)
    def requires_stmt(self, meta: Any, c: list[Any]) -> ast.RequiresStmt:
        return ast.RequiresStmt(self._span(meta), c[0], self._ident(c[1]), self._ident(c[2]))

    @v_args(meta=True)
    def returns_stmt(self, meta: Any, c: list[Any]) -> ast.ReturnsStmt:
        return ast.ReturnsStmt(self._span(meta), c[0], self._ident(c[1]))

    @v_args(meta=True)
    def sets_stmt(self, meta: Any, c: list[Any]) -> ast.SetsStmt:
        return ast.SetsStmt(self._span(meta), c[0], c[1], self._ident(c[2]))

    @v_args(meta=True)
    def protocol_decl(self, meta: Any, c: list[Any]) -> ast.ProtocolDecl:
        return ast.ProtocolDecl(self._span(meta), tuple(c))

    @v_args(meta=True)
    def call(self, meta: Any, c: list[Any]) -> ast.CallStep:
        return ast.CallStep(self._span(meta), None, self._ident(c[0]), tuple(a for a in c[1:] if a is not None))

    @v_args(meta=True)
    def call_stmt(self, meta: Any, c: list[Any]) -> ast.CallStep:
        return c[0]

    @v_args(meta=True)
    def let_call_stmt(self, meta: Any, c: list[Any]) -> ast.CallStep:
        call: ast.CallStep = c[1]
        return ast.CallStep(self._span(meta), self._ident(c[0]), call.ioctl, call.args)

    @v_args(meta=True)
    def assume_cond_stmt(self, meta: Any, c: list[Any]) -> ast.AssumeStep:
        return ast.AssumeStep(self._span(meta), c[0])

    @v_args(meta=True)
    def view_stmt(self, meta: Any, c: list[Any]) -> ast.ViewStep:
        return ast.ViewStep(self._span(meta), c[0])

    # -- checks
    @v_args(meta=True)
    def check_decl(self, meta: Any, c: list[Any]) -> ast.CheckDecl:
        return ast.CheckDecl(self._span(meta), self._ident(c[0]), tuple(c[1:]))

    def _check_part(kind: str) -> Callable[..., ast.CheckPart]:  # type: ignore[misc]
        @v_args(meta=True)
        def build(self: "_ToAst", meta: Any, c: list[Any]) -> ast.CheckPart:
            return ast.CheckPart(self._span(meta), kind, self._ident(c[0]))
        return build

    check_design = _check_part("design")
    check_module = _check_part("module")
    check_kvm = _check_part("kvm")
    check_host = _check_part("host")

    @v_args(meta=True)
    def check_future(self, meta: Any, c: list[Any]) -> ast.CheckFuture:
        return ast.CheckFuture(self._span(meta), str(c[0]) == "with")

    @v_args(meta=True)
    def verify_stmt(self, meta: Any, c: list[Any]) -> ast.VerifyStmt:
        return ast.VerifyStmt(self._span(meta), self._ident(c[0]), self._ident(c[1]))

    # -- expressions
    @v_args(meta=True)
    def top_expr(self, meta: Any, c: list[Any]) -> ast.Expr:
        if len(c) == 1:
            return c[0]
        return ast.LeafRestriction(self._span(meta), c[0], tuple(c[1:]))

    @v_args(meta=True)
    def leaf_range(self, meta: Any, c: list[Any]) -> tuple[int, int]:
        lo = _int(c[0])
        hi = lo if c[1] is None else _int(c[1])
        return (lo, hi)

    @v_args(meta=True)
    def implication(self, meta: Any, c: list[Any]) -> ast.Implication:
        return ast.Implication(self._span(meta), c[0], c[1])

    @v_args(meta=True)
    def disjunction(self, meta: Any, c: list[Any]) -> ast.Disjunction:
        return ast.Disjunction(self._span(meta), tuple(c))

    @v_args(meta=True)
    def conjunction(self, meta: Any, c: list[Any]) -> ast.Conjunction:
        return ast.Conjunction(self._span(meta), tuple(c))

    @v_args(meta=True)
    def not_op(self, meta: Any, c: list[Any]) -> ast.Not:
        return ast.Not(self._span(meta), c[0])

    @v_args(meta=True)
    def comparison(self, meta: Any, c: list[Any]) -> ast.Comparison:
        return ast.Comparison(self._span(meta), str(c[1]), c[0], c[2])

    @v_args(meta=True)
    def membership(self, meta: Any, c: list[Any]) -> ast.Membership:
        return ast.Membership(self._span(meta), c[0], c[1])

    @v_args(meta=True)
    def set_chain(self, meta: Any, c: list[Any]) -> ast.SetChain:
        rest = tuple((str(c[i]), c[i + 1]) for i in range(1, len(c), 2))
        return ast.SetChain(self._span(meta), c[0], rest)

    @v_args(meta=True)
    def intersection(self, meta: Any, c: list[Any]) -> ast.Intersection:
        return ast.Intersection(self._span(meta), tuple(c))

    @v_args(meta=True)
    def complement(self, meta: Any, c: list[Any]) -> ast.Complement:
        return ast.Complement(self._span(meta), c[0])

    @v_args(meta=True)
    def number(self, meta: Any, c: list[Any]) -> ast.Number:
        return ast.Number(self._span(meta), _int(c[0]))

    @v_args(meta=True)
    def true_lit(self, meta: Any, c: list[Any]) -> ast.BoolLiteral:
        return ast.BoolLiteral(self._span(meta), True)

    @v_args(meta=True)
    def false_lit(self, meta: Any, c: list[Any]) -> ast.BoolLiteral:
        return ast.BoolLiteral(self._span(meta), False)

    @v_args(meta=True)
    def set_literal(self, meta: Any, c: list[Any]) -> ast.SetLiteral:
        return ast.SetLiteral(self._span(meta), tuple(x for x in c if x is not None))

    @v_args(meta=True)
    def func_call(self, meta: Any, c: list[Any]) -> ast.FunctionCall:
        return ast.FunctionCall(self._span(meta), self._ident(c[0]), tuple(x for x in c[1:] if x is not None))

    @v_args(meta=True)
    def dotted(self, meta: Any, c: list[Any]) -> ast.Name:
        return ast.Name(self._span(meta), tuple(self._ident(t) for t in c))

    @v_args(meta=True)
    def bit_range(self, meta: Any, c: list[Any]) -> tuple[int, int]:
        hi = _int(c[0])
        lo = hi if c[1] is None else _int(c[1])
        return (hi, lo)

    @v_args(meta=True)
    def register_position(self, meta: Any, c: list[Any]) -> ast.RegisterPosition:
        if len(c) == 3:
            leaf, subleaf, reg, rng = c[0], None, c[1], c[2]
        else:
            leaf, subleaf, reg, rng = c
        hi, lo = rng if rng is not None else (None, None)
        return ast.RegisterPosition(self._span(meta), _int(leaf), None if subleaf is None else _int(subleaf),
                                    self._ident(reg), hi, lo)

    @v_args(meta=True)
    def leaf_position(self, meta: Any, c: list[Any]) -> ast.LeafPosition:
        return ast.LeafPosition(self._span(meta), _int(c[0]), None if len(c) < 2 else _int(c[1]))

    @v_args(meta=True)
    def sdm_position(self, meta: Any, c: list[Any]) -> ast.RegisterPosition:
        # CPUID.(EAX=7,ECX=0):EBX[7] -- the Intel SDM notation
        eax_name, leaf, ecx_name, subleaf, reg, rng = c
        hi, lo = rng if rng is not None else (None, None)
        for tok, want in ((eax_name, "EAX"), (ecx_name, "ECX")):
            if tok is not None and str(tok).upper() != want:
                raise _BadSdm(tok, want)
        return ast.RegisterPosition(self._span(meta), _int(leaf), None if subleaf is None else _int(subleaf),
                                    self._ident(reg), hi, lo)

    @v_args(meta=True)
    def future_register_position(self, meta: Any, c: list[Any]) -> ast.FuturePosition:
        hi, lo = c[1] if c[1] is not None else (None, None)
        return ast.FuturePosition(self._span(meta), self._ident(c[0]), hi, lo)

    @v_args(meta=True)
    def future_leaf_position(self, meta: Any, c: list[Any]) -> ast.FuturePosition:
        return ast.FuturePosition(self._span(meta), None, None, None)

    @v_args(meta=True)
    def wide_position(self, meta: Any, c: list[Any]) -> ast.WidePosition:
        hi, lo = c[1]
        return ast.WidePosition(self._span(meta), str(c[0]), hi, lo)


class _BadSdm(Exception):
    def __init__(self, token: Token, want: str):
        self.token, self.want = token, want


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
    parser = get_parser()
    diagnostics: list[Diagnostic] = []
    work = text
    tree = None
    for _ in range(MAX_SYNTAX_ERRORS):
        try:
            tree = parser.parse(work)
            break
        except UnexpectedInput as err:
            diagnostics.append(syntax_diagnostic(err, work, name))
            line = getattr(err, "line", -1)
            if not isinstance(line, int) or line < 1 or isinstance(err, UnexpectedEOF) or \
                    (isinstance(err, UnexpectedToken) and err.token.type == "$END"):
                break
            start, end = _recovery_window(work, line)
            swallowed = _swallowed_keyword(err)
            if swallowed is not None and swallowed.line:
                line = swallowed.line  # the unfinished declaration is the one above this line
            if swallowed is not None or (isinstance(err, UnexpectedToken) and err.token.column == 1
                                         and str(err.token.value) in TOP_LEVEL_KEYWORDS):
                # "missing '}' before 'module'": drop the unclosed declaration, keep the one that follows
                start, end = _recovery_window(work, max(1, line - 1))
                end = min(end, line)
            work = _blank_from_to(work, start, max(end, start + 1))
    if diagnostics:
        return None, diagnostics
    assert tree is not None
    try:
        decls = _ToAst(name).transform(tree)
    except VisitError as e:
        orig = e.orig_exc
        if isinstance(orig, _BadNumber):
            tok = orig.token
            return None, [Diagnostic("E106", f"bad number {str(tok)[:40]!r}" + ("..." if len(str(tok)) > 40 else ""),
                                     Span(name, tok.line or 0, tok.column or 0, tok.end_line or 0, tok.end_column or 0),
                                     ("numbers are decimal, 0x hexadecimal or 0b binary, at most 64 bits",))]
        if isinstance(orig, _BadSdm):
            tok = orig.token
            return None, [Diagnostic("E100", f"in CPUID.(EAX=..,ECX=..) notation expected {orig.want}, found {str(tok)!r}",
                                     Span(name, tok.line or 0, tok.column or 0))]
        raise
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
    text, diagnostics = read_spec_file(path, shown_as)
    if text is None:
        return None, diagnostics
    tree, more = parse_text(text, shown_as or str(path))
    return tree, diagnostics + more
