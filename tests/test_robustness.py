"""Hostile and degenerate input through the real command line.

Each case runs ``python -m checker check PATH`` in a subprocess with a 60 s
timeout and checks: the exit code (2 for bad input, 0 for valid input), a
diagnostic naming the file (with line and column when the file has text) and
a stable code, a caret under the reported column, and never a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 60

_HEADER = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.*) \[(?P<code>[EW]\d{3})\]$")
_PATH_HEADER = re.compile(r"^(?P<file>.+?): (?P<sev>error|warning): (?P<msg>.*) \[(?P<code>[EW]\d{3})\]$")


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*paths: Path | str, cwd: Path = REPO) -> Result:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", *map(str, paths)],
        cwd=cwd, env=env, capture_output=True, timeout=TIMEOUT,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def assert_clean(res: Result) -> None:
    assert "Traceback" not in res.output, res.output[-3000:]
    assert "[E900]" not in res.output, res.output[-3000:]


def diagnostics(res: Result) -> list[re.Match[str]]:
    return [m for line in res.stderr.split("\n") if (m := _HEADER.match(line))]


def assert_diagnostic(res: Result, code: str, exit_code: int = 2, line: int | None = None,
                      source: str | None = None) -> re.Match[str]:
    """The run reported `code` at FILE:LINE:COL, exited with `exit_code`, and (given the source) put the caret right."""
    assert_clean(res)
    assert res.exit_code == exit_code, (res.exit_code, res.stderr[-3000:])
    found = [m for m in diagnostics(res) if m["code"] == code]
    assert found, f"no {code} diagnostic with file:line:col in:\n{res.stderr[-3000:]}"
    m = found[0]
    assert int(m["line"]) >= 1 and int(m["col"]) >= 1
    if line is not None:
        assert int(m["line"]) == line, m.group(0)
    if source is not None:
        assert_caret(res, m, source)
    return m


def assert_caret(res: Result, m: re.Match[str], source: str) -> None:
    """The line after the header shows the source line and the '^' sits under the reported column."""
    lines = res.stderr.split("\n")
    i = lines.index(m.group(0))
    shown, caret = lines[i + 1], lines[i + 2]
    assert shown.startswith("    ") and caret.strip().startswith("^"), (shown, caret)
    text = source.split("\n")[int(m["line"]) - 1].rstrip("\r").replace("\t", " ")
    col, at = int(m["col"]), caret.index("^")
    if shown[4:] == text:
        assert at - 4 == col - 1, (shown, caret)
    else:  # clipped long line
        assert len(text) > 100 and ("..." in shown), shown[:200]
    if col - 1 < len(text):
        assert shown[at] == text[col - 1], (shown[:200], caret[:200], col)
    else:
        assert at == len(shown), (shown, caret)


def assert_path_diagnostic(res: Result, code: str) -> None:
    """Problems with a path (not its text) are reported as PATH: error: ... [CODE]."""
    assert_clean(res)
    assert res.exit_code == 2, res.stderr
    assert any((m := _PATH_HEADER.match(line)) and m["code"] == code for line in res.stderr.split("\n")), res.stderr


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def over_lines(s: str, width: int = 100) -> str:
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


# ------------------------------------------------------------------ files that are not spec text

def test_non_utf8_file(tmp_path: Path) -> None:
    f = write(tmp_path / "latin1.cpuid", b"feature SMEP = 7.0.EBX[7]\n# caf\xe9 cr\xe8me\nset S = {SMEP}\n")
    m = assert_diagnostic(run_cli(f), "E111", line=2)
    assert m["col"] == "6" and "0xe9" in m["msg"]


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    f = write(tmp_path / "a.out.cpuid", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00" * 50)
    assert_diagnostic(run_cli(f), "E112", line=1)


def test_empty_file_is_a_warning(tmp_path: Path) -> None:
    f = write(tmp_path / "empty.cpuid", "")
    assert_diagnostic(run_cli(f), "E113", exit_code=0, line=1, source="")


def test_file_of_only_comments_is_a_warning(tmp_path: Path) -> None:
    text = "# nothing here yet\n// not even a leaf\n\n   # indented\n"
    f = write(tmp_path / "comments.cpuid", text)
    assert_diagnostic(run_cli(f), "E113", exit_code=0, line=1, source=text)


def test_directory_without_specs(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    write(tmp_path / "notes" / "README.txt", "feature SMEP = 7.0.EBX[7]\n")
    res = run_cli(tmp_path)
    assert_path_diagnostic(res, "E118")
    assert "no spec files found" in res.stderr


def test_missing_path(tmp_path: Path) -> None:
    res = run_cli(tmp_path / "no-such-file.cpuid")
    assert_path_diagnostic(res, "E110")


def test_import_of_a_directory(tmp_path: Path) -> None:
    (tmp_path / "lib.cpuid").mkdir()
    text = 'import "lib.cpuid"\nfeature SMEP = 7.0.EBX[7]\n'
    f = write(tmp_path / "main.cpuid", text)
    m = assert_diagnostic(run_cli(f), "E211", line=1, source=text)
    assert "is a directory" in m["msg"]


# ------------------------------------------------------------------ deep nesting

def test_50000_nested_parentheses_on_one_line(tmp_path: Path) -> None:
    text = "set S = " + "(" * 50_000 + "X" + ")" * 50_000 + "\n"
    f = write(tmp_path / "parens.cpuid", text)
    assert_diagnostic(run_cli(f), "E116", line=1, source=text)


def test_50000_nested_parentheses_over_many_lines(tmp_path: Path) -> None:
    text = "set S =\n" + over_lines("(" * 50_000) + "\nX\n" + over_lines(")" * 50_000) + "\n"
    f = write(tmp_path / "parens.cpuid", text)
    assert_diagnostic(run_cli(f), "E115", line=2, source=text)


def test_50000_nested_braces(tmp_path: Path) -> None:
    text = "set S =\n" + over_lines("{" * 50_000) + "\n"
    f = write(tmp_path / "braces.cpuid", text)
    m = assert_diagnostic(run_cli(f), "E115", line=2, source=text)
    assert m["col"] == str(65)


def test_50000_unclosed_braces_on_one_line(tmp_path: Path) -> None:
    text = "module m " + "{" * 50_000 + "\n"
    f = write(tmp_path / "braces.cpuid", text)
    assert_diagnostic(run_cli(f), "E116", line=1, source=text)


def _nesting_by_hand(text: str, limit: int) -> tuple[int, int]:
    """checker.parse._nesting's definition, one character at a time: brackets count
    outside strings and comments; a string ends at its closing quote (not one after an
    odd number of backslashes) or at the end of its line, a comment at the end of its
    line; a closing bracket at depth 0 is ignored."""
    depth = deepest = 0
    in_string = in_comment = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            in_string = in_comment = False
        elif in_comment:
            pass
        elif in_string:
            if ch == "\\":
                i += 1 if i + 1 < len(text) and text[i + 1] != "\n" else 0
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "#" or text.startswith("//", i):
            in_comment = True
        elif ch in "([{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if depth > limit:
                    return deepest, i
        elif ch in ")]}":
            depth = max(0, depth - 1)
        i += 1
    return deepest, -1


def test_nesting_scan_matches_its_definition() -> None:
    import random

    from checker.parse import _nesting

    rng = random.Random(20261127)
    pieces = ["(", ")", "[", "]", "{", "}", '"', "\\", "#", "/", "//", "\n", "a", " ", "(((((", '\\"', "[1]"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 120)))
        if rng.random() < 0.3:
            text = "(" * rng.randint(8, 14) + text
        assert _nesting(text, 10) == _nesting_by_hand(text, 10), text


def test_20000_complements_in_a_row(tmp_path: Path) -> None:
    text = "feature X = 1.EAX[1]\nset S =\n" + over_lines("~" * 20_000) + "X\n"
    f = write(tmp_path / "tilde.cpuid", text)
    assert_diagnostic(run_cli(f), "E115", source=text)


def test_20000_nots_in_a_row(tmp_path: Path) -> None:
    text = "invariant i:\n" + over_lines("not " * 20_000) + " true\n"
    f = write(tmp_path / "nots.cpuid", text)
    assert_diagnostic(run_cli(f), "E115", source=text)


# ------------------------------------------------------------------ size

def test_5mb_single_line(tmp_path: Path) -> None:
    item = "7.0.EBX[7], "
    text = "set S = {" + item * (5 * 1024 * 1024 // len(item)) + "7.0.EBX[8]}\n"
    f = write(tmp_path / "long.cpuid", text)
    m = assert_diagnostic(run_cli(f), "E116", line=1, source=text)
    assert "characters long" in m["msg"]


def _catalog_line(i: int) -> str:
    """A feature declaration the way generated catalogs write them: named after Linux, with its source."""
    reg = ("EAX", "EBX", "ECX", "EDX")[i % 4]
    leaf = (0x1, 0x7, 0xD, 0x14, 0x80000001, 0x80000008)[i % 6]
    return (f"feature X86_FEATURE_GENERATED_{i:07d} = 0x{leaf:x}.0x{i % 3:x}.{reg}[{i % 32}] from linux"
            f"  # arch/x86/include/asm/cpufeatures.h, CPUID.(EAX=0x{leaf:x},ECX={i % 3}):{reg}[bit {i % 32}]\n")


def test_5mb_of_valid_declarations(tmp_path: Path) -> None:
    parts = ['source linux { repo "torvalds/linux" file "arch/x86/include/asm/cpufeatures.h" }\n']
    size, i = len(parts[0]), 0
    while size < 5 * 1024 * 1024:
        parts.append(_catalog_line(i))
        size += len(parts[-1])
        i += 1
    f = write(tmp_path / "big-catalog.cpuid", "".join(parts))
    res = run_cli(f)
    assert_clean(res)
    assert res.exit_code == 0, res.stderr[-3000:]
    assert "no errors" in res.stdout
    assert not [m for m in diagnostics(res) if m["sev"] == "error"]


def test_huge_number_literal(tmp_path: Path) -> None:
    text = "host h {\n  cpuid mask(7.0.EBX, 0x" + "f" * 10_000 + ")\n}\n"
    f = write(tmp_path / "huge.cpuid", text)
    m = assert_diagnostic(run_cli(f), "E106", line=2, source=text)
    assert m["col"] == "23" and len(m.group(0)) < 300


def test_number_just_above_64_bits(tmp_path: Path) -> None:
    text = "leaf 18446744073709551616\n"
    f = write(tmp_path / "n.cpuid", text)
    assert_diagnostic(run_cli(f), "E106", line=1, source=text)


# ------------------------------------------------------------------ line endings and odd characters

def test_crlf_line_endings(tmp_path: Path) -> None:
    text = "feature SMEP = 7.0.EBX[7]\r\nset S = {SMPE}\r\n"
    f = write(tmp_path / "crlf.cpuid", text)
    res = run_cli(f)
    assert_diagnostic(res, "E200", line=2, source=text)
    assert "\r" not in res.stderr


def test_byte_order_mark_and_tabs(tmp_path: Path) -> None:
    text = "\tfeature\tSMEP = 7.0.EBX[77]\n"
    f = write(tmp_path / "bom.cpuid", b"\xef\xbb\xbf" + text.encode())
    assert_diagnostic(run_cli(f), "E300", line=1, source=text)


def test_control_characters(tmp_path: Path) -> None:
    text = "feature SMEP = 7.0.EBX[7]\nset S = {SMEP}\x1b[2J\n"
    f = write(tmp_path / "ctrl.cpuid", text)
    assert_diagnostic(run_cli(f), "E101", line=2, source=text)


def test_valid_and_broken_files_together(tmp_path: Path) -> None:
    good = write(tmp_path / "good.cpuid", "feature SMEP = 7.0.EBX[7]\n")
    bad = write(tmp_path / "bad.cpuid", b"\x00\x01")
    res = run_cli(good, bad, tmp_path / "missing.cpuid")
    assert_diagnostic(res, "E112")
    assert_path_diagnostic(res, "E110")


@pytest.mark.parametrize("name", ["sample-draft.cpuid"])
def test_sample_draft_reports_without_traceback(name: str) -> None:
    res = run_cli(REPO / "docs" / name)
    assert_clean(res)
    assert res.exit_code in (0, 2)
    for m in diagnostics(res):
        assert_caret(res, m, (REPO / "docs" / name).read_text(encoding="utf-8"))



@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_whole_report_reaches_a_pipe_before_the_process_exits(fmt: str):
    """`python -m checker` ends with os._exit (checker.cli.run, skipping the interpreter's
    teardown): standard output must be flushed first, or a report still in the pipe's
    buffer (a short one: the table alone) would be lost."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONUNBUFFERED", None)  # a pipe is block-buffered, as for most users
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--check", "upstream_6_16__tdx_1_5_01",
                           "--format", fmt, "--table-only"], cwd=REPO, env=env, capture_output=True,
                          timeout=TIMEOUT)
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr[-2000:]
    if fmt == "text":
        assert out.rstrip().endswith("1 check(s), 6 result(s): 4 proved, 2 violated; all as expected"), out[-500:]
    else:
        import json

        report = json.loads(out)
        assert len(report["results"]) == 6 and all(r["as_expected"] for r in report["results"])
