"""checker.parse's own LALR driver and lexer against lark's parse + transform.

The fast path may only ever give the AST that lark's parser and
checker.syntax.LarkAstBuilder give: on every text lark accepts it must build the same AST (node kinds, fields
and spans); on every text lark refuses it must refuse too, so that the error
is reported by the lark path. Checked on every spec file in the repository,
on hand-picked lexer corner cases, and on a few thousand deterministic random
edits of the shipped specs (most of which are syntax errors)."""

from __future__ import annotations

import hashlib
import random
import subprocess
import sys
from pathlib import Path

import pytest
from lark.exceptions import UnexpectedInput, VisitError

from checker import parse_tables
from checker.ast_builder import BadNumber, BadSdm
from checker.parse import FastPathFailed, _parser, grammar_text
from checker.syntax import LarkAstBuilder, get_parser

REPO = Path(__file__).resolve().parent.parent
SPEC_FILES = sorted(REPO.glob("spec/**/*.cpuid")) + sorted(REPO.glob("tests/**/*.cpuid"))


def _shape(node: object) -> object:
    """Everything about an AST: node kinds, every field, every span."""
    if hasattr(node, "__dataclass_fields__"):
        return (type(node).__name__,) + tuple((f, _shape(getattr(node, f))) for f in node.__dataclass_fields__)
    if isinstance(node, (list, tuple)):
        return tuple(_shape(x) for x in node)
    return node


def _both(text: str) -> tuple[object, object]:
    try:
        slow = _shape(LarkAstBuilder("f.cpuid").transform(get_parser().parse(text)))
    except UnexpectedInput:
        slow = "error"
    except VisitError as e:
        slow = ("bad token", type(e.orig_exc).__name__)
    try:
        fast = _shape(_parser().parse(text, "f.cpuid"))
    except FastPathFailed:
        fast = "error"
    except (BadNumber, BadSdm) as e:
        fast = ("bad token", type(e).__name__)
    return slow, fast


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_same_tree_on_every_spec_file(path: Path) -> None:
    slow, fast = _both(path.read_text(encoding="utf-8"))
    assert fast == slow


CORNER_CASES = [
    "set set = set",  # a keyword where a name is expected is a name
    "feature from = 1.EAX[0] from from",
    "set S = XFAM_PKRU | XFAMX",  # a longer name is not split at a keyword
    "set S = A==B",
    "set S = A - B ^ C | D & ~E",
    "set S = {0x7.0.EBX[7], 0b1.ECX[3:0], 1_0.EDX}",
    "set S = A on leaves 0..0x7F, 0x80000000",
    "set S = A\ton leaves 1..2 // comment\n# another\n",
    "feature F = CPUID.(EAX=7,ECX=0):EBX[7]",
    "feature F = XFAM[9]",
    "guarantee g: true and not false or x implies y",
    "set S = future.EBX[3] | future.*",
    'source s { repo "a\\"b" file "x" }',
    "check c { with future leaf verify x expect proved }",
    "design d { ioctl X(a, b: c) vm in created -> initialized { requires a <= b else EINVAL } }",
    "feature F = 1.EAX[0] fromsrc",  # a keyword glued to a name
    "set S = A ->B",
    "set S = 0xg",
    "set S = 0b2",
    "set S = 1_000_000_000_000_000_000_000",  # too large: the same error from both
    "feature F = CPUID.(EAX=7,EBX=0):EBX[7]",
    "set S = (A | B) & (C)",
    "module m symbolic { fixed1 7.0.EBX[7] verified 1 when XFAM[1, 2] from s }",
    "set S = A ! B",
    "set S = \"unterminated",
    "set S = A $",
    "set S == A",
    "",
    "   \n\n# only a comment",
]


@pytest.mark.parametrize("text", CORNER_CASES)
def test_same_tree_on_corner_cases(text: str) -> None:
    slow, fast = _both(text)
    assert fast == slow


def test_same_result_on_random_edits() -> None:
    rng = random.Random(20261126)
    texts = [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("spec/**/*.cpuid"))]
    pieces = ["", " ", "\n", "from", "set", "x", "0x", "..", "->", "=", "==", "-", ".", "{", "}", "(", ")",
              "[", "]", ",", ":", "#", "//", '"', "CPUID", "XFAM", "in", "*", "~", "&", "|", "1", "not"]
    accepted = refused = 0
    for _ in range(2000):
        text = rng.choice(texts)
        lines = text.split("\n")
        start = rng.randrange(len(lines))
        window = "\n".join(lines[start:start + rng.randint(1, 12)])
        for _ in range(rng.randint(0, 2)):
            i = rng.randrange(len(window) + 1)
            j = min(len(window), i + rng.randint(0, 3))
            window = window[:i] + rng.choice(pieces) + window[j:]
        slow, fast = _both(window)
        assert fast == slow, window
        accepted += slow != "error"
        refused += slow == "error"
    assert accepted > 100 and refused > 100  # both sides of the comparison were exercised


def test_tables_are_those_of_the_grammar() -> None:
    """checker/parse_tables.py is regenerated with the grammar (tools/gen_parse_tables.py)."""
    digest = hashlib.sha256(grammar_text().encode("utf-8")).hexdigest()
    assert parse_tables.GRAMMAR_SHA256 == digest, "grammar changed: run python3 tools/gen_parse_tables.py"


def test_valid_specs_are_parsed_without_lark() -> None:
    """The point of the fast path: a cold `check` of valid specs never imports lark."""
    code = ("import sys; from checker.semantics import analyse; p, d = analyse([sys.argv[1]]); "
            "assert not [x for x in d if x.is_error]; print('lark' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(REPO / "spec")], capture_output=True, text=True,
                         cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


def test_a_syntax_error_still_comes_from_lark() -> None:
    from checker.parse import parse_text

    tree, diags = parse_text("set S = {A B}\nfeature F = 1.EAX[0]\n", "x.cpuid")
    assert tree is None
    assert [(d.code, d.span.line, d.span.column) for d in diags] == [("E100", 1, 12)]
    assert "two values with no operator" in diags[0].message
