"""Results: plain data produced by checker.solve and serialised by checker.report.

Leaf module: imports nothing from the package. Verdicts are an enum; a
CheckResult is one (check, invariant) pair with everything a reviewer needs.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any


class Verdict(enum.Enum):
    PROVED = "proved"
    VIOLATED = "violated"
    VACUOUS = "vacuous"
    UNKNOWN = "unknown"


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

    @property
    def as_expected(self) -> bool:
        if self.expected is None:
            return self.verdict is Verdict.PROVED
        return self.verdict.value == self.expected

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
            "guarantees_unused": self.guarantees_unused,
            "vacuity": asdict(self.vacuity) if self.vacuity else None,
            "reason": self.reason,
            "seconds": round(self.seconds, 4),
            "file": self.file,
            "line": self.line,
            "column": self.column,
        }


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
