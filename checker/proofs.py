"""Proof artefacts: the queries that decide each verdict, as standalone SMT-LIB 2 files.

Beside checker.solve (semantics -> model -> encode -> solve -> proofs; checker.cli
wires it). ``export_check`` asks a check's deciding questions once more on a
fresh CheckSolver with a recorder on ``CheckSolver.ask``: the vacuity question,
then for every invariant whether it can fail in each representative component.
Each representative component becomes one file holding the component's
assertions and one ``(check-sat-assuming ...)`` per question, with the answer
z3 gave. ``manifest.json`` lists every question with its verdict and the hashes
that make stale proofs visible. ``cross_check`` re-solves the files with another
solver (z3, cvc5 or bitwuzla) and reports every answer that differs.
``check`` never reads any of this.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import z3

from checker import ast
from checker.bits import Reg
from checker.diagnostics import Diagnostic, Span
from checker.model import ModelError, resolve_check
from checker.parse import grammar_text
from checker.semantics import Program, cyclic_gc_paused
from checker.solve import CheckSolver, Component, Unknown

SCHEMA_VERSION = 1
MANIFEST = "manifest.json"
GENERATOR = "cpuid-contracts export --smtlib"
# The sources that decide what an obligation says: a change to any of them makes
# committed proofs stale, like a change to the specs.
ENCODING_SOURCES = ("ast.py", "ast_builder.py", "parse_tables.py", "bits.py", "parse.py", "line_statements.py",
                    "semantics.py", "model.py", "encode.py", "positions.py", "solve.py", "proofs.py")
# Which answer of a question supports which outcome.
SUPPORTING_ANSWER = {"proved": "unsat", "violated": "sat", "vacuous": "unsat", "not_vacuous": "sat"}


class ProofsError(Exception):
    """Bad input to export or cross-check, as diagnostics (exit code 2)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


# ------------------------------------------------------------------ hashes

