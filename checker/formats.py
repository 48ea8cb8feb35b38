"""Report formats for CI systems (JUnit XML, SARIF 2.1.0) and the one dispatcher
that every command renders through.

Stage 7 of the pipeline, beside checker.report (which renders text, email and
JSON): imports checker.report, checker.results and the diagnostics' code table
only. Like checker.report, it only serialises results the solver produced.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable, Sequence

from checker.diagnostics import CODES
from checker.report import (EMAIL_WIDTH, TEXT_WIDTH, render_details, render_email, render_json, render_text,
                            result_details)
from checker.results import FAIL_ON_ALL, BitChange, CheckResult, ReleaseDiff

FORMATS = ("text", "email", "json", "junit", "sarif")
# Formats read by programs: they carry the diagnostics themselves and never get colour or progress.
MACHINE_FORMATS = frozenset({"json", "junit", "sarif"})

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_NAME = "cpuid-contracts"


def render(results: Sequence[CheckResult], fmt: str, diagnostics: Sequence[Any] = (), *, table: bool = True,
           details: bool = True, colour: bool = False, fail_on: Iterable[str] = FAIL_ON_ALL) -> str:
    """The report of a run in one of FORMATS, as the text to print or write.

    results: the CheckResults in the order they should appear. diagnostics: the
    Diagnostics of the run (only the machine formats include them; text and email
    leave them to standard error). table=False gives text and email as every
    result in full with no table and no summary (what `explain` prints);
    details=False gives text as the table and summary only (`--table-only`).
    colour: ANSI colours in text (the caller decides: a terminal, NO_COLOR unset).
    fail_on: the unexpected verdicts that fail the run; SARIF marks the results
    that fail it as errors and the other unexpected ones as warnings.
    """
    if fmt == "text":
        return render_text(results, details, colour) if table else render_details(results, TEXT_WIDTH, colour)
    if fmt == "email":
        return render_email(results) if table else render_details(results, EMAIL_WIDTH)
    if fmt == "json":
        return render_json(results, diagnostics)
    if fmt == "junit":
        return render_junit(results, diagnostics)
    if fmt == "sarif":
        return render_sarif(results, diagnostics, fail_on)
    raise ValueError(f"unknown report format {fmt!r}; known: {', '.join(FORMATS)}")


def _tool_version() -> str | None:
    from importlib import metadata  # here, not at import: it costs a hundredth of a second to load

    try:
        return metadata.version(TOOL_NAME)
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return None


def _verdict_summary(r: CheckResult) -> str:
    expected = r.expected or "proved"
    return f"{r.verdict.name}, expected {expected}" if not r.as_expected else f"{r.verdict.name} as expected"


# ------------------------------------------------------------------ JUnit XML

# Characters XML 1.0 cannot carry at all (spec text may contain anything inside a string).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render_junit(results: Sequence[CheckResult], diagnostics: Sequence[Any] = ()) -> str:
    """JUnit XML as Jenkins, GitLab and GitHub test reporters read it: a test suite per
    check, a test case per (check, invariant) with classname the check and name the
    invariant; a result that is not as expected is a <failure> with the full result
    as its text. Diagnostics form one more suite, an error diagnostic an <error>."""
    root = ET.Element("testsuites", name=TOOL_NAME)
    by_check: dict[str, list[CheckResult]] = {}
    for r in results:
        by_check.setdefault(r.check, []).append(r)
    for check, rs in by_check.items():
        suite = ET.SubElement(root, "testsuite", name=check, tests=str(len(rs)), errors="0", skipped="0",
                              failures=str(sum(1 for r in rs if not r.as_expected)),
                              time=f"{sum(r.seconds for r in rs):.3f}", file=rs[0].file)
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="design", value=rs[0].design)
        ET.SubElement(props, "property", name="module", value=rs[0].module)
        for r in rs:
            case = ET.SubElement(suite, "testcase", classname=check, name=r.invariant, file=r.file,
                                 line=str(r.line), time=f"{r.seconds:.3f}")
            text = _xml_text("\n".join(result_details(r, TEXT_WIDTH)))
            if not r.as_expected:
                failure = ET.SubElement(case, "failure", message=_verdict_summary(r), type=r.verdict.value)
                failure.text = text
            else:
                ET.SubElement(case, "system-out").text = text
    if diagnostics:
        docs = [d.to_json() for d in diagnostics]
        errors = [d for d in docs if d["severity"] == "error"]
        suite = ET.SubElement(root, "testsuite", name=f"{TOOL_NAME} diagnostics", tests=str(len(docs)),
                              errors=str(len(errors)), failures="0", skipped="0", time="0")
        for d in docs:
            case = ET.SubElement(suite, "testcase", classname="diagnostics",
                                 name=f"{d['code']} {d['file']}:{d['line']}:{d['column']}", file=d["file"],
                                 line=str(d["line"]), time="0")
            text = _xml_text("\n".join([d["message"], *d["notes"]]))
            if d["severity"] == "error":
                ET.SubElement(case, "error", message=_xml_text(d["message"]), type=d["code"]).text = text
            else:
                ET.SubElement(case, "system-out").text = f"{d['severity']}: {text}"
    suites = list(root)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    root.set("time", f"{sum(float(s.get('time', '0')) for s in suites):.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ------------------------------------------------------------------ SARIF 2.1.0

def _artifact(file: str) -> dict[str, str]:
    """Relative paths (spec files below the working directory, the shipped spec/) are
    relative to the source root, as code scanning expects; others are file: URIs."""
    if os.path.isabs(file):
        return {"uri": Path(file).as_uri()}
    return {"uri": urllib.parse.quote(Path(file).as_posix()), "uriBaseId": "%SRCROOT%"}


def _location(file: str, line: int, column: int) -> dict[str, Any]:
    region = {"startLine": line}
    if column >= 1:
        region["startColumn"] = column
    return {"physicalLocation": {"artifactLocation": _artifact(file), "region": region}}


def _rule(rule_id: str, text: str, level: str, tags: list[str]) -> dict[str, Any]:
    return {"id": rule_id, "shortDescription": {"text": text},
            "defaultConfiguration": {"level": level}, "properties": {"tags": tags}}


def render_sarif(results: Sequence[CheckResult], diagnostics: Sequence[Any] = (),
                 fail_on: Iterable[str] = FAIL_ON_ALL) -> str:
    """SARIF 2.1.0 for code scanning: one rule per invariant and per diagnostic code.

    Every result that is not as expected is a finding at its `verify` statement,
    with the check's and the invariant's declarations as related locations and the
    full result (counterexample, vacuity or the solver's reason) as its message.
    Level error when it fails the run under fail_on, warning otherwise. Results as
    expected are left out, the way linters leave out what a `noqa` comment
    accepts: an `expect violated` is the spec's own record of a known break.
    Each diagnostic with a place in a file is a finding too (error, warning, note);
    one without (an unknown --check) is a notification of the invocation, which is
    unsuccessful when any diagnostic is an error (nothing was checked).
    """
    fail_on = set(fail_on)
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}

    def rule_index(rule: dict[str, Any]) -> int:
        if rule["id"] not in index:
            index[rule["id"]] = len(rules)
            rules.append(rule)
        return index[rule["id"]]

    findings: list[dict[str, Any]] = []
    for r in results:
        i = rule_index(_rule(r.invariant, f"invariant {r.invariant} holds", "error", ["invariant"]))
        if r.as_expected:
            continue
        finding: dict[str, Any] = {
            "ruleId": r.invariant, "ruleIndex": i,
            "level": "error" if r.fails(fail_on) else "warning",
            "message": {"text": "\n".join(result_details(r, TEXT_WIDTH))},
            "locations": [_location(r.file, r.line, r.column)],
            # check and invariant identify a result across edits that move lines
            "partialFingerprints": {"cpuidContractsResult/v1": f"{r.check}/{r.invariant}"},
            "properties": {"check": r.check, "design": r.design, "module": r.module,
                           "verdict": r.verdict.value, "expected": r.expected},
        }
        related = [(1, r.file, r.check_line, r.check_column, f"check {r.check}"),
                   (2, r.invariant_file, r.invariant_line, r.invariant_column, f"invariant {r.invariant}")]
        finding["relatedLocations"] = [dict(_location(f, line, col), id=n, message={"text": what})
                                       for n, f, line, col, what in related if f and line >= 1]
        findings.append(finding)
    notifications: list[dict[str, Any]] = []
    docs = [d.to_json() for d in diagnostics]
    for d in docs:
        level = {"error": "error", "warning": "warning"}.get(d["severity"], "note")
        message = {"text": "\n".join([d["message"], *d["notes"]])}
        if d["line"] < 1:  # no place in a file (an unknown --check, an empty directory): about the run itself
            notifications.append({"descriptor": {"id": d["code"]}, "level": level, "message": message})
            continue
        code = CODES.get(d["code"])
        summary = f"{code.title}: {code.description}" if code else d["code"]
        findings.append({"ruleId": d["code"], "ruleIndex": rule_index(_rule(d["code"], summary, level, ["diagnostic"])),
                         "level": level, "message": message,
                         "locations": [_location(d["file"], d["line"], d["column"])]})
    driver: dict[str, Any] = {"name": TOOL_NAME, "rules": rules}
    version = _tool_version()
    if version:
        driver["version"] = version
    # nothing was checked when any diagnostic is an error
    invocation: dict[str, Any] = {"executionSuccessful": not any(d["severity"] == "error" for d in docs)}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        # lark counts columns in characters, not UTF-16 code units
        "runs": [{"tool": {"driver": driver}, "invocations": [invocation], "columnKind": "unicodeCodePoints",
                  "results": findings}],
    }
    return json.dumps(log, indent=2) + "\n"


# ------------------------------------------------------------------ release diff in the CI formats

def _change_name(c: BitChange) -> str:
    names = f" ({', '.join(c.names)})" if c.names else ""
    return f"{c.position}{names}" + ("" if c.aspect == "class" else f" {c.aspect}")


def _change_text(c: BitChange) -> str:
    return f"{c.old} -> {c.new}: {'BREAKING' if c.breaking else 'harmless'}, {c.why}"


def render_release_diff_ci(d: ReleaseDiff, fmt: str) -> str:
    """`release diff` as JUnit (a test case per change, grouped by leaf; a breaking
    change is a failure) or SARIF (a finding per breaking change, located at the new
    release file; harmless changes are left out, as expected results are)."""
    if fmt == "junit":
        root = ET.Element("testsuites", name=TOOL_NAME)
        groups: dict[str, list[BitChange]] = {}
        for c in d.all_changes:
            group = "module" if c.leaf[0] < 0 else f"0x{c.leaf[0]:x}.{c.leaf[1]}"
            groups.setdefault(group, []).append(c)
        for group, changes in groups.items():
            suite = ET.SubElement(root, "testsuite", name=f"release diff {d.old} -> {d.new}: {group}",
                                  tests=str(len(changes)), failures=str(sum(c.breaking for c in changes)),
                                  errors="0", skipped="0", time="0", file=d.new_file)
            for c in changes:
                case = ET.SubElement(suite, "testcase", classname=group, name=_change_name(c), file=d.new_file,
                                     time="0")
                if c.breaking:
                    ET.SubElement(case, "failure", message=_xml_text(c.why), type="breaking").text = \
                        _xml_text(_change_text(c))
                else:
                    ET.SubElement(case, "system-out").text = _xml_text(_change_text(c))
        suites = list(root)
        for key in ("tests", "failures", "errors"):
            root.set(key, str(sum(int(x.get(key, "0")) for x in suites)))
        root.set("time", "0")
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    if fmt == "sarif":
        rule = _rule("breaking-release-change", "a release change that can break the KVM/QEMU contract",
                     "error", ["release"])
        findings = [{
            "ruleId": rule["id"], "ruleIndex": 0, "level": "error",
            "message": {"text": f"{_change_name(c)}: {_change_text(c)}"},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(d.new_file)}}],
            "partialFingerprints": {"cpuidContractsChange/v1": f"{c.position}/{c.aspect}/{c.old}/{c.new}"},
            "properties": {"old_release": d.old, "new_release": d.new, "aspect": c.aspect},
        } for c in d.breaking]
        driver: dict[str, Any] = {"name": TOOL_NAME, "rules": [rule]}
        version = _tool_version()
        if version:
            driver["version"] = version
        log = {"$schema": SARIF_SCHEMA, "version": "2.1.0",
               "runs": [{"tool": {"driver": driver}, "invocations": [{"executionSuccessful": True}],
                         "results": findings}]}
        return json.dumps(log, indent=2) + "\n"
    raise ValueError(f"release diff renders junit or sarif here, not {fmt!r}")
