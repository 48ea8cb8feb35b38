; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  27 of 247: registers 0x4.3.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |known:0x4.3.EDX| () (_ BitVec 32))
(declare-fun |request:0x4.3.EDX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:27| () Bool)
(declare-fun |violate:userspace_view_exact:27| () Bool)
(declare-fun |violate:td_has_no_unknown:27| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:27| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:30| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let ((?x1 (bvnot |known:0x4.3.EDX|)))
(let ((?x2 (bvand (_ bv7 32) ?x1)))
(let ((?x3 (bvor |request:0x4.3.EDX| ?x2)))
(let ((?x4 (bvand (_ bv7 32) ?x3)))
(let ((?x5 (bvnot ?x4)))
(let (($x6 (= (bvand |request:0x4.3.EDX| ?x5) (_ bv0 32))))
(let (($x7 (=> |violate:no_silent_drop:27| (not $x6))))
(let (($x8 (=> |violate:userspace_view_exact:27| (not (and (= (bvand ?x4 ?x5) (_ bv0 32)) (= (bvand ?x4 ?x5) (_ bv0 32)))))))
(let (($x9 (=> |violate:td_has_no_unknown:27| (not (= (bvand ?x4 ?x1) (_ bv0 32))))))
(let (($x10 (=> |violate:kvm_never_enables_unknown:27| (not (= (bvand (bvand ?x4 (_ bv7 32)) ?x1) (_ bv0 32))))))
(let (($x11 (=> |guarantee:configurable_known| (= ?x2 (_ bv0 32)))))
(let (($x12 (=> |assume:30| (= (bvand ?x3 (_ bv4294967288 32)) (_ bv0 32)))))
(let (($x13 (= (bvand |request:0x4.3.EDX| (bvnot (bvand (_ bv7 32) |known:0x4.3.EDX|))) (_ bv0 32))))
(let (($x14 (=> |assume:29| $x13)))
(let (($x15 (=> |assume:28| $x13)))
(and $x15 $x14 $x12 $x11 $x10 $x9 $x8 $x7)))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:30|))
; question 2: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:30| |violate:kvm_never_enables_unknown:27|))
; question 3: expected sat
(check-sat-assuming (|assume:28| |assume:29| |assume:30| |violate:td_has_no_unknown:27|))
; question 4: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |assume:30| |violate:userspace_view_exact:27|))
; question 5: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |assume:30| |violate:no_silent_drop:27|))
(exit)
