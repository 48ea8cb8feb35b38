; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01 (spec/checks.cpuid:130)
; design     upstream_6_16
; module     tdx_1_5_01
; component  8 of 39: registers 0x4.0.ECX
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
(declare-fun |request:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:8| () Bool)
(declare-fun |violate:userspace_view_exact:8| () Bool)
(declare-fun |known:0x4.0.ECX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:8| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:8| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(assert
 (let ((?x1 (bvnot |request:0x4.0.ECX|)))
(let ((?x2 (bvand |request:0x4.0.ECX| ?x1)))
(let (($x3 (= ?x2 (_ bv0 32))))
(let (($x4 (not $x3)))
(let (($x5 (=> |violate:no_silent_drop:8| $x4)))
(let (($x6 (and $x3 $x3)))
(let (($x7 (not $x6)))
(let (($x8 (=> |violate:userspace_view_exact:8| $x7)))
(let ((?x9 (bvnot |known:0x4.0.ECX|)))
(let ((?x10 (bvand |request:0x4.0.ECX| ?x9)))
(let (($x11 (= ?x10 (_ bv0 32))))
(let (($x12 (not $x11)))
(let (($x13 (=> |violate:td_has_no_unknown:8| $x12)))
(let (($x14 (=> |violate:kvm_never_enables_unknown:8| $x12)))
(let (($x15 (= ?x9 (_ bv0 32))))
(let (($x16 (=> |guarantee:configurable_known| $x15)))
(and $x16 $x14 $x13 $x8 $x5))))))))))))))))))
; question 1: expected sat
(check-sat-assuming ())
; question 2: expected sat
(check-sat-assuming (|violate:kvm_never_enables_unknown:8|))
; question 3: expected sat
(check-sat-assuming (|violate:td_has_no_unknown:8|))
; question 4: expected unsat
(check-sat-assuming (|violate:userspace_view_exact:8|))
; question 5: expected unsat
(check-sat-assuming (|violate:no_silent_drop:8|))
(exit)
