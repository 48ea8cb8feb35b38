; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  5 of 247: registers 0x1.0.EBX
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
(declare-fun |known:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |request:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:5| () Bool)
(declare-fun |violate:userspace_view_exact:5| () Bool)
(declare-fun |violate:fixed1_visible:5| () Bool)
(declare-fun |violate:td_has_no_unknown:5| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:5| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:30| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |native:0x1.0.EBX| () (_ BitVec 32))
(declare-fun |assume:3| () Bool)
(assert
 (let ((?x1 (bvnot |known:0x1.0.EBX|)))
(let ((?x2 (bvand (_ bv16711680 32) ?x1)))
(let ((?x3 (bvor |request:0x1.0.EBX| ?x2)))
(let ((?x4 (bvor (bvor (_ bv2048 32) (bvand (_ bv16711680 32) ?x3)) (bvand (_ bv4278190080 32) |dynamic:0x1.0.EBX|))))
(let ((?x5 (bvnot ?x4)))
(let (($x6 (= (bvand (bvand |request:0x1.0.EBX| (_ bv16777215 32)) ?x5) (_ bv0 32))))
(let (($x7 (=> |violate:no_silent_drop:5| (not $x6))))
(let (($x8 (= (bvand (bvand ?x4 (_ bv16777215 32)) (bvnot (bvand ?x4 (_ bv16777215 32)))) (_ bv0 32))))
(let (($x9 (=> |violate:userspace_view_exact:5| (not (and $x8 $x8)))))
(let (($x10 (=> |violate:fixed1_visible:5| (not (= (bvand (bvand ?x4 (_ bv2048 32)) ?x5) (_ bv0 32))))))
(let (($x11 (=> |violate:td_has_no_unknown:5| (not (= (bvand (bvand ?x4 (_ bv16777215 32)) ?x1) (_ bv0 32))))))
(let (($x12 (=> |violate:kvm_never_enables_unknown:5| (not (= (bvand (bvand ?x4 (_ bv16711680 32)) ?x1) (_ bv0 32))))))
(let (($x13 (=> |guarantee:fixed1_known| (= (bvand (_ bv2048 32) ?x1) (_ bv0 32)))))
(let (($x14 (=> |guarantee:configurable_known| (= ?x2 (_ bv0 32)))))
(let (($x15 (=> |assume:30| (= (bvand ?x3 (_ bv4278255615 32)) (_ bv0 32)))))
(let (($x16 (= (bvand |request:0x1.0.EBX| (bvnot (bvand (_ bv16711680 32) |known:0x1.0.EBX|))) (_ bv0 32))))
(let (($x17 (=> |assume:29| $x16)))
(let (($x18 (=> |assume:28| $x16)))
(let (($x19 (=> |assume:3| (= (bvand |native:0x1.0.EBX| (_ bv63232 32)) (_ bv0 32)))))
(let (($x20 (=> |assume:3| (= (bvand |native:0x1.0.EBX| (_ bv2048 32)) (_ bv2048 32)))))
(and $x20 $x19 $x18 $x17 $x15 $x14 $x13 $x12 $x11 $x10 $x9 $x7))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:3| |assume:28| |assume:29| |assume:30|))
; question 2: expected sat
(check-sat-assuming (|assume:3| |assume:28| |assume:29| |assume:30| |violate:kvm_never_enables_unknown:5|))
; question 3: expected sat
(check-sat-assuming (|assume:3| |assume:28| |assume:29| |assume:30| |violate:td_has_no_unknown:5|))
; question 4: expected unsat
(check-sat-assuming (|assume:3| |assume:28| |assume:29| |assume:30| |violate:fixed1_visible:5|))
; question 5: expected unsat
(check-sat-assuming (|assume:3| |assume:28| |assume:29| |assume:30| |violate:userspace_view_exact:5|))
; question 6: expected unsat
(check-sat-assuming (|assume:3| |assume:28| |assume:29| |assume:30| |violate:no_silent_drop:5|))
(exit)
