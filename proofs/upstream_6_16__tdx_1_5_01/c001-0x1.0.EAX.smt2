; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01 (spec/checks.cpuid:130)
; design     upstream_6_16
; module     tdx_1_5_01
; component  1 of 39: registers 0x1.0.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x1.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:1| () Bool)
(declare-fun |violate:userspace_view_exact:1| () Bool)
(declare-fun |known:0x1.0.EAX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:1| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:1| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:32| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand (_ bv268386303 32) |request:0x1.0.EAX|)))
(let ((?x2 (bvnot ?x1)))
(let ((?x3 (bvand |request:0x1.0.EAX| ?x2)))
(let (($x4 (= ?x3 (_ bv0 32))))
(let (($x5 (not $x4)))
(let (($x6 (=> |violate:no_silent_drop:1| $x5)))
(let ((?x7 (bvand ?x1 ?x2)))
(let (($x8 (= ?x7 (_ bv0 32))))
(let (($x9 (and $x8 $x8)))
(let (($x10 (not $x9)))
(let (($x11 (=> |violate:userspace_view_exact:1| $x10)))
(let ((?x12 (bvnot |known:0x1.0.EAX|)))
(let ((?x13 (bvand ?x1 ?x12)))
(let (($x14 (= ?x13 (_ bv0 32))))
(let (($x15 (not $x14)))
(let (($x16 (=> |violate:td_has_no_unknown:1| $x15)))
(let ((?x17 (bvand ?x1 (_ bv268386303 32))))
(let ((?x18 (bvand ?x17 ?x12)))
(let (($x19 (= ?x18 (_ bv0 32))))
(let (($x20 (not $x19)))
(let (($x21 (=> |violate:kvm_never_enables_unknown:1| $x20)))
(let ((?x22 (bvand (_ bv268386303 32) ?x12)))
(let (($x23 (= ?x22 (_ bv0 32))))
(let (($x24 (=> |guarantee:configurable_known| $x23)))
(let ((?x25 (bvand |request:0x1.0.EAX| (_ bv4026580992 32))))
(let (($x26 (= ?x25 (_ bv0 32))))
(let (($x27 (=> |assume:32| $x26)))
(let (($x28 (=> |assume:27| $x26)))
(and $x28 $x27 $x24 $x21 $x16 $x11 $x6))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:32|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:32| |violate:kvm_never_enables_unknown:1|))
; question 3: expected sat
(check-sat-assuming (|assume:27| |assume:32| |violate:td_has_no_unknown:1|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:32| |violate:userspace_view_exact:1|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:32| |violate:no_silent_drop:1|))
(exit)
