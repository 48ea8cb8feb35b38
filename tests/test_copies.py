"""Alike leaves joined only through shared words: the checker keeps two copies of each kind.

model.alike_leaves (before encoding) and CheckSolver._reduce (inside a component) leave
out copies of a leaf that only XFAM, ATTRIBUTES, the module's fixed words or the future
leaf's number tie to the rest of their component (the generated 10x/100x specs of
bench/ are made of such copies). These tests take
the brute-force cross-check's two-leaf models, add three copies of leaf B (same
class statement, gated by XFAM or ATTRIBUTES so that they share a component, in
every set that names B), and require the checker to agree with the exhaustive
enumeration on verdicts, guarantee sets, would-hold sets and the exact size of
minimal counterexamples; and to agree with itself when the reduction is switched off.
"""
from __future__ import annotations

import itertools
import random
import re

import pytest

from checker.model import build_space, resolve_check
from checker.semantics import analyse_text
from checker import solve
from checker.solve import CheckSolver, check_one
from tests.test_bruteforce import TWO_LEAVES, Generated, decide_and_compare, generate, random_pick

COPY_LEAVES = ("0x2", "0x3", "0x4")  # generate() uses 0x1, 0x81 and 0x80000008
COPY_NAMES = ("C", "D", "E")
ENUMERATED = 80
COMPARED = 40


def with_copies(gen: Generated) -> Generated:
    """The model with three copies of feature B's leaf, alike to it in every respect the
    spec controls, and joined to it through a gate."""
    lines = gen.text.split("\n")
    out: list[str] = []
    in_module_m = False
    for line in lines:
        if line.startswith("module "):
            in_module_m = line.startswith("module m ")
        elif line == "}":
            in_module_m = False
        if re.fullmatch(r"feature B = \S+\.EAX\[0\]", line):
            out.append(line)
            out += [f"leaf {lf}" for lf in COPY_LEAVES]
            out += [f"feature {n} = {lf}.EAX[0]" for n, lf in zip(COPY_NAMES, COPY_LEAVES)]
            continue
        if in_module_m and re.fullmatch(r"  \w+ B\b.*", line):
            if " when " not in line:
                line += " when XFAM[0]"
            out.append(line)
            out += [re.sub(r"\bB\b", n, line) for n in COPY_NAMES]
            continue
        out.append(line)
    text = "\n".join(out)

    def widen(m: re.Match[str]) -> str:
        items = [x.strip() for x in m.group(1).split(",") if x.strip()]
        return "{" + ", ".join(items + list(COPY_NAMES)) + "}" if "B" in items else m.group(0)

    text = re.sub(r"\{([^{}]*)\}", widen, text)
    # a host that names B's leaf (mask(L.EAX, 0): it reads 0 there) names the copies' leaves too
    leaf_b = re.search(r"^feature B = (\S+)\.EAX\[0\]$", text, re.M).group(1)  # type: ignore[union-attr]
    text = text.replace(f"mask({leaf_b}.EAX, 0)",
                        " | ".join([f"mask({leaf_b}.EAX, 0)"] + [f"mask({lf}.EAX, 0)" for lf in COPY_LEAVES]))
    return Generated(text, gen.notes, gen.file)


def _reduced(gen: Generated) -> bool:
    program, _ = analyse_text(gen.text, gen.file)
    (file, decl), = program.checks()
    setup = resolve_check(program, file, decl)
    space = build_space(program, setup, TWO_LEAVES.width, TWO_LEAVES.wide_width, TWO_LEAVES.registers)
    cs = CheckSolver(program, setup, space=space)
    return any(c.dropped for c in cs.components)


def _cases(rng: random.Random):  # type: ignore[no-untyped-def]
    while True:
        yield with_copies(generate(random_pick(rng), two_leaves=True))


def test_copies_agree_with_enumeration() -> None:
    decided = reduced = tried = 0
    verdicts: dict[str, int] = {}
    for gen in _cases(random.Random(20261126)):
        tried += 1
        assert tried <= 20 * ENUMERATED, "the generator rarely writes models small enough to enumerate"
        summary = decide_and_compare(gen, TWO_LEAVES)
        if summary is None:  # too many variables to enumerate
            continue
        decided += 1
        reduced += _reduced(gen)
        for v in summary["verdicts"].values():
            verdicts[v.value] = verdicts.get(v.value, 0) + 1
        if decided == ENUMERATED:
            break
    assert reduced >= ENUMERATED // 2, reduced  # the reduction really ran, on most of them
    assert verdicts.get("proved", 0) and verdicts.get("violated", 0) and verdicts.get("vacuous", 0), verdicts


def test_copies_give_what_the_unreduced_check_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Also on models too large to enumerate: every field of every result is the same."""
    compared = 0
    for gen in itertools.islice(_cases(random.Random(11)), COMPARED):
        program, _ = analyse_text(gen.text, gen.file)
        (file, decl), = program.checks()
        kw = dict(width=TWO_LEAVES.width, wide_width=TWO_LEAVES.wide_width, registers=TWO_LEAVES.registers)
        reduced = check_one(program, file, decl, **kw)
        with monkeypatch.context() as m:
            m.setattr(CheckSolver, "_reduce", lambda self, comp, atoms: atoms)
            m.setattr(solve, "alike_leaves", lambda *args: None)  # and the space keeps every copy
            plain = check_one(program, file, decl, **kw)
        for a, b in zip(reduced, plain, strict=True):
            a.seconds = b.seconds = 0.0
            if a.counterexample is not None and b.counterexample is not None:
                # which copy a counterexample uses may differ; its size and minimality may not
                assert (a.counterexample.leaf_count, a.counterexample.bit_count, a.counterexample.minimal) == \
                    (b.counterexample.leaf_count, b.counterexample.bit_count, b.counterexample.minimal), gen.text
                a.counterexample = b.counterexample = None
            assert a == b, gen.text
        compared += 1
    assert compared == COMPARED


def test_export_names_the_left_out_copies() -> None:
    """An exported obligation of a reduced component says which registers it also stands for."""
    from checker.proofs import export_program

    for gen in _cases(random.Random(5)):
        program, _ = analyse_text(gen.text, gen.file)
        (file, decl), = program.checks()
        cs = CheckSolver(program, resolve_check(program, file, decl))
        dropped = sorted(r for c in cs.components for r in c.dropped)
        if dropped:
            break
    files, manifest = export_program(program)
    left_out = {r.notation() for r in dropped}
    headers = [t for t in files.values() if "left-out leaf copies" in t]
    assert headers, sorted(files)  # in the file of each component that stands for some
    stands_for = {name for ob in manifest["obligations"] for name in ob["stands_for"]}
    assert left_out <= stands_for, (left_out, stands_for)