def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def spec_hash(program: Program) -> str:
    """Every spec file of the program: its text and its path below the files' common
    directory (so the hash does not depend on where the specs were loaded from)."""
    names = sorted(program.texts)
    try:
        root = os.path.commonpath([os.path.dirname(n) for n in names]) if names else ""
    except ValueError:  # relative and absolute names mixed: keep them as shown
        root = ""
    h = hashlib.sha256()
    for name in names:
        rel = os.path.relpath(name, root) if root else name
        data = program.texts[name].encode("utf-8")
        h.update(f"{rel}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def encoding_hash() -> str:
    """The grammar and the checker modules that turn a spec into obligations."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    parts = [("grammar", grammar_text().encode("utf-8"))] + [(name, (here / name).read_bytes())
                                                            for name in ENCODING_SOURCES]
    for name, data in parts:
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def tool_version() -> str:
    from importlib import metadata  # here, not at import: it costs a hundredth of a second to load

    try:
        return metadata.version("cpuid-contracts")
    except metadata.PackageNotFoundError:
        return "source tree"


# ------------------------------------------------------------------ recording

@dataclass
class Question:
    kind: str  # "vacuity" or "verdict"
    invariant: str | None
    literals: list[str]
    answer: str


@dataclass
class Part:
    """One representative component of a check: its assertions as SMT-LIB and the questions asked."""

    index: int
    body: str
    assertion_count: int
    questions: list[Question] = field(default_factory=list)


def _smtlib_body(ctx: z3.Context, assertions: z3.AstVector) -> str:
    """Declarations and the assertions, conjoined in one assert so that z3 prints a
    subterm shared by several assertions once (let-bound) instead of once per assertion."""
    done: dict[int, z3.ExprRef] = {}  # shared: the assertions of a component share most subterms
    items = [_strict(a, done) for a in assertions]
    formula = z3.And(items) if len(items) > 1 else items[0] if items else z3.BoolVal(True, ctx)
    text = z3.Z3_benchmark_to_smtlib_string(ctx.ref(), "", "QF_BV", "unknown", "", 0, (z3.Ast * 0)(),
                                            formula.as_ast())
    head, sep, _ = text.rpartition("(check-sat)")
    assert sep, "z3's benchmark printer no longer ends with (check-sat)"
    # z3 starts with an empty comment and a status line: the file header says more
    lines = [x for x in head.splitlines() if x.strip() not in (";", "(set-info :status unknown)")]
    return _renumber_lets("\n".join(lines) + "\n")


def _strict(formula: z3.ExprRef, done: dict[int, z3.ExprRef]) -> z3.ExprRef:
    """The formula with every one-operand and/or replaced by its operand (the same
    meaning): z3 prints (and x), which SMT-LIB, and so bitwuzla, does not accept.
    done: the subterms already rewritten (term id -> result)."""
    stack = [formula]
    while stack:  # post-order without recursion: terms can be deep
        e = stack[-1]
        if e.get_id() in done:
            stack.pop()
            continue
        kids = e.children() if z3.is_app(e) else []
        waiting = [k for k in kids if k.get_id() not in done]
        if waiting:
            stack.extend(waiting)
            continue
        stack.pop()
        new = [done[k.get_id()] for k in kids]
        if len(new) == 1 and (z3.is_and(e) or z3.is_or(e)):
            done[e.get_id()] = new[0]
        elif any(n is not k and not n.eq(k) for n, k in zip(new, kids)):
            done[e.get_id()] = e.decl()(*new)
        else:
            done[e.get_id()] = e
    return done[formula.get_id()]


_LET_NAME = re.compile(r"[?$]x\d+")


def _renumber_lets(text: str) -> str:
    """z3 names let-bound subterms after its internal term ids, which follow the order the
    model happened to build terms in; numbering them by first use makes the file the
    same bytes on every run. Quoted symbols (|...|, the odd pieces) are left alone."""
    names: dict[str, str] = {}

    def rename(m: re.Match[str]) -> str:
        return names.setdefault(m.group(0), f"{m.group(0)[0]}x{len(names) + 1}")

    pieces = text.split("|")
    return "|".join(_LET_NAME.sub(rename, p) if i % 2 == 0 else p for i, p in enumerate(pieces))


class Recorder:
    """Hooked on CheckSolver.recorder: keeps every deciding question, per component."""

    def __init__(self) -> None:
        self.parts: dict[int, Part] = {}

    def __call__(self, cs: CheckSolver, comp: Component, literals: list[z3.BoolRef], answer: z3.CheckSatResult,
                 kind: str, invariant: str | None) -> None:
        index = next(i for i, c in enumerate(cs.components) if c is comp)
        assertions = comp.solver.assertions()
        part = self.parts.get(index)
        if part is None:
            part = self.parts[index] = Part(index, _smtlib_body(comp.ctx, assertions), len(assertions))
        elif len(assertions) != part.assertion_count:
            raise AssertionError("a component's assertions changed between two deciding questions: "
                                 "the export would no longer hold what the solver saw")
        part.questions.append(Question(kind, invariant, [x.sexpr() for x in literals], str(answer)))


# ------------------------------------------------------------------ one check

@dataclass
class CheckExport:
    check: str
    design: str
    module: str
    where: str
    vacuity: str  # "vacuous", "not_vacuous" or "unknown"
    verdicts: dict[str, str]
    files: dict[str, str]  # path inside the proofs directory -> text
    obligations: list[dict[str, Any]]


def _leaf_name(key: tuple[int, int]) -> str:
    leaf, subleaf = key
    return f"future.{subleaf}" if leaf < 0 else f"0x{leaf:x}.{subleaf}"


def _leaves_text(keys: Any) -> str:
    names = [_leaf_name(k) for k in sorted(keys)]
    return ", ".join(names) if names else "none (shared variables only)"


def _register_name(reg: Reg) -> str:
    return f"future.{reg.register}" if reg.is_future else f"0x{reg.leaf:x}.{reg.subleaf}.{reg.register}"


def _registers_text(regs: Any) -> str:
    names = [_register_name(r) for r in sorted(regs)]
    return ", ".join(names) if names else "none (shared variables only)"


@cyclic_gc_paused()  # as check_one: the model's objects form no cycles worth collecting
def export_check(program: Program, file: str, decl: ast.CheckDecl) -> CheckExport:
    """Ask one check's deciding questions with a recorder on, and render them."""
    setup = resolve_check(program, file, decl)
    invariants = [inv.name for inv in setup.invariants]
    out = CheckExport(setup.name, setup.design.name.name, setup.module.name,
                      f"{file}:{decl.span.line}", "unknown", {n: "unknown" for n in invariants}, {}, [])
    try:
        cs = CheckSolver(program, setup)
    except ModelError:
        return out  # check reports it UNKNOWN ("cannot model the check"): no question was asked
    recorder = Recorder()
    cs.recorder = recorder
    try:
        vacuous = cs.vacuity() is not None
        out.vacuity = "vacuous" if vacuous else "not_vacuous"
        for name in invariants:
            out.verdicts[name] = "vacuous" if vacuous else _decide(cs, name)
    except Unknown:
        pass  # the question that came back unknown is recorded; its verdict stays "unknown"
    for index in sorted(recorder.parts):
        _render_part(cs, out, recorder.parts[index])
    return out


def _decide(cs: CheckSolver, invariant: str) -> str:
    try:
        verdict, _ = cs.decide(invariant)
    except Unknown:
        return "unknown"
    return verdict.value


def _outcome(out: CheckExport, q: Question) -> str:
    return out.vacuity if q.kind == "vacuity" else out.verdicts[q.invariant or ""]


def _question_text(q: Question) -> str:
    if q.kind == "vacuity" and any(x.startswith("|silent:") for x in q.literals):
        # asked with every variable at its quiet value: sat shows the assumptions can hold
        return "vacuity: can the check's assumptions all hold here, with every variable quiet?"
    if q.kind == "vacuity":
        return "vacuity: can the check's assumptions all hold here?"
    return f"{q.invariant}: can it fail here under the check's assumptions?"


def _render_part(cs: CheckSolver, out: CheckExport, part: Part) -> None:
    comp = cs.components[part.index]
    others = [cs.components[i] for i in range(len(cs.components)) if cs.rep[i] == part.index and i != part.index]
    first = _register_name(min(comp.regs)) if comp.regs else "shared"
    path = f"{out.check}/c{part.index:03d}-{first}.smt2"
    lines = [
        "; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`",
        f"; check      {out.check} ({out.where})",
        f"; design     {out.design}",
        f"; module     {out.module}",
        f"; component  {part.index} of {len(cs.components)}: registers {_registers_text(comp.regs)}",
    ]
    if others:
        lines.append(f"; stands for {len(others)} more component(s) with the same constraints up to renaming, "
                     "not exported: registers " + _registers_text(r for c in others for r in c.regs))
    copies = [r for c in [comp] + others for r in c.dropped]
    if copies:
        lines.append(f"; stands for {len({r.leaf_key for r in copies})} left-out leaf copies (alike to a kept "
                     "leaf, independent of other leaves but for shared words): registers " + _registers_text(copies))
    if comp.tied:
        lines.append(f"; {comp.tied} register variable(s) have alike bit positions tied: all but a few positions "
                     "of each class repeat one bit, so v is solved as v@kept, its free positions only")
    lines += [
        "; The assertions are the component's, as the deciding z3 solver held them, conjoined in one",
        "; assert. Each question assumes the literals that switch on the spec's assumptions and",
        "; guarantees (and, for an invariant, its violation in this component; for the vacuity question,",
        "; when that is satisfiable, every variable at its quiet value: silent:...); the answer is z3's.",
    ]
    for n, q in enumerate(part.questions, 1):
        outcome = _outcome(out, q)
        lines.append(f"; question {n}: {_question_text(q)} expected {q.answer} ({outcome.replace('_', ' ')})")
    text = "\n".join(lines) + "\n" + part.body
    for n, q in enumerate(part.questions, 1):
        text += f"; question {n}: expected {q.answer}\n(check-sat-assuming ({' '.join(q.literals)}))\n"
    text += "(exit)\n"
    out.files[path] = text
    digest = sha256_text(text)
    for n, q in enumerate(part.questions, 1):
        outcome = _outcome(out, q)
        out.obligations.append({
            "file": path, "question": n, "check": out.check, "design": out.design, "module": out.module,
            "invariant": q.invariant, "kind": q.kind, "expected": q.answer, "verdict": outcome,
            "decides": SUPPORTING_ANSWER.get(outcome) == q.answer,
            "leaves": [_leaf_name(k) for k in sorted(comp.leaves)],
            "registers": [_register_name(r) for r in sorted(comp.regs)],
            "stands_for": [_register_name(r) for c in others for r in sorted(c.regs)]
            + [_register_name(r) for r in sorted(copies)],
            "file_sha256": digest,
        })


# ------------------------------------------------------------------ the directory

def export_program(program: Program, only: set[str] | None = None,
                   progress: Callable[[CheckExport], None] | None = None) -> tuple[dict[str, str], dict[str, Any]]:
    """Every obligation of the program's checks: files by path, and the manifest."""
    files: dict[str, str] = {}
    obligations: list[dict[str, Any]] = []
    specs = spec_hash(program)
    for file, decl in program.checks():
        if only is not None and decl.name.name not in only:
            continue
        done = export_check(program, file, decl)
        files.update(done.files)
        obligations += [dict(o, spec_sha256=specs) for o in done.obligations]
        if progress is not None:
            progress(done)
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "generator": GENERATOR,
        "tool_version": tool_version(),
        "z3_version": z3.get_version_string(),
        "spec_sha256": specs,
        "encoding_sha256": encoding_hash(),
        "obligations": obligations,
    }
    return files, manifest


