"""Proof artefacts (checker/proofs.py): the committed proofs/ are current, export is
byte-for-byte reproducible, and the cross-check catches a planted wrong answer.

Regenerating every obligation takes as long as checking everything, so staleness
is tested cheaply: the spec and encoding hashes against the manifest, every
committed file against its sha256, and two small checks re-exported and compared
byte for byte with the committed files.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from checker.cli import load, main
from checker.proofs import (
    MANIFEST,
    cross_check,
    encoding_hash,
    export_check,
    export_program,
    load_manifest,
    manifest_text,
    solver_available,
    spec_hash,
    write_proofs,
)
from checker.solve import check_one

ROOT = Path(__file__).resolve().parent.parent
PROOFS = ROOT / "proofs"
REGENERATE = "proofs/ is stale: regenerate it with `cpuid-contracts export --smtlib proofs/` and commit it"
# Small checks: a VACUOUS one, and one with PROVED and VIOLATED verdicts whose z3 term
# numbering once depended on Python's hash seed.
SMALL = ["upstream_6_16__tdx_1_5_01__fixed1_known", "option2_proposed__tdx_1_5_01"]


@pytest.fixture(scope="module")
def program():
    program, diags, _ = load([])
    assert not [d for d in diags if d.is_error]
    return program


@pytest.fixture(scope="module")
def committed():
    return load_manifest(PROOFS)


@pytest.fixture(scope="module")
def small_export(program):
    checks = {d.name.name: (f, d) for f, d in program.checks()}
    return {name: export_check(program, *checks[name]) for name in SMALL}


def test_committed_proofs_come_from_these_specs_and_this_encoder(program, committed):
    assert committed["spec_sha256"] == spec_hash(program), REGENERATE
    assert committed["encoding_sha256"] == encoding_hash(), REGENERATE
    assert {o["spec_sha256"] for o in committed["obligations"]} == {spec_hash(program)}, REGENERATE
    assert {o["check"] for o in committed["obligations"]} == {d.name.name for _, d in program.checks()}, REGENERATE


def test_committed_files_are_the_ones_the_manifest_lists(committed):
    listed = {o["file"]: o["file_sha256"] for o in committed["obligations"]}
    present = {p.relative_to(PROOFS).as_posix() for p in PROOFS.rglob("*.smt2")}
    assert present == set(listed), REGENERATE
    for rel, digest in listed.items():
        assert hashlib.sha256((PROOFS / rel).read_bytes()).hexdigest() == digest, f"{rel}: {REGENERATE}"


@pytest.mark.parametrize("name", SMALL)
def test_small_checks_regenerate_byte_for_byte(small_export, committed, name):
    done = small_export[name]
    assert done.files
    for rel, text in done.files.items():
        assert (PROOFS / rel).read_text(encoding="utf-8") == text, f"{rel}: {REGENERATE}"
    rows = [{k: v for k, v in o.items() if k != "spec_sha256"} for o in committed["obligations"]
            if o["check"] == name]
    assert rows == done.obligations, REGENERATE


def test_export_verdicts_are_the_checks_verdicts(program, small_export):
    checks = {d.name.name: (f, d) for f, d in program.checks()}
    for name in SMALL:
        done = small_export[name]
        expected = {r.invariant: r.verdict.value for r in check_one(program, *checks[name], guarantee_sets=False)}
        assert done.verdicts == expected
        # PROVED: every question for it in every representative is unsat; VIOLATED: one is sat
        for inv, verdict in done.verdicts.items():
            answers = {o["expected"] for o in done.obligations if o["invariant"] == inv}
            if verdict == "proved":
                assert answers == {"unsat"}
            elif verdict == "violated":
                assert "sat" in answers


def test_manifest_fields(committed):
    o = committed["obligations"][0]
    assert committed["schema_version"] == 1
    for key in ("file", "question", "check", "design", "module", "invariant", "kind", "expected", "verdict",
                "decides", "leaves", "stands_for", "file_sha256", "spec_sha256"):
        assert key in o
    assert {x["kind"] for x in committed["obligations"]} == {"vacuity", "verdict"}


@pytest.fixture(scope="module")
def vacuous_export(program):
    return export_program(program, only={SMALL[0]})


def _small_dir(tmp_path: Path, export) -> Path:
    out = tmp_path / "proofs"
    write_proofs(out, *export)
    return out


def _plant_wrong_answer(directory: Path) -> dict:
    """Flip the expected answer of one question, in the header and the manifest, and
    re-hash the file, so that only a solver can tell that the answer is wrong."""
    manifest = load_manifest(directory)
    victim = next(o for o in manifest["obligations"] if o["decides"])
    wrong = "sat" if victim["expected"] == "unsat" else "unsat"
    path = directory / victim["file"]
    old = f"; question {victim['question']}: expected {victim['expected']}"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, f"; question {victim['question']}: expected {wrong}")
    path.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    for o in manifest["obligations"]:
        if o["file"] == victim["file"]:
            o["file_sha256"] = digest
    victim["expected"] = wrong
    (directory / MANIFEST).write_text(manifest_text(manifest), encoding="utf-8")
    return victim


SOLVERS = ["z3"] + [pytest.param(s, marks=pytest.mark.skipif(not solver_available(s), reason=f"{s} not installed"))
                    for s in ("cvc5", "bitwuzla")]


@pytest.mark.parametrize("solver", SOLVERS)
def test_cross_check_agrees_then_catches_a_planted_wrong_answer(tmp_path, vacuous_export, solver):
    out = _small_dir(tmp_path, vacuous_export)
    good = cross_check(out, [solver])
    assert good.diagnostics == [] and good.files > 0 and good.questions >= good.files
    victim = _plant_wrong_answer(out)
    bad = cross_check(out, [solver])
    assert [d.code for d in bad.diagnostics] == ["E603"]
    message = bad.diagnostics[0].message
    assert victim["file"] in bad.diagnostics[0].span.file and f"question {victim['question']}" in message


def test_cli_proofs_check_exit_codes(tmp_path, vacuous_export, capsys):
    out = _small_dir(tmp_path, vacuous_export)
    assert main(["proofs", "check", str(out), "--solver", "z3", "--jobs", "1"]) == 0
    assert "0 disagreement(s)" in capsys.readouterr().out
    _plant_wrong_answer(out)
    assert main(["proofs", "check", str(out), "--solver", "z3", "--jobs", "1"]) == 1
    assert "[E603]" in capsys.readouterr().err
    first = sorted(out.rglob("*.smt2"))[0]
    first.write_text(first.read_text() + "; edited\n")
    assert main(["proofs", "check", str(out), "--solver", "z3", "--jobs", "1"]) == 2
    assert "[E602]" in capsys.readouterr().err
    (out / MANIFEST).write_text("{}")
    assert main(["proofs", "check", str(out), "--solver", "z3", "--jobs", "1"]) == 2
    assert "[E601]" in capsys.readouterr().err


def test_cli_export_replaces_only_proofs_directories(tmp_path, capsys):
    name = "upstream_6_16__tdx_1_5_01__fixed1_known"
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "todo.txt").write_text("keep me")
    assert main(["export", "--smtlib", str(mine), "--check", name]) == 2
    assert "[E600]" in capsys.readouterr().err
    assert [p.name for p in mine.iterdir()] == ["todo.txt"]
    out = tmp_path / "proofs"
    assert main(["export", "--smtlib", str(out), "--check", name, "--cross-check", "z3", "--jobs", "2"]) == 0
    first = json.loads((out / MANIFEST).read_text())
    (out / "stray.smt2").write_text("left over")
    assert main(["export", "--smtlib", str(out), "--check", name]) == 0  # an earlier export: replaced whole
    assert not (out / "stray.smt2").exists()
    assert json.loads((out / MANIFEST).read_text()) == first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left behind
    assert main(["export", "--smtlib", str(out), "--check", "no_such_check"]) == 2


def test_missing_solver_is_bad_input(tmp_path, vacuous_export, monkeypatch, capsys):
    out = _small_dir(tmp_path, vacuous_export)
    monkeypatch.setattr("checker.proofs.solver_available", lambda s: s == "z3")
    assert main(["proofs", "check", str(out), "--solver", "cvc5", "--jobs", "1"]) == 2
    assert "[E605]" in capsys.readouterr().err
    shutil.rmtree(out)


def test_cli_export_unwritable_directory_is_bad_input(tmp_path, monkeypatch, capsys):
    def refuse(*_):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("checker.cli.write_proofs", refuse)
    assert main(["export", "--smtlib", str(tmp_path / "p"), "--check", SMALL[0]]) == 2
    assert "cannot write" in capsys.readouterr().err
