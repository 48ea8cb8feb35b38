; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  12 of 135: registers 0x4.0.EAX
; stands for 2 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.EAX, 0x4.3.EAX
; stands for 1 left-out leaf copies (alike to a kept leaf, independent of other leaves but for shared words): registers 0x4.2.EAX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (violated)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |request:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:12| () Bool)
(declare-fun |violate:userspace_view_exact:12| () Bool)
(declare-fun |known:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:12| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:12| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvand (_ bv4294951935 32) |request:0x4.0.EAX|)))
(let ((?x2 (bvnot ?x1)))
(let ((?x3 (bvand |request:0x4.0.EAX| ?x2)))
(let (($x4 (= ?x3 (_ bv0 32))))
(let (($x5 (not $x4)))
(let (($x6 (=> |violate:no_silent_drop:12| $x5)))
(let ((?x7 (bvnot |request:0x4.0.EAX|)))
(let ((?x8 (bvand ?x1 ?x7)))
(let (($x9 (= ?x8 (_ bv0 32))))
(let (($x10 (and $x4 $x9)))
(let (($x11 (not $x10)))
(let (($x12 (=> |violate:userspace_view_exact:12| $x11)))
(let ((?x13 (bvnot |known:0x4.0.EAX|)))
(let ((?x14 (bvand ?x1 ?x13)))
(let (($x15 (= ?x14 (_ bv0 32))))
(let (($x16 (not $x15)))
(let (($x17 (=> |violate:td_has_no_unknown:12| $x16)))
(let ((?x18 (bvand ?x1 (_ bv4294951935 32))))
(let ((?x19 (bvand ?x18 ?x13)))
(let (($x20 (= ?x19 (_ bv0 32))))
(let (($x21 (not $x20)))
(let (($x22 (=> |violate:kvm_never_enables_unknown:12| $x21)))
(let ((?x23 (bvand (_ bv4294951935 32) ?x13)))
(let (($x24 (= ?x23 (_ bv0 32))))
(let (($x25 (=> |guarantee:configurable_known| $x24)))
(let ((?x26 (bvand |request:0x4.0.EAX| (_ bv15360 32))))
(let (($x27 (= ?x26 (_ bv0 32))))
(let (($x28 (=> |assume:28| $x27)))
(let (($x29 (=> |assume:27| $x27)))
(and $x29 $x28 $x25 $x22 $x17 $x12 $x6)))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:28| |violate:kvm_never_enables_unknown:12|))
; question 3: expected sat
(check-sat-assuming (|assume:27| |assume:28| |violate:td_has_no_unknown:12|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:userspace_view_exact:12|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |violate:no_silent_drop:12|))
(exit)
