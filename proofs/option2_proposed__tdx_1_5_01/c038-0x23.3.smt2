; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  38 of 55: leaves 0x23.3
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x23.3.EDX| () (_ BitVec 32))
(declare-fun |request:0x23.3.ECX| () (_ BitVec 32))
(declare-fun |request:0x23.3.EBX| () (_ BitVec 32))
(declare-fun |native:0x23.3.EAX| () (_ BitVec 32))
(declare-fun |request:0x23.3.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:38| () Bool)
(declare-fun |violate:userspace_view_exact:38| () Bool)
(declare-fun |known:0x23.3.EAX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:38| () Bool)
(declare-fun |guarantee:native_known| () Bool)
(declare-fun |assume:30| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let (($x1 (= |request:0x23.3.EDX| (_ bv0 32))))
(let (($x2 (= |request:0x23.3.ECX| (_ bv0 32))))
(let (($x3 (= |request:0x23.3.EBX| (_ bv0 32))))
(let (($x4 (= (bvand |request:0x23.3.EAX| (bvnot |native:0x23.3.EAX|)) (_ bv0 32))))
(let (($x5 (=> |violate:no_silent_drop:38| (not (and $x4 $x3 $x2 $x1)))))
(let (($x6 (= (bvand |native:0x23.3.EAX| (bvnot |native:0x23.3.EAX|)) (_ bv0 32))))
(let (($x7 (=> |violate:userspace_view_exact:38| (not (and $x6 $x6)))))
(let (($x8 (=> |violate:td_has_no_unknown:38| (not (= (bvand |native:0x23.3.EAX| (bvnot |known:0x23.3.EAX|)) (_ bv0 32))))))
(let (($x9 (= (bvand |native:0x23.3.EAX| (bvnot |known:0x23.3.EAX|)) (_ bv0 32))))
(let (($x10 (=> |guarantee:native_known| $x9)))
(let (($x11 (=> |assume:30| $x1)))
(let (($x12 (=> |assume:30| $x2)))
(let (($x13 (=> |assume:30| $x3)))
(let (($x14 (= |request:0x23.3.EAX| (_ bv0 32))))
(let (($x15 (=> |assume:30| $x14)))
(let (($x16 (=> |assume:29| $x1)))
(let (($x17 (=> |assume:29| $x2)))
(let (($x18 (=> |assume:29| $x3)))
(let (($x19 (=> |assume:29| $x14)))
(let (($x20 (=> |assume:28| $x1)))
(let (($x21 (=> |assume:28| $x2)))
(let (($x22 (=> |assume:28| $x3)))
(let (($x23 (=> |assume:28| $x14)))
(and $x23 $x22 $x21 $x20 $x19 $x18 $x17 $x16 $x15 $x13 $x12 $x11 $x10 $x8 $x7 $x5)))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:30|))
; question 2: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:30| |violate:td_has_no_unknown:38|))
; question 3: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |assume:30| |violate:userspace_view_exact:38|))
; question 4: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |assume:30| |violate:no_silent_drop:38|))
(exit)
