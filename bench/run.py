"""Benchmark of the cpuid-contracts front end and checker.

    python bench/run.py [--quick] [--json PATH] [--only F1,C1,...] [--max-seconds S]
                        [--naive-seconds S] [--profile]

Every measured case runs in a fresh subprocess (this script with --child), so
cold start and peak memory are per case: wall time is taken with
time.perf_counter around the subprocess (or inside it, for the warm cases, as
the table says), peak RSS from os.wait4's resource usage of that child.
Writes the table to stdout and everything (machine, per-check and per-invariant
times, verdicts, profile) to JSON, by default bench/results/bench-<timestamp>.json.
bench/README.md explains the cases and targets.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "spec"
CONCRETE_CHECK = "upstream_6_16__tdx_1_5_01"
SYMBOLIC_CHECK = "upstream_6_16__any_release"


def spec_lines(root: Path) -> int:
    return sum(p.read_text(encoding="utf-8").count("\n") for p in root.rglob("*.cpuid"))


# ================================================================== child side

def _child(argv: list[str]) -> int:
    """One measured case, in its own process; writes its findings to --out as it goes."""
    import argparse

    ap = argparse.ArgumentParser(prog="run.py --child")
    ap.add_argument("mode", choices=["imports", "analyse", "analyse-warm", "analyse-scaled", "check", "floor",
                                     "release"])
    ap.add_argument("dir")
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--only", action="append")
    ap.add_argument("--naive", action="store_true")
    ap.add_argument("--profile")
    ap.add_argument("--jobs", type=int, default=0)
    a = ap.parse_args(argv)
    report: dict = {"mode": a.mode}

    def save() -> None:
        tmp = a.out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(report, f)
        os.replace(tmp, a.out)

    t0 = time.perf_counter()
    if a.mode == "imports":  # fills the bytecode cache (lark, z3, checker); not measured
        import checker.cli  # noqa: F401  (imports every stage)

        report["import_s"] = time.perf_counter() - t0
        save()
        return 0
    if a.mode == "analyse":  # F1: import + parse + analyse, nothing else
        from checker.semantics import analyse

        report["import_s"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        program, diags = analyse([a.dir])  # the parse tables load on first use, inside this
        report["analyse_s"] = time.perf_counter() - t1
        report["errors"] = sum(d.is_error for d in diags)
        report["files"] = len(program.files)
        report["lark_imported"] = "lark" in sys.modules  # only a syntax error should need it
        save()
        return 0

    if a.mode == "release":  # R1: release diff and release check on one release file
        return _release_child(a.dir, report, save, a.only)

    from checker.semantics import analyse

    report["import_s"] = time.perf_counter() - t0
    if a.mode == "analyse-warm":  # F2: parse tables loaded, modules imported, files in the page cache
        t1 = time.perf_counter()
        analyse([a.dir])
        report["first_s"] = time.perf_counter() - t1
        runs = []
        for _ in range(a.repeat):
            t1 = time.perf_counter()
            program, diags = analyse([a.dir])
            runs.append(time.perf_counter() - t1)
        report["runs_s"] = runs
        report["errors"] = sum(d.is_error for d in diags)
        save()
        return 0
    if a.mode == "analyse-scaled":  # F3: one analysis of a generated tree, parse tables loaded
        analyse([])
        t1 = time.perf_counter()
        program, diags = analyse([a.dir])
        report["analyse_s"] = time.perf_counter() - t1
        report["errors"] = sum(d.is_error for d in diags)
        report["files"] = len(program.files)
        report["leaves"] = len(program.leaves)
        save()
        return 0

    if a.mode == "check":  # the process set up as the command sets it up (checker.cli.run)
        import checker.cli

        getattr(checker.cli, "keep_freed_memory", lambda: None)()
    from checker.model import ConcreteAlgebra, build_model, build_space, resolve_check
    from checker.semantics import cyclic_gc_paused
    from checker import solve
    from checker.solve import check_program

    report["import_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    program, diags = analyse([a.dir])
    report["analyse_s"] = time.perf_counter() - t1
    report["jobs"] = a.jobs
    report["errors"] = [d.render() for d in diags if d.is_error][:5]
    checks = [(f, d) for f, d in program.checks() if not a.only or d.name.name in a.only]
    report["checks"] = []
    save()
    if report["errors"]:
        return 2
    if a.mode == "floor":  # C3 floor: the model on Python ints, one all-zero situation
        for file, decl in checks:
            t1 = time.perf_counter()
            setup = resolve_check(program, file, decl)
            space = build_space(program, setup)
            t2 = time.perf_counter()
            model = build_model(program, setup, ConcreteAlgebra({}), space=space)
            ok = all(c for _, c in model.structural_constraints()) and all(c for _, _, c in model.run.ok)
            values = {inv.name: bool(model.property_value(inv.expr, program.file_of(inv.decl)))
                      for inv in setup.invariants}
            t3 = time.perf_counter()
            report["checks"].append({"check": decl.name.name, "registers": len(space.registers),
                                     "space_s": t2 - t1, "seconds": t3 - t1, "run_ok": ok, "invariants": values})
            save()
        return 0
    profiler = None
    if a.profile:
        import cProfile

        profiler = cProfile.Profile()
    kw = {"decompose": False} if a.naive else {}
    if a.jobs and len(checks) > 1:  # one call, as the CLI makes it: check_program(program, jobs=N)
        import resource

        t1 = time.perf_counter()
        results = check_program(program, only=a.only, jobs=a.jobs, **kw)
        report["checks_s"] = time.perf_counter() - t1
        # the forked workers are this process's children: their peak, for the parent to add
        report["workers_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        by_check: dict[str, list] = {}
        for r in results:
            by_check.setdefault(r.check, []).append(r)
        for name, rs in by_check.items():
            report["checks"].append({"check": name, "status": "done", "registers": None, "invariants": [
                {"invariant": r.invariant, "verdict": r.verdict.value, "expected": r.expected,
                 "as_expected": r.as_expected, "seconds": r.seconds} for r in rs]})
        save()
        return 0
    # One call, as the CLI makes it with --jobs 1 (or with one check): checks that share an
    # encoding run together (checker.solve.sharing_key), so each check's time is taken between
    # two progress calls, in the order check_program runs them.
    order = [checks[i] for group in solve._groups([resolve_check(program, f, d) for f, d in checks]) for i in group]
    entries = {decl.name.name: {"check": decl.name.name, "registers": None, "status": "running"}
               for _, decl in checks}
    report["checks"] = [entries[decl.name.name] for _, decl in checks]
    save()
    stamps = [time.perf_counter()]

    def progress(done: int, total: int) -> None:
        stamps.append(time.perf_counter())
        entry = entries[order[done - 1][1].name.name]
        entry["seconds"], entry["status"] = stamps[-1] - stamps[-2], "done"
        save()
    if profiler:
        profiler.enable()
    # as the CLI runs one check: with --jobs, its counterexamples are written up in forked processes
    results = check_program(program, only=a.only, jobs=a.jobs or 1, progress=progress, **kw)
    if profiler:
        profiler.disable()
    for file, decl in checks:
        entry = entries[decl.name.name]
        mine = [r for r in results if r.check == decl.name.name]
        counted = time.perf_counter()
        # the size of the check's space, counted as check_one counts it: with the cyclic
        # collector paused (outside a pause, its first full scan of the program lands here)
        with cyclic_gc_paused():
            entry["registers"] = len(build_space(program, resolve_check(program, file, decl)).registers)
        # the command does not count them: spawn() takes this out of the case's wall time
        report["bookkeeping_s"] = report.get("bookkeeping_s", 0.0) + time.perf_counter() - counted
        # everything but the per-invariant work: model, encoding, split into components, vacuity
        entry["setup_s"] = entry["seconds"] - sum(r.seconds or 0 for r in mine
                                                  if r.verdict.value != "vacuous" and not
                                                  (r.reason or "").startswith("vacuity check"))
        entry["invariants"] = [{"invariant": r.invariant, "verdict": r.verdict.value, "expected": r.expected,
                                "as_expected": r.as_expected, "seconds": r.seconds,
                                "reason": getattr(r, "reason", None)} for r in mine]
    save()
    if profiler:
        import pstats

        profiler.dump_stats(a.profile)
        st = pstats.Stats(profiler)
        rows = []
        for (fn, line, func), (cc, nc, tt, ct, _) in st.stats.items():  # type: ignore[attr-defined]
            rows.append({"function": func, "where": f"{_short(fn)}:{line}", "ncalls": nc,
                         "tottime_s": round(tt, 3), "cumtime_s": round(ct, 3)})
        rows.sort(key=lambda r: -r["cumtime_s"])
        report["profile_top_cumulative"] = rows[:40]
        report["profile_top_tottime"] = sorted(rows, key=lambda r: -r["tottime_s"])[:20]
        save()
    return 0


def scaled_release(factor: int, out: Path) -> Path:
    """Module 1.5.01's release repeated `factor` times, copy k's leaves moved to leaf + k * 0x10000
    (basic) or leaf + k * 0x100 (extended, staying below 0x80010000), as one release file."""
    from checker.release import ClassRun, ConfigEntry, dump_release, load_release

    base, _ = load_release(REPO / "spec" / "releases" / "tdx_1_5_01.json")
    assert base is not None
    runs, config = [], []

    def moved(leaf: int, k: int) -> int:
        return leaf + k * (0x100 if leaf >= 0x80000000 else 0x10000)

    for k in range(factor):
        runs += [ClassRun(type(r.reg)(moved(r.reg.leaf, k), r.reg.subleaf, r.reg.register), r.mask, r.cls, r.source)
                 for r in base.runs]
        config += [ConfigEntry(moved(e.leaf, k), e.subleaf, e.values) for e in base.cpuid_config or ()]
    base.runs, base.cpuid_config, base.version = runs, config, f"1.5.01x{factor}"
    base.indexed = {moved(leaf, k): ix for leaf, ix in base.indexed.items() for k in range(factor)}
    out.write_text(dump_release(base), encoding="utf-8")
    return out


def _release_child(path: str, report: dict, save, only: list[str] | None) -> int:
    import dataclasses

    from checker.cli import shipped_spec_dir
    from checker.release import diff, load_release
    from checker.release_check import release_check
    from checker.semantics import analyse

    t1 = time.perf_counter()
    release, diags = load_release(path)
    report["load_s"] = time.perf_counter() - t1
    assert release is not None, diags
    report["bits"] = len(release.bit_classes())
    # diff against a copy with every configurable_if_native bit moved to fixed1: every such bit changes
    changed = dataclasses.replace(release, runs=[
        dataclasses.replace(r, cls=dataclasses.replace(r.cls, klass="fixed1", gate=None))
        if r.cls.klass == "configurable_if_native" else r for r in release.runs], version="changed")
    t1 = time.perf_counter()
    d = diff(release, changed)
    report["diff_s"] = time.perf_counter() - t1
    report["diff_changes"] = len(d.all_changes)
    save()
    program, _ = analyse([shipped_spec_dir()])
    t1 = time.perf_counter()
    rv = release_check(program, release, only=set(only) if only else None, decide_invariants=False)
    report["check_guarantees_s"] = time.perf_counter() - t1
    report["broken"] = sorted(b.guarantee for b in rv.broken)
    save()
    return 0


def _short(path: str) -> str:
    for marker in ("/site-packages/", str(REPO) + "/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


# ================================================================== parent side

LETTER = {"proved": "P", "violated": "V", "vacuous": "Q", "unknown": "U"}  # per-check verdict strings
PYCACHE: str | None = None  # set by main(): a private bytecode cache for the children


def usable_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def calibrate() -> float:
    """Seconds for a fixed pure-Python workload of the checker's kind (tuple-keyed dicts, int
    masks, small strings), best of three. Read beside a case's wall time: on a shared machine
    whose speed drifts (this one's by a quarter from minute to minute), a slow case with a slow
    calibration says the machine was slow, not the code."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        masks: dict[tuple[int, int, str], int] = {}
        names = []
        for i in range(60000):
            key = (i & 255, i >> 8, "EAX")
            masks[key] = masks.get(key, 0) | (1 << (i & 31))
            names.append(f"request:0x{i:x}.0.EAX")
        best = min(best, time.perf_counter() - t)
    return best


def spawn(args: list[str], cap: float | None = None, bytecode: bool = True) -> dict:
    """Run one case in a fresh process; wall time, peak RSS, its report, or 'timeout'."""
    calibration = calibrate()
    import signal
    import subprocess
    import tempfile
    import threading

    fd, out = tempfile.mkstemp(suffix=".json", prefix="bench-child-")
    os.close(fd)
    os.unlink(out)
    err = tempfile.TemporaryFile()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", *args, "--out", out]
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    if bytecode and PYCACHE:
        # .pyc files as an installed package has them, kept out of the source tree
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = PYCACHE
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "cpuid-bench-no-pyc-%d" % os.getpid())
    timed_out = threading.Event()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=REPO, start_new_session=True)

    def kill() -> None:
        timed_out.set()
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(cap, kill) if cap else None
    if timer:
        timer.start()
    try:
        _, status, usage = os.wait4(p.pid, 0)
    finally:
        if timer:
            timer.cancel()
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    report: dict = {}
    if os.path.exists(out):
        with open(out, encoding="utf-8") as f:
            report = json.load(f)
        os.unlink(out)
    err.seek(0)
    stderr = err.read().decode("utf-8", "replace")
    # what the child did only for the bench (counting a check's registers), not as the command does
    bookkeeping = report.get("bookkeeping_s", 0.0)
    res = {"wall_s": wall - bookkeeping, "process_wall_s": wall, "peak_mb": usage.ru_maxrss / 1024,
           "exit": p.returncode,
           "timeout": timed_out.is_set(), "cap_s": cap, "report": report, "calibration_s": calibration}
    if p.returncode not in (0,) and not timed_out.is_set():
        res["stderr_tail"] = stderr[-2000:]
    return res


