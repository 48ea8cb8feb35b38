"""Golden text and email renderings of the shipped specs' results.

Running every shipped check takes minutes, so tests/golden/reports/shipped.json
stores their results (written by tools/gen_report_golden.py), and this test
renders them with the current reporters and compares with shipped.txt and
shipped.email. What that guards: the text and email layouts, for all 74 real
results. What it does not guard on its own: that the stored results are still
what the solver says. For that, two quick shipped checks are re-run here and
must give exactly their stored results; the full re-run is `cpuid-contracts
check` in CI, which fails on any verdict that is not as expected. After a change
to the specs or the solver, re-run the tool; after a change to the reporters,
`pytest --update-golden`; then review the diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from checker.semantics import analyse
from checker.solve import check_one

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "reports"
sys.path.insert(0, str(REPO / "tools"))

from gen_report_golden import renderings, stored_results  # noqa: E402

# a VACUOUS check (1 s) and one with PROVED and VIOLATED results (about 7 s)
QUICK_CHECKS = ["upstream_6_16__tdx_1_5_01__fixed1_known", "option2_amended__tdx_1_5_01"]


@pytest.mark.parametrize("name", ["shipped.txt", "shipped.email"])
def test_rendering_matches_golden(name, update_golden):
    text = renderings(stored_results())[name]
    if update_golden:
        (GOLDEN / name).write_text(text)
        return
    assert text == (GOLDEN / name).read_text(), f"{name} differs: rerun pytest with --update-golden and review it"


def test_golden_holds_every_shipped_check():
    results = stored_results()
    program, _ = analyse([REPO / "spec"])
    assert [d.name.name for _, d in program.checks()] == list(dict.fromkeys(r.check for r in results))
    assert all(r.as_expected for r in results)


def test_email_is_quotable():
    text = (GOLDEN / "shipped.email").read_text()
    assert all(len(line) <= 72 for line in text.splitlines())
    assert not any(line.startswith((">", "From ")) for line in text.splitlines())
    assert "\x1b" not in text and "\t" not in text


@pytest.mark.parametrize("check", QUICK_CHECKS)
def test_stored_results_are_what_the_solver_says(monkeypatch, check):
    monkeypatch.chdir(REPO)  # stored file names are relative to the repository, as the CLI shows them
    stored = [r.to_json() for r in stored_results() if r.check == check]
    program, _ = analyse([Path("spec")])
    (file, decl), = [(f, d) for f, d in program.checks() if d.name.name == check]
    fresh = [r.to_json() for r in check_one(program, file, decl)]
    for r in fresh:
        r["seconds"] = 0.0
    assert json.dumps(fresh, indent=1) == json.dumps(stored, indent=1)
