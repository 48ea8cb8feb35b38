; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_amended__tdx_1_5_01 (spec/checks.cpuid:97)
; design     option2_amended
; module     tdx_1_5_01
; component  31 of 135: registers 0x5.0.EDX
; stands for 12 more component(s) with the same constraints up to renaming, not exported: registers 0xd.0.ECX, 0x15.0.EBX, 0x1e.0.EAX, 0x1e.0.EBX, 0x1e.0.ECX, 0x1e.0.EDX, 0x1e.1.EAX, 0x1e.1.EBX, 0x1e.1.ECX, 0x1e.1.EDX, 0x23.0.EBX, 0x23.3.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |native:0x5.0.EDX| () (_ BitVec 32))
(declare-fun |request:0x5.0.EDX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:31| () Bool)
(declare-fun |violate:userspace_view_exact:31| () Bool)
(declare-fun |known:0x5.0.EDX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:31| () Bool)
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvnot |native:0x5.0.EDX|)))
(let ((?x2 (bvand |request:0x5.0.EDX| ?x1)))
(let (($x3 (= ?x2 (_ bv0 32))))
(let (($x4 (not $x3)))
(let (($x5 (=> |violate:no_silent_drop:31| $x4)))
(let ((?x6 (bvand |native:0x5.0.EDX| ?x1)))
(let (($x7 (= ?x6 (_ bv0 32))))
(let (($x8 (and $x7 $x7)))
(let (($x9 (not $x8)))
(let (($x10 (=> |violate:userspace_view_exact:31| $x9)))
(let ((?x11 (bvnot |known:0x5.0.EDX|)))
(let ((?x12 (bvand |native:0x5.0.EDX| ?x11)))
(let (($x13 (= ?x12 (_ bv0 32))))
(let (($x14 (not $x13)))
(let (($x15 (=> |violate:td_has_no_unknown:31| $x14)))
(let (($x16 (=> |guarantee:native_known| $x13)))
(let (($x17 (= |request:0x5.0.EDX| (_ bv0 32))))
(let (($x18 (=> |assume:29| $x17)))
(let (($x19 (=> |assume:28| $x17)))
(let (($x20 (=> |assume:27| $x17)))
(and $x20 $x19 $x18 $x16 $x15 $x10 $x5))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:td_has_no_unknown:31|))
; question 3: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:userspace_view_exact:31|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:no_silent_drop:31|))
(exit)
