; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      option1_tell__tdx_1_5_01 (spec/checks.cpuid:31)
; design     option1_tell
; module     tdx_1_5_01
; component  12 of 247: registers 0x4.0.EAX
; stands for 3 more component(s) with the same constraints up to renaming, not exported: registers 0x4.1.EAX, 0x4.2.EAX, 0x4.3.EAX
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
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(assert
 (let (($x1 (= (bvand |request:0x4.0.EAX| (bvnot (bvand (_ bv4294951935 32) |request:0x4.0.EAX|))) (_ bv0 32))))
(let (($x2 (=> |violate:no_silent_drop:12| (not $x1))))
(let (($x3 (= (bvand (bvand (_ bv4294951935 32) |request:0x4.0.EAX|) (bvnot |request:0x4.0.EAX|)) (_ bv0 32))))
(let (($x4 (=> |violate:userspace_view_exact:12| (not (and $x1 $x3)))))
(let (($x5 (= (bvand (bvand (_ bv4294951935 32) |request:0x4.0.EAX|) (bvnot |known:0x4.0.EAX|)) (_ bv0 32))))
(let (($x6 (=> |violate:td_has_no_unknown:12| (not $x5))))
(let ((?x7 (bvnot |known:0x4.0.EAX|)))
(let (($x8 (= (bvand (bvand (bvand (_ bv4294951935 32) |request:0x4.0.EAX|) (_ bv4294951935 32)) ?x7) (_ bv0 32))))
(let (($x9 (=> |violate:kvm_never_enables_unknown:12| (not $x8))))
(let (($x10 (=> |guarantee:configurable_known| (= (bvand (_ bv4294951935 32) ?x7) (_ bv0 32)))))
(let (($x11 (= (bvand |request:0x4.0.EAX| (_ bv15360 32)) (_ bv0 32))))
(let (($x12 (=> |assume:29| $x11)))
(let (($x13 (=> |assume:28| $x11)))
(and $x13 $x12 $x10 $x9 $x6 $x4 $x2)))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:28| |assume:29|))
; question 2: expected sat
(check-sat-assuming (|assume:28| |assume:29| |violate:kvm_never_enables_unknown:12|))
; question 3: expected sat
(check-sat-assuming (|assume:28| |assume:29| |violate:td_has_no_unknown:12|))
; question 4: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:userspace_view_exact:12|))
; question 5: expected unsat
(check-sat-assuming (|assume:28| |assume:29| |violate:no_silent_drop:12|))
(exit)
