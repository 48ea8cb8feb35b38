"""Golden tests for the front end's diagnostics.

Every tests/golden/diagnostics/NAME.cpuid is a malformed spec announcing its
diagnostics inline (``# E: E200 @12``; see tests/golden/golden_cases.py).
For each case the test checks that exactly those diagnostics are reported
(code, line, column, severity), that the CLI exits with 2 when there is an
error, and that what the CLI prints equals NAME.out. Run

    python -m pytest tests/test_diagnostics.py --update-golden

to rewrite the .out files after a deliberate change of wording, then read the
diff: these messages are what a KVM maintainer sees.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from checker.diagnostics import CODES, Diagnostic, Severity, Span

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "golden"))
import golden_cases as gc  # noqa: E402

CASES = gc.case_paths()

# Every code the front end can report on a spec file, and where the golden
# cases must exercise it. E11x (files) are covered by tests/test_robustness.py;
# W5xx and E900 are not front-end diagnostics.
REQUIRED_CODES = {
    "E100", "E101", "E102", "E103", "E104", "E105", "E106",
    "E200", "E201", "E202", "E203", "E204", "E205", "E206", "E207", "E208",
    "E210", "E211", "E212", "E213", "E214",
    "E300", "E301", "E302", "E303", "E304", "E305", "E306", "E307", "E308", "E309",
    "E400", "E401", "E402", "E403", "E404", "E405",
}


def _load_doc_tool():
    spec = importlib.util.spec_from_file_location("gen_diagnostics_doc", REPO / "tools" / "gen_diagnostics_doc.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_case(path: Path, update_golden: bool) -> None:
    run = gc.run_case(path)
    assert run.expected, f"{path.name} announces no diagnostics ('# E: CODE @COL')"
    assert "Traceback" not in run.stderr, run.stderr
    assert "[E900]" not in run.stderr, run.stderr
    missing, unexpected = run.mismatch()
    assert not missing and not unexpected, (
        f"\n{path.name}: diagnostics differ from the '# E:' comments\n"
        f"  expected but not reported: {missing}\n  reported but not expected: {unexpected}\n"
        f"--- CLI output ---\n{run.stderr}"
    )
    has_error = any(e.severity == "error" for e in run.expected)
    assert run.exit_code == (2 if has_error else 0), run.stderr
    out = path.with_suffix(".out")
    if update_golden:
        out.write_text(run.stderr, encoding="utf-8")
        return
    assert out.exists(), f"{out.name} is missing: run pytest with --update-golden and review it"
    assert run.stderr == out.read_text(encoding="utf-8"), (
        f"{path.name}: output differs from {out.name} (rerun with --update-golden if intended)\n{run.stderr}"
    )


def test_enough_golden_cases() -> None:
    assert len(CASES) >= 45


def test_golden_cases_cover_every_front_end_code() -> None:
    covered = {e.code for p in CASES for e in gc.expectations(p.read_text(encoding="utf-8"), p.name)}
    covered |= {e.code for p in (gc.GOLDEN_DIR / "imports").glob("*.cpuid")
                for e in gc.expectations(p.read_text(encoding="utf-8"), p.name)}
    assert REQUIRED_CODES - covered == set()
    assert covered <= set(CODES), covered - set(CODES)


def test_every_out_file_has_a_case() -> None:
    stale = [p.name for p in gc.GOLDEN_DIR.glob("*.out") if not p.with_suffix(".cpuid").exists()]
    assert not stale, f"golden output without a case: {stale}"


_HEADER = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): (error|warning|note): .* \[[EW]\d{3}\]$")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_caret_is_under_the_column(path: Path) -> None:
    """In the golden output the '^' sits under the reported column of the shown source line."""
    out = path.with_suffix(".out")
    if not out.exists():
        pytest.skip("no golden output yet")
    lines = out.read_text(encoding="utf-8").split("\n")
    headers = 0
    for i, line in enumerate(lines):
        m = _HEADER.match(line)
        if not m:
            continue
        headers += 1
        source, caret = lines[i + 1], lines[i + 2]
        assert source.startswith("    ") and caret.lstrip().startswith("^"), (line, source, caret)
        text = (gc.GOLDEN_DIR / m["file"]).read_text(encoding="utf-8").split("\n")[int(m["line"]) - 1]
        text = text.replace("\t", " ")
        col, at = int(m["col"]), caret.index("^")
        if source[4:] == text:
            assert at - 4 == col - 1, (line, source, caret)
        else:  # a long line is clipped around the column, with '...' where it is cut
            assert len(text) > 100 and (source[4:].startswith("...") or source.endswith("...")), (line, source)
        if col - 1 < len(text):
            assert source[at] == text[col - 1], (line, source, caret)
        else:  # past the end of the line (the file ends there)
            assert at == len(source), (line, source, caret)
    assert headers, f"{out.name} shows no diagnostic with a line and column"


def test_codes_registry_is_well_formed() -> None:
    titles = set()
    for key, code in CODES.items():
        assert key == code.code and re.fullmatch(r"[EW]\d{3}", key)
        assert code.title and code.title == code.title.lower() and " " not in code.title
        assert code.title not in titles
        titles.add(code.title)
        assert code.description.endswith((".", ")"))
        if key.startswith("W"):
            assert code.severity is Severity.WARNING


def test_render_puts_caret_under_column_on_long_lines() -> None:
    line = "x" * 300 + "$" + "y" * 300
    d = Diagnostic("E101", "unexpected character '$'", Span("f.cpuid", 1, 301, 1, 302))
    shown = d.render(line).split("\n")
    assert shown[1][4:].startswith("...")
    assert shown[1][shown[2].index("^")] == "$"


def test_render_with_tabs_keeps_caret_aligned() -> None:
    line = "\tfeature\tX = 7.0.EBX[99]"
    col = line.index("7.0") + 1
    d = Diagnostic("E300", "bit 99 is out of range", Span("f.cpuid", 1, col, 1, col + 3))
    shown = d.render(line).split("\n")
    assert shown[1][shown[2].index("^")] == "7"


def test_diagnostics_doc_is_up_to_date() -> None:
    tool = _load_doc_tool()
    doc = REPO / "docs" / "diagnostics.md"
    assert doc.exists(), "run: python tools/gen_diagnostics_doc.py"
    assert doc.read_text(encoding="utf-8") == tool.generate(), \
        "docs/diagnostics.md is stale: run python tools/gen_diagnostics_doc.py"


def test_did_you_mean_offers_only_names_of_the_expected_kind() -> None:
    """An undefined invariant is not 'corrected' to a feature that happens to look alike."""
    from checker.semantics import analyse_text

    text = ("leaf 0x1\nfeature KVM_SAFE = 1.EAX[0]\ninvariant kvm_safety: td.cpuid == {}\n"
            "module m { fixed1 KVM_SAFE }\ndesign d { protocol { } }\n"
            "check c { design d module m verify kvm_safe }\n")
    _, diags = analyse_text(text, "k.cpuid")
    (d,) = [x for x in diags if x.code == "E200"]
    assert "undefined invariant 'kvm_safe'" in d.message
    assert any("kvm_safety" in n for n in d.notes)
    assert not any("KVM_SAFE" in n for n in d.notes)
