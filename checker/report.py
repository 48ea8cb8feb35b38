"""Reporters: results as text, plain-text email and JSON. They only serialise.

Stage 7 of the pipeline (solve -> report). Imports checker.results only. The
email rendering is plain text wrapped at 72 columns with no colour, so it can
be pasted into a reply and quoted; the text rendering adds the verdict table.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any, Iterable, Sequence

from checker.results import (BitChange, BitStory, CheckResult, Comparison, Counterexample, ReleaseDiff,
                             ReleaseVerdicts, TdDifference, Verdict)

EMAIL_WIDTH = 72
TEXT_WIDTH = 100
SCHEMA_VERSION = 1

# ANSI colours of the verdict words in the text format (only on a terminal, see checker.cli).
_COLOUR = {"PROVED": "32", "VIOLATED": "31", "VACUOUS": "33", "UNKNOWN": "35"}
_VERDICT_WORD = re.compile(r"\b(PROVED|VIOLATED|VACUOUS|UNKNOWN)(!?)")


def paint_verdicts(line: str) -> str:
    """Colour each verdict word; a surprise ('!') is bold too. The visible text, and so the
    table's alignment, is unchanged."""
    def paint(m: re.Match[str]) -> str:
        bold = "1;" if m.group(2) else ""
        return f"\x1b[{bold}{_COLOUR[m.group(1)]}m{m.group(0)}\x1b[0m"
    return _VERDICT_WORD.sub(paint, line)


def _verdict_cell(r: CheckResult, marks: bool) -> str:
    cell = r.verdict.name
    return cell if r.as_expected or not marks else cell + "!"


def verdict_table(results: Sequence[CheckResult], marks: bool = True) -> list[str]:
    """One table per module: invariants down, designs across; '!' marks a surprise
    (with marks=False, e.g. for compare, where nothing is expected, it is left out)."""
    out: list[str] = []
    by_module: dict[str, list[CheckResult]] = {}
    for r in results:
        by_module.setdefault(r.module, []).append(r)
    for module, rs in by_module.items():
        designs: list[str] = []
        for r in rs:
            if r.design not in designs:
                designs.append(r.design)
        invariants: list[str] = []
        for r in rs:
            if r.invariant not in invariants:
                invariants.append(r.invariant)
        cells: dict[tuple[str, str], list[str]] = {}
        for r in rs:
            cells.setdefault((r.invariant, r.design), []).append(_verdict_cell(r, marks))
        w0 = max(len(f"module {module}"), *(len(i) for i in invariants))
        widths = [max(len(d), 9) for d in designs]
        out.append(f"{'module ' + module:<{w0}}  " + "  ".join(f"{d:<{w}}" for d, w in zip(designs, widths)).rstrip())
        for inv in invariants:
            row = [("/".join(cells.get((inv, d), ["-"]))) for d in designs]
            out.append(f"{inv:<{w0}}  " + "  ".join(f"{c:<{w}}" for c, w in zip(row, widths)).rstrip())
        out.append("")
    return out


def bit_sentence(b: BitStory) -> str:
    f = b.facts
    parts = [f"the module classes it {f.get('module class', '?')}"]
    if f.get("gated by"):
        parts[-1] += f" (gated by {f['gated by']})"
    parts.append("reports it configurable" if f.get("module reports it configurable") else
                 "does not report it configurable")
    parts.append(f"the host's native value is {f.get('host native value', '?')}")
    parts.append("KVM knows it" if f.get("KVM knows it") else "KVM does not know it")
    parts.append("userspace requested it" if f.get("userspace requested it") else "userspace did not request it")
    parts.append("KVM passed it to TDH.MNG.INIT" if f.get("KVM passed it to TDH.MNG.INIT") else
                 "KVM did not pass it to TDH.MNG.INIT")
    parts.append("the TD has it set" if f.get("TD has it") else "the TD has it clear")
    parts.append("userspace believes it is set" if f.get("userspace believes it is set") else
                 "userspace believes it is clear")
    parts.append("KVM's CPUID copy has it set" if f.get("KVM's CPUID copy has it") else
                 "KVM's CPUID copy has it clear")
    return "; ".join(parts) + "."


