"""Reading the golden diagnostic cases (tests/golden/diagnostics/*.cpuid).

Shared by tests/test_diagnostics.py and tools/gen_diagnostics_doc.py. Each
case is one malformed spec that states the diagnostics it expects inline,
mypy-style, on the line the diagnostic points at:

    feature SMEP 7.0.EBX[7]      # E: E100 @14
    # E+1: E104 @1
    module m2 { }

``E`` expects an error, ``W`` a warning (``# W: E404 @8``); ``+N`` moves the
expectation N lines down; several ``CODE @COL`` items may follow one marker,
separated by commas. A case may import files from imports/; expectations in
an imported file count when that file is loaded. NAME.out next to the case is
the full text the CLI prints on stderr, run from the golden directory.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent.parent
GOLDEN_DIR = REPO / "tests" / "golden" / "diagnostics"

_MARKER = re.compile(r"#\s*([EW])(?:\+(\d+))?:\s*((?:[EW]\d{3}\s*@\s*\d+\s*,?\s*)+)")
_ITEM = re.compile(r"([EW]\d{3})\s*@\s*(\d+)")


@dataclass(frozen=True, order=True)
class Expected:
    file: str
    line: int
    column: int
    code: str
    severity: str  # "error" or "warning"


def case_paths() -> list[Path]:
    return sorted(GOLDEN_DIR.glob("*.cpuid"))


def expectations(text: str, file: str) -> list[Expected]:
    """The diagnostics a case file announces in its '# E:' comments."""
    out: list[Expected] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        for m in _MARKER.finditer(line):
            severity = "error" if m.group(1) == "E" else "warning"
            target = lineno + int(m.group(2) or 0)
            for code, col in _ITEM.findall(m.group(3)):
                out.append(Expected(file, target, int(col), code, severity))
    return out


def strip_markers(text: str) -> str:
    """The case text without its expectation comments (for documentation)."""
    lines = []
    for line in text.split("\n"):
        m = _MARKER.search(line)
        if m:
            line = line[: m.start()].rstrip()
        lines.append(line)
    return "\n".join(lines)


def description(text: str) -> str:
    """The case's first comment line: what the case is about."""
    first = text.split("\n", 1)[0]
    if first.startswith("#") and not _MARKER.search(first):
        return first.lstrip("#").strip()
    return ""


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


@dataclass
class Run:
    exit_code: int
    stderr: str
    stdout: str
    actual: list[Expected]
    expected: list[Expected]

    def mismatch(self) -> tuple[list[Expected], list[Expected]]:
        """(expected but missing, reported but not expected)."""
        exp, act = Counter(self.expected), Counter(self.actual)
        return sorted((exp - act).elements()), sorted((act - exp).elements())


def run_case(path: Path) -> Run:
    """Run the CLI in-process on one case, from the golden directory, and collect everything."""
    from checker import cli
    from checker.semantics import analyse

    rel = path.resolve().relative_to(GOLDEN_DIR).as_posix()
    with _cwd(GOLDEN_DIR):
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            code = cli.main(["check", rel])
        program, diags = analyse([rel])
        texts = dict(program.texts)
        if rel not in texts:
            texts[rel] = path.read_text(encoding="utf-8", errors="replace")
    expected = [e for name, text in sorted(texts.items()) for e in expectations(text, name)]
    actual = [Expected(d.span.file, d.span.line, d.span.column, d.code, d.severity.value) for d in diags]
    return Run(code, err.getvalue(), out.getvalue(), actual, expected)
