"""The command line: the only module that wires every stage together.

``cpuid-contracts check`` with no paths checks the specs shipped inside the
package (the repository's spec/). Exit codes (docs/cli.md): 0 every verdict as
expected, 1 an unexpected VIOLATED, 2 bad input, 3 an unexpected UNKNOWN or
VACUOUS. ``export --smtlib`` and ``proofs check`` (checker.proofs) exit 1 when
another solver disagrees with z3 and 3 when it gives no answer; ``compare``
(checker.compare) exits 3 when the solver left something undecided. A bug in
the tool itself is reported as E900 with exit code 4, never as a bare traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Sequence

from checker.compare import CompareError, choose_template, compare
from checker.diagnostics import Diagnostic, Span
from checker.parse import package_data_dir
from checker.proofs import SOLVERS, ProofsError, cross_check, ensure_replaceable, export_program, write_proofs
from checker.report import render_comparison, render_email, render_json, render_text, result_details
from checker.results import CheckResult
from checker.semantics import Program, analyse
from checker.solve import check_one, check_program

EXIT_OK = 0
EXIT_VIOLATED = 1
EXIT_BAD_INPUT = 2
EXIT_UNKNOWN_OR_VACUOUS = 3
EXIT_INTERNAL = 4


def shipped_spec_dir() -> Path:
    """The specs shipped with the tool: package data when installed, spec/ in a source tree."""
    installed = package_data_dir("checker.shipped_spec")
    if installed is not None and any(installed.rglob("*.cpuid")):
        return installed
    return Path(__file__).resolve().parent.parent / "spec"


def _display_for(root: Path | None):
    def show(p: Path) -> str:
        if root is not None:
            try:
                return "spec/" + p.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                pass
        from checker.semantics import _relative

        return _relative(p)
    return show


def print_diagnostics(program: Program | None, diagnostics: Sequence[Diagnostic], fmt: str, out=None) -> None:
    out = out or sys.stderr
    if fmt == "json":
        return
    for d in diagnostics:
        line = program.source_line(d.span) if program is not None else None
        print(d.render(line), file=out)


def _no_spec_files(dirs: Sequence[str | Path], shown: Sequence[str]) -> list[Diagnostic]:
    """A directory with no *.cpuid below it is bad input: checking nothing must not look like success."""
    from checker.semantics import collect_spec_paths

    return [Diagnostic("E118", f"no spec files found in {name}", Span(name, 0, 0),
                       ("spec files end in .cpuid",))
            for d, name in zip(dirs, shown) if Path(d).is_dir() and not collect_spec_paths([d])]


def load(paths: Sequence[str]) -> tuple[Program, list[Diagnostic], str]:
    if paths:
        program, diags = analyse(paths)
        diags = _no_spec_files(paths, paths) + diags
        where = ", ".join(paths)
    else:
        root = shipped_spec_dir()
        program, diags = analyse([root], display=_display_for(root))
        diags = _no_spec_files([root], ["spec/"]) + diags
        where = "the shipped specs (spec/)"
    return program, diags, where


FAIL_ON_CHOICES = ("violated", "unknown", "vacuous")


def exit_code(results: Sequence[CheckResult], fail_on: set[str]) -> int:
    """DESIGN section 6: 1 an unexpected VIOLATED, 3 an unexpected UNKNOWN or VACUOUS, else 0."""
    surprising = {r.verdict.value for r in results if not r.as_expected}
    if "violated" in surprising and "violated" in fail_on:
        return EXIT_VIOLATED
    if surprising & {"unknown", "vacuous"} & fail_on:
        return EXIT_UNKNOWN_OR_VACUOUS
    if "proved" in surprising and "violated" in fail_on:
        # a design expected to be broken turned out correct: the spec's expectation is stale
        return EXIT_VIOLATED
    return EXIT_OK


def _parse_fail_on(text: str) -> set[str]:
    chosen = {x.strip() for x in text.split(",") if x.strip()}
    bad = chosen - set(FAIL_ON_CHOICES)
    if bad:
        raise argparse.ArgumentTypeError(f"--fail-on takes {', '.join(FAIL_ON_CHOICES)}; not {', '.join(sorted(bad))}")
    return chosen


def _analysed(args: argparse.Namespace) -> tuple[Program | None, list[Diagnostic], str, int | None]:
    program, diags, where = load(args.paths)
    errors = [d for d in diags if d.is_error]
    print_diagnostics(program, diags, args.format)
    if errors:
        if args.format == "json":
            _emit(render_json([], diags), args)
        else:
            print(f"{len(errors)} error(s) in {where}; nothing was checked", file=sys.stderr)
        return None, diags, where, EXIT_BAD_INPUT
    return program, diags, where, None


def _emit(text: str, args: argparse.Namespace) -> None:
    if getattr(args, "output", None):
        from checker.output import write_atomically

        write_atomically(args.output, text)
    else:
        sys.stdout.write(text)


def _unknown_check_names(program: Program, only: set[str] | None, where: str) -> Diagnostic | None:
    """E200 for --check names that no loaded spec declares."""
    known = {d.name.name for _, d in program.checks()}
    missing = sorted((only or set()) - known)
    if not missing:
        return None
    from checker.diagnostics import did_you_mean

    notes = tuple(n for n in (did_you_mean(m, list(known)) for m in missing) if n)
    return Diagnostic("E200", f"no check named {', '.join(missing)} in {where}", Span(where, 0, 0), notes)


def cmd_check(args: argparse.Namespace) -> int:
    program, diags, where, failed = _analysed(args)
    if failed is not None:
        return failed
    assert program is not None
    only = set(args.check) if args.check else None
    unknown = _unknown_check_names(program, only, where)
    if unknown is not None:
        if args.format == "json":
            _emit(render_json([], [unknown]), args)
        else:
            print(unknown.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    results = check_program(program, only=only, jobs=args.jobs)
    if not results and args.format == "text":
        print(f"{len(program.files)} spec file(s) analysed in {where}: no errors, and no check to run")
    if args.format == "json":
        _emit(render_json(results, diags), args)
    elif args.format == "email":
        _emit(render_email(results), args)
    elif results:
        _emit(render_text(results, details=not args.table_only), args)
    return exit_code(results, args.fail_on)


def cmd_explain(args: argparse.Namespace) -> int:
    args.paths = args.path or []
    program, diags, where, failed = _analysed(args)
    if failed is not None:
        return failed
    assert program is not None
    checks = {d.name.name: (f, d) for f, d in program.checks()}
    if args.check_name not in checks:
        from checker.diagnostics import did_you_mean

        hint = did_you_mean(args.check_name, list(checks))
        print(f"no check named '{args.check_name}' in {where}" + (f"; {hint}" if hint else ""), file=sys.stderr)
        return EXIT_BAD_INPUT
    file, decl = checks[args.check_name]
    results = [r for r in check_one(program, file, decl) if args.invariant in (None, r.invariant)]
    if not results:
        names = [s.invariant.name for s in decl.statements if hasattr(s, "invariant")]
        print(f"check '{args.check_name}' does not verify '{args.invariant}'; it verifies: {', '.join(names)}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "json":
        _emit(render_json(results, diags), args)
    else:
        width = 72 if args.format == "email" else 100
        text = "\n\n".join("\n".join(result_details(r, width)) for r in results) + "\n"
        _emit(text, args)
    return exit_code(results, args.fail_on)


def cmd_export(args: argparse.Namespace) -> int:
    args.format = "text"
    program, _, where, failed = _analysed(args)
    if failed is not None:
        return failed
    assert program is not None
    only = set(args.check) if args.check else None
    unknown = _unknown_check_names(program, only, where)
    if unknown is not None:
        print(unknown.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    started = time.perf_counter()
    try:
        ensure_replaceable(Path(args.smtlib))  # before the work, not after
        files, manifest = export_program(program, only)
        write_proofs(Path(args.smtlib), files, manifest)
    except ProofsError as e:
        print_diagnostics(None, e.diagnostics, "text")
        return EXIT_BAD_INPUT
    except OSError as e:  # e.g. a read-only parent directory: nothing was replaced
        print(f"cannot write {args.smtlib}: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    checks = len({o["check"] for o in manifest["obligations"]})
    print(f"{len(files)} obligation file(s), {len(manifest['obligations'])} question(s) from {checks} check(s) "
          f"of {where} written to {args.smtlib} in {time.perf_counter() - started:.1f} s")
    return _cross_check(Path(args.smtlib), args.cross_check, args.jobs) if args.cross_check else EXIT_OK


def cmd_proofs_check(args: argparse.Namespace) -> int:
    return _cross_check(Path(args.directory), args.solver, args.jobs)


def _cross_check(directory: Path, solvers: list[str], jobs: int) -> int:
    """Exit codes, first match wins: 2 bad input (E601, E602, E605), 1 a solver disagrees
    with z3 (E603), 3 a solver gave no answer (E604), else 0."""
    try:
        result = cross_check(directory, solvers, jobs)
    except ProofsError as e:
        print_diagnostics(None, e.diagnostics, "text")
        return EXIT_BAD_INPUT
    print_diagnostics(None, result.diagnostics, "text")
    times = ", ".join(f"{s} {t:.1f} s" for s, t in result.seconds.items())
    skipped = f" ({result.skipped} z3 left unknown, not compared)" if result.skipped else ""
    print(f"cross-check of {directory}: {result.files} file(s), {result.questions} question(s){skipped}, "
          f"solved by {times}: {result.disagreements} disagreement(s), {len(result.diagnostics)} error(s)")
    if any(d.code == "E602" for d in result.diagnostics):
        return EXIT_BAD_INPUT
    if result.disagreements:
        return EXIT_VIOLATED
    return EXIT_UNKNOWN_OR_VACUOUS if result.diagnostics else EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    """Exit codes: 0 done (differences are findings, not failures), 2 bad input,
    3 something the solver did not decide (with `unknown` in --fail-on)."""
    args.paths = args.path or []
    program, diags, where, failed = _analysed(args)
    if failed is not None:
        return failed
    assert program is not None
    try:
        designs = list(dict.fromkeys(args.designs))
        file, template = choose_template(program, designs, args.module, args.like, where)
        result = compare(program, file, template, designs, args.invariant)
    except CompareError as e:
        if args.format == "json":
            _emit(render_json([], e.diagnostics), args)
        else:
            print_diagnostics(None, e.diagnostics, args.format)
        return EXIT_BAD_INPUT
    _emit(render_comparison(result, args.format), args)
    return EXIT_UNKNOWN_OR_VACUOUS if result.undecided and "unknown" in args.fail_on else EXIT_OK


def _parse_solvers(text: str) -> list[str]:
    chosen = [x.strip() for x in text.split(",") if x.strip()]
    bad = [x for x in chosen if x not in SOLVERS]
    if bad or not chosen:
        raise argparse.ArgumentTypeError(f"solvers are {', '.join(SOLVERS)}; not {', '.join(bad) or 'none'}")
    return list(dict.fromkeys(chosen))


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["text", "email", "json"], default="text",
                   help="text (default), email (plain text, 72 columns) or json")
    p.add_argument("--fail-on", type=_parse_fail_on, default=set(FAIL_ON_CHOICES), metavar="LIST",
                   help="which unexpected verdicts fail the run: violated,unknown,vacuous (default: all)")
    p.add_argument("--output", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cpuid-contracts",
        description="Check CPUID contracts between the TDX module, KVM and userspace.",
        epilog="exit codes: 0 every verdict as expected, 1 an unexpected VIOLATED, 2 bad input, "
               "3 an unexpected UNKNOWN or VACUOUS, 4 internal error",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check every declared check (default: the shipped specs)")
    check.add_argument("paths", nargs="*", help="spec files or directories (default: the shipped specs)")
    check.add_argument("--check", action="append", metavar="NAME", help="run only this check (repeatable)")
    check.add_argument("--table-only", action="store_true", help="print only the verdict table and summary")
    check.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="checks to run in parallel (default: the number of CPUs); verdicts do not depend on it")
    _common(check)
    check.set_defaults(func=cmd_check)
    explain = sub.add_parser("explain", help="one check's results in full")
    explain.add_argument("check_name", metavar="CHECK")
    explain.add_argument("invariant", metavar="INVARIANT", nargs="?")
    explain.add_argument("--path", action="append", metavar="PATH", help="spec files (default: the shipped specs)")
    _common(explain)
    explain.set_defaults(func=cmd_explain)
    comp = sub.add_parser("compare", help="compare designs in one check's setup: verdicts, differences, TD CPUID")
    comp.add_argument("designs", nargs="+", metavar="DESIGN", help="two or more designs")
    comp.add_argument("--module", metavar="NAME",
                      help="use the setup of the first check of these designs with this module")
    comp.add_argument("--like", metavar="CHECK", help="use this check's setup (module, KVM, host, assumptions, "
                                                      "invariants)")
    comp.add_argument("--invariant", action="append", metavar="NAME", help="compare only this invariant (repeatable)")
    comp.add_argument("--path", action="append", metavar="PATH", help="spec files (default: the shipped specs)")
    _common(comp)
    comp.set_defaults(func=cmd_compare)
    export = sub.add_parser("export", help="write every proof obligation as a standalone SMT-LIB 2 file")
    export.add_argument("paths", nargs="*", help="spec files or directories (default: the shipped specs)")
    export.add_argument("--smtlib", required=True, metavar="DIR",
                        help="directory to write (new, empty, or an earlier export, which is replaced)")
    export.add_argument("--check", action="append", metavar="NAME", help="export only this check (repeatable)")
    export.add_argument("--cross-check", type=_parse_solvers, metavar="SOLVERS",
                        help="then re-solve every obligation with these solvers: cvc5, bitwuzla, z3 (comma-separated)")
    export.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="cross-check files in N worker processes (default: the number of CPUs)")
    export.set_defaults(func=cmd_export)
    proofs = sub.add_parser("proofs", help="work with an exported proofs directory")
    proofs_sub = proofs.add_subparsers(dest="proofs_command", required=True)
    proofs_check = proofs_sub.add_parser("check", help="re-solve exported obligations with other solvers")
    proofs_check.add_argument("directory", metavar="DIR", help="a directory written by export --smtlib")
    proofs_check.add_argument("--solver", type=_parse_solvers, default=["cvc5", "bitwuzla"], metavar="SOLVERS",
                              help="cvc5, bitwuzla, z3 (comma-separated; default: cvc5,bitwuzla)")
    proofs_check.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                              help="files to re-solve in parallel worker processes (default: the number of CPUs)")
    proofs_check.set_defaults(func=cmd_proofs_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except RecursionError:
        d = Diagnostic("E115", "input is nested too deeply for the checker", Span("<input>", 0, 0))
        print(d.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception:  # a bug in the tool: say so plainly, with what to report
        d = Diagnostic("E900", "internal error in cpuid-contracts (this is a bug, not a problem in your spec)",
                       Span("<tool>", 0, 0), ("please report it with the input and this trace:",))
        print(d.render(), file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
