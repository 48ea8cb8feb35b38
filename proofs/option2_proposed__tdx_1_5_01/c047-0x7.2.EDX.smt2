; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  47 of 247: registers 0x7.2.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 4: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 6: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |native:0x7.2.EDX| () (_ BitVec 32))
(declare-fun |request:0x7.2.EDX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:47| () Bool)
(declare-fun |violate:userspace_view_exact:47| () Bool)
(declare-fun |violate:fixed1_visible:47| () Bool)
(declare-fun |known:0x7.2.EDX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:47| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:47| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:30| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:14| () Bool)
(assert
 (let ((?x1 (bvor (_ bv23 32) (bvand (_ bv40 32) (bvand |request:0x7.2.EDX| |native:0x7.2.EDX|)))))
(let ((?x2 (bvnot ?x1)))
(let (($x3 (= (bvand |request:0x7.2.EDX| ?x2) (_ bv0 32))))
(let (($x4 (=> |violate:no_silent_drop:47| (not $x3))))
(let (($x5 (=> |violate:userspace_view_exact:47| (not (and (= (bvand ?x1 ?x2) (_ bv0 32)) (= (bvand ?x1 ?x2) (_ bv0 32)))))))
(let (($x6 (=> |violate:fixed1_visible:47| (not (= (bvand (bvand ?x1 (_ bv23 32)) ?x2) (_ bv0 32))))))
(let (($x7 (=> |violate:td_has_no_unknown:47| (not (= (bvand ?x1 (bvnot |known:0x7.2.EDX|)) (_ bv0 32))))))
(let (($x8 (=> |violate:kvm_never_enables_unknown:47| (not (= (bvand (bvand ?x1 (_ bv40 32)) (bvnot |known:0x7.2.EDX|)) (_ bv0 32))))))
(let (($x9 (=> |guarantee:fixed1_known| (= (bvand (_ bv23 32) (bvnot |known:0x7.2.EDX|)) (_ bv0 32)))))
(let (($x10 (=> |guarantee:configurable_known| (= (bvand (_ bv40 32) (bvnot |known:0x7.2.EDX|)) (_ bv0 32)))))
(let (($x11 (=> |assume:30| (= (bvand |request:0x7.2.EDX| (_ bv4294967255 32)) (_ bv0 32)))))
(let (($x12 (= |request:0x7.2.EDX| (_ bv0 32))))
(let (($x13 (=> |assume:29| $x12)))
(let (($x14 (=> |assume:28| $x12)))
(let (($x15 (=> |assume:14| (= (bvand |native:0x7.2.EDX| (_ bv23 32)) (_ bv23 32)))))
(and $x15 $x14 $x13 $x11 $x10 $x9 $x8 $x7 $x6 $x5 $x4)))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:30|))
; question 2: expected unsat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:30| |violate:kvm_never_enables_unknown:47|))
; question 3: expected sat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:30| |violate:td_has_no_unknown:47|))
; question 4: expected unsat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:30| |violate:fixed1_visible:47|))
; question 5: expected unsat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:30| |violate:userspace_view_exact:47|))
; question 6: expected unsat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:30| |violate:no_silent_drop:47|))
(exit)
