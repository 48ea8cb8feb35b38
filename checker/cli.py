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
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Sequence

from checker.compare import CompareError, choose_template, compare
from checker.diagnostics import Diagnostic, Span
from checker.parse import package_data_dir
from checker.formats import FORMATS, MACHINE_FORMATS, render
from checker.proofs import SOLVERS, ProofsError, cross_check, ensure_replaceable, export_program, write_proofs
from checker.report import render_comparison
from checker.results import FAIL_ON_ALL, CheckResult, Verdict
from checker.semantics import Program, analyse
from checker.solve import check_program

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


def print_diagnostics(program: Program | None, diagnostics: Sequence[Diagnostic], fmt: str, out=None,
                      output: str | None = None) -> None:
    """Diagnostics on standard error, unless a machine format on standard output (no --output) carries them."""
    out = out or sys.stderr
    if fmt in MACHINE_FORMATS and not output:
        return
    for d in diagnostics:
        line = program.source_line(d.span) if program is not None else None
        if line is None and d.span.line:
            line = _data_file_line(d.span.file, d.span.line)
        print(d.render(line), file=out)


def _data_file_line(path: str, line: int) -> str | None:
    """A line of a data file (a release, a readout) that a diagnostic points into, for its caret."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            for n, text in enumerate(f, 1):
                if n == line:
                    return text
    except OSError:
        pass
    return None


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


FAIL_ON_CHOICES = FAIL_ON_ALL


def exit_code(results: Sequence[CheckResult], fail_on: set[str]) -> int:
    """DESIGN section 6: 1 an unexpected VIOLATED, 3 an unexpected UNKNOWN or VACUOUS, then 1
    an unexpected PROVED (a design expected to be broken turned out correct: a stale
    expectation), else 0; only the kinds in fail_on count."""
    failing = {r.verdict for r in results if r.fails(fail_on)}
    if Verdict.VIOLATED in failing:
        return EXIT_VIOLATED
    if failing & {Verdict.UNKNOWN, Verdict.VACUOUS}:
        return EXIT_UNKNOWN_OR_VACUOUS
    return EXIT_VIOLATED if failing else EXIT_OK


def _parse_fail_on(text: str) -> set[str]:
    chosen = {x.strip() for x in text.split(",") if x.strip()}
    bad = chosen - set(FAIL_ON_CHOICES)
    if bad:
        raise argparse.ArgumentTypeError(f"--fail-on takes {', '.join(FAIL_ON_CHOICES)}; not {', '.join(sorted(bad))}")
    return chosen


def _overwrites_a_spec(program: Program, output: str | None) -> Diagnostic | None:
    """--output naming one of the run's own spec files would replace the user's spec with a report."""
    if output and any(os.path.realpath(output) == os.path.realpath(name) for name in program.files):
        return Diagnostic("E701", f"--output {output} is a spec file of this run; the report would replace it",
                          Span(output, 0, 0), ("write the report to another file",))
    return None


def _analysed(args: argparse.Namespace) -> tuple[Program | None, list[Diagnostic], str, int | None]:
    program, diags, where = load(args.paths)
    clash = _overwrites_a_spec(program, _output(args))
    if clash is not None:
        print(clash.render(), file=sys.stderr)
        return None, diags, where, EXIT_BAD_INPUT
    errors = [d for d in diags if d.is_error]
    print_diagnostics(program, diags, args.format, output=_output(args))
    if errors:
        if args.format in MACHINE_FORMATS:
            # a complete document that carries the diagnostics, so CI shows them
            failed = _emit(render([], args.format, diags), args)
            return None, diags, where, failed or EXIT_BAD_INPUT
        print(f"{len(errors)} error(s) in {where}; nothing was checked", file=sys.stderr)
        return None, diags, where, EXIT_BAD_INPUT
    return program, diags, where, None


def _output(args: argparse.Namespace) -> str | None:
    return getattr(args, "output", None)


def _emit(text: str, args: argparse.Namespace) -> int | None:
    """Print the report, or write it atomically to --output; EXIT_BAD_INPUT (with E700 on
    standard error) when that file cannot be written, which leaves the file as it was."""
    output = _output(args)
    if not output:
        sys.stdout.write(text)
        return None
    from checker.output import write_atomically

    try:
        write_atomically(output, text)
    except OSError as e:
        d = Diagnostic("E700", f"cannot write the report to {output}: {e.strerror or e}",
                       Span(output, 0, 0), ("the file, if it existed, was left as it was",))
        print(d.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    return None


def use_colour(args: argparse.Namespace) -> bool:
    """ANSI colour in the text format: --color always/never, else (auto) only on a terminal
    with NO_COLOR unset or empty; FORCE_COLOR turns it on where NO_COLOR does not say no.
    A report written with --output is never coloured in auto mode."""
    choice = getattr(args, "color", "auto")
    if args.format != "text" or choice == "never":
        return False
    if choice == "always":
        return True
    if _output(args) or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


class Progress:
    """`checking: 3/13 checks done, 12 s` on standard error, rewritten in place. Shown only
    on a terminal, for the human formats, once the run has taken a second; erased before
    the report is printed, so it never mixes with it."""

    DELAY = 1.0

    def __init__(self, enabled: bool, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.start = time.monotonic()
        self.shown = False

    @classmethod
    def for_run(cls, args: argparse.Namespace) -> "Progress":
        return cls(args.format not in MACHINE_FORMATS and sys.stderr.isatty() and os.environ.get("TERM") != "dumb")

    def __call__(self, done: int, total: int) -> None:
        elapsed = time.monotonic() - self.start
        if not self.enabled or elapsed < self.DELAY:
            return
        self.stream.write(f"\r\x1b[Kchecking: {done}/{total} checks done, {elapsed:.0f} s")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


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
        if args.format in MACHINE_FORMATS:
            return _emit(render([], args.format, [unknown]), args) or EXIT_BAD_INPUT
        print(unknown.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    progress = Progress.for_run(args)
    try:
        results = check_program(program, only=only, jobs=args.jobs, progress=progress)
    finally:
        progress.clear()
    if not results and args.format == "text":
        print(f"{len(program.files)} spec file(s) analysed in {where}: no errors, and no check to run")
        return EXIT_OK
    report = render(results, args.format, diags, details=not args.table_only, colour=use_colour(args),
                    fail_on=args.fail_on)
    return _emit(report, args) or exit_code(results, args.fail_on)


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
    # the check as a run of every check gives it (it may follow others in its group)
    results = [r for r in check_program(program, only=[args.check_name]) if args.invariant in (None, r.invariant)]
    if not results:
        names = [s.invariant.name for s in decl.statements if hasattr(s, "invariant")]
        print(f"check '{args.check_name}' does not verify '{args.invariant}'; it verifies: {', '.join(names)}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.payloads:
        failed = _write_payloads(program, file, decl, results, args)
        if failed is not None:
            return failed
    report = render(results, args.format, diags, table=False, colour=use_colour(args), fail_on=args.fail_on)
    return _emit(report, args) or exit_code(results, args.fail_on)


def _write_payloads(program: Program, file: str, decl: object, results: Sequence[CheckResult],
                    args: argparse.Namespace) -> int | None:
    """explain --payloads DIR: each counterexample's situation as ioctl payloads (checker/payloads.py)."""
    from checker.payloads import write_payloads

    target = Path(args.payloads)
    if target.exists() and (not target.is_dir() or any(target.iterdir())) and not args.force:
        print(f"{target} exists and is not an empty directory; give --force to write into it", file=sys.stderr)
        return EXIT_BAD_INPUT
    violated = [r for r in results if r.counterexample is not None]
    if not violated:
        print("no counterexample to write: no invariant of this check is VIOLATED", file=sys.stderr)
    for r in violated:
        where = target / r.invariant if len(violated) > 1 else target
        write_payloads(program, file, decl, r, where)
        print(f"wrote the payloads of {r.check} / {r.invariant} to {where}", file=sys.stderr)
    return None


