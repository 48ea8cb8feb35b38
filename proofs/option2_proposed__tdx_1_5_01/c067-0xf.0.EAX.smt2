; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  67 of 135: registers 0xf.0.EAX
; stands for 7 more component(s) with the same constraints up to renaming, not exported: registers 0xf.0.EBX, 0xf.0.ECX, 0xf.0.EDX, 0xf.1.EAX, 0xf.1.EBX, 0xf.1.ECX, 0xf.1.EDX
; stands for 12 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x10.0.EAX, 0x10.0.EBX, 0x10.0.ECX, 0x10.0.EDX, 0x10.1.EAX, 0x10.1.EBX, 0x10.1.ECX, 0x10.1.EDX, 0x10.2.EAX, 0x10.2.EBX, 0x10.2.ECX, 0x10.2.EDX, 0x10.3.EAX, 0x10.3.EBX, 0x10.3.ECX, 0x10.3.EDX, 0x24.0.EAX, 0x24.0.EBX, 0x24.0.ECX, 0x24.0.EDX, 0x24.1.EAX, 0x24.1.EBX, 0x24.1.ECX, 0x24.1.EDX, 0x8000000a.0.EAX, 0x8000000a.0.EBX, 0x8000000a.0.ECX, 0x8000000a.0.EDX, 0x8000001f.0.EAX, 0x8000001f.0.EBX, 0x8000001f.0.ECX, 0x8000001f.0.EDX, 0x80000020.0.EAX, 0x80000020.0.EBX, 0x80000020.0.ECX, 0x80000020.0.EDX, 0x80000021.0.EAX, 0x80000021.0.EBX, 0x80000021.0.ECX, 0x80000021.0.EDX, 0x80000022.0.EAX, 0x80000022.0.EBX, 0x80000022.0.ECX, 0x80000022.0.EDX, 0x80000026.0.EAX, 0x80000026.0.EBX, 0x80000026.0.ECX, 0x80000026.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0xf.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:67| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let (($x1 (= |request:0xf.0.EAX| (_ bv0 32))))
(let (($x2 (not $x1)))
(let (($x3 (=> |violate:no_silent_drop:67| $x2)))
(let (($x4 (=> |assume:29| $x1)))
(let (($x5 (=> |assume:28| $x1)))
(let (($x6 (=> |assume:27| $x1)))
(and $x6 $x5 $x4 $x3))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29|))
; question 2: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:no_silent_drop:67|))
(exit)