def manifest_text(manifest: dict[str, Any]) -> str:
    """JSON with one obligation per line, so that a re-export's diff is readable."""
    head = {k: v for k, v in manifest.items() if k != "obligations"}
    lines = ["{"] + [f" {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()] + [' "obligations": [']
    rows = [json.dumps(o) for o in manifest["obligations"]]
    lines += [f"  {row}," for row in rows[:-1]] + [f"  {row}" for row in rows[-1:]] + [" ]", "}"]
    return "\n".join(lines) + "\n"


def is_proofs_dir(path: Path) -> bool:
    try:
        return json.loads((path / MANIFEST).read_text(encoding="utf-8")).get("generator") == GENERATOR
    except (OSError, ValueError, AttributeError):
        return False


def ensure_replaceable(directory: Path) -> None:
    """Only a new or empty directory, or an earlier export, may be written: E600 otherwise."""
    if directory.exists() and not (directory.is_dir() and (is_proofs_dir(directory) or not any(directory.iterdir()))):
        raise ProofsError([Diagnostic(
            "E600", f"refusing to replace {directory}: it exists and is not a proofs directory written by export",
            Span(str(directory), 0, 0), ("give a new or empty directory, or the proofs/ an earlier export wrote",))])


def write_proofs(directory: Path, files: dict[str, str], manifest: dict[str, Any]) -> None:
    """Write into a temporary sibling directory, then swap it in: a failed export never
    leaves a half-written directory."""
    ensure_replaceable(directory)
    parent = directory.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}.new.", dir=parent))
    try:
        for rel, text in sorted(files.items()):
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        (tmp / MANIFEST).write_text(manifest_text(manifest), encoding="utf-8")
        os.chmod(tmp, 0o755)
        if directory.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{directory.name}.old.", dir=parent))
            os.replace(directory, old / directory.name)
            os.replace(tmp, directory)
            shutil.rmtree(old)
        else:
            os.replace(tmp, directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


# ------------------------------------------------------------------ cross-check

SOLVERS = ("z3", "cvc5", "bitwuzla")


class SolverFailed(Exception):
    pass


def _answers(output: str) -> list[str]:
    words = output.split()
    bad = [w for w in words if w not in ("sat", "unsat", "unknown")]
    if bad:
        raise SolverFailed(output.strip())
    return words


def _run_z3(text: str) -> list[str]:
    ctx = z3.Context()  # held in a name: a temporary would be freed before the call
    try:
        return _answers(z3.Z3_eval_smtlib2_string(ctx.ref(), text))
    except z3.Z3Exception as e:
        raise SolverFailed(str(e.value if hasattr(e, "value") else e)) from None


def _run_cvc5(text: str) -> list[str]:
    import cvc5

    tm = cvc5.TermManager()
    solver = cvc5.Solver(tm)
    symbols = cvc5.SymbolManager(tm)
    parser = cvc5.InputParser(solver, symbols)
    parser.setStringInput(cvc5.InputLanguage.SMT_LIB_2_6, text, "obligation")
    output = []
    try:
        while True:
            command = parser.nextCommand()
            if command.isNull():
                break
            output.append(command.invoke(solver, symbols))
    except RuntimeError as e:
        raise SolverFailed(str(e)) from None
    return _answers("".join(output))


def _run_bitwuzla(text: str) -> list[str]:
    import bitwuzla

    parser = bitwuzla.Parser(bitwuzla.TermManager(), bitwuzla.Options())
    # bitwuzla's parser prints its answers on file descriptor 1: catch them there
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile() as caught:
        os.dup2(caught.fileno(), 1)
        try:
            parser.parse(text, False, False)
        except bitwuzla.BitwuzlaException as e:
            raise SolverFailed(str(e)) from None
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        caught.seek(0)
        return _answers(caught.read().decode("utf-8", "replace"))


RUNNERS: dict[str, Callable[[str], list[str]]] = {"z3": _run_z3, "cvc5": _run_cvc5, "bitwuzla": _run_bitwuzla}


def solver_available(name: str) -> bool:
    import importlib.util

    return name == "z3" or importlib.util.find_spec(name) is not None


@dataclass
class CrossCheck:
    files: int = 0
    questions: int = 0
    skipped: int = 0  # questions z3 itself left unknown: nothing to compare
    seconds: dict[str, float] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def disagreements(self) -> int:
        return sum(1 for d in self.diagnostics if d.code == "E603")


def load_manifest(directory: Path) -> dict[str, Any]:
    where = directory / MANIFEST
    try:
        manifest = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ProofsError([Diagnostic("E601", f"cannot read {where}: {e}", Span(str(where), 0, 0),
                                      ("write it with `cpuid-contracts export --smtlib DIR`",))]) from None
    problems = []
    if not isinstance(manifest, dict) or manifest.get("schema_version") != SCHEMA_VERSION:
        problems.append(f"$.schema_version: expected {SCHEMA_VERSION}")
    elif not isinstance(manifest.get("obligations"), list):
        problems.append("$.obligations: expected a list")
    else:
        for i, o in enumerate(manifest["obligations"]):
            for key, kind in (("file", str), ("question", int), ("expected", str), ("file_sha256", str)):
                if not isinstance(o, dict) or not isinstance(o.get(key), kind):
                    problems.append(f"$.obligations[{i}].{key}: expected a {kind.__name__}")
                    break
    if problems:
        raise ProofsError([Diagnostic("E601", f"{where} is not a proofs manifest: {p}", Span(str(where), 0, 0))
                           for p in problems[:10]])
    return manifest


def cross_check(directory: Path, solvers: list[str], jobs: int = 1) -> CrossCheck:
    """Re-solve every file of an exported proofs directory with each solver; every answer
    that differs from the one the manifest records is an E603, every failure an E604.
    With jobs > 1 the files are shared among worker processes."""
    missing = [s for s in solvers if not solver_available(s)]
    if missing:
        raise ProofsError([Diagnostic("E605", f"solver {s} is not installed", Span(s, 0, 0),
                                      ("install it with: pip install 'cpuid-contracts[cross-check]'",))
                           for s in missing])
    manifest = load_manifest(directory)
    by_file: dict[str, list[dict[str, Any]]] = {}
    for o in manifest["obligations"]:
        by_file.setdefault(o["file"], []).append(o)
    work = [(directory, rel, questions, solvers) for rel, questions in by_file.items()]
    if jobs > 1 and len(work) > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(min(jobs, len(work))) as pool:
            parts = pool.map(_check_file, work, chunksize=4)
    else:
        parts = [_check_file(w) for w in work]
    result = CrossCheck(seconds={s: 0.0 for s in solvers})
    for part in parts:
        result.files += part.files
        result.questions += part.questions
        result.skipped += part.skipped
        result.diagnostics += part.diagnostics
        for s, t in part.seconds.items():
            result.seconds[s] += t
    return result


def _check_file(work: tuple[Path, str, list[dict[str, Any]], list[str]]) -> CrossCheck:
    directory, rel, questions, solvers = work
    result = CrossCheck(seconds={s: 0.0 for s in solvers})
    path = directory / rel
    span = Span(str(path), 0, 0)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        result.diagnostics.append(Diagnostic("E602", f"cannot read obligation file: {e}", span))
        return result
    if sha256_text(text) != questions[0]["file_sha256"]:
        result.diagnostics.append(Diagnostic("E602", "obligation file differs from the one the manifest lists (sha256)",
                                             span, ("re-export with `cpuid-contracts export --smtlib DIR`",)))
        return result
    result.files = 1
    result.questions = len(questions)
    for solver in solvers:
        started = time.perf_counter()
        try:
            answers = RUNNERS[solver](text)
        except SolverFailed as e:
            result.diagnostics.append(Diagnostic("E604", f"{solver} failed on this file: {e}", span))
            continue
        finally:
            result.seconds[solver] += time.perf_counter() - started
        result.diagnostics += _compare(solver, span, questions, answers, result)
    return result


def _compare(solver: str, span: Span, questions: list[dict[str, Any]], answers: list[str],
             result: CrossCheck) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if len(answers) != max(q["question"] for q in questions):
        return [Diagnostic("E604", f"{solver} gave {len(answers)} answer(s) for {len(questions)} question(s)", span)]
    for q in questions:
        got = answers[q["question"] - 1]
        what = f"question {q['question']} ({q.get('kind')}{': ' + q['invariant'] if q.get('invariant') else ''})"
        if q["expected"] == "unknown":
            result.skipped += 1
        elif got == "unknown":
            out.append(Diagnostic("E604", f"{solver} answered unknown to {what}; z3 said {q['expected']}", span))
        elif got != q["expected"]:
            out.append(Diagnostic("E603", f"{solver} answers {got} to {what}, but the manifest expects "
                                  f"{q['expected']} (verdict {q.get('verdict')})", span,
                                  ("the solvers disagree: one of them, or the export, is wrong",)))
    return out