class Bench:
    def __init__(self, args) -> None:
        self.args = args
        self.rows: list[dict] = []
        self.cases: dict[str, dict] = {}
        import tempfile

        self.tmp = Path(tempfile.mkdtemp(prefix="cpuid-bench-"))
        self.deadline = time.monotonic() + args.budget if args.budget > 0 else None

    def row(self, case: str, what: str, size: str, wall: float | str | None, peak: float | None,
            target: str = "-", status: str = "") -> None:
        self.rows.append({"case": case, "what": what, "size": size, "wall_s": wall, "peak_mb": peak,
                          "target": target, "status": status})
        w = f"{wall:.3f}" if isinstance(wall, float) else (wall or "-")
        pk = f"{peak:.0f}" if peak else "-"
        print(f"{case:<10} {what:<44} {size:>22} {w:>9} {pk:>8}  {target:<14} {status}", flush=True)

    def log(self, msg: str) -> None:
        print(f"{'':<10} .. {msg}", flush=True)

    # -------------------------------------------------------------- releases
    def r1(self) -> None:
        """Release diff and release check (--guarantees-only, one promising_release check)
        on module 1.5.01 and on generated releases --r1-factors times larger."""
        for factor in self.args.r1_factors:
            path = REPO / "spec" / "releases" / "tdx_1_5_01.json" if factor == 1 else \
                scaled_release(factor, self.tmp / f"release-x{factor}.json")
            r = spawn(["release", str(path), "--only", "upstream_6_16__promising_release"],
                      cap=self.cap(self.args.max_seconds))
            self.cases[f"R1-x{factor}"] = r
            rep = r["report"]
            size = f"{rep.get('bits', '?')} bits"
            label = "1.5.01" if factor == 1 else f"1.5.01 x{factor}"
            if "diff_s" in rep:
                self.row("R1", f"release diff {label} (all allow_direct -> fixed1)", size, rep["diff_s"], None,
                         "-", f"{rep.get('diff_changes')} changes; load {rep.get('load_s', 0):.2f} s")
            wall = "timeout" if r["timeout"] else rep.get("check_guarantees_s")
            self.row("R1", f"release check --guarantees-only {label}", size, wall, r["peak_mb"], "-",
                     ("broken: " + ", ".join(rep.get("broken", []))) if "broken" in rep else
                     ("ERROR" if r["exit"] else ""))

    # -------------------------------------------------------------- front end
    def f1(self) -> None:
        runs = [spawn(["analyse", str(SPEC)]) for _ in range(3)]
        r = sorted(runs, key=lambda x: x["wall_s"])[1]  # the median of three cold runs
        r["runs_wall_s"] = [x["wall_s"] for x in runs]
        self.cases["F1"] = r
        ok = all(x["exit"] == 0 and not x["report"].get("errors") for x in runs)
        rep = r["report"]
        self.row("F1", "cold: python + import + parse + analyse", f"{spec_lines(SPEC)} lines", r["wall_s"],
                 r["peak_mb"], "< 0.5 s", (("PASS" if r["wall_s"] < 0.5 else "MISS") if ok else "ERROR")
                 + f" (median of 3: import {rep.get('import_s', 0):.2f} s, analyse {rep.get('analyse_s', 0):.2f} s"
                   + (", lark imported" if rep.get("lark_imported") else "") + ")")
        runs = [spawn(["analyse", str(SPEC)], bytecode=False) for _ in range(3)]
        r = sorted(runs, key=lambda x: x["wall_s"])[1]
        r["runs_wall_s"] = [x["wall_s"] for x in runs]
        self.cases["F1-no-pyc"] = r
        self.row("F1'", "the same without .pyc files (info)", f"{spec_lines(SPEC)} lines", r["wall_s"],
                 r["peak_mb"], "-", f"median of 3: import {r['report'].get('import_s', 0):.2f} s")

    def f2(self) -> None:
        r = spawn(["analyse-warm", str(SPEC), "--repeat", "5"])
        self.cases["F2"] = r
        runs = sorted(r["report"].get("runs_s", []))
        med = runs[len(runs) // 2] if runs else None
        r["median_s"] = med
        self.row("F2", "warm in-process parse + analyse (median 5)", f"{spec_lines(SPEC)} lines", med,
                 r["peak_mb"], "-", "" if r["exit"] == 0 else "ERROR")

    def f3(self) -> None:
        from gen import frontend

        per: dict[int, float] = {}
        self.cases["F3"] = {}
        for factor in self.args.r1_factors:
            out = self.tmp / f"front-{factor}x"
            t0 = time.perf_counter()
            info = frontend(out, factor)
            gen_s = time.perf_counter() - t0
            r = spawn(["analyse-scaled", str(out)], self.args.max_seconds)
            r.update(info, gen_s=gen_s)
            self.cases["F3"][f"{factor}x"] = r
            if r["timeout"] or r["exit"] != 0:
                self.row("F3", f"{factor}x spec: parse + analyse (warm parser)", f"{info['lines']} lines",
                         "timeout" if r["timeout"] else "error", r["peak_mb"], "-", "")
                continue
            s = r["report"]["analyse_s"]
            per[factor] = s / (info["lines"] / 1000)
            r["s_per_kline"] = per[factor]
            status = f"{per[factor] * 1000:.1f} ms/kline"
            target, verdict = "-", ""
            if factor > 1 and 1 in per:
                ratio = per[factor] / per[1]
                r["per_kline_vs_1x"] = ratio
                target = "<= 1.5x of 1x"
                verdict = ("PASS" if ratio <= 1.5 else "MISS") + f" ({ratio:.2f}x)"
            errs = r["report"].get("errors")
            self.row("F3", f"{factor}x spec: parse + analyse (warm parser)", f"{info['lines']} lines", s,
                     r["peak_mb"], target, f"{status} {verdict}".strip() + (f" {errs} errors!" if errs else ""))
            import shutil

            shutil.rmtree(out, ignore_errors=True)

    # -------------------------------------------------------------- checker
    def _check_rows(self, case: str, r: dict, label: str, size: str, target: str = "-",
                    target_s: float | None = None) -> None:
        rep = r["report"]
        checks = rep.get("checks", [])
        if len(checks) == 1:
            size = f"{checks[0]['registers']} regs, {size}"
        if r["timeout"]:
            done = [c for c in rep.get("checks", []) if c.get("status") == "done"]
            where = f"after analysis ({rep['analyse_s']:.1f} s)" if "analyse_s" in rep else "before analysis ended"
            self.row(case, label, size, "timeout", r["peak_mb"], target,
                     f"killed at {r['cap_s']:.0f} s cap {where}; {len(done)} check(s) done")
        elif r["exit"] != 0:
            self.row(case, label, size, "error", r["peak_mb"], target,
                     "ERROR " + (r.get("stderr_tail", "") or str(rep.get("errors")))[-120:].replace("\n", " | "))
        else:
            status = ""
            if target_s is not None:
                status = "PASS" if r["wall_s"] < target_s else "MISS"
            verdicts = [i for c in rep["checks"] for i in c.get("invariants", [])]
            unexpected = [i for i in verdicts if i["as_expected"] is False]
            counts: dict[str, int] = {}
            for i in verdicts:
                counts[i["verdict"]] = counts.get(i["verdict"], 0) + 1
            status += " " + " ".join(f"{v}:{n}" for v, n in sorted(counts.items()))
            if unexpected:
                status += f" ({len(unexpected)} unexpected)"
            if len(checks) == 1:
                status += f"; setup {checks[0]['setup_s']:.1f} s"
            self.row(case, label, size, r["wall_s"], r["peak_mb"], target, status.strip())
        for c in rep.get("checks", []):
            if "seconds" in c and len(rep.get("checks", [])) > 1:
                v = "".join(LETTER.get(i["verdict"], "?") for i in c.get("invariants", []))
                self.row("", f"  {c['check']}", f"{c['registers']} regs", c["seconds"], None, "",
                         f"{v} (P proved, V violated, Q vacuous, U unknown)" if c is checks[0] else v)

    def c1(self, quick: bool) -> None:
        args = ["check", str(SPEC)] + (["--only", CONCRETE_CHECK] if quick else [])
        r = spawn(args, 1800.0)  # a safety net only: C1 is meant to finish
        self.cases["C1"] = r
        n = len(r["report"].get("checks", []))
        label = f"cold: all {n} shipped checks (check_program)" if not quick else f"cold: 1 check ({CONCRETE_CHECK})"
        self._check_rows("C1", r, label, f"{spec_lines(SPEC)} lines", "< 2 s", 2.0)
        if r["exit"] == 0 and not r["timeout"]:
            rep = r["report"]
            checks_s = sum(c["seconds"] for c in rep["checks"])
            r["split"] = {"import_s": rep["import_s"], "analyse_s": rep["analyse_s"], "checks_s": checks_s}
            self.log(f"C1 split: import {rep['import_s']:.2f} s, analyse {rep['analyse_s']:.2f} s, "
                     f"checks {checks_s:.1f} s")

    def c1_jobs(self) -> None:
        import inspect

        from checker.solve import check_program

        if "jobs" not in inspect.signature(check_program).parameters:
            self.row("C1-jobs", "check_program has no jobs parameter", "", None, None, "-", "skipped")
            return
        jobs = usable_cpus()
        # the median of three cold runs: this machine's speed drifts by a quarter from one
        # minute to the next, and one run reads whatever minute it fell in
        runs = [spawn(["check", str(SPEC), "--jobs", str(jobs)], 1800.0) for _ in range(3)]
        failed = [x for x in runs if x["exit"] != 0 or x["timeout"]]
        r = failed[0] if failed else sorted(runs, key=lambda x: x["wall_s"])[1]
        r["runs_wall_s"] = [x["wall_s"] for x in runs]
        r["runs_calibration_s"] = [x.get("calibration_s") for x in runs]
        self.cases["C1-jobs"] = r
        rep = r["report"]
        if r["exit"] != 0 or r["timeout"]:
            self._check_rows("C1-jobs", r, f"cold: all checks, jobs={jobs}", f"{spec_lines(SPEC)} lines")
            return
        peak = max(r["peak_mb"], rep.get("workers_peak_mb", 0))
        verdicts = [i for c in rep["checks"] for i in c["invariants"]]
        counts: dict[str, int] = {}
        for i in verdicts:
            counts[i["verdict"]] = counts.get(i["verdict"], 0) + 1
        self.row("C1-jobs", f"cold: all {len(rep['checks'])} checks, one call, jobs={jobs} (CLI default)",
                 f"{spec_lines(SPEC)} lines", r["wall_s"], peak, "< 2 s",
                 ("PASS" if r["wall_s"] < 2 else "MISS") + " " + " ".join(f"{v}:{n}" for v, n in sorted(counts.items()))
                 + f"; median of 3 cold runs ({min(r['runs_wall_s']):.2f}-{max(r['runs_wall_s']):.2f} s)"
                 + "; peak MB = largest process")

    def c1_profile(self) -> None:
        prof = REPO / "bench" / "results" / "c1.prof"
        prof.parent.mkdir(parents=True, exist_ok=True)
        r = spawn(["check", str(SPEC), "--profile", str(prof)])
        self.cases["C1-profile"] = r
        top = r["report"].get("profile_top_cumulative", [])
        print(f"\ncProfile of C1 ({r['wall_s']:.1f} s under the profiler; {prof.relative_to(REPO)}), "
              "top 15 by cumulative time:")
        for row in top[:15]:
            print(f"  {row['cumtime_s']:9.2f} s cum {row['tottime_s']:8.2f} s own {row['ncalls']:>9}  "
                  f"{row['function']}  ({row['where']})")

    def cap(self, base: float, reserve: float = 0.0) -> float:
        """A case's cap: --max-seconds, lowered so the run stays within --budget (at least 30 s)."""
        if not self.deadline:
            return base
        left = self.deadline - time.monotonic() - reserve
        return max(min(30.0, base), min(base, left))

    def c2(self) -> None:
        from gen import checker

        self.cases["C2"] = {}
        for factor in self.args.c2_factors:
            out = self.tmp / f"check-{factor}x"
            t0 = time.perf_counter()
            info = checker(out, factor)
            gen_s = time.perf_counter() - t0
            wanted = [(CONCRETE_CHECK, "concrete module")]
            if factor in self.args.c2_symbolic_factors:
                wanted.append((SYMBOLIC_CHECK, "symbolic module"))
            floor_reserve = 0.8 * factor + 5  # the floor case below re-analyses the generated tree
            for check, label in wanted:
                cap = self.cap(self.args.max_seconds, floor_reserve)
                # as `cpuid-contracts check` runs it: --jobs the usable CPUs (the counterexamples written up in parallel)
                r = spawn(["check", str(out), "--only", check, "--jobs", str(usable_cpus())], cap)
                r.update(info, gen_s=gen_s, capped_by_budget=cap < self.args.max_seconds)
                self.cases["C2"][f"{check}@{factor}x"] = r
                at_100 = factor == 100 and check == CONCRETE_CHECK  # the target: the 100x spec under 15 s
                self._check_rows("C2", r, f"{factor}x: {check} ({label})", f"{info['lines']} lines",
                                 "< 15 s" if at_100 else "-", 15.0 if at_100 else None)
                if factor in self.args.c2_naive_factors and check == CONCRETE_CHECK:
                    self._c2_naive(out, factor, r, info)
            self._floor("C3-floor", out, [c for c, _ in wanted], f"{factor}x floor:")
            import shutil

            shutil.rmtree(out, ignore_errors=True)

    def _c2_naive(self, out: Path, factor: int, decomposed: dict, info: dict) -> None:
        """The same generated check on the naive encoding (one formula): the issue's 10x target
        is the decomposed checker at least 3x faster. A capped naive run gives a lower bound."""
        r = spawn(["check", str(out), "--only", CONCRETE_CHECK, "--naive", "--jobs", str(usable_cpus())],
                  self.cap(self.args.naive_seconds))
        self.cases["C2"][f"{CONCRETE_CHECK}@{factor}x-naive"] = r
        label, size = f"{factor}x: decompose=False: {CONCRETE_CHECK}", f"{info['lines']} lines"
        wall = f"timeout {r['wall_s']:.0f}" if r["timeout"] else r["wall_s"]
        # a naive run whose solver gave up (UNKNOWN: rlimit or wall-clock net) did not finish the work:
        # like a timeout, its time is a lower bound
        gave_up = [i for c in r.get("report", {}).get("checks", []) for i in c.get("invariants", [])
                   if i.get("verdict") == "unknown"]
        r["naive_unknown"] = len(gave_up)
        if decomposed["timeout"] or decomposed["exit"] != 0:
            status = "no decomposed time to compare"
        else:
            ratio = r["wall_s"] / decomposed["wall_s"]
            lower_bound = r["timeout"] or bool(gave_up)
            status = (f"{'PASS' if ratio >= 3 else 'MISS'} decomposed is {'at least ' if lower_bound else ''}"
                      f"{ratio:.1f}x faster ({decomposed['wall_s']:.1f} s)")
            if gave_up:
                status += f"; naive gave {len(gave_up)} UNKNOWN ({(gave_up[0].get('reason') or '')[:60]})"
        self.row("C2-naive", label, size, wall, r["peak_mb"], ">= 3x", status)

    def c3(self, quick: bool) -> None:
        if not quick:
            for check in (CONCRETE_CHECK, SYMBOLIC_CHECK):
                r = spawn(["check", str(SPEC), "--only", check, "--naive"], self.cap(self.args.naive_seconds))
                self.cases[f"C3-naive:{check}"] = r
                self._check_rows("C3-naive", r, f"decompose=False: {check}", f"{spec_lines(SPEC)} lines")
        self._floor("C3-floor", SPEC, None, "ConcreteAlgebra, all-zero:")

    def _floor(self, case: str, spec: Path, only: list[str] | None, label: str) -> None:
        args = ["floor", str(spec)] + [x for c in (only or []) for x in ("--only", c)]
        r = spawn(args, self.cap(self.args.max_seconds))
        self.cases.setdefault(case, {})[label] = r
        rep = r["report"]
        if r["timeout"] or r["exit"] != 0:
            self.row(case, label, "", "timeout" if r["timeout"] else "error", r["peak_mb"], "-",
                     r.get("stderr_tail", "")[-100:].replace("\n", " | "))
            return
        checks = rep["checks"]
        if len(checks) > 3:  # the shipped checks: one row, the sum
            total = sum(c["seconds"] for c in checks)
            regs = max(c["registers"] for c in checks)
            self.row(case, f"{label} {len(checks)} checks, summed", f"{regs} regs max", total, r["peak_mb"], "-",
                     f"process {r['wall_s']:.1f} s (analyse {rep['analyse_s']:.1f} s)")
            return
        for c in checks:
            self.row(case, f"{label} {c['check']}", f"{c['registers']} regs", c["seconds"], r["peak_mb"], "-",
                     f"process {r['wall_s']:.1f} s (analyse {rep['analyse_s']:.1f} s)")


def machine() -> dict:
    import platform
    import subprocess

    info: dict = {"cpu_count": os.cpu_count(), "cpus_usable": usable_cpus(),
                  "python": sys.version.split()[0], "python_executable": sys.executable,
                  "platform": platform.platform(), "loadavg_start": os.getloadavg(),
                  "calibration_start_s": calibrate()}
    try:
        import z3

        info["z3"] = z3.get_version_string()
    except ImportError:
        info["z3"] = None
    try:
        import lark

        info["lark"] = lark.__version__
    except ImportError:
        info["lark"] = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["mem_total_mb"] = int(line.split()[1]) // 1024
    except OSError:
        pass
    try:
        info["git_commit"] = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True,
                                            text=True).stdout.strip()
        info["git_dirty"] = bool(subprocess.run(["git", "status", "--porcelain", "--", "checker", "spec", "grammar"],
                                                cwd=REPO, capture_output=True, text=True).stdout.strip())
    except OSError:
        pass
    return info


