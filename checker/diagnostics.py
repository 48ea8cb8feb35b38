"""Diagnostics: the one type every stage reports user mistakes with.

Leaf module: imports nothing from the package. Every code is defined once in
CODES with a one-line description (docs/diagnostics.md is generated from it);
a Diagnostic carries its code, severity, message, span and notes, and renders
as ``file:line:col: error: message [CODE]`` followed by the source line and a
caret, the way compilers and mypy print them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(unsafe_hash=True, slots=True)
class Span:
    """A place in a spec file: 1-based line and column, end inclusive-exclusive.

    Compared and hashed by value, and never changed once made; not ``frozen`` only
    because the parser makes one per node and a frozen constructor is slower
    (see checker.ast). Slotted for the same reason: a large spec has about a million
    (96 bytes and a tenth of the constructor's time less each)."""

    file: str
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


NO_SPAN = Span("<input>", 0, 0)


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True)
class Code:
    code: str
    title: str
    description: str
    severity: Severity = Severity.ERROR


def _codes(*codes: Code) -> dict[str, Code]:
    return {c.code: c for c in codes}


# Stable codes. Never renumber: users grep for them and docs link to them.
CODES: dict[str, Code] = _codes(
    # E1xx: reading files and syntax
    Code("E100", "syntax-error", "The text does not follow the grammar: a token appears where the language does not allow it."),
    Code("E101", "unexpected-character", "A character that cannot start any token (e.g. '$' or a non-ASCII letter outside a string)."),
    Code("E102", "unexpected-end", "The file ends in the middle of a construct, usually a missing '}' or ')'."),
    Code("E103", "unclosed-string", "A string literal has no closing double quote on the same line."),
    Code("E104", "missing-brace", "A block opened with '{' is not closed before the next declaration starts."),
    Code("E105", "stray-token", "A token that belongs to no declaration, such as a stray '}' or a value with no statement."),
    Code("E106", "bad-number", "A number literal is malformed or too large (CPUID values are at most 64 bits)."),
    Code("E110", "file-not-found", "A path given on the command line or in an import does not exist."),
    Code("E111", "not-utf8", "The file is not valid UTF-8 text."),
    Code("E112", "binary-file", "The file contains NUL bytes: it is binary, not a spec."),
    Code("E113", "empty-file", "The file is empty or holds only comments; a spec must declare something.", Severity.WARNING),
    Code("E114", "is-a-directory", "A path names a directory where a spec file was expected."),
    Code("E115", "nesting-too-deep", "Brackets or parentheses are nested deeper than the checker accepts."),
    Code("E116", "input-too-large", "A line or the whole file is longer than the checker accepts."),
    Code("E117", "unreadable-file", "The operating system refused to read the file (permissions, I/O error)."),
    Code("E118", "no-spec-files", "A directory to check holds no *.cpuid spec files, so there is nothing to check."),
    # E2xx: names and imports
    Code("E200", "undefined-name", "A name is used that no declaration in this file or its imports defines."),
    Code("E201", "duplicate-definition", "Two declarations give the same name."),
    Code("E202", "unknown-register", "A CPUID register other than EAX, EBX, ECX or EDX."),
    Code("E203", "unknown-class", "A module statement names a virtualization class the language does not have."),
    Code("E204", "unknown-attribute", "A party attribute that does not exist, e.g. module.fixed2 or td.cpuids."),
    Code("E205", "unknown-function", "A function other than leaves(), mask() and bits()."),
    Code("E206", "unknown-verdict", "An expected verdict other than proved, violated, vacuous or unknown."),
    Code("E207", "unknown-state", "A TD state other than created, initialized, vcpu_initialized, finalized."),
    Code("E208", "unknown-type", "A parameter type other than cpuid, xfam or attributes."),
    Code("E210", "import-cycle", "Files import each other in a cycle."),
    Code("E211", "import-not-found", "An imported file does not exist."),
    Code("E212", "missing-import", "A name is defined in another spec file that this file does not import."),
    Code("E213", "wrong-declaration-kind", "A name refers to a declaration of another kind (e.g. a check names a module where a design is expected)."),
    Code("E214", "unknown-ioctl", "A protocol calls an ioctl the design does not declare."),
    # E3xx: values and kinds
    Code("E300", "bit-out-of-range", "A CPUID register bit outside 0-31, or an ATTRIBUTES/XFAM bit outside 0-63."),
    Code("E301", "empty-range", "A bit range [hi:lo] with hi < lo, or a leaf range whose end is below its start."),
    Code("E302", "wrong-kind", "A value of the wrong kind: a field where a bit set is expected, a set where a condition is expected, XFAM bits mixed with CPUID bits, and so on."),
    Code("E303", "contradictory-classes", "One bit is given two different virtualization classes in one module."),
    Code("E304", "leaf-out-of-range", "A leaf or subleaf number does not fit in 32 bits."),
    Code("E305", "wrong-argument-count", "A function or ioctl is called with the wrong number of arguments."),
    Code("E306", "value-too-wide", "A mask value does not fit in the register it is applied to."),
    Code("E307", "bad-verified-value", "'verified' takes 0 or 1."),
    Code("E308", "duplicate-statement", "A statement that may appear once appears twice (e.g. two 'design' lines in a check)."),
    Code("E309", "assign-to-read-only", "'sets' names something an ioctl cannot write; writable are kvm.cpuid, td.config, td.xfam, td.attributes."),
    # E4xx: checks, designs, protocols
    Code("E400", "check-incomplete", "A check lacks its design or its module."),
    Code("E401", "not-an-invariant", "'verify' names something that is not an invariant."),
    Code("E402", "not-a-guarantee", "'assume' names something that is not a guarantee."),
    Code("E403", "protocol-state", "A protocol calls an ioctl in a TD state the ioctl does not allow."),
    Code("E404", "no-protocol", "A design has no protocol, so userspace never does anything.", Severity.WARNING),
    Code("E405", "use-before-set", "A protocol or ioctl reads td.cpuid before any ioctl has set td.config."),
    # E7xx: writing reports
    Code("E700", "cannot-write-output", "The report cannot be written to the --output file (a missing directory, "
         "a directory in its place, no permission, a full disk); the file, if it existed, is left as it was."),
    Code("E701", "output-is-a-spec", "The --output file is one of the spec files the run reads; nothing is checked "
         "or written, so the spec is not replaced by a report."),
    # E5xx: imported data (release files, CPUID dumps, kvm_cpuid2 readouts)
    Code("E500", "data-not-json", "A release file or kvm_cpuid2 readout is not valid JSON."),
    Code("E501", "data-wrong-shape", "A JSON value of the wrong type, or a required field that is missing."),
    Code("E502", "data-unknown-field", "A field the format does not have (often a misspelt one)."),
    Code("E503", "data-out-of-range", "A number that does not fit: a leaf, subleaf or register value over 32 bits, a CPUID_CONFIG value or ATTRIBUTES/XFAM word over 64 bits, a bit number out of range."),
    Code("E504", "data-duplicate-entry", "The same leaf and subleaf (or the same CPUID_CONFIG entry) appears twice."),
    Code("E505", "data-overlapping-classes", "A release gives one bit two different virtualization classes."),
    Code("E506", "data-unknown-class", "A release names a virtualization class the language does not have."),
    Code("E507", "data-bad-class-detail", "'verified' on a bit that is not native, a value other than 0 or 1, or an empty gate."),
    Code("E508", "dump-syntax", "A line of a CPUID dump is not in the `cpuid -r` form `0x00000007 0x00: eax=0x... ebx=0x... ecx=0x... edx=0x...`."),
    Code("E509", "data-file-unreadable", "A data file named by `from FORMAT \"PATH\"` or on the command line does not exist or cannot be read."),
    Code("E510", "unknown-data-format", "`from FORMAT \"PATH\"` names a format other than release, dump or kvm_cpuid2."),
    Code("E511", "data-format-not-allowed", "A declaration takes its data from a format that cannot describe it (e.g. a kvm from a release file)."),
    Code("E512", "data-format-version", "A release file is not in the cpuid-contracts release format, or in a version this tool does not read."),
    Code("E513", "data-count-mismatch", "A kvm_cpuid2 readout's nent differs from the number of entries it holds."),
    Code("E514", "data-subleaf-mismatch", "One leaf is given both with and without a subleaf."),
    Code("E515", "data-empty", "A data file holds no entries, so it would say nothing."),
    # E600-E649: proof artefacts (export --smtlib, proofs check) and compare
    Code("E600", "output-not-proofs", "export --smtlib was given a directory that exists, is not empty and was not written by an earlier export; it is left alone."),
    Code("E601", "bad-proofs-manifest", "A proofs directory's manifest.json is missing, unreadable, or not in the format export writes (the JSON path says where)."),
    Code("E602", "obligation-file-changed", "An obligation file listed in manifest.json is missing or its sha256 differs from the manifest's: the proofs were edited or are incomplete."),
    Code("E603", "solvers-disagree", "A cross-check solver answers an obligation differently from the answer z3 gave when the verdict was decided."),
    Code("E604", "cross-check-no-answer", "A cross-check solver answered unknown, failed to read an obligation file, or gave the wrong number of answers."),
    Code("E605", "solver-not-installed", "A cross-check solver is not installed; the cross-check extra installs cvc5 and bitwuzla."),
    Code("E610", "compare-needs-two-designs", "compare was given fewer than two designs."),
    Code("E611", "compare-unknown-design", "compare was given a design name that no loaded spec declares."),
    Code("E612", "compare-no-setup", "compare found no check to take the setup from: --like names no check, or no check with the --module names a compared design."),
    Code("E613", "compare-unknown-invariant", "compare --invariant names an invariant the setup's check does not verify."),
    # E9xx: the tool itself
    Code("E900", "internal-error", "A bug in cpuid-contracts, not in your spec. Please report it with the input."),
)


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    span: Span = NO_SPAN
    notes: tuple[str, ...] = ()
    severity: Severity | None = None

    def __post_init__(self) -> None:
        assert self.code in CODES, f"unregistered diagnostic code {self.code}"
        if self.severity is None:
            object.__setattr__(self, "severity", CODES[self.code].severity)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self, source_line: str | None = None) -> str:
        """``file:line:col: error: message [CODE]``, the source line, a caret, the notes."""
        assert self.severity is not None
        where = f"{self.span.file}:{self.span.line}:{self.span.column}" if self.span.line else self.span.file
        out = [f"{where}: {self.severity.value}: {self.message} [{self.code}]"]
        if source_line is not None and self.span.line:
            shown, caret_col, visible = _clip(source_line, self.span.column)
            out.append(f"    {shown}")
            width = 1
            if self.span.end_line == self.span.line and self.span.end_column > self.span.column:
                width = min(self.span.end_column - self.span.column, max(1, visible - caret_col + 1))
            out.append("    " + " " * (caret_col - 1) + "^" + "~" * (width - 1))
        out.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(out)

    def to_json(self) -> dict[str, object]:
        assert self.severity is not None
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.span.file,
            "line": self.span.line,
            "column": self.span.column,
            "notes": list(self.notes),
        }


def _clip(line: str, column: int, width: int = 100) -> tuple[str, int, int]:
    """At most `width` characters of a long line around the column, '...' marking what is cut; tabs become spaces.

    Returns the text to show, the caret's column in it, and how many of its
    characters are source text (the underline stops there, before a '...').
    """
    line = line.rstrip("\r\n").replace("\t", " ")  # CRLF files: no stray '\r' in the output
    if len(line) <= width:
        return line, column, len(line)
    start = max(0, column - width // 2)
    shown = line[start:start + width]
    prefix = "..." if start else ""
    suffix = "..." if start + width < len(line) else ""
    return prefix + shown + suffix, column - start + len(prefix), len(prefix) + len(shown)


def did_you_mean(name: str, candidates: "list[str] | set[str] | dict[str, object]") -> str | None:
    """A note suggesting the closest known name, or None."""
    import difflib

    pool = list(candidates)
    if not pool:
        return None
    lowered = {c.lower(): c for c in pool}
    if name.lower() in lowered and lowered[name.lower()] != name:
        return f"did you mean '{lowered[name.lower()]}'?"
    close = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
    if not close:
        close = [lowered[m] for m in difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)]
    return f"did you mean '{close[0]}'?" if close else None
