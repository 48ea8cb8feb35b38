; cpuid-contracts proof obligation (SMT-LIB 2, QF_BV), written by `cpuid-contracts export --smtlib`
; check      upstream_6_16__tdx_1_5_01 (spec/checks.cpuid:130)
; design     upstream_6_16
; module     tdx_1_5_01
; component  25 of 70: registers 0x7.2.EAX, 0x7.2.EBX, 0x7.2.ECX, 0x7.2.EDX
; The assertions are the component's, as the deciding z3 solver held them, conjoined in one
; assert. Each question assumes the literals that switch on the spec's assumptions and
; guarantees (and, for an invariant, its violation in this component); the answer is z3's.
; question 1: vacuity: can the check's assumptions all hold here? expected sat (not vacuous)
; question 2: kvm_never_enables_unknown: can it fail here under the check's assumptions? expected unsat (violated)
; question 3: td_has_no_unknown: can it fail here under the check's assumptions? expected sat (violated)
; question 4: fixed1_visible: can it fail here under the check's assumptions? expected unsat (proved)
; question 5: userspace_view_exact: can it fail here under the check's assumptions? expected unsat (proved)
; question 6: no_silent_drop: can it fail here under the check's assumptions? expected unsat (proved)
(set-logic QF_BV)
(declare-fun |native:0x7.2.EDX| () (_ BitVec 32))
(declare-fun |request:0x7.2.EDX| () (_ BitVec 32))
(declare-fun |request:0x7.2.ECX| () (_ BitVec 32))
(declare-fun |request:0x7.2.EBX| () (_ BitVec 32))
(declare-fun |request:0x7.2.EAX| () (_ BitVec 32))
(declare-fun |violate:no_silent_drop:25| () Bool)
(declare-fun |violate:userspace_view_exact:25| () Bool)
(declare-fun |violate:fixed1_visible:25| () Bool)
(declare-fun |known:0x7.2.EDX| () (_ BitVec 32))
(declare-fun |violate:td_has_no_unknown:25| () Bool)
(declare-fun |violate:kvm_never_enables_unknown:25| () Bool)
(declare-fun |guarantee:fixed1_known| () Bool)
(declare-fun |guarantee:configurable_known| () Bool)
(declare-fun |assume:33| () Bool)
(declare-fun |assume:29| () Bool)
(declare-fun |assume:28| () Bool)
(declare-fun |assume:14| () Bool)
(assert
 (let ((?x1 (bvor (_ bv23 32) (bvand (_ bv40 32) (bvand |request:0x7.2.EDX| |native:0x7.2.EDX|)))))
(let ((?x2 (bvnot ?x1)))
(let (($x3 (= |request:0x7.2.ECX| (_ bv0 32))))
(let (($x4 (= |request:0x7.2.EBX| (_ bv0 32))))
(let (($x5 (= |request:0x7.2.EAX| (_ bv0 32))))
(let (($x6 (=> |violate:no_silent_drop:25| (not (and $x5 $x4 $x3 (= (bvand |request:0x7.2.EDX| ?x2) (_ bv0 32)))))))
(let (($x7 (=> |violate:userspace_view_exact:25| (not (and (= (bvand ?x1 ?x2) (_ bv0 32)) (= (bvand ?x1 ?x2) (_ bv0 32)))))))
(let (($x8 (=> |violate:fixed1_visible:25| (not (= (bvand (bvand ?x1 (_ bv23 32)) ?x2) (_ bv0 32))))))
(let (($x9 (=> |violate:td_has_no_unknown:25| (not (= (bvand ?x1 (bvnot |known:0x7.2.EDX|)) (_ bv0 32))))))
(let (($x10 (=> |violate:kvm_never_enables_unknown:25| (not (= (bvand (bvand ?x1 (_ bv40 32)) (bvnot |known:0x7.2.EDX|)) (_ bv0 32))))))
(let (($x11 (=> |guarantee:fixed1_known| (= (bvand (_ bv23 32) (bvnot |known:0x7.2.EDX|)) (_ bv0 32)))))
(let (($x12 (=> |guarantee:configurable_known| (= (bvand (_ bv40 32) (bvnot |known:0x7.2.EDX|)) (_ bv0 32)))))
(let (($x13 (=> |assume:33| (= (bvand |request:0x7.2.EDX| (_ bv4294967255 32)) (_ bv0 32)))))
(let (($x14 (=> |assume:33| $x3)))
(let (($x15 (=> |assume:33| $x4)))
(let (($x16 (=> |assume:33| $x5)))
(let (($x17 (or (not $x5) (not $x4) (not $x3) (not (= |request:0x7.2.EDX| (_ bv0 32))))))
(let (($x18 (=> |assume:29| (= (ite $x17 (_ bv4294967295 32) (_ bv0 32)) (_ bv0 32)))))
(let (($x19 (= |request:0x7.2.EDX| (_ bv0 32))))
(let (($x20 (=> |assume:28| $x19)))
(let (($x21 (=> |assume:28| $x3)))
(let (($x22 (=> |assume:28| $x4)))
(let (($x23 (=> |assume:28| $x5)))
(let (($x24 (=> |assume:14| (= (bvand |native:0x7.2.EDX| (_ bv23 32)) (_ bv23 32)))))
(and $x24 $x23 $x22 $x21 $x20 $x18 $x18 $x18 $x18 $x16 $x15 $x14 $x13 $x12 $x11 $x10 $x9 $x8 $x7 $x6))))))))))))))))))))))))))
; question 1: expected sat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:33|))
; question 2: expected unsat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:33| |violate:kvm_never_enables_unknown:25|))
; question 3: expected sat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:33| |violate:td_has_no_unknown:25|))
; question 4: expected unsat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:33| |violate:fixed1_visible:25|))
; question 5: expected unsat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:33| |violate:userspace_view_exact:25|))
; question 6: expected unsat
(check-sat-assuming (|assume:14| |assume:28| |assume:29| |assume:33| |violate:no_silent_drop:25|))
(exit)
