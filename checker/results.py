"""Results: plain data produced by checker.solve and serialised by checker.report.

Leaf module: imports nothing from the package. Verdicts are an enum; a
CheckResult is one (check, invariant) pair with everything a reviewer needs.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable


class Verdict(enum.Enum):
    PROVED = "proved"
    VIOLATED = "violated"
    VACUOUS = "vacuous"
    UNKNOWN = "unknown"


# The unexpected verdicts that `--fail-on` can choose; by default each fails a run.
FAIL_ON_ALL = ("violated", "unknown", "vacuous")


@dataclass
class BitStory:
    """One bit of a counterexample: where it is, its names, and what each party did."""

    position: str
    names: list[str]
    facts: dict[str, Any]
    condition: str
    sources: list[str] = field(default_factory=list)
    left_has: bool = False
    right_has: bool = False


@dataclass
class Counterexample:
    bits: list[BitStory]
    steps: list[str]
    situation: dict[str, str]
    minimal: bool
    leaf_count: int
    bit_count: int
    assignment: dict[str, int] = field(default_factory=dict, repr=False)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("assignment")
        return d


@dataclass
class Explanation:
    """Why a check is VACUOUS: the assumptions that cannot hold together."""

    reasons: list[str]
    guarantees: list[str]
    bits: list[str]


@dataclass
class CheckResult:
    check: str
    design: str
    module: str
    invariant: str
    verdict: Verdict
    expected: str | None
    file: str
    line: int
    column: int
    seconds: float = 0.0
    counterexample: Counterexample | None = None
    guarantee_sets: list[list[str]] = field(default_factory=list)
    guarantees_unused: list[str] = field(default_factory=list)
    would_hold_with: list[list[str]] | None = None
    would_hold_complete: bool = True
    would_hold_tried: int = 0  # how many other guarantees there were to try
    vacuity: Explanation | None = None
    reason: str | None = None
    # Where the check and the invariant are declared (file, line, column are the
    # `verify` statement's): SARIF findings and editors point at these.
    check_line: int = 0
    check_column: int = 0
    invariant_file: str = ""
    invariant_line: int = 0
    invariant_column: int = 0

    @property
    def as_expected(self) -> bool:
        if self.expected is None:
            return self.verdict is Verdict.PROVED
        return self.verdict.value == self.expected

    def fails(self, fail_on: Iterable[str] = FAIL_ON_ALL) -> bool:
        """Whether this result fails a run that fails on these unexpected verdicts
        (DESIGN section 6). An unexpected PROVED counts as 'violated': the spec's
        expectation of a broken design is stale."""
        if self.as_expected:
            return False
        kind = "violated" if self.verdict is Verdict.PROVED else self.verdict.value
        return kind in set(fail_on)

    def to_json(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "design": self.design,
            "module": self.module,
            "invariant": self.invariant,
            "verdict": self.verdict.value,
            "expected": self.expected,
            "as_expected": self.as_expected,
            "counterexample": self.counterexample.to_json() if self.counterexample else None,
            "guarantee_sets": self.guarantee_sets,
            "would_hold_with": self.would_hold_with,
            "would_hold_complete": self.would_hold_complete,
            "would_hold_tried": self.would_hold_tried,
            "guarantees_unused": self.guarantees_unused,
            "vacuity": asdict(self.vacuity) if self.vacuity else None,
            "reason": self.reason,
            "seconds": round(self.seconds, 4),
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "check_declared_at": {"file": self.file, "line": self.check_line, "column": self.check_column},
            "invariant_declared_at": {"file": self.invariant_file, "line": self.invariant_line,
                                      "column": self.invariant_column},
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> CheckResult:
        """The inverse of to_json (the counterexample's solver assignment is not serialised)."""
        cex = d["counterexample"]
        check_at, inv_at = d["check_declared_at"], d["invariant_declared_at"]
        return cls(
            check=d["check"], design=d["design"], module=d["module"], invariant=d["invariant"],
            verdict=Verdict(d["verdict"]), expected=d["expected"], file=d["file"], line=d["line"],
            column=d["column"], seconds=d["seconds"],
            counterexample=None if cex is None else Counterexample(
                bits=[BitStory(**b) for b in cex["bits"]], steps=cex["steps"], situation=cex["situation"],
                minimal=cex["minimal"], leaf_count=cex["leaf_count"], bit_count=cex["bit_count"]),
            guarantee_sets=d["guarantee_sets"], guarantees_unused=d["guarantees_unused"],
            would_hold_with=d["would_hold_with"], would_hold_complete=d["would_hold_complete"],
            would_hold_tried=d["would_hold_tried"],
            vacuity=None if d["vacuity"] is None else Explanation(**d["vacuity"]), reason=d["reason"],
            check_line=check_at["line"], check_column=check_at["column"], invariant_file=inv_at["file"],
            invariant_line=inv_at["line"], invariant_column=inv_at["column"],
        )

@dataclass
class BitChange:
    """One difference between two releases: a bit's class, whether it is reported
    configurable, a CPUID_CONFIG leaf, or a module-level word bit."""

    position: str
    leaf: tuple[int, int]  # (leaf, subleaf) for grouping; (-1, 0) for module-level data
    names: list[str]
    aspect: str  # "class", "reported", "cpuid_config leaf", "xfam_fixed1", "max_leaf", ...
    old: str
    new: str
    breaking: bool
    why: str


@dataclass
class ReleaseDiff:
    """What changed from one release to the next (checker.release.diff)."""

    old: str
    new: str
    old_file: str
    new_file: str
    changes: list[BitChange]
    leaf_changes: list[BitChange]
    module_changes: list[BitChange]
    unspecified: dict[str, dict[str, str]]  # "old"/"new" -> register -> mask of bits that side does not give
    kvm_given: bool = False

    @property
    def all_changes(self) -> list[BitChange]:
        return self.changes + self.leaf_changes + self.module_changes

    @property
    def breaking(self) -> list[BitChange]:
        return [c for c in self.all_changes if c.breaking]

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("changes", "leaf_changes", "module_changes"):
            for c in d[key]:
                c["leaf"] = list(c["leaf"])
        d["breaking_count"] = len(self.breaking)
        return d


@dataclass
class BrokenGuarantee:
    """A guarantee a release breaks: the bits that break it and the checks that assumed it."""

    guarantee: str
    bits: list[str]
    checks: list[str]


@dataclass
class NowFailing:
    """An invariant whose check relied on a broken guarantee, and its verdict for the release alone."""

    design: str
    invariant: str
    check: str
    guarantees: list[str]
    verdict_alone: str | None  # the same design's verdict with no guarantee assumed (None: not checked)
    check_alone: str | None


@dataclass
class ReleaseVerdicts:
    """The result of `release check`: derived checks' results and what they say about the release."""

    release: str
    version: str
    file: str
    results: list[CheckResult]
    broken: list[BrokenGuarantee]
    now_failing: list[NowFailing]
    invariants_decided: bool = True
    checks: list[str] = field(default_factory=list)  # the derived checks that were run

    def to_json(self) -> dict[str, Any]:
        return {"release": self.release, "version": self.version, "file": self.file,
                "invariants_decided": self.invariants_decided, "checks": self.checks,
                "broken_guarantees": [asdict(b) for b in self.broken],
                "now_failing": [asdict(n) for n in self.now_failing]}

@dataclass
class DesignDifference:
    """An invariant on which two designs' verdicts differ. With a counterexample, it
    holds with `first` and fails with `second` in that situation (the counterexample
    tells it as `second` runs it; `holding_steps` is what `first`'s protocol did)."""

    invariant: str
    first: str
    second: str
    first_verdict: str
    second_verdict: str
    counterexample: Counterexample | None = None
    holding_steps: list[str] = field(default_factory=list)
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "invariant": self.invariant,
            "designs": [self.first, self.second],
            "verdicts": [self.first_verdict, self.second_verdict],
            "holds_with": self.first if self.counterexample else None,
            "fails_with": self.second if self.counterexample else None,
            "situation": self.counterexample.to_json() if self.counterexample else None,
            "holding_steps": self.holding_steps,
            "note": self.note,
        }