def _wrap(text: str, indent: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent + "  ",
                         break_on_hyphens=False, break_long_words=True) or [indent]


def _sets(sets: Iterable[Iterable[str]]) -> str:
    return " or ".join("{" + ", ".join(s) + "}" for s in sets)


def _header(r: CheckResult, width: int) -> list[str]:
    expected = f" (expected {r.expected})" if r.expected else ""
    flag = "" if r.as_expected else "  <-- NOT AS EXPECTED"
    return _wrap(f"{r.check}: {r.invariant}: {r.verdict.name}{expected}{flag}", "", width)


def result_details(r: CheckResult, width: int = EMAIL_WIDTH) -> list[str]:
    """Everything about one result, wrapped to width."""
    out = _header(r, width)
    out += _wrap(f"design {r.design}, module {r.module} ({r.file}:{r.line})", "  ", width)
    if r.verdict is Verdict.PROVED:
        if r.guarantee_sets == [[]]:
            out += _wrap("Holds without any of the check's guarantees.", "  ", width)
        elif r.guarantee_sets:
            out += _wrap("Holds because of: " + _sets(r.guarantee_sets) + " (every minimal sufficient set).",
                         "  ", width)
        if r.guarantees_unused:
            out += _wrap("No proof needs: " + ", ".join(r.guarantees_unused) + ".", "  ", width)
    elif r.verdict is Verdict.VIOLATED and r.counterexample is not None:
        out += counterexample_lines(r.counterexample, width)
        if r.would_hold_with is not None:
            if r.would_hold_with:
                more = "" if r.would_hold_complete else " (sets of up to 3 guarantees were tried)"
                out += _wrap("Would hold with: " + _sets(r.would_hold_with) + more + ".", "  ", width)
            elif r.would_hold_complete and not r.would_hold_tried:
                out += _wrap("The spec declares no other guarantee that could make it hold.", "  ", width)
            else:
                more = "" if r.would_hold_complete else " of up to 3"
                out += _wrap(f"No set{more} of the spec's other guarantees would make it hold.", "  ", width)
    elif r.verdict is Verdict.VACUOUS and r.vacuity is not None:
        out += _wrap("The check's assumptions cannot all hold, so a proof would say nothing:", "  ", width)
        for reason in r.vacuity.reasons:
            out += _wrap("- " + reason, "    ", width)
        for g in r.vacuity.guarantees:
            out += _wrap(f"- the module breaks guarantee {g}", "    ", width)
        for b in r.vacuity.bits[:12]:
            out += _wrap("  " + b, "    ", width)
        if len(r.vacuity.bits) > 12:
            out += _wrap(f"  ... and {len(r.vacuity.bits) - 12} more bits", "    ", width)
    elif r.verdict is Verdict.UNKNOWN and (r.reason or "").startswith("cannot model"):
        out += _wrap(f"The check could not be modelled: {r.reason}.", "  ", width)
    elif r.verdict is Verdict.UNKNOWN:
        out += _wrap(f"The solver gave up: {r.reason}.", "  ", width)
    return out


