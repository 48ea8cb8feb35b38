; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
; module     tdx_1_5_01
; component  14 of 135: registers 0x4.0.ECX
; stands for 2 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.ECX, 0x4.3.ECX
; stands for 1 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x4.2.ECX
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
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvnot |known:0x4.0.ECX|)))
(let ((?x2 (bvor |request:0x4.0.ECX| ?x1)))
(let ((?x3 (bvnot ?x2)))
(let ((?x4 (bvand |request:0x4.0.ECX| ?x3)))
(let (($x5 (= ?x4 (_ bv0 32))))
(let (($x6 (not $x5)))
(let (($x7 (=> |violate:no_silent_drop:14| $x6)))
(let ((?x8 (bvand ?x2 ?x3)))
(let (($x9 (= ?x8 (_ bv0 32))))
(let (($x10 (and $x9 $x9)))
(let (($x11 (not $x10)))
(let (($x12 (=> |violate:userspace_view_exact:14| $x11)))
(let ((?x13 (bvand ?x2 ?x1)))
(let (($x14 (= ?x13 (_ bv0 32))))
(let (($x15 (not $x14)))
(let (($x16 (=> |violate:td_has_no_unknown:14| $x15)))
(let (($x17 (=> |violate:kvm_never_enables_unknown:14| $x15)))
(let (($x18 (= ?x1 (_ bv0 32))))
(let (($x19 (=> |guarantee:configurable_known| $x18)))
(let ((?x20 (bvand |request:0x4.0.ECX| ?x1)))
(let (($x21 (= ?x20 (_ bv0 32))))
(let (($x22 (=> |assume:28| $x21)))
(let (($x23 (=> |assume:27| $x21)))
(and $x23 $x22 $x19 $x17 $x16 $x12 $x7)))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:28| |violate:kvm_never_enables_unknown:14|))
; question 3: expected sat
(check-sat-assuming (|assume:27| |assume:28| |violate:td_has_no_unknown:14|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:userspace_view_exact:14|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:no_silent_drop:14|))
(exit)
