; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  1 of 247: registers 0x0.0.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x0.0.EBX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:1| () Bool)
(declare-fun |violate:userspace_view_exact:1| () Bool)
(declare-fun |violate:fixed1_visible:1| () Bool)
(declare-fun |known:0x0.0.EBX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:1| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |native:0x0.0.EBX| () (_ BitVec 32))
(declare-fun |assume:0| () Bool)
(assert
 (let (($x1 (=> |violate:no_silent_drop:1| (not (= (bvand |request:0x0.0.EBX| (_ bv2324798136 32)) (_ bv0 32))))))
(let (($x2 (= (bvand (_ bv1970169159 32) (bvnot (bvor |request:0x0.0.EBX| (_ bv1970169159 32)))) (_ bv0 32))))
(let (($x3 (=> |violate:userspace_view_exact:1| (not (and (= (bvand (bvor |request:0x0.0.EBX| (_ bv1970169159 32)) (_ bv2324798136 32)) (_ bv0 32)) $x2)))))
(let (($x4 (=> |violate:fixed1_visible:1| (not $x2))))
(let (($x5 (=> |violate:td_has_no_unknown:1| (not (= (bvand (_ bv1970169159 32) (bvnot |known:0x0.0.EBX|)) (_ bv0 32))))))
(let (($x6 (= (bvand (_ bv1970169159 32) (bvnot |known:0x0.0.EBX|)) (_ bv0 32))))
(let (($x7 (=> |guarantee:fixed1_known| $x6)))
(let (($x8 (= |request:0x0.0.EBX| (_ bv0 32))))
(let (($x9 (=> |assume:29| $x8)))
(let (($x10 (=> |assume:28| $x8)))
(let (($x11 (=> |assume:0| (= (bvand |native:0x0.0.EBX| (_ bv2324798136 32)) (_ bv0 32)))))
(let (($x12 (=> |assume:0| (= (bvand |native:0x0.0.EBX| (_ bv1970169159 32)) (_ bv1970169159 32)))))
(and $x12 $x11 $x10 $x9 $x7 $x5 $x4 $x3 $x1))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:0| |assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:0| |assume:28| |assume:29| |violate:td_has_no_unknown:1|))
; question 3: expected unsat
(check-sat-assuming (|assume:0| |assume:28| |assume:29| |violate:fixed1_visible:1|))
; question 4: expected unsat
(check-sat-assuming (|assume:0| |assume:28| |assume:29| |violate:userspace_view_exact:1|))
; question 5: expected unsat
(check-sat-assuming (|assume:0| |assume:28| |assume:29| |violate:no_silent_drop:1|))
(exit)