def counterexample_lines(c: Counterexample, width: int = EMAIL_WIDTH) -> list[str]:
    out: list[str] = []
    size = f"{c.leaf_count} leaf(s), {c.bit_count} bit(s) beyond the quietest allowed situation" \
        if c.leaf_count >= 0 else "size not measured"
    proof = "minimal, proved by the solver" if c.minimal else "minimality not proved"
    out += _wrap(f"Counterexample ({size}; {proof}):", "  ", width)
    for k, v in c.situation.items():
        out += _wrap(f"{k}: {v}", "    ", width)
    for b in c.bits[:8]:
        name = f" ({', '.join(b.names)})" if b.names else ""
        out += _wrap(f"{b.position}{name}: {bit_sentence(b)}", "    ", width)
        for s in b.sources:
            out += _wrap(f"source: {s}", "      ", width)
    if len(c.bits) > 8:
        out += _wrap(f"... and {len(c.bits) - 8} more bits where it fails", "    ", width)
    if c.bits:
        out += _wrap(f"It fails: {c.bits[0].condition}", "    ", width)
    if c.steps:
        out += _wrap("What the protocol did:", "    ", width)
        for s in c.steps:
            out += _wrap(s, "      ", width)
    return out


def summary_line(results: Sequence[CheckResult]) -> str:
    counts = {v: sum(1 for r in results if r.verdict is v) for v in Verdict}
    surprises = sum(1 for r in results if not r.as_expected)
    checks = len({r.check for r in results})
    parts = ", ".join(f"{n} {v.value}" for v, n in counts.items() if n)
    tail = "all as expected" if not surprises else f"{surprises} NOT as expected"
    return f"{checks} check(s), {len(results)} result(s): {parts}; {tail}"


def _headed_details(r: CheckResult, width: int, colour: bool) -> list[str]:
    lines = result_details(r, width)
    if colour:
        n = len(_header(r, width))
        lines[:n] = [paint_verdicts(line) for line in lines[:n]]
    return lines


def render_text(results: Sequence[CheckResult], details: bool = True, colour: bool = False) -> str:
    table = verdict_table(results)
    out = [paint_verdicts(line) for line in table] if colour else table
    out.append("('!' marks a verdict that differs from the spec's expectation)")
    out.append("")
    if details:
        for r in results:
            out += _headed_details(r, TEXT_WIDTH, colour)
            out.append("")
    out.append(summary_line(results))
    return "\n".join(out) + "\n"


def render_details(results: Sequence[CheckResult], width: int = TEXT_WIDTH, colour: bool = False) -> str:
    """Every result in full, without the table (what `explain` prints)."""
    return "\n\n".join("\n".join(_headed_details(r, width, colour)) for r in results) + "\n"


def render_email(results: Sequence[CheckResult]) -> str:
    out: list[str] = []
    for r in results:
        cell = r.verdict.name + ("" if r.as_expected else f" (expected {r.expected or 'proved'})")
        out += _wrap(f"{r.design} / {r.module} / {r.invariant}: {cell}", "", EMAIL_WIDTH)
    out.append("")
    for r in results:
        if r.verdict is not Verdict.PROVED or not r.as_expected:
            out += result_details(r, EMAIL_WIDTH)
            out.append("")
    out += _wrap(summary_line(results), "", EMAIL_WIDTH)
    return "\n".join(out) + "\n"


def render_json(results: Sequence[CheckResult], diagnostics: Sequence[Any] = ()) -> str:
    doc = {
        "schema_version": SCHEMA_VERSION,
        "results": [r.to_json() for r in results],
        "diagnostics": [d.to_json() for d in diagnostics],
    }
    return json.dumps(doc, indent=2, sort_keys=False) + "\n"


# ------------------------------------------------------------------ releases

