; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  14 of 247: registers 0x4.0.ECX
; stands for 3 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.ECX, 0x4.2.ECX, 0x4.3.ECX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |known:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |request:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:14| () Bool)
(declare-fun |violate:userspace_view_exact:14| () Bool)
(declare-fun |violate:td_has_no_unknown:14| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:14| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let ((?x1 (bvnot |known:0x4.0.ECX|)))
(let ((?x2 (bvor |request:0x4.0.ECX| ?x1)))
(let ((?x3 (bvnot ?x2)))
(let (($x4 (= (bvand |request:0x4.0.ECX| ?x3) (_ bv0 32))))
(let (($x5 (=> |violate:no_silent_drop:14| (not $x4))))
(let (($x6 (=> |violate:userspace_view_exact:14| (not (and (= (bvand ?x2 ?x3) (_ bv0 32)) (= (bvand ?x2 ?x3) (_ bv0 32)))))))
(let (($x7 (= (bvand ?x2 ?x1) (_ bv0 32))))
(let (($x8 (not $x7)))
(let (($x9 (=> |violate:td_has_no_unknown:14| $x8)))
(let (($x10 (=> |violate:kvm_never_enables_unknown:14| $x8)))
(let (($x11 (=> |guarantee:configurable_known| (= ?x1 (_ bv0 32)))))
(let (($x12 (= (bvand |request:0x4.0.ECX| ?x1) (_ bv0 32))))
(let (($x13 (=> |assume:29| $x12)))
(let (($x14 (=> |assume:28| $x12)))
(and $x14 $x13 $x11 $x10 $x9 $x6 $x5))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:28| |assume:29| |violate:kvm_never_enables_unknown:14|))
; question 3: expected sat
(check-sat-assuming (|assume:28| |assume:29| |violate:td_has_no_unknown:14|))
; question 4: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:userspace_view_exact:14|))
; question 5: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:no_silent_drop:14|))
(exit)
