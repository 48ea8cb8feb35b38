#!/usr/bin/env python3
"""Write docs/tutorial.md: the PUCK thread's argument replayed with the tool.

The prose lives here; every output block is produced by running the command
above it, so the tutorial shows what the tool really prints. Re-run after a
change to the specs or the reports:

    python tools/gen_tutorial.py          # rewrite docs/tutorial.md
    python tools/gen_tutorial.py --check  # exit 1 if docs/tutorial.md is stale
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "tutorial.md"

STEPS: list[tuple[str, list[str] | None]] = [
    ("""# Tutorial: the PUCK thread, replayed with cpuid-contracts

In April 2024 Rick Edgecombe laid out two ways for KVM and userspace to learn the CPUID of
a TDX guest. Xiaoyao Li answered that KVM must never enable unknown features blindly, and
that the read-back must cover every leaf. Rick asked whether "we might need to ask for some
TDX module guarantees". This tutorial follows that argument with the shipped specs
(`spec/designs/*.cpuid`, `spec/checks.cpuid`). Every output below is real: the commands were
run by `tools/gen_tutorial.py`.

## 1. The invariants

The properties are written in the spec language, in `spec/properties.cpuid`. For example:

```
invariant kvm_never_enables_unknown:
  td.cpuid & (module.configurable | module.configurable_if_native) - kvm.known == {}

invariant fixed1_visible:
  td.cpuid & module.fixed1 <= userspace.view
```

`td.cpuid` is what the guest sees, `kvm.known` is the set of bits KVM has code for, and
`userspace.view` is the CPUID userspace holds after its protocol. A design is a set of
ioctl contracts plus that protocol; `spec/designs/option2_proposed.cpuid` is Rick's option 2
as first proposed. Its INIT_VM step sets every configurable bit KVM does not know to 1, "per
the recommendation":

```
ioctl KVM_TDX_INIT_VM(cpuid) vm in created -> initialized {
  requires cpuid <= module.reported_configurable & kvm.known else EINVAL
  sets td.config = cpuid | (module.reported_configurable - kvm.known)
}
```

## 2. "KVM will never enable unknown features blindly"

Check option 2 against any module release (a symbolic module: every bit's class is open):
""", ["explain", "option2_proposed__any_release", "kvm_never_enables_unknown"]),
    ("""The counterexample is one bit. It is the situation Xiaoyao objected to: the module
reports a bit as configurable, KVM does not know it, userspace never asked for it, and the
TD has it anyway. The tool also names the guarantee that would rescue the design:
`configurable_known`, "every configurable bit is known to KVM". No TDX module can promise
that about a future KVM.

With Xiaoyao's amendment KVM adds nothing (`spec/designs/option2_amended.cpuid`):
""", ["explain", "option2_amended__any_release", "kvm_never_enables_unknown"]),
    ("""## 3. The future leaf nobody asks about

Rick's open problem: "If a future leaf is defined and gets fixed 1, QEMU wouldn't know to
query it." Option 2 as proposed reads back only the leaves userspace asks for:
""", ["explain", "option2_proposed__any_release", "fixed1_visible"]),
    ("""The fixed-1 bit sits in the unknown future leaf, whose number the solver chose.
Xiaoyao's fix is to report every leaf. The solver says it is not enough:
""", ["explain", "option2_amended__any_release", "fixed1_visible"]),
    ("""The future leaf's number lies outside the ranges that the module's metadata interface can
read (leaves 0-0x7F and 0x80000000-0x8000007F). No read-back, however complete, returns
it. The merged design has the same gap. The fix the solver names is a module guarantee,
`virtualized_leaves_readable`. A release that promises it (`promising_release`) gives a
proof, together with the minimal set of promises the proof needs:
""", ["explain", "option2_amended__promising_release", "fixed1_visible"]),
    ("""## 4. Which guarantees to ask the TDX module for

`td_has_no_unknown` is the stronger invariant: no bit unknown to KVM is set in the TD at
all. KVM alone cannot ensure it, since a fixed-1 bit of a newer module breaks it without KVM
doing anything. Under the promising release the amended design proves it, and the solver
lists every minimal set of promises that suffices:
""", ["explain", "option2_amended__promising_release", "td_has_no_unknown"]),
    ("""This answers "we might need to ask for some TDX module guarantees" mechanically: the module
must promise that its fixed-1 bits and its native bits are known to KVM. The
`reported_is_accepted` and `virtualized_leaves_readable` promises are not needed for this
invariant.

## 5. A real release

The same designs, checked against TDX module 1.5.01's per-bit classes (generated from the
module source). This shows only the table:
""", ["check", "--table-only", "--check", "option2_proposed__tdx_1_5_01", "--check", "option2_amended__tdx_1_5_01",
      "--check", "upstream_6_16__tdx_1_5_01"]),
    ("""The merged design forwards the module's configurable bits without filtering them. The
tool finds the bit that breaks `kvm_never_enables_unknown`, which is the concern behind
Binbin Wu's 2026 allowlist RFC:
""", ["explain", "upstream_6_16__tdx_1_5_01", "kvm_never_enables_unknown", "--format", "email"]),
    ("""That is the `--format email` rendering: plain text at 72 columns, ready to quote in a
reply.

## 6. A release that breaks a promise

Suppose KVM knows only QEMU's fixed-1 table and the bits it acts on. A check that assumes
`fixed1_known` is then VACUOUS against 1.5.01, and the report names the guarantee and the
bits that break it:
""", ["explain", "upstream_6_16__tdx_1_5_01__fixed1_known", "fixed1_visible"]),
    ("""## 7. Everything at once

`cpuid-contracts check` runs every shipped check. It prints the design x invariant tables,
then each result with its counterexample or guarantee sets. It exits 0 when every verdict is
the one the specs expect. `docs/designs.md` discusses each cell against the thread.
""", None),
]


def run(args: list[str]) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
    proc = subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    return proc.stdout.rstrip() + (f"\n(exit code {proc.returncode})" if proc.returncode else "")


def render() -> str:
    out: list[str] = []
    for prose, cmd in STEPS:
        out.append(prose.rstrip() + "\n")
        if cmd:
            out.append("```\n$ cpuid-contracts " + " ".join(cmd) + "\n" + run(cmd) + "\n```\n")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if docs/tutorial.md is stale")
    args = ap.parse_args()
    text = render()
    if args.check:
        return 0 if OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