def _release_check_lines(rv: ReleaseVerdicts, width: int, all_details: bool) -> list[str]:
    out = _wrap(f"Release {rv.version} ({rv.file}) as module {rv.release}: "
                f"{len(rv.checks)} derived check(s)" +
                ("" if rv.invariants_decided else ", assumptions only (--guarantees-only)"), "", width)
    out.append("")
    if rv.broken:
        out.append("Broken guarantees:")
        for b in rv.broken:
            shown = ", ".join(b.bits[:10]) + (f", ... ({len(b.bits) - 10} more)" if len(b.bits) > 10 else "")
            out += _wrap(f"{b.guarantee}: broken by {len(b.bits)} bit(s): {shown}", "  ", width)
            out += _wrap("assumed by: " + ", ".join(b.checks), "    ", width)
    else:
        out += _wrap("The release breaks no guarantee the checks assume.", "", width)
    if rv.now_failing:
        out.append("")
        out.append("Invariants proved under a guarantee the release breaks (VACUOUS for this release):")
        for n in rv.now_failing:
            alone = f"with no guarantee assumed: {n.verdict_alone.upper()} ({n.check_alone})" if n.verdict_alone \
                else "not decided without the guarantee"
            out += _wrap(f"{n.design} / {n.invariant} (assumed {', '.join(n.guarantees)}): {alone}", "  ", width)
    out.append("")
    if rv.results and rv.invariants_decided:
        out += verdict_table(rv.results)
        out.append("('!' marks a verdict that is a regression: VIOLATED or VACUOUS where the check expects proved)")
        out.append("")
    for r in rv.results:
        if all_details or r.verdict is not Verdict.PROVED and not (r.verdict is Verdict.VACUOUS and rv.broken):
            out += result_details(r, width)
            out.append("")
    if rv.results:
        out += _wrap(summary_line(rv.results), "", width)
    return out


def render_release_check(rv: ReleaseVerdicts, fmt: str) -> str:
    if fmt == "json":
        doc = {"schema_version": SCHEMA_VERSION, **rv.to_json(), "results": [r.to_json() for r in rv.results],
               "diagnostics": []}
        return json.dumps(doc, indent=2) + "\n"
    width = EMAIL_WIDTH if fmt == "email" else 100
    return "\n".join(_release_check_lines(rv, width, all_details=False)) + "\n"


def _change_line(c: BitChange) -> str:
    names = f" ({', '.join(c.names)})" if c.names else ""
    mark = "BREAKING" if c.breaking else "harmless"
    what = "" if c.aspect == "class" else f"{c.aspect}: "
    return f"{c.position}{names}: {what}{c.old} -> {c.new} [{mark}] {c.why}"


def _unspecified_items(regs: dict[str, str]) -> list[str]:
    """`LEAF.*` for a leaf whose four registers are wholly unspecified, else `REG mask 0x...`."""
    full: dict[str, int] = {}
    for reg, mask in regs.items():
        if int(mask, 16) == 0xFFFFFFFF:
            leaf = reg.rsplit(".", 1)[0]
            full[leaf] = full.get(leaf, 0) + 1
    out: list[str] = []
    for reg, mask in regs.items():
        leaf = reg.rsplit(".", 1)[0]
        if full.get(leaf) == 4:
            if leaf + ".*" not in out:
                out.append(leaf + ".*")
        else:
            out.append(f"{reg} mask {mask}")
    return out


def render_release_diff(d: ReleaseDiff, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"schema_version": SCHEMA_VERSION, **d.to_json(), "diagnostics": []}, indent=2) + "\n"
    width = EMAIL_WIDTH if fmt == "email" else 100
    out = _wrap(f"Release diff {d.old} ({d.old_file}) -> {d.new} ({d.new_file})", "", width)
    out += _wrap(f"{len(d.all_changes)} change(s), {len(d.breaking)} breaking", "", width)
    if not d.kvm_given:
        out += _wrap("(no KVM readout given: whether KVM knows a bit is not checked; pass --kvm)", "", width)
    by_leaf: dict[tuple[int, int], list[BitChange]] = {}
    for c in d.changes + d.leaf_changes:
        by_leaf.setdefault(c.leaf, []).append(c)
    for leaf in sorted(by_leaf):
        first = by_leaf[leaf][0]
        out.append("")
        out.append("leaf " + (first.position if first.aspect == "cpuid_config leaf" else
                              first.position.split("[")[0].rsplit(".", 1)[0]) + ":")
        for c in by_leaf[leaf]:
            out += _wrap(_change_line(c), "  ", width)
    if d.module_changes:
        out.append("")
        out.append("module-level data:")
        for c in d.module_changes:
            out += _wrap(_change_line(c), "  ", width)
    for side, label in (("old", d.old), ("new", d.new)):
        regs = d.unspecified.get(side) or {}
        if regs:
            out.append("")
            total = sum(int(m, 16).bit_count() for m in regs.values())
            out += _wrap(f"unspecified in {label} (not compared, never counted as changed): {total} bit(s) in "
                         f"{len(regs)} register(s)", "", width)
            shown = _unspecified_items(regs)
            more = f", ... ({len(shown) - 40} more)" if len(shown) > 40 else ""
            out += _wrap(", ".join(shown[:40]) + more, "  ", width)
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ compare

