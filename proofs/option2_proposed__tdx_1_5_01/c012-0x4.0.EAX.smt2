; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option2_proposed__tdx_1_5_01 (spec/checks.cpuid:64)
; design     option2_proposed
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
; question 4: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |known:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |request:0x4.0.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:12| () Bool)
(declare-fun |violate:userspace_view_exact:12| () Bool)
(declare-fun |violate:td_has_no_unknown:12| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:12| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:27| () Bool)
(assert
 (let ((?x1 (bvnot |known:0x4.0.EAX|)))
(let ((?x2 (bvand (_ bv4294951935 32) ?x1)))
(let ((?x3 (bvor |request:0x4.0.EAX| ?x2)))
(let ((?x4 (bvand (_ bv4294951935 32) ?x3)))
(let ((?x5 (bvnot ?x4)))
(let ((?x6 (bvand |request:0x4.0.EAX| ?x5)))
(let (($x7 (= ?x6 (_ bv0 32))))
(let (($x8 (not $x7)))
(let (($x9 (=> |violate:no_silent_drop:12| $x8)))
(let ((?x10 (bvand ?x4 ?x5)))
(let (($x11 (= ?x10 (_ bv0 32))))
(let (($x12 (and $x11 $x11)))
(let (($x13 (not $x12)))
(let (($x14 (=> |violate:userspace_view_exact:12| $x13)))
(let ((?x15 (bvand ?x4 ?x1)))
(let (($x16 (= ?x15 (_ bv0 32))))
(let (($x17 (not $x16)))
(let (($x18 (=> |violate:td_has_no_unknown:12| $x17)))
(let ((?x19 (bvand ?x4 (_ bv4294951935 32))))
(let ((?x20 (bvand ?x19 ?x1)))
(let (($x21 (= ?x20 (_ bv0 32))))
(let (($x22 (not $x21)))
(let (($x23 (=> |violate:kvm_never_enables_unknown:12| $x22)))
(let (($x24 (= ?x2 (_ bv0 32))))
(let (($x25 (=> |guarantee:configurable_known| $x24)))
(let ((?x26 (bvand ?x3 (_ bv15360 32))))
(let (($x27 (= ?x26 (_ bv0 32))))
(let (($x28 (=> |assume:29| $x27)))
(let ((?x29 (bvand (_ bv4294951935 32) |known:0x4.0.EAX|)))
(let ((?x30 (bvnot ?x29)))
(let ((?x31 (bvand |request:0x4.0.EAX| ?x30)))
(let (($x32 (= ?x31 (_ bv0 32))))
(let (($x33 (=> |assume:28| $x32)))
(let (($x34 (=> |assume:27| $x32)))
(and $x34 $x33 $x28 $x25 $x23 $x18 $x14 $x9))))))))))))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:kvm_never_enables_unknown:12|))
; question 3: expected sat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:td_has_no_unknown:12|))
; question 4: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:userspace_view_exact:12|))
; question 5: expected unsat
(check-sat-assuming (|assume:27| |assume:28| |assume:29| |violate:no_silent_drop:12|))
(exit)
