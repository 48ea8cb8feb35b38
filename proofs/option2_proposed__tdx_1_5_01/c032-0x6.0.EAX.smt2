; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  32 of 135: registers 0x6.0.EAX
; stands for 7 more component(s) with the same constraints up to renaming, not exported: registers 0x6.0.EBX, 0x6.0.ECX, 0x6.0.EDX, 0x1f.0.EAX, 0x1f.0.EBX, 0x1f.0.ECX, 0x1f.0.EDX
; stands for 6 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x1f.1.EAX, 0x1f.1.EBX, 0x1f.1.ECX, 0x1f.1.EDX, 0x1f.2.EAX, 0x1f.2.EBX, 0x1f.2.ECX, 0x1f.2.EDX, 0x1f.3.EAX, 0x1f.3.EBX, 0x1f.3.ECX, 0x1f.3.EDX, 0x1f.4.EAX, 0x1f.4.EBX, 0x1f.4.ECX, 0x1f.4.EDX, 0x1f.5.EAX, 0x1f.5.EBX, 0x1f.5.ECX, 0x1f.5.EDX, 0x80000006.0.EAX, 0x80000006.0.EBX, 0x80000006.0.ECX, 0x80000006.0.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x6.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:32| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let (($x1 (= |request:0x6.0.EAX| (_ bv0 32))))
(let (($x2 (not $x1)))
(let (($x3 (=> |violate:no_silent_drop:32| $x2)))
(let (($x4 (=> |assume:29| $x1)))
(let (($x5 (=> |assume:28| $x1)))
(let (($x6 (=> |assume:27| $x1)))
(and $x6 $x5 $x4 $x3))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29|))
; question 2: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:no_silent_drop:32|))
(exit)