def _data_failure(diags: Sequence[Diagnostic], texts: dict[str, str], args: argparse.Namespace) -> int:
    """Diagnostics for bad data files (with the data line and a caret where there is one)."""
    if args.format in MACHINE_FORMATS:
        return _emit(render([], args.format, diags), args) or EXIT_BAD_INPUT
    else:
        for d in diags:
            line = None
            if d.span.line and d.span.file in texts:
                lines = texts[d.span.file].split("\n")
                line = lines[d.span.line - 1] if d.span.line <= len(lines) else None
            print(d.render(line), file=sys.stderr)
    return EXIT_BAD_INPUT


def _load_release_arg(path: str) -> tuple[object, list[Diagnostic], dict[str, str]]:
    """A release file, or the name of a shipped one (`tdx_1_5_01` for spec/releases/tdx_1_5_01.json)."""
    from checker.release import read_data_file, release_from_text

    shipped = shipped_spec_dir() / "releases" / f"{path}.json"
    if not Path(path).exists() and "/" not in path and shipped.is_file():
        text, diags = read_data_file(shipped, f"spec/releases/{path}.json")
        path = f"spec/releases/{path}.json"
    else:
        text, diags = read_data_file(path, path)
    if text is None:
        return None, diags, {}
    release, diags = release_from_text(text, path)
    return release, diags, {path: text}