def comparison_lines(c: Comparison, width: int) -> list[str]:
    """The verdict table, each difference with its situation, and the TD CPUID answers."""
    out = _wrap(f"Designs {', '.join(c.designs)} in the setup of check {c.template} ({c.file}:{c.line}): "
                f"its module, KVM, host, assumed guarantees and invariants.", "", width)
    out.append("")
    out += verdict_table(c.results, marks=False)
    if not c.differences:
        out += _wrap("No invariant on which the designs' verdicts differ.", "", width)
        out.append("")
    for d in c.differences:
        out += _wrap(f"{d.invariant}: {d.first_verdict.upper()} with {d.first}, {d.second_verdict.upper()} with "
                     f"{d.second}", "", width)
        if d.counterexample is not None:
            out += _wrap(f"A situation in which it holds with {d.first} and fails with {d.second}:", "  ", width)
            out += [line.replace("What the protocol did:", f"What {d.second}'s protocol did:")
                    for line in counterexample_lines(d.counterexample, width)]
            out += _wrap(f"What {d.first}'s protocol did:", "    ", width)
            for step in d.holding_steps:
                out += _wrap(step, "      ", width)
        if d.note:
            out += _wrap(d.note[0].upper() + d.note[1:] + ".", "  ", width)
        out.append("")
    for t in c.td:
        out += td_lines(t, width)
        out.append("")
    return out


def td_lines(t: TdDifference, width: int) -> list[str]:
    pair = f"{t.first} and {t.second}"
    if t.same is None:
        return _wrap(f"TD CPUID: not decided for {pair}: {t.note}.", "", width)
    if t.same:
        return _wrap(f"TD CPUID: {pair} give the TD the same CPUID in every situation the setup allows.", "",
                     width)
    out = _wrap(f"TD CPUID: {pair} can give the TD different CPUID. One situation, {len(t.bits)} bit(s) differ:",
                "", width)
    for k, v in t.situation.items():
        out += _wrap(f"{k}: {v}", "    ", width)
    for a, b in t.bits[:8]:
        name = f" ({', '.join(a.names)})" if a.names else ""
        out += _wrap(f"{a.position}{name}: set in the TD with {t.first if a.facts.get('TD has it') else t.second}, "
                     f"clear with {t.second if a.facts.get('TD has it') else t.first}.", "    ", width)
        out += _wrap(f"With {t.first}: {bit_sentence(a)}", "      ", width)
        out += _wrap(f"With {t.second}: {bit_sentence(b)}", "      ", width)
    if len(t.bits) > 8:
        out += _wrap(f"... and {len(t.bits) - 8} more bits that differ", "    ", width)
    for design, steps in t.steps.items():
        out += _wrap(f"What {design}'s protocol did:", "    ", width)
        for step in steps:
            out += _wrap(step, "      ", width)
    return out


def render_comparison(c: Comparison, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"schema_version": SCHEMA_VERSION, "comparison": c.to_json()}, indent=2) + "\n"
    return "\n".join(comparison_lines(c, EMAIL_WIDTH if fmt == "email" else 100)).rstrip() + "\n"
