"""Property-based fuzzing of the front end (parse + semantic analysis).

(a) sources drawn from the grammar itself must parse without a syntax error,
(b) arbitrary bytes, and (c) random mutations of docs/sample-draft.cpuid and
of every spec/**/*.cpuid must give an AST or diagnostics -- never an
exception, never E900, never a diagnostic pointing outside the text.

Runs are reproducible (derandomized, no example database). For a longer local
run set CPUID_FUZZ_PROFILE=long (random seeds, 50x the examples) or
CPUID_FUZZ_EXAMPLES=N (N examples per test):

    CPUID_FUZZ_PROFILE=long python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import lark
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

from checker.diagnostics import CODES, Diagnostic
from checker.parse import decode_spec_bytes, grammar_text, parse_text


def get_parser() -> lark.Lark:
    """A parser built from the grammar text: from_lark needs the grammar object,
    which a parser loaded from lark's table cache (checker.syntax.get_parser) lacks."""
    global _UNCACHED
    if _UNCACHED is None:
        _UNCACHED = lark.Lark(grammar_text(), parser="lalr", propagate_positions=True, maybe_placeholders=True)
    return _UNCACHED


_UNCACHED: "lark.Lark | None" = None
from checker.semantics import analyse, analyse_text

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "docs" / "sample-draft.cpuid"
SPEC_DIR = REPO / "spec"

SYNTAX_CODES = {"E100", "E101", "E102", "E103", "E104", "E105", "E106"}

# ------------------------------------------------------------------ settings