def cmd_release_check(args: argparse.Namespace) -> int:
    from checker.release_check import release_check
    from checker.report import render_release_check

    release, diags, texts = _load_release_arg(args.release)
    if release is None:
        return _data_failure(diags, texts, args)
    args.paths = args.against or []
    program, diags, where, failed = _analysed(args)
    if failed is not None:
        return failed
    assert program is not None
    only = set(args.check) if args.check else None
    verdicts = release_check(program, release, only=only, jobs=args.jobs,  # type: ignore[arg-type]
                             decide_invariants=not args.guarantees_only)
    if args.format in ("junit", "sarif"):
        # CI formats: the derived checks' results, as `check` reports its own
        report = render(verdicts.results, args.format, diags, fail_on=args.fail_on)
    else:
        report = render_release_check(verdicts, args.format)
    return _emit(report, args) or exit_code(verdicts.results, args.fail_on)


def cmd_release_diff(args: argparse.Namespace) -> int:
    from checker.importers import load_readout
    from checker.release import diff
    from checker.report import render_release_diff

    releases = []
    for path in (args.old, args.new):
        release, diags, texts = _load_release_arg(path)
        if release is None:
            return _data_failure(diags, texts, args)
        releases.append(release)
    known = None
    if args.kvm:
        readout, diags = load_readout("kvm_cpuid2", args.kvm, args.kvm)
        if readout is None:
            return _data_failure(diags, {}, args)
        known = readout.ones()
    catalog, _ = analyse([shipped_spec_dir() / "catalog.cpuid"])
    result = diff(releases[0], releases[1], catalog.feature_names(), known,  # type: ignore[arg-type]
                  catalog.register_notation)
    if args.format in ("junit", "sarif"):
        from checker.formats import render_release_diff_ci

        report = render_release_diff_ci(result, args.format)
    else:
        report = render_release_diff(result, args.format)
    return _emit(report, args) or (EXIT_VIOLATED if result.breaking else EXIT_OK)


def cmd_release_export(args: argparse.Namespace) -> int:
    from checker.release import dump_release

    release, diags, texts = _load_release_arg(args.release)
    if release is None:
        return _data_failure(diags, texts, args)
    _emit(dump_release(release), args)  # type: ignore[arg-type]
    return EXIT_OK


def cmd_release_import(args: argparse.Namespace) -> int:
    from checker.importers import load_readout, release_from_readout
    from checker.release import dump_release

    readout, diags = load_readout("kvm_cpuid2", args.cpuid_config, args.cpuid_config)
    if readout is None:
        return _data_failure(diags, {}, args)
    platform = {}
    for item in args.platform or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            print(f"--platform takes KEY=VALUE, not {item!r}", file=sys.stderr)
            return EXIT_BAD_INPUT
        platform[key] = value
    release = release_from_readout(readout, args.version, args.name, platform or None)
    _emit(dump_release(release), args)
    return EXIT_OK


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
        if args.format in MACHINE_FORMATS:
            return _emit(render([], args.format, e.diagnostics), args) or EXIT_BAD_INPUT
        print_diagnostics(None, e.diagnostics, args.format)
        return EXIT_BAD_INPUT
    if args.format in ("junit", "sarif"):
        # CI formats: each design's verdicts as a check of its own ("c[design]"), so that the
        # designs' cases stay apart; a violated invariant is a failing case, the exit code stays 0
        import dataclasses

        per_design = [dataclasses.replace(r, check=f"{r.check}[{r.design}]") for r in result.results]
        failed = _emit(render(per_design, args.format, diags, fail_on=args.fail_on), args)
        return failed or (EXIT_UNKNOWN_OR_VACUOUS if result.undecided and "unknown" in args.fail_on else EXIT_OK)
    failed = _emit(render_comparison(result, args.format), args)
    if failed:
        return failed
    return EXIT_UNKNOWN_OR_VACUOUS if result.undecided and "unknown" in args.fail_on else EXIT_OK