@dataclass
class TdDifference:
    """Whether two designs give the TD the same CPUID in every situation (`same`; None:
    the solver gave up), or the bits of td.cpuid that differ in one situation."""

    first: str
    second: str
    same: bool | None = None
    bits: list[tuple[BitStory, BitStory]] = field(default_factory=list)
    steps: dict[str, list[str]] = field(default_factory=dict)
    situation: dict[str, str] = field(default_factory=dict)
    note: str | None = None
    assignment: dict[str, int] = field(default_factory=dict, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "designs": [self.first, self.second],
            "same": self.same,
            "bits": [{"position": a.position, "names": a.names, "facts": {self.first: a.facts, self.second: b.facts}}
                     for a, b in self.bits],
            "steps": self.steps,
            "situation": self.situation,
            "note": self.note,
        }


@dataclass
class Comparison:
    """Designs put in one check's setup (`template`): verdicts, differences, TD CPUID."""

    template: str
    module: str
    designs: list[str]
    file: str
    line: int
    results: list[CheckResult] = field(default_factory=list)
    differences: list[DesignDifference] = field(default_factory=list)
    td: list[TdDifference] = field(default_factory=list)

    @property
    def undecided(self) -> bool:
        """Something the solver did not decide: an UNKNOWN verdict or an unanswered question."""
        return any(r.verdict is Verdict.UNKNOWN for r in self.results) or any(t.same is None for t in self.td) \
            or any(d.counterexample is None and d.note and d.note.startswith("the solver gave up")
                   for d in self.differences)

    def to_json(self) -> dict[str, Any]:
        return {
            "template": self.template,
            "module": self.module,
            "designs": self.designs,
            "file": self.file,
            "line": self.line,
            "verdicts": [{"design": r.design, "invariant": r.invariant, "verdict": r.verdict.value}
                         for r in self.results],
            "differences": [d.to_json() for d in self.differences],
            "td_cpuid": [t.to_json() for t in self.td],
        }
