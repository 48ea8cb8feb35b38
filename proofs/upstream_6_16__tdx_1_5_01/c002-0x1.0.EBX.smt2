; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01 (spec/checks.cpuid:130)
; design     upstream_6_16
; module     tdx_1_5_01
; component  2 of 70: registers 0x1.0.EBX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 4: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 6: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |dynamic:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:2| () Bool)
(declare-fun |violate:userspace_view_exact:2| () Bool)
(declare-fun |violate:fixed1_visible:2| () Bool)
(declare-fun |known:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:2| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:2| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:33| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |native:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |assume:3| () Bool)
(assert
 (let ((?x1 (bvor (bvor (_ bv2048 32) (bvand (_ bv16711680 32) |request:0x1.0.EBX|)) (bvand (_ bv4278190080 32) |dynamic:0x1.0.EBX|))))
(let ((?x2 (bvnot ?x1)))
(let (($x3 (= (bvand (bvand |request:0x1.0.EBX| (_ bv16777215 32)) ?x2) (_ bv0 32))))
(let (($x4 (=> |violate:no_silent_drop:2| (not $x3))))
(let (($x5 (= (bvand (bvand ?x1 (_ bv16777215 32)) (bvnot (bvand ?x1 (_ bv16777215 32)))) (_ bv0 32))))
(let (($x6 (=> |violate:userspace_view_exact:2| (not (and $x5 $x5)))))
(let (($x7 (=> |violate:fixed1_visible:2| (not (= (bvand (bvand ?x1 (_ bv2048 32)) ?x2) (_ bv0 32))))))
(let (($x8 (=> |violate:td_has_no_unknown:2| (not (= (bvand (bvand ?x1 (_ bv16777215 32)) (bvnot |known:0x1.0.EBX|)) (_ bv0 32))))))
(let (($x9 (=> |violate:kvm_never_enables_unknown:2| (not (= (bvand (bvand ?x1 (_ bv16711680 32)) (bvnot |known:0x1.0.EBX|)) (_ bv0 32))))))
(let (($x10 (=> |guarantee:fixed1_known| (= (bvand (_ bv2048 32) (bvnot |known:0x1.0.EBX|)) (_ bv0 32)))))
(let (($x11 (=> |guarantee:configurable_known| (= (bvand (_ bv16711680 32) (bvnot |known:0x1.0.EBX|)) (_ bv0 32)))))
(let (($x12 (= (bvand |request:0x1.0.EBX| (_ bv4278255615 32)) (_ bv0 32))))
(let (($x13 (=> |assume:33| $x12)))
(let (($x14 (=> |assume:28| $x12)))
(let (($x15 (=> |assume:3| (= (bvand |native:0x1.0.EBX| (_ bv63232 32)) (_ bv0 32)))))
(let (($x16 (=> |assume:3| (= (bvand |native:0x1.0.EBX| (_ bv2048 32)) (_ bv2048 32)))))
(and $x16 $x15 $x14 $x13 $x11 $x10 $x9 $x8 $x7 $x6 $x4))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:3| |assume:28| |assume:33|))
; question 2: expected sat
(check-sat-assuming (|assume:3| |assume:28| |assume:33| |violate:kvm_never_enables_unknown:2|))
; question 3: expected sat
(check-sat-assuming (|assume:3| |assume:28| |assume:33| |violate:td_has_no_unknown:2|))
; question 4: expected unsat
(check-sat-assuming (|assume:3| |assume:28| |assume:33| |violate:fixed1_visible:2|))
; question 5: expected unsat
(check-sat-assuming (|assume:3| |assume:28| |assume:33| |violate:userspace_view_exact:2|))
; question 6: expected unsat
(check-sat-assuming (|assume:3| |assume:28| |assume:33| |violate:no_silent_drop:2|))
(exit)