def _parse_solvers(text: str) -> list[str]:
    chosen = [x.strip() for x in text.split(",") if x.strip()]
    bad = [x for x in chosen if x not in SOLVERS]
    if bad or not chosen:
        raise argparse.ArgumentTypeError(f"solvers are {', '.join(SOLVERS)}; not {', '.join(bad) or 'none'}")
    return list(dict.fromkeys(chosen))


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text (default), email (plain text, 72 columns), json, junit (JUnit XML) "
                        "or sarif (SARIF 2.1.0)")
    p.add_argument("--fail-on", type=_parse_fail_on, default=set(FAIL_ON_CHOICES), metavar="LIST",
                   help="which unexpected verdicts fail the run: violated,unknown,vacuous (default: all)")
    p.add_argument("--output", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour the verdicts in the text format (default auto: on a terminal, unless NO_COLOR is set)")


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
                       help="checks to run in parallel, and a lone check's counterexamples written up in "
                            "parallel (default: the number of CPUs); "
                            "verdicts and reports do not depend on it")
    _common(check)
    check.set_defaults(func=cmd_check)
    explain = sub.add_parser("explain", help="one check's results in full")
    explain.add_argument("check_name", metavar="CHECK")
    explain.add_argument("invariant", metavar="INVARIANT", nargs="?")
    explain.add_argument("--path", action="append", metavar="PATH", help="spec files (default: the shipped specs)")
    explain.add_argument("--payloads", metavar="DIR",
                         help="write each counterexample as ioctl payloads (kvm_cpuid2 JSON, a cpuid -r dump, a "
                              "release file) into DIR, one subdirectory per invariant when there are several")
    explain.add_argument("--force", action="store_true", help="with --payloads: write into a non-empty DIR")
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
    _release_parsers(sub)
    return parser


def _release_parsers(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    release = sub.add_parser("release", help="check a TDX module release, or compare two (docs/release-format.md)")
    rsub = release.add_subparsers(dest="release_command", required=True)
    check = rsub.add_parser("check", help="the release against the guarantees the checks of the specs assume")
    check.add_argument("release", metavar="RELEASE", help="a release file (JSON, docs/release-format.md)")
    check.add_argument("--against", action="append", metavar="SPEC",
                       help="spec files or directories whose checks to use (default: the shipped specs)")
    check.add_argument("--check", action="append", metavar="NAME", help="use only this check (repeatable)")
    check.add_argument("--guarantees-only", action="store_true",
                       help="only find the guarantees the release breaks; do not decide the invariants")
    check.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="checks to run in parallel (default: the number of CPUs)")
    _common(check)
    check.set_defaults(func=cmd_release_check)
    diff = rsub.add_parser("diff", help="every bit whose class changed between two releases, breaking or not")
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--kvm", metavar="FILE",
                      help="what KVM knows: a kvm_cpuid2 readout of KVM_GET_SUPPORTED_CPUID (JSON)")
    diff.add_argument("--format", choices=FORMATS, default="text",
                      help="text (default), email, json, junit (a test case per change) or sarif (breaking changes)")
    diff.add_argument("--output", metavar="FILE", help="write the report to FILE (atomically)")
    diff.set_defaults(func=cmd_release_diff)
    export = rsub.add_parser("export", help="validate a release file and write it in canonical form")
    export.add_argument("release", metavar="RELEASE")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("--output", metavar="FILE", help="write to FILE (atomically)")
    export.set_defaults(func=cmd_release_export)
    imp = rsub.add_parser("import", help="a release file (CPUID_CONFIG only) from a kvm_cpuid2 readout of it")
    imp.add_argument("cpuid_config", metavar="FILE",
                     help="kvm_cpuid2 JSON: KVM_TDX_CAPABILITIES' cpuid (after KVM's denylist and GPAW byte), or "
                          "TD_SYSINFO's CPUID_CONFIG list written as entries")
    imp.add_argument("--version", required=True, help="the module version")
    imp.add_argument("--name", help="the module's name in reports and specs")
    imp.add_argument("--platform", action="append", metavar="KEY=VALUE", help="where it was read (repeatable)")
    imp.add_argument("--format", choices=["json"], default="json")
    imp.add_argument("--output", metavar="FILE", help="write to FILE (atomically)")
    imp.set_defaults(func=cmd_release_import)


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


def keep_freed_memory() -> None:
    """Ask glibc's allocator to keep freed memory for reuse instead of handing it back to the
    system. Every z3 context allocates and clears two 8 MB tables; a check makes several and
    frees them, and with glibc's default thresholds each new one was mapped afresh: about
    40,000 page faults over the shipped checks, a tenth of their system time. Only this
    process's allocator changes (the command's own process and the workers it forks);
    elsewhere than glibc there is no mallopt and nothing is done."""
    import ctypes
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):  # no mallopt, or (Windows) no process handle by None
        return
    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
    mallopt(M_MMAP_THRESHOLD, 32 << 20)  # blocks below this come from the heap, reused when freed
    mallopt(M_TRIM_THRESHOLD, 512 << 20)  # free memory kept at the heap's top before any is returned


def run() -> None:
    """The `cpuid-contracts` command and `python -m checker`: main(), then exit at once.
    Python's own exit would free every object of the analysed specs one by one (a third of
    a second for a spec a hundred times the shipped one) only for the OS to take the memory
    back anyway. Output is flushed first; the report file, if any, is already closed."""
    keep_freed_memory()
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away (`| head`) or a closed stream
            pass
    os._exit(code)


if __name__ == "__main__":
    run()
