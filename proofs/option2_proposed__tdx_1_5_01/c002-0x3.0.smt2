; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  2 of 55: leaves 0x3.0
; stands for 10 more component(s) with the same constraints up to renaming, not exported: leaves 0x4.4, 0x8.0, 0xe.0, 0x11.0, 0x12.0, 0x13.0, 0x19.0, 0x20.0, 0x22.0, 0x23.2
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x3.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x3.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x3.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x3.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:2| () Bool)
(declare-fun |assume:30| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let (($x1 (= |request:0x3.0.EDX| (_ bv0 32))))
(let (($x2 (= |request:0x3.0.ECX| (_ bv0 32))))
(let (($x3 (= |request:0x3.0.EBX| (_ bv0 32))))
(let (($x4 (= |request:0x3.0.EAX| (_ bv0 32))))
(let (($x5 (=> |violate:no_silent_drop:2| (not (and $x4 $x3 $x2 $x1)))))
(let (($x6 (=> |assume:30| $x1)))
(let (($x7 (=> |assume:30| $x2)))
(let (($x8 (=> |assume:30| $x3)))
(let (($x9 (=> |assume:30| $x4)))
(let (($x10 (=> |assume:29| $x1)))
(let (($x11 (=> |assume:29| $x2)))
(let (($x12 (=> |assume:29| $x3)))
(let (($x13 (=> |assume:29| $x4)))
(let (($x14 (=> |assume:28| $x1)))
(let (($x15 (=> |assume:28| $x2)))
(let (($x16 (=> |assume:28| $x3)))
(let (($x17 (=> |assume:28| $x4)))
(and $x17 $x16 $x15 $x14 $x13 $x12 $x11 $x10 $x9 $x8 $x7 $x6 $x5)))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:30|))
; question 2: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |assume:30| |violate:no_silent_drop:2|))
(exit)
