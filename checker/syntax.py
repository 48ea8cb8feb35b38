"""Syntax errors in the users' words: the lark path of stage 1.

checker.parse parses every file with its own LALR driver and comes here only
when that fails (or meets a bad number): the file is then parsed again with
lark's own lexer and parser, whose errors are turned into named diagnostics
with the expected tokens. After a syntax error the parser skips to the next
top-level declaration and goes on, so one run reports every broken
declaration of a file. A file lark accepts after all is built into the AST by
the same checker.ast_builder methods, through a lark Transformer.
"""

from __future__ import annotations

import functools
from typing import Any

import lark
from lark import Lark, Token, Transformer_NonRecursive, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from checker.ast_builder import AstBuilder, BadNumber, BadSdm, rule_methods
from checker.diagnostics import Diagnostic, Span
from checker.parse import MAX_SYNTAX_ERRORS, TOP_LEVEL_KEYWORDS, TOP_LEVEL_LINE, grammar_text


@functools.lru_cache(maxsize=1)
def get_parser() -> Lark:
    """lark's LALR parser for the grammar, built once per process.

    lark's cache keeps the LALR tables in the system temporary directory (keyed
    by the grammar's hash and lark's version), so a cold process loads them
    instead of recomputing them; without a writable temporary directory the
    tables are simply built."""
    try:
        return Lark(grammar_text(), parser="lalr", propagate_positions=True, maybe_placeholders=True, cache=True)
    except OSError:
        return Lark(grammar_text(), parser="lalr", propagate_positions=True, maybe_placeholders=True)


class LarkAstBuilder(AstBuilder, Transformer_NonRecursive):
    """checker.ast_builder's methods as a lark Transformer over lark's tree."""

    __visit_tokens__ = False  # no terminal has a callback: tokens pass through as they are

    def __init__(self, filename: str):
        AstBuilder.__init__(self, filename)
        Transformer_NonRecursive.__init__(self)


for _name, _method in rule_methods().items():
    setattr(LarkAstBuilder, _name, v_args(meta=True)(_method))


def parse_with_lark(text: str, name: str) -> tuple[list[Any] | None, list[Diagnostic]]:
    """The file's declarations, or None and every syntax error found (at most MAX_SYNTAX_ERRORS)."""
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
        return LarkAstBuilder(name).transform(tree), []
    except VisitError as e:
        orig = e.orig_exc
        if isinstance(orig, BadNumber):
            tok = orig.token
            return None, [Diagnostic("E106", f"bad number {str(tok)[:40]!r}" + ("..." if len(str(tok)) > 40 else ""),
                                     Span(name, tok.line or 0, tok.column or 0, tok.end_line or 0, tok.end_column or 0),
                                     ("numbers are decimal, 0x hexadecimal or 0b binary, at most 64 bits",))]
        if isinstance(orig, BadSdm):
            tok = orig.token
            return None, [Diagnostic("E100", f"in CPUID.(EAX=..,ECX=..) notation expected {orig.want}, found {str(tok)!r}",
                                     Span(name, tok.line or 0, tok.column or 0))]
        raise


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
    while start > 1 and not TOP_LEVEL_LINE.match(lines[start - 1]):
        start -= 1
    end = error_line + 1
    while end <= len(lines) and not TOP_LEVEL_LINE.match(lines[end - 1]):
        end += 1
    return start, end
