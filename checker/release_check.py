"""`release check`: a release against the guarantees the designs' checks rely on.

Runs after checker.solve (it only wires the solver to release data). Every check
of the loaded specs is re-run with the release in place of its module: same
design, KVM, host and assumed guarantees (the check's and its module's). Checks
that then ask the same question are run once. A guarantee the release breaks
makes such a check VACUOUS, and the solver's vacuity explanation names the
guarantee and the bits that break it (DESIGN section 3); a derived check that
assumes nothing gives each invariant's real verdict for this release, which
says whether an invariant that relied on a broken guarantee now fails.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from checker import ast
from checker.diagnostics import Span
from checker.importers import module_statements
from checker.model import load_module, resolve_check
from checker.release import Release
from checker.results import BrokenGuarantee, CheckResult, NowFailing, ReleaseVerdicts, Verdict
from checker.semantics import Program
from checker.solve import CheckSolver, Unknown, check_program


def add_release_module(program: Program, release: Release) -> ast.ModuleDecl:
    """Declare the release as a module of the program, in a file of its own."""
    taken = {n for scope in program.scopes.values() for n in scope}
    name = release.display_name
    while name in taken:
        name += "_release"
    span = Span(release.file, 0, 0)
    decl = ast.ModuleDecl(span, ast.Ident(name, span), release.unlisted == "unspecified",
                          tuple(module_statements(release, span)))
    program.files[release.file] = ast.SpecFile(release.file, (decl,))
    program.decl_files[id(decl)] = release.file
    program.scopes[release.file] = {name: decl}
    return decl


def _question(program: Program, file: str, check: ast.CheckDecl) -> tuple[Any, ...]:
    """What a check asks once its module is replaced: design, kvm, host, future leaf, assumptions."""
    parts = {s.kind: s.name.name for s in check.statements if isinstance(s, ast.CheckPart)}
    future = next((s.enabled for s in check.statements if isinstance(s, ast.CheckFuture)), None)
    assumed = {n.name for s in check.statements if isinstance(s, ast.AssumeStmt) for n in s.names}
    module = program.lookup(file, parts.get("module", ""))
    if isinstance(module, ast.ModuleDecl):
        assumed |= set(load_module(program, program.file_of(module), module).assumes)
    return (file, parts.get("design"), parts.get("kvm"), parts.get("host"), future, tuple(sorted(assumed)))


def derive_checks(program: Program, release: ast.ModuleDecl, only: set[str] | None = None) -> list[str]:
    """Add, next to each check, the same check with the release as its module. Returns their names."""
    groups: dict[tuple[Any, ...], tuple[str, ast.CheckDecl, list[ast.VerifyStmt]]] = {}
    for file, check in program.checks():
        if only is not None and check.name.name not in only:
            continue
        key = _question(program, file, check)
        verifies = [s for s in check.statements if isinstance(s, ast.VerifyStmt)]
        if key in groups:
            have = {v.invariant.name for v in groups[key][2]}
            groups[key][2].extend(v for v in verifies if v.invariant.name not in have)
        else:
            groups[key] = (file, check, list(verifies))
    release_name = release.name.name
    names = []
    added: dict[str, list[ast.CheckDecl]] = {}
    for key, (file, check, verifies) in groups.items():
        assumes = key[5]
        statements: list[Any] = [s for s in check.statements if isinstance(s, (ast.CheckPart, ast.CheckFuture))
                                 and not (isinstance(s, ast.CheckPart) and s.kind == "module")]
        statements.append(ast.CheckPart(check.span, "module", ast.Ident(release_name, check.span)))
        if assumes:
            statements.append(ast.AssumeStmt(check.span, tuple(ast.Ident(a, check.span) for a in assumes)))
        statements += verifies
        name = f"{check.name.name}@{release_name}"
        added.setdefault(file, []).append(ast.CheckDecl(check.span, ast.Ident(name, check.name.span),
                                                        tuple(statements)))
        names.append(name)
        program.scopes.setdefault(file, {})[release_name] = release
    for file, decls in added.items():
        spec = program.files[file]
        program.files[file] = dataclasses.replace(spec, declarations=spec.declarations + tuple(decls))
        for d in decls:
            program.decl_files[id(d)] = file
    return names


def guarantees_only(program: Program, names: list[str]) -> list[CheckResult]:
    """Only the vacuity question of each derived check (does the release break what it
    assumes?). Invariants are not decided, so only VACUOUS and UNKNOWN results come back."""
    out = []
    for file, check in program.checks():
        if check.name.name not in names:
            continue
        setup = resolve_check(program, file, check)
        try:
            vac, reason = CheckSolver(program, setup).vacuity(), None
        except Unknown as u:
            vac, reason = None, f"vacuity check: {u.reason}"
        if vac is None and reason is None:
            continue
        verdict = Verdict.VACUOUS if vac is not None else Verdict.UNKNOWN
        out += [CheckResult(check=setup.name, design=setup.design.name.name, module=setup.module.name,
                            invariant=inv.name, verdict=verdict, expected=inv.expect, file=file, line=inv.span.line,
                            column=inv.span.column, vacuity=vac, reason=reason) for inv in setup.invariants]
    return out


def release_check(program: Program, release: Release, only: set[str] | None = None, jobs: int = 1,
                  decide_invariants: bool = True) -> ReleaseVerdicts:
    module = add_release_module(program, release)
    derived = derive_checks(program, module, only)
    if decide_invariants:
        results = check_program(program, only=derived, jobs=jobs)
    else:
        results = guarantees_only(program, derived)
    relied_on = {(r.check, r.invariant) for r in results if r.expected in (None, "proved")}
    for r in results:
        # The contract relies on what the checks expect to be proved; elsewhere
        # (an expected VIOLATED) any verdict of a release is no regression.
        if r.expected not in (None, "proved") and r.verdict in (Verdict.PROVED, Verdict.VIOLATED):
            r.expected = r.verdict.value
        elif r.expected is None:
            r.expected = "proved"
    return ReleaseVerdicts(release=module.name.name, version=release.version, file=release.file, results=results,
                           broken=_broken(results), now_failing=_now_failing(results, relied_on),
                           invariants_decided=decide_invariants, checks=derived)


def _broken(results: list[CheckResult]) -> list[BrokenGuarantee]:
    out: dict[str, BrokenGuarantee] = {}
    for r in results:
        if r.verdict is not Verdict.VACUOUS or r.vacuity is None:
            continue
        for g in r.vacuity.guarantees:
            b = out.setdefault(g, BrokenGuarantee(g, [], []))
            for bit in r.vacuity.bits:
                if bit.startswith(g + ": ") and bit[len(g) + 2:] not in b.bits:
                    b.bits.append(bit[len(g) + 2:])
            if r.check not in b.checks:
                b.checks.append(r.check)
    return list(out.values())


def _now_failing(results: list[CheckResult], relied_on: set[tuple[str, str]]) -> list[NowFailing]:
    """Invariants the checks prove under a guarantee the release breaks, with their verdict
    for the release alone."""
    plain: dict[tuple[str, str], CheckResult] = {}
    for r in results:
        if r.vacuity is None and r.verdict in (Verdict.PROVED, Verdict.VIOLATED):
            plain.setdefault((r.design, r.invariant), r)
    out = []
    for r in results:
        if r.verdict is Verdict.VACUOUS and r.vacuity is not None and r.vacuity.guarantees \
                and (r.check, r.invariant) in relied_on:
            alone = plain.get((r.design, r.invariant))
            out.append(NowFailing(r.design, r.invariant, r.check, list(r.vacuity.guarantees),
                                  alone.verdict.value if alone else None, alone.check if alone else None))
    return out