settings.register_profile(
    "cpuid-fuzz-ci", derandomize=True, database=None, deadline=2000, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.register_profile(
    "cpuid-fuzz-long", derandomize=False, deadline=2000, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
_PROFILE = os.environ.get("CPUID_FUZZ_PROFILE", "ci")
_SCALE = {"ci": 1, "long": 50}.get(_PROFILE, 1)


def fuzz_settings(examples: int, deadline_ms: int = 2000) -> settings:
    """Settings for one fuzz test: `examples` in CI, more in the long profile or with CPUID_FUZZ_EXAMPLES."""
    n = int(os.environ.get("CPUID_FUZZ_EXAMPLES", examples * _SCALE))
    parent = settings.get_profile("cpuid-fuzz-long" if _PROFILE == "long" else "cpuid-fuzz-ci")
    return settings(parent, max_examples=n, deadline=deadline_ms)


# Build the parser, the known-mistake table and the analyser once, outside any
# example's deadline.
parse_text("feature A 7.0.EBX[7]\n")
analyse_text("set S = {7.0.EBX[7]}\n")


# ------------------------------------------------------------------ the property every input must satisfy

def check_front_end(text: str, name: str = "fuzz.cpuid") -> list[Diagnostic]:
    """parse_text and analyse_text return normally, with sane diagnostics."""
    tree, parse_diags = parse_text(text, name)
    assert tree is not None or any(d.is_error for d in parse_diags), "no AST and no error"
    program, diags = analyse_text(text, name)
    lines = text.split("\n")
    for d in parse_diags + diags:
        assert d.code in CODES and d.code != "E900", d
        assert d.message.strip(), d
        if d.span.file == name and d.span.line:
            assert 1 <= d.span.line <= len(lines), (d, len(lines))
            assert 1 <= d.span.column <= len(lines[d.span.line - 1]) + 1, (d, lines[d.span.line - 1][:200])
            rendered = d.render(program.source_line(d.span))
            assert rendered.startswith(f"{name}:{d.span.line}:{d.span.column}: ")
    return parse_diags + diags


# ------------------------------------------------------------------ (a) sources drawn from the grammar

_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
KEYWORDS = frozenset(t.pattern.value for t in get_parser().terminals
                     if isinstance(t.pattern, lark.lexer.PatternStr) and _NAME_RE.match(t.pattern.value))
# Names that mean something to the analyser, so drawn specs reach past "undefined name".
_NAME_POOL = [
    "SMEP", "SMAP", "X2APIC", "S", "T", "m", "d", "k", "h", "x", "g", "c", "M",
    "native", "fixed0", "fixed1", "configurable", "configurable_if_native", "dynamic", "faulting",
    "td", "userspace", "request", "config", "known", "reported_configurable",
    "EAX", "EBX", "ECX", "EDX", "created", "initialized", "vcpu_initialized", "finalized",
    "mask", "bits", "proved", "violated", "vacuous", "attributes", "xfam", "KVM_TDX_INIT_VM", "EINVAL",
]
assert not set(_NAME_POOL) & KEYWORDS


def _spaced(s: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    # from_lark inserts whitespace only sometimes; a trailing space keeps adjacent tokens apart
    return s.map(lambda v: v + " ")


def _grammar_terminals() -> dict[str, st.SearchStrategy[str]]:
    name = st.one_of(st.sampled_from(_NAME_POOL),
                     st.from_regex(r"[a-z][a-z0-9_]{0,5}", fullmatch=True).filter(lambda n: n not in KEYWORDS))
    integer = st.one_of(st.integers(0, 70).map(str), st.integers(0, 2**32).map(hex),
                        st.integers(0, 2**40).map(lambda i: f"0b{i:b}"), st.integers(0, 2**20).map(lambda i: f"{i:_}"))
    text = st.text(st.characters(codec="utf-8", exclude_characters='"\\\n\r'), max_size=12)
    explicit: dict[str, st.SearchStrategy[str]] = {
        t.name: st.just(t.pattern.value + " ")
        for t in get_parser().terminals if isinstance(t.pattern, lark.lexer.PatternStr)
    }
    explicit.update({
        "NAME": _spaced(name),
        "INT": _spaced(integer),
        "STRING": _spaced(text.map(lambda s: f'"{s}"')),
        "COMMENT": st.one_of(text.map(lambda s: f"# {s}\n"), text.map(lambda s: f"// {s}\n")),
        "WS": st.sampled_from([" ", "\n", "\t", "  \n", "\r\n"]),
        "CMP_OP": _spaced(st.sampled_from(["==", "!=", "<=", ">=", "<", ">"])),
        "SET_OP": _spaced(st.sampled_from(["|", "-", "^"])),
    })
    return explicit


# The grammar lets any NAME stand in CPUID.(EAX=7,ECX=0); the parser then insists on EAX and ECX.
_GAP = r"(?:\s|#[^\n]*\n|//[^\n]*\n)*"
_SDM = re.compile(rf"(CPUID{_GAP}\.{_GAP}\({_GAP})\w+({_GAP}={_GAP}\w+{_GAP})(?:(,{_GAP})\w+)?")


def _sdm_registers(text: str) -> str:
    return _SDM.sub(lambda m: m.group(1) + "EAX" + m.group(2) + (m.group(3) + "ECX" if m.group(3) else ""), text)


grammar_sources = from_lark(get_parser(), start="start", explicit=_grammar_terminals()).map(_sdm_registers)


@fuzz_settings(150)
@given(grammar_sources)
def test_grammar_sources_parse(text: str) -> None:
    tree, diags = parse_text(text, "drawn.cpuid")
    syntax = [d for d in diags if d.code in SYNTAX_CODES]
    assert not syntax, [d.render(None) for d in syntax]
    assert tree is not None or any(d.code in ("E115", "E116") for d in diags), diags
    check_front_end(text, "drawn.cpuid")


# ------------------------------------------------------------------ (b) arbitrary bytes

_SPECISH = st.text(st.sampled_from(list("featurmodlkvhsignp{}()[]<>=:.,|&^~-*#/\"\\ \n\t0123456789xXEBACDS_é")),
                   max_size=400)


@fuzz_settings(300)
@given(st.one_of(
    st.binary(max_size=600),
    _SPECISH.map(lambda s: s.encode("utf-8")),
    st.tuples(_SPECISH, st.binary(min_size=1, max_size=3), _SPECISH).map(
        lambda t: t[0].encode() + t[1] + t[2].encode()),
))
def test_random_bytes(data: bytes) -> None:
    text, diags = decode_spec_bytes(data, "bytes.cpuid")
    if text is None:
        assert [d.code for d in diags] in (["E111"], ["E112"]), diags
        assert all(d.span.line >= 1 and d.span.column >= 1 for d in diags)
        return
    assert not diags
    check_front_end(text, "bytes.cpuid")


# ------------------------------------------------------------------ (c) mutations of real specs

_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|0[xX][0-9a-fA-F_]+|\d+|\s+|\"[^\"\n]*\"|#[^\n]*|.", re.S)
_INSERTS = list("{}()[]<>=:.,;\"'#/\\|&^~-*\n\t x0179_") + ["\u00e9", "\u200b", "\u2028", "\r", "..", "->", "0x", "//"]
_WORDS = sorted(KEYWORDS) + ["EAX", "EBX", "XFAM", "ATTRIBUTES", "CPUID", "future", "0xFFFFFFFFFFFFFFFFF"]


@st.composite
def _mutation(draw: st.DrawFn, text: str) -> str:
    n = len(text)
    op = draw(st.sampled_from(["delete", "delete_span", "insert", "duplicate", "swap", "truncate",
                               "token_delete", "token_duplicate", "token_swap", "token_replace"]))
    if op.startswith("token"):
        toks = _TOKEN.findall(text)
        i = draw(st.integers(0, max(0, len(toks) - 1)))
        if not toks:
            return text
        if op == "token_delete":
            del toks[i]
        elif op == "token_duplicate":
            toks.insert(i, toks[i])
        elif op == "token_swap":
            j = draw(st.integers(0, len(toks) - 1))
            toks[i], toks[j] = toks[j], toks[i]
        else:
            toks[i] = draw(st.one_of(st.sampled_from(_WORDS), st.sampled_from(toks)))
        return "".join(toks)
    i = draw(st.integers(0, n))
    if op == "delete":
        return text[:i] + text[i + 1:]
    if op == "delete_span":
        return text[:i] + text[i + draw(st.integers(1, 40)):]
    if op == "insert":
        return text[:i] + draw(st.one_of(st.sampled_from(_INSERTS), st.characters(codec="utf-8"))) + text[i:]
    if op == "duplicate":
        piece = text[i:i + draw(st.integers(1, 60))]
        j = draw(st.integers(0, n))
        return text[:j] + piece + text[j:]
    if op == "swap":
        j = draw(st.integers(0, max(0, n - 1)))
        if n == 0 or i >= n:
            return text
        chars = list(text)
        chars[i], chars[j] = chars[j], chars[i]
        return "".join(chars)
    return text[:i]  # truncate


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 4))):
        text = draw(_mutation(text))
    return text


SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def test_sample_is_analysable() -> None:
    check_front_end(SAMPLE_TEXT, "sample-draft.cpuid")


@fuzz_settings(150)
@given(mutated(SAMPLE_TEXT))
def test_mutated_sample(text: str) -> None:
    check_front_end(text, "sample-draft.cpuid")


SPEC_FILES = sorted(p.relative_to(SPEC_DIR).as_posix() for p in SPEC_DIR.rglob("*.cpuid")) if SPEC_DIR.is_dir() else []


@pytest.fixture(scope="module")
def spec_copy() -> "Callable[[str, str], list[Diagnostic]]":
    """A private copy of spec/, so a mutated file is analysed together with the files it imports."""
    root = Path(tempfile.mkdtemp(prefix="cpuid-fuzz-"))
    shutil.copytree(SPEC_DIR, root / "spec")

    def analyse_mutant(rel: str, text: str) -> list[Diagnostic]:
        target = root / "spec" / rel
        original = (SPEC_DIR / rel).read_text(encoding="utf-8")
        target.write_text(text, encoding="utf-8")
        try:
            program, diags = analyse([target])
        finally:
            target.write_text(original, encoding="utf-8")
        for d in diags:
            assert d.code in CODES and d.code != "E900", d
            if d.span.line:
                d.render(program.source_line(d.span))
        return diags

    yield analyse_mutant
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.skipif(not SPEC_FILES, reason="spec/ has no spec files yet")
@fuzz_settings(40, deadline_ms=8000)
@given(st.sampled_from(SPEC_FILES or ["-"]).flatmap(
    lambda rel: st.tuples(st.just(rel), mutated((SPEC_DIR / rel).read_text(encoding="utf-8")))))
def test_mutated_spec_files(spec_copy: "Callable[[str, str], list[Diagnostic]]", case: tuple[str, str]) -> None:
    rel, text = case
    check_front_end(text, rel)
    spec_copy(rel, text)
