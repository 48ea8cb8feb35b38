"""The command line: the only module that wires every stage together.

``cpuid-contracts check`` with no paths checks the specs shipped inside the
package (the repository's spec/). Exit codes (docs/cli.md): 0 every verdict as
expected, 1 an unexpected VIOLATED, 2 bad input, 3 an unexpected UNKNOWN or
VACUOUS. A bug in the tool itself is reported as E900 with exit code 4,
never as a bare traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path
from typing import Sequence

from checker.diagnostics import Diagnostic, Span
from checker.semantics import Program, analyse

EXIT_OK = 0
EXIT_VIOLATED = 1
EXIT_BAD_INPUT = 2
EXIT_UNKNOWN_OR_VACUOUS = 3
EXIT_INTERNAL = 4


def shipped_spec_dir() -> Path:
    """The specs shipped with the tool: package data when installed, spec/ in a source tree."""
    try:
        from importlib import resources

        root = resources.files("checker.shipped_spec")
        path = Path(str(root))
        if path.is_dir() and any(path.rglob("*.cpuid")):
            return path
    except (ModuleNotFoundError, TypeError):
        pass
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


def load(paths: Sequence[str]) -> tuple[Program, list[Diagnostic], str]:
    if paths:
        program, diags = analyse(paths)
        where = ", ".join(paths)
    else:
        root = shipped_spec_dir()
        program, diags = analyse([root], display=_display_for(root))
        where = "the shipped specs (spec/)"
    return program, diags, where


def cmd_check(args: argparse.Namespace) -> int:
    program, diags, where = load(args.paths)
    errors = [d for d in diags if d.is_error]
    print_diagnostics(program, diags, args.format)
    if args.format == "json":
        print(json.dumps({"schema_version": 1, "diagnostics": [d.to_json() for d in diags], "results": []}, indent=2))
    if errors:
        if args.format != "json":
            print(f"{len(errors)} error(s) in {where}; nothing was checked", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format != "json":
        n_checks = len(program.checks())
        print(f"{len(program.files)} spec file(s) parsed and analysed in {where}: no errors; "
              f"{n_checks} check(s) declared")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cpuid-contracts",
        description="Check CPUID contracts between the TDX module, KVM and userspace.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="analyse specs and check every declared check")
    check.add_argument("paths", nargs="*", help="spec files or directories (default: the shipped specs)")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.set_defaults(func=cmd_check)
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