def main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Benchmark the cpuid-contracts front end and checker.")
    ap.add_argument("--quick", action="store_true", help="F1, F2, C1 on one check and the C3 floor (< 2 min)")
    ap.add_argument("--json", metavar="PATH", help="where to write the JSON (default bench/results/bench-<ts>.json)")
    ap.add_argument("--only", metavar="CASES", help="comma-separated subset of F1,F2,F3,C1,C1J,C2,C3,R1")
    ap.add_argument("--max-seconds", type=float, default=330.0,
                    help="cap per generated-spec case (F3, C2 and their floors); killed and recorded as timeout")
    ap.add_argument("--naive-seconds", type=float, default=150.0, help="cap per C3 naive-encoding case")
    ap.add_argument("--budget", type=float, default=1140.0,
                    help="whole-run target in seconds: later capped cases get at most what is left "
                         "(at least 30 s); 0 = no budget (default 1140)")
    ap.add_argument("--c2-factors", default="10,100", help="C2 scale factors (default 10,100)")
    ap.add_argument("--c2-symbolic-factors", default="10", help="factors for the symbolic-module C2 case")
    ap.add_argument("--c2-naive-factors", default="10",
                    help="factors at which C2's concrete check also runs on the naive encoding (capped by "
                         "--naive-seconds)")
    ap.add_argument("--r1-factors", default="1,10",
                    help="R1 release sizes as multiples of 1.5.01 (default 1,10; 100 needs about 19 GB and 15 min: "
                         "one solver per leaf component)")
    ap.add_argument("--profile", action="store_true", help="also run C1 once under cProfile and print the top")
    args = ap.parse_args(argv)
    args.c2_factors = [int(x) for x in args.c2_factors.split(",") if x]
    args.r1_factors = [int(x) for x in args.r1_factors.split(",") if x]
    args.c2_symbolic_factors = {int(x) for x in args.c2_symbolic_factors.split(",") if x}
    args.c2_naive_factors = {int(x) for x in args.c2_naive_factors.split(",") if x}
    wanted = {x.strip().upper() for x in args.only.split(",")} if args.only else None
    if args.quick:
        wanted = (wanted or {"F1", "F2", "C1", "C3"}) - {"F3", "C2"}

    def want(case: str) -> bool:
        return wanted is None or case in wanted

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(1, str(REPO))
    global PYCACHE
    import tempfile

    PYCACHE = tempfile.mkdtemp(prefix="cpuid-bench-pycache-")
    started = time.strftime("%Y%m%d-%H%M%S")
    mach = machine()
    print(f"cpuid-contracts benchmark, {started}: {mach.get('cpu_model', '?')}, {mach['cpus_usable']} cpu(s), "
          f"Python {mach['python']}, z3 {mach['z3']}, lark {mach['lark']}" + (" [quick]" if args.quick else "")
          + f"; calibration {mach['calibration_start_s'] * 1000:.0f} ms (see calibrate(); higher is slower)")
    print(f"{'case':<10} {'what':<44} {'size':>22} {'wall s':>9} {'peak MB':>8}  {'target':<14} status")
    b = Bench(args)
    t0 = time.perf_counter()
    spawn(["imports", str(SPEC)])  # fills the private bytecode cache; not measured
    try:
        if want("F1"):
            b.f1()
        if want("F2"):
            b.f2()
        if want("F3"):
            b.f3()
        if want("C1"):
            b.c1(args.quick)
        if want("C1J") and not args.quick:
            b.c1_jobs()
        if want("C3"):
            b.c3(args.quick)
        if want("C2"):
            b.c2()
        if want("R1"):
            b.r1()
        if args.profile:
            b.c1_profile()
    finally:
        import shutil

        shutil.rmtree(b.tmp, ignore_errors=True)
        shutil.rmtree(PYCACHE, ignore_errors=True)
    mach["loadavg_end"] = os.getloadavg()
    mach["calibration_end_s"] = calibrate()
    total = time.perf_counter() - t0
    print(f"total benchmark time {total:.0f} s; load average at start {mach['loadavg_start'][0]:.2f}, "
          f"at end {mach['loadavg_end'][0]:.2f} (1 min; above {mach['cpus_usable'] - 1} means other work "
          f"shared the cpus); calibration at the end {mach['calibration_end_s'] * 1000:.0f} ms; each case's "
          "is in the JSON (calibration_s)")
    path = Path(args.json) if args.json else REPO / "bench" / "results" / f"bench-{started}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"started": started, "quick": args.quick, "argv": argv, "machine": mach, "total_s": total,
           "options": {"max_seconds": args.max_seconds, "naive_seconds": args.naive_seconds, "budget": args.budget,
                       "c2_factors": args.c2_factors, "c2_symbolic_factors": sorted(args.c2_symbolic_factors),
                       "c2_naive_factors": sorted(args.c2_naive_factors)},
           "table": b.rows, "cases": b.cases}
    path.write_text(json.dumps(doc, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        # a case ends as the command does (checker.cli.run): flushed, then out without the
        # interpreter's teardown
        code = _child(sys.argv[2:])
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(main(sys.argv[1:]))
