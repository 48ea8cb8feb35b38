#!/usr/bin/env python3
"""Rewrite tests/golden/reports/: the shipped specs' results and their renderings.

    python tools/gen_report_golden.py            # re-run every shipped check (minutes), rewrite all three
    python tools/gen_report_golden.py --render   # only re-render the text and email from shipped.json

shipped.json holds the results of every shipped check as the JSON format gives
them (one result a line, times set to 0, so that a re-run changes the file only when a result
changes); shipped.txt and shipped.email are its text and email renderings.
tests/test_report_golden.py compares the renderings with what the reporters
make of shipped.json now, and re-runs two quick shipped checks to see that
their stored results are still what the solver says. Review the diff by eye
before committing: it is what users read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "reports"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from checker.cli import load  # noqa: E402
from checker.formats import render  # noqa: E402
from checker.report import SCHEMA_VERSION  # noqa: E402
from checker.results import CheckResult  # noqa: E402
from checker.solve import check_program  # noqa: E402


def stored_results() -> list[CheckResult]:
    doc = json.loads((GOLDEN / "shipped.json").read_text())
    return [CheckResult.from_json(r) for r in doc["results"]]


def one_result_a_line(results: list[CheckResult]) -> str:
    """The JSON format's document, one result a line: about 1 MB (a few counterexamples
    have hundreds of bits), and a changed result is one changed line in a diff."""
    lines = ",\n".join(json.dumps(r.to_json()) for r in results)
    return f'{{"schema_version": {SCHEMA_VERSION}, "diagnostics": [], "results": [\n{lines}\n]}}\n'


def renderings(results: list[CheckResult]) -> dict[str, str]:
    return {"shipped.txt": render(results, "text"), "shipped.email": render(results, "email")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--render", action="store_true", help="only re-render shipped.json")
    args = parser.parse_args()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    if not args.render:
        os.chdir(REPO)
        program, diags, _ = load([])
        errors = [d for d in diags if d.is_error]
        if errors:
            print("\n".join(d.render() for d in errors), file=sys.stderr)
            return 2
        results = check_program(program, jobs=os.cpu_count() or 1)
        for r in results:
            r.seconds = 0.0
        (GOLDEN / "shipped.json").write_text(one_result_a_line(results))
    for name, text in renderings(stored_results()).items():
        (GOLDEN / name).write_text(text)
    print(f"wrote {GOLDEN.relative_to(REPO)}/shipped.{{json,txt,email}}" if not args.render else
          f"wrote {GOLDEN.relative_to(REPO)}/shipped.{{txt,email}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
